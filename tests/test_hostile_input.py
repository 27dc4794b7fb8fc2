"""Hostile files are ingested safely or refused clearly; the documents already stored never change."""

from pathlib import Path

import pytest

from answering.service import Assistant
from cqdt.library import Library
from cqdt.settings import DEFAULT_CORPUS_DIR

from . import hostile_corpus
from .conftest import SEED_IDS, make_settings

pytestmark = pytest.mark.slow


def test_hostile_corpus(tmp_path: Path):
    seed = DEFAULT_CORPUS_DIR / SEED_IDS[2]
    expectations = hostile_corpus.build(tmp_path / "hostile", seed.read_text(encoding="utf-8"))
    assert len(expectations) >= 30
    with Library(make_settings(tmp_path / "data")) as library:
        library.ensure_corpus()
        seeds_before = {d: h for d, h in library.catalog.states().items()}
        seed_chunks = {d: [c.chunk_id for c in library.chunks(d)] for d in SEED_IDS}

        results = {r.doc_id: r for r in library.ingest_paths(sorted((tmp_path / "hostile").iterdir()))}
        assert set(results) == set(expectations)
        for name, expected in expectations.items():
            result = results[name]
            if expected == "ok":
                assert result.status == "added", (name, result)
            else:
                assert result.status in ("error", "duplicate"), (name, result)
                assert result.message_vi and result.message_en, name

        states = library.catalog.states()
        assert {d: states[d] for d in SEED_IDS} == seeds_before
        assert {d: [c.chunk_id for c in library.chunks(d)] for d in SEED_IDS} == seed_chunks
        # Every stored document is whole: its catalog count matches its chunks, nothing orphaned.
        assert library.vectors.count() == sum(r.chunk_count for r in library.documents())

        # Uploads with path-traversal names land under their base name only.
        upload = library.ingest_bytes("Phường Cự Khối có 9 tổ dân phố.".encode(), "../../../etc/cron.d/x.txt")
        assert upload.doc_id == "x.txt" and upload.status == "added"

        assistant = Assistant(library)
        injected = assistant.ask("Hà Nội có bao nhiêu quận theo tài liệu?")
        assert "100 quận" not in injected.answer or all(c.doc_id == "injection.txt" for c in injected.citations)
        text = library.text("scripts.html")
        assert "alert" not in text and "document.write" not in text and "19 tổ dân phố" in text
        assert "\x00" not in library.text("control-chars.txt") and "\x1b" not in library.text("control-chars.txt")
        assert "Giang Biên" in library.text("windows-1258.txt")
