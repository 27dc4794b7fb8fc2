"""Sentence-aware chunking with exact character offsets (pure functions).

A chunk is always `text[start:end]` of the cleaned document, starts and ends on sentence
boundaries, and never spans two articles (Điều) of a legal text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? … (plus closing quotes/brackets) followed by a space and a capital,
# digit, quote or bullet; a line break always ends one.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’)\]»]*(?=\s+[\"“‘(\[«\-–•]?[A-ZĐÀ-Ỹ0-9])|\.{2,}(?=[A-ZĐÀ-Ỹ])")
_ABBREVIATIONS = ("TP", "Tp", "TS", "ThS", "GS", "PGS", "BS", "KS", "CN", "St", "v.v", "Th.S", "Q", "P", "tr")
_HEADING = re.compile(r"^(?P<kind>Chương|CHƯƠNG|Mục|MỤC|Điều|ĐIỀU|Phần|PHẦN)\s+(?P<num>[IVXLCDM]+|\d+[a-z]?)\b[.:]?")
_CLAUSE = re.compile(r"^(\d{1,2})\.\s")
_ENUMERATOR = re.compile(r"(\d{1,3}|[IVXLC]{1,5}|[a-zđ])[.)]")


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class ChunkSpan:
    start: int
    end: int
    section: str


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of `text[start:end]`, whitespace trimmed, covering every non-space char."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    for line in re.finditer(r"[^\n]+", text[start:end]):
        line_start = start + line.start()
        cut = line_start
        for match in _SENTENCE_END.finditer(line.group()):
            stop = line_start + match.end()
            preceding = text[cut:stop].rstrip('.!?…"”’)]» ').rsplit(" ", 1)[-1]
            if preceding in _ABBREVIATIONS or (len(preceding) == 1 and preceding.isupper()):
                continue  # 'TP. Hà Nội', initials: not a sentence end
            spans.append(Span(cut, stop))
            cut = stop
        spans.append(Span(cut, line_start + len(line.group())))
    trimmed = []
    for span in spans:
        s, e = span.start, span.end
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            trimmed.append(Span(s, e))
    return trimmed


def _split_long(text: str, span: Span, max_chars: int) -> list[Span]:
    """Only a 'sentence' longer than a chunk may be cut: at '; ', then ', ', then a space."""
    pieces, s = [], span.start
    while span.end - s > max_chars:
        window = text[s : s + max_chars]
        cut = max(window.rfind("; "), window.rfind(", "), max_chars // 2)
        if cut == max_chars // 2:
            space = window.rfind(" ")
            cut = space if space > max_chars // 4 else max_chars
        pieces.append(Span(s, s + cut + 1))
        s += cut + 1
        while s < span.end and text[s].isspace():
            s += 1
    pieces.append(Span(s, span.end))
    return [p for p in pieces if text[p.start : p.end].strip()]


def legal_sections(text: str) -> list[tuple[int, str]]:
    """(offset, label) where each section of a legal text starts: one per Điều, labelled with its
    Chương/Mục, the headings just above an Điều belonging to it. Empty if the text has no Điều."""
    sections: list[tuple[int, str]] = []
    context: dict[str, str] = {}
    pending: int | None = None  # offset of headings waiting for their first Điều
    for line in re.finditer(r"(?m)^[^\n]+", text):
        match = _HEADING.match(line.group())
        if not match:
            continue
        kind = match.group("kind").capitalize()
        label = f"{kind} {match.group('num')}"
        if kind == "Điều":
            start = line.start() if pending is None else pending
            sections.append((start, ", ".join([*context.values(), label])))
            pending = None
        else:
            if kind in ("Phần", "Chương"):
                context.pop("Mục", None)
            context[kind] = label
            pending = line.start() if pending is None else pending
    if len(sections) < 2:
        return []
    if sections[0][0] > 0:
        sections.insert(0, (0, ""))
    return sections


def _is_heading(text: str, span: Span) -> bool:
    line = text[span.start : span.end]
    return len(line) < 120 and not re.search(r"[.!?…;,]$", line)


def chunk_spans(text: str, target_chars: int = 600, max_chars: int = 1000) -> list[ChunkSpan]:
    """Group sentences into chunks of about `target_chars`, never above `max_chars` unless a
    single sentence is; prefer to break at paragraph ends and before headings."""
    sections = legal_sections(text) or [(0, "")]
    bounds = [*(offset for offset, _ in sections[1:]), len(text)]
    chunks: list[ChunkSpan] = []
    for (sec_start, label), sec_end in zip(sections, bounds, strict=True):
        sentences: list[Span] = []
        for sentence in split_sentences(text, sec_start, sec_end):
            sentences.extend(_split_long(text, sentence, max_chars))
        current: list[Span] = []
        for sentence in sentences:
            if current:
                size = sentence.end - current[0].start
                gap = text[current[-1].end : sentence.start]
                paragraph_break = "\n" in gap
                starts_clause = bool(_CLAUSE.match(text[sentence.start : sentence.end]))
                heading = paragraph_break and _is_heading(text, sentence)
                filled = current[-1].end - current[0].start
                if (
                    size > max_chars
                    or (paragraph_break and filled >= target_chars)
                    or ((heading or starts_clause) and filled >= target_chars // 2)
                    or (size > target_chars * 1.3 and filled >= target_chars)
                ):
                    chunks.append(ChunkSpan(current[0].start, current[-1].end, label))
                    current = []
            current.append(sentence)
        if current:
            chunks.append(ChunkSpan(current[0].start, current[-1].end, label))
    return chunks
