"""Choose the sentences that answer a question, or decide that none does (pure functions).

A candidate sentence is scored by how much of the question's weighted vocabulary it (and its
passage) contains, plus whether it holds the kind of thing asked for (a number next to what
is counted, a date, a person). Hard constraints come first: a place, year, document number or
person named in the question must appear in the evidence, otherwise the documents are about
something else and the answer is an abstention.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections.abc import Callable, Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, replace

from answering.question import (
    COMPARISON_CLAIMED,
    COUNTABLE_PHRASES,
    DISTRIBUTIVE,
    DOCUMENT_KINDS,
    DOCUMENT_KINDS_AS_WRITTEN,
    HOW_MANY,
    SIDE_AHEAD_ASKED,
    STOPWORDS,
    YEAR_RANGE,
    QuestionAnalysis,
    QuestionType,
    content_terms,
    is_document_of_kind,
    names_in,
    place_with_diacritics,
    unit_as_written,
)
from answering.synonyms import NO_SYNONYMS, Expansion, Synonyms, holds, phrase_tokens, with_expansions
from cqdt.vietnamese import fold, has_diacritics, nfc, normalize_number, syllables
from ingest.chunking import Span, split_sentences
from ingest.entities import HANOI_DISTRICTS, PILOT_WARDS, districts, document_numbers, places, wards

_QUESTION_WORDS = frozenset("ai nao gi bao nhieu khong sao may chua the dau".split())
_NUMBER_TOKEN = re.compile(r"^\d+(\.\d+)?$")
_DATE = re.compile(
    r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])(?:/\d{2,4})?(?![\d/])"
    r"|\bngày \d{1,2}(?:/\d{1,2}(?:/\d{2,4})?)?\b|\btháng \d{1,2}(?:/\d{4})?\b"
    r"|\bnăm (?:19|20)\d{2}\b|(?<![\d/])(?:19|20)\d{2}(?![\d/])",
    re.I,
)
_ROLE = re.compile(
    r"\b((?:pho )?(?:chu tich|bi thu|truong ban|giam doc|truong phong|chanh van phong|uy vien|thu tuong|bo truong)"
    r"(?: (?:thuong truc|thuong vu))?(?: (?:ban )?(?:dan van|to chuc|tuyen giao|kiem tra|noi chinh))?"
    r"(?: (?:ubnd|hdnd|ubmttq|mttq|dang uy|quan uy|thanh uy)(?: (?:tp|quan|phuong))?)?)\b"
)
_ROLE_HEAD = re.compile(
    r"(?:pho )?(chu tich|bi thu|truong ban|giam doc|truong phong|chanh van phong|thu tuong|bo truong)"
)
_ORGANISATION = re.compile(
    r"\b(quan uy|dang uy|thanh uy|ubnd|hdnd|ban thuong vu|chinh phu|quoc hoi|mttq|ubmttq|ban chi dao|van phong)\b"
)
_ALIASES = (
    ("uy ban nhan dan", "ubnd"),
    ("hoi dong nhan dan", "hdnd"),
    ("mat tran to quoc", "mttq"),
    ("thanh pho", "tp"),
    ("uy ban mttq", "ubmttq"),
)
_PERCENTAGE = re.compile(r"\d+(?:[.,]\d+)*\s*%")
_FULL_DATE = re.compile(r"(?<![\d/])(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])/\d{4}(?![\d/])")
_ELABORATION = re.compile(r"^(Trong đó|Cụ thể|Theo đó|Gồm|Bao gồm|Đó là)\b")
_IN_DOC_NUMBER = re.compile(r"\d+/\d{4}/\S+")
_NEGATION = re.compile(r"\b(khong|chua|chang)\b")
_LIST_ITEM = re.compile(r"^\s*(\d{1,2}[.)]|[-–•+]|[a-zđ]\))\s")
# A date right after a document's number is that document's date ('Kế hoạch số 100/KH-UBND ngày
# 12/4/2021'): it dates an event only when the question asks about a document.
_DOCUMENT_DATE = re.compile(r"\d+\s?[-/]\s?[\w./-]*[A-ZĐ][\w./-]*,?\s+(?:ngày\s+)?\d{1,2}/\d{1,2}/\d{4}")
_DOCUMENT_ASKED = re.compile(rf"\b({DOCUMENT_KINDS}|luat|ban hanh|hieu luc)\b")
# 'Hội nghị sơ kết Nghị quyết 15-NQ/TU tổ chức ngày nào?' asks when the event was held, not the document's date.
_EVENT_ASKED = re.compile(r"\b(hoi nghi|khai mac|so ket|tong ket|doi thoai|bau cu|dai hoi)\b")
_HELD = re.compile(r"\b(to chuc|dien ra|khai mac|hop)\b")  # when an event was held, not a deadline set at it
_DONE_ASKED = re.compile(r"\bda\b.*\b(?:xong|het|hoan thanh|chua)\b")
_DIRECTIVE = re.compile(r"^\W*(?:giao|chi dao|de nghi|yeu cau|tiep tuc|tap trung|can|phan dau)\b")
_AS_OF_NOW = re.compile(r"\b(?:den nay|hien nay|den thoi diem nay)\b")
_DAY_ASKED = re.compile(r"\b(?:ngay|hom) (?:nao|may|bao nhieu)\b")
_PERIOD_ASKED = re.compile(r"\b(khoang thoi gian nao|giai doan nao|thoi ky nao|bao lau|nhiem ky nao)\b")
_PERIOD_STATED = re.compile(
    r"\b(?:\d+|mot|hai|ba|sau|chin) (?:thang|quy|nam) (?:dau|cuoi|qua)\b|\bgiai doan \d{4}|\bnhiem ky \d{4}"
    r"|\btu (?:nam |ngay )?\d[\d/]* den (?:nay|nam |ngay )?"
)
# 'được bao lâu rồi?' is answered by how long ('Sau gần 2 năm triển khai …') before a day it began.
_HOW_LONG_ASKED = re.compile(r"\bbao lau\b(?! (?:mot|1) lan)")  # 'bao lâu một lần' asks how often
_DURATION_STATED = re.compile(
    r"\b(?:sau|gan|hon|khoang|tron|duoc|trong|so ket|tong ket) (?:\d+|mot|hai|ba) (?:thang|nam)\b(?! \d)"
    r"|\b(?:\d+|mot|hai|ba) (?:thang|nam) (?:thuc hien|trien khai|thi diem|qua)\b"
)
_AT_EVENT = re.compile(r"(?:\btai |^\s*)(hoi nghi|ky hop|dai hoi|buoi doi thoai) (?:do|nay|ay)\b")
_ISSUE_ASKED = re.compile(r"\b(ban hanh|hieu luc|duoc ky|ky ban hanh|thong qua)\b")
# 'Khi nào kết thúc thí điểm?' is answered by a date the pilot ends, not the date it began.
# Folded, 'sơ kết thực hiện' reads 'so ket thuc hien': not an end.
# A deadline: '… phải báo cáo trước ngày nào?' is not answered by the day of the meeting.
_DEADLINE_ASKED = re.compile(r"\b(?:truoc ngay nao|cham nhat (?:la )?(?:vao )?ngay nao|han chot)\b")
_END_ASKED = re.compile(
    r"\b((?<!so )(?<!tong )ket thuc|cham dut|het han|het hieu luc|den khi nao|den bao gio|den ngay nao|den nam nao)\b"
    rf"|{_DEADLINE_ASKED.pattern}"
)
_END_STATED = re.compile(
    r"\b((?<!so )(?<!tong )ket thuc|cham dut|het han|het hieu luc|den het|den ngay|den thang|den nam"
    r"|cham nhat|truoc ngay|thoi han)\b"
)
_PERCENT_ASKED = re.compile(r"\b(ty le|ti le|phan tram|bao nhieu phan)\b")
_RANK_ASKED = re.compile(r"\b(thu|hang) (may|bao nhieu)\b")
_RANK = re.compile(r"\b(thu|hang) (\d+|nhat|nhi|hai|ba|tu|nam)\b")
MULTI_PART = re.compile(r"\b(moi|lan luot|tung|ca hai|so sanh|nhung chuc vu|nhung noi dung)\b")
_LONG_SENTENCE = 350  # longer sentences are offered clause by clause (at '; '), for precise quotes


def _canon(text: str) -> str:
    """Folded text with common abbreviations in one form, for phrase matching."""
    folded = " ".join(syllables(text))
    for long, short in _ALIASES:
        folded = folded.replace(long, short)
    return folded


@dataclass(frozen=True)
class Passage:
    """A retrieved chunk, as the answerer sees it."""

    doc_id: str
    chunk_id: str
    title: str
    date: str
    start: int  # offset of `text` in the document's cleaned text
    text: str
    rank: int


@dataclass(frozen=True)
class Sentence:
    passage: Passage
    start: int  # document offsets
    end: int
    text: str


@dataclass(frozen=True)
class Scored:
    sentence: Sentence
    score: float
    coverage: float  # weighted share of the question's terms in the sentence and its passage
    phrase_coverage: float  # the same for the question's two-syllable phrases
    strength: int  # how exactly it holds the kind of thing asked for (see answer_strength)
    predicate: float = 0.0  # yes/no, 'who did X', 'why X': 1 states its predicate, 0.5 its last words

    @property
    def typed(self) -> bool:
        return self.strength > 0


@dataclass(frozen=True)
class Evidence:
    sentences: tuple[Sentence, ...]
    abstain_reason: str = ""  # Vietnamese, shown to the user
    confidence: float = 0.0
    # The answer's first words when the evidence settles it otherwise than in its own words: a yes/no
    # verdict ('Không' to a claim naming the wrong organ), a count of enumerated items ('5 nhiệm vụ').
    lead: str = ""


def _clauses(text: str, span: Span) -> list[Span]:
    if span.end - span.start <= _LONG_SENTENCE:
        return [span]
    pieces, start = [], span.start
    for match in re.finditer(r"; ", text[span.start : span.end]):
        cut = span.start + match.start() + 1
        if cut - start >= 60:
            pieces.append(Span(start, cut))
            start = cut + 1
    pieces.append(Span(start, span.end))
    return pieces


def sentences_of(passage: Passage) -> list[Sentence]:
    spans = [c for s in split_sentences(passage.text) for c in _clauses(passage.text, s)]
    return [
        Sentence(passage, passage.start + s.start, passage.start + s.end, passage.text[s.start : s.end]) for s in spans
    ]


def _tokens(text: str, accented: bool) -> list[str]:
    """Syllables as compared: with diacritics when the question has them ('lương' is not 'lượng')."""
    return list(phrase_tokens(text, accented))


_DAY_MONTH_YEAR = re.compile(r"(?<![\d/])\d{1,2}/(\d{1,2})/\d{4}(?![\d/])")


# The same corpus sentences come back question after question: their tokens are cached (pure functions).
@functools.lru_cache(maxsize=16384)
def _units(text: str, accented: bool) -> frozenset[str]:
    tokens = _tokens(text.replace("%", " phần trăm "), accented)  # '64,28%' says 'phần trăm' too
    units = frozenset(tokens) | {f"{a}_{b}" for a, b in itertools.pairwise(tokens)}
    # 'Sáng 08/9/2022' says 'tháng 9' too ('hội nghị hồi tháng 9').
    for match in _DAY_MONTH_YEAR.finditer(text):
        month, number = _tokens(f"tháng {int(match.group(1))}", accented)
        units |= {month, f"{month}_{number}"}
    # '11-ĐA/TU' is an đề án even where the text just says 'Đề số 11-ĐA/TU'.
    kinds = {
        kind
        for number in document_numbers(text)
        for kind in DOCUMENT_KINDS_AS_WRITTEN
        if is_document_of_kind(number, kind)
    }
    named = [_tokens(kind, accented) for kind in kinds]
    return units.union(*({*k, f"{k[0]}_{k[1]}"} for k in named)) if named else units


def question_phrases(question: str, accented: bool = False) -> list[str]:
    tokens = _tokens(question, accented)
    filler = _filler_positions([fold(t) for t in tokens])
    pairs = [
        (a, b, fold(a), fold(b))
        for i, (a, b) in enumerate(itertools.pairwise(tokens))
        if i not in filler and i + 1 not in filler
    ]
    return [
        f"{a}_{b}"
        for a, b, fa, fb in pairs
        # 'vấn đề' folds to two stopwords ('vẫn để') yet is a phrase that counts
        if (not (fa in STOPWORDS and fb in STOPWORDS) or (fa, fb) == ("van", "de"))
        and fa not in _QUESTION_WORDS
        and fb not in _QUESTION_WORDS
        and b not in _DEMONSTRATIVES  # 'hội nghị đó' points back: 'nghị_đó' is no phrase of the texts
    ]


_DEMONSTRATIVES = frozenset({"đó", "này", "ấy", "kia"})


def role_phrases(question: str) -> list[str]:
    return [m.group(1) for m in _ROLE.finditer(_canon(question))]


# '11/8 đồng chí' (11 of a target of 8) is a count of đồng chí, not the date 11/8.
_COUNTED_RATIO = re.compile(r"(?<![\d/])(\d+)/\d+(?=\s+(?:người|đồng chí|trường hợp|lượt|hồ sơ|đơn|vụ)\b)", re.I)


@functools.lru_cache(maxsize=16384)
def _number_positions(text: str, *, shares: bool = True) -> tuple[tuple[str, ...], tuple[int, ...]]:
    """Folded syllables of `text` with dates (and percentages unless `shares`) blanked out, and
    the indexes of its numbers."""
    text = _DATE.sub(" ", text)
    units = tuple(syllables(text if shares else _PERCENTAGE.sub(" ", text)))
    return units, tuple(i for i, u in enumerate(units) if _NUMBER_TOKEN.match(u))


# Words whose first syllable is also a unit: '5 đơn vị' does not count đơn, '3 tổ chức' no tổ.
_OTHER_WORDS = frozenset({"don vi", "to chuc", "co quan", "co so"})
_GROUPS = frozenset({"nhom", "loai"})


def counts_unit(text: str, unit: str, *, whole: bool = False) -> bool:
    """'98.840 hồ sơ' for 'bao nhiêu hồ sơ'; '64,28%' for 'bao nhiêu phần trăm'. The unit's first
    syllable suffices ('hồ sơ' asked, '406 hồ sơ TTHC' stated) unless `whole`."""
    if not unit:
        return False
    if unit.startswith(("phan tram", "ty le", "ti le")):
        return bool(re.search(r"\d\s*%", _DATE.sub(" ", text)))
    units, numbers = _number_positions(text, shares=False)  # '100% cán bộ' does not count them
    words = tuple(unit.split() if whole else unit.split()[:1])

    def measured(j: int) -> bool:
        # 'lượt' only measures: 'bao nhiêu lượt công dân' is not counted by '4.417 lượt học viên', but
        # is by '2.146 lượt/4.565 người'; '75.000 lượt người xem' counts 'lượt đọc'.
        if words != ("luot",) or len(unit.split()) < 2 or j + 1 >= len(units):
            return True
        stated = units[j + 1]
        return stated in (unit.split()[1], "nguoi") or j + 1 in numbers

    def after(i: int) -> tuple[int, ...]:
        # '80 đầu mối chi bộ' counts chi bộ: a measure word may stand between the number and the unit.
        starts = (i + 1, i + 3) if units[i + 1 : i + 3] == ("dau", "moi") else (i + 1,)
        if whole:
            return starts
        # '5 bộ hồ sơ' counts hồ sơ, but '4 nhóm vấn đề' counts groups of them.
        return tuple(j + k for j in starts for k in (0, 1) if not (k and j < len(units) and units[j] in _GROUPS))

    return any(
        units[j : j + len(words)] == words
        and measured(j)
        and (whole or " ".join(units[j : j + 2]) not in _OTHER_WORDS or unit.startswith(" ".join(units[j : j + 2])))
        for i in numbers
        for j in after(i)
    )


_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")


def _new_numbers(text: str, question: str) -> set[str]:
    """Numbers in `text` (dates and years aside) that the question does not state itself."""
    units, numbers = _number_positions(text)
    asked_units, asked = _number_positions(question)
    given = {normalize_number(asked_units[i]) for i in asked}
    return {normalize_number(units[i]) for i in numbers if not _YEAR_TOKEN.fullmatch(units[i])} - given


_PERIOD_COUNT = re.compile(r"\b\d{1,3}\s+(?:năm|tháng|quý|tuần|ngày|nam|thang|quy|tuan|ngay)\b", re.IGNORECASE)


def _counts_given(text: str, question: str) -> bool:
    """Whether `text` gives a count the question does not hold: a number that is not a date, a
    document number or a period ('sơ kết 01 năm')."""
    for number in document_numbers(text):
        text = text.replace(number, " ")
    text = _KIND_NUMBERED.sub(" ", text)
    return bool(_new_numbers(_PERIOD_COUNT.sub(" ", text), question))


# 'Thông tri 05', 'Nghị định số 32': a document's short number, not a count.
_KIND_NUMBERED = re.compile(
    rf"\b(?:{'|'.join((*DOCUMENT_KINDS_AS_WRITTEN, 'thông tư', 'công văn', 'quy định'))})(?:\s+số)?\s+\d+\b",
    re.IGNORECASE,
)


_NAMES_ASKED = re.compile(
    r"\b(?:danh sach|ke ten|liet ke|ten)(?: ten)?\s+(?:(?:day du|het|cu the|toan bo)\s+)?(?:cac |nhung )?"
    r"(?:(\d+) )?([a-z]+ [a-z]+)\b"
)
_NUMBER_WORDS = dict(zip("hai ba bon nam sau bay tam chin muoi".split(), map(str, range(2, 11)), strict=True))
_ITEMS_ASKED = re.compile(rf"\b(\d+|{'|'.join(_NUMBER_WORDS)}) ([a-z]+(?: [a-z]+)?)\b.*\bnhung \2 nao\b")


def _ward_names(text: str) -> list[str]:
    """Wards a text names: 'phường X', or a pilot ward's name alone ('các phường Ngọc Lâm, Bồ Đề')."""
    alone = [w for w in PILOT_WARDS if w not in HANOI_DISTRICTS and re.search(rf"(?<!\w){re.escape(w)}(?!\w)", text)]
    return list(dict.fromkeys([*(w.removeprefix("phường ") for w in wards(text)), *alone]))


_PLACES_OF_KIND = {"phuong": _ward_names, "quan": districts}


def _unnamed_items(question: str, text: str) -> bool:
    """'5 đơn vị được khen thưởng là những đơn vị nào?' when the text only counts them ('khen
    thưởng 5 đơn vị có thành tích …') without naming them (no ':', 'gồm' or brackets after);
    'Kể tên 14 phường …' when the text names fewer than two of them."""
    folded, asked = fold(text), fold(question)
    items = _ITEMS_ASKED.search(asked)
    named = None if items else _NAMES_ASKED.search(asked)
    if items:
        count, noun = _NUMBER_WORDS.get(items.group(1), items.group(1)), items.group(2)
    elif named:
        count, noun = named.group(1), named.group(2)
    else:
        return False
    places_named = _PLACES_OF_KIND.get(noun.split()[0])
    if places_named:
        return len(places_named(text)) < 2
    # 'danh sách tên các tập thể được khen thưởng' answered by '… 11 tập thể …'
    number = re.escape(count) if items else r"\d+"
    counted = re.search(rf"\b{number} {noun}\b", folded)
    if not counted:
        return False
    after = folded[counted.start() : counted.start() + 80]
    return not re.search(r":|\(|[“\"]|\bgom\b|\bla\b", after)  # 'phương châm 5 rõ “rõ người, …”' names them


# 'Trong (số) 98.840 hồ sơ …' names a whole; 'Trong 2 quý đầu năm …' a period.
_WHOLE_NUMBER = r"(\d[\d.,]*)(?! (?:quy|nam|thang|nhiem ky|ngay|tuan)\b)"
_WHOLE = re.compile(rf"^\s*trong (?:so |tong so )?{_WHOLE_NUMBER}")
# 'Trong số ý kiến gửi tới hội nghị, có bao nhiêu ý kiến liên quan đến đất đai?' names its whole in words.
_PART_OF = re.compile(
    rf"^\s*(?:(?:vay|the|con|va) )?trong (?:(?:so |tong so )?(?:{_WHOLE_NUMBER}|cac|nhung|do|nay)|so|tong so)\b"
    r".*\bbao nhieu\s+"
)


def _other_total(asked: str, sentence: Sentence, doc_texts: Callable[[str], str]) -> bool:
    """Whether a folded question names a whole ('trong số 22 đảng viên') that neither the sentence
    nor the one before it states."""
    whole = _WHOLE.match(asked)
    if not whole:
        return False
    stated = f"{sentence.text} {_preceding(sentence, doc_texts)}"
    return normalize_number(whole.group(1)) not in {normalize_number(n) for n in re.findall(r"\d[\d.,]*\d|\d", stated)}


def _counts_besides(text: str, unit: str, whole: str) -> bool:
    """Whether `text` gives a figure other than `whole` that may count `unit` (folded): one followed by
    the unit or by no word ('Xóa tên 48;', '20/28'), not one counting something else ('67 lớp')."""
    folded = fold(text).lower()
    for match in re.finditer(r"(?<![\d/])(\d[\d.,]*)(?![\d])", folded):
        if normalize_number(match.group(1)) == normalize_number(whole):
            continue
        after = folded[match.end() :].lstrip()
        if not re.match(r"[a-z]", after) or after.startswith(unit):
            return True
    return False


def _part_asked(analysis: QuestionAnalysis, accented: bool) -> tuple[str, ...]:
    """What picks the part out of a stated whole: 'Trong 98.840 hồ sơ, bao nhiêu hồ sơ thuộc lĩnh
    vực đất đai?' -> ('lĩnh', 'vực', 'đất', 'đai'); () when the question asks no part."""
    folded = fold(analysis.text)
    match = _PART_OF.match(folded)
    if not match or len(folded) != len(analysis.text):
        return ()
    rest = _tokens(analysis.text[match.end() :], accented)[len(analysis.unit.split()) :]
    return tuple(t for t in rest if fold(t) not in STOPWORDS | _QUESTION_WORDS | {"thuoc", "bi", "dien"})


_PLACE_KINDS_FOLDED = frozenset({"quan", "phuong", "huyen", "xa", "thanh", "pho"})
# 'tỷ lệ hồ sơ được giải quyết trực tuyến ở …': the words after 'tỷ lệ', up to the place, period or verb.
_RATE_OF = re.compile(
    r"\b(?:ty le|ti le)\s+([^\W\d_].*?)"
    r"(?=\s+(?:o|tai|cua|trong|nam|nhiem ky|giai doan|la|dat|chiem|bao nhieu|thi|vao|ma|giua|so voi|moi"
    r"|(?:cao|thap|nhieu|it|lon|nho) (?:hon|nhat))\b"
    r"|\s*[,?;:]|\s*\d|\s*$)"
)


def _rate_qualifier(analysis: QuestionAnalysis, accented: bool) -> tuple[str, ...]:
    """The last two words saying which share a 'tỷ lệ … bao nhiêu' question asks for, as compared
    syllables: 'tỷ lệ hồ sơ được giải quyết trực tuyến ở …' -> ('trực', 'tuyến'); () if none."""
    folded = fold(analysis.text)
    match = _RATE_OF.search(folded) if analysis.qtype is QuestionType.NUMBER else None
    if not match or len(folded) != len(analysis.text):
        return ()
    place_words = {w for place in analysis.places for w in place.split()} | _PLACE_KINDS_FOLDED
    tokens = _tokens(analysis.text[match.start(1) : match.end(1)], accented)
    while tokens and fold(tokens[-1]).lower() in place_words:
        tokens.pop()  # 'Ban Chấp hành Đảng bộ quận' ends saying which: 'Đảng bộ'
    tail = [fold(t).lower() for t in tokens[-2:]]
    if len(tail) < 2 or all(t in STOPWORDS for t in tail) or any(t in _QUESTION_WORDS for t in tail):
        return ()
    return tuple(tokens[-2:])


# 'bao nhiêu hồ sơ được giải quyết trước hạn (ở …)': what befell those counted, up to the place or period.
_COUNT_QUALIFIED = re.compile(
    r"\bbao nhieu (?P<unit>[a-z]+(?: [a-z]+){0,5}?) (?:da |se )?(?:duoc|bi(?! thu\b)) (?P<done>[a-z]+(?: [a-z]+){2,4}?)"
    r"(?=\s*[,?;.]|\s*$|\s+(?:o|tai|trong|cua|nam|tu|den|theo|khi|sau|vao|thi|so voi|la|chua|khong)\b)"
)
# 'bao nhiêu bí thư cấp ủy phường không là người địa phương': what those counted are not.
_COUNT_NEGATED = re.compile(
    _COUNT_QUALIFIED.pattern.replace(
        "(?:da |se )?(?:duoc|bi(?! thu\\b)) (?P<done>[a-z]+(?: [a-z]+){2,4}?)",
        "(?P<done>khong (?:la|phai) [a-z]+(?: [a-z]+){1,3}?)",
    )
)


def _count_qualifier(analysis: QuestionAnalysis, accented: bool) -> tuple[str, ...]:
    """The last two words of what befell those a count asks for, when the deed is qualified:
    'bao nhiêu hồ sơ được giải quyết trước hạn' -> ('trước', 'hạn'); () otherwise."""
    folded = fold(analysis.text)
    match = (
        (_COUNT_QUALIFIED.search(folded) or _COUNT_NEGATED.search(folded))
        if analysis.qtype is QuestionType.NUMBER
        else None
    )
    if (
        not match
        or not analysis.unit
        or len(folded) != len(analysis.text)
        or not match.group("unit").startswith(analysis.unit)
    ):
        return ()
    done = _tokens(analysis.text[match.start("done") : match.end("done")], accented)
    # '… được khen thưởng ạ?': particles go; '… được gửi tới họ': so do pronouns pointing back.
    # What they are not is kept whole ('người địa phương': 'địa phương' alone is any quận or phường).
    tail = [t for t in done if fold(t) not in _PARTICLES | _POINTING_BACK][-3 if match.re is _COUNT_NEGATED else -2 :]
    return () if any(fold(t) in _QUESTION_WORDS for t in tail) else tuple(tail)


_POINTING_BACK = frozenset({"ho", "ay", "do", "nay", "kia"})
_NEVER_SEEN = ("zzqx", "qxzz")  # a phrase no document holds: the highest idf


def _counts_only_others(text: str, *, things_asked: bool = False, rank_asked: bool = False) -> bool:
    """Whether every count in `text` counts some thing by name ('22 đảng viên', '5 đơn vị'):
    called when none counts what is asked, so the sentence counts other things. '406 người'
    counts other things too when things are asked about ('bao nhiêu tổ dân phố')."""
    generic = _GENERIC_COUNTERS - _PEOPLE_COUNTERS if things_asked else _GENERIC_COUNTERS
    units, numbers = _number_positions(_COUNTED_RATIO.sub(r"\1", text), shares=False)
    # 'đứng thứ 2 trên 30 quận': a rank counts nothing, unless a rank is what is asked.
    counts = [
        i for i in numbers if not _YEAR_TOKEN.fullmatch(units[i]) and (rank_asked or i == 0 or units[i - 1] != "thu")
    ]
    return (
        bool(counts)
        and all(
            i + 1 < len(units)
            and units[i + 1].isalpha()
            and (units[i + 1] not in STOPWORDS or " ".join(units[i + 1 : i + 3]) in COUNTABLE_PHRASES)
            # '300 đồng chí' may count cộng tác viên: generic counters count whatever is asked.
            and " ".join(units[i + 1 : i + 3]) not in generic
            and units[i + 1] not in generic
            for i in counts
        )
    )


_PEOPLE_COUNTERS = frozenset({"nguoi", "dong chi", "ca nhan"})
_GENERIC_COUNTERS = _PEOPLE_COUNTERS | {"truong hop", "luot", "vu", "vu viec"}


_PEOPLE = frozenset(
    "can bo|cong chuc|vien chuc|cbccvc|cbcc|dang vien|nguoi lao dong|nld|chu tich|pho chu tich|bi thu|lanh dao"
    "|doan vien|hoi vien|cu tri|nhan vien|cong dan|dai bieu".split("|")
)


# Units that are never people: '406 người' or '300 đồng chí' do not count them.
_THINGS = frozenset(
    "to dan pho|tdp|chi bo|phuong|quan|ho so|thu tuc|don|van ban|hoi nghi|ke hoach|de an|don vi|co quan"
    "|to chuc|tap the|nhiem vu|cuoc|y kien|van de|kien nghi|chuong trinh|dau moi|linh vuc|du an|phong|ban"
    "|nghi quyet|quyet dinh|chi tieu|tieu chi|muc|bien che|ty dong|trieu dong|phan tram".split("|")
)


def _asks_people(analysis: QuestionAnalysis) -> bool:
    """Whether the unit counted is people: 'bao nhiêu người', 'bao nhiêu cán bộ'."""
    words = analysis.unit.split()
    return bool(words) and (words[0] == "nguoi" or any(" ".join(words[:n]) in _PEOPLE for n in (1, 2)))


def _asks_things(analysis: QuestionAnalysis) -> bool:
    """Whether the unit counted is surely not people: 'bao nhiêu tổ dân phố', 'bao nhiêu hồ sơ'."""
    # The unit is cut at two syllables: 'tổ dân' is 'tổ dân phố'.
    return any(
        " ".join(words[:n]) in _THINGS or (len(words) == 2 and any(t.startswith(f"{unit} ") for t in _THINGS))
        for unit, words in ((unit, unit.split()) for unit in (analysis.unit, *analysis.unit_aliases))
        for n in (1, 2)
    )


_LEADERS_ASKED = re.compile(r"\b(dung dau|cap pho|cap truong|lanh dao|chu tich|bi thu)\b")


def counts_asked(analysis: QuestionAnalysis, text: str) -> bool:
    """Whether `text` counts what the question counts, in its words or a synonym's; people are
    also counted in 'người' ('bao nhiêu CBCCVC' -> '1.773 người')."""
    unit = analysis.unit
    if counts_unit(text, unit) or any(counts_unit(text, alias, whole=True) for alias in analysis.unit_aliases):
        return True
    people = _asks_people(analysis)
    # '15 Chủ tịch, Phó Chủ tịch HĐND phường' counts people when leaders are asked about.
    titles = _PEOPLE if _LEADERS_ASKED.search(fold(analysis.text)) else ()
    return people and any(counts_unit(text, word, whole=True) for word in ("nguoi", "dong chi", "truong hop", *titles))


# 'bao nhiêu người bị khai trừ': a generic counter says only what happened to those counted.
_DONE_TO_COUNTED = re.compile(
    r"\bbao nhieu (?:nguoi|truong hop|dong chi|ca nhan|luot|vu) (?:da |se |con )?(?:bi|duoc) ([a-z]+(?: [a-z]+)?)"
)
# 'được người đứng đầu UBND quận khen thưởng': the passive names its doer first, not the deed.
_DOER_AFTER_PASSIVE = frozenset("nguoi ong ba dong chu bi pho truong ubnd hdnd quan thanh ban lanh".split())
# 'đã kỷ luật bao nhiêu đảng viên': what was done to those counted, said before the count.
_DONE_BEFORE_COUNT = re.compile(r"\b(?:da|duoc|bi) ([a-z]+ [a-z]+) bao nhieu [a-z]")
_DONE_ACTIVE = re.compile(r"\b([a-z]+ [a-z]+) (?:duoc|dat) bao nhieu [a-z]")


def _done_to_counted(analysis: QuestionAnalysis, accented: bool, evidence: str) -> tuple[str, ...]:
    """What befell the people or cases a question counts, as compared syllables: 'bao nhiêu người
    bị khai trừ' -> ('khai', 'trừ'); 'đã kỷ luật bao nhiêu đảng viên' -> ('kỷ', 'luật') when
    `evidence` counts them only with a generic counter ('35 trường hợp'), not as '22 đảng viên'."""
    folded = fold(analysis.text)
    match = _DONE_TO_COUNTED.search(folded)
    named = counts_unit(evidence, analysis.unit) or any(
        counts_unit(evidence, alias, whole=True) for alias in analysis.unit_aliases
    )
    if not match and not named and analysis.unit.split()[:1] != ["nguoi"]:
        # '35 trường hợp' may count the đảng viên asked about, not say they were disciplined.
        # 'phường kết nạp được bao nhiêu đảng viên mới': a count of '1.773 người' is not of those admitted.
        match = _DONE_BEFORE_COUNT.search(folded) or (_asks_people(analysis) and _DONE_ACTIVE.search(folded)) or None
    if not match or len(folded) != len(analysis.text) or match.group(1).split()[0] in _DOER_AFTER_PASSIVE:
        return ()
    words = _tokens(analysis.text[match.start(1) : match.end(1)], accented)
    place_words = {w for place in analysis.places for w in place.split()}
    return tuple(w for w in words if fold(w) not in STOPWORDS | _QUESTION_WORDS | place_words)


def _number_near_terms(text: str, terms: set[str]) -> bool:
    """A number with one of the question's distinctive terms close by: 'giảm 35 trường hợp'."""
    units, numbers = _number_positions(text)
    return any((set(units[max(0, i - 6) : i]) | set(units[i + 1 : i + 4])) & terms for i in numbers)


def answer_strength(analysis: QuestionAnalysis, text: str) -> int:
    """How well `text` holds the kind of thing asked for: 0 not at all, 1 loosely, 2 exactly
    (a number of the unit counted, a full date, a person's name)."""
    qtype = analysis.qtype
    if qtype is QuestionType.NUMBER:
        if _RANK_ASKED.search(fold(analysis.text)):  # 'đứng thứ mấy': only a stated rank answers
            return 2 if _RANK.search(fold(text)) else 0
        if _PERCENT_ASKED.search(fold(analysis.text)):
            return 2 if counts_unit(text, "phan tram") else 0
        if counts_asked(analysis, text):
            return 2
        terms = set(analysis.terms) | set(content_terms(analysis.context))
        return 1 if _number_near_terms(text, terms) else 0
    if qtype is QuestionType.DATE:
        asked = fold(analysis.text)
        if _END_ASKED.search(asked) and not _END_STATED.search(fold(text)):
            return 0
        if _IN_FORCE_ASKED.search(asked) and not _IN_FORCE_STATED.search(fold(text).lower()):
            return 0  # 'có hiệu lực từ ngày nào' is not answered by the day it was issued
        if analysis.doc_numbers and (_ISSUE_ASKED.search(asked) or not _EVENT_ASKED.search(asked)):
            # 'văn bản X ban hành ngày nào': a date right after that document's number, not any date.
            folded = fold(text)
            for number in analysis.doc_numbers:
                at = folded.find(fold(number))
                if at >= 0:
                    after = re.split(r"[;]|\d+[-/][A-Za-z]", folded[at + len(number) : at + len(number) + 40])[0]
                    if _DATE.search(after):
                        return 2
            return 0
        if not _DOCUMENT_ASKED.search(asked):
            text = _DOCUMENT_DATE.sub(" ", text)
        if _HOW_LONG_ASKED.search(asked):
            return 2 if _DURATION_STATED.search(fold(text)) else 1 if _DATE.search(text) else 0
        if _FULL_DATE.search(text):
            return 2
        if _PERIOD_ASKED.search(asked) and _PERIOD_STATED.search(fold(text)):
            return 2  # 'trong khoảng thời gian nào?' is answered by '9 tháng đầu năm 2022'
        return 1 if _DATE.search(text) else 0
    if qtype is QuestionType.PERSON:
        if names_in(text):
            return 2
        canon = _canon(text)
        return 1 if _ROLE.search(canon) or _ORGANISATION.search(canon) else 0
    if qtype is QuestionType.ROLE:
        return 2 if _ROLE.search(_canon(text)) else 0
    if _DOCUMENTS_ASKED.search(fold(analysis.text)):
        # 'tổ chức căn cứ theo những văn bản nào?' is answered by the numbers of documents ('văn bản
        # nào' may be answered by one named in words: 'quy chế mẫu của Thành ủy').
        return 2 if document_numbers(text) else 1
    if qtype is QuestionType.LIST:
        return 2 if text.count(",") + text.count(";") >= 2 or text.rstrip().endswith(":") else 1
    return 2


_ALL_POSTS_ASKED = re.compile(r"\b(?:nhung|cac) (?:chuc vu|chuc danh|cuong vi)\b|\bngoai\b.*\bcon\b")
_NUMBER_OF_KIND_ASKED = re.compile(
    rf"\b({'|'.join(k for k in DOCUMENT_KINDS.split('|') if k != 'van ban')})"
    r"\s+(?:so\s+(?:may|bao nhieu|nao)|nao)\b"
)
_IN_FORCE_ASKED = re.compile(r"\bhieu luc(?: thi hanh)?(?: (?:tu|ke tu|vao))? (?:ngay|khi|thoi diem|luc)\b")
_IN_FORCE_STATED = re.compile(r"\b(?:co hieu luc|hieu luc (?:thi hanh|tu|ke tu))\b")
_DOCUMENTS_ASKED = re.compile(rf"\b(?:nhung|cac) (?:{DOCUMENT_KINDS}|can cu) nao\b")


def _accented(analysis: QuestionAnalysis) -> bool:
    return has_diacritics(analysis.text)


def _term_weights(analysis: QuestionAnalysis, idf: Callable[[str], float]) -> dict[str, float]:
    """Content syllables of the question (and, at half weight, of the question it follows up)."""
    accented = _accented(analysis)
    weights: dict[str, float] = {}
    claim = analysis.qtype is QuestionType.YESNO
    for text, factor in ((analysis.text, 1.0), (analysis.context, 0.5)):
        tokens = _tokens(text, accented)
        filler = _filler_positions([fold(t) for t in tokens])
        for i, token in enumerate(tokens):
            if claim and _NUMBER_TOKEN.match(token):
                continue  # a figure claimed may be wrong: the claim is checked against the figure stated
            if fold(token) not in STOPWORDS and token not in _LINKING and token not in weights and i not in filler:
                weights[token] = factor * idf(token)
    return weights


# 'cả A lẫn B đều … kiêm luôn …': linking words, with diacritics only (folded, 'kiem' is also
# 'kiểm' and 'ca' the first syllable of 'cá nhân').
_LINKING = frozenset({"cả", "lẫn", "luôn", "kiêm"})


def _own_share(analysis: QuestionAnalysis, text: str, idf: Callable[[str], float], synonyms: Synonyms) -> float:
    """Weighted share, in `text`, of the follow-up's own terms (those its earlier question lacks);
    1 when it adds fewer than two ('Hội nghị đó diễn ra khi nào?', 'còn quận đó?')."""
    accented = _accented(analysis)
    earlier = set(_tokens(analysis.context, accented))
    # 'Thế cuối buổi ai là người kết luận?': when in the meeting, which no report of it words so.
    when = {t for m in _WHEN_IN_MEETING.finditer(fold(analysis.text).lower()) for t in m.group(0).split()}
    own = {
        t: w
        for t, w in _term_weights(replace(analysis, context=""), idf).items()
        if t not in earlier and fold(t).lower() not in when
    }
    if len(own) < 2:  # 'Hội nghị đó diễn ra khi nào?' adds a verb only: the type of answer decides
        return 1.0
    return _share(own, with_expansions(_units(text, accented), _expansions(analysis, synonyms)))


def _filler_positions(folded_tokens: Sequence[str]) -> set[int]:
    """Token positions of words that distribute a question over its subjects ('lần lượt', 'mỗi
    quận'), point at the documents ('theo các bài viết'), say how to count ('tính cả') or ask for a
    period ('trong khoảng thời gian nào'): they say how to answer, not what about, and no evidence
    sentence contains them."""
    text = " ".join(folded_tokens)
    starts = list(itertools.accumulate((len(t) + 1 for t in folded_tokens), initial=0))
    spans = [
        m.span() for pattern in (DISTRIBUTIVE, _THE_TEXTS, _PERIOD_ASKED, _INCLUDING) for m in pattern.finditer(text)
    ]
    return {i for start, end in spans for i, at in enumerate(starts[:-1]) if start <= at < end}


# 'nếu tính cả chủ tịch UBND phường thì …': how to count, not what; 'nghe nói …, có đúng không?':
# where the asker heard it.
_INCLUDING = re.compile(
    r"\b(?:tinh ca|ke ca|gop ca)\b|^\s*(?:(?:toi|em|minh) )?(?:nghe (?:noi|bao|dau)|doc thay)\b"
    r"|\b(?:co )?dung (?:khong|la|vay|the)\b"  # 'có đúng không', 'có đúng là': asking to confirm
    r"|^\s*cu the\b|\bho(?= (?:duoc|da|deu|bi|se)\b)"  # 'Cụ thể họ được bố trí thế nào?': how to ask, and who
    r"|\b(?:co )?tat ca(?= (?:bao nhieu|may)\b)"  # 'có tất cả mấy phường': how to count
    r"|\btong so(?= [a-z]+ (?:[a-z]+ ){0,4}(?:la bao nhieu|bao nhieu|la may)\b)"  # 'tổng số đơn … là bao nhiêu'
    r"|\bvao(?= (?:ngay|hom|luc|thoi gian|thoi diem) nao\b)"  # '… tổ chức vào ngày nào': how the day is asked
)
_WHEN_IN_MEETING = re.compile(r"\b(?:cuoi|dau|giua) (?:buoi|hoi nghi|phien|cuoc hop)\b")
# 'Theo các bài viết về …', 'trong tài liệu': the question points at the documents themselves.
_THE_TEXTS = re.compile(r"\b(?:(?:theo|trong) )?(?:cac |nhung |hai |ca )?(?:bai viet|bai bao|tai lieu)\b")


def _share(weights: dict[str, float], present: AbstractSet[str]) -> float:
    total = sum(weights.values())
    return sum(w for t, w in weights.items() if t in present) / total if total else 0.0


def _expansions(analysis: QuestionAnalysis, synonyms: Synonyms) -> list[Expansion]:
    accented = _accented(analysis)
    return [
        e for text in (analysis.text, analysis.context) for e in synonyms.expansions(_tokens(text, accented), accented)
    ]


def score_sentences(
    analysis: QuestionAnalysis,
    sentences: Sequence[Sentence],
    idf: Callable[[str], float],
    synonyms: Synonyms = NO_SYNONYMS,
) -> list[Scored]:
    accented = _accented(analysis)
    expansions = _expansions(analysis, synonyms)
    terms = _term_weights(analysis, idf)
    phrases = {p: idf(p) for p in question_phrases(analysis.text, accented)}
    context_terms: dict[str, AbstractSet[str]] = {}
    predicate: tuple[str, ...] = ()
    if analysis.qtype is QuestionType.YESNO:
        predicate = _predicate_tokens(analysis.text, accented)
    elif analysis.qtype is QuestionType.PERSON:
        predicate = _person_predicate(analysis.text, accented)
    else:
        predicate = _why_predicate(analysis.text, accented)
    whole_unit = len(analysis.unit.split()) > 1
    scored = []
    for sentence in sentences:
        passage = sentence.passage
        if passage.chunk_id not in context_terms:
            context_terms[passage.chunk_id] = with_expansions(
                _units(f"{passage.title}\n{passage.text}", accented), expansions
            )
        own = with_expansions(_units(sentence.text, accented), expansions)
        context = context_terms[passage.chunk_id]
        own_cov, context_cov = _share(terms, own), _share(terms, context)
        own_phr = _share(phrases, own) if phrases else own_cov
        context_phr = _share(phrases, context) if phrases else context_cov
        strength = answer_strength(analysis, sentence.text)
        score = (
            0.45 * own_cov
            + 0.2 * context_cov
            + 0.25 * own_phr
            + 0.1 * context_phr
            + 0.1 * strength
            + 0.04 / passage.rank
        )
        stated = _predicate_held(own, predicate)
        if whole_unit and counts_unit(sentence.text, analysis.unit, whole=True):
            score += 0.03  # '36 vụ khiếu nại' counts 'bao nhiêu vụ khiếu nại' more surely than '14 vụ việc'
        scored.append(
            Scored(
                sentence, score + 0.2 * stated, max(own_cov, context_cov), max(own_phr, context_phr), strength, stated
            )
        )
    return sorted(scored, key=lambda s: (-s.score, s.sentence.passage.rank, s.sentence.start))


def _contains(haystack: str, needle: str) -> bool:
    return f" {' '.join(syllables(needle))} " in f" {haystack} "


_ATTRIBUTED = re.compile(
    r"\b(?:trong|theo) (?:bao cao|phat bieu|bai phat bieu|loi) (?:cua )?(?:ong|ba|dong chi)\b"
    # 'Đồng chí X yêu cầu những nhiệm vụ nào?': the tasks he sets out run on for paragraphs.
    r"|\b(?:ong|ba|dong chi) (?:\w+ ){1,4}?(?:da )?(?:yeu cau|de nghi|chi dao|nhan manh)\b"
)


def names_post(canon: str, role: str) -> bool:
    """Whether `_canon` text names the post `role` itself: a Phó Chủ tịch is not the Chủ tịch."""
    return re.search(rf"(?<!pho )\b{re.escape(role)}\b", canon) is not None


def _near(sentence: Sentence, before: int = 200) -> str:
    """The sentence, what just precedes it, and the title, as folded syllables: where a year or a
    ward qualifying it is stated."""
    offset = sentence.start - sentence.passage.start
    preceding = sentence.passage.text[max(0, offset - before) : offset]
    # '97/2019/QH14' is a document number, not a statement about 2019.
    return " ".join(syllables(_IN_DOC_NUMBER.sub(" ", f"{sentence.passage.title}\n{preceding} {sentence.text}")))


def _sibling_instead(number: str, folded_texts: Iterable[str]) -> bool:
    """Whether the texts never name document `number` but name one differing only in its first
    figure ('97/2019/QH14' for '98/2019/QH14', '16-NQ/TU' for '15-NQ/TU')."""
    first, *rest = syllables(number)
    if not rest or not first.isdigit():
        return False
    texts = list(folded_texts)
    sibling = re.compile(rf"(?<!\S)(?!{first} )\d+ {re.escape(' '.join(rest))}(?!\S)")
    return not any(_contains(t, " ".join((first, *rest))) for t in texts) and any(sibling.search(t) for t in texts)


def _has_phrase(canon: str, phrase: str) -> bool:
    return f" {phrase} " in f" {canon} "


def _constraint_filter(
    analysis: QuestionAnalysis,
    sentences: list[Sentence],
    folded_doc: Callable[[str], str],
    doc_texts: Callable[[str], str] = lambda doc_id: "",
) -> tuple[list[Sentence], str]:
    """Keep sentences whose evidence names what the question names; else say what is missing."""
    asked = fold(analysis.text)
    passages = {s.passage.chunk_id: s.passage for s in sentences}
    folded_docs = {doc_id: folded_doc(doc_id) for doc_id in {p.doc_id for p in passages.values()}}
    kept = sentences
    for role in role_phrases(analysis.text):
        # 'Giám đốc Sở Nội vụ đã đánh giá … thế nào?': a kind of post the documents never name.
        head = _ROLE_HEAD.match(role)
        if head and not any(_contains(text, head.group(1)) for text in folded_docs.values()):
            return [], "Các tài liệu hiện có không nhắc tới chức vụ được hỏi."
    if analysis.places:
        for place in analysis.places:
            if not any(_contains(text, place) for text in folded_docs.values()):
                return [], f"Các tài liệu hiện có không đề cập tới {_shown(analysis, place)}."
        about = {doc_id for doc_id, text in folded_docs.items() if any(_contains(text, p) for p in analysis.places)}
        kept = [s for s in kept if s.passage.doc_id in about]
        if all(place in _DISTRICT_NAMES for place in analysis.places):
            # 'Bí thư Quận ủy Tây Hồ là ai?' is not answered by '… Bí thư Quận ủy … quận Nam Từ Liêm …'
            # in an article that names Tây Hồ once.
            # A sentence naming no district is its article's: the title says whose.
            kept = [
                s
                for s in kept
                if not _other_district(
                    s.text if _DISTRICT_OF.search(fold(s.text).lower()) else s.passage.title, analysis.places
                )
            ]
            if not kept:
                return [], f"Các tài liệu hiện có không nêu thông tin này cho {_shown(analysis, analysis.places[0])}."
        wards = [place for place in analysis.places if place.startswith("phuong ")]
        if wards and analysis.qtype is QuestionType.NUMBER:
            # 'Long Biên giảm bao nhiêu người … riêng tại phường Bồ Đề?' is not answered by the 14 wards' total.
            kept = [s for s in kept if all(_contains(_near(s, 300), ward.removeprefix("phuong ")) for ward in wards)]
            if not kept:
                return [], f"Các tài liệu hiện có không nêu số liệu này riêng cho {_shown(analysis, wards[0])}."
    elif analysis.qtype is QuestionType.NUMBER and _CITY_ASKED.search(asked.lower()):
        # 'Hà Nội có tổng cộng bao nhiêu phường …?' is not answered by a district's '14 phường'.
        kept = [s for s in kept if _CITY_STATED.search(fold(s.text).lower())]
        if not kept:
            return [], "Các tài liệu hiện có không nêu số liệu này cho toàn thành phố Hà Nội."
    spoken = " ".join(syllables(analysis.text))
    own_marks = analysis.doc_numbers or _REVIEW_PERIOD.search(spoken)
    if analysis.context and not own_marks:  # '…, và ai báo cáo tại hội nghị sơ kết Nghị quyết 15' names its own
        # 'Ai là người trình bày báo cáo?' after 'Ngày 8/9/2022 Quận ủy … sơ kết gì?': the document
        # telling of that day (or that document number), when one of those retrieved does.
        # 'Tại đó có bao nhiêu …?' after 'Hội nghị sơ kết 1 năm …': the document of that review.
        marks = [
            " ".join(syllables(m)) for m in (*_FULL_DATE.findall(analysis.context), *document_numbers(analysis.context))
        ]
        marks += _REVIEW_PERIOD.findall(" ".join(syllables(analysis.context)))
        marked = {doc_id for doc_id, text in folded_docs.items() if any(_contains(text, m) for m in marks)}
        kept = [s for s in kept if s.passage.doc_id in marked] or kept
    event_days = _days_stated(_DOCUMENT_DATE.sub(" ", analysis.text))
    if event_days and analysis.qtype not in (QuestionType.YESNO, QuestionType.DATE):
        # 'Ai báo cáo tại hội nghị sơ kết … sáng 08/9/2022?': the document telling of that day, when one
        # of those retrieved does (a claimed day may be wrong: a claim is checked, not filtered by it).
        dated = {doc_id for doc_id in folded_docs if event_days & _days_stated(doc_texts(doc_id))}
        kept = [s for s in kept if s.passage.doc_id in dated] or kept
    context = (
        {chunk_id: " ".join(syllables(f"{p.title}\n{p.text}")) for chunk_id, p in passages.items()}
        if analysis.doc_numbers or analysis.names
        else {}
    )

    # 'hội nghị sơ kết 1 năm … lẫn hội nghị sơ kết Nghị quyết 15': the period qualifies one review of two.
    reviews_asked = len(re.findall(r"\b(?:so|tong) ket\b", asked))
    periods = list(_COUNTED_PERIOD.finditer(spoken)) if reviews_asked < 2 else []
    for period in periods:
        number, unit = period.groups()
        # 'sơ kết 3 năm' is not answered by what the text says of 'sơ kết 01 năm'.
        other = _other_place(analysis, spoken, period.start())
        kept = [s for s in kept if other(s) or not _other_count(_near(s), number, unit)]
        if not kept:
            return [], f"Các tài liệu hiện có không nêu thông tin này cho {number} {_PERIOD_WORDS[unit]}."
    # '… sơ kết 3 năm … vào ngày nào và khen thưởng bao nhiêu tập thể?': the later part asks of that review too.
    reviews = list(_REVIEW_ASKED.finditer(spoken))
    reviews = reviews or ([] if own_marks else list(_REVIEW_ASKED.finditer(" ".join(syllables(analysis.context)))))
    for review in reviews if reviews_asked < 2 else []:
        number, unit = review.groups()
        # 'sơ kết 3 năm' where the documents review 1 and 5 years: no such review is reported.
        other = _other_place(analysis, review.string, review.start())
        kept = [s for s in kept if other(s) or (int(number), unit) in _reviews(folded_docs[s.passage.doc_id])]
        if not kept:
            return [], f"Các tài liệu hiện có không nêu việc sơ kết, tổng kết {number} {_PERIOD_WORDS[unit]}."
    alone = re.search(r"\brieng muc(?: do)? (\d)\b", spoken)  # 'riêng mức độ 4' is not answered by 'mức độ 3 và 4'
    # 'bao nhiêu thủ tục mức độ 4' is not counted by '121 thủ tục mức độ 3 và 4' either.
    # 'Trong 121 thủ tục mức độ 3 và 4 …, có bao nhiêu thủ tục ở mức độ 4?': the clause that asks.
    asking = " ".join(syllables(re.split(r"[,;]", analysis.text)[-1]))
    levels_asked = asking if _LEVEL_ASKED.search(asking) else spoken
    one_counted = analysis.qtype is QuestionType.NUMBER and len(_levels(levels_asked)) == 1
    for number in _LEVEL_ASKED.findall(levels_asked):
        # 'thủ tục mức độ 2' is not answered by what the text says of 'mức độ 3, 4', nor by a sentence
        # naming no level.
        only = one_counted or (alone is not None and alone.group(1) == number)
        kept = [s for s in kept if _level_stated(_near(s), number, alone=only)]
        if not kept:
            return [], f"Các tài liệu hiện có không nêu thông tin này cho mức độ {number}."
    asked_quarters = _quarters(spoken) | ({1, 2, 3, 4} if _WHOLE_YEAR_ASKED.search(spoken) else set())
    if asked_quarters:
        # 'quý III năm 2022' is not answered by what the text says of '2 quý đầu năm 2022'; a figure
        # ('Riêng quý III …, đạt bao nhiêu %?', 'Tính cả năm 2022 …?') not by one for '9 tháng đầu năm'
        # either, which counts other months as well, or not all of them.
        exact = analysis.qtype is QuestionType.NUMBER
        kept = [
            s
            for s in kept
            if not (stated := _quarters(_near(s))) or (stated == asked_quarters if exact else stated & asked_quarters)
        ]
        if not kept:
            return [], "Các tài liệu hiện có không nêu thông tin này cho quý được hỏi."
    # A post claimed is a detail to check ('… do Chủ tịch UBND quận chủ trì, đúng không?' against the
    # sentence naming the Chủ tịch UBND phường), not a filter.
    for post in _posts_at_level(asked) if analysis.qtype is not QuestionType.YESNO else ():
        # 'Bằng khen của Chủ tịch UBND Thành phố' is not what 'Chủ tịch UBND Quận … khen thưởng' gave.
        kept = [s for s in kept if post in (posts := _posts_at_level(fold(s.text))) or not _at_other_level(post, posts)]
        if not kept:
            body = " ".join(w for w in (_POST_WORDS.get(post[0], ""), "UBND", _POST_WORDS[post[1]]) if w)
            return [], f"Các tài liệu hiện có không nêu thông tin này về {body}."
    for year in analysis.published_years:
        kept = [s for s in kept if s.passage.date.startswith(year)]
        if not kept:
            return [], f"Các tài liệu hiện có không có bài viết năm {year} về nội dung này."
    person_asked = analysis.qtype is QuestionType.PERSON
    for year in analysis.years:
        owner = _year_owner(analysis, year)
        # 'Tính đến đầu năm 2022, tỷ lệ … là bao nhiêu?' is answered by '… đến nay …' in an article of 2022.
        as_of = re.search(rf"\bden (?:[a-z]+ ){{0,3}}{year}\b", asked)
        # 'Tại hội nghị sơ kết … năm 2022, … khen thưởng bao nhiêu?': a report of that year's meeting.
        meeting_of_year = re.search(rf"\b(?:hoi nghi|doi thoai|so ket|tong ket)\b[^,;?]{{0,80}}\bnam {year}\b", asked)
        kept = [
            s
            for s in kept
            if (_contains(_near(s), year) and _not_of_other_years(s.text, year))
            or (owner and not _contains(folded_docs[s.passage.doc_id], owner))
            or (as_of and s.passage.date.startswith(year) and _AS_OF_NOW.search(fold(s.text)))
            or (meeting_of_year and s.passage.date.startswith(year) and not _STATED_YEAR.search(s.text))
            # 'Chủ tịch UBND quận năm 2022 là ai?': who held the post when an article of that year was written.
            or (person_asked and s.passage.date.startswith(year) and not _STATED_YEAR.search(s.text))
        ]
        if not kept:
            return [], f"Các tài liệu hiện có không nêu thông tin này cho năm {year}."
    # 'Quyết định 2200 mà … nhắc tới khi sơ kết Nghị quyết 15 ban hành ngày nào?' dates the first
    # document named; the others only say where it was mentioned.
    numbers = analysis.doc_numbers[:1] if analysis.qtype is QuestionType.DATE else analysis.doc_numbers
    if analysis.qtype is QuestionType.YESNO:
        # '… thi hành Nghị quyết 98/2019/QH14, đúng không?': a number found nowhere, where its sibling
        # (97/2019/QH14) is, is a detail of the claim to check, not a document to find.
        # So is the document a deed is claimed to follow: the sentence stating the deed says which.
        basis = _claimed_basis(analysis.text)
        numbers = tuple(n for n in numbers if not _sibling_instead(n, folded_docs.values()) and n not in basis)
    checks: list[tuple[tuple[str, ...], str]] = [
        (numbers, "Các tài liệu hiện có không nêu thông tin này về văn bản {}."),
        (analysis.names, "Các tài liệu hiện có không nhắc tới người được hỏi."),
    ]
    if analysis.names:
        # 'Đồng chí cũng ghi nhận …' opening a passage speaks of the person named just before it.
        for chunk_id, p in passages.items():
            context[chunk_id] += " " + " ".join(syllables(doc_texts(p.doc_id)[max(0, p.start - 400) : p.start]))
            # 'Phát biểu kết luận, đồng chí Bí thư Đảng ủy khẳng định …' speaks of the person the
            # document gives that post ('bà Nguyễn Thị Thanh Hằng – Quận ủy viên, Bí thư Đảng ủy phường').
            named_posts = [r for r in role_phrases(p.text) if len(r.split()) >= 3]  # not a bare 'bí thư'
            context[chunk_id] += "".join(
                f" {name}"
                for name in analysis.names
                if any(
                    f"{post} ".startswith(f"{r} ") for post in _posts_of(name, doc_texts(p.doc_id)) for r in named_posts
                )
            )
    # 'Có phải ông X là người trình bày báo cáo …?': the sentence saying who did may not name X;
    # X must be in its document all the same.
    # So with 'Hội nghị do ông X kết luận diễn ra ngày nào?': the sentence dating it need not name him.
    # 'Trong báo cáo của ông X, … bao nhiêu …?': the report runs on for paragraphs after naming him.
    claim = (
        analysis.qtype is QuestionType.DATE
        or (analysis.qtype is QuestionType.YESNO and bool(_CLAIM.search(asked.lower())))
        or bool(_ATTRIBUTED.search(asked.lower()))
    )
    # 'Ai kết luận hội nghị sơ kết Nghị quyết 15-NQ/TU?': the document names the meeting, where who
    # concluded it need not repeat the number.
    at_meeting = (
        analysis.qtype in (QuestionType.PERSON, QuestionType.YESNO, QuestionType.DATE)
        and bool(_EVENT_ASKED.search(asked))
        and not _ISSUE_ASKED.search(asked)
    )
    for values, message in checks:
        for value in values:
            document_level = (claim and values is analysis.names) or (at_meeting and values is numbers)
            named = folded_docs if document_level else None
            before = kept
            kept = [
                s for s in kept if _contains(named[s.passage.doc_id] if named else context[s.passage.chunk_id], value)
            ]
            if kept and claim and values is analysis.names and analysis.qtype is QuestionType.YESNO:
                # 'Người báo cáo tại hội nghị ngày 3/8/2022 là đồng chí X, phải không?' where X is named
                # only in an article of another day: the article of that day says who did.
                days = _days_stated(asked)
                dated = {doc for doc in folded_docs if days and days <= _days_stated(doc_texts(doc))}
                if dated and not dated & {s.passage.doc_id for s in kept}:
                    kept = [s for s in before if s.passage.doc_id in dated]
                    continue
            if not kept and claim and values is analysis.names and analysis.qtype is QuestionType.YESNO:
                # 'Bí thư Quận ủy Nam Từ Liêm là đồng chí Đường Hoài Nam, phải không?': the sentence
                # naming who holds that post there answers the claim; at a dated meeting whose article
                # does not name him, the article of that day says who did.
                roles = role_phrases(analysis.text)
                kept = [s for s in before if names_in(s.text) and any(_has_phrase(_canon(s.text), r) for r in roles)]
                days = _days_stated(asked)
                dated = {doc for doc in folded_docs if days and days <= _days_stated(doc_texts(doc))}
                kept = kept or [s for s in before if s.passage.doc_id in dated]
                if kept and dated:
                    continue
            if not kept:
                return [], message.format(value)
    roles = role_phrases(analysis.text) if analysis.qtype in (QuestionType.PERSON, QuestionType.ROLE) else []
    if analysis.qtype is QuestionType.NUMBER and analysis.unit:
        # 'bao nhiêu Phó Chủ tịch UBND phường': Phó Chủ tịch HĐND are not counted.
        roles = [r for r in role_phrases(analysis.text) if r.startswith(analysis.unit) and r != analysis.unit]
    if roles:  # 'Trưởng ban Dân vận Thành ủy và … Quận ủy lần lượt là ai?': any of them, one by one
        # Who holds a post is not its deputy; a count of Chủ tịch and Phó Chủ tịch counts either.
        holds: Callable[[str, str], bool] = names_post if analysis.qtype is not QuestionType.NUMBER else _has_phrase
        kept = [s for s in kept if any(holds(_canon(s.text), role) for role in roles)]
        if not kept:
            return [], "Các tài liệu hiện có không nêu người giữ chức vụ được hỏi."
    return kept, ""


_ASKING = re.compile(r"^(?:(?:hay|xin|vui long) )?cho (?:toi |minh |em )?biet ", re.IGNORECASE)
_MEASURED = re.compile(
    r"^((?:[^\W\d_]+ ){1,4}?)(?:cua|o|tai) .*\bbao nhieu\b"
    # 'Mức phụ cấp hằng tháng cho người … là bao nhiêu?': what is measured, then whom it is for.
    r"|^((?:[^\W\d_]+ ){1,3}?)(?:(?:hang|moi) (?:thang|nam) )?(?:cho|danh cho|doi voi|cua) .*\bla bao nhieu\b"
    # 'Dân số quận Long Biên là bao nhiêu?': what is measured stands right before the place.
    r"|^((?:[^\W\d_]+ ){1,3}?)(?:quan|phuong|huyen|thanh pho) .*\b(?:la|khoang) bao nhieu\b"
)


_REVIEW_PERIOD = re.compile(r"\b(?:so ket|tong ket) \d{1,3} (?:nam|thang|quy|nhiem ky)\b")
_MONEY = frozenset({"ty dong", "trieu dong", "nghin dong", "dong", "ty", "trieu"})
_AMOUNT = re.compile(r"\d\s*(?:ty|trieu|nghin|ngan)?\s*(?:dong|vnd)\b|\d\s*(?:ty|trieu)\b")
_PERIOD_WORDS = {"nam": "năm", "thang": "tháng", "quy": "quý", "nhiem ky": "nhiệm kỳ"}
_COUNTED_PERIOD = re.compile(r"\b(\d{1,3}) (nam|thang|quy|nhiem ky)\b(?! \d)")


_DISTRICT_NAMES = frozenset(fold(d).lower() for d in HANOI_DISTRICTS)
_DISTRICT_OF = re.compile(r"\bquan (" + "|".join(sorted(_DISTRICT_NAMES)) + r")\b")  # 'quận Nam Từ Liêm'
# A post and the level of government it is held at ('Chủ tịch UBND Quận', 'Phó Chủ tịch UBND TP'), or
# the body itself, its post '' ('UBND quận … ban hành' is not 'của UBND Thành phố').
_POST_AT_LEVEL = re.compile(
    r"\b((?:pho )?chu tich |)(?:ubnd|uy ban nhan dan) (thanh pho|tp|quan|phuong|huyen)\b", re.IGNORECASE
)
_LEVEL_NAMES = {"tp": "thanh pho"}
_POST_WORDS = {
    "chu tich": "Chủ tịch",
    "pho chu tich": "Phó Chủ tịch",
    "thanh pho": "Thành phố",
    "quan": "Quận",
    "phuong": "phường",
    "huyen": "huyện",
}


# 'UBND Quận và (các) phường': the body at both levels.
_BODIES_JOINED = re.compile(
    r"\b(?:ubnd|uy ban nhan dan) (?:thanh pho|tp|quan|phuong|huyen) va (?:cac )?(thanh pho|quan|phuong|huyen)\b",
    re.IGNORECASE,
)


def _posts_at_level(folded: str) -> set[tuple[str, str]]:
    joined = {("", level.lower()) for level in _BODIES_JOINED.findall(folded)}
    return joined | {
        (post.strip().lower(), _LEVEL_NAMES.get(level.lower(), level.lower()))
        for post, level in _POST_AT_LEVEL.findall(folded)
    }


def _at_other_level(post: tuple[str, str], stated: set[tuple[str, str]]) -> bool:
    """Whether the sentence has the post only at another level; the body asked bare ('UBND Thành
    phố tặng …') is also not its chairman at another level ('Chủ tịch UBND Quận … khen thưởng')."""
    same = {(title, level) for title, level in stated if title == post[0] or not post[0]}
    return bool(same) and all(level != post[1] for _, level in same)


_CITY_STATED = re.compile(r"\b(?:ha noi|thanh pho|thu do)\b")
# The whole city as what is counted: 'Toàn TP Hà Nội có …', 'Hà Nội có tổng cộng …' ('… gửi tới HN' is not).
_CITY_ASKED = re.compile(
    r"^\W*(?:tinh (?:tren|o) )?(?:toan |ca )?(?:thanh pho |tp )?ha noi\b|\b(?:toan|ca) (?:thanh pho|tp|thu do)\b"
)


def _other_district(sentence: str, asked: Sequence[str]) -> bool:
    """Whether a sentence names a district ('quận Nam Từ Liêm') and none of those asked."""
    named = set(_DISTRICT_OF.findall(fold(sentence).lower()))
    return bool(named) and not named & set(asked)


def _shown(analysis: QuestionAnalysis, place: str) -> str:
    """A folded place as the question typed it."""
    folded = fold(analysis.text).lower()
    for said in (place, place.removeprefix("phuong ")):  # 'ở Bồ Đề' names phường Bồ Đề
        at = folded.find(said)  # folding keeps offsets
        if at >= 0:
            return analysis.text[at : at + len(said)]
    return place.title()


def _district_asked_ward_stated(analysis: QuestionAnalysis, sentence: str) -> bool:
    """Whether a question about a district as a whole ('trên địa bàn quận Long Biên') meets a
    sentence about one ward ('phường đã hoàn thành …, tổng thu NSNN …'): neither 'quận' nor the
    district is in it."""
    if analysis.qtype is not QuestionType.NUMBER:
        return False
    asked, stated = fold(analysis.text).lower(), fold(sentence).lower()
    if not _DISTRICT_OF.search(asked) or re.search(r"\bphuong\b", asked):
        return False
    districts = [p for p in analysis.places if not p.startswith("phuong ")]
    return (
        bool(re.search(r"\bphuong\b", stated))
        and not re.search(r"\bquan\b", stated)
        and not any(_contains(" ".join(syllables(sentence)), d) for d in districts)
    )


_DISTRICT_ORGAN = re.compile(r"\b(?:ban chap hanh dang bo|cap uy|dang bo|ban thuong vu) quan\b")
_BASE_LEVEL = re.compile(r"\bco so\b")
_QUARTER_NUMBERS = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_QUARTER = re.compile(r"\bquy (i{1,3}|iv|[1-4])\b")
_FIRST_QUARTERS = re.compile(r"\b(\d|hai|ba) quy dau\b|\b(6|9|sau|chin) thang dau\b")


# 'Tính cả năm 2022, …?' asks of the whole year; 'so với kế hoạch cả năm' names the yearly target.
_WHOLE_YEAR_ASKED = re.compile(r"(?<!ke hoach )(?<!du toan )(?<!du kien )(?<!chi tieu )(?<!giao )\bca nam\b")


def _quarters(folded: str) -> set[int]:
    """The quarters of a year a folded text speaks of: 'quý III' -> {3}; '2 quý đầu năm',
    '6 tháng đầu năm' -> {1, 2}; 'quý cuối' -> {4}."""
    found = {_QUARTER_NUMBERS[m] for m in _QUARTER.findall(folded)}
    for quarters, months in _FIRST_QUARTERS.findall(folded):
        count = int(_NUMBER_WORDS.get(quarters, quarters)) if quarters else int(_NUMBER_WORDS.get(months, months)) // 3
        found |= set(range(1, count + 1))
    if re.search(r"\bquy cuoi\b", folded):
        found.add(4)
    return found


_LEVEL_ASKED = re.compile(r"\bmuc(?: do)? (\d)\b")
_LEVELS_STATED = re.compile(r"\bmuc(?: do)? (\d(?:(?: ,| va| hoac)? \d)*)\b")


def _levels(text: str) -> set[str]:
    """The service levels folded `text` names: 'mức độ 3 và 4' -> {'3', '4'}."""
    return {d for m in _LEVELS_STATED.findall(text) for d in re.findall(r"\d", m)}


def _level_stated(text: str, number: str, *, alone: bool = False) -> bool:
    """Whether folded `text` states service level `number` ('mức độ 3, 4' states 3, not 2), and
    when `alone`, that level by itself."""
    stated = [re.findall(r"\d", m) for m in _LEVELS_STATED.findall(text)]
    return any(number in levels and not (alone and len(levels) > 1) for levels in stated)


_REVIEW_ASKED = re.compile(r"\b(?:so ket|tong ket) (\d{1,3}) (nam|thang)\b")
# 'sơ kết 5 năm thực hiện Nghị quyết … và 6 năm thực hiện Chỉ thị …' reviews both periods.
_REVIEWED = re.compile(
    r"\b(?:so ket|tong ket) (\d{1,3}) (nam|thang)\b|\b(\d{1,3}) (nam|thang) (?:thuc hien|trien khai|thi diem)\b"
)


def _reviews(folded_doc: str) -> set[tuple[int, str]]:
    """The review periods a folded document reports: {(1, 'nam'), (5, 'nam'), (6, 'nam')}."""
    return {(int(m[0] or m[2]), m[1] or m[3]) for m in _REVIEWED.findall(folded_doc)}


_SIDES_COMPARED = re.compile(r"\b(?:hon|so voi|so sanh)\b")


def _other_place(analysis: QuestionAnalysis, spoken: str, at: int) -> Callable[[Sentence], bool]:
    """Whether a sentence's article is about another place than the one a qualifier at `at` follows:
    in 'Long Biên (giai đoạn 2015-2020) hay Nam Từ Liêm (sơ kết 2 năm)', 'sơ kết 2 năm' is Nam Từ
    Liêm's, and says nothing of what Long Biên's articles report."""
    named = [(spoken.rfind(place, 0, at), place) for place in analysis.places]
    qualified = max(((at_, place) for at_, place in named if at_ >= 0), default=(-1, ""))[1]
    if len(analysis.places) < 2 or not qualified or not _SIDES_COMPARED.search(spoken):
        return lambda sentence: False
    return lambda sentence: not _contains(" ".join(syllables(sentence.passage.title)), qualified)


def _other_count(text: str, number: str, unit: str) -> bool:
    """Whether folded `text` counts the period in other numbers only ('01 năm' for '3 năm')."""
    counts = set(re.findall(rf"\b(\d{{1,3}}) {unit}\b(?! \d)", text))
    return bool(counts) and number not in counts


_STATED_YEAR = re.compile(r"(?<![\d/.])(?:19|20)\d{2}(?![\d/.])|(?<=/)(?:19|20)\d{2}\b")
_COMPARED_YEAR = re.compile(r"\b(?:so với|cùng kỳ)\s+(?:cùng kỳ\s+)?(?:năm\s+)?(?:19|20)\d{2}", re.I)


def _not_of_other_years(sentence: str, year: str) -> bool:
    """False when the sentence dates itself to other years only ('… năm 2022' for 2021): then a
    mention of the year just before it does not make it about that year."""
    # '103,9% so với cùng kỳ năm 2021' is about 2022: the year compared with is not stated.
    stated = set(_STATED_YEAR.findall(_COMPARED_YEAR.sub(" ", _IN_DOC_NUMBER.sub(" ", sentence))))
    return not stated or year in stated


def _measured_head(analysis: QuestionAnalysis) -> list[str]:
    """What a 'X của Y là bao nhiêu' question measures (X), as compared syllables; else []."""
    if analysis.qtype is not QuestionType.NUMBER:
        return []
    # Only the clause that asks: 'Theo báo cáo tại hội nghị đó, … bao nhiêu …' measures no 'báo cáo'.
    clause = re.split(r"[,;:]", analysis.text)[-1].strip()
    asking = _ASKING.match(fold(clause))  # 'Cho biết toàn quận … bao nhiêu': nothing measured in 'cho biết'
    if asking:
        clause = " ".join(clause.split()[len(asking.group().split()) :])
    match = _MEASURED.match(fold(clause))
    if not match:
        return []
    accented = _accented(analysis)
    head = _tokens(clause, accented)[: len(next(g for g in match.groups() if g).split())]
    if _EVENT_ASKED.match(re.sub(r"^(?:buoi|cuoc|phien|dot) ", "", " ".join(fold(t) for t in head))):
        return []  # 'Hội nghị đối thoại ở phường … có bao nhiêu vấn đề?' measures the vấn đề, not the meeting
    if " ".join(fold(t) for t in head[:2]) in ("tong so", "tong cong", "so luong"):
        head = head[2:]  # 'Tổng số đơn quận tiếp nhận là bao nhiêu?' measures the đơn
    content = [t for t in head if fold(t) not in STOPWORDS]
    rest = list(itertools.dropwhile(lambda t: fold(t) in STOPWORDS, head))  # 'các phường' is 'phường'
    return rest if len(content) < 2 <= len(rest) else content  # 'dân số' is not 'dân'


# The share of people who did or felt something: 'tỷ lệ người dân (ở) (quận) {place} hài lòng'.
_PEOPLE_RATE = re.compile(
    r"\b(?:phan tram|ty le|ti le)\s+(?:cac\s+)?(?:nguoi dan|cong dan|nguoi|dan)\s+(?:(?:o|tai|cua)\s+)?"
    r"(?:(?:quan|phuong)\s+)?(?:(?:{places})\s+)?(?:(?:da|duoc|cam thay|thay)\s+)?([^\W\d_]+)\s+([^\W\d_]+)"
)
_PERCENT_OF = re.compile(r"(?:\b(?:phan tram|ty le|ti le)|%)\s+(?:cac\s+|so\s+)?([^\W\d_]+)\s+([^\W\d_]+)")
# '… thu ngân sách (năm 2022) là bao nhiêu': the two words before, a year aside.
_BEFORE_HOW_MANY = re.compile(
    r"([^\W\d_]+)\s+([^\W\d_]+)\s+(?:(?:nam\s+)?(?:19|20)\d\d\s+)?(?:(?:duoc|la|dat|co|thi)\s+)?bao nhieu"
    r"(?:\s+(?:mot|moi|1)\s+(?:thang|nam|ngay|tuan|nguoi))?\s*\W*$"  # 'mức lương bao nhiêu một tháng'
)


# 'phường nào … nhiều nhất': the answer names one place among several.
_MOST_PLACE_ASKED = re.compile(r"\b(?:phuong|quan|huyen|xa|thi xa|don vi|dia phuong) nao\b.*\bnhat\b")
# 'Phường nào có bộ phận một cửa …?': the answer names a place besides those the question names
# ('cơ quan nào' asks for no place, 'Chủ tịch UBND phường nào' for a person).
_PLACE_ASKED = re.compile(r"(?<!co )\b(?:phuong|quan|huyen|thi xa|dia phuong) nao\b(?! khac\b| cung\b)")
_POST_BEFORE = re.compile(r"\b(?:chu tich|bi thu|truong|pho|giam doc)(?: (?:ubnd|hdnd|dang uy|uy ban nhan dan))? $")


def _place_asked(asked: str) -> bool:
    return any(not _POST_BEFORE.search(asked[: m.start()]) for m in _PLACE_ASKED.finditer(asked))


def _places_named_besides(text: str, asked: Sequence[str]) -> bool:
    """Whether `text` names a ward or district other than those the question names."""
    return any(
        fold(p).lower().removeprefix("phuong ") not in {a.removeprefix("phuong ") for a in asked} for p in places(text)
    )


# 'đứng thứ 2 trên 30 quận': those a rank is among.
_RANKED_AMONG = re.compile(r"\b(?:thu|hang|xep|dung|tren tong so|trong tong so)\b")


def _ranked_among_only(text: str, unit: str) -> bool:
    """Whether every count of `unit` in `text` is the field a rank is among."""
    folded = " ".join(syllables(text))
    counts = list(re.finditer(rf"\b\d+ {re.escape(unit)}\b", folded))
    return bool(counts) and all(
        re.search(r"\bthu \d+ (?:tren|trong)(?: tong so)?(?: so)? $", folded[: m.start()]) for m in counts
    )


# 'cơ quan nào không còn được tổ chức': what is asked for by a deed denied of it.
_DENIED_ASKED = re.compile(
    r"\b(?:nao|gi)\b.*?\b(?:khong|chua) (?:con )?(?:(?:duoc|bi|the) )?(?!(?:co|phai|la|nhung|the)\b)([a-z]+ [a-z]+)"
)


_ANY_DEED = frozenset({"lam", "thuc", "dat", "hoan"})  # 'chưa làm được' is said with any verb


def _states_denied(text: str, deed: str) -> bool:
    """Whether `text` says `deed` (folded) with a negation in the same clause."""
    said = fold(text).lower()
    if deed.split()[0] in _ANY_DEED:
        return any(re.search(r"\b(?:khong|chua|chang)\b", clause) for clause in re.split(r"[,;:.]", said))
    return any(
        re.search(r"\b(?:khong|chua|chang)\b", re.split(r"[,;:.]", said[: m.start()])[-1])
        for m in re.finditer(rf"\b{deed}\b", said)
    )


# Shortcomings asked for ('những hạn chế nào', 'khó khăn gì') and stated.
_SHORTCOMING_WORDS = r"han che|ton tai|kho khan|vuong mac|bat cap|yeu kem|khuyet diem|thieu sot"
_SHORTCOMINGS_ASKED = re.compile(rf"\b(?:{_SHORTCOMING_WORDS}) (?:nao|gi)\b")
_SHORTCOMINGS = re.compile(rf"\b(?:{_SHORTCOMING_WORDS})\b")
# Where something took place: answered by a venue or a place it was held at.
_FULL_DAY = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(\d{4})(?![\d/])")


def _days_in(text: str) -> set[tuple[int, int, int]]:
    """The full dates written in `text` ('06/01/2017', '6/1/2017'), as (day, month, year)."""
    return {(int(d), int(m), int(y)) for d, m, y in _FULL_DAY.findall(text)}


# The part of the day something took place: 'sáng hay chiều', 'vào buổi nào'.
_DAYPART_ASKED = re.compile(r"\b(?:buoi )?(?:sang|chieu|toi|trua) hay (?:buoi )?(?:sang|chieu|toi|trua)\b|\bbuoi nao\b")
_DAYPART = re.compile(r"\b(?:sang|chieu|toi|trua)\b")
_VENUE_ASKED = re.compile(
    r"\b(?:dia diem nao|o dau|tai dau|noi nao|dia diem to chuc"
    r"|(?:tai|o) (?:hoi truong|tru so|nha van hoa|phong hop|khach san|toa nha) nao)\b"
)
_VENUE = re.compile(
    r"\b(?:tai|o) (?:hoi truong|tru so|nha van hoa|trung tam|phong|cung|khach san|dia diem|phuong|quan|xa|thanh pho)\b"
)
# A post held before: 'trước khi làm Bí thư', 'từng giữ chức'; stated only as 'nguyên', 'trước đây'.
_FORMER_ASKED = re.compile(r"\b(?:chuc vu|chuc danh|cuong vi|giu chuc|lam gi)\b.*\btruoc (?:khi|day|do)\b|\btung giu\b")
_FORMER_STATED = re.compile(r"\b(?:nguyên|trước đây|trước khi|từng|từ chức)\b")  # accented: 'nguyên' is not 'Nguyễn'
_DEADLINE_WORDS = frozenset("truoc ngay nao cham nhat la vao han chot phai can".split())


def _deed_share(analysis: QuestionAnalysis, sentence: str) -> float:
    """The share of what a deadline question says is to be done found in the sentence (places and the
    words asking when left out)."""
    placed = {t for place in analysis.places for t in place.split()}
    deed = [t for t in content_terms(fold(analysis.text)) if t not in placed and t not in _DEADLINE_WORDS]
    said = set(syllables(sentence))
    return sum(t in said for t in deed) / len(deed) if deed else 1.0


# 'Cơ quan nào được giao giám sát UBND phường?': a body asked for by what it is to do; the deed
# (its first two words after the assignment) must be stated by the sentence naming the body.
_AGENT_DEED_ASKED = re.compile(
    r"\b(?:co quan|don vi|to chuc|bo phan|ben) nao\s+(?:(?:se|da|duoc|co|la|nguoi)\s+)*"
    r"(?:giao|phan cong|chiu trach nhiem|co trach nhiem|co nhiem vu|lam nhiem vu|dam nhan|dam nhiem|dung ra"
    r"|phu trach)\s+(?:chinh\s+)?(?:ve\s+)?(?:(?:viec|cong tac|nhiem vu|vai tro)\s+)?([a-z]+ [a-z]+)"
    # 'bộ phận nào của phường gom lại …': the deed right after the body asked
    r"|\bbo phan nao(?: cua (?:phuong|quan|thanh pho))?\s+(?:(?:se|da|duoc|phai)\s+)*"
    r"((?!la\b|co\b|khong\b|thi\b)[a-z]+ (?:lai|[a-z]+))"
)


def _agent_deed_unstated(
    analysis: QuestionAnalysis, sentence: str, expansions: Sequence[Expansion], accented: bool
) -> bool:
    match = _AGENT_DEED_ASKED.search(fold(analysis.text).lower())
    deed = (match.group(1) or match.group(2)) if match else None
    return deed is not None and not _states_deed(deed, sentence, expansions, accented)


def _states_deed(deed: str, sentence: str, expansions: Sequence[Expansion], accented: bool) -> bool:
    """Whether `sentence` holds the folded two-syllable `deed`, or a paraphrase of it."""
    if deed.split()[0] in STOPWORDS:
        return True  # not a deed ('là các', 'có những'): nothing to hold the sentence to
    said = {fold(unit) for unit in with_expansions(_units(sentence, accented), expansions)}
    return deed.replace(" ", "_") in said


# How often something is done, and a sentence that says it.
_FREQUENCY_ASKED = re.compile(
    r"\bbao lau mot lan\b|\bmay lan mot (?:tuan|thang|quy|nam)\b|\bhang (?:thang|quy|nam) hay\b"
)
_FREQUENCY = re.compile(r"\b(?:hang|moi) (?:ngay|tuan|thang|quy|nam)\b|\b\d+ lan\b|\bthuong xuyen\b")
# Who was rewarded, disciplined, appointed: a list of those an event names, only where it is told.
_LISTED_EVENT = re.compile(
    r"\b(khen thuong|bieu duong|tuyen duong|ky luat|bo nhiem|mien nhiem|ket nap)"
    r" (?:(?:nhung|cac) [a-z]+(?: [a-z]+)?(?:,? [a-z]+(?: [a-z]+)?)? (?:gi|nao)|(?:duoc )?(?:bao nhieu|may)\b"
    r"|(?:theo )?(?:hinh thuc|muc) (?:gi|nao)\b)"
)
# 'Long Biên kiến nghị lên thành phố những vấn đề gì?': the list is of what was proposed.
_LISTED_DEED = re.compile(
    r"\b(kien nghi|de xuat|de nghi|yeu cau|nhan manh|luu y)(?: (?:len|voi|cho|toi|den|ve) [a-z]+(?: [a-z]+)?)?"
    r" (?:nhung|cac) [a-z]+(?: [a-z]+)?(?:,? [a-z]+(?: [a-z]+)?)? (?:gi|nao)\b"
)


# What became of a document: replaced, repealed, amended, suspended.
_SUPERSEDED_ASKED = re.compile(r"\b(thay the|bai bo|huy bo|sua doi|dinh chi|het hieu luc)\b")
_NUMBER_OF_DOCUMENT_ASKED = re.compile(rf"\bso hieu\b|\b(?:{DOCUMENT_KINDS}) so (?:may|bao nhieu|nao|gi)\b")
# The organ a document number's suffix names: '131-KH/QU' is the Quận ủy's.
_SUFFIX_ORGANS = {
    "qu": "quan uy",
    "tu": "thanh uy",
    "du": "dang uy",
    "ubnd": "ubnd",
    "qh": "quoc hoi",
    "cp": "chinh phu",
}
_UBND_LEVEL = re.compile(r"\b(?:ubnd|uy ban nhan dan) (quan|phuong|thanh pho|tp)\b")
_LEVELS = {"tp": "thanh pho"}
_ORGAN_ASKED = re.compile(r"\bcua (quan uy|thanh uy|dang uy|ubnd|quoc hoi|chinh phu)\b")


def _numbered_by(asked: str, text: str) -> bool:
    """Whether `text` gives a document number, of the organ the folded question names if it names one."""
    numbers = document_numbers(text)
    organ = _ORGAN_ASKED.search(asked)
    if not numbers or organ is None:
        return bool(numbers)
    # 'QH14' is the Quốc hội's (its fourteenth term).
    suffixes = {re.sub(r"\d", "", fold(n).lower().rsplit("/", 1)[-1].rsplit("-", 1)[-1]) for n in numbers}
    if not any(_SUFFIX_ORGANS.get(suffix, organ.group(1)) == organ.group(1) for suffix in suffixes):
        return False
    # 'kế hoạch của UBND quận …' is not the one 'của UBND TP Hà Nội' issued.
    level = _UBND_LEVEL.search(asked)
    stated = {_LEVELS.get(m.group(1), m.group(1)) for m in _UBND_LEVEL.finditer(fold(text).lower())}
    return level is None or not stated or _LEVELS.get(level.group(1), level.group(1)) in stated


_PURPOSE_ASKED = re.compile(
    r"\b(?:neu muc dich|de lam gi|nham (?:muc dich )?gi|muc dich (?:gi|la gi|nao)|de lam chi)\b"
)
_PURPOSE_STATED = re.compile(r"\b(?:nham|muc dich|muc tieu)\b")  # not "de": "Bồ Đề" folds to it
_SINCE_ASKED = re.compile(r"(?<![/-])\btu (?:nam nao|thang nao|khi nao|bao gio|luc nao|thoi diem nao|ngay nao)\b")
_SINCE_STATED = re.compile(
    r"(?<![/-])\b(?:tu|ke tu|bat dau) (?:nam|thang|ngay|khi|dau|cuoi|giua)?\s?\d|\b(?:bo nhiem|duoc bau|dam nhiem)\b"
)
# A theme, slogan or motto asked for: the evidence must state one as such.
_TITLE_ASKED = re.compile(r"\b(chu de|khau hieu|phuong cham|tieu de)\b")


def _measured_words(analysis: QuestionAnalysis) -> tuple[str, ...]:
    """What a number question measures when it counts no unit, as the answerer compares words:
    'bao nhiêu phần trăm bí thư …' -> ('bí', 'thư'); '… thì khen thưởng bao nhiêu?' -> ('khen', 'thưởng')."""
    if analysis.qtype is not QuestionType.NUMBER:
        return ()
    folded, typed = fold(analysis.text), nfc(analysis.text)
    match = _PERCENT_OF.search(folded) or (None if analysis.unit else _BEFORE_HOW_MANY.search(folded))
    # 'từ bao nhiêu xuống còn bao nhiêu' asks for a change; 'phần trăm người …' names people in
    # words the documents rarely repeat (they say 'bí thư', 'cán bộ').
    vague = STOPWORDS | _QUESTION_WORDS | {"xuong", "len", "con", "tang", "giam", "nguoi", "xong", "het", "di"}
    if match and match.re is _PERCENT_OF and match.group(1) in {"nguoi", "dan", "cong"}:
        # 'Tỷ lệ người dân (Long Biên) hài lòng …': what the people are measured by ('hài lòng').
        places = "|".join(re.escape(p) for p in analysis.places) or "(?!)"
        match = re.compile(_PEOPLE_RATE.pattern.format(places=places)).search(folded) or match
    if not match or " ".join(match.groups()) in analysis.places:
        return ()  # '… 2 quý đầu năm 2022 ở Long Biên là bao nhiêu?' measures nothing called Long Biên
    end = 2
    if match.re is _PERCENT_OF and match.group(1) not in vague and match.group(2) in {"trong", "cua", "o", "tai"}:
        end = 1  # 'tỷ lệ nữ trong cấp ủy …' measures 'nữ'
    elif " ".join(match.groups()) not in COUNTABLE_PHRASES and any(w in vague for w in match.groups()):
        return ()
    words = match.groups()[:end]
    text = typed[match.start(1) : match.end(end)] if len(typed) == len(folded) else " ".join(words)
    return tuple(_tokens(text, _accented(analysis)))


def _paragraph(sentence: Sentence, doc_texts: Callable[[str], str]) -> str:
    """The paragraph of the document that holds the sentence."""
    text = doc_texts(sentence.passage.doc_id)
    end = text.find("\n", sentence.end)
    return text[text.rfind("\n", 0, sentence.start) + 1 : end if end >= 0 else len(text)]


def _preceding(sentence: Sentence, doc_texts: Callable[[str], str]) -> str:
    """The sentence before, which often names what the next one's figures measure."""
    text = doc_texts(sentence.passage.doc_id)
    start = text.rfind(". ", 0, max(sentence.start - 2, 0))
    return text[start + 2 if start >= 0 else max(sentence.start - 300, 0) : sentence.start]


def _year_owner(analysis: QuestionAnalysis, year: str) -> str:
    """With several places asked about, the place a year qualifies: 'Long Biên (2015-2020) và Nam Từ Liêm'."""
    if len(analysis.places) < 2:
        return ""
    folded = fold(analysis.text)
    at = folded.find(year)
    before = [(folded.rfind(place, 0, at), place) for place in analysis.places]
    position, place = max(before)
    return place if at >= 0 and position >= 0 else ""


def _list_continuation(sentence: Sentence, doc_text: str, limit_chars: int = 1500) -> list[Sentence]:
    """The enumerated items that follow a sentence ending with ':' in the document."""
    items: list[Sentence] = []
    used = 0
    for span in split_sentences(doc_text, sentence.end, min(len(doc_text), sentence.end + limit_chars * 2)):
        text = doc_text[span.start : span.end]
        line_start = doc_text.rfind("\n", 0, span.start) + 1
        starts_item = _LIST_ITEM.match(doc_text[line_start : line_start + 6]) is not None
        if (line_start == span.start and not starts_item) or used + len(text) > limit_chars:
            break  # a paragraph that is not an item ends the list
        items.append(Sentence(sentence.passage, span.start, span.end, text))
        used += len(text)
    return items


_NUMBERED_ITEM = re.compile(r"^\s*(\d{1,2})[.)](?:\s|$)")


def _enumeration(sentence: Sentence, doc_text: str, limit_chars: int = 8000) -> list[Sentence]:
    """The first sentence of each numbered item ('1. …', '2. …') listed after a sentence ending
    with ':', when they run 1, 2, 3 …; else []."""
    spans = split_sentences(doc_text, sentence.end, min(len(doc_text), sentence.end + limit_chars))
    items: list[Sentence] = []
    captions = 0
    for i, span in enumerate(spans):
        if doc_text.rfind("\n", 0, span.start) + 1 != span.start:
            continue  # the item's further sentences
        numbered = _NUMBERED_ITEM.match(doc_text[span.start : span.end])
        if not numbered and not items and captions < 2:
            captions += 1  # a photo caption between the sentence and its first item ('Đ/c … kết luận hội nghị')
            continue
        if not numbered or int(numbered.group(1)) != len(items) + 1:
            break
        # The splitter may leave the number '1.' a sentence of its own.
        end = spans[i + 1].end if span.end - span.start <= 4 and i + 1 < len(spans) else span.end
        items.append(Sentence(sentence.passage, span.start, end, doc_text[span.start : end]))
    return items if len(items) >= 2 else []


# 'Khi không còn HĐND phường, …': a body the question says is gone is not the one it asks about.
_ABSENT_BODY = re.compile(
    r"\b(?:khong con|khong co|khong to chuc|bo|bai bo|thoi to chuc)\s+(?:hoi dong nhan dan|hdnd)"
    r"(?:\s+(?:phuong|quan))?\b"
)


def _without_absent_bodies(text: str) -> str:
    folded = fold(text).lower()
    if len(folded) != len(text):
        return text
    for match in _ABSENT_BODY.finditer(folded):
        text = text[: match.start()] + " " * len(match.group()) + text[match.end() :]
    return text


# What organs do, for telling which one did it ('HĐND quận đã ban hành …' vs 'Ban Thường vụ Quận ủy đã ban hành …').
_ACTS = re.compile(
    r"\b(ban hanh|to chuc|khen thuong|bieu duong|chi dao|thanh lap|phe duyet|bo nhiem|tiep nhan|ky luat|ket luan)\b"
)


def _organs_acting(canon: str, act: str) -> set[str]:
    """The organs named just before `act` in canonical text: the subject of the act."""
    found: set[str] = set()
    for done in re.finditer(rf"\b{act}\b", canon):
        # 'Ban Thường vụ Quận ủy đã biểu dương khen thưởng …': one act in two words.
        before = _TRAILING_ACTS.sub("", canon[max(0, done.start() - 60) : done.start()])
        if not _ACTS.search(before):  # not past another act: 'Ban Thường vụ chỉ đạo UBND ban hành'
            organs = _ORGANISATION.findall(before)
            found |= set(organs[-2:])  # 'Ban Thường vụ Quận ủy': both words name it
    return found


_TRAILING_ACTS = re.compile(rf"(?:\s*{_ACTS.pattern}\s*(?:,|va)?)+\s*$")
# An organ as the subject of an act: 'UBND quận Long Biên đã ban hành', not '… của Thành ủy ban hành'.
_ORGAN_ACTING = re.compile(
    rf"(?<!cua )(?<!voi )(?<!cho )(?<!phia )(?P<organs>(?:{_ORGANISATION.pattern} ?)+)"
    rf"(?:(?:quan|phuong|tp|thanh pho|long bien|nam tu liem|bo de|ha noi|da|se|dang|cung|la nguoi|la) )*"
    rf"(?P<act>{_ACTS.pattern})"
)


def other_organ(question: str, sentence: str) -> tuple[str, str] | None:
    """(asked, stated) when the question has one organ do something and the sentence another
    ('HĐND quận đã ban hành bao nhiêu kế hoạch?' against 'Ban Thường vụ Quận ủy đã ban hành 06 Kế
    hoạch'); None when they agree or either leaves it unsaid."""
    subject = _ORGAN_ACTING.search(_canon(question))
    if not subject:
        return None
    asked = set(_ORGANISATION.findall(subject["organs"]))
    stated = _organs_acting(_canon(sentence), subject["act"].strip())
    if not asked or not stated or asked & stated:
        return None
    return " ".join(sorted(asked)), " ".join(sorted(stated))


def _share_of(text: str, unit: str) -> bool:
    """Whether `text` gives a percentage of what `unit` counts ('99,82% hồ sơ')."""
    return bool(re.search(rf"\d\s*%\s+(?:[a-z]+\s+)?{unit.partition(' ')[0]}\b", fold(text)))


def _earlier_clauses(sentence: Sentence, limit_chars: int = 900) -> list[Sentence]:
    """The clauses of a long sentence (cut at '; ') before the one given, when it is one of them."""
    clauses: list[Sentence] = []
    start = sentence.start
    for clause in reversed([c for c in sentences_of(sentence.passage) if c.end <= sentence.start]):
        gap = sentence.passage.text[clause.end - sentence.passage.start : start - sentence.passage.start]
        if gap != " " or not clause.text.rstrip().endswith(";"):  # one sentence, not a list's lines
            break
        clauses.insert(0, clause)
        start = clause.start
    return clauses if sum(len(c.text) for c in clauses) <= limit_chars else []


def _elaboration(sentence: Sentence, doc_text: str, *, list_asked: bool, limit_chars: int = 900) -> list[Sentence]:
    """What directly spells the sentence out: for a list, the clauses that follow a clause of a long
    enumerating sentence; otherwise a next sentence opening with 'Trong đó', 'Cụ thể'…"""
    spans = split_sentences(doc_text, sentence.end, min(len(doc_text), sentence.end + 2 * limit_chars))
    if not spans:
        return []
    following = spans[0]
    text = doc_text[following.start : following.end]
    same_paragraph = "\n" not in doc_text[sentence.end : following.start]
    if list_asked and sentence.text.rstrip().endswith(";") and same_paragraph:
        end = following.end
        if end - following.start > limit_chars:  # stop at the last clause that fits
            end = following.start + max(text.rfind("; ", 0, limit_chars) + 1, 1)
        return [Sentence(sentence.passage, following.start, end, doc_text[following.start : end])]
    if _ELABORATION.match(text) and len(text) <= limit_chars:
        return [Sentence(sentence.passage, following.start, following.end, text)]
    return []


def _close_stating(
    ranked: Sequence[Scored],
    best: Scored,
    states: Callable[[str], bool],
    *,
    same_document: bool = False,
) -> Scored | None:
    """The first ranked sentence close to the top, covering as much as `best`, whose text `states` what
    the claim needs (a day, a time of day); from `best`'s own document when `same_document`."""
    return next(
        (
            s
            for s in ranked
            if s.score >= ranked[0].score - 0.3
            and s.coverage >= best.coverage
            and (not same_document or s.sentence.passage.doc_id == best.sentence.passage.doc_id)
            and states(s.sentence.text)
        ),
        None,
    )


def _nearest_such(
    ranked: Sequence[Scored], best: Scored, margin: float, holds: Callable[[Scored], bool]
) -> Scored | None:
    """The highest-ranked sentence scoring within `margin` of `best` for which `holds` is true."""
    return next((s for s in ranked if s.score >= best.score - margin and holds(s)), None)


def select_evidence(
    analysis: QuestionAnalysis,
    passages: Sequence[Passage],
    idf: Callable[[str], float],
    doc_texts: Callable[[str], str],
    folded_doc: Callable[[str], str] | None = None,
    *,
    min_coverage: float = 0.3,
    min_phrase_coverage: float = 0.15,
    synonyms: Synonyms = NO_SYNONYMS,
) -> Evidence:
    if not analysis.terms:
        return Evidence((), "Câu hỏi chưa nêu rõ nội dung cần tìm; hãy hỏi cụ thể hơn.")
    sentences = [s for p in passages for s in sentences_of(p)]
    if not sentences:
        return Evidence((), "Không tìm thấy đoạn tài liệu nào liên quan.")
    kept, reason = _constraint_filter(
        analysis, sentences, folded_doc or (lambda doc_id: " ".join(syllables(doc_texts(doc_id)))), doc_texts
    )
    if not kept:
        return Evidence((), reason)
    anchored = [s for s in kept if any(_contains(" ".join(syllables(s.text)), a) for a in analysis.anchors)]
    if anchored and analysis.qtype is QuestionType.YESNO:
        # 'Trong số đó có hồ sơ nào quá hạn không?': the passage stating the figure may say so next.
        chunks = {s.passage.chunk_id for s in anchored}
        anchored = [s for s in kept if s.passage.chunk_id in chunks]
    kept = anchored or kept  # 'con số đó (1.773) là của năm nào': the sentence stating 1.773
    ranked = score_sentences(analysis, kept, idf, synonyms)
    accented = _accented(analysis)
    expansions = _expansions(analysis, synonyms)
    asked = fold(analysis.text)
    # Prefer the sentence that holds exactly what is asked (the count, the name) over one that
    # merely shares more words with the question, within a margin.
    best = ranked[0]
    for strength, margin in ((2, 0.3), (1, 0.15)):
        candidate = next((s for s in ranked if s.strength >= strength), None)
        # Not one about something else: 'thí điểm sinh hoạt trực tuyến ở bao nhiêu chi bộ' is not
        # answered by '03 đảng bộ … thành chi bộ' because the sentence on the pilot gives no count.
        if (
            candidate is not None
            and candidate.score >= ranked[0].score - margin
            and candidate.coverage >= ranked[0].coverage - 0.3
        ):
            best = candidate
            break
    listed = analysis.qtype is QuestionType.NUMBER and analysis.unit and not _asks_people(analysis)
    if listed and not counts_unit(best.sentence.text, analysis.unit):
        # 'Bí thư yêu cầu thực hiện bao nhiêu nhiệm vụ?' where the text lists them: '… nhiệm vụ sau: 1. … 5. …'
        unit = _tokens(analysis.unit, accented=False)
        for s in ranked:
            if s.score < ranked[0].score - 0.3:
                break
            introduces = (
                s.sentence.text.rstrip().endswith(":")
                and holds(_units(s.sentence.text, False), unit)
                and s.coverage >= min_coverage
                and s.phrase_coverage >= min_phrase_coverage
            )
            items = _enumeration(s.sentence, doc_texts(s.sentence.passage.doc_id)) if introduces else []
            if items:
                counted = f"{len(items)} {unit_as_written(analysis.text, analysis.unit)}"
                return Evidence((s.sentence, *items), confidence=s.score, lead=f"Có {counted}")
    if (
        (
            _MOST_PLACE_ASKED.search(asked)
            # 'Phó Chủ tịch UBND phường nào …' asks for a person; 'quận nào cao hơn' compares those named.
            or (_place_asked(asked) and analysis.qtype not in (QuestionType.PERSON, QuestionType.ROLE))
        )
        and not SIDE_AHEAD_ASKED.search(asked)
        and not _places_named_besides(best.sentence.text, analysis.places)
    ):
        # 'Trong 14 phường, phường nào giảm được nhiều nhất?' is answered by a sentence naming one,
        # not by the 14 wards' total.
        naming = _nearest_such(ranked, best, 0.5, lambda s: _places_named_besides(s.sentence.text, analysis.places))
        if naming is None:
            if not _MOST_PLACE_ASKED.search(asked):
                return Evidence((), "Các tài liệu hiện có không nêu nơi được hỏi.", best.score)
            return Evidence((), "Các tài liệu hiện có chỉ nêu số liệu chung, không nêu riêng từng nơi.", best.score)
        best = naming
    # (Shortcomings asked for are undone by nature: checked below by what states them.)
    denied = (
        _DENIED_ASKED.search(asked.lower())
        if analysis.qtype in (QuestionType.GENERAL, QuestionType.LIST) and not _SHORTCOMINGS_ASKED.search(asked)
        else None
    )
    denial_stated = denied is not None and _states_denied(best.sentence.text, denied.group(1))
    if denied and not denial_stated:
        # 'Ở cấp phường, cơ quan nào không còn được tổ chức?' is answered where something is said not
        # to be organised ('… trong điều kiện không tổ chức HĐND phường'), not by the closest words.
        stating = _nearest_such(ranked, best, 0.5, lambda s: _states_denied(s.sentence.text, denied.group(1)))
        if stating is None:
            return Evidence((), "Các tài liệu hiện có không nêu điều câu hỏi nói là không có, chưa làm.", best.score)
        best, denial_stated = stating, True
    shortcomings = _SHORTCOMINGS_ASKED.search(asked)
    if shortcomings and not _SHORTCOMINGS.search(fold(best.sentence.text)):
        # 'Nam Từ Liêm còn những hạn chế nào?' is answered by a sentence stating shortcomings ('vẫn còn
        # tồn tại …', 'khó khăn, vướng mắc'), not by the district's results.
        stating = _nearest_such(ranked, best, 0.5, lambda s: bool(_SHORTCOMINGS.search(fold(s.sentence.text))))
        if stating is None:
            return Evidence((), "Các tài liệu hiện có không nêu hạn chế, khó khăn được hỏi.", best.score)
        best = stating
    listed_deed = _LISTED_DEED.search(asked) if analysis.qtype is QuestionType.LIST else None
    # In its very words: 'ý kiến phát biểu' is not what was proposed ('kiến nghị').
    if listed_deed and not _states_deed(listed_deed.group(1), best.sentence.text, (), accented):
        # '… kiến nghị lên thành phố những vấn đề gì?': the sentence listing what was proposed
        # ('tổng hợp các kiến nghị … liên quan đến biên chế, …'), not the meeting's opening.
        best = (
            _nearest_such(
                ranked, best, 0.2, lambda s: _states_deed(listed_deed.group(1), s.sentence.text, (), accented)
            )
            or best
        )
    if _agent_deed_unstated(analysis, best.sentence.text, expansions, accented):
        # 'Bộ phận nào gom lại các ý kiến chưa trả lời?': the sentence naming who gathers them, if
        # one near the best does; otherwise the check below refuses.
        best = (
            _nearest_such(
                ranked, best, 0.15, lambda s: not _agent_deed_unstated(analysis, s.sentence.text, expansions, accented)
            )
            or best
        )
    if analysis.qtype is QuestionType.PERSON and not names_in(best.sentence.text):
        # 'Hội nghị đó do ai chủ trì?': the sentence naming who chaired, not 'Chủ tọa hội nghị đã tiếp thu …'.
        best = (
            _nearest_such(
                ranked, best, 0.1, lambda s: s.predicate >= best.predicate and bool(names_in(s.sentence.text))
            )
            or best
        )
    if _VENUE_ASKED.search(asked) and not _VENUE.search(fold(best.sentence.text)):
        # 'Hội nghị … được tổ chức ở địa điểm nào?' is not answered by when and by whom it was held.
        return Evidence((), "Các tài liệu hiện có không nêu địa điểm được hỏi.", best.score)
    days_named = _days_in(analysis.text)
    which = analysis.qtype in (QuestionType.GENERAL, QuestionType.LIST)
    if days_named and which and not days_named & _days_in(best.sentence.text):
        # 'Văn bản nào được ban hành ngày 06/01/2017 …?': the clause bearing that day, if one near the best does.
        best = _nearest_such(ranked, best, 0.3, lambda s: bool(days_named & _days_in(s.sentence.text))) or best
    if _DAYPART_ASKED.search(asked) and not _DAYPART.search(fold(best.sentence.text).lower()):
        # 'Hội nghị … diễn ra buổi sáng hay buổi chiều?' is not answered by the day alone.
        stating = _nearest_such(ranked, best, 0.3, lambda s: bool(_DAYPART.search(fold(s.sentence.text).lower())))
        if stating is None:
            return Evidence((), "Các tài liệu hiện có không nêu buổi diễn ra sự việc được hỏi.", best.score)
        best = stating
    former = analysis.qtype in (QuestionType.ROLE, QuestionType.PERSON) and _FORMER_ASKED.search(asked)
    if former and not _FORMER_STATED.search(nfc(best.sentence.text).casefold()):
        # 'Bà X giữ chức vụ gì trước khi làm Bí thư?': a sentence naming her present post does not say.
        return Evidence((), "Các tài liệu hiện có chỉ nêu chức vụ hiện tại, không nêu chức vụ trước đó.", best.score)
    at_event = _AT_EVENT.search(asked) if analysis.qtype is QuestionType.NUMBER else None
    if at_event and at_event.group(1) not in fold(best.sentence.text).lower():
        # 'Tại hội nghị đó có bao nhiêu tập thể được khen thưởng?': what was done at the meeting,
        # not a count over years that shares the same words.
        best = next(
            (
                s
                for s in ranked
                if s.score >= best.score - 0.1
                and s.strength >= best.strength
                and at_event.group(1) in fold(s.sentence.text).lower()
            ),
            best,
        )
    if analysis.qtype in (QuestionType.YESNO, QuestionType.PERSON) and best.predicate < 1:
        # A yes/no question is about its predicate, a 'who did X' question about X: the sentence
        # stating it answers it.
        # Not at the cost of what is asked: 'Dự hội nghị còn có các đồng chí …' names nobody.
        stating = next((s for s in ranked if s.predicate == 1 and s.strength >= best.strength), None)
        # Or, where none states it whole, the one stating its last words, when as close: 'NTL có hồ sơ
        # TTHC nào quá hạn không?' is answered by '… không có trường hợp quá hạn', not by '… 99,57%'.
        nearer = next(
            (s for s in ranked if s.predicate > best.predicate and s.score >= best.score - 0.1),
            None,
        )
        if stating is not None and stating.score >= ranked[0].score - 0.3:
            best = stating
        elif analysis.qtype is QuestionType.YESNO and nearer is not None and nearer.strength >= best.strength:
            best = nearer
        elif analysis.qtype is QuestionType.PERSON:
            # 'Ai ký ban hành Nghị định 32?': people named near Nghị định 32 did not sign it. Some words
            # of what was done must be there ('ai đứng ra đề xuất' is answered by '… đề xuất').
            window = _person_predicate(analysis.text, accented, width=4)
            units = with_expansions(_units(best.sentence.text, accented), expansions)
            # 'Ai ký Kế hoạch 131-KH/QU?': the plan cited is not who signed it.
            unsigned = bool(window) and fold(window[0]).lower() == "ky" and window[0] not in units
            if window and (unsigned or not any(holds(units, pair) for pair in itertools.pairwise(window))):
                return Evidence((), "Các tài liệu hiện có không nêu người làm việc được hỏi.", best.score)
    if _PURPOSE_ASKED.search(asked) and not _PURPOSE_STATED.search(fold(best.sentence.text)):
        # '… tổ chức hội nghị đối thoại để làm gì?': the sentence saying what it is 'nhằm', when one is close.
        best = next(
            (s for s in ranked if s.score >= ranked[0].score - 0.3 and _PURPOSE_STATED.search(fold(s.sentence.text))),
            best,
        )
    claimed = [(m.group(1), m.group(2)) for m in _CLAIMED_COUNT.finditer(asked)]
    if analysis.qtype is QuestionType.YESNO and claimed and not _states_count(best.sentence.text, claimed):
        # 'Long Biên đã tiếp nhận 151 công chức …, đúng không?': the clause of the same document stating
        # '151 công chức', when one is close.
        best = next(
            (
                s
                for s in ranked
                if s.score >= ranked[0].score - 0.3
                and s.sentence.passage.doc_id == best.sentence.passage.doc_id
                and _states_count(s.sentence.text, claimed)
            ),
            best,
        )
        if not _states_count(best.sentence.text, claimed):
            # 'Quận Long Biên có 12 phường phải không?': the clause counting phường in another number
            # ('14 phường thuộc quận …') refutes it.
            best = next(
                (
                    s
                    for s in ranked
                    if s.score >= ranked[0].score - 0.35
                    and s.sentence.passage.doc_id == best.sentence.passage.doc_id
                    and any(_counts_word(s.sentence.text, word) for _, word in claimed)
                ),
                best,
            )
    # A date claimed with a document number is the document's: '_date_verdict' checks it where it is named.
    days = _days_stated(asked) if not analysis.doc_numbers else set()
    if analysis.qtype is QuestionType.YESNO and days and not days <= _days_stated(best.sentence.text):
        # '… được tổ chức ngày 3/8/2022, đúng không?' where the best match is the next clause of the
        # long sentence that opens 'Ngày 3/8/2022, …': that opening clause.
        # Else, when the best match states no day, a close sentence stating the day claimed (the
        # title says what met, the text when); a sentence stating another day refutes the claim.
        best_dated = next(
            (
                s
                for s in ranked
                if s.sentence in _earlier_clauses(best.sentence) and days <= _days_stated(s.sentence.text)
            ),
            None,
        )
        if best_dated is None and not _FULL_DATE.search(best.sentence.text):
            best_dated = _close_stating(
                ranked, best, lambda text: days <= _days_stated(text)
            ) or _close_stating(  # the event's own day, not a cited document's
                ranked, best, lambda text: bool(_FULL_DATE.search(_DOCUMENT_DATE.sub(" ", text))), same_document=True
            )
        best = best_dated or best
    if (
        analysis.qtype is QuestionType.YESNO
        and claimed
        and _claimed_figure_unstated(analysis.text, best.sentence.text)
        and (days <= _days_stated(best.sentence.text) or not days)
    ):
        # '… ngày 08/9/2022, Ban Thường vụ đã khen thưởng 11 tập thể?': the sentence dating the meeting
        # counts no one; the sentence of that article counting who was commended settles the claim.
        best = next(
            (
                s
                for s in ranked
                if s.sentence.passage.doc_id == best.sentence.passage.doc_id
                and not _claimed_figure_unstated(analysis.text, s.sentence.text)
            ),
            best,
        )
    if (
        analysis.qtype is QuestionType.YESNO
        and _DAYPART_CLAIMED.search(asked)
        and not _DAYPART_STATED.search(fold(best.sentence.text).lower())
    ):
        # '… diễn ra vào buổi sáng, đúng không?': the sentence opening 'Chiều ngày 30/9/2022, …' settles it.
        stating = _close_stating(
            ranked, best, lambda text: bool(_DAYPART_STATED.search(fold(text).lower())), same_document=True
        )
        best = stating or best
    if analysis.qtype is QuestionType.ROLE and analysis.names:
        # 'Đồng chí X dự hội nghị với cương vị gì?': the post stands beside the name.
        beside_name = [
            s
            for s in ranked
            if s.score >= ranked[0].score - 0.3 and all(n in fold(s.sentence.text).lower() for n in analysis.names)
        ]
        best = beside_name[0] if beside_name else best
        if beside_name and _ALL_POSTS_ASKED.search(asked):
            # 'Ngoài chức Bí thư Quận ủy, ông ấy còn giữ những chức vụ gì?': where the most of them are named.
            best = max(beside_name, key=lambda s: len(_ROLE.findall(_canon(s.sentence.text))))
    if analysis.qtype is QuestionType.YESNO and analysis.names and not names_in(best.sentence.text):
        # 'Ông Nguyễn Văn Luyện là người đọc báo cáo tóm tắt, đúng không?': the sentence naming who did
        # it, not one saying that someone does it periodically.
        best = (
            _nearest_such(
                ranked, best, 0.1, lambda s: s.predicate >= best.predicate and bool(names_in(s.sentence.text))
            )
            or best
        )
    if analysis.qtype in (QuestionType.GENERAL, QuestionType.LIST) and analysis.names:
        # 'Ông X đề nghị rà soát lại quy chế … trên cơ sở nào?': the clause saying what he proposed, not
        # the one naming him (the names are checked where he is named, not in every clause he speaks).
        named = {word for name in analysis.names for word in name.split()}
        said_weights = {t: w for t, w in _term_weights(analysis, idf).items() if fold(t).lower() not in named}

        def said(scored: Scored) -> float:
            return _share(said_weights, with_expansions(_units(scored.sentence.text, accented), expansions))

        saying = max(
            (
                s
                for s in ranked
                if s.score >= ranked[0].score - 0.3 and s.sentence.passage.doc_id == best.sentence.passage.doc_id
            ),
            key=said,
        )
        if said(saying) > said(best) + 0.1:
            best = saying
    if _unattributed(analysis, {s.sentence.passage.doc_id for s in ranked}, doc_texts):
        return Evidence((), "Các tài liệu hiện có không nêu ý kiến đó của người được hỏi.", best.score)
    premise = _why_predicate(analysis.text, accented)
    if premise:
        # 'Vì sao hội nghị phải lùi lịch?': only evidence that it did can say why (a false premise
        # is not answered by the sentence that merely mentions the hội nghị).
        negative_premise = bool({"chua", "khong"} & set(asked.split()))

        def states_premise(scored: Scored) -> bool:
            # Its words apart ('làm quy chế' in '… quy chế làm việc …'), where not denied ('… giải quyết
            # đúng hạn …, không có trường hợp quá hạn' does not state 'giải quyết quá hạn'), unless the
            # premise is itself a failure ('vì sao … không bám sát kế hoạch').
            denied = _NEGATION.search(_NOT_NEGATIONS.sub(" ", fold(scored.sentence.text).lower()))
            return scored.predicate == 1 or (scored.predicate >= 0.5 and (negative_premise or not denied))

        stating = next((s for s in ranked if states_premise(s)), None)
        if stating is None or stating.score < ranked[0].score - 0.3:
            return Evidence((), "Các tài liệu hiện có không nêu sự việc mà câu hỏi muốn biết lý do.", best.score)
        if not negative_premise and _negated_before(stating.sentence.text, premise):
            return Evidence((), "Theo các tài liệu hiện có, điều câu hỏi giả định đã không xảy ra.", stating.score)
        best = stating
    if _WHY_ASKED.search(asked) and not _CAUSE.search(fold(best.sentence.text)):
        # 'Vì sao phường tổ chức hội nghị đối thoại?': the close sentence saying what it was 'nhằm'.
        best = next(
            (s for s in ranked if s.score >= ranked[0].score - 0.3 and _CAUSE.search(fold(s.sentence.text))), best
        )
    if _WHY_ASKED.search(asked) and not _CAUSE.search(fold(best.sentence.text)):
        # The documents state what happened ('chưa thực hiện được chỉ tiêu …') but not why.
        return Evidence((), "Các tài liệu hiện có không nêu lý do được hỏi.", best.score)
    befallen = _befallen(analysis.text, accented) if analysis.qtype is QuestionType.DATE else ()
    if befallen and not set(befallen) & with_expansions(_units(best.sentence.text, accented), expansions):
        # 'Hội nghị bị hoãn sang ngày nào?' when the documents say only when it was held.
        return Evidence((), "Các tài liệu hiện có không nêu việc câu hỏi giả định đã xảy ra.", best.score)
    # '… tổ chức theo kế hoạch nào, kế hoạch đó ban hành ngày nào?' asks when a document was issued.
    asks_when_held = analysis.qtype is QuestionType.DATE and _HELD.search(asked) and not _ISSUE_ASKED.search(asked)
    events = set(_EVENT_ASKED.findall(asked)) if asks_when_held else set()
    if events and not _EVENT_ASKED.search(fold(best.sentence.text)):
        # 'Hội nghị sơ kết tổ chức ngày nào?' is not answered by 'Từ ngày 01/7/2021, UBND quận …'.
        dated = next(
            (
                s
                for s in ranked
                if s.strength >= 2
                and set(_EVENT_ASKED.findall(fold(s.sentence.text))) & events
                and s.score >= ranked[0].score - 0.3
            ),
            None,
        )
        if dated is None:
            return Evidence((), "Các tài liệu hiện có không nêu thời gian diễn ra sự kiện được hỏi.", best.score)
        best = dated
    if analysis.unit and not counts_unit(best.sentence.text, analysis.unit):
        # 'bao nhiêu phường': a sentence that counts phường beats one that only shares the words,
        # if it is about the same things (coverage), however the phrasing differs; one counting in
        # the very word asked ('14 Chủ tịch') beats one counting in another ('406 người').
        def counting(counts: Callable[[str], bool]) -> Scored | None:
            return next(
                (s for s in ranked if s.strength >= 2 and s.coverage >= best.coverage and counts(s.sentence.text)),
                None,
            )

        title = _LEADERS_ASKED.match(analysis.unit)  # not 'đảng viên': '78 trường hợp' may count those asked
        exact = counting(lambda text: counts_unit(text, analysis.unit)) if title else None
        asked_counted = functools.partial(counts_asked, analysis)
        loose = None if asked_counted(best.sentence.text) else counting(asked_counted)
        best = exact or loose or best
    asked_units = _units(_without_absent_bodies(analysis.text), accented)

    def contrast(scored: Scored) -> tuple[str, str] | None:
        return synonyms.contrast(asked_units, _units(scored.sentence.text, accented), accented)

    opposed = contrast(best)
    if opposed:
        # 'Chủ tịch UBND quận đã kỷ luật bao nhiêu cá nhân?' is not answered by '… khen thưởng 11 tập
        # thể': another sentence may state what is asked; else the documents do not.
        asked_phrase, stated_phrase = opposed
        asked_tokens = phrase_tokens(asked_phrase, accented)
        # 'Ông Trần Đức Hoạt là … Chủ tịch UBND quận, đúng không?' against the sentence naming him Chủ
        # tịch HĐND: the one the claim is about, with another post.
        canon = f" {_canon(best.sentence.text)} "
        if (
            analysis.qtype is QuestionType.YESNO
            and analysis.names
            and all(f" {name} " in canon for name in analysis.names)
        ):
            return Evidence((best.sentence,), confidence=best.score, lead="Không")
        best = next(
            (
                s
                for s in ranked
                if s.score >= ranked[0].score - 0.3
                and holds(_units(s.sentence.text, accented), asked_tokens)
                and not contrast(s)
                # 'Người chủ trì … có phải là Chủ tịch UBND?': not a sentence where the UBND chief did another thing
                and (analysis.qtype is not QuestionType.YESNO or s.predicate >= best.predicate)
            ),
            best,
        )
        if contrast(best) and analysis.qtype is QuestionType.YESNO and (best.coverage >= 0.7 or best.predicate == 1):
            # 'Có phải Chủ tịch HĐND Quận đã khen thưởng 11 tập thể không?' when the Chủ tịch UBND did:
            # no, and the sentence says who did.
            return Evidence((best.sentence,), confidence=best.score, lead="Không")
        if contrast(best):
            return Evidence(
                (), f"Các tài liệu hiện có nêu «{stated_phrase}», không nêu «{asked_phrase}» như câu hỏi.", best.score
            )
    # Only figures are tied to their document: 'theo quy định nào' asks for another one.
    asked_numbers = {fold(n) for n in analysis.doc_numbers} if analysis.qtype is QuestionType.NUMBER else set()

    def other_document(text: str) -> bool:
        # '… thực hiện Nghị quyết số 15-NQ/TU' is not answered by '… thực hiện Chỉ thị số 15-CT/TU'.
        stated = {fold(n) for n in document_numbers(text)}
        return bool(asked_numbers and stated) and not asked_numbers & stated

    def mismatched(text: str) -> bool:
        return bool(other_organ(analysis.text, text)) or other_document(text)

    # A claim pinned to its day by the sentence stating that day is checked there ('Hội nghị ngày
    # 3/8/2022 do UBND quận tổ chức?' against 'Ngày 3/8/2022, Quận ủy … tổ chức Hội nghị'); so is one
    # pinned by the counts it claims ('Bí thư … khen thưởng 11 tập thể?' against 'Chủ tịch UBND … 11 tập thể'),
    # or by the deed it counts at the meeting asked ('… 11 tập thể?' against '… khen thưởng 5 đơn vị').
    pinned = (bool(days) and days <= _days_stated(best.sentence.text)) or (
        bool(claimed)
        and (
            _states_count(best.sentence.text, claimed)
            or (bool(analysis.doc_numbers) and not _claimed_figure_unstated(analysis.text, best.sentence.text))
        )
    )
    if mismatched(best.sentence.text) and not (analysis.qtype is QuestionType.YESNO and pinned):
        # 'UBND quận đã ban hành bao nhiêu kế hoạch?': the sentence where the UBND did, if one is close.
        best = next(
            (
                s
                for s in ranked
                if s.score >= ranked[0].score - 0.3 and s.strength >= best.strength and not mismatched(s.sentence.text)
            ),
            best,
        )
    personal = _PERSONAL_ASKED.search(asked.lower())
    if personal and not re.search(rf"\b{personal.group(1)}\b", fold(best.sentence.text).lower()):
        # 'Ông ấy quê ở đâu?': the articles give posts and deeds, not birthplaces or ages.
        return Evidence((), "Các tài liệu hiện có không nêu thông tin cá nhân này.", best.score)
    organs = other_organ(analysis.text, best.sentence.text)
    if organs and analysis.qtype is QuestionType.YESNO:
        return Evidence((best.sentence,), confidence=best.score, lead="Không")
    if organs:
        return Evidence(
            (), "Các tài liệu hiện có nêu việc đó của cơ quan khác, không phải cơ quan được hỏi.", best.score
        )
    if other_document(best.sentence.text):
        return Evidence((), "Các tài liệu hiện có chỉ nêu số liệu của văn bản khác với văn bản được hỏi.", best.score)
    uncounted = bool(analysis.unit) and not counts_asked(analysis, best.sentence.text)
    if uncounted and not analysis.unit.startswith("phan tram") and _share_of(best.sentence.text, analysis.unit):
        # 'bao nhiêu hồ sơ' is not answered by '99,82% hồ sơ … đúng hạn'.
        return Evidence((), "Các tài liệu hiện có chỉ nêu tỷ lệ, không nêu số lượng được hỏi.", best.score)
    if uncounted and _counts_only_others(
        best.sentence.text, things_asked=_asks_things(analysis), rank_asked=bool(_RANK_ASKED.search(asked))
    ):
        # 'xử lý kỷ luật bao nhiêu tổ chức đảng' is not answered by '… kỷ luật 22 đảng viên'.
        return Evidence((), "Các tài liệu hiện có chỉ nêu số lượng khác, không nêu số lượng được hỏi.", best.score)
    done_to = _done_to_counted(analysis, accented, best.sentence.text)
    expansions = _expansions(analysis, synonyms)
    if done_to and not holds(with_expansions(_units(best.sentence.text, accented), expansions), done_to):
        # 'bao nhiêu người bị khai trừ' is not answered by a count of those 'cho ra khỏi Đảng'.
        done = " ".join(done_to)
        return Evidence((), f"Các tài liệu hiện có không nêu số lượng «{done}» như câu hỏi.", best.score)

    def change_only(scored: Scored) -> bool:
        return analysis.qtype is QuestionType.NUMBER and _remainder_asked_change_stated(
            asked, _clauses_of_years(scored.sentence.text, analysis.years)
        )

    if change_only(best):
        # 'Sau sắp xếp còn bao nhiêu chi bộ?' is not answered by '… giảm được 80 đầu mối chi bộ'; a close
        # sentence stating the total ('… tiếp nhận 151 công chức') is.
        stating = next(
            (
                s
                for s in ranked
                if s.score >= ranked[0].score - 0.3
                and s.strength >= best.strength
                and counts_asked(analysis, s.sentence.text)
                and not change_only(s)
            ),
            None,
        )
        if stating is None:
            return Evidence(
                (), "Các tài liệu hiện có chỉ nêu số giảm hoặc tăng, không nêu tổng số được hỏi.", best.score
            )
        best = stating
    if analysis.qtype is QuestionType.NUMBER and _period_stated_meeting_asked(asked, best.sentence.text):
        # 'Số cá nhân được khen thưởng tại hội nghị ấy?' is not answered by '… giai đoạn 2016 - 2021, có
        # 121 lượt tập thể, cá nhân được khen thưởng'.
        return Evidence(
            (), "Các tài liệu hiện có chỉ nêu số liệu của cả giai đoạn, không nêu số liệu tại hội nghị.", best.score
        )
    if analysis.qtype is QuestionType.NUMBER and _change_asked_unstated(asked, best.sentence.text):
        # 'Phường Bồ Đề giảm được bao nhiêu đầu mối chi bộ?' is not answered by '… phát triển 1 chi bộ'.
        return Evidence((), "Các tài liệu hiện có không nêu mức tăng, giảm được hỏi.", best.score)
    unpaid = analysis.unit == "tien" and not _AMOUNT.search(fold(best.sentence.text).lower())
    if (uncounted and analysis.unit in _MONEY) or unpaid:
        # 'bao nhiêu tỷ đồng', 'bao nhiêu tiền' are answered by an amount of money, never by a
        # percentage or a count.
        return Evidence((), "Các tài liệu hiện có không nêu số tiền được hỏi.", best.score)
    if analysis.qtype is QuestionType.YESNO and _theme_verdict(analysis.text, best.sentence.text) == "Không":
        # 'Chủ đề năm 2021 của Long Biên là “kỷ cương, …”?' against '… năm 2021, thực hiện chủ đề “Năm dân vận khéo …”'.
        return Evidence((best.sentence,), confidence=best.score, lead="Không")
    if analysis.qtype is QuestionType.YESNO and _claimed_figure_unstated(analysis.text, best.sentence.text):
        # 'Quận tiết kiệm được khoảng 10 tỷ đồng, đúng không?' against '… tiết kiệm được ngân sách …'.
        return Evidence((), "Các tài liệu hiện có không nêu con số mà câu hỏi đưa ra.", best.score)
    if (
        analysis.qtype is QuestionType.YESNO
        and best.coverage >= 0.5
        and "Không"
        in (
            _figure_verdict(analysis.text, best.sentence.text),
            _date_verdict(analysis.text, best.sentence.text),
            _period_verdict(analysis.text, best.sentence.text),
        )
    ):
        # 'Long Biên đã bổ nhiệm 14 Phó Chủ tịch, có chính xác không?' where the text says 28: the
        # figure stated answers the claim, however the rest of the question is worded.
        return Evidence((best.sentence,), confidence=best.score, lead="Không")
    if analysis.qtype is QuestionType.YESNO and best.predicate == 0 and best.coverage < 0.85:
        # 'Năm 2022, quận không phải tổ chức cưỡng chế nào …, đúng không?' is not answered by a
        # sentence of 2022 sharing none of the deed's words ('4 nhóm vấn đề: … giải phóng mặt bằng');
        # nor 'Nam Từ Liêm có khen thưởng … không?' by one that rewards no one.
        deed = _predicate_tokens(analysis.text, accented) or _claimed_deed(analysis.text, accented)
        if deed and not set(deed) & with_expansions(_units(best.sentence.text, accented), expansions):
            return Evidence((), "Các tài liệu hiện có không nêu điều câu hỏi muốn xác nhận.", best.score)
    # A yes/no question is answered only by evidence that states its very predicate.
    phrase_floor = min_phrase_coverage
    if analysis.qtype is QuestionType.YESNO and best.predicate < 1:
        # Looser when nearly all it names is there, in other words ('trễ hẹn' for 'quá hạn').
        phrase_floor = 0.2 if best.predicate or best.coverage >= 0.85 else 0.3
    if analysis.unit and not uncounted and analysis.unit != "phan tram":
        phrase_floor /= 2  # it counts exactly what is asked: that match says more than shared phrasing
    if best.coverage >= 0.75 and analysis.qtype is not QuestionType.YESNO:
        # Nearly every word of the question is there, reworded ('ký xác nhận bản sao' for 'ký chứng thực');
        # a count of all but one of its words, however few phrases the two share ('xử lý xong được bao
        # nhiêu lá đơn').
        counted_all = best.coverage >= 0.95 and analysis.qtype is QuestionType.NUMBER and best.strength >= 1
        phrase_floor = min(phrase_floor, 0.05 if counted_all else 0.1)
    if analysis.qtype is QuestionType.PERSON and best.predicate == 1 and best.strength >= 2 and best.coverage >= 0.75:
        # 'Người đọc báo cáo hôm đó là ai?': a person named doing that very deed, in other words
        # ('trình bày báo cáo'), answers it however few phrases the two share.
        phrase_floor = 0.0
    # 'Quyết định 2200-QĐ/TU … ban hành ngày nào?': the number dated where it is cited answers it,
    # however many other words the question wraps around it.
    dated_document = (
        analysis.qtype is QuestionType.DATE
        and bool(analysis.doc_numbers)
        and bool(_ISSUE_ASKED.search(asked))
        and best.strength >= 2
        and fold(analysis.doc_numbers[0]) in fold(best.sentence.text)
    )
    # 'Bí thư Quận ủy Nam Từ Liêm … tên là gì?': a sentence naming someone with that very post, in
    # that very place, answers it, whatever else the question wraps around it.
    canon = f" {_canon(best.sentence.text)} "
    role_named = (
        analysis.qtype is QuestionType.PERSON
        and best.strength >= 2
        and any(names_post(canon, role) for role in role_phrases(analysis.text))
        and all(f" {place} " in canon for place in analysis.places)
    ) or (
        # 'Ông Đường Hoài Nam giữ những chức vụ gì ở quận?': the sentence giving him his posts.
        analysis.qtype is QuestionType.ROLE
        and best.strength >= 2
        and bool(analysis.names)
        and all(f" {name} " in canon for name in analysis.names)
    )
    if (
        analysis.qtype is QuestionType.YESNO
        and best.predicate == 1
        and best.coverage >= 0.4
        and analysis.names
        and _CLAIMED_DEED.search(asked)
        and names_in(best.sentence.text)
        and not any(f" {name} " in canon for name in analysis.names)
    ):
        # 'Ông Ngô Mạnh Điềm là người báo cáo ở hội nghị …, đúng không?': the sentence saying who did
        # it names another, however few of the claim's words it shares.
        return Evidence((best.sentence,), confidence=best.score, lead="Không")
    if (
        not anchored
        and not dated_document
        and not (denial_stated and best.coverage >= 0.5)  # the deed denied, of what the question names
        and not role_named
        and (
            best.coverage < min_coverage
            or best.phrase_coverage < phrase_floor
            # Nothing counts what is asked ('bao nhiêu tỷ đồng'): only a close paraphrase may answer.
            or (uncounted and (best.coverage < 0.7 or best.phrase_coverage < 0.3))
        )
    ):
        return Evidence((), "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này.", best.score)
    if analysis.qtype is QuestionType.NUMBER and not _new_numbers(best.sentence.text, analysis.text):
        # 'Trong số 22 đảng viên bị kỷ luật, bao nhiêu người bị khai trừ?' is not answered by the
        # sentence stating the 22: it gives no figure the question does not already hold.
        return Evidence((), "Các tài liệu hiện có không nêu con số chi tiết được hỏi.", best.score)
    if uncounted and not _counts_given(best.sentence.text, analysis.text):
        # 'Có bao nhiêu đại biểu dự hội nghị sơ kết 01 năm …?' is not answered by the sentence that
        # dates the meeting: its only numbers are dates, document numbers and the period reviewed.
        return Evidence((), "Các tài liệu hiện có không nêu con số được hỏi.", best.score)
    if analysis.qtype is QuestionType.NUMBER and _other_total(asked, best.sentence, doc_texts):
        # 'Trong số 22 đảng viên bị kỷ luật, bao nhiêu …' is not answered about another total (78).
        return Evidence((), "Các tài liệu hiện có không nêu con số chi tiết được hỏi.", best.score)
    if (
        analysis.qtype is QuestionType.NUMBER
        and analysis.unit
        and not _RANKED_AMONG.search(asked)
        and _ranked_among_only(best.sentence.text, analysis.unit)
    ):
        # 'Hà Nội có bao nhiêu quận đang thí điểm …?' is not answered by '… đứng thứ 2 trên 30 quận,
        # huyện, thị xã': those ranked among are not those asked about.
        return Evidence((), "Các tài liệu hiện có không nêu con số được hỏi.", best.score)
    part = _part_asked(analysis, accented)
    held = with_expansions(_units(best.sentence.text, accented), expansions) if part else frozenset()
    if part and sum(t in held for t in part) < 2 / 3 * len(part):
        # 'Trong 98.840 hồ sơ, bao nhiêu hồ sơ thuộc lĩnh vực đất đai?': the part must be stated.
        return Evidence((), "Các tài liệu hiện có không nêu con số chi tiết được hỏi.", best.score)
    whole = _WHOLE.match(asked)
    if part and whole and analysis.unit and not _counts_besides(best.sentence.text, analysis.unit, whole.group(1)):
        # 'Trong số 4.417 lượt học viên, bao nhiêu lượt là cán bộ quy hoạch?' is not answered by the
        # sentence counting only the 4.417, however it names the part.
        return Evidence((), "Các tài liệu hiện có không nêu con số chi tiết được hỏi.", best.score)
    years_named = sorted(set(re.findall(r"(?<![\d/])(?:19|20)\d\d(?![\d/])", asked)))
    if (
        analysis.unit == "phan tram"
        and "so voi" in asked  # a year compared with a base year, not a period ('giai đoạn 2015-2020')
        and len(years_named) >= 2
        and not counts_unit(_clauses_of_all_years(best.sentence.text, years_named), "phan tram")
    ):
        # 'So với năm 2016, biên chế năm 2021 giảm bao nhiêu phần trăm?': the clause of both years
        # ('… so với năm 2016, biên chế năm 2021 … đã giảm 35 trường hợp') gives no share.
        return Evidence((), "Các tài liệu hiện có không nêu tỷ lệ đúng như câu hỏi.", best.score)
    if _DEADLINE_ASKED.search(asked.lower()) and _deed_share(analysis, best.sentence.text) < 0.5:
        # 'Mặt trận phải báo cáo kết quả giám sát trước ngày nào?' is not answered by the deadline set
        # for another task ('… chậm nhất ngày 10/10/2022, Văn phòng … thông báo ý kiến kết luận').
        return Evidence((), "Các tài liệu hiện có không nêu thời hạn cho việc được hỏi.", best.score)
    if _agent_deed_unstated(analysis, best.sentence.text, expansions, accented):
        return Evidence((), "Các tài liệu hiện có không nêu cơ quan, đơn vị nào làm việc được hỏi.", best.score)
    if _FREQUENCY_ASKED.search(asked) and not _FREQUENCY.search(fold(best.sentence.text).lower()):
        # '… báo cáo bao lâu một lần, hằng tháng hay hằng quý?' is not answered by 'Định kỳ, … báo cáo'.
        return Evidence((), "Các tài liệu hiện có không nêu việc này làm bao lâu một lần.", best.score)
    one_asked = analysis.qtype in (QuestionType.LIST, QuestionType.GENERAL) or (
        analysis.qtype is QuestionType.NUMBER and len(HOW_MANY.findall(asked)) == 1
    )
    event = _LISTED_EVENT.search(asked) if one_asked else None
    if event and not _states_deed(event.group(1), best.sentence.text, expansions, accented):
        # 'Nam Từ Liêm đã khen thưởng những tập thể nào?', '… kỷ luật bao nhiêu chi bộ?' are not answered
        # by a sentence that rewards or disciplines no one.
        return Evidence((), "Các tài liệu hiện có không nêu việc được hỏi.", best.score)
    superseded = _SUPERSEDED_ASKED.search(asked.lower())
    if superseded and superseded.group(1) not in fold(best.sentence.text).lower():
        # 'Nghị định nào đã thay thế Nghị định 32?' is not answered by a sentence citing Nghị định 32.
        return Evidence((), "Các tài liệu hiện có không nêu văn bản nào thay thế hay bãi bỏ văn bản này.", best.score)
    portfolio = _PORTFOLIO_ASKED.search(asked.lower())
    if portfolio and not re.search(r"\bphu trach\b", fold(best.sentence.text).lower()):
        # 'Ông ấy phụ trách lĩnh vực gì?' is not answered by what he reported at a meeting.
        return Evidence((), "Các tài liệu hiện có không nêu lĩnh vực phụ trách được hỏi.", best.score)
    list_noun = _LISTED_NOUN.search(asked.lower()) if analysis.qtype is QuestionType.LIST else None
    if list_noun and re.search(
        rf"\b{list_noun.group(1)} (?:da neu|neu tren|noi tren|ke tren)\b", fold(best.sentence.text).lower()
    ):
        # '… nêu cụ thể những hạn chế nào?' is not answered by '… khắc phục những hạn chế đã nêu trong báo cáo'.
        return Evidence((), "Các tài liệu hiện có chỉ nhắc tới, không nêu cụ thể nội dung được hỏi.", best.score)
    qualifier = _count_qualifier(analysis, accented)
    if qualifier and not set(qualifier) <= with_expansions(_units(best.sentence.text, accented), expansions):
        # 'Có bao nhiêu hồ sơ được giải quyết trước hạn?' is not answered by the count of all solved.
        return Evidence((), "Các tài liệu hiện có không nêu con số chi tiết được hỏi.", best.score)
    qualifier = _rate_qualifier(analysis, accented)
    if (
        qualifier
        and idf("_".join(qualifier)) < idf("_".join(_NEVER_SEEN))
        and not set(qualifier) <= with_expansions(_units(_paragraph(best.sentence, doc_texts), accented), expansions)
    ):
        # 'Tỷ lệ hồ sơ được giải quyết trực tuyến là bao nhiêu?' is not answered by the share of all
        # hồ sơ solved: the words that end saying which share, when the documents use them, must be in
        # the paragraph stating it ('đúng hạn' may be said in the next sentence, or 'đúng và trước thời hạn').
        return Evidence((), "Các tài liệu hiện có không nêu tỷ lệ đúng như câu hỏi.", best.score)
    if analysis.qtype in (QuestionType.LIST, QuestionType.GENERAL) and _unnamed_items(
        analysis.text, best.sentence.text
    ):
        return Evidence((), "Các tài liệu hiện có chỉ nêu số lượng, không nêu tên từng mục được hỏi.", best.score)
    head = _measured_head(analysis)
    head_units = with_expansions(_units(best.sentence.text, accented), expansions)
    pairs: list[Sequence[str]] = [*itertools.pairwise(head)] or [head]
    if head and not any(holds(head_units, pair) for pair in pairs):
        # 'Lương của Chủ tịch UBND phường là bao nhiêu?': a number about the Chủ tịch is not his salary.
        return Evidence((), "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này.", best.score)
    organ = _DISTRICT_ORGAN.search(asked.lower()) if analysis.qtype is QuestionType.NUMBER else None
    if (
        organ
        and _BASE_LEVEL.search(fold(best.sentence.text).lower())
        and organ.group() not in fold(best.sentence.text).lower()
    ):
        # 'tỷ lệ nữ tham gia Ban Chấp hành Đảng bộ quận' is not the share in 'cấp ủy cơ sở'.
        return Evidence((), "Các tài liệu hiện có chỉ nêu số liệu của cấp cơ sở, không nêu của cấp quận.", best.score)
    if _district_asked_ward_stated(analysis, best.sentence.text):
        # 'Thu ngân sách trên địa bàn quận Long Biên …' is not answered by what 'phường đã …' achieved.
        return Evidence((), "Các tài liệu hiện có chỉ nêu số liệu của phường, không nêu của toàn quận.", best.score)
    # Asked for, not mentioned: 'Năm 2021, khi thực hiện chủ đề …, quận có phải cưỡng chế không?'
    title = _TITLE_ASKED.search(asked) if analysis.qtype is not QuestionType.YESNO else None
    if title and not _TITLE_ASKED.search(fold(best.sentence.text)):
        best = next(
            (s for s in ranked if s.score >= ranked[0].score - 0.3 and _TITLE_ASKED.search(fold(s.sentence.text))),
            best,
        )
    if title and not _TITLE_ASKED.search(fold(best.sentence.text)):
        # 'Chủ đề công tác năm 2022 là gì?' is answered only where a theme or slogan is stated as one.
        theme = analysis.text[title.start(1) : title.end(1)] if len(analysis.text) == len(asked) else ""
        return Evidence((), f"Các tài liệu hiện có không nêu {theme.lower() or 'nội dung'} được hỏi.", best.score)
    best_folded = fold(best.sentence.text).lower()
    measured = _measured_words(analysis)
    if measured and not any(
        holds(with_expansions(_units(text, accented), expansions), measured)
        for text in (best.sentence.text, _preceding(best.sentence, doc_texts))
    ):
        # 'Tỷ lệ bí thư … là bao nhiêu?' is not answered by another percentage; 'khen thưởng bao
        # nhiêu?' not by a number of hồ sơ.
        return Evidence((), "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này.", best.score)
    if _NUMBER_OF_DOCUMENT_ASKED.search(asked) and not _numbered_by(asked, best.sentence.text):
        # 'Kế hoạch của Đảng ủy phường Bồ Đề … có số hiệu là gì?': a document number of that organ.
        numbered = [s for s in ranked if s.score >= ranked[0].score - 0.3 and _numbered_by(asked, s.sentence.text)]
        if not numbered:
            return Evidence((), "Các tài liệu hiện có không nêu số hiệu văn bản được hỏi.", best.score)
        best = numbered[0]
    since = analysis.qtype is QuestionType.DATE and not analysis.doc_numbers and _SINCE_ASKED.search(asked)
    if since and not _SINCE_STATED.search(best_folded):
        # 'Ông X giữ chức Chủ tịch UBND quận từ năm nào?' is not answered by the date of a meeting he attended.
        return Evidence((), "Các tài liệu hiện có không nêu thời điểm bắt đầu được hỏi.", best.score)
    if analysis.qtype in (QuestionType.NUMBER, QuestionType.DATE, QuestionType.PERSON) and not best.typed:
        return Evidence((), "Các tài liệu hiện có không nêu cụ thể thông tin được hỏi.", best.score)
    if analysis.qtype is QuestionType.DATE and best.strength < 2 and _DAY_ASKED.search(asked):
        # 'Cuộc bầu cử … diễn ra vào ngày nào?' is not answered by 'nhiệm kỳ 2021-2026'.
        return Evidence((), "Các tài liệu hiện có không nêu ngày cụ thể được hỏi.", best.score)

    if (
        analysis.qtype is QuestionType.YESNO
        and _DONE_ASKED.search(asked)
        and _DIRECTIVE.match(fold(best.sentence.text))
    ):
        # 'Phường đã trả lời xong các ý kiến chưa?' is not answered by 'Giao UBND phường … trả lời …
        # xong trước ngày 30/10/2022': what was asked of someone, not what was done.
        return Evidence(
            (), "Các tài liệu hiện có chỉ nêu việc được giao, yêu cầu, không nêu kết quả thực hiện.", best.score
        )
    numbered_kind = _NUMBER_OF_KIND_ASKED.search(asked)
    if numbered_kind:
        # 'Quận ủy ban hành thông tri số mấy để …?': only a sentence giving such a number answers.
        def gives_number(scored: Scored) -> bool:
            return any(
                is_document_of_kind(n, numbered_kind.group(1)) and n not in analysis.doc_numbers
                for n in document_numbers(scored.sentence.text)
            )

        if not gives_number(best):
            giving = next((s for s in ranked if gives_number(s)), None)
            if giving is None:
                return Evidence((), "Các tài liệu hiện có không nêu số hiệu văn bản được hỏi.", best.score)
            best = giving
    chosen = [best.sentence]
    if analysis.qtype is QuestionType.LIST:
        # '… theo Quyết định 6525 …; Quyết định 2200 …; Kế hoạch 131 …': the list began clauses earlier.
        chosen = [*_earlier_clauses(best.sentence), best.sentence]
    doc_text = doc_texts(best.sentence.passage.doc_id)
    if best.sentence.text.rstrip().endswith(":"):
        chosen += _list_continuation(best.sentence, doc_text)
    elif analysis.qtype in (QuestionType.LIST, QuestionType.GENERAL):
        chosen += _elaboration(best.sentence, doc_text, list_asked=analysis.qtype is QuestionType.LIST)
    if analysis.qtype is QuestionType.PERSON and not names_in(best.sentence.text):
        chosen += _role_holder(best.sentence, doc_text)
    places_left = []
    if len(analysis.places) > 1:  # 'Long Biên và Nam Từ Liêm …': one answer per place
        best_text = " ".join(syllables(f"{best.sentence.passage.title} {best.sentence.passage.text}"))
        places_left = [p for p in analysis.places if not _contains(best_text, p)]
    if analysis.qtype is QuestionType.LIST or MULTI_PART.search(asked) or places_left:
        chosen += _complements(analysis, ranked, best, chosen, places_left, idf)
    elif len(HOW_MANY.findall(asked)) >= 2:
        # 'bổ sung bao nhiêu đồng chí … và điều động bao nhiêu lượt cán bộ?': the second count may be
        # the next clause of the same sentence ('…; điều động … 224 lượt cán bộ').
        chosen += [
            s.sentence
            for s in ranked
            if s.sentence.passage.doc_id == best.sentence.passage.doc_id
            and 0 <= s.sentence.start - best.sentence.end <= 2
            and re.search(r"\d", s.sentence.text)
            and s.score >= 0.6 * best.score
        ][:1]
    uncounted_place = next(
        (
            place
            for place in places_left
            if not any(
                counts_asked(analysis, s.text)
                and _contains(" ".join(syllables(f"{s.passage.title} {s.passage.text}")), place)
                for s in chosen
            )
        ),
        None,
    )
    if analysis.unit and uncounted_place and _SIDES_COMPARED.search(asked):
        # 'Nam Từ Liêm kỷ luật bao nhiêu đảng viên, nhiều hơn Long Biên không?': one side's count
        # alone compares nothing.
        where = place_with_diacritics(uncounted_place) or uncounted_place
        return Evidence((), f"Các tài liệu hiện có không nêu số liệu này của {where}.", best.score)
    dates_asked = analysis.qtype is QuestionType.DATE or bool(re.search(r"\bngay\b", asked))
    for number in analysis.doc_numbers if len(analysis.doc_numbers) > 1 else ():
        # 'ngày ban hành của Nghị định 32, Kế hoạch 100 và Thông tri 03': each document where it is named
        # (and dated, when dates are asked).
        if fold(number) not in fold(" ".join(s.text for s in chosen)):
            naming_it = [s.sentence for s in ranked if fold(number) in fold(s.sentence.text)]
            dating = [s for s in naming_it if _DATED_AFTER.match(fold(_after(s.text, number, 40)))]
            chosen += [s for s in (dating if dates_asked else naming_it)[:1] if s not in chosen]
    # A follow-up typed without accents after an accented question is compared without them.
    added_accented = accented and has_diacritics(analysis.text.partition(" — ")[2])
    added = _what_about_added(analysis.text, added_accented)
    held_added = with_expansions(_units(" ".join(s.text for s in chosen), added_accented), expansions)
    # A phrase the follow-up adds, none of whose syllables the evidence holds ('trực tuyến'), is not stated.
    unheld_phrase = any(
        not any(t in held_added for t in run) for run in _what_about_phrases(analysis.text, added_accented)
    )
    if len(added) >= 2 and (unheld_phrase or sum(t in held_added for t in added) < len(added) / 2):
        # '… tỷ lệ nữ tham gia cấp ủy cơ sở là bao nhiêu — (còn) tỷ lệ nữ tham gia Ban Chấp hành Đảng bộ
        # quận?': what the follow-up adds must be stated, not only what the earlier question asked.
        return Evidence((), "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này.", best.score)
    if analysis.context and _own_share(analysis, " ".join(s.text for s in chosen), idf, synonyms) < 0.25:
        # 'Trong đó bao nhiêu ý kiến được trả lời ngay tại chỗ?' after 'bao nhiêu ý kiến': the
        # sentence answering the earlier question does not answer what the follow-up adds.
        return Evidence((), "Các tài liệu hiện có không chứa thông tin để trả lời câu hỏi này.", best.score)
    return Evidence(tuple(chosen), "", best.score)


def _what_about_runs(question: str, accented: bool) -> list[tuple[str, ...]]:
    """In 'A — S' (a 'còn S thì sao?' follow-up merged with the question A it follows), the runs of
    adjacent content syllables S adds to A."""
    earlier, dash, added = question.partition(" — ")
    if not dash:
        return []
    known = set(_tokens(earlier, accented))
    runs: list[list[str]] = [[]]
    for token in _tokens(added, accented):
        if token in known or fold(token) in STOPWORDS:
            runs.append([])
        else:
            runs[-1].append(token)
    return [tuple(run) for run in runs if run]


def _what_about_added(question: str, accented: bool) -> tuple[str, ...]:
    """The content syllables a merged 'còn S thì sao?' adds, each once."""
    return tuple(dict.fromkeys(t for run in _what_about_runs(question, accented) for t in run))


def _what_about_phrases(question: str, accented: bool) -> list[tuple[str, ...]]:
    """The phrases it adds: runs of two or more syllables ('trực tuyến' in 'còn tỷ lệ hồ sơ được
    giải quyết trực tuyến' after a question on hồ sơ)."""
    return [run for run in _what_about_runs(question, accented) if len(run) >= 2]


def _complements(
    analysis: QuestionAnalysis,
    ranked: Sequence[Scored],
    best: Scored,
    chosen: Sequence[Sentence],
    places_left: Sequence[str],
    idf: Callable[[str], float],
) -> list[Sentence]:
    """More sentences for multi-part questions: new terms covered, or another place asked about."""
    weights = _term_weights(analysis, idf)
    accented = _accented(analysis)
    if len(analysis.names) == 1 and analysis.names[0] not in fold(best.sentence.text).lower():
        # 'Ông X đề nghị những gì?' answered from his speech reported on without his name: what he
        # proposed is to be gathered, not a sentence naming him.
        named = set(analysis.names[0].split())
        weights = {t: w for t, w in weights.items() if fold(t).lower() not in named}
    covered = _units(" ".join(s.text for s in chosen), accented)
    taken = {(s.passage.doc_id, s.start) for s in chosen}
    extra: list[Sentence] = []
    remaining = list(places_left)
    if analysis.unit:  # 'mỗi quận có bao nhiêu phường': each place's own count first
        ranked = sorted(ranked, key=lambda s: not counts_asked(analysis, s.sentence.text))
    elif analysis.qtype is QuestionType.DATE:  # 'A và B lần lượt ban hành ngày nào': dated sentences first
        ranked = sorted(ranked, key=lambda s: -s.strength)
    for candidate in ranked:
        sentence = candidate.sentence
        if len(chosen) + len(extra) >= 4:
            break
        if candidate.score < 0.6 * best.score:
            continue
        if (sentence.passage.doc_id, sentence.start) in taken:
            continue
        # 'Quận đã giải quyết 99,82% hồ sơ' speaks of the place its article's title names.
        passage_text = " ".join(syllables(f"{sentence.passage.title} {sentence.passage.text}"))
        new_place = next((p for p in remaining if _contains(passage_text, p)), None)
        if new_place and analysis.unit and not counts_asked(analysis, sentence.text):
            new_place = None  # 'mỗi quận có bao nhiêu phường': another place's sentence must count them
        gain = _share(weights, _units(sentence.text, accented) - covered)
        if (new_place and candidate.typed) or gain >= 0.15:
            extra.append(sentence)
            taken.add((sentence.passage.doc_id, sentence.start))
            covered |= _units(sentence.text, accented)
            if new_place:
                remaining.remove(new_place)
    return extra


# 'có còn tổ chức HĐND phường nữa không', '… đều không phải người địa phương đúng không?' (a tag
# closing the claim is no part of it); 'có phải là Chủ tịch UBND quận không?' claims a post, no deed;
# 'Bí thư' is no 'bị'.
_PREDICATE = re.compile(
    r"\b(?:co|da|con|duoc|bi(?! thu\b)|phai)\s+(?:bi\s+|duoc\s+|phai\s+|con\s+)?(?!(?:phai\s+)?la\b)"
    r"((?:[^\W\d_]+\s+){0,5}(?!(?:nua|dung|phai)\b)[^\W\d_]+)"
    r"(?:\s+nua)?(?:\s*,?\s*(?:dung|phai))?\s+(?:khong|chua)\W*$"
)
# 'phường không còn HĐND nữa không?': the claim is the absence itself, which a sentence must state.
_ABSENCE_PREDICATE = re.compile(
    r"\b(khong (?:con|co)\s+(?:[^\W\d_]+\s+){0,5}?(?!(?:nua|dung|phai)\b)[^\W\d_]+)"
    r"(?:\s+nua)?(?:\s*,?\s*(?:dung|phai))?\s+(?:khong|chua)\W*$"
)
# A longer claim, when no short one is found: 'có phát sinh nhiều đơn thư khiếu kiện phức tạp phải không'.
_LONG_PREDICATE = re.compile(_PREDICATE.pattern.replace("{0,5}", "{6,8}"))


# '… vào ngày 30/10/2022, có phải không?': the tag asks to confirm the claim; it is not a predicate.
_TAG_WORDS = frozenset({"phai", "dung", "that", "vay", "the", "chinh xac", "dung vay", "dung the"})


# 'Có phải ông X là người trình bày báo cáo tại hội nghị … không?': the deed claimed of X.
_CLAIMED_DEED = re.compile(
    r"\bla (?:nguoi|don vi|co quan)\s+((?:[^\W\d_]+\s+){0,5}?[^\W\d_]+)"
    r"(?=[\s,;]+(?:hoi nghi|tai|o|cua|trong|ve|vao|nam|ngay|khong|phai|dung)\b|\W*$)"
)
# 'Người chủ trì và kết luận hội nghị … có phải là Chủ tịch UBND quận không?': the deed opens the claim.
_SUBJECT_DEED = re.compile(
    r"^\W*(?:nguoi|don vi|co quan)\s+((?:[^\W\d_]+\s+){0,4}?[^\W\d_]+)(?=\s+(?:hoi nghi|tai|o|cua|trong|ve|vao)\b)"
    r"(?=.*\bco phai la\b)"
)
# '…, người đọc báo cáo kết quả là Chủ tịch UBND quận Nguyễn Mạnh Hà, đúng không?': the deed, then who.
_DEED_THEN_DOER = re.compile(r"\bnguoi\s+((?:[^\W\d_]+\s+){0,4}?[^\W\d_]+)\s+(?=la\b)")
# 'Có phải đồng chí Nguyễn Mạnh Hà chủ trì và kết luận hội nghị … không?': the deed after the name.
_NAMED_DEED = (
    r"\bco phai (?:la )?(?:(?:ong|ba|dong chi) )?{name}\s+(?:la (?:nguoi|don vi|co quan)\s+)?"
    r"((?:[a-z]+\s+){{0,4}}?[a-z]+)"
    r"(?=\s+(?:hoi nghi|tai|o|cua|trong|ve|vao|ngay|nam|khong)\b)"
)
# '… do Chủ tịch UBND quận Nguyễn Mạnh Hà chủ trì (và kết luận), đúng không?': the deed after the doer.
_DONE_BY = r"\bdo (?:[^\W\d_]+\s+){{0,6}}?{name}\s+((?:[a-z]+\s+){{0,7}}?[a-z]+)\s*,?\s*(?:(?:dung|phai) )?khong\W*$"
# 'Chủ tịch UBND quận Nguyễn Mạnh Hà chủ trì hội nghị …, đúng không?': the claim opens with the doer.
_DOER_FIRST = (
    r"^\W*(?:[^\W\d_]+\s+){{0,6}}?{name}\s+((?:[a-z]+\s+){{0,4}}?[a-z]+)"
    r"(?=\s+(?:hoi nghi|tai|o|cua|trong|ve|vao|ngay|nam)\b)"
)
_CLAIM = re.compile(r"\bco phai\b|\b(?:phai|dung) khong\W*$")
# '… vẫn có hồ sơ bị giải quyết quá hạn, đúng không?': what the claim says befell them.
# '… không phải tổ chức cưỡng chế nào trong giải phóng mặt bằng, đúng không?': the deed, not where.
_CLAIMED_PASSIVE = re.compile(
    r"\b(?:bi|duoc|phai)\s+((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)(?:\s+nao)?(?:\s+(?:trong|khi|tai)(?:\s+[a-z]+){1,5})?"
    r"\s*,?\s*(?:dung|phai) khong\W*$"
)


# '… quận vẫn tổ chức HĐND phường, đúng không?': what the claim says still goes on.
_CLAIMED_STILL = re.compile(r"\b(?:van|van con)\s+((?:[^\W\d_]+\s+){0,6}?[^\W\d_]+)\s*,?\s*(?:dung|phai) khong\W*$")


# 'Có hồ sơ nào quá hạn không?': whether any of them did or were it ('quá hạn').
_ANY_PREDICATE = re.compile(
    r"\bco (?:[^\W\d_]+\s+){1,6}?nao\s+(?:bi\s+|duoc\s+|phai\s+)?((?:[^\W\d_]+\s+){0,3}[^\W\d_]+)\s+(?:khong|chua)\W*$"
)


# 'có phải dùng đến biện pháp cưỡng chế không ạ?': a closing particle of politeness asks nothing.
_CLOSING_PARTICLE = re.compile(r"(?:(?<=\bkhong)|(?<=\bchua))\s+(?:a|nhi|nhe|vay|the|ha|day)(?=\W*$)")


# '… có phải do Chủ tịch UBND quận chủ trì không?': the deed claimed of whoever it names.
_DONE_BY_PREDICATE = re.compile(
    r"\bdo\s+(?:[^\W\d_]+\s+){1,8}?((?:chu tri|bao cao|ky|ban hanh|ket luan|phat bieu|trinh bay|chi dao)"
    r"(?:\s+[^\W\d_]+){0,2}?)(?:\s*,?\s*(?:dung|phai))?\s+(?:khong|chua)\W*$"
)
_PREDICATES = (_DONE_BY_PREDICATE, _ANY_PREDICATE, _ABSENCE_PREDICATE, _PREDICATE, _LONG_PREDICATE)


# '…, có đúng không?' tags the claim as '…, đúng không?' does.
_TAG_CO = re.compile(r"\bco (?=(?:dung|phai) khong\W*$)")


def _predicate_match(question: str) -> re.Match[str] | None:
    # Only the end goes ('… không ạ', '…, có đúng không'): offsets before it hold.
    folded = _TAG_CO.sub("", _CLOSING_PARTICLE.sub("", fold(question)))
    match = next((m for p in _PREDICATES if (m := p.search(folded))), None)
    if match and match.group(1).lower() in _TAG_WORDS:
        match = None
    if match or not _CLAIM.search(folded.lower()):
        return match
    return (
        _CLAIMED_DEED.search(folded)
        or _SUBJECT_DEED.search(folded.lower())
        or _DEED_THEN_DOER.search(folded.lower())
        or _CLAIMED_PASSIVE.search(folded.lower())
        or _CLAIMED_STILL.search(folded.lower())
        or next(
            (
                m
                for name in names_in(question)
                for pattern in (_NAMED_DEED, _DONE_BY, _DOER_FIRST)
                if (m := re.search(pattern.format(name=re.escape(name)), folded.lower()))
                # '… tại hội nghị đó là đồng chí X phải không?': 'đó' read as 'do', and the tag as the deed.
                and m.group(1) not in _TAG_WORDS
            ),
            None,
        )
    )


def yes_no_predicate(question: str) -> str:
    """What a yes/no question asks about: 'hồ sơ có bị quá hạn không?' -> 'qua han'."""
    match = _predicate_match(question)
    return match.group(1) if match else ""


# 'Nam Từ Liêm có khen thưởng tập thể nào không?': an event's deed after 'có', when no predicate is found.
_CLAIMED_DEED_AFTER_CO = re.compile(
    r"\bco (khen thuong|bieu duong|ky luat|bo nhiem|ket nap|hoan thanh|cuong che)\b.*\bkhong\W*$"
)


def _claimed_deed(question: str, accented: bool) -> tuple[str, ...]:
    folded = fold(nfc(question))
    match = _CLAIMED_DEED_AFTER_CO.search(folded.lower())
    if not match or len(folded) != len(nfc(question)):
        return ()
    return tuple(_tokens(nfc(question)[match.start(1) : match.end(1)], accented))


def _predicate_tokens(question: str, accented: bool) -> tuple[str, ...]:
    """The predicate as the answerer compares it (with the question's diacritics when it has them)."""
    match = _predicate_match(question)
    if not match:
        return ()
    typed = nfc(question)
    # Folding keeps NFC text's length, so the match's offsets hold in the question as typed.
    text = typed[match.start(1) : match.end(1)] if len(typed) == len(fold(typed)) else match.group(1)
    return tuple(_tokens(text, accented))


_JOINING = frozenset("va cua o tai cho voi trong tren nay do khong hay thi la ma nhung cac mot".split())
# Sentence-final particles of chat: 'Bí thư là ai vậy?' asks who holds the post, not who did 'vậy'.
_PARTICLES = frozenset("vay the nhi nhe a ha day nha".split())
_MEETING_NOUNS = frozenset({"hoi", "cuoc", "buoi", "phien"})
_MEETING_ROLE = re.compile(r"\bnao\b.*?\b(chu tri|tham du|du|ky|ket luan|bao cao)\b")
_PERSON_ASKED = re.compile(
    r"(?:^|\s)(?:ai|nguoi nao|dong chi nao)\s+"
    r"(?:(?:la|nguoi|da|se|duoc|ve|dang|con|xuong|len|den|toi|ra|dung (?:len|ra))\s+)*"
)


# 'còn bao nhiêu', 'tổng cộng bao nhiêu', 'tổng biên chế là bao nhiêu': what there is, not what changed.
_REMAINDER_ASKED = re.compile(
    r"\b(?:con(?: lai)?|tong cong|tong so|tong bien che)\b.*\b(?:bao nhieu|may)\b|\bbien che\b.*\bla bao nhieu\b"
)
_CHANGE_ASKED = re.compile(r"\b(?:giam|tang|bot|them|cat|tinh gian)\b")
_CHANGE_STATED = re.compile(r"\b(?:giam|tang)(?: duoc| them| tong so| tong cong)* \d")
_REMAINDER_STATED = re.compile(r"(?<!giam )(?<!tang )\b(?:con(?: lai)?|tong (?:cong|so)(?: la| co)?|hien co) \d")


_AT_MEETING_ASKED = re.compile(r"\btai (?:buoi |cuoc |phien )?(?:hoi nghi|cuoc hop|buoi hop|phien hop)\b")
_PERIOD_FRAME = re.compile(
    r"\b(?:giai doan|nhiem ky|thoi ky|\d+ nam qua|trong \d+ nam)\b|(?:19|20)\d\d\s*[-–]\s*(?:19|20)\d\d"
)


def _period_stated_meeting_asked(asked: str, sentence: str) -> bool:
    """True when a question asks what was done at a meeting and the sentence counts over a period
    instead (the question itself framing no period nor report)."""
    if not _AT_MEETING_ASKED.search(asked) or _PERIOD_FRAME.search(asked) or re.search(r"\b(?:bao cao|theo)\b", asked):
        return False
    stated = fold(sentence).lower()
    # The period frames the sentence ('Giai đoạn 2016 - 2021, có …'), not a document it names.
    return bool(_PERIOD_FRAME.search(stated[:40])) and "hoi nghi" not in stated


_CHANGE_HOW_MUCH = re.compile(
    r"\b(?:giam|tang|bot|cat giam|tinh gian)(?: duoc| them| di| xuong| len)? (?:bao nhieu|may)\b"
)
_ANY_CHANGE = re.compile(r"\b(?:giam|tang|bot|them|cat|tinh gian|xuong|len|rut)\b|\bcon (?:lai )?\d")


def _change_asked_unstated(asked: str, sentence: str) -> bool:
    """True when a question asks by how much something went down or up and the sentence states no change."""
    return bool(_CHANGE_HOW_MUCH.search(asked)) and not _ANY_CHANGE.search(fold(sentence).lower())


def _clauses_of_years(sentence: str, years: Sequence[str]) -> str:
    """The clauses of `sentence` (split at ';') that state one of the asked years, else all of it:
    '… còn 72 biên chế năm 2020; … biên chế năm 2021 … đã giảm 35' says of 2021 only the change."""
    clauses = [c for c in sentence.split(";") if any(y in c for y in years)]
    return "; ".join(clauses) if clauses else sentence


def _clauses_of_all_years(sentence: str, years: Sequence[str]) -> str:
    """The clauses of `sentence` (split at ';') that state every asked year, else ''."""
    return "; ".join(c for c in sentence.split(";") if all(y in c for y in years))


_PORTFOLIO_ASKED = re.compile(r"\bphu trach (?:linh vuc|cong tac) (?:gi|nao)\b")
# 'những hạn chế nào', 'các giải pháp gì': the noun a list question asks for.
_LISTED_NOUN = re.compile(r"\b(?:nhung|cac) ([a-z]+(?: [a-z]+)?)(?: cu the)? (?:nao|gi)\b")


def _remainder_asked_change_stated(asked: str, sentence: str) -> bool:
    """True when a question asks how many there are now and the sentence only says by how many
    they went down or up."""
    # 'Sau khi giảm 80 đầu mối, … còn lại bao nhiêu …?': the change told first is the premise.
    asking = re.split(r"[,;?]|\.\s", asked.rstrip(" ?"))[-1]
    asking = re.sub(r"^\s*(?:(?:the|vay|con)\s+)?con\b", "", asking)  # 'Thế còn số …': a follow-up's 'còn'
    if not _REMAINDER_ASKED.search(asking) or _CHANGE_ASKED.search(asking):
        return False
    folded = fold(sentence).lower()
    return bool(_CHANGE_STATED.search(folded)) and not _REMAINDER_STATED.search(folded)


_DUTY = re.compile(
    r"\s*(?:se |dang |da )?(?:(?:co|chiu|duoc giao) (?:trach nhiem|nhiem vu)|duoc giao|phu trach viec|dam nhiem viec"
    r"|dung ra)\b"
)


_DEED_ASKED = re.compile(
    r"\W*nguoi (?=(?:ky|chu tri|ket luan|bao cao|phat bieu|trinh bay|doc|de xuat|de nghi|ban hanh|chi dao)\b)"
)


def _person_predicate(question: str, accented: bool, width: int = 2) -> tuple[str, ...]:
    """What a 'who did X' question asks the person did: 'Ai ký ban hành …' -> ('ký', 'ban');
    () for 'X là ai?' or when 'ai' is followed by a title ('Ai là Chủ tịch …' names a role)."""
    folded = fold(question)
    if len(folded) != len(question):
        return ()
    # 'Người ký quyết định đó là đồng chí nào?' asks who signed, as 'Ai ký …' does.
    match = _PERSON_ASKED.search(folded) or _DEED_ASKED.match(folded.lower())
    # 'Lãnh đạo nào của Ban Tổ chức Thành ủy dự và chỉ đạo …?': what a person did at a meeting.
    role = _MEETING_ROLE.search(folded)
    at_meeting = tuple(_tokens(question[role.start(1) : role.end(1)], accented)) if role else ()
    if not match:
        return at_meeting
    # 'Những ai dự, chỉ đạo …': the first verb before the comma is asked about; 'Ai có trách nhiệm
    # giám sát …' asks who oversees ('có trách nhiệm' only says it is their duty).
    rest = question[match.end() :]
    duty = _DUTY.match(fold(rest))
    after = _tokens(re.split(r"[,;:]", rest[duty.end() if duty else 0 :])[0], accented)[:width]
    if after and fold(after[0]) == "cua":
        return at_meeting  # 'Những đồng chí nào của Thành ủy dự …?': whose they are, then the deed
    if not after or fold(after[0]) in _JOINING | _PARTICLES or _ROLE.match(_canon(" ".join(after[:2]))):
        return ()
    # 'Ai xuống dự hội nghị …?' asks who attended: the meeting is what was attended, not the deed.
    cut = next(
        (i for i, token in enumerate(after[1:], start=1) if fold(token) in _JOINING | _MEETING_NOUNS), len(after)
    )
    return tuple(after[:cut])


_SAID = (
    r"(?:de nghi|yeu cau|de xuat|kien nghi|nhan manh|ghi nhan|bieu duong|ket luan|phat bieu|cho biet"
    r"|khang dinh|luu y|giao)"
)
_SAID_AFTER_NAME = re.compile(rf"^\s*(?:(?:da|co|se|dang|thi|cung)\s+)*({_SAID})\b")


_REQUESTS = "de nghi|yeu cau|de xuat|kien nghi"
_POST_SAYING = r"(?:pho )?(?:bi thu|chu tich|truong ban)"


def _unattributed(analysis: QuestionAnalysis, doc_ids: AbstractSet[str], doc_texts: Callable[[str], str]) -> bool:
    """'Đồng chí X đã đề nghị những gì?': true when no paragraph that names X says it (the sentence
    saying X attended does not tell what X proposed)."""
    folded_question = fold(analysis.text).lower()
    for name in analysis.names:
        at = folded_question.find(name)
        said = _SAID_AFTER_NAME.match(folded_question[at + len(name) :]) if at >= 0 else None
        if said is None:
            continue
        # 'Ông ấy yêu cầu …?' is answered where he 'đề nghị' it: asking others to act, in any words.
        verb = _REQUESTS if said.group(1) in _REQUESTS.split("|") else said.group(1)
        for doc_id in doc_ids:
            paragraphs = fold(doc_texts(doc_id)).lower().split("\n")
            # 'đồng chí Bí thư Quận ủy, Chủ tịch HĐND quận đề nghị …' speaks of the Bí thư named before.
            posts = {
                m.group(1)
                for p in paragraphs
                for m in re.finditer(rf"\bdong chi ({_POST_SAYING}) [^.]*?\b(?:{verb})\b", p)
            }
            for paragraph in paragraphs:
                if name in paragraph and (
                    re.search(rf"\b(?:{verb})\b", paragraph)
                    or any(post in paragraph[: paragraph.find(name)] for post in posts)
                ):
                    return False
        return True
    return False


def _befallen(question: str, accented: bool) -> tuple[str, ...]:
    """What a question says befell its subject ('bị hoãn sang ngày nào' -> ('hoãn', 'sang')),
    as compared syllables; () without 'bị' (typed with accents only: unaccented 'bi' is also 'bí')."""
    if not accented:
        return ()
    match = re.search(r"\bbị\s+(\w+(?:\s+\w+)?)", nfc(question).casefold())
    return tuple(t for t in _tokens(match.group(1), accented) if fold(t) not in STOPWORDS) if match else ()


_WHY_ASKED = re.compile(r"\b(?:vi sao|tai sao|ly do|nguyen nhan|do dau|nho dau)\b")
_WHY = re.compile(
    r"\b(?:vi sao|tai sao|ly do|nguyen nhan|do dau|nho dau)\b.*?\b(phai|lai|bi(?! thu\b)|duoc|da|chua|khong|van)\s+"
    # 'hạn chế được chuyện bao biện …': what the deed is about, not the filler noun before it
    r"(?:(?:chuyen|viec|dieu|tinh trang)\s+)?((?:[^\W\d_]+\s+){0,2}[^\W\d_]+)"
)
_ARTICLE_SAYS = re.compile(
    r"\b(?:duoc |bi )?(?:bai viet|bai bao|tac gia)\s+(?:danh gia|nhan dinh|nhan xet|neu|cho|mo ta)(?: ra)?(?: la)?\s*"
    r"|\bduoc (?:danh gia|nhan dinh|coi|xem|ghi nhan)(?: la)?\s+"  # '… được đánh giá là có hiệu quả'
)
_CAUSE = re.compile(r"\b(do|vi|boi|nguyen nhan|ly do|nham|nen|nho|dan den|trong dieu kien|voi su)\b")


def _why_predicate(question: str, accented: bool) -> tuple[str, ...]:
    """What a 'why' question takes for granted: 'Vì sao hội nghị phải lùi lịch?' -> ('lùi', 'lịch')."""
    typed = nfc(question)
    folded = fold(typed)
    if len(typed) == len(folded):  # the article's own verdict is no premise: '… được bài viết đánh giá là …'
        for meta in reversed(list(_ARTICLE_SAYS.finditer(folded))):
            typed = typed[: meta.start()] + typed[meta.end() :]
        folded = fold(typed)
    else:
        folded = _ARTICLE_SAYS.sub("", folded)
    match = _WHY.search(folded.split("?")[0])
    if not match:
        return ()
    text = typed[match.start(2) : match.end(2)] if len(typed) == len(folded) else match.group(2)
    predicate = [t for t in _tokens(text, accented) if fold(t) not in _QUESTION_WORDS]
    while len(predicate) > 1 and fold(predicate[-1]) == "duoc":  # 'không bám sát được': 'bám sát'
        predicate.pop()
    return tuple(predicate)


def _negated_before(text: str, predicate: Sequence[str]) -> bool:
    """'… quận không phải tổ chức cưỡng chế' negates 'tổ chức cưỡng chế'."""
    folded = " ".join(syllables(text))
    first = fold(predicate[0]) if predicate else ""
    return bool(first) and bool(re.search(rf"\b(?:khong|chua|chang)\s+(?:\w+\s+)?{re.escape(first)}\b", folded))


def _predicate_held(units: AbstractSet[str], predicate: Sequence[str]) -> float:
    """1 when the units state the whole predicate, 0.5 its last two syllables or all its words apart."""
    if not predicate:
        return 0.0
    if holds(units, predicate):
        return 1.0
    if len(predicate) <= 2:
        return 0.0
    if len(predicate) > 6:
        # A long claim ('phát sinh nhiều đơn thư khiếu kiện phức tạp'): most of its words, not its end alone.
        return 0.5 if sum(t in units for t in predicate) >= 0.65 * len(predicate) else 0.0
    # What it is about (its last words), or all its words with others between ('cưỡng chế trong GPMB').
    return 0.5 if holds(units, predicate[-2:]) or set(predicate) <= units else 0.0


_FIRST_PLACE = re.compile(r"\b(?:dan dau|dung dau|(?:dung|xep) (?:thu|hang) (?:nhat|1)|so 1)\b")
_STATED_RANK = re.compile(r"\b(?:dung|xep)(?: o)? (?:thu|hang|vi tri thu) (\d+)\b")
_SHARE = re.compile(
    r"(?:\b(duoi|tren|hon|it hon|nhieu hon|chua den|khong den|chua toi|vuot|gan|khoang|dat)\s+)?(\d+(?:[.,]\d+)?)\s*%"
)
# A count the question claims: '11 đơn vị' (periods such as '01 năm' say when, not how many).
_CLAIMED_COUNT = re.compile(r"(?<![\d/.,])(\d+(?:\.\d{3})*) (?!(?:nam|thang|ngay|quy|tuan|gio)\b)([a-z]+)\b")
_EXCEEDED_ASKED = re.compile(r"\bvuot(?: muc)?(?: ca)? (?:du toan|ke hoach|chi tieu)\b")
_BELOW = frozenset({"duoi", "it hon", "chua den", "khong den", "chua toi"})
_ABOVE = frozenset({"tren", "hon", "nhieu hon", "vuot"})


_WHOLE_FIGURE = re.compile(r"(?<![\d/.,])(\d+(?:\.\d{3})*)(?![\d/]|[.,]\d)")


def _figure_in_other_slot(asked: str, stated: str) -> bool:
    """Whether a figure the (folded) claim gives is nowhere in the evidence, which gives another
    right after the same words ('từ 80 xuống còn 70' claimed, '… còn 72 biên chế' stated; 'khen
    thưởng 11 tập thể' claimed, 'khen thưởng 5 đơn vị' stated)."""
    stated_figures = [(m.group(1), stated[: m.start()].split()[-2:]) for m in _WHOLE_FIGURE.finditer(stated)]
    known = {normalize_number(figure) for figure, _ in stated_figures}
    for claimed in _WHOLE_FIGURE.finditer(asked):
        figure = claimed.group(1)
        if _YEAR_TOKEN.fullmatch(figure) or normalize_number(figure) in known:
            continue
        before = set(asked[: claimed.start()].split()[-2:]) - STOPWORDS
        if before and any(before & set(words) for _, words in stated_figures):
            return True
    return False


def _day(date: str) -> tuple[int, ...]:
    """'03/8/2022' and '3/08/2022' as the same day."""
    return tuple(int(part) for part in date.split("/"))


def _days_stated(text: str) -> set[tuple[int, ...]]:
    return {_day(d) for d in _FULL_DATE.findall(text)}


def _states_count(text: str, counts: Sequence[tuple[str, str]]) -> bool:
    """Whether `text` states one of the (number, folded counted word) pairs: '151 công chức'."""
    folded = fold(text).lower()
    return any(
        normalize_number(m.group(1)) == normalize_number(number)
        for number, word in counts
        for m in re.finditer(rf"(?<![\d/.,])(\d[\d.]*) {re.escape(word)}\b", folded)
    )


# '… trong 121 thủ tục …, có 60 thủ tục mức độ 4': the count a claim gives as its frame, not its claim.
_FRAME_COUNT = re.compile(r"\btrong (?:so |tong so )?$")


def _claimed_figure_unstated(question: str, evidence: str) -> bool:
    """Whether the question claims a count ('tiết kiệm khoảng 10 tỷ đồng', 'còn đúng 500 tổ dân phố')
    of which the evidence states no figure at all, besides those the question gives as its frame:
    nothing there to bear the claim out or refute it."""
    asked, stated = fold(question).lower(), fold(evidence).lower()
    claimed = [
        m
        for m in _CLAIMED_COUNT.finditer(asked)
        if m.group(2) not in STOPWORDS
        and not _YEAR_TOKEN.fullmatch(m.group(1))
        and not _FRAME_COUNT.search(asked[: m.start()])
    ]
    if not claimed:
        return False
    frame = {normalize_number(m.group(1)) for m in _CLAIMED_COUNT.finditer(asked)} - {
        normalize_number(m.group(1)) for m in claimed
    }
    undated = _FULL_DATE.sub(" ", stated)
    for m in claimed:
        number, word = m.groups()
        # '11/8 đồng chí' (11 admitted of the 8 planned) counts đồng chí as well.
        found = re.findall(rf"(?<![\d/.,])(?:(\d[\d.]*)/)?(\d[\d.]*) {re.escape(word)}\b", stated)
        counts = {normalize_number(c) for pair in found for c in pair if c}
        given = re.search(rf"(?<![\d.,]){re.escape(number)}(?!\d|[.,]\d)", undated)  # '20/28 đồng chí', '(11/8)'
        # 'khen thưởng 11 tập thể?' against 'khen thưởng 5 đơn vị': the same deed, counted otherwise.
        deed = " ".join([w for w in asked[: m.start()].split() if w not in STOPWORDS][-2:])
        counted_deed = bool(deed) and re.search(rf"\b{re.escape(deed)} (?:\w+ ){{0,2}}?\d", undated)
        if counts - frame or given or counted_deed:
            return False
    return True


def _clause_around(text: str, at: int) -> str:
    """The clause of `text` (between , ; ( ) or sentence ends) that holds position `at`."""
    start = max(text.rfind(c, 0, at) for c in ",;()") + 1
    ends = [i for i in (text.find(c, at) for c in ",;()") if i >= 0]
    return text[start : min(ends, default=len(text))]


# '11/8 đồng chí', '11 trên 12 đồng chí', '593/608 nội dung': so many of so many.
_RATIO = re.compile(r"(?<![\d.,/])(\d[\d.]*)\s*(?:/|\btren\b)\s*(\d[\d.]*)(?![\d.,/]) (\w+)")


# 'quê ở đâu', 'sinh năm nào' ('không quê ở địa phương' asks who is not local, as the articles say).
_PERSONAL_ASKED = re.compile(
    r"(?<!khong )\b(que|sinh|tuoi)\b(?: (?:quan|o (?!dia phuong)|nam|ngay|thang|nao|dau|bao nhieu))"
)
_CHANGE_CLAIMED = re.compile(r"\b(giam|tang)\b(?: [a-z]+){0,3} so voi cung ky\b")
_SHARE_OF_LAST_YEAR = re.compile(r"(\d+(?:,\d+)?) ?% so voi cung ky\b")


def _ratio_refuted(asked: str, stated: str) -> bool:
    """Whether the evidence states another ratio of the same thing than the question claims
    ('kết nạp 11 trên 12 đồng chí?' against '11/8 đồng chí')."""
    stated_ratios = {m.group(3): _ratio(m) for m in _RATIO.finditer(stated)}
    return any(m.group(3) in stated_ratios and stated_ratios[m.group(3)] != _ratio(m) for m in _RATIO.finditer(asked))


def _ratio(match: re.Match[str]) -> tuple[str, str]:
    return normalize_number(match.group(1)), normalize_number(match.group(2))


def _counts_word(text: str, word: str) -> bool:
    """Whether `text` counts `word` (folded) in some number: '14 phường'."""
    return re.search(rf"(?<![\d/.,])\d[\d.]*(?:/\d[\d.]*)? {re.escape(word)}\b", fold(text).lower()) is not None


def _figure_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the evidence states another figure than the question claims ('dẫn đầu' asked,
    'đứng thứ 2' stated; 'dưới 20%' asked, 'trên 28%' stated), 'Có' when it bears the claim out,
    None when the question claims no figure or the evidence states none to compare."""
    asked, stated = fold(question), fold(evidence)
    rank = _STATED_RANK.search(stated)
    if _FIRST_PLACE.search(asked) and rank:
        return "Có" if rank.group(1) == "1" else "Không"
    if _ratio_refuted(asked, stated):
        return "Không"
    change = _CHANGE_CLAIMED.search(asked.lower())
    compared = _SHARE_OF_LAST_YEAR.search(stated.lower())
    if change and compared:
        # 'giảm so với cùng kỳ năm 2021?' against '(=103,9% so với cùng kỳ năm 2021': it rose.
        rose = float(compared.group(1).replace(",", ".")) > 100
        return "Có" if rose == (change.group(1) == "tang") else "Không"
    borne_out: list[bool] = []  # per count claimed: whether the evidence states it
    for claimed_count in _CLAIMED_COUNT.finditer(asked):
        number, word = claimed_count.groups()
        counted = list(re.finditer(rf"(?<![\d/.,])(\d[\d.]*) {word}\b", stated))
        counts = {normalize_number(m.group(1)) for m in counted}
        # '… trong đó xóa tên 48 trường hợp' is stated as '(Xóa tên 48; …)': the deed, then the number.
        deed = " ".join(asked[: claimed_count.start()].split()[-2:])
        stated_bare = bool(deed and re.search(rf"\b{re.escape(deed)} {re.escape(number)}(?![\d.,/])", stated.lower()))
        if counts and normalize_number(number) not in counts and not stated_bare:
            return "Không"  # 'khen thưởng 11 đơn vị?' when the text says '5 đơn vị'
        borne_out.append(
            (normalize_number(number) in counts or stated_bare)
            # 'chưa thực hiện được chỉ tiêu phát triển 1 chi bộ': stated, and denied
            and not any(_NEGATION.search(_clause_around(stated, m.start())) for m in counted)
        )
        if len(counts) > 1:
            # 'tiếp nhận 98.424 hồ sơ?' where the text reads 'tiếp nhận … 98.840 hồ sơ …, đã giải quyết
            # 98.424 hồ sơ': the count of the same deed is the one whose words before it the claim shares.
            claimed_words = set(syllables(asked[: claimed_count.start()])[-4:]) - STOPWORDS
            overlaps = [(len(claimed_words & set(syllables(stated[: m.start()])[-4:])), m.group(1)) for m in counted]
            top = max(overlap for overlap, _ in overlaps)
            same_deed = {normalize_number(n) for overlap, n in overlaps if overlap == top}
            if top and len(same_deed) == 1 and normalize_number(number) not in same_deed:
                return "Không"
    if _figure_in_other_slot(asked, stated):
        return "Không"
    claim = _SHARE.search(asked)
    # 'thu ngân sách vượt dự toán chưa?' claims more than 100 % of the target.
    exceeded = None if claim else _EXCEEDED_ASKED.search(asked)
    shares = list(_SHARE.finditer(stated))
    if not (claim or exceeded) or not shares:
        # Every count claimed stated as claimed ('78 trường hợp, trong đó xóa tên 48'): borne out,
        # whatever 'không' the sentence holds elsewhere ('không còn đủ tư cách').
        return "Có" if borne_out and all(borne_out) else None
    # The stated share of the same thing: the one whose surrounding words the question shares most.
    asked_words = set(asked.split()) - STOPWORDS

    def shared(m: re.Match[str]) -> int:
        return len(asked_words & set(stated[: m.start()].split()[-8:] + stated[m.end() :].split()[:3]))

    share = max(shares, key=shared)
    found = float(share.group(2).replace(",", "."))
    stated_bound = share.group(1) or ""
    if claim:
        claimed, claimed_bound = float(claim.group(2).replace(",", ".")), claim.group(1) or ""
    else:
        claimed, claimed_bound = 100.0, "vuot"
    if claimed_bound in _BELOW:
        holds_claim = found < claimed and stated_bound not in _ABOVE
        breaks_claim = found >= claimed and stated_bound not in _BELOW
    elif claimed_bound in _ABOVE:
        holds_claim = found > claimed and stated_bound not in _BELOW
        breaks_claim = found <= claimed and stated_bound not in _ABOVE
    else:
        holds_claim, breaks_claim = False, found != claimed
    return "Có" if holds_claim else "Không" if breaks_claim else None


# Where one person's words end in a list of people: 'đồng chí A - UVTV, Trưởng ban Dân vận; đồng chí B - …'.
_NEXT_PERSON = re.compile(r";|\bdong chi\b|\bva ong\b|\bva ba\b")


def _role_holder(sentence: Sentence, doc_text: str) -> list[Sentence]:
    """'Đồng chí Bí thư Đảng ủy khẳng định …' names a post, not the person asked for: the sentence
    of the same document that gives someone that post ('đồng chí Nguyễn Thị Thanh Hằng – Quận ủy
    viên, Bí thư Đảng ủy phường …'), nearest before it, else after it."""
    roles = sorted(role_phrases(sentence.text), key=len, reverse=True)
    if not roles:
        return []
    spans = split_sentences(doc_text)
    before = [s for s in spans if s.end <= sentence.start][::-1]
    after = [s for s in spans if s.start >= sentence.end]
    for span in (*before, *after):
        text = doc_text[span.start : span.end]
        stated = _canon_clauses(text)
        for name in names_in(text):
            words = _person_words(stated, name)
            if words and names_post(words[1], roles[0]):  # a Phó Bí thư is not the Bí thư
                return [Sentence(sentence.passage, span.start, span.end, text)]
    return []


def _canon_clauses(text: str) -> str:
    """`_canon` of `text`, keeping its ';' (which `_canon` drops) where one person's words end."""
    return " ; ".join(_canon(piece) for piece in text.split(";"))


def _person_words(stated: str, name: str) -> tuple[str, str] | None:
    """In `_canon_clauses` text, the words about `name` ('đồng chí A - UVTV, Trưởng ban Dân vận;
    đồng chí B - …'): from where the previous person's end, and from the name itself, to where the
    next person's begin; None when the name is not there."""
    at = stated.find(name)
    if at < 0:
        return None
    start = max((m.end() for m in _NEXT_PERSON.finditer(stated, 0, at)), default=0)
    end = next((m.start() for m in _NEXT_PERSON.finditer(stated, at + len(name))), len(stated))
    return stated[start:end], stated[at:end]


@functools.lru_cache(maxsize=1024)
def _posts_of(name: str, doc_text: str) -> tuple[str, ...]:
    """The posts a document gives the person `name` (folded) where it names him."""
    words = _person_words(_canon_clauses(doc_text), name)
    return tuple(role_phrases(words[1])) if words else ()


def _role_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question gives the one person it names a post the evidence gives someone
    else ('Nguyễn Doãn Toản … Phó Trưởng ban thường trực Ban Tổ chức' where the text reads 'đồng chí
    Nguyễn Doãn Toản - Trưởng ban Dân vận Thành ủy; đồng chí Nguyễn Thanh Minh - Phó Trưởng ban
    thường trực Ban Tổ chức'); None when it does not tell."""
    names, roles = names_in(question), role_phrases(question)
    if len(names) != 1 or not roles:
        return None
    stated = _canon_clauses(evidence)
    words = _person_words(stated, names[0])
    if words is None:
        return None
    own_words = words[0]
    role = max(roles, key=len)
    # Or posts of his own that are not it: 'Trưởng ban Tổ chức' claimed, 'Trưởng ban Dân vận' stated.
    # 'Chủ tịch UBND phường' claimed of a 'Phó chủ tịch UBND phường' is not his post either.
    return "Không" if not names_post(own_words, role) and (role in stated or role_phrases(own_words)) else None


_ISSUE_DATE_CLAIMED = re.compile(r"\b(?:ngay ban hanh|ban hanh (?:vao )?ngay|ky (?:vao )?ngay)\s*(?:la\s+|vao\s+)?\d")
_DATED_AFTER = re.compile(
    r"\s*,?\s*(?:(?:cua|do)\s+(?:[a-z]+\s+){1,8}?(?=(?:duoc|da|ban hanh|ky)\b))?"  # '… của Ban Thường vụ Thành ủy'
    r"(?:(?:duoc|da)\s+)?(?:(?:ban hanh|ky|thong qua|co hieu luc)\s+)?(?:vao\s+|tu\s+)?(?:ngay\s+)?"
    r"\d{1,2}/\d{1,2}/\d{4}"
)


def _after(text: str, needle: str, width: int) -> str:
    """The `width` characters of `text` right after `needle` ('' when it is absent)."""
    at = text.find(needle)
    return text[at + len(needle) : at + len(needle) + width] if at >= 0 else ""


_BASIS_BEFORE = re.compile(r"\b(?:thuc hien|theo|can cu|trien khai)\s+(?:[a-z]+\s+){0,2}(?:so\s+)?$")


def _date_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question dates a document ('Nghị quyết 15-NQ/TU … ban hành ngày 16/12/2016')
    otherwise than the evidence does right after its number, 'Có' when both agree; 'Không' when it
    dates something else by a day the evidence does not give; else None."""
    claimed = _FULL_DATE.findall(question)
    if len(claimed) != 1:
        return None
    folded = fold(evidence)
    # The date claimed for a document follows its number; '… Nghị quyết 15-NQ/TU vào sáng 08/9/2022'
    # a little further on dates the meeting instead.
    numbers = document_numbers(question)
    dated = [n for n in numbers if _DATED_AFTER.match(fold(_after(question, n, 100)))]
    if not dated and len(numbers) == 1 and _ISSUE_DATE_CLAIMED.search(fold(question).lower()):
        dated = numbers  # 'Nghị quyết 15-NQ/TU mà Long Biên sơ kết 5 năm có ngày ban hành là 16/12/2016?'
    if len(dated) == 1 and numbers[0] != dated[0] and _BASIS_BEFORE.search(fold(question.split(dated[0])[0]).lower()):
        # 'Thông tri 15-TT/QU … thực hiện Chỉ thị 15-CT/TU được ban hành ngày …': the Thông tri's date;
        # the document it carries out only says which one it is.
        dated = numbers[:1]
    for number in dated:
        at = folded.find(fold(number))
        stated = _FULL_DATE.search(folded[at + len(number) : at + len(number) + 30]) if at >= 0 else None
        if stated:
            same = _day(stated.group()) == _day(claimed[0])
            return "Có" if same else "Không"
    if dated:
        return None
    # 'Phường tổ chức đối thoại ngày 30/10/2022, có phải không?' where the sentence stating the
    # dialogue dates it 30/9/2022: a sentence giving dates, none of them the one claimed.
    stated_days = _days_stated(folded)
    return "Không" if stated_days and _day(claimed[0]) not in stated_days else None


def _doer_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question claims that one named person, or the holder of a post, did what
    the evidence says others did ('Nguyễn Quốc Long có phải là người chủ trì …' where the sentence
    names two others as chairing; 'Chủ tịch UBND quận … trình bày báo cáo' where the Phó Bí thư did)."""
    stated_names = names_in(evidence)
    if not stated_names:
        return None
    canon = f" {_canon(evidence)} "
    names = names_in(question)
    if len(names) == 1:
        return "Không" if f" {names[0]} " not in canon else None
    roles = role_phrases(question)
    # A 'Phó Bí thư Quận ủy' does not hold the post 'Bí thư Quận ủy' claimed.
    if not names and roles and not any(names_post(canon, role) for role in roles):
        return "Không"
    return None


# 'Hội nghị … diễn ra vào buổi sáng, đúng không?' against 'Chiều ngày 30/9/2022, phường … tổ chức …'.
_DAYPART_STATED = re.compile(r"\b(sang|chieu|toi|trua) (?:ngay )?\d{1,2}/\d{1,2}\b")
_DAYPART_CLAIMED = re.compile(rf"\bbuoi (sang|chieu|toi|trua)\b|{_DAYPART_STATED.pattern}")


def _daypart_verdict(question: str, evidence: str) -> str | None:
    """'Có' or 'Không' when the question claims a time of day and the evidence dates the event with one."""
    claimed = _DAYPART_CLAIMED.search(fold(question).lower())
    stated = {m.group(1) for m in _DAYPART_STATED.finditer(fold(evidence).lower())}
    if not claimed or not stated:
        return None
    return "Có" if (claimed.group(1) or claimed.group(2)) in stated else "Không"


# '… gồm rõ người, rõ việc, rõ trách nhiệm, rõ thẩm quyền, rõ hiệu quả — đúng không?': the items claimed.
_CLAIMED_LIST = re.compile(r"\b(?:gom|bao gom|la)\s+(?P<items>[^,;?—:]+(?:\s*,\s*[^,;?—:]+){2,})")
_TRAILING_TAG = re.compile(r"\W*\s(?:(?:co )?(?:dung|phai|chinh xac)(?: vay| the)? )?(?:khong|chua)\W*$")


def _list_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question claims a list of short items and the evidence states the others but
    not one of them; None otherwise (the evidence may list them all, or none)."""
    match = _CLAIMED_LIST.search(fold(question).lower())
    if not match:
        return None
    claimed = _TRAILING_TAG.sub("", match.group("items"))
    items = [i for i in re.split(r"\s*,\s*|\s+va\s+", claimed.strip()) if i]
    if len(items) < 3 or any(len(i.split()) > 4 for i in items):
        return None
    stated = " ".join(syllables(fold(evidence).lower()))
    held = [_contains(stated, i) for i in items]
    return "Không" if sum(held) >= 2 and not all(held) else None


# '5 rõ có bao gồm 'rõ kinh phí' không?': one quoted item claimed of a quoted list.
_CLAIMED_MEMBER = re.compile(r"\b(?:bao gom|gom|co)\s+['‘“\"](?P<item>[^'’”\"]{3,40})['’”\"]")
_QUOTED_LIST = re.compile(r"[“\"]([^”\"]*,[^”\"]*)[”\"]")


def _member_verdict(question: str, evidence: str) -> str | None:
    """'Có' or 'Không' for a quoted item claimed to belong to a list the evidence quotes."""
    claimed = _CLAIMED_MEMBER.search(fold(question).lower())
    lists = _QUOTED_LIST.findall(fold(evidence).lower())
    if not claimed or not lists:
        return None
    item = " ".join(claimed.group("item").split())
    members = {" ".join(m.split()) for quoted in lists for m in re.split(r",|\bva\b", quoted)}
    return "Có" if item in members else "Không"


# Words that hold 'không' without denying anything: 'người hoạt động không chuyên trách' (part-time
# staff), 'không chỉ … mà còn', 'không ngừng', 'không gian'.
_NOT_NEGATIONS = re.compile(r"\bkhong (?:chuyen trach|chi|ngung|gian|it)\b")


def _period_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question claims a period ('giai đoạn 2021-2025') and the evidence states
    others but not it, 'Có' when it states it; None when either names none."""
    claimed = YEAR_RANGE.findall(question)
    stated = YEAR_RANGE.findall(evidence)
    if len(claimed) != 1 or not stated:
        return None
    return "Có" if claimed[0] in stated else "Không"


_QUOTED = re.compile(r"[“\"«]([^”\"»]{3,})[”\"»]")


def _theme_verdict(question: str, evidence: str) -> str | None:
    """'Chủ đề năm 2021 là “kỷ cương, …”, đúng không?' against the evidence's own quoted theme:
    'Có' when they read alike, 'Không' when it quotes another; None when either quotes none."""
    if not _TITLE_ASKED.search(fold(question).lower()):
        return None
    claimed = [fold(q).lower() for q in _QUOTED.findall(nfc(question))]
    stated = [fold(q).lower() for q in _QUOTED.findall(nfc(evidence))]
    if len(claimed) != 1 or not stated or not _TITLE_ASKED.search(fold(evidence).lower()):
        return None
    return "Có" if any(claimed[0] in q or q in claimed[0] for q in stated) else "Không"


# '… được thực hiện theo Nghị quyết 97/2019/QH14': the document a deed is claimed to follow.
_BASIS = re.compile(rf"\b(?:theo|can cu|tren co so)\s+(?:{DOCUMENT_KINDS})\s+(?:so\s+)?(\d[\w/.-]*\w)")


def _claimed_basis(question: str) -> list[str]:
    """The documents a yes/no claim says something was done under ('… theo Nghị quyết 97/2019/QH14, đúng không?')."""
    folded = fold(question)
    return [n for n in document_numbers(question) if any(fold(n) == m.group(1) for m in _BASIS.finditer(folded))]


# What a document number's last code says of who issued it ('100/KH-UBND': the UBND).
_ISSUER_CODES = {
    "UBND": "ubnd",
    "HDND": "hdnd",
    "CP": "chinh phu",
    "QH": "quoc hoi",
    "TU": "thanh uy",
    "QU": "quan uy",
    "TW": "trung uong",
    "DU": "dang uy",
}
_CLAIMED_ISSUER = re.compile(
    r"\b(?:do|cua)\s+(?:ban thuong vu\s+)?(ubnd|uy ban nhan dan|hdnd|hoi dong nhan dan|chinh phu|quoc hoi"
    r"|thanh uy|quan uy|trung uong|dang uy)\b[^,;?]{0,30}?\bban hanh\b"
)
_ORGAN_WRITTEN = {"uy ban nhan dan": "ubnd", "hoi dong nhan dan": "hdnd"}


def _issuer_verdict(question: str) -> str | None:
    """'Kế hoạch 100/KH-UBND do HĐND Thành phố ban hành phải không?': 'Không', since its number
    says the UBND issued it; None when no issuer is claimed or the number names none."""
    claimed = _CLAIMED_ISSUER.search(fold(question).lower())
    numbers = document_numbers(question)
    if not claimed or len(numbers) != 1:
        return None
    code = re.sub(r"\d", "", re.split(r"[-/]", fold(numbers[0]).upper())[-1])
    issuer = _ISSUER_CODES.get(code)
    organ = _ORGAN_WRITTEN.get(claimed.group(1), claimed.group(1))
    return "Không" if issuer and issuer != organ else None


def _document_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question claims a document ('Nghị quyết 98/2019/QH14') where the evidence
    names its sibling instead ('97/2019/QH14'), or claims a deed done under one document where the
    evidence says it was done under another."""
    stated = " ".join(syllables(evidence))
    claimed = document_numbers(question)
    if any(_sibling_instead(number, [stated]) for number in claimed):
        return "Không"
    bases = {m.group(1) for m in _BASIS.finditer(fold(evidence))}
    basis = _claimed_basis(question)
    if basis and bases and not {fold(n) for n in basis} & bases:
        return "Không"
    return None


_FIGURE = re.compile(r"(?<![\d/.,])(\d+(?:[.,]\d+)*)(?![\d/]|[.,]\d)")


def _comparison_verdict(question: str, evidence: str) -> str | None:
    """'Có' or 'Không' for 'A có cao hơn B không?' where the evidence gives a figure in a clause
    naming what only A names and another in a clause naming what only B names ('tỷ lệ đảng viên
    tham gia đạt trên 96%; cán bộ chủ chốt đạt 98%'); None when it does not tell."""
    match = COMPARISON_CLAIMED.match(fold(question))
    if not match:
        return None
    first, second = (set(syllables(match.group(g))) - STOPWORDS for g in ("first", "second"))
    own = (first - second, second - first)
    clauses = [c for c in re.split(r"[;,()]|\.\s", fold(evidence).lower()) if _FIGURE.search(c)]
    naming = [max(clauses, key=lambda c: len(words & set(syllables(c))), default="") for words in own]
    if not all(words & set(syllables(c)) for words, c in zip(own, naming, strict=True)) or naming[0] == naming[1]:
        return None
    first_figure, second_figure = (float(normalize_number(_FIGURE.findall(c)[-1])) for c in naming)
    if first_figure == second_figure:
        return None
    return "Có" if (first_figure > second_figure) == (match.group("way") in ("cao", "nhieu", "lon")) else "Không"


_RISE = re.compile(r"\btang(?! cuong)\b")
_FALL = re.compile(r"\b(?:giam|tinh gian)\b")


def _direction_verdict(question: str, evidence: str) -> str | None:
    """'Không' when the question claims a rise and the evidence states only a fall, or the reverse
    ('Biên chế … từ 2016 đến 2020 tăng lên phải không?' against '… đã giảm 10% biên chế')."""
    asked, stated = fold(question).lower(), fold(evidence).lower()
    claims_rise, claims_fall = bool(_RISE.search(asked)), bool(_FALL.search(asked))
    states_rise, states_fall = bool(_RISE.search(stated)), bool(_FALL.search(stated))
    if claims_rise == claims_fall or states_rise == states_fall:
        return None  # either side says both ways, or neither
    return "Không" if claims_rise != states_rise else None


_RATE = re.compile(r"(\d+(?:[.,]\d+)?)\s?%")
_MORE_WAYS = ("cao", "nhieu", "lon")
_WAY_WORDS = {"cao": "cao", "nhieu": "nhiều", "lon": "lớn", "thap": "thấp", "it": "ít", "nho": "nhỏ"}


def compared_figure(text: str, unit: str, rate: bool, terms: AbstractSet[str] = frozenset()) -> tuple[str, int] | None:
    """The figure a sentence gives for what a 'which side is ahead' question compares, with how many
    of the question's folded `terms` its clause shares: a percentage for a rate ('99,82%'), else a
    count of the unit ('14 phường'); of several, the one whose clause shares most. None when it
    gives neither."""
    folded = fold(text).lower()
    pattern = _RATE if rate else re.compile(rf"(?<![\d.,])(\d+(?:[.,]\d+)*) {re.escape(unit)}\b") if unit else None
    if pattern is None:
        return None
    best: tuple[str, int] | None = None
    for clause in re.finditer(r"[^;()]+", folded):
        for found in pattern.finditer(folded, clause.start(), clause.end()):
            shared = len(terms & set(syllables(clause.group(0))))
            figure = text[found.start() : found.end()] if len(folded) == len(text) else found.group(0)
            if best is None or shared > best[1]:
                best = (figure, shared)
    return best


def side_ahead(way: str, sides: Sequence[tuple[str, str]]) -> str | None:
    """'Long Biên cao hơn (99,82% so với 99,57%)' from each side's name and figure, or that they
    are equal; None unless two sides have a figure each."""
    if len(sides) != 2:
        return None
    (first, first_figure), (second, second_figure) = sides
    first_value, second_value = (float(normalize_number(_FIGURE.findall(f)[0])) for f in (first_figure, second_figure))
    if first_value == second_value:
        return f"{first} và {second} bằng nhau ({first_figure})"
    first_ahead = (first_value > second_value) == (way in _MORE_WAYS)
    ahead, behind = ((first, first_figure), (second, second_figure))[:: 1 if first_ahead else -1]
    return f"{ahead[0]} {_WAY_WORDS[way]} hơn ({ahead[1]} so với {behind[1]} của {behind[0]})"


_ALL_CLAIMED = re.compile(r"\b(?:tat ca|toan bo)\b.*\bdeu\b")
# '20/28 đồng chí', '64,28% bí thư': a part of the whole, not a date ('3/8/2022') nor a number ('15-NQ/TU').
_SHARE_STATED = re.compile(r"(?<![\d/.,])(\d+)/(\d+)(?![\d/])|(?<![\d.,])(\d+(?:,\d+)?)\s?%")


def _all_verdict(question: str, evidence: str) -> str | None:
    """'Không' for 'tất cả … đều …?' where the evidence gives only a part ('20/28 đồng chí …',
    '64,28% bí thư …'); None when it does not tell."""
    if not _ALL_CLAIMED.search(fold(question).lower()):
        return None
    for match in _SHARE_STATED.finditer(evidence):
        part, whole, rate = match.groups()
        if (rate and float(rate.replace(",", ".")) < 100) or (whole and 0 < int(part) < int(whole)):
            return "Không"
    return None


# 'Bồ Đề không hoàn thành chỉ tiêu …, đúng không?': the deed the claim denies ('không có', 'không phải',
# 'không còn' and 'không là' say other things, read elsewhere).
_DENIED_DEED = re.compile(r"\b(?:khong|chua|chang) (?:(?:duoc|bi|the) )?(?!(?:co|phai|con|la|nhung)\b)([a-z]+ [a-z]+)")
_DENYING = re.compile(r"\b(?:khong|chua|chang)\b")


def _denial_verdict(question: str, evidence: str) -> str | None:
    """'Không' for a claim denying a deed the evidence states done, 'Có' where it states it undone;
    None when the evidence does not say the deed."""
    claimed = _DENIED_DEED.search(re.sub(r"\b(khong|chua)\s*\??\s*$", "", fold(question).lower().strip()))
    if claimed is None:
        return None
    said = fold(evidence).lower()
    places = [m.start() for m in re.finditer(rf"\b{claimed.group(1)}\b", said)]
    if not places:
        return None
    # Denied in its own clause: '… như: chưa thực hiện được chỉ tiêu phát triển 1 chi bộ'.
    return "Có" if any(_DENYING.search(re.split(r"[,;:.]", said[:at])[-1]) for at in places) else "Không"


# '… không đạt chỉ tiêu kết nạp đảng viên, đúng không?' against '… hoàn thành vượt mức chỉ tiêu …'.
_TARGET_MISSED = re.compile(r"\b(?:khong|chua) (?:dat|hoan thanh|thuc hien duoc)(?: duoc)? (?:chi tieu|ke hoach)\b")
_TARGET_MET = re.compile(r"\b(?:hoan thanh|vuot|dat)(?: vuot)?(?: muc)? (?:chi tieu|ke hoach)\b")


def _target_verdict(question: str, evidence: str) -> str | None:
    """'Không' for a claim that a target was missed where the evidence says it was met."""
    if not _TARGET_MISSED.search(fold(question).lower()):
        return None
    said = fold(evidence).lower()
    met = [m.start() for m in _TARGET_MET.finditer(said)]
    if met and not any(_DENYING.search(re.split(r"[,;:.]", said[:at])[-1]) for at in met):
        return "Không"
    return None


def yes_or_no(question: str, evidence: str) -> str:
    """'Có' or 'Không' for a yes/no question: from the figures or posts the question claims, else
    from negation in the evidence the question lacks."""
    verdict = (
        _denial_verdict(question, evidence)
        or _target_verdict(question, evidence)
        or _issuer_verdict(question)
        or _member_verdict(question, evidence)
        or _list_verdict(question, evidence)
        or _all_verdict(question, evidence)
        or _theme_verdict(question, evidence)
        or _document_verdict(question, evidence)
        or _date_verdict(question, evidence)
        or _daypart_verdict(question, evidence)
        or _period_verdict(question, evidence)
        or _comparison_verdict(question, evidence)
        or _direction_verdict(question, evidence)
        or _figure_verdict(question, evidence)
        or _role_verdict(question, evidence)
        or _doer_verdict(question, evidence)
    )
    if verdict:
        return verdict
    asked = re.sub(r"\b(khong|chua)\s*\??\s*$", "", fold(question).strip())
    negated_evidence = bool(_NEGATION.search(_NOT_NEGATIONS.sub(" ", fold(evidence))))
    return "Không" if negated_evidence and not _NEGATION.search(_NOT_NEGATIONS.sub(" ", asked)) else "Có"
