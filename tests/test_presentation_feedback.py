import json

from answering.types import Answer, Citation, Turn
from cqdt.feedback import FeedbackStore
from cqdt.presentation import answer_markdown, conversation_markdown, source_html

DOC = "Mở đầu. <script>alert(1)</script> Quận tiếp nhận 98.840 hồ sơ. Kết thúc."
QUOTE_START = DOC.index("Quận")
CITATION = Citation(
    1,
    "a.txt",
    "Tiêu đề <b>đậm</b>",
    "2024-04-26",
    "a#1",
    "Quận tiếp nhận 98.840 hồ sơ.",
    QUOTE_START,
    QUOTE_START + len("Quận tiếp nhận 98.840 hồ sơ."),
)
ANSWER = Answer("Bao nhiêu hồ sơ?", "Quận tiếp nhận 98.840 hồ sơ [1].", False, (CITATION,))


def test_source_panel_highlights_the_quote_and_escapes_everything():
    html = source_html(CITATION, DOC)
    assert "<mark>Quận tiếp nhận 98.840 hồ sơ.</mark>" in html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<b>" not in html and "26/04/2024" in html


def test_answer_markdown_states_sources_and_abstention():
    text = answer_markdown(ANSWER)
    assert "[1] Tiêu đề &lt;b&gt;đậm&lt;/b&gt; (26/04/2024)" in text
    abstained = answer_markdown(Answer("Q?", "Các tài liệu hiện có không đề cập tới Cầu Giấy.", True))
    assert abstained.startswith("**Không có trong tài liệu.**")


def test_conversation_export():
    text = conversation_markdown([ANSWER])
    assert "## 1. Bao nhiêu hồ sơ?" in text and "«Quận tiếp nhận 98.840 hồ sơ.»" in text


def test_feedback_is_stored_and_exported_as_evaluation_cases(tmp_path):
    store = FeedbackStore(tmp_path / "fb.sqlite3")
    store.record(ANSWER, 1)
    store.record(
        ANSWER,
        -1,
        comment="thiếu",
        expected="98.840 hồ sơ",
        history=(Turn("user", "Trước đó?"), Turn("assistant", "Đáp.")),
    )
    store.record(Answer("Dân số?", "…", False), -1, unanswerable=True)
    store.close()
    reopened = FeedbackStore(tmp_path / "fb.sqlite3")  # persistent
    assert len(reopened.rows()) == 3
    cases = [json.loads(line) for line in reopened.export_jsonl().splitlines()]
    assert cases[0] == {
        "id": "fb2",
        "question": "Bao nhiêu hồ sơ?",
        "answers": [["98.840 hồ sơ"]],
        "sources": ["a.txt"],
        "answerable": True,
        "category": "feedback",
        "history": [{"role": "user", "content": "Trước đó?"}, {"role": "assistant", "content": "Đáp."}],
    }
    assert cases[1]["answerable"] is False and cases[1]["answers"] == []
