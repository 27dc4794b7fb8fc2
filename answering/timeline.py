"""Dates compared (pure functions): how long between two dated documents, which came first, and
whether one came before or after another.

'Kế hoạch 100/KH-UBND ban hành sau Nghị định 32/2021/NĐ-CP bao nhiêu ngày?' is answered by no
sentence: each document's date is where an article cites it ('Nghị định số 32/2021/NĐ-CP, ngày
29/3/2021'), and the gap is arithmetic. A date the question gives ('… sau hội nghị (3/8/2022) không?')
is an anchor of its own. Events compare the same way ('Hội nghị đối thoại của phường Bồ Đề diễn ra
trước hội nghị sơ kết Nghị quyết 15-NQ/TU, đúng không?'), each dated by the sentence that says when
it took place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import Enum

from answering.question import DOCUMENT_KINDS, DOCUMENT_KINDS_AS_WRITTEN, QuestionType, question_type
from cqdt.vietnamese import fold
from ingest.entities import document_numbers

_DATE = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")
_GAP_ASKED = re.compile(r"\b(?:bao nhieu|may) (ngay|tuan|thang|nam)\b|\b(?:bao lau|cach nhau)\b")
# A gap is asked between two things: 'bao nhiêu năm thực hiện A và B' asks none.
_BETWEEN = re.compile(r"\b(?:sau|truoc|cach|giua)\b|\btu (?:ngay|khi)\b")
# Documents only: 'hội nghị nào diễn ra trước' asks of meetings, dated by no document number.
_ORDER_ASKED = re.compile(
    rf"\b(?:{DOCUMENT_KINDS}|ket luan) nao\b"
    r".*?\b(truoc|sau|som hon|muon hon|som nhat|muon nhat|dau tien|cuoi cung)\b"
)
_CLAIMED_ORDER = re.compile(r"\b(truoc|sau|som hon|muon hon)\b")
_CLAIM_ASKED = re.compile(r"\b(?:khong|chua|dung khong|phai khong)\s*\??\s*$")
_LATER_WORDS = frozenset({"sau", "muon hon", "muon nhat", "cuoi cung"})
# The kind a question gives a document before its number: 'Nghị định (số) 32/2021/NĐ-CP'.
_KIND_BEFORE = re.compile(
    rf"(?:{'|'.join((*DOCUMENT_KINDS_AS_WRITTEN, 'kết luận', 'luật', 'thông báo'))})(?:\s+số)?\s*$", re.IGNORECASE
)


# An event the question names: 'hội nghị sơ kết …', 'buổi đối thoại …', 'kỳ họp …'.
_EVENT = r"(?:hoi nghi|buoi|cuoc|le|ky hop|phien|dot)\b"
_HELD = r"(?:(?:co\s+)?(?:da\s+|duoc\s+)?(?:dien ra|to chuc|xay ra|khai mac|hop|ban hanh|ky|ra doi)\s+)?"
_WHEN = r"(?P<when>truoc|sau|som hon|muon hon)\b"
_EVENTS_ORDERED = re.compile(  # 'A và B, hội nghị nào diễn ra trước?'
    rf"^(?:giua\s+)?(?P<a>.*?{_EVENT}.+?)\s+(?:va|hay|hoac)\s+(?P<b>{_EVENT}.+?)\s*[,:;-]?\s*(?:thi\s+)?"
    rf"(?:{_EVENT}|su kien|viec|hoat dong)\s*nao\s+{_HELD}(?:(?:co|la)\s+)?{_WHEN}"
)
_EVENTS_OFFERED = re.compile(  # 'Hội nghị nào diễn ra trước: A hay B?'
    rf"^(?:{_EVENT}|su kien|viec|hoat dong)\s*nao\s+{_HELD}(?:(?:co|la)\s+)?{_WHEN}\s*[,:;-]?\s*"
    r"(?P<a>.+?)\s+(?:hay|hoac|va)\s+(?P<b>.+?)\s*\??$"
)
_EVENT_CLAIMED = re.compile(  # 'A (Kế hoạch …) diễn ra trước B, đúng không?'
    rf"^(?:co phai(?: la)?\s+)?(?P<a>(?:{_EVENT}|(?:{DOCUMENT_KINDS})\b).+?)\s+{_HELD}{_WHEN}\s+(?P<b>{_EVENT}.+?)"
    r"\s*,?\s*(?:(?:co\s+)?(?:dung|phai)\s+)?khong\s*\??$"
)
_EITHER_WAY = re.compile(  # 'Kế hoạch 131-KH/QU được ban hành trước hay sau hội nghị sơ kết …?'
    r"^(?P<a>.+?)\s+(?:(?:co\s+)?(?:da\s+|duoc\s+)?(?:dien ra|to chuc|xay ra|ban hanh|ky|ra doi)\s+)?"
    r"(?:truoc hay sau|sau hay truoc)\s+(?P<b>.+?)\s*\??$"
)
_EVENTS_APART = re.compile(  # 'A diễn ra sau B bao nhiêu ngày?', 'Từ A đến B bao lâu?'
    rf"^(?:tu\s+)?(?P<a>{_EVENT}.+?)\s+(?:{_HELD}(?:sau|truoc|cach)|den|toi)\s+(?P<b>{_EVENT}.+?)\s+"
    r"(?:(?:cach nhau|la|mat|keo dai)\s+)?(?:(?:bao nhieu|may)\s+(?P<unit>ngay|tuan|thang|nam)|bao lau)\b"
)


# 'Quyết định 2200-QĐ/TU được ban hành năm 2015, đúng không?': the day, month or year a document is
# claimed to have been issued.
_ISSUE_CLAIMED = re.compile(
    r"\b(?:ban hanh|ky|thong qua)\s+(?:vao\s+|trong\s+)?(?:ngay\s+(?P<day>\d{1,2}/\d{1,2}/\d{4})"
    r"|thang\s+(?P<month>\d{1,2})(?:/|\s+nam\s+)(?P<month_year>\d{4})|nam\s+(?P<year>\d{4}))(?![\d/])"
)


class Comparison(Enum):
    GAP = "gap"  # 'A ban hành sau B bao nhiêu ngày?'
    ORDER = "order"  # 'Văn bản nào được ban hành trước?'
    CLAIM = "claim"  # 'A có được ban hành sau B không?'


@dataclass(frozen=True)
class DateQuestion:
    comparison: Comparison
    anchors: tuple[str, ...]  # document numbers and 'd/m/yyyy' dates, in the question's order
    labels: tuple[str, ...]  # each anchor as the answer names it: 'Kế hoạch số 100/KH-UBND', 'ngày 3/8/2022'
    unit: str = "ngay"  # GAP: 'ngay' | 'tuan' | 'thang' | 'nam'
    later: bool = False  # ORDER: the later one asked; CLAIM: the first anchor claimed after the second
    events: bool = False  # anchors are events as the question names them, each dated by a sentence


@dataclass(frozen=True)
class IssueClaim:
    number: str
    label: str  # as the answer names it: 'Quyết định số 2200-QĐ/TU'
    year: int
    month: int | None = None
    day: int | None = None

    def holds(self, issued: date) -> bool:
        return issued.year == self.year and self.month in (None, issued.month) and self.day in (None, issued.day)


def issue_claim(question: str) -> IssueClaim | None:
    """The issue date a yes/no `question` claims of the one document it names, if it claims one."""
    numbers = document_numbers(question)
    claimed = _ISSUE_CLAIMED.search(fold(question).lower())
    if len(set(numbers)) != 1 or claimed is None or question_type(question) is not QuestionType.YESNO:
        return None
    label = _label(question, question.find(numbers[0]), numbers[0])
    if claimed.group("day"):
        day = parse_date(claimed.group("day"))
        return None if day is None else IssueClaim(numbers[0], label, day.year, day.month, day.day)
    if claimed.group("month"):
        return IssueClaim(numbers[0], label, int(claimed.group("month_year")), int(claimed.group("month")))
    return IssueClaim(numbers[0], label, int(claimed.group("year")))


def parse_date(text: str) -> date | None:
    match = _DATE.fullmatch(text.strip())
    if not match:
        return None
    day, month, year = map(int, match.groups())
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _label(text: str, at: int, number: str) -> str:
    kind = _KIND_BEFORE.search(text[max(0, at - 20) : at].rstrip())
    return f"{kind.group()[:1].upper()}{kind.group()[1:].strip()} {number}" if kind else number


def _anchors(text: str) -> list[tuple[int, str, str]]:
    """(position, anchor, label) of each document number and each date not a cited document's own."""
    found: list[tuple[int, str, str]] = []
    numbers_end: list[int] = []
    for number in document_numbers(text):
        at = text.find(number)
        if at >= 0:
            found.append((at, number, _label(text, at, number)))
            numbers_end.append(at + len(number))
    for match in _DATE.finditer(text):
        # '32/2021/NĐ-CP, ngày 29/3/2021' dates the document before it; it is no anchor of its own.
        if any(0 <= match.start() - end <= 12 for end in numbers_end) or parse_date(match.group()) is None:
            continue
        found.append((match.start(), match.group(), f"ngày {match.group()}"))
    return sorted(found)


def date_question(question: str, choices: Sequence[str] = ()) -> DateQuestion | None:
    """What `question` asks of two or more dates, with the options a quiz lists as further anchors."""
    folded = fold(question).lower()
    anchors = _anchors(question)
    for option in choices:
        anchors += [(len(question) + 1, anchor, label) for _, anchor, label in _anchors(option)]
    names = tuple(anchor for _, anchor, _ in anchors)
    labels = tuple(label for _, _, label in anchors)
    if len(set(names)) != len(names) or len(names) < 2:
        return None
    gap = _GAP_ASKED.search(folded)
    if gap and _BETWEEN.search(folded) and len(names) == 2:
        return DateQuestion(Comparison.GAP, names, labels, unit=gap.group(1) or "ngay")
    order = _ORDER_ASKED.search(folded)
    if order:
        return DateQuestion(Comparison.ORDER, names, labels, later=order.group(1) in _LATER_WORDS)
    claimed = _CLAIMED_ORDER.search(folded)
    if claimed and len(names) == 2 and _CLAIM_ASKED.search(folded):
        return DateQuestion(Comparison.CLAIM, names, labels, later=claimed.group(1) in _LATER_WORDS)
    return None


def event_question(question: str) -> DateQuestion | None:
    """What `question` asks of the days two events took place: which came first, whether one came
    before the other, how long between them; the events as the question writes them."""
    for sentence in re.split(r"(?<=[?!.])\s+", question.strip()):
        folded = fold(sentence).lower()
        if len(folded) != len(sentence):
            continue  # the events are cut from the question by positions in its folded form
        for pattern, comparison in (
            (_EVENTS_APART, Comparison.GAP),
            (_EVENTS_ORDERED, Comparison.ORDER),
            (_EVENTS_OFFERED, Comparison.ORDER),
            (_EVENT_CLAIMED, Comparison.CLAIM),
            (_EITHER_WAY, Comparison.GAP),  # the gap's words say which came first
        ):
            match = pattern.match(folded)
            if match is None:
                continue
            # '(căn cứ tổ chức hội nghị …)' describes an event or a document; it does not name it.
            events = tuple(
                re.sub(r"\s*\([^)]*\)", "", sentence[match.start(g) : match.end(g)]).strip(" ,") for g in ("a", "b")
            )
            if not all(re.search(_EVENT, fold(e).lower()) or document_numbers(e) for e in events):
                continue  # 'Trước hay sau năm 2021 …': something that is neither
            when = match.groupdict().get("when") or ""
            unit = match.groupdict().get("unit") or "ngay"
            labels = (f"{events[0][:1].upper()}{events[0][1:]}", events[1])
            return DateQuestion(comparison, events, labels, unit=unit, later=when in _LATER_WORDS, events=True)
    return None


def is_event(phrase: str) -> bool:
    """'hội nghị sơ kết …', 'buổi đối thoại …': an event, not a document."""
    return re.match(_EVENT, fold(phrase).lower()) is not None


def first_event_day(text: str) -> date | None:
    """The first day `text` gives that is not a cited document's own ('Ngày 3/8/2022, Quận ủy … Thông
    tri 03-TT/QU, ngày 22/4/2021' -> 3/8/2022)."""
    return next((day for _, anchor, _ in _anchors(text) if (day := parse_date(anchor)) is not None), None)


def stated_date(number: str, text: str) -> tuple[date, int, int] | None:
    """Where `text` dates document `number` as it cites it ('32/2021/NĐ-CP, ngày 29/3/2021'): the date
    and the span from the number to the date."""
    pattern = rf"(?<![\w/-]){re.escape(number)}(?![\w/-])[\s,]*(?:ban hành\s+)?(?:ngày\s+)?({_DATE.pattern})"
    for match in re.finditer(pattern, text, re.IGNORECASE):
        day = parse_date(match.group(1))
        if day is not None:
            return day, match.start(), match.end()
    return None


def calendar_gap(earlier: date, later: date) -> tuple[int, int, int]:
    """(years, months, days) from `earlier` to `later`, counted as a calendar counts them."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    anchor_year, anchor_month = divmod(earlier.month - 1 + months, 12)
    stepped = _clamped(earlier.year + anchor_year, anchor_month + 1, earlier.day)
    return months // 12, months % 12, (later - stepped).days


def _clamped(year: int, month: int, day: int) -> date:
    while True:
        try:
            return date(year, month, day)
        except ValueError:
            day -= 1


def gap_words(earlier: date, later: date, unit: str = "ngay") -> str:
    """'14 ngày', '2 tuần (14 ngày)', '16 tháng 2 ngày (488 ngày)', '1 năm 4 tháng 2 ngày (488 ngày)'."""
    days = (later - earlier).days
    if unit == "tuan":
        weeks, left = divmod(days, 7)
        return f"{weeks} tuần{f' {left} ngày' if left else ''} ({days} ngày)" if weeks else f"{days} ngày"
    years, months, rest = calendar_gap(earlier, later)
    if not (years or months):
        return f"{days} ngày"
    if unit == "thang":
        parts = [(years * 12 + months, "tháng"), (rest, "ngày")]
    else:
        parts = [(years, "năm"), (months, "tháng"), (rest, "ngày")]
    return f"{' '.join(f'{n} {word}' for n, word in parts if n)} ({days} ngày)"
