"""Check a generated answer against the passages it cites (pure functions).

Every sentence must cite at least one valid passage number, and its numbers, names, document
numbers and most of its content words must appear in the passages it cites. Sentences that fail
are dropped and reported; citation numbers that point at no passage are removed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from answering.question import STOPWORDS, names_in
from cqdt.vietnamese import comparable, fold, syllables
from ingest.chunking import split_sentences
from ingest.entities import document_numbers

_MARKER = re.compile(r"\s*\[(\d{1,3})\]")
_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_ABSTAIN = re.compile(r"(không có thông tin|không chứa thông tin|không đề cập|không nêu|không tìm thấy)", re.I)


@dataclass(frozen=True)
class CheckedSentence:
    text: str  # without citation markers
    sources: tuple[int, ...]  # 1-based passage numbers, valid and supporting
    supported: bool
    reason: str = ""


def _content(text: str) -> set[str]:
    return {t for t in syllables(text) if t not in STOPWORDS and not t[0].isdigit()}


def support_problem(sentence: str, passages: Sequence[str]) -> str:
    """Why `sentence` is not supported by the joined `passages`, or '' if it is."""
    evidence = " ".join(passages)
    evidence_cmp = f" {comparable(evidence)} "
    for number in _NUMBER.findall(sentence):
        if f" {comparable(number)} " not in evidence_cmp:
            return f"số liệu {number} không có trong đoạn được dẫn"
    for doc_number in document_numbers(sentence):
        if fold(doc_number) not in fold(evidence):
            return f"văn bản {doc_number} không có trong đoạn được dẫn"
    evidence_folded = f" {' '.join(syllables(evidence))} "
    for name in names_in(sentence):
        if f" {name} " not in evidence_folded:
            return "tên người không có trong đoạn được dẫn"
    words = _content(sentence)
    if words and len(words & _content(evidence)) / len(words) < 0.6:
        return "nội dung không khớp với đoạn được dẫn"
    return ""


def check_generated(text: str, passages: Sequence[str]) -> list[CheckedSentence]:
    """Split a generated answer into sentences and check each against the passages it cites."""
    checked: list[CheckedSentence] = []
    for span in split_sentences(text):
        raw = text[span.start : span.end]
        cited = [int(n) for n in re.findall(r"\[(\d{1,3})\]", raw)]
        valid = tuple(dict.fromkeys(n for n in cited if 1 <= n <= len(passages)))
        clean = _MARKER.sub("", raw).strip()
        if not clean:
            continue
        if not valid:
            checked.append(CheckedSentence(clean, (), False, "không dẫn nguồn hợp lệ"))
            continue
        problem = support_problem(clean, [passages[n - 1] for n in valid])
        checked.append(CheckedSentence(clean, valid, not problem, problem))
    return checked


def says_not_found(text: str) -> bool:
    """Whether the model answered that the passages do not contain the answer."""
    return bool(_ABSTAIN.search(text)) and not re.search(r"\[\d{1,3}\]", text)
