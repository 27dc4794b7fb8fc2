"""The `cqdt` command line, run as a real process against a tmp data dir."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import SEED_IDS


def run(data_dir: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CQDT_DATA_DIR": str(data_dir)}
    return subprocess.run(
        [sys.executable, "-m", "cqdt.cli", *args], capture_output=True, text=True, env=env, input=stdin, timeout=600
    )


@pytest.fixture(scope="module")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("cli") / "data"


@pytest.mark.slow
def test_first_search_builds_the_index_from_the_default_corpus(data_dir: Path):
    out = run(data_dir, "search", "quan nam tu liem tiep nhan bao nhieu ho so", "-k", "3", "--json")
    assert out.returncode == 0, out.stderr
    assert "Chỉ mục trống" in out.stderr
    payload = json.loads(out.stdout)
    assert payload["query"] == "quan nam tu liem tiep nhan bao nhieu ho so"
    first = payload["results"][0]
    assert set(first) >= {"rank", "doc_id", "chunk_id", "score", "title", "date", "text", "start", "end"}
    assert first["rank"] == 1 and first["doc_id"] == "002_6749a8ba8db39570.txt" and "98.840" in first["text"]
    assert len(payload["results"]) == 3


@pytest.mark.slow
def test_docs_show_and_reingest(data_dir: Path):
    listing = json.loads(run(data_dir, "docs", "--json").stdout)
    assert sorted(d["doc_id"] for d in listing) == SEED_IDS
    shown = run(data_dir, "show", SEED_IDS[2], "--text")
    assert shown.returncode == 0 and "Nam Từ Liêm" in shown.stdout and "quét mã QR" not in shown.stdout
    again = run(data_dir, "ingest", "--json")
    assert again.returncode == 0
    assert [json.loads(line)["status"] for line in again.stdout.splitlines()] == ["unchanged"] * len(SEED_IDS)


@pytest.mark.slow
def test_batch_search(data_dir: Path, tmp_path: Path):
    batch = tmp_path / "q.jsonl"
    batch.write_text(
        '{"id": "a", "question": "Bồ Đề có bao nhiêu ý kiến gửi tới hội nghị?"}\n'
        '{"id": "b", "question": "Long Bien giam bao nhieu nguoi hoat dong khong chuyen trach?"}\n',
        encoding="utf-8",
    )
    out = run(data_dir, "search", "--batch", str(batch), "-k", "2")
    assert out.returncode == 0, out.stderr
    rows = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["id"] for r in rows] == ["a", "b"]
    assert "14 ý kiến" in rows[0]["results"][0]["text"]
    assert "406" in rows[1]["results"][0]["text"]


@pytest.mark.slow
def test_errors_have_clear_messages_and_exit_codes(data_dir: Path, tmp_path: Path):
    missing = run(data_dir, "show", "no-such-doc.txt")
    assert missing.returncode == 1
    assert "Không có tài liệu" in missing.stderr and "Traceback" not in missing.stderr
    usage = run(data_dir, "search")
    assert usage.returncode == 2
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary\x02")
    ingest = run(data_dir, "ingest", str(bad))
    assert ingest.returncode == 1 and "nhị phân" in ingest.stdout and "Traceback" not in ingest.stderr
    batch = tmp_path / "bad.jsonl"
    batch.write_text('not json\n{"id": "x"}\n', encoding="utf-8")
    out = run(data_dir, "search", "--batch", str(batch))
    assert out.returncode == 1
    assert [("error" in json.loads(line)) for line in out.stdout.splitlines()] == [True, True]
    removed = run(data_dir, "rm", SEED_IDS[4])
    assert removed.returncode == 0
    assert SEED_IDS[4] not in run(data_dir, "docs").stdout


def test_invalid_settings_fail_cleanly(tmp_path: Path):
    env = {**os.environ, "CQDT_DATA_DIR": str(tmp_path), "CQDT_SEARCH_K": "zero"}
    out = subprocess.run([sys.executable, "-m", "cqdt.cli", "docs"], capture_output=True, text=True, env=env)
    assert out.returncode == 1 and "CQDT_" in out.stderr and "Traceback" not in out.stderr
