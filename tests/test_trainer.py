import io

import docx

from trainer.coursepack import DocumentInput, build_course_pack
from trainer.export import to_docx, to_markdown

TEXT = (
    "Phường Thạch Bàn triển khai chính quyền đô thị\n\n"
    "Ngày 12/4/2021, UBND Thành phố ban hành Kế hoạch số 100/KH-UBND về thí điểm mô hình chính quyền đô thị. "
    "Đồng chí Lê Văn Mẫu, Chủ tịch UBND phường, chủ trì hội nghị sơ kết ngày 3/8/2022. "
    "Năm 2022, phường giải quyết 4.321 hồ sơ hành chính, đạt tỷ lệ 99,5% đúng hạn. "
    "Phường tiếp nhận 15 công chức và giảm 12 người hoạt động không chuyên trách. "
    "Đồng chí Trần Thị Hoa, Phó Chủ tịch UBND phường, phụ trách cải cách hành chính."
)
DOC = DocumentInput("a.txt", "Phường Thạch Bàn triển khai chính quyền đô thị", "2022-08-05", TEXT)


def test_course_pack_items_quote_the_document_exactly():
    pack = build_course_pack([DOC], "Bài giảng thử")
    sources = [
        *pack.key_points,
        *(f.source for f in pack.figures),
        *(e.source for e in pack.timeline),
        *(q.source for q in pack.quiz),
    ]
    assert sources
    for source in sources:
        assert TEXT[source.start : source.end] == source.quote
    values = {f.value: f.measures for f in pack.figures}
    assert values["4.321"] == "hồ sơ hành chính" and "99,5%" in values and values["15"] == "công chức"
    assert "2022" not in values  # years are not figures
    assert [e.date for e in pack.timeline] == ["2021-04-12", "2022-08-03"]


def test_quiz_has_answer_keys_and_plausible_options():
    pack = build_course_pack([DOC], "Bài giảng thử")
    kinds = {q.kind for q in pack.quiz}
    assert kinds == {"mcq", "fill"}
    for item in pack.quiz:
        assert "_____" in item.question and item.answer
        if item.kind == "mcq":
            assert item.answer in item.options and len(set(item.options)) == len(item.options) >= 2
    people = [q for q in pack.quiz if q.question.startswith("Ai")]
    assert people and people[0].answer in ("Lê Văn Mẫu", "Trần Thị Hoa")


def test_exports():
    pack = build_course_pack([DOC], "Bài giảng thử")
    markdown = to_markdown(pack)
    assert markdown.startswith("# Bài giảng thử") and "## Số liệu chính" in markdown and "## Đáp án" in markdown
    assert "| 4.321 | hồ sơ hành chính |" in markdown
    document = docx.Document(io.BytesIO(to_docx(pack)))
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Bài giảng thử" in text and "Đáp án" in text
    assert document.tables[0].rows[1].cells[0].text
