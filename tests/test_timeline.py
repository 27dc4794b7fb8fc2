"""Dates compared: which questions ask it, where a document's date is, and the gap in words."""

from datetime import date

import pytest

from answering.timeline import (
    Comparison,
    calendar_gap,
    date_question,
    event_question,
    first_event_day,
    gap_words,
    issue_claim,
    stated_date,
)


def test_a_gap_between_two_documents():
    asked = date_question("Kế hoạch số 100/KH-UBND được ban hành sau Nghị định số 32/2021/NĐ-CP bao nhiêu ngày?")
    assert asked is not None
    assert asked.comparison is Comparison.GAP
    assert asked.anchors == ("100/KH-UBND", "32/2021/NĐ-CP")
    assert asked.labels == ("Kế hoạch số 100/KH-UBND", "Nghị định số 32/2021/NĐ-CP")
    assert asked.unit == "ngay"


def test_a_date_the_question_gives_is_an_anchor_but_a_cited_documents_own_date_is_not():
    claim = date_question("Kế hoạch 131-KH/QU có được ban hành sau hội nghị sơ kết (3/8/2022) không?")
    assert claim is not None and claim.comparison is Comparison.CLAIM and claim.later
    assert claim.anchors == ("131-KH/QU", "3/8/2022")
    # '32/2021/NĐ-CP, ngày 29/3/2021' is one document with its date: one anchor, nothing to compare.
    assert date_question("Nghị định 32/2021/NĐ-CP, ngày 29/3/2021 ban hành sau bao nhiêu ngày?") is None


def test_which_document_came_first_reads_the_quiz_options():
    asked = date_question("Văn bản nào được ban hành trước?", ["Nghị quyết số 15-NQ/TU", "Chỉ thị số 15-CT/TU"])
    assert asked is not None and asked.comparison is Comparison.ORDER and not asked.later
    assert asked.anchors == ("15-NQ/TU", "15-CT/TU")


@pytest.mark.parametrize(
    "question",
    [
        "Hội nghị sơ kết bao nhiêu năm thực hiện Nghị quyết 15-NQ/TU và Chỉ thị 15-CT/TU?",  # no gap asked
        "Hội nghị nào diễn ra trước: sơ kết Nghị quyết 15-NQ/TU hay sơ kết Chỉ thị 15-CT/TU?",  # meetings
        "Kế hoạch 100/KH-UBND ban hành sau bao nhiêu ngày?",  # one anchor
        "Nghị quyết 97/2019/QH14 được ban hành ngày nào?",
    ],
)
def test_questions_that_compare_no_two_dates(question):
    assert date_question(question) is None


@pytest.mark.parametrize(
    ("question", "comparison", "events"),
    [
        (
            "Hội nghị sơ kết 01 năm thí điểm và hội nghị sơ kết Nghị quyết 15-NQ/TU, hội nghị nào diễn ra trước? "
            "Nêu ngày của mỗi hội nghị.",
            Comparison.ORDER,
            ("Hội nghị sơ kết 01 năm thí điểm", "hội nghị sơ kết Nghị quyết 15-NQ/TU"),
        ),
        (
            "Hội nghị nào diễn ra trước: sơ kết Nghị quyết 15-NQ/TU hay sơ kết Chỉ thị 15-CT/TU?",
            Comparison.ORDER,
            ("sơ kết Nghị quyết 15-NQ/TU", "sơ kết Chỉ thị 15-CT/TU"),
        ),
        (
            "hoi nghi doi thoai o Bo De co dien ra sau hoi nghi so ket khong",
            Comparison.CLAIM,
            ("hoi nghi doi thoai o Bo De", "hoi nghi so ket"),
        ),
        (
            "Từ hội nghị sơ kết ở Long Biên đến buổi đối thoại ở Bồ Đề là bao lâu?",
            Comparison.GAP,
            ("hội nghị sơ kết ở Long Biên", "buổi đối thoại ở Bồ Đề"),
        ),
    ],
)
def test_events_compared_as_the_question_names_them(question, comparison, events):
    asked = event_question(question)
    assert asked is not None and asked.events
    assert (asked.comparison, asked.anchors) == (comparison, events)
    assert asked.later == ("sau" in question)


def test_before_or_after_a_meeting_a_document_may_be_either():
    asked = event_question(
        "Kế hoạch số 131-KH/QU của Quận ủy (căn cứ tổ chức hội nghị đối thoại) được ban hành trước hay sau "
        "hội nghị sơ kết 01 năm thí điểm?"
    )
    assert asked is not None and asked.comparison is Comparison.GAP
    assert asked.anchors == ("Kế hoạch số 131-KH/QU của Quận ủy", "hội nghị sơ kết 01 năm thí điểm")
    assert event_question("Trước hay sau năm 2021 quận có bao nhiêu phường?") is None


@pytest.mark.parametrize(
    "question",
    [
        "Hội nghị đối thoại ở Bồ Đề diễn ra ngày nào?",  # one event
        "Sau hội nghị sơ kết, quận Long Biên ban hành kế hoạch nào?",  # no comparison of days
        "Trước năm 2021 quận có bao nhiêu phường?",
    ],
)
def test_questions_that_compare_no_two_events(question):
    assert event_question(question) is None


def test_an_events_day_is_the_first_day_not_a_cited_documents_own():
    sentence = "Ngày 3/8/2022, Quận ủy tổ chức Hội nghị sơ kết thực hiện Thông tri 03-TT/QU, ngày 22/4/2021"
    assert first_event_day(sentence) == date(2022, 8, 3)
    assert first_event_day("Thực hiện Thông tri 03-TT/QU, ngày 22/4/2021 của Ban Thường vụ") is None


def test_a_documents_date_is_where_an_article_cites_it():
    text = "thực hiện Nghị định số 32/2021/NĐ-CP, ngày 29/3/2021 của Chính phủ; Chỉ thị số 115-CT/TU ngày 1/1/2020"
    day, start, end = stated_date("32/2021/NĐ-CP", text) or (None, 0, 0)
    assert day == date(2021, 3, 29)
    assert text[start:end] == "32/2021/NĐ-CP, ngày 29/3/2021"
    assert stated_date("15-CT/TU", text) is None  # '115-CT/TU' is another document
    assert stated_date("32/2021/NĐ-CP", "Nghị định số 32/2021/NĐ-CP của Chính phủ") is None


def test_gaps_are_counted_as_a_calendar_counts_them():
    assert calendar_gap(date(2019, 11, 27), date(2021, 3, 29)) == (1, 4, 2)
    assert calendar_gap(date(2021, 1, 31), date(2021, 3, 1)) == (0, 1, 1)  # 31/1 + 1 month = 28/2
    assert gap_words(date(2021, 3, 29), date(2021, 4, 12)) == "14 ngày"
    assert gap_words(date(2021, 3, 29), date(2021, 4, 12), "tuan") == "2 tuần (14 ngày)"
    assert gap_words(date(2016, 12, 16), date(2017, 7, 4)) == "6 tháng 18 ngày (200 ngày)"
    assert gap_words(date(2019, 11, 27), date(2021, 3, 29), "thang") == "16 tháng 2 ngày (488 ngày)"
    assert gap_words(date(2019, 11, 27), date(2021, 3, 29)) == "1 năm 4 tháng 2 ngày (488 ngày)"


@pytest.mark.parametrize(
    ("question", "claimed", "holds"),
    [
        ("Quyết định số 2200-QĐ/TU được ban hành năm 2015, đúng không?", ("Quyết định số 2200-QĐ/TU", 2015), False),
        ("Kế hoạch 100/KH-UBND có phải được ban hành ngày 12/4/2021 không?", ("Kế hoạch 100/KH-UBND", 2021), True),
        ("Nghi dinh 32/2021/ND-CP ban hanh thang 3/2021 phai khong?", ("32/2021/ND-CP", 2021), True),
        ("Nghị định 32/2021/NĐ-CP ký vào tháng 4 năm 2021 phải không?", ("Nghị định 32/2021/NĐ-CP", 2021), False),
    ],
)
def test_the_issue_date_a_question_claims_of_a_document(question, claimed, holds):
    claim = issue_claim(question)
    assert claim is not None and (claim.label, claim.year) == claimed
    assert claim.holds(date(2021, 3, 29) if "32/2021" in question else date(2021, 4, 12)) is holds


@pytest.mark.parametrize(
    "question",
    [
        "Quyết định số 2200-QĐ/TU được ban hành năm nào?",  # asks the date, claims none
        "Kế hoạch 100/KH-UBND và Nghị định 32/2021/NĐ-CP ban hành năm 2021, đúng không?",  # two documents
        "Hội nghị sơ kết được tổ chức năm 2022, đúng không?",  # no document
    ],
)
def test_questions_that_claim_no_documents_issue_date(question):
    assert issue_claim(question) is None
