"""The paraphrase lexicon: its format, its matching, and what it lets the answerer find."""

import pytest

from answering.evidence import Passage, counts_asked, select_evidence
from answering.question import analyse
from answering.synonyms import LexiconError, load_synonyms, parse_synonyms, with_expansions

LEXICON = parse_synonyms(
    """
    # comment
    hồ sơ = giấy tờ
    giải quyết = xử lý   # trailing comment
    người > công chức, cán bộ
    """
)


def test_equivalent_phrases_match_each_other_and_broader_terms_only_one_way():
    assert LEXICON.rules["hồ sơ"] == ("giấy tờ",) and LEXICON.rules["giấy tờ"] == ("hồ sơ",)
    assert LEXICON.rules["người"] == ("công chức", "cán bộ")
    assert "công chức" not in LEXICON.rules


def test_a_rule_marked_accented_only_is_not_matched_in_a_question_typed_without_diacritics():
    lexicon = parse_synonyms("! chuyện > nội dung\nhồ sơ = giấy tờ\n")
    assert lexicon.folded_alternatives("chuyện", accented=True) == ("noi dung",)
    assert lexicon.folded_alternatives("chuyen", accented=False) == ()  # 'chuyên trách' is no 'chuyện'
    assert lexicon.folded_alternatives("ho so", accented=False) == ("giay to",)


@pytest.mark.parametrize("line", ["hồ sơ", "= giấy tờ", "người >", "a = = b", "a <> ", "khen = <> kỷ luật"])
def test_malformed_lines_are_reported_with_their_number(line):
    with pytest.raises(LexiconError) as caught:
        parse_synonyms(f"# ok\n{line}\n", "x.txt")
    assert "x.txt:2" in caught.value.en and "Dòng 2" in caught.value.vi


def test_a_question_phrase_counts_as_present_when_the_evidence_says_it_another_way():
    question = ["giấy", "tờ", "đã", "xử", "lý"]
    expansions = LEXICON.expansions(question, accented=True)
    evidence = {"hồ", "sơ", "hồ_sơ", "giải", "quyết", "giải_quyết"}
    assert {"giấy", "tờ", "giấy_tờ", "xử", "lý", "xử_lý"} <= with_expansions(evidence, expansions)
    # Accentless questions match through folded forms.
    folded = LEXICON.expansions(["giay", "to"], accented=False)
    assert "giay_to" in with_expansions({"ho", "so", "ho_so"}, folded)
    assert with_expansions({"ho"}, folded) == {"ho"}  # half a phrase is not the phrase


def test_a_question_reworded_in_the_documents_words_widens_the_lexical_search():
    assert LEXICON.alternatives_text("Giấy tờ đã xử lý xong chưa?", accented=True) == "hồ sơ giải quyết"
    assert LEXICON.alternatives_text("giay to da xu ly", accented=False) == "ho so giai quyet"
    assert LEXICON.alternatives_text("Ai chủ trì?", accented=True) == ""


def test_the_shipped_lexicon_loads():
    lexicon = load_synonyms()
    assert "giấy tờ" in lexicon.rules["hồ sơ"] and len(lexicon.rules) > 100


PASSAGE = Passage(
    doc_id="a.txt",
    chunk_id="a#1",
    title="Phường Thạch Bàn",
    date="2023-05-01",
    start=0,
    text="Phường Thạch Bàn tổ chức hội nghị. Phường đã tiếp nhận 151 công chức về làm việc tại UBND phường.",
    rank=1,
)


def test_a_paraphrased_question_is_answered_and_a_broader_unit_is_counted():
    question = "Phường Thạch Bàn đã nhận thêm bao nhiêu người về làm việc ở ủy ban nhân dân phường?"
    plain = select_evidence(analyse(question), [PASSAGE], lambda unit: 1.0, lambda doc: PASSAGE.text)
    lexicon = load_synonyms()
    analysis = analyse(question, synonyms=lexicon)
    assert counts_asked(analysis, "tiếp nhận 151 công chức") and not counts_asked(analysis, "đạt 100% công chức")
    paraphrased = select_evidence(analysis, [PASSAGE], lambda unit: 1.0, lambda doc: PASSAGE.text, synonyms=lexicon)
    assert "151" in paraphrased.sentences[0].text
    assert not plain.sentences  # without the lexicon, too few of the question's words are there


def test_opposites_tell_a_near_miss_from_an_answer():
    from answering.evidence import _units

    lexicon = parse_synonyms("khen thưởng = biểu dương <> kỷ luật = phê bình\nHĐND <> UBND\n")
    assert lexicon.contrasts == ((("khen thưởng", "biểu dương"), ("kỷ luật", "phê bình")), (("HĐND",), ("UBND",)))

    def contrast(question: str, evidence: str):
        return lexicon.contrast(_units(question, True), _units(evidence, True), True)

    assert contrast("Quận đã kỷ luật bao nhiêu cá nhân?", "Quận biểu dương 12 cá nhân.") == ("kỷ luật", "biểu dương")
    assert contrast("Quận đã khen thưởng bao nhiêu cá nhân?", "Quận biểu dương 12 cá nhân.") is None
    assert contrast("Quận khen thưởng và kỷ luật ai?", "Quận biểu dương 12 cá nhân.") is None  # both asked
    assert contrast("Đơn thuộc thẩm quyền HĐND quận?", "Đơn thuộc thẩm quyền UBND, HĐND quận") is None
    assert contrast("Đơn thuộc thẩm quyền HĐND quận?", "Đơn thuộc thẩm quyền UBND quận") == ("HĐND", "UBND")
    passage = Passage(
        "p.txt", "p#0", "T", "2022-01-01", 0, "Chủ tịch UBND Quận đã biểu dương, khen thưởng 11 tập thể.", 1
    )
    evidence = select_evidence(
        analyse("Chủ tịch UBND Quận đã kỷ luật bao nhiêu tập thể?"),
        [passage],
        lambda unit: 1.0,
        lambda doc_id: passage.text,
        synonyms=lexicon,
    )
    assert not evidence.sentences and "kỷ luật" in evidence.abstain_reason
