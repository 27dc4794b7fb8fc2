#!/usr/bin/env bash
# Set up, then lint, type-check and run the whole test suite (what CI runs).
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v chromium >/dev/null 2>&1; then
  # The browser tests drive Debian's chromium (Playwright's own browser download cannot work offline).
  if [ "$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
fi
bash scripts/setup.sh --dev
. .venv/bin/activate
ruff check .
ruff format --check .
mypy
python -m pytest -q "$@"
