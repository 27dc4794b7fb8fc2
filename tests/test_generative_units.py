"""The generative path's pure parts (prompts, grounding) and its flow with a scripted model."""

from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from answering.evidence import Passage
from answering.generative import ground
from answering.grounding import check_generated, says_not_found, support_problem
from answering.llm import LLMS, make_llm
from answering.prompts import PromptError, load_prompt
from answering.service import Assistant
from answering.types import Turn

from .conftest import make_settings

P1 = Passage("a.txt", "a#1", "Bài A", "2022-08-05", 10, "Quận đã tiếp nhận 98.840 hồ sơ. Tỷ lệ đạt 99,57%.", 1)
P2 = Passage("b.txt", "b#1", "Bài B", "", 0, "Đồng chí Đường Hoài Nam chủ trì hội nghị.", 2)


def test_prompts_load_and_validate(tmp_path: Path):
    prompt = load_prompt("answer")
    system, user = prompt.render(passages="[1] x", question="Hỏi?")
    assert "[1] x" in user and "Hỏi?" in user and "ngoặc vuông" in system
    with pytest.raises(PromptError):
        prompt.render(question="thiếu passages")
    (tmp_path / "bad.toml").write_text('variables = ["a"]\nsystem = "{a} {b}"\nuser = "u"\n', encoding="utf-8")
    with pytest.raises(PromptError):
        load_prompt("bad", tmp_path)
    with pytest.raises(PromptError):
        load_prompt("missing", tmp_path)


def test_support_check_catches_invented_numbers_names_and_content():
    assert support_problem("Quận tiếp nhận 98840 hồ sơ.", [P1.text]) == ""  # number formats match
    assert "98.841" in support_problem("Quận tiếp nhận 98.841 hồ sơ.", [P1.text])
    assert support_problem("Đồng chí Nguyễn Văn Bịa chủ trì hội nghị.", [P2.text])
    assert support_problem("Quận xây dựng sân bay quốc tế và cảng biển lớn.", [P1.text])


def test_check_generated_drops_invalid_citations():
    checked = check_generated(
        "Quận tiếp nhận 98.840 hồ sơ [1][7]. Câu không nguồn. Hội nghị do Đường Hoài Nam chủ trì [2].",
        [P1.text, P2.text],
    )
    assert [(c.sources, c.supported) for c in checked] == [((1,), True), ((), False), ((2,), True)]


def test_ground_renumbers_citations_and_quotes_exactly():
    grounded = ground("Hội nghị do Đường Hoài Nam chủ trì [2]. Quận tiếp nhận 98.840 hồ sơ [1].", [P1, P2])
    assert grounded.text == "Hội nghị do Đường Hoài Nam chủ trì [1]. Quận tiếp nhận 98.840 hồ sơ [2]."
    assert [c.doc_id for c in grounded.citations] == ["b.txt", "a.txt"]
    quote = grounded.citations[1]
    assert quote.quote == "Quận đã tiếp nhận 98.840 hồ sơ." and (quote.start, quote.end) == (10, 41)


def test_not_found_reply():
    assert says_not_found("Tài liệu không có thông tin để trả lời câu hỏi này.")
    assert not says_not_found("Quận tiếp nhận 98.840 hồ sơ [1].")
    assert ground("Tài liệu không có thông tin để trả lời câu hỏi này.", [P1]).not_found


class ScriptedModel:
    """A stand-in LLM behind the same seam as the real one: replies with a fixed script."""

    name = "scripted"
    reply = ""
    calls: ClassVar[list[tuple[str, str]]] = []

    def __init__(self, settings) -> None:
        pass

    def stream(self, system: str, user: str) -> Iterator[str]:
        ScriptedModel.calls.append((system, user))
        yield from (ScriptedModel.reply[i : i + 7] for i in range(0, len(ScriptedModel.reply), 7))


@pytest.fixture
def scripted(monkeypatch, corpus_library, tmp_path):
    monkeypatch.setitem(LLMS, "scripted", ScriptedModel)
    ScriptedModel.calls = []
    settings = make_settings(tmp_path, llm_base_url="http://127.0.0.1:9/v1", llm_provider="scripted")
    return Assistant(corpus_library, llm=make_llm(settings))


def test_generative_answer_streams_then_keeps_only_supported_sentences(scripted):
    ScriptedModel.reply = (
        "Quận Nam Từ Liêm đã tiếp nhận, giải quyết 98.840 hồ sơ thủ tục hành chính [1]. "
        "Quận được Chính phủ tặng Huân chương Lao động hạng nhất [1]."
    )
    events = list(scripted.ask_stream("Nam Từ Liêm tiếp nhận bao nhiêu hồ sơ?", use_llm=True))
    streamed = "".join(e.text for e in events if e.answer is None)
    answer = events[-1].answer
    assert streamed == ScriptedModel.reply
    assert answer.mode == "generative" and not answer.abstained
    assert "98.840" in answer.answer and "Huân chương" not in answer.answer
    assert any("Huân chương" in note for note in answer.notes)
    citation = answer.citations[0]
    assert scripted.library.text(citation.doc_id)[citation.start : citation.end] == citation.quote
    _, user = ScriptedModel.calls[0]
    assert "[1]" in user and "Nam Từ Liêm" in user


def test_generative_falls_back_to_extractive_when_nothing_is_supported(scripted):
    ScriptedModel.reply = "Quận tiếp nhận 12.345.678 hồ sơ [1]."
    answer = scripted.ask("Nam Từ Liêm tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", use_llm=True)
    assert answer.mode == "extractive" and "98.840" in answer.answer
    assert answer.notes


def test_generative_abstains_when_the_model_says_so(scripted):
    ScriptedModel.reply = "Tài liệu không có thông tin để trả lời câu hỏi này."
    answer = scripted.ask("Dân số quận Nam Từ Liêm là bao nhiêu?", use_llm=True)
    assert answer.abstained and answer.citations == ()


def test_follow_ups_are_condensed_by_the_model(scripted):
    ScriptedModel.reply = "Ai là Bí thư Quận ủy Long Biên?"
    answer = scripted.ask("Còn Long Biên thì sao?", [Turn("user", "Ai là Bí thư Quận ủy Nam Từ Liêm?")])
    assert answer.search_query == "Ai là Bí thư Quận ủy Long Biên?"  # rule-based without use_llm
    answer = scripted.ask("Còn Long Biên thì sao?", [Turn("user", "Ai là Bí thư Quận ủy Nam Từ Liêm?")], use_llm=True)
    assert "Lịch sử hội thoại" in ScriptedModel.calls[0][1]
