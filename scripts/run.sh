#!/usr/bin/env bash
# Set up, index the default corpus, and answer a first question from the command line.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
cqdt ingest
cqdt search "Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?" -k 3
