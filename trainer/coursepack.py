"""Course packs for trainers, drawn only from the documents (pure functions, no LLM needed).

Key points, a table of figures, a timeline of dated events and quiz questions, each item with the
exact passage it comes from.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from answering.question import names_in
from cqdt.vietnamese import fold, normalize_number
from ingest.chunking import split_sentences
from ingest.entities import document_numbers

_DATE = re.compile(r"(?<![\d/])(0?[1-9]|[12]\d|3[01])/(0?[1-9]|1[0-2])/((?:19|20)\d{2})(?![\d/])")
_FIGURE = re.compile(r"(?<![\w/.,-])(\d{1,3}(?:\.\d{3})+|\d+(?:,\d+)?)(\s?%)?((?:\s+[^\s\d.,;:()]+){0,6})")
_STOP_UNIT = re.compile(r"^(năm|ngày|tháng|giờ|quý)$", re.I)
_YEAR = re.compile(r"^(19|20)\d{2}$")
_CLAUSE_START = {"và", "đạt", "với", "trong", "để", "nhằm", "so", "từ"}
_TRAILING = {"và", "của", "có", "trong", "đạt", "với", "các", "được", "đã", "là", "tại", "về", "cho", "theo", "để"}


@dataclass(frozen=True)
class Source:
    doc_id: str
    title: str
    date: str
    quote: str  # exactly document_text[start:end]
    start: int
    end: int


@dataclass(frozen=True)
class Figure:
    value: str
    measures: str
    source: Source
    at: int = 0  # where the value starts in source.quote

    def blanked(self) -> str:
        quote = self.source.quote
        return quote[: self.at] + "_____" + quote[self.at + len(self.value) :]


@dataclass(frozen=True)
class Event:
    date: str  # ISO
    text: str
    source: Source


@dataclass(frozen=True)
class QuizItem:
    kind: str  # "mcq" | "fill"
    question: str
    answer: str
    source: Source
    options: tuple[str, ...] = ()


@dataclass(frozen=True)
class CoursePack:
    title: str
    documents: tuple[tuple[str, str, str], ...]  # (doc_id, title, date)
    key_points: tuple[Source, ...] = ()
    figures: tuple[Figure, ...] = ()
    timeline: tuple[Event, ...] = ()
    quiz: tuple[QuizItem, ...] = field(default=())


@dataclass(frozen=True)
class DocumentInput:
    doc_id: str
    title: str
    date: str
    text: str
    # Character ranges the pack may draw from (a topic's retrieved passages); empty = the whole text.
    ranges: tuple[tuple[int, int], ...] = ()


def _sentences(doc: DocumentInput) -> list[Source]:
    ranges = doc.ranges or ((0, len(doc.text)),)
    out = []
    for start, end in ranges:
        for span in split_sentences(doc.text, start, end):
            quote = doc.text[span.start : span.end]
            if len(quote) >= 25 and quote != doc.title:
                out.append(Source(doc.doc_id, doc.title, doc.date, quote, span.start, span.end))
    return out


def _salience(source: Source, position: int) -> float:
    text = source.quote
    score = 0.0
    score += 1.5 * len(document_numbers(text))
    score += 1.0 * len(_FIGURE.findall(text))
    score += 1.0 * len(_DATE.findall(text))
    score += 0.8 * len(names_in(text))
    score += 1.0 if position < 3 else 0.0  # leads state what the article is about
    score -= 0.002 * max(0, len(text) - 400)  # very long sentences make poor key points
    return score


def key_points(doc: DocumentInput, limit: int = 5) -> list[Source]:
    sentences = _sentences(doc)
    ranked = sorted(range(len(sentences)), key=lambda i: (-_salience(sentences[i], i), i))[:limit]
    return [sentences[i] for i in sorted(ranked)]  # in reading order


def _describe(words: list[str]) -> str:
    """'hồ sơ hành chính, đạt…' -> 'hồ sơ hành chính': what is counted, up to where a new clause starts."""
    kept: list[str] = []
    for word in words:
        if word.lower() in _CLAUSE_START:
            break
        kept.append(word)
        if word.endswith(","):
            break
    while kept and kept[-1].lower() in _TRAILING:
        kept.pop()
    return " ".join(kept).rstrip(" ,;:")


def figures(doc: DocumentInput) -> list[Figure]:
    """Numbers with what they count: '98.840 hồ sơ thủ tục hành chính', 'tỷ lệ 99,57%'."""
    out: list[Figure] = []
    for sentence in _sentences(doc):
        stripped = _DATE.sub(lambda m: " " * len(m.group()), sentence.quote)
        for match in _FIGURE.finditer(stripped):
            number, percent = match.group(1), (match.group(2) or "").strip()
            if _YEAR.match(number) or (stripped[match.end(1) : match.end(1) + 1] in ("/", "-") and not percent):
                continue  # years and '20/28'-style ratios or document numbers
            words = match.group(3).split()
            if words and _STOP_UNIT.match(words[0]):
                continue  # '01 năm', '2 quý': periods, not figures
            measures = _describe(words)
            if percent or not measures:
                before = stripped[max(0, match.start() - 60) : match.start()].split()[-5:]
                measures = (" ".join(before) + (f" ({measures})" if measures else "")).strip(" ,;:")
            if measures:
                value = number + percent
                if stripped[match.start() : match.start() + len(value)] == value:
                    out.append(Figure(value, measures, sentence, match.start()))
    return out


def timeline(docs: Sequence[DocumentInput]) -> list[Event]:
    events: dict[tuple[str, str], Event] = {}
    for doc in docs:
        for sentence in _sentences(doc):
            for match in _DATE.finditer(sentence.quote):
                day, month, year = (int(g) for g in match.groups())
                iso = f"{year:04d}-{month:02d}-{day:02d}"
                events.setdefault((iso, sentence.quote), Event(iso, sentence.quote, sentence))
    return sorted(events.values(), key=lambda e: (e.date, e.source.doc_id, e.source.start))


def _distractors(correct: str, pool: Sequence[str], count: int = 3) -> list[str]:
    """Other figures of the same kind (percent or not) from the documents, else values near the
    right one; deterministic."""
    percent = correct.endswith("%")
    key = normalize_number(correct.rstrip("%"))
    chosen: list[str] = []
    for value in pool:
        if value.endswith("%") == percent and normalize_number(value.rstrip("%")) != key and value not in chosen:
            chosen.append(value)
    for factor in (0.8, 1.25, 1.5, 0.5):
        number = float(key) * factor
        text = f"{number:.2f}".rstrip("0").rstrip(".").replace(".", ",") + ("%" if percent else "")
        if text not in chosen and text != correct:
            chosen.append(text)
    return chosen[:count]


def quiz(figures_: Sequence[Figure], sentences: Sequence[Source], limit: int = 10) -> list[QuizItem]:
    items: list[QuizItem] = []
    pool = [f.value for f in figures_]
    for index, figure in enumerate(figures_):
        if len(items) >= limit:
            break
        blanked = figure.blanked()
        if index % 2 == 0:
            options = [figure.value, *_distractors(figure.value, pool[index + 1 :] + pool[:index])]
            # A fixed, answer-independent order: sort by the text, so the right option is not always first.
            options = sorted(options, key=lambda o: fold(o)[::-1])
            items.append(QuizItem("mcq", f"Điền số liệu đúng: {blanked}", figure.value, figure.source, tuple(options)))
        else:
            items.append(QuizItem("fill", f"Điền vào chỗ trống: {blanked}", figure.value, figure.source))
    people = [(name, s) for s in sentences for name in names_in(s.quote)]
    all_names = list(dict.fromkeys(n for n, _ in people))
    for name, source in people:
        if len(items) >= limit + 3 or len(all_names) < 2:
            break
        original = _original_name(source.quote, name)
        if not original:
            continue
        others = [_title(n) for n in all_names if n != name][:3]
        blanked = source.quote.replace(original, "_____", 1)
        options = sorted([original, *others], key=lambda o: fold(o)[::-1])
        items.append(QuizItem("mcq", f"Ai được nhắc tới trong câu sau? {blanked}", original, source, tuple(options)))
    return items


def _original_name(text: str, folded_name: str) -> str:
    at = fold(text).find(folded_name)
    return text[at : at + len(folded_name)] if at >= 0 else ""


def _title(folded_name: str) -> str:
    return " ".join(w.capitalize() for w in folded_name.split())


def build_course_pack(docs: Sequence[DocumentInput], title: str) -> CoursePack:
    points = [p for doc in docs for p in key_points(doc)]
    figs = [f for doc in docs for f in figures(doc)]
    # The most telling figures first: those whose sentence is also a key point, then by position.
    key_quotes = {(p.doc_id, p.start) for p in points}
    figs.sort(key=lambda f: ((f.source.doc_id, f.source.start) not in key_quotes, f.source.doc_id, f.source.start))
    return CoursePack(
        title=title,
        documents=tuple((d.doc_id, d.title, d.date) for d in docs),
        key_points=tuple(points),
        figures=tuple(figs),
        timeline=tuple(timeline(docs)),
        quiz=tuple(quiz(figs, [s for doc in docs for s in _sentences(doc)])),
    )
