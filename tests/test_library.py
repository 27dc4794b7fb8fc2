"""The retrieval service on real Chroma (tmp dirs) with the real packaged embedding model."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cqdt.errors import DataDirLockedError, DocumentNotFoundError, InputError
from cqdt.library import Library, SearchFilters
from cqdt.settings import DEFAULT_CORPUS_DIR

from .conftest import SEED_IDS, make_settings
from .files import minimal_pdf

WARD = (
    "Tiêu đề: Phường Thạch Bàn triển khai chính quyền đô thị\n\n"
    "Năm 2023, phường Thạch Bàn đã giải quyết 4.321 hồ sơ hành chính đúng hạn. "
    "Chủ tịch UBND phường là đồng chí Lê Văn Mẫu.\n\n"
    "Phường không tổ chức HĐND từ ngày 01/7/2021 theo Nghị định số 32/2021/NĐ-CP."
)


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def state(library: Library) -> tuple[dict[str, str], int]:
    return library.catalog.states(), library.vectors.count()


def test_ingest_search_and_citation_offsets(library: Library, tmp_path: Path):
    results = library.ingest_paths([write(tmp_path / "thach_ban.txt", WARD)])
    assert [(r.doc_id, r.status) for r in results] == [("thach_ban.txt", "added")]
    hits = library.search("Thạch Bàn giải quyết bao nhiêu hồ sơ?", k=3)
    assert hits and hits[0].chunk.doc_id == "thach_ban.txt"
    text = library.text("thach_ban.txt")
    for hit in hits:
        assert text[hit.chunk.start : hit.chunk.end] == hit.chunk.text
    assert "4.321 hồ sơ" in hits[0].chunk.text


def test_reingest_unchanged_is_a_no_op(library: Library, tmp_path: Path):
    path = write(tmp_path / "thach_ban.txt", WARD)
    library.ingest_paths([path])
    before = state(library)
    assert [r.status for r in library.ingest_paths([path])] == ["unchanged"]
    assert state(library) == before


def test_changed_file_replaces_its_chunks_without_orphans(library: Library, tmp_path: Path):
    path = write(tmp_path / "thach_ban.txt", WARD)
    library.ingest_paths([path])
    old_hash = library.document("thach_ban.txt").content_hash
    assert library.search("4.321 hồ sơ", k=1)[0].chunk.doc_id == "thach_ban.txt"
    write(path, WARD.replace("4.321", "5.555") + "\n\nĐoạn bổ sung mới về chuyển đổi số.")
    assert [r.status for r in library.ingest_paths([path])] == ["updated"]
    record = library.document("thach_ban.txt")
    assert record.content_hash != old_hash
    assert library.vectors.count() == record.chunk_count  # nothing of the old version left
    assert all("4.321" not in h.chunk.text for h in library.search("4.321 hồ sơ", k=5))
    assert "5.555" in library.search("5.555 hồ sơ", k=1)[0].chunk.text
    assert "5.555" in library.text("thach_ban.txt")
    assert library.catalog._texts.count() == 1  # the old version's text is gone too


def test_remove_document(library: Library, tmp_path: Path):
    library.ingest_paths([write(tmp_path / "thach_ban.txt", WARD)])
    library.remove("thach_ban.txt")
    assert library.documents() == [] and library.vectors.count() == 0
    assert library.catalog._texts.count() == 0
    assert library.search("Thạch Bàn", k=3) == []
    with pytest.raises(DocumentNotFoundError):
        library.remove("thach_ban.txt")


def test_bad_input_is_reported_and_the_index_is_unchanged(library: Library, tmp_path: Path):
    library.ingest_paths([write(tmp_path / "thach_ban.txt", WARD)])
    before = state(library)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 10)
    (bad / "latin.txt").write_bytes(b"\xff\xfe\x81 caf\xe9 \xc3\x28")
    (bad / "broken.pdf").write_bytes(minimal_pdf(["x"])[:150])
    (bad / "program.exe").write_bytes(b"MZ")
    results = library.ingest_paths(sorted(bad.iterdir()))
    assert {r.doc_id: r.status for r in results} == {
        "binary.txt": "error",
        "broken.pdf": "error",
        "empty.txt": "error",
        "latin.txt": "error",
        "program.exe": "error",
    }
    assert all(r.message_vi and r.message_en for r in results)
    assert state(library) == before


def test_duplicate_content_under_another_name_is_skipped(library: Library, tmp_path: Path):
    library.ingest_paths([write(tmp_path / "a.txt", WARD)])
    results = library.ingest_paths([write(tmp_path / "b.txt", WARD)])
    assert results[0].status == "duplicate" and "a.txt" in results[0].message_vi
    assert [r.doc_id for r in library.documents()] == ["a.txt"]


def test_two_copies_in_one_ingest_are_stored_once(library: Library, tmp_path: Path):
    first, second = write(tmp_path / "a.txt", WARD), write(tmp_path / "b.txt", WARD)
    assert sorted(r.status for r in library.ingest_paths([first, second])) == ["added", "duplicate"]
    assert len(library.documents()) == 1
    assert library.vectors.count() == library.documents()[0].chunk_count


def test_many_small_documents_are_written_together_and_each_committed(library: Library, tmp_path: Path):
    paths = [write(tmp_path / f"phuong_{i:03d}.txt", WARD.replace("4.321", str(1000 + i))) for i in range(30)]
    results = library.ingest_paths(paths)
    assert [r.status for r in results] == ["added"] * 30
    assert library.vectors.count() == sum(d.chunk_count for d in library.documents())
    assert "1017" in library.search("1017 hồ sơ", k=1)[0].chunk.text


def test_uploaded_bytes_are_ingested_like_files(library: Library):
    result = library.ingest_bytes(WARD.encode(), "../../etc/upload.txt")
    assert (result.doc_id, result.status) == ("upload.txt", "added")  # path components never reach the id
    assert library.ingest_bytes(b"\x00\x01\x02", "x.txt").status == "error"


def test_empty_query_is_an_input_error(library: Library):
    with pytest.raises(InputError):
        library.search("   \n ")


def test_second_process_on_the_same_data_dir_gets_a_clear_error(library: Library, settings):
    with pytest.raises(DataDirLockedError) as info:
        Library(settings)
    assert "CQDT_CHROMA_URL" in info.value.vi


def test_orphans_of_an_interrupted_ingest_stay_invisible(library: Library, tmp_path: Path):
    library.ingest_paths([write(tmp_path / "thach_ban.txt", WARD)])
    committed = library.search("Lê Văn Mẫu", k=5)
    # Simulate a crash after the chunks of a new version were written but before the commit.
    orphan = committed[0].chunk
    ghost = type(orphan)(
        **{
            **orphan.__dict__,
            "chunk_id": "thach_ban.txt#ffffffffffff#0000",
            "content_hash": "f" * 64,
            "text": "Lê Văn Mẫu bị bãi nhiệm.",
        }
    )
    library.vectors.add([ghost], [library.embedder.get_query_embedding("Lê Văn Mẫu bị bãi nhiệm.")])
    assert all(h.chunk.content_hash != "f" * 64 for h in library.search("Lê Văn Mẫu bãi nhiệm", k=5))
    library.ingest_paths([write(tmp_path / "thach_ban.txt", WARD + "\n\nCập nhật.")])  # next run cleans up
    assert library.vectors.count() == library.document("thach_ban.txt").chunk_count


def test_filters(corpus_library: Library):
    hits = corpus_library.search(
        "hồ sơ thủ tục hành chính", k=5, filters=SearchFilters(places=frozenset({"Nam Từ Liêm"}))
    )
    assert hits and all(h.chunk.doc_id == "002_6749a8ba8db39570.txt" for h in hits)
    hits = corpus_library.search("hội nghị", k=5, filters=SearchFilters(date_from="2022-09-01", date_to="2022-12-31"))
    assert {h.chunk.doc_id for h in hits} <= {"003_249a505a986ba66b.txt", "004_693e48c796638abe.txt"}


def test_default_corpus_metadata(corpus_library: Library):
    records = {r.doc_id: r for r in corpus_library.documents()}
    assert sorted(records) == SEED_IDS
    assert records["000_4e350c0910f1c9e8.txt"].date == "2022-08-05"
    assert "97/2019/QH14" in records["000_4e350c0910f1c9e8.txt"].doc_numbers
    assert "Nam Từ Liêm" in records["002_6749a8ba8db39570.txt"].places


@pytest.mark.parametrize(
    ("accented", "accentless", "expected"),
    [
        (
            "Quận Nam Từ Liêm tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?",
            "quan nam tu liem tiep nhan bao nhieu ho so thu tuc hanh chinh",
            "98.840",
        ),
        (
            "Long Biên có bao nhiêu phần trăm bí thư cấp ủy phường không là người địa phương?",
            "long bien co bao nhieu phan tram bi thu cap uy phuong khong la nguoi dia phuong",
            "64,28%",
        ),
        ("Ai là Bí thư Đảng ủy phường Bồ Đề?", "ai la bi thu dang uy phuong bo de", "Nguyễn Thị Thanh Hằng"),
    ],
)
def test_questions_typed_without_diacritics_find_the_same_passage(corpus_library, accented, accentless, expected):
    top_accented = corpus_library.search(accented, k=3)
    top_accentless = corpus_library.search(accentless, k=3)
    assert expected in top_accented[0].chunk.text
    assert expected in top_accentless[0].chunk.text


@pytest.mark.slow
def test_index_survives_a_process_restart(tmp_path: Path):
    settings = make_settings(tmp_path / "data")
    with Library(settings) as library:
        library.ingest_paths([DEFAULT_CORPUS_DIR / "002_6749a8ba8db39570.txt"])
        expected = library.search("98.840 hồ sơ", k=1)[0].chunk.chunk_id
    env = {**os.environ, "CQDT_DATA_DIR": str(settings.data_dir)}
    out = subprocess.run(
        [sys.executable, "-m", "cqdt.cli", "search", "98.840 hồ sơ", "-k", "1", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
        timeout=300,
    )
    assert json.loads(out.stdout)["results"][0]["chunk_id"] == expected
