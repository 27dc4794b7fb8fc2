"""Generative answers: numbered passages to an LLM, then every sentence checked against its sources."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from answering.evidence import Passage, sentences_of
from answering.grounding import CheckedSentence, check_generated, says_not_found
from answering.prompts import Prompt
from answering.question import STOPWORDS
from answering.types import Citation
from cqdt.vietnamese import syllables


def format_passages(passages: Sequence[Passage]) -> str:
    blocks = []
    for number, passage in enumerate(passages, start=1):
        heading = passage.title + (f" ({passage.date})" if passage.date else "")
        blocks.append(f"[{number}] {heading}\n{passage.text}")
    return "\n\n".join(blocks)


def render_answer_prompt(prompt: Prompt, question: str, passages: Sequence[Passage]) -> tuple[str, str]:
    return prompt.render(passages=format_passages(passages), question=question)


@dataclass(frozen=True)
class GroundedAnswer:
    text: str
    citations: tuple[Citation, ...]
    dropped: tuple[CheckedSentence, ...]  # sentences removed by the check, with the reason
    not_found: bool  # the model itself said the passages do not answer


def _overlap(a: str, b: str) -> int:
    return len({t for t in syllables(a) if t not in STOPWORDS} & set(syllables(b)))


def ground(generated: str, passages: Sequence[Passage]) -> GroundedAnswer:
    """Keep the supported sentences of `generated`, with citations quoting the passages exactly."""
    if says_not_found(generated):
        return GroundedAnswer("", (), (), True)
    checked = check_generated(generated, [p.text for p in passages])
    numbering: dict[int, int] = {}  # passage number -> citation number
    citations: list[Citation] = []
    parts: list[str] = []
    for sentence in checked:
        if not sentence.supported:
            continue
        markers = []
        for source in sentence.sources:
            if source not in numbering:
                passage = passages[source - 1]
                quote = max(sentences_of(passage), key=lambda s: _overlap(sentence.text, s.text))
                numbering[source] = len(citations) + 1
                citations.append(
                    Citation(
                        n=numbering[source],
                        doc_id=passage.doc_id,
                        title=passage.title,
                        date=passage.date,
                        chunk_id=passage.chunk_id,
                        quote=quote.text,
                        start=quote.start,
                        end=quote.end,
                    )
                )
            markers.append(f"[{numbering[source]}]")
        body = sentence.text.rstrip()
        end = body[-1] if body and body[-1] in ".!?…" else ""
        parts.append(f"{body[: len(body) - len(end)]} {''.join(markers)}{end}")
    dropped = tuple(s for s in checked if not s.supported)
    return GroundedAnswer(" ".join(parts), tuple(citations), dropped, False)
