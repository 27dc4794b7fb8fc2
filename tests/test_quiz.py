"""Quiz-style questions read as plain ones: options and blanks taken out, the supported option found."""

import pytest

from answering.quiz import Quiz, as_question, chosen


@pytest.mark.parametrize(
    ("text", "question", "options"),
    [
        (
            "Tỷ lệ hồ sơ đúng hạn giai đoạn 2015 - 2020 là: A. 98,2%, B. 99,57%, C. 99,82% hay D. 97,5%?",
            "Tỷ lệ hồ sơ đúng hạn giai đoạn 2015 - 2020 là bao nhiêu?",
            ["98,2%", "99,57%", "99,82%", "97,5%"],
        ),
        (
            "Ai báo cáo kết quả 01 năm: A. Đường Hoài Nam, B. Nguyễn Mạnh Hà hoặc C. Nguyễn Doãn Toản?",
            "Ai báo cáo kết quả 01 năm?",
            ["Đường Hoài Nam", "Nguyễn Mạnh Hà", "Nguyễn Doãn Toản"],
        ),
        (
            "Người trình bày báo cáo tóm tắt là: A. Nguyễn Thị Thanh Hằng, B. Lưu Ngọc Tiến",
            "Người trình bày báo cáo tóm tắt là ai?",
            ["Nguyễn Thị Thanh Hằng", "Lưu Ngọc Tiến"],
        ),
        (
            "Nam Từ Liêm đứng thứ mấy về cải cách hành chính: thứ 1, thứ 2, thứ 3 hay thứ 5?",
            "Nam Từ Liêm đứng thứ mấy về cải cách hành chính?",
            ["thứ 1", "thứ 2", "thứ 3", "thứ 5"],
        ),
    ],
)
def test_options_are_taken_out_of_the_question(text, question, options):
    quiz = as_question(text)
    assert quiz.question == question
    assert [option for _, option in quiz.choices] == options


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("Điền vào chỗ trống: Hội nghị sơ kết diễn ra vào ngày ___.", "Hội nghị sơ kết diễn ra vào ngày nào?"),
        (
            "Điền vào: Nam Từ Liêm tiếp nhận ___ hồ sơ và đã giải quyết ___ hồ sơ.",
            "Nam Từ Liêm tiếp nhận bao nhiêu hồ sơ và đã giải quyết bao nhiêu hồ sơ?",
        ),
        ("Tỷ lệ hồ sơ đúng hạn đạt ___%.", "Tỷ lệ hồ sơ đúng hạn đạt bao nhiêu phần trăm?"),
        ("Hội nghị đối thoại do đồng chí ___ chủ trì", "Hội nghị đối thoại do đồng chí nào chủ trì?"),
        ("Điền vào chỗ trống: Phương châm của quận là …", "Phương châm của quận là gì?"),
        ("Đúng hay sai: Năm 2021 quận phải cưỡng chế.", "Năm 2021 quận phải cưỡng chế, đúng không?"),
        ("Trắc nghiệm: Hội nghị sơ kết diễn ra vào ngày ___.", "Hội nghị sơ kết diễn ra vào ngày nào?"),
    ],
)
def test_blanks_become_question_words_and_true_or_false_a_claim(text, question):
    assert as_question(text) == Quiz(question)


@pytest.mark.parametrize(
    "text",
    [
        "Ai chủ trì hội nghị đối thoại ở phường Bồ Đề?",
        "Quận Long Biên có 14 phường, đúng không?",
        "Thông tri 03... ban hành ngày nào?",  # an ellipsis, not a blank
        "Kết quả: tăng 5%, giảm 3% hay giữ nguyên?",  # no question word before the colon
    ],
)
def test_plain_questions_are_left_as_they_are(text):
    assert as_question(text) == Quiz(text)


def test_the_option_the_answer_states_is_chosen_only_when_it_is_the_only_one():
    choices = (("A", "98,2%"), ("B", "99,57%"), ("C", "99,82%"))
    assert chosen(choices, "Giai đoạn 2015 - 2020, quận đã giải quyết 99,82% hồ sơ [1].") == ("C", "99,82%")
    assert chosen(choices, "Long Biên 99,82% [1]; Nam Từ Liêm 99,57% [2].") is None
    assert chosen(choices, "Các tài liệu hiện có không nêu con số này.") is None
    assert chosen((("A", "2"), ("B", "12")), "khen thưởng 12 cá nhân") == ("B", "12")
