"""Crashes, restarts with thousands of chunks, and concurrent clients lose nothing."""

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from cqdt.library import Library
from cqdt.settings import DEFAULT_CORPUS_DIR

from . import fakes
from .app_server import ROOT, running_app
from .chroma_server import chroma_server
from .conftest import SEED_IDS, make_settings

pytestmark = pytest.mark.slow


def consistent(library: Library) -> dict[str, int]:
    """Every stored document exactly once: its chunks all present, unique, of its committed version."""
    counts = {}
    for record in library.documents():
        chunks = library.chunks(record.doc_id)
        assert len(chunks) == record.chunk_count, record.doc_id
        assert len({c.chunk_id for c in chunks}) == len(chunks)
        assert all(c.content_hash == record.content_hash for c in chunks)
        counts[record.doc_id] = record.chunk_count
    assert library.vectors.count() == sum(counts.values()), "orphaned or duplicated chunks"
    return counts


def test_ingest_killed_midway_completes_on_the_next_run(tmp_path: Path):
    corpus = tmp_path / "corpus"
    shutil.copytree(DEFAULT_CORPUS_DIR, corpus)
    env = {**os.environ, "CQDT_DATA_DIR": str(tmp_path / "data")}
    process = subprocess.Popen(
        [sys.executable, "-m", "cqdt.cli", "ingest", str(corpus)],
        env=env,
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
    )
    seen = b""
    assert process.stderr is not None
    while process.poll() is None:
        seen += process.stderr.read1(256)
        progress = [(int(a), int(b)) for a, b in re.findall(rb"(\d+)/(\d+) \[", seen)]
        if progress and 12 <= progress[-1][0] < progress[-1][1]:  # a document or two committed, one half-written
            process.send_signal(signal.SIGKILL)
            break
    process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, "ingest finished before it could be killed"

    rerun = subprocess.run(
        [sys.executable, "-m", "cqdt.cli", "ingest", "--json", str(corpus)],
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert rerun.returncode == 0, rerun.stderr
    statuses = [json.loads(line)["status"] for line in rerun.stdout.splitlines()]
    assert "added" in statuses and "unchanged" in statuses  # resumed, not redone
    with Library(make_settings(tmp_path / "data")) as library:
        assert sorted(consistent(library)) == SEED_IDS


VERIFY = """
import json, sys
sys.path.insert(0, {root!r})
from tests import fakes
fakes.register()
from cqdt.library import Library
from cqdt.settings import Settings
settings = Settings(_env_file=None, data_dir={data!r}, chroma_url={url!r}, embed_model="hash-test")
with Library(settings) as library:
    _, chunks = library.committed_chunks()
    embedder = library.embedder
    # A chunk lost from the index is absent from its own neighbourhood; being first, or even in the
    # top 3, is not asked of an approximate (HNSW) search over near-identical synthetic chunks.
    def found(chunk, k):
        query = embedder.get_query_embedding(chunk.title + "\\n" + chunk.text)
        return chunk.chunk_id in library.vectors.query(query, k)[0]
    missing = [c.chunk_id for c in chunks if not found(c, 3) and not found(c, 50)]
    print(json.dumps({{"chunks": len(chunks), "missing": missing[:20], "missing_count": len(missing)}}))
"""


def _ingest_synthetic(settings, documents: int) -> int:
    fakes.register()
    folder = Path(settings.data_dir).parent / "synthetic"
    folder.mkdir(exist_ok=True)
    for n in range(documents):
        (folder / f"bao-cao-{n:03d}.txt").write_text(fakes.synthetic_document(n), encoding="utf-8")
    with Library(settings) as library:
        results = library.ingest_paths([folder])
        assert all(r.status == "added" for r in results)
        return library.vectors.count()


def _verify(root: Path, data: Path, url: str | None) -> dict:
    script = VERIFY.format(root=str(ROOT), data=str(data), url=url)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=900, check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def test_more_than_2000_chunks_survive_a_restart_embedded(tmp_path: Path):
    settings = make_settings(tmp_path / "data", embed_model="hash-test")
    total = _ingest_synthetic(settings, 60)
    assert total > 2000
    report = _verify(ROOT, tmp_path / "data", None)  # a new process
    assert report == {"chunks": total, "missing": [], "missing_count": 0}


def test_more_than_2000_chunks_survive_a_server_restart(tmp_path: Path):
    with chroma_server(tmp_path / "server") as url:
        total = _ingest_synthetic(make_settings(tmp_path / "data", embed_model="hash-test", chroma_url=url), 60)
    assert total > 2000
    with chroma_server(tmp_path / "server") as url:  # the server process restarted on the same path
        report = _verify(ROOT, tmp_path / "data", url)
    assert report == {"chunks": total, "missing": [], "missing_count": 0}


QUESTIONS = [
    "Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?",
    "Ai là Bí thư Đảng ủy phường Bồ Đề?",
    "quan long bien co bao nhieu phuong",
    "Quận Cầu Giấy có bao nhiêu phường?",
    "Hội nghị sơ kết 01 năm của Long Biên diễn ra ngày nào?",
]


def test_twenty_clients_while_documents_are_ingested(tmp_path: Path):
    with running_app(tmp_path / "data") as url:
        errors: list[str] = []
        answered = []
        stop = threading.Event()

        def client(number: int) -> None:
            with httpx.Client(timeout=120) as http:
                for i in range(50):
                    response = http.post(f"{url}/api/ask", json={"question": QUESTIONS[(number + i) % len(QUESTIONS)]})
                    if response.status_code != 200:
                        errors.append(f"{response.status_code}: {response.text[:200]}")
                        continue
                    payload = response.json()
                    if not {"answer", "abstained", "citations", "retrieved"} <= set(payload):
                        errors.append(f"bad payload {payload}")
                    answered.append(payload)

        def uploader() -> None:
            with httpx.Client(timeout=300) as http:
                n = 0
                while not stop.is_set() and n < 6:
                    text = f"Phường Thử Nghiệm {n} giải quyết {1000 + n} hồ sơ năm 2023. " * 3
                    response = http.post(f"{url}/api/documents", files={"file": (f"thu-{n}.txt", text.encode())})
                    if response.status_code != 200:
                        errors.append(f"upload {response.status_code}: {response.text[:200]}")
                    n += 1

        started = time.monotonic()
        upload_thread = threading.Thread(target=uploader)
        upload_thread.start()
        with ThreadPoolExecutor(max_workers=20) as pool:
            list(pool.map(client, range(20)))
        stop.set()
        upload_thread.join()
        elapsed = time.monotonic() - started
        assert errors == [] and len(answered) == 1000, errors[:5]
        documents = httpx.get(f"{url}/api/documents").json()
        health = httpx.get(f"{url}/api/health").json()
        assert health["documents"] == len(documents) >= 6
        assert health["chunks"] == sum(d["chunk_count"] for d in documents)
        print(f"1000 requests from 20 clients in {elapsed:.1f} s with {len(documents) - 5} uploads, 0 errors")


def test_two_apps_share_a_chroma_server(tmp_path: Path):
    with (
        chroma_server(tmp_path / "server") as chroma_url,
        running_app(tmp_path / "a" / "data", CQDT_CHROMA_URL=chroma_url) as app_a,
        running_app(tmp_path / "b" / "data", CQDT_CHROMA_URL=chroma_url) as app_b,
    ):
        assert httpx.get(f"{app_b}/api/health").json()["documents"] == 5
        note = "Năm 2023, phường Phúc Lợi giải quyết 7.531 hồ sơ hành chính đúng hạn."
        uploaded = httpx.post(f"{app_a}/api/documents", files={"file": ("phuc-loi.txt", note.encode())}, timeout=300)
        assert uploaded.status_code == 200 and uploaded.json()["status"] == "added"
        answer = httpx.post(
            f"{app_b}/api/ask", json={"question": "phuc loi giai quyet bao nhieu ho so nam 2023"}, timeout=120
        ).json()
        assert "7.531" in answer["answer"] and answer["citations"][0]["doc_id"] == "phuc-loi.txt"
        assert httpx.delete(f"{app_a}/api/documents/phuc-loi.txt").status_code == 200
        gone = httpx.post(f"{app_b}/api/search", json={"query": "Phúc Lợi 7.531"}, timeout=120).json()
        assert all(r["doc_id"] != "phuc-loi.txt" for r in gone["results"])
