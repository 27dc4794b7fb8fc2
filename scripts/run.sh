#!/usr/bin/env bash
# Set up, index the default corpus, and open the chat app at http://127.0.0.1:7860 (CQDT_HOST/CQDT_PORT).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
cqdt ingest
exec python app.py
