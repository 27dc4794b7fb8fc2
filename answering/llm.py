"""Optional generative LLMs, through llama-index's OpenAI-compatible client.

One client covers a vLLM or llama.cpp server and Ollama (all speak the OpenAI API). Nothing here
is needed for the default, extractive answers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

from cqdt.errors import CqdtError
from cqdt.settings import Settings


class LLMError(CqdtError):
    """The configured LLM could not be reached or failed to answer."""


class ChatModel(Protocol):
    name: str

    def stream(self, system: str, user: str) -> Iterator[str]:
        """Text deltas of the model's reply."""


class OpenAICompatible:
    def __init__(self, settings: Settings) -> None:
        from llama_index.llms.openai_like import OpenAILike

        self.name = settings.llm_model
        self.base_url = settings.llm_base_url or ""
        self.chat = settings.llm_chat
        self._llm: Any = OpenAILike(
            model=settings.llm_model,
            api_base=self.base_url,
            api_key=settings.llm_api_key or "not-needed",
            is_chat_model=settings.llm_chat,
            timeout=settings.llm_timeout,
            max_tokens=settings.llm_max_tokens,
            temperature=settings.llm_temperature,
            max_retries=0,
        )

    def stream(self, system: str, user: str) -> Iterator[str]:
        from llama_index.core.llms import ChatMessage

        try:
            if self.chat:
                messages = [ChatMessage(role="system", content=system), ChatMessage(role="user", content=user)]
                for response in self._llm.stream_chat(messages):
                    yield response.delta or ""
            else:
                for response in self._llm.stream_complete(f"{system}\n\n{user}"):
                    yield response.delta or ""
        except Exception as exc:  # the client raises transport, HTTP and parsing errors alike
            raise LLMError(
                vi=f"Không gọi được mô hình ngôn ngữ tại {self.base_url}: {type(exc).__name__}.",
                en=f"LLM call to {self.base_url} failed: {exc}",
            ) from exc


LLMS: dict[str, Callable[[Settings], ChatModel]] = {"openai": OpenAICompatible}


def make_llm(settings: Settings) -> ChatModel | None:
    """The configured LLM, or None when CQDT_LLM_BASE_URL is not set."""
    if not settings.llm_base_url:
        return None
    factory = LLMS.get(settings.llm_provider)
    if factory is None:
        raise LLMError(
            vi=f"Không hỗ trợ loại LLM '{settings.llm_provider}'. Hỗ trợ: {', '.join(LLMS)}.",
            en=f"unknown LLM provider '{settings.llm_provider}'",
        )
    return factory(settings)
