"""Opening Chroma: embedded under the data dir (one process at a time) or a shared server."""

from __future__ import annotations

import fcntl
import os
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlparse

from cqdt.errors import DataDirLockedError, StoreError
from cqdt.settings import Settings


@dataclass
class ChromaHandle:
    client: Any
    lock: IO[str] | None = None

    def close(self) -> None:
        if self.lock is not None:
            fcntl.flock(self.lock, fcntl.LOCK_UN)
            self.lock.close()
            self.lock = None


def _lock_data_dir(data_dir: Path) -> IO[str]:
    # Embedded Chroma is not safe for two processes at once (it can hang, chroma-core/chroma#7040):
    # refuse clearly instead.
    data_dir.mkdir(parents=True, exist_ok=True)
    handle = (data_dir / "cqdt.lock").open("a+", encoding="utf-8")
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        handle.close()
        raise DataDirLockedError(
            vi=f"Thư mục dữ liệu {data_dir} đang được một tiến trình khác (ví dụ 'cqdt serve') sử dụng. "
            "Hãy dừng tiến trình đó, hoặc dùng chung một máy chủ Chroma (CQDT_CHROMA_URL).",
            en=f"data dir {data_dir} is in use by another process; stop it or use a Chroma server",
        ) from exc
    handle.seek(0)
    handle.truncate()
    handle.write(str(os.getpid()))
    handle.flush()
    return handle


def open_chroma(settings: Settings) -> ChromaHandle:
    import chromadb
    from chromadb.config import Settings as ChromaSettings

    chroma_settings = ChromaSettings(anonymized_telemetry=False)
    if settings.chroma_url:
        url = urlparse(settings.chroma_url)
        if url.scheme not in ("http", "https") or not url.hostname:
            raise StoreError(
                vi=f"CQDT_CHROMA_URL không hợp lệ: {settings.chroma_url} (ví dụ http://127.0.0.1:8000).",
                en=f"invalid CQDT_CHROMA_URL: {settings.chroma_url}",
            )
        try:
            client = chromadb.HttpClient(
                host=url.hostname,
                port=url.port or (443 if url.scheme == "https" else 8000),
                ssl=url.scheme == "https",
                settings=chroma_settings,
            )
            client.heartbeat()
        except Exception as exc:
            raise StoreError(
                vi=f"Không kết nối được máy chủ Chroma tại {settings.chroma_url}. Hãy kiểm tra máy chủ đã chạy.",
                en=f"cannot reach the Chroma server at {settings.chroma_url}: {exc}",
            ) from exc
        return ChromaHandle(client)
    lock = _lock_data_dir(settings.data_dir)
    try:
        client = chromadb.PersistentClient(path=str(settings.data_dir / "chroma"), settings=chroma_settings)
    except Exception as exc:
        fcntl.flock(lock, fcntl.LOCK_UN)
        lock.close()
        raise StoreError(
            vi=f"Không mở được chỉ mục tại {settings.data_dir}: {exc}",
            en=f"cannot open the index at {settings.data_dir}: {exc}",
        ) from exc
    return ChromaHandle(client, lock)
