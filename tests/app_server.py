"""The real app (`python app.py`) on a free loopback port, for API and browser tests."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from cqdt.servers import free_port, stop, wait_for_http

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def running_app(data_dir: Path, **env: str) -> Iterator[str]:
    port = free_port()
    environment = {**os.environ, "CQDT_DATA_DIR": str(data_dir), "CQDT_PORT": str(port), **env}
    data_dir.parent.mkdir(parents=True, exist_ok=True)
    log = (data_dir.parent / f"app-{port}.log").open("w")
    process = subprocess.Popen([sys.executable, str(ROOT / "app.py")], env=environment, stdout=log, stderr=log)
    url = f"http://127.0.0.1:{port}"
    try:
        try:
            wait_for_http(f"{url}/api/health", process, 300, ok=(200, 401))  # the first start indexes the corpus
        except RuntimeError as exc:
            raise RuntimeError(f"app did not start: {(data_dir.parent / f'app-{port}.log').read_text()}") from exc
        yield url
    finally:
        stop(process, 20)
        log.close()
