"""Server mode: several processes share one real `chroma run` server; lexical indexes follow it."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cqdt.library import Library

from .chroma_server import chroma_server
from .conftest import make_settings

pytestmark = pytest.mark.slow

NOTE = (
    "Phường Phúc Đồng triển khai chính quyền đô thị.\n\n"
    "Năm 2023, phường Phúc Đồng tiếp nhận 7.777 hồ sơ trực tuyến qua Cổng dịch vụ công."
)


def test_two_processes_share_a_chroma_server(tmp_path: Path):
    with chroma_server(tmp_path / "server") as url:
        writer_settings = make_settings(tmp_path / "unused-a", chroma_url=url)
        reader_settings = make_settings(tmp_path / "unused-b", chroma_url=url)
        with Library(writer_settings) as writer, Library(reader_settings) as reader:
            assert reader.search("Phúc Đồng", k=3) == []  # builds the reader's (empty) lexical index
            note = tmp_path / "phuc_dong.txt"
            note.write_text(NOTE, encoding="utf-8")
            assert writer.ingest_paths([note])[0].status == "added"
            hits = reader.search("phuc dong tiep nhan bao nhieu ho so", k=1)  # accentless: lexical must follow
            assert hits and "7.777" in hits[0].chunk.text
            note.write_text(NOTE.replace("7.777", "8.888"), encoding="utf-8")
            writer.ingest_paths([note])
            assert "8.888" in reader.search("phuc dong tiep nhan bao nhieu ho so", k=1)[0].chunk.text
            writer.remove("phuc_dong.txt")
            assert reader.search("Phúc Đồng", k=3) == []
            writer.ingest_paths([note])
        # A separate OS process, as a second app or CLI would be.
        env = {**os.environ, "CQDT_CHROMA_URL": url, "CQDT_DATA_DIR": str(tmp_path / "unused-c")}
        out = subprocess.run(
            [sys.executable, "-m", "cqdt.cli", "search", "8.888 hồ sơ trực tuyến", "-k", "1", "--json"],
            capture_output=True,
            text=True,
            env=env,
            timeout=300,
            check=True,
        )
        assert json.loads(out.stdout)["results"][0]["doc_id"] == "phuc_dong.txt"


def test_unreachable_server_is_a_clear_error(tmp_path: Path):
    from cqdt.errors import StoreError

    from .chroma_server import free_port

    with pytest.raises(StoreError) as info:
        Library(make_settings(tmp_path, chroma_url=f"http://127.0.0.1:{free_port()}"))
    assert "Chroma" in info.value.vi
