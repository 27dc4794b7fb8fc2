"""The answer service on the default corpus with the real model: the JSON contract and behaviour."""

import pytest

from answering.service import Assistant
from answering.types import Turn
from cqdt.errors import InputError

CONTRACT = {"question", "answer", "abstained", "citations", "retrieved", "timings_ms"}
CITATION = {"n", "doc_id", "title", "date", "chunk_id", "quote", "start", "end"}


@pytest.fixture(scope="module")
def assistant(corpus_library):
    return Assistant(corpus_library)


def check_contract(assistant: Assistant, payload: dict) -> None:
    assert set(payload) >= CONTRACT
    assert set(payload["timings_ms"]) >= {"retrieve", "answer", "total"}
    for citation in payload["citations"]:
        assert set(citation) >= CITATION
        text = assistant.library.text(citation["doc_id"])
        assert text[citation["start"] : citation["end"]] == citation["quote"]  # exact, highlightable
        assert f"[{citation['n']}]" in payload["answer"]
    for item in payload["retrieved"]:
        assert set(item) >= {"doc_id", "chunk_id", "score", "text"}


@pytest.mark.parametrize(
    ("question", "fact"),
    [
        ("Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", "98.840"),
        ("quan nam tu liem tiep nhan bao nhieu ho so thu tuc hanh chinh", "98.840"),
        ("Long Biên có bao nhiêu phần trăm bí thư cấp ủy phường không là người địa phương?", "64,28%"),
        ("Hội nghị sơ kết 01 năm của quận Long Biên diễn ra ngày nào?", "3/8/2022"),
        ("Ai là Bí thư Đảng ủy phường Bồ Đề?", "Nguyễn Thị Thanh Hằng"),
        ("Năm 2021 quận Long Biên có phải cưỡng chế giải phóng mặt bằng không?", "không phải tổ chức cưỡng chế"),
        ("Long Biên 2021 có phải cưỡng chê giải phóng mặt bằng ko", "không phải tổ chức cưỡng chế"),  # a tone typo
        ("hn doi thoai p Bồ Để co bn y kien gui toi nguoi dung dau cap uy chinh quyen", "14 ý kiến"),  # mixed typing
        # The second part names its own review: the first part's meeting does not narrow it.
        (
            "Ai báo cáo tại hội nghị sơ kết 1 năm chính quyền đô thị của Long Biên, "
            "và ai báo cáo tại hội nghị sơ kết Nghị quyết 15 của quận này?",
            "Ngô Mạnh Điềm",
        ),
        ("Quận nào có nhiều phường hơn: Long Biên hay Nam Từ Liêm?", "10 phường"),
        # The sentence stating the deed asked about answers, not a closer one about other records.
        ("NTL co hs tthc nao qua han ko", "không có trường hợp quá hạn"),
        # Whose they are, then what they did: the sentence naming both who attended.
        (
            "Những đồng chí nào của Thành ủy Hà Nội dự và chỉ đạo hội nghị sơ kết 01 năm ở quận Long Biên?",
            "Nguyễn Thanh Minh",
        ),
        ("Tại hội nghị sơ kết 1 năm, Chủ tịch UBND quận Long Biên khen thưởng bao nhiêu tập thể?", "11 tập thể"),
        # A list that begins clauses before the one matching best; each of several documents dated.
        ("Hội nghị đối thoại năm 2022 ở phường Bồ Đề được tổ chức theo những văn bản nào?", "6525-QĐ/TU"),
        (
            "Hãy nêu ngày ban hành của Nghị định số 32/2021/NĐ-CP, Kế hoạch số 100/KH-UBND và Thông tri 03-TT/QU.",
            "12/4/2021",
        ),
    ],
)
def test_answers_are_cited_and_contain_the_fact(assistant, question, fact):
    answer = assistant.ask(question)
    assert not answer.abstained, answer.answer
    assert fact in answer.answer
    assert any(fact in c.quote for c in answer.citations)
    check_contract(assistant, answer.to_dict())


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("Quận Cầu Giấy đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", "Cầu Giấy"),
        ("TP Hồ Chí Minh thí điểm chính quyền đô thị theo nghị quyết nào?", "Hồ Chí Minh"),
        ("Năm 2019 quận Long Biên khen thưởng bao nhiêu tập thể?", "2019"),
        ("Thời tiết Hà Nội cuối tuần này thế nào?", ""),
        ("Quận Long Biên đã chi bao nhiêu tỷ đồng cho chuyển đổi số?", ""),
        # One article names Tây Hồ once; its Bí thư Quận ủy is Nam Từ Liêm's.
        ("Bí thư Quận ủy Tây Hồ là ai?", ""),
        # Its sentence naming a Bí thư Quận ủy but no district belongs to the article about Nam Từ Liêm.
        ("Ai là Bí thư Quận ủy Tây Hồ trong giai đoạn thí điểm mô hình chính quyền đô thị?", ""),
        ("Toàn TP Hà Nội hiện có bao nhiêu phường đang thí điểm?", ""),
        ("Ông chủ tịch ủy ban quận Nam Từ Liêm tên là gì?", "HĐND"),  # its Chủ tịch HĐND is named, not UBND's
        ("Ai ký Kế hoạch số 131-KH/QU ngày 09/8/2022 của Quận ủy Long Biên?", ""),
        ("Nam Từ Liêm cung cấp được bao nhiêu phần trăm thủ tục hành chính ở mức độ 3 và 4?", "mức độ 3"),
        # The district's Chủ tịch UBND gave the awards, not the city's.
        ("Tại hội nghị sơ kết 1 năm của Long Biên, bao nhiêu tập thể nhận Bằng khen của Chủ tịch UBND Thành phố?", ""),
        # The city's UBND issued Kế hoạch 100; the district's plan is never numbered.
        ("UBND quận Long Biên đã ban hành kế hoạch số bao nhiêu để thí điểm mô hình chính quyền đô thị?", ""),
        # The article says it of 2021; what is left of 2022 says nothing of enforcement.
        ("Đúng hay sai: Năm 2022, quận Long Biên cũng không phải tổ chức cưỡng chế nào trong giải phóng mặt bằng.", ""),
        # What befell those counted, and how, must be stated with the count.
        ("Trong 6 tháng đầu năm 2022 phường Bồ Đề kết nạp được bao nhiêu đảng viên mới?", ""),
        ("Nam Từ Liêm có bao nhiêu hồ sơ thủ tục hành chính được giải quyết trước hạn?", ""),
        # The share in the wards' party committees ('cấp ủy cơ sở') is not the district committee's.
        ("Nhiệm kỳ 2020-2025, tỷ lệ nữ tham gia Ban Chấp hành Đảng bộ quận Long Biên đạt bao nhiêu?", "cơ sở"),
        # The city's UBND gave no award there; the district's chairman did.
        ("Tại hội nghị sơ kết 1 năm ở Long Biên, UBND Thành phố tặng Bằng khen cho bao nhiêu tập thể?", ""),
        # The clause comparing 2021 with 2016 gives a count, not a share; the 10 % is another clause's.
        ("So với năm 2016, biên chế của UBND quận Long Biên năm 2021 giảm bao nhiêu phần trăm?", "tỷ lệ"),
        # 'những hạn chế đã nêu trong báo cáo' refers to them without listing them.
        ("Báo cáo sơ kết một năm của Long Biên nêu cụ thể những hạn chế nào?", "không nêu cụ thể"),
    ],
)
def test_abstains_without_fabricated_citations(assistant, question, reason):
    answer = assistant.ask(question)
    assert answer.abstained and answer.citations == ()
    assert reason in answer.answer
    check_contract(assistant, answer.to_dict())


def test_dates_compared_cite_where_each_document_is_dated(assistant):
    gap = assistant.ask("Kế hoạch số 100/KH-UBND được ban hành sau Nghị định số 32/2021/NĐ-CP bao nhiêu ngày?")
    assert "14 ngày" in gap.answer
    assert [c.quote.count(d) for c, d in zip(gap.citations, ("12/4/2021", "29/3/2021"), strict=True)] == [1, 1]
    check_contract(assistant, gap.to_dict())
    quiz = assistant.ask(
        "Trắc nghiệm: Văn bản nào được ban hành trước? A. Nghị quyết số 15-NQ/TU; B. Chỉ thị số 15-CT/TU. "
        "Cho biết ngày ban hành."
    )
    assert quiz.answer.startswith("Chỉ thị số 15-CT/TU (ngày 16/12/2016 [1]) được ban hành trước")
    assert quiz.answer.endswith("Đáp án: B. Chỉ thị số 15-CT/TU.")
    claim = assistant.ask("Kế hoạch 131-KH/QU có được ban hành trước ngày 3/8/2022 không?")
    assert claim.answer.startswith("Không.") and "09/8/2022" in claim.citations[0].quote
    year = assistant.ask("Quyết định số 2200-QĐ/TU được Thành ủy Hà Nội ban hành năm 2015, đúng không?")
    assert year.answer == "Không. Quyết định số 2200-QĐ/TU được ban hành ngày 25/5/2017 [1]."
    assert "2200-QĐ/TU ngày 25/5/2017" in year.citations[0].quote
    month = assistant.ask("Kế hoạch 100/KH-UBND ban hành tháng 4/2021 phải không?")
    assert month.answer.startswith("Có. Kế hoạch 100/KH-UBND được ban hành ngày 12/4/2021 [1]")
    cited = [
        Turn("user", "Hội nghị đối thoại ở phường Bồ Đề được tổ chức theo những văn bản nào?"),
        Turn("assistant", "Theo Quyết định 2200-QĐ/TU ngày 25/5/2017 và Kế hoạch số 131-KH/QU của Quận ủy."),
    ]
    plan = assistant.ask("Còn kế hoạch của Quận ủy Long Biên làm căn cứ thì ban hành ngày nào?", cited)
    assert "09/8/2022" in plan.answer and "131-KH/QU" in plan.search_query


def test_events_compared_by_the_days_the_articles_say_they_took_place(assistant):
    claim = assistant.ask(
        "Hội nghị đối thoại của phường Bồ Đề diễn ra trước hội nghị sơ kết Nghị quyết 15-NQ/TU, đúng không?"
    )
    assert claim.answer.startswith("Không. Hội nghị đối thoại của phường Bồ Đề (ngày 30/9/2022 [1]) diễn ra sau")
    assert "22 ngày" in claim.answer
    assert ["30/9/2022" in claim.citations[0].quote, "08/9/2022" in claim.citations[1].quote] == [True, True]
    check_contract(assistant, claim.to_dict())
    mixed = assistant.ask("Kế hoạch số 131-KH/QU được ban hành trước hay sau hội nghị sơ kết 01 năm thí điểm?")
    assert mixed.answer.startswith("Kế hoạch số 131-KH/QU (ngày 09/8/2022 [1]) được ban hành sau hội nghị sơ kết")
    assert "(ngày 03/8/2022 [2]) 6 ngày" in mixed.answer


def test_follow_up_questions_use_the_conversation(assistant):
    history = [
        Turn("user", "Ai là Bí thư Quận ủy Nam Từ Liêm?"),
        Turn("assistant", "Đồng chí Trần Đức Hoạt là Bí thư Quận ủy, Chủ tịch HĐND quận Nam Từ Liêm [1]."),
    ]
    answer = assistant.ask("Còn Long Biên thì sao?", history)
    assert answer.search_query == "Ai là Bí thư Quận ủy Long Biên?"
    assert "Đường Hoài Nam" in answer.answer
    follow = assistant.ask(
        "Hội nghị đó do ai chủ trì?", [Turn("user", "Phường Bồ Đề tổ chức hội nghị đối thoại ngày nào?")]
    )
    assert "Nguyễn Thị Thanh Hằng" in follow.answer
    # A follow-up naming another meeting's document asks about that meeting, in chat shorthand too.
    other = assistant.ask(
        "con hn so ket nq15 hoi thang 9 thi ai bao cao",
        [Turn("user", "hn so ket 1 nam cqdt o long bien ai bao cao?"), Turn("assistant", "Đồng chí Nguyễn Mạnh Hà.")],
    )
    assert "Ngô Mạnh Điềm" in other.answer


def test_a_question_that_tells_its_context_first_is_answered(assistant):
    answer = assistant.ask(
        "Thu hồi đất vốn là chuyện dễ gây căng thẳng ở nhiều địa phương. "
        "Trong năm 2021, Long Biên có phải dùng tới biện pháp cưỡng chế để giải phóng mặt bằng hay không?"
    )
    assert answer.answer.startswith("Không.") and "không phải tổ chức cưỡng chế" in answer.citations[0].quote
    check_contract(assistant, answer.to_dict())


def test_a_follow_up_on_a_figure_the_documents_never_give_abstains(assistant):
    history = [
        Turn("user", "Quận Nam Từ Liêm đã giải quyết bao nhiêu hồ sơ thủ tục hành chính?"),
        Turn("assistant", "Quận tiếp nhận 98.840 hồ sơ, đã giải quyết 98.424 hồ sơ, đạt 99,57%."),
    ]
    answer = assistant.ask("Còn tỷ lệ hồ sơ được giải quyết trực tuyến thì sao?", history)
    assert answer.abstained and answer.citations == ()


def test_list_questions_gather_the_items(assistant):
    answer = assistant.ask(
        "Đồng chí Đường Hoài Nam yêu cầu thực hiện những nhiệm vụ, giải pháp gì sau 01 năm thí điểm?"
    )
    assert not answer.abstained
    for item in ("1. Tiếp tục bám sát", "3. Tiếp tục thực hiện nghiêm túc", "5. Tiếp tục phát huy vai trò"):
        assert item in answer.answer
    assert len(answer.citations) == 1  # the intro and its items are one contiguous quote


def test_empty_question_is_an_input_error(assistant):
    with pytest.raises(InputError):
        assistant.ask("  ")


def test_a_document_named_by_what_it_is_is_dated_where_another_article_dates_it(assistant):
    # The article on Long Biên's wards names the decree without its date; the conference report dates it.
    answer = assistant.ask(
        "Nghị định của Chính phủ cho phép ủy quyền công chức Tư pháp - Hộ tịch ký chứng thực ban hành ngày nào?"
    )
    assert not answer.abstained, answer.answer
    assert "29/3/2021" in answer.answer and "32/2021/NĐ-CP" in answer.citations[0].quote
    assert len({c.doc_id for c in answer.citations}) == 2
    check_contract(assistant, answer.to_dict())


def test_chat_shorthand_is_understood(assistant):
    answer = assistant.ask("Bí thư ĐU P. Bồ Đề tên gì?")
    assert "Nguyễn Thị Thanh Hằng" in answer.answer
    assert answer.question == "Bí thư ĐU P. Bồ Đề tên gì?"  # the contract echoes the question as asked
    assert "Ngô Mạnh Điềm" in assistant.ask("ai bc tai hn so ket nq 15 o LB").answer  # 'bc': báo cáo
    expelled = assistant.ask("LB xoa ten bn dv, cho ra khoi dang bn").answer  # 'bn dv': bao nhiêu đảng viên
    assert "Xóa tên 48" in expelled and "ra khỏi đảng 30" in expelled


def test_a_quiz_item_is_answered_with_the_option_the_documents_support(assistant):
    question = (
        "Ai trình bày báo cáo tóm tắt tại hội nghị đối thoại phường Bồ Đề: A. Nguyễn Thị Thanh Hằng, B. Lưu Ngọc Tiến?"
    )
    answer = assistant.ask(question)
    assert answer.answer.endswith("Đáp án: B. Lưu Ngọc Tiến.")
    assert answer.question == question
    check_contract(assistant, answer.to_dict())
    blank = assistant.ask("Điền vào chỗ trống: Quận ủy Long Biên sơ kết 01 năm chính quyền đô thị vào ngày ___.")
    assert "3/8/2022" in blank.answer and "Đáp án" not in blank.answer


def test_which_district_is_ahead_is_named_with_each_ones_figure(assistant):
    rates = assistant.ask(
        "Tỷ lệ hồ sơ thủ tục hành chính được giải quyết ở quận nào cao hơn: Long Biên (giai đoạn 2015-2020) "
        "hay Nam Từ Liêm (sơ kết 2 năm chính quyền đô thị)?"
    )
    assert rates.answer.startswith("Long Biên cao hơn (99,82% so với 99,57% của Nam Từ Liêm)")
    assert {c.doc_id[:3] for c in rates.citations} >= {"001", "002"}
    wards = assistant.ask("Quận nào có nhiều phường hơn: Long Biên hay Nam Từ Liêm?")  # answered place by place
    assert wards.answer.startswith("Long Biên nhiều hơn (14 phường so với 10 phường của Nam Từ Liêm)")
    claim = assistant.ask(
        "Tỷ lệ giải quyết hồ sơ thủ tục hành chính mà Nam Từ Liêm đạt được có cao hơn tỷ lệ hồ sơ đúng và "
        "trước hạn của Long Biên giai đoạn 2015-2020 không?"
    )
    assert claim.answer.startswith("Không. Long Biên cao hơn (99,82% so với 99,57% của Nam Từ Liêm)")


def test_an_article_named_in_other_words_is_dated_by_its_title(assistant):
    # 'tổng kết một năm' for the title's 'sơ kết 01 năm': the article's own date, its title cited.
    answer = assistant.ask(
        "Bài viết về việc quận Long Biên tổng kết một năm thí điểm chính quyền đô thị được đăng hôm nào?"
    )
    assert "05/08/2022" in answer.answer
    assert [c.quote for c in answer.citations] == [answer.citations[0].title]
    check_contract(assistant, answer.to_dict())


def test_the_nth_item_of_the_list_the_conversation_is_about(assistant):
    history = [
        Turn("user", "Kết luận hội nghị sơ kết 1 năm ở Long Biên, Bí thư Quận ủy yêu cầu mấy nhiệm vụ?"),
        Turn("assistant", "5 nhiệm vụ, giải pháp."),
        Turn("user", "Còn hội nghị sơ kết Nghị quyết 15-NQ/TU thì yêu cầu mấy nội dung?"),
        Turn("assistant", "7 nội dung."),
    ]
    answer = assistant.ask("nội dung thứ năm là gì?", history)
    assert answer.answer.startswith("Nội dung thứ 5: Phát huy vai trò của MTTQ")
    assert "2200-QĐ/TU" in answer.citations[0].quote
    check_contract(assistant, answer.to_dict())
    earlier = assistant.ask("Cái thứ tư là gì?", history[:2])
    assert "11-ĐA/TU" in earlier.citations[0].quote


def test_what_a_side_or_a_claim_needs_is_where_it_is_stated(assistant):
    # One district's count alone compares nothing.
    compared = assistant.ask("Nam Từ Liêm đã kỷ luật bao nhiêu đảng viên, nhiều hơn Long Biên không?")
    assert compared.abstained and "Nam Từ Liêm" in compared.answer
    # A count claimed is refuted by the clause counting the same thing.
    refuted = assistant.ask("Quận Long Biên có 12 phường phải không?")
    assert refuted.answer.startswith("Không.") and "14 phường" in refuted.citations[0].quote
    # A plan claimed to precede a meeting is dated where it is cited, the meeting where it took place.
    ordered = assistant.ask(
        "Kế hoạch 131-KH/QU được ban hành trước hội nghị sơ kết 1 năm chính quyền đô thị, đúng không?"
    )
    assert ordered.answer.startswith("Không.") and "09/8/2022" in ordered.answer
    # Two counts asked in one question are both given, from the clauses of one sentence.
    both = assistant.ask(
        "Trong 5 năm, Long Biên bổ sung bao nhiêu đồng chí vào cấp ủy và điều động, luân chuyển bao nhiêu lượt cán bộ?"
    )
    assert "105 đồng chí" in both.answer and "224 lượt" in both.answer
    # A deadline set for another task, or a document replaced that none replaced, answers nothing.
    deadline = assistant.ask("Mặt trận phường Bồ Đề phải báo cáo kết quả giám sát trước ngày nào?")
    assert deadline.abstained
    replaced = assistant.ask("Nghị định nào của Chính phủ đã thay thế Nghị định 32/2021/NĐ-CP?")
    assert replaced.abstained and replaced.citations == ()
    due = assistant.ask("UBND phường Bồ Đề phải trả lời ý kiến, kiến nghị của Nhân dân trước ngày nào?")
    assert "30/10/2022" in due.answer
    # How long it has run is said by the sentence giving the duration.
    lasted = assistant.ask("Nam Từ Liêm đã thực hiện thí điểm chính quyền đô thị được bao lâu rồi?")
    assert "gần 2 năm" in lasted.citations[0].quote


def test_search_box_keywords_thanks_and_a_turn_after_a_comma_are_read_as_questions(assistant):
    # 'số …' typed as keywords asks a count: one the documents give, or one they do not.
    count = assistant.ask("so phuong NTL thi diem CQDT")
    assert "10 phường" in count.answer
    assert assistant.ask("so cong chuc NTL tiep nhan ve phuong").abstained
    # Thanks after the question ask nothing more.
    thanked = assistant.ask("Cho em hỏi Long Biên tiếp nhận bao nhiêu công chức về các phường ạ? Em cảm ơn.")
    assert "151 công chức" in thanked.answer
    # What Long Biên did, told before a comma, does not answer what is asked of Nam Từ Liêm.
    turned = assistant.ask(
        "Long Biên tiếp nhận 151 công chức về UBND phường, còn Nam Từ Liêm tiếp nhận bao nhiêu công chức?"
    )
    assert turned.abstained and turned.citations == ()


def test_a_comparison_with_one_side_missing_is_refused_whole(assistant):
    missing = assistant.ask(
        "Nam Từ Liêm có bao nhiêu phần trăm bí thư cấp ủy phường không là người địa phương, cao hơn Long Biên không?"
    )
    assert missing.abstained and missing.citations == () and missing.answer.startswith("Không so sánh được.")
    both = assistant.ask("Long Biên có bao nhiêu phường, nhiều hơn Nam Từ Liêm không?")
    assert not both.abstained and "14 phường" in both.answer and "10 phường" in both.answer
    # Which count a question compares is named after its comma: 'số tập thể hay số cá nhân'.
    rewarded = assistant.ask(
        "Tại hội nghị sơ kết 1 năm ở Long Biên, số tập thể hay số cá nhân được khen thưởng nhiều hơn?"
    )
    assert "11 tập thể" in rewarded.answer and "12 cá nhân" in rewarded.answer
