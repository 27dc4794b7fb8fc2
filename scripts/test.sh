#!/usr/bin/env bash
# Set up, then lint, type-check and run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --dev
. .venv/bin/activate
ruff check .
ruff format --check .
mypy
python -m pytest -q "$@"
