import re

from cqdt.settings import DEFAULT_CORPUS_DIR
from ingest.chunking import chunk_spans, legal_sections, split_sentences
from ingest.pipeline import prepare_file

from .conftest import SEED_IDS


def test_sentences_split_on_punctuation_not_on_numbers_or_abbreviations():
    text = "Đạt 99,57% trên 98.840 hồ sơ. TP. Hà Nội đứng thứ 2! Còn gì nữa? còn tiếp\nDòng mới"
    sentences = [text[s.start : s.end] for s in split_sentences(text)]
    assert sentences == [
        "Đạt 99,57% trên 98.840 hồ sơ.",
        "TP. Hà Nội đứng thứ 2!",
        "Còn gì nữa? còn tiếp",
        "Dòng mới",
    ]


def test_seed_chunks_are_exact_slices_ending_on_sentence_boundaries():
    for doc_id in SEED_IDS:
        document = prepare_file(DEFAULT_CORPUS_DIR / doc_id, max_bytes=10**7)
        text = document.text
        sentences = split_sentences(text)
        previous_end = 0
        for chunk in document.chunks:
            assert chunk.text == text[chunk.start : chunk.end]
            for offset in (chunk.start, chunk.end):
                # A boundary inside a sentence is allowed only in a sentence too long for one chunk.
                inside = [s for s in sentences if s.start < offset < s.end]
                assert not inside or inside[0].end - inside[0].start > 1000, (doc_id, chunk.index)
            assert chunk.start >= previous_end and not text[previous_end : chunk.start].strip()  # nothing skipped
            previous_end = chunk.end
        assert not text[previous_end:].strip()
        assert all(len(c.text) <= 1000 for c in document.chunks)


def test_chunks_prefer_paragraph_breaks_and_respect_the_size_target():
    paragraph = " ".join(f"Câu số {i} nói về chính quyền đô thị." for i in range(8))
    text = "\n\n".join([paragraph] * 6)
    spans = chunk_spans(text, target_chars=500, max_chars=900)
    assert len(spans) > 1
    for span in spans:
        assert span.end - span.start <= 900
        assert text[span.start : span.end].endswith(".")


def test_an_overlong_sentence_is_the_only_thing_ever_cut():
    text = "Mở đầu ngắn. " + ", ".join(["một mệnh đề rất dài về tổ chức bộ máy"] * 100) + "."
    spans = chunk_spans(text, target_chars=300, max_chars=500)
    assert all(span.end - span.start <= 500 for span in spans)
    assert "".join(text[s.start : s.end] for s in spans).replace(" ", "") == text.replace(" ", "")


LEGAL = """NGHỊ ĐỊNH
Quy định chi tiết một số điều của Nghị quyết số 97/2019/QH14
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết về tổ chức chính quyền đô thị tại Hà Nội.
Điều 2. Ủy ban nhân dân phường
1. Ủy ban nhân dân phường là cơ quan hành chính nhà nước.
2. Chủ tịch Ủy ban nhân dân phường là người đứng đầu.
Chương II
TỔ CHỨC BỘ MÁY
Mục 1
PHƯỜNG
Điều 3. Công chức phường
Công chức phường làm việc theo chế độ thủ trưởng."""


def test_legal_texts_split_on_articles_and_label_sections():
    sections = legal_sections(LEGAL)
    assert [label for _, label in sections] == ["", "Chương I, Điều 1", "Chương I, Điều 2", "Chương II, Mục 1, Điều 3"]
    spans = chunk_spans(LEGAL, target_chars=2000, max_chars=3000)
    assert [s.section for s in spans] == ["", "Chương I, Điều 1", "Chương I, Điều 2", "Chương II, Mục 1, Điều 3"]
    third = LEGAL[spans[3].start : spans[3].end]
    assert third.startswith("Chương II\nTỔ CHỨC BỘ MÁY") and "Điều 3" in third and "Điều 2" not in third
    for span in spans:
        assert len(re.findall(r"(?m)^Điều \d+", LEGAL[span.start : span.end])) <= 1


def test_chunk_metadata_lists_document_numbers_and_places():
    document = prepare_file(DEFAULT_CORPUS_DIR / "000_4e350c0910f1c9e8.txt", max_bytes=10**7)
    first_body = next(c for c in document.chunks if "32/2021/NĐ-CP" in c.text)
    assert {"32/2021/NĐ-CP", "97/2019/QH14", "100/KH-UBND", "03-TT/QU"} <= set(first_body.doc_numbers)
    assert "Long Biên" in first_body.places
