#!/usr/bin/env bash
# Create .venv and install the project (and its dev tools with --dev). Safe to re-run.
set -euo pipefail
cd "$(dirname "$0")/.."
python_bin=$(command -v python3.11 || command -v python3)
if [ ! -x .venv/bin/python ]; then
  "$python_bin" -m venv .venv
fi
. .venv/bin/activate
python -m pip install --quiet --upgrade pip
# The CPU build of torch first: left to the resolver, "torch" would pull a multi-GB CUDA build.
python -m pip install --quiet "torch==2.13.0"
if [ "${1:-}" = "--dev" ]; then
  # llama-cpp-python compiles from source; a portable build (its default -march=native build has died
  # with SIGILL on these machines). It takes several minutes the first time.
  export CMAKE_ARGS="-DGGML_NATIVE=OFF -DGGML_AVX=ON -DGGML_AVX2=ON -DGGML_FMA=ON -DGGML_F16C=ON -DGGML_BMI2=ON"
  python -m pip install --quiet -e ".[dev]"
else
  python -m pip install --quiet -e .
fi
