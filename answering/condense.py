"""Rule-based rewriting of follow-up questions into standalone ones (pure functions).

"Còn Nam Từ Liêm thì sao?" after "Ai là Bí thư Quận ủy Long Biên?" becomes
"Ai là Bí thư Quận ủy Nam Từ Liêm?"; "Hội nghị đó do ai chủ trì?" is searched together with
the question that introduced the conference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from answering.listing import ordinal_asked
from answering.question import (
    CAPITALISED_RUN,
    DOCUMENT_KINDS,
    HOW_MANY,
    QuestionType,
    content_terms,
    is_document_of_kind,
    names_in,
    place_with_diacritics,
    places_in,
    question_type,
)
from answering.types import Turn
from cqdt.vietnamese import fold, has_diacritics, nfc
from ingest.entities import document_numbers

# 'Ông ấy giữ chức gì?', 'Đề án đó áp dụng cho giai đoạn nào?', 'Con số đó là của năm nào?': what
# they point at is named in the conversation (often in the assistant's answer), so it is put back.
_PERSON_REFERENCE = re.compile(r"\b(ông|bà|anh|chị|đồng chí|vị|người)\s+(?:ấy|đó|này|nói trên|vừa nêu)\b", re.I)
# Typed without accents: 'ong ay giu chuc gi?'; or as spoken in the South: 'ổng' is 'ông ấy'.
_WHO = re.compile(r"\b(?:ai|nguoi nao|dong chi nao|vi nao)\b")
_FOLDED_PERSON_REFERENCE = re.compile(r"\b(ong|ba|dong chi|nguoi)\s+(?:ay|do|nay|noi tren|vua neu)\b")
_SOUTHERN_HE = re.compile(r"\b(?:ổng|Ổng)\b")
# 'Chủ tịch UBND quận đó là ai?': the district (or ward) the conversation named last.
_PLACE_REFERENCE = re.compile(r"\b(quận|phường|huyện)\s+(?:đó|này|ấy|nói trên|vừa nêu|kia)\b", re.I)
_FOLDED_PLACE_REFERENCE = re.compile(r"\b(quan|phuong|huyen)\s+(?:do|nay|ay|noi tren|vua neu|kia)\b")
_DOCUMENT_REFERENCE = re.compile(
    r"\b(đề án|nghị quyết|nghị định|kế hoạch|quyết định|chỉ thị|thông tri|thông tư|quy định|văn bản)"
    r"\s+(?:đó|này|ấy|kia|nói trên|trên|vừa nêu)\b",
    re.I,
)
# Typed without accents, 'ke hoach do ban hanh ngay nao' points back just the same.
_FOLDED_DOCUMENT_REFERENCE = re.compile(rf"\b({DOCUMENT_KINDS})\s+(?:do|nay|ay|kia|noi tren|vua neu)\b")
# 'Còn kế hoạch của Quận ủy Long Biên thì ban hành ngày nào?': the document of that kind and issuer the
# conversation named; an issuer's code ends the numbers it issues ('131-KH/QU').
_ISSUER_CODES = {
    "quan uy": "QU",
    "thanh uy": "TU",
    "dang uy": "DU",
    "huyen uy": "HU",
    "ubnd": "UBND",
    "uy ban nhan dan": "UBND",
    "chinh phu": "CP",
    "quoc hoi": "QH",
}
_DOCUMENT_OF_ISSUER = re.compile(
    rf"\b({DOCUMENT_KINDS})\s+(?:(?:nao|gi)\s+)?(?:cua\s+)?(?:ban thuong vu\s+)?({'|'.join(_ISSUER_CODES)})\b"
)
_IT = re.compile(r"^\s*(?:nó|no)\b(?=\s+(?:được|duoc|có|co|do|là|la|ban hành|ban hanh|quy định|quy dinh)\b)", re.I)
_BARE_ISSUE = re.compile(r"^\s*(?:duoc\s+)?(?:ban hanh|ky ban hanh|ky|co hieu luc)\b")
_FIGURE_REFERENCE = re.compile(r"\b(?:con số|số liệu|tỷ lệ|tỉ lệ|số|kết quả)\s+(?:đó|này|ấy|nói trên|trên)\b", re.I)
_FOLDED_FIGURE_REFERENCE = re.compile(r"\b(?:con so|so lieu|ty le|ti le|ket qua)\s+(?:do|nay|ay|noi tren|tren)\b")
_FIGURE = re.compile(r"(?<![\d/])\d+(?:[.,]\d+)*\s*%?(?![\d/])")

# Matched on folded text so 'con nam tu liem thi sao' works too; folding keeps offsets.
# 'Ừ thế thì còn …': a filler word and 'thì' may come first.
_WHAT_ABOUT = re.compile(
    r"^\s*(?:(?:u|a|da|vang|ok)\b\s*,?\s*)?(?:(?:vay|the|va)(?: thi)?\s+)?"
    r"con\s+(?!so\b)(?P<subject>.+?)\s*(?:thi sao|the nao|ra sao|nhu the nao)?\s*\??\s*$"
    r"|^\s*(?P<subject2>.+?)\s+thi sao\s*\??\s*$"
)
# Demonstratives and pronouns that point back to something named earlier.
_REFERENCE = re.compile(r"\b(đó|ấy|này|nói trên|kể trên|vừa nêu|họ)\b", re.IGNORECASE)
_FOLDED_REFERENCE = re.compile(r"\b(ay|noi tren|ke tren|vua neu)\b")


def refers_back(text: str) -> bool:
    # 'Nội dung thứ năm là gì?' names an item of the list the conversation was about, not the list.
    ordinal_only = ordinal_asked(text) is not None and len(content_terms(text)) <= 4
    return bool(_REFERENCE.search(text) or _FOLDED_REFERENCE.search(fold(text)) or ordinal_only)


# 'X ngày nào, còn Y ngày nào?': two questions in one, answered one after the other.
_PART_BREAK = re.compile(
    r"\s*[,;]\s*(?:va\s+)?con\s+|\s*[,;]\s*va\s+(?=(?:nguoi|ong|ba|dong chi|vi) (?:do|ay)\b)"
    # '… bao nhiêu Chủ tịch …, trong khi Long Biên bổ nhiệm bao nhiêu …?': the other side's own question.
    r"|\s*[,;]\s*trong khi(?: do)?\s+(?=[^;?]*\b(?:bao nhieu|may|nao|ai|gi)\b)"
    # '…, và tổng cộng có bao nhiêu vấn đề …?': a second clause with a question of its own.
    r"|\s*[,;]\s*va\s+(?=[^,;?]*\b(?:bao nhieu|khi nao|ngay nao|ai|gi|nao|may|ra sao|the nao)\b)"
    # '… diễn ra khi nào và do ai chủ trì?': when and who, asked in turn.
    r"|\s+va\s+(?=(?:do\s+)?(?:ai|nguoi nao|khi nao|ngay nao|bao gio)\b)"
    # '… ngày nào, ai chủ trì hội nghị': the same, typed with a comma.
    r"|\s*,\s*(?=(?:do\s+)?(?:ai|nguoi nao|khi nao|ngay nao|bao gio)\b)"
    # '… bao nhiêu ý kiến … và tổng cộng bao nhiêu vấn đề …?': a second count of its own ('bao
    # nhiêu tập thể và bao nhiêu cá nhân' are counted together and found together).
    r"|(?:\s+va|\s*,(?:\s*va)?)\s+(?=(?:tong cong|tong so)\s+(?:co\s+)?bao nhieu\b)"
    # '…, và tổng số vấn đề mà MTTQ, đoàn thể, nhân dân quan tâm là bao nhiêu?': commas inside the count.
    r"|\s*,\s*va\s+(?=tong (?:so|cong) [^;?]*\bla bao nhieu\b)"
    # '… diễn ra ngày nào và có bao nhiêu ý kiến …?': a when, then a question of its own.
    r"|(?:(?<=ngay nao)|(?<=khi nao)|(?<=bao gio)|(?<=nam nao))\s+va\s+(?=[^,;?]*\b(?:bao nhieu|ai|gi|may)\b)"
    # '… bao nhiêu vấn đề, chia thành mấy nhóm?': how the counted are grouped, a count of its own.
    r"|\s*,\s*(?:va\s+)?(?=(?:duoc\s+)?(?:chia|phan|gom|xep)\s+(?:ra\s+)?(?:thanh|lam|vao)\s+(?:may|bao nhieu)\b)"
    r"|\s*\?\s+"  # two questions typed in one message: 'X ngày nào? Y bao nhiêu?'
)
# '… tổ chức ngày nào, cuối hội nghị khen thưởng bao nhiêu đơn vị?': a clause ending on what it asks,
# then a clause asking something of its own.
# ('…, trên cơ sở nào?' is too short to stand alone; 'bộ máy' is no 'mấy'; comparisons are split apart
# by what they compare.)
_CLAUSE_BREAK = re.compile(
    r"\s*,\s*(?=(?:[a-z0-9/-]+ ){4}[^,;?]*\b(?:bao nhieu|nao|ai|gi|(?<!bo )may|dau)\b)(?![^?]*\bhon\b)"
)
_WH_ENDS = re.compile(r"\b(?:bao nhieu|nao|ai|gi|(?<!bo )may|dau)\b(?: [a-z]+){0,2}\s*$")
# '… theo kế hoạch số mấy, kế hoạch đó ban hành ngày nào': a clause asking about what the first names,
# after a clause that asks ('các tập thể, cá nhân đó là bao nhiêu?' is one question).
_ABOUT_IT_BREAK = re.compile(
    r"\s*,\s*(?=[a-z]+(?: [a-z]+)? (?:do|nay|ay) [^,;?]*\b(?:bao nhieu|khi nao|ngay nao|nam nao|ai|gi)\b)"
)
# 'chậm nhất ngày nào phải thông báo … và UBND phường phải trả lời xong … trước ngày nào?': a second
# day asked after a first.
_DAY_ASKED = re.compile(r"\b(?:ngay nao|khi nao|bao gio|han nao)\b")
_SECOND_DAY_BREAK = re.compile(rf"\s*,?\s+va\s+(?=[^;?]*{_DAY_ASKED.pattern})")  # commas may list things in it
_ASKS = re.compile(r"\b(gi|nao|sao|may|bao nhieu|ai|khong|chua)\b")
_MEASURE_NAMED = re.compile(r"(?:ty le|ti le|so luong|tong so|muc)\b")
_WH_ASKS = re.compile(r"\b(gi|nao|may|bao nhieu|ai|dau)\b")  # what it asks is in the follow-up itself
_YEAR = re.compile(r"(?<![\d/.])(?:19|20)\d{2}(?![\d/.])")
# 'Ông Minh giữ chức gì?' after an answer naming 'Nguyễn Thanh Minh'; typed without accents, 'ong minh'.
_FOLDED_SHORT_NAME = re.compile(r"\b(?:ong|ba|dong chi|anh|chi)\s+([a-z]+)\b(?!\s+(?:ay|do|nay)\b)")
_SHORT_NAME = re.compile(r"\b(?i:ông|bà|đồng chí|anh|chị)\s+([A-ZĐ][a-zà-ỹđ]+(?:\s+[A-ZĐ][a-zà-ỹđ]+)?)\b(?!\s+[A-ZĐ])")


def split_parts(question: str) -> list[str]:
    """The questions a compound question asks, in order: 'Nghị quyết 15 ban hành ngày nào, còn Quyết
    định 2200 ngày nào?' -> two; a question with one part comes back alone."""
    return question_parts(question)[0]


def question_parts(question: str) -> tuple[list[str], bool]:
    """`split_parts`, and whether each part stands alone (one question asked of several named
    items) rather than leaning on the first part as a follow-up does."""
    folded = fold(question)
    if len(folded) != len(question):  # offsets would not line up
        return [question], False
    enumerated = (
        _enumerated_parts(question, folded)
        or _respective_parts(question, folded)
        or _compared_parts(question, folded)
        or list(compared_with(question) or ())
    )
    if enumerated:
        return enumerated, True
    breaks = [m.span() for m in _PART_BREAK.finditer(folded)]
    # Breaks that hold only after a first question has been asked.
    for pattern, asked_before in (
        (_ABOUT_IT_BREAK, _WH_ASKS),
        (_SECOND_DAY_BREAK, _DAY_ASKED),
        (_CLAUSE_BREAK, _WH_ENDS),
    ):
        starts = {start for start, _ in breaks}
        breaks += [
            m.span()
            for m in pattern.finditer(folded)
            if m.start() not in starts and asked_before.search(folded[: m.start()])
        ]
    bounds = [0] + [x for span in sorted(breaks) for x in span] + [len(question)]
    spans = list(zip(bounds[::2], bounds[1::2], strict=True))
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        if merged and not _asking(question[merged[-1][0] : merged[-1][1]], strictly=True):
            # 'Ở hội nghị sơ kết một năm, ai lên báo cáo …': what sets the scene belongs to the question after it.
            start = merged.pop()[0]
        merged.append((start, end))
    parts = [question[a:b].strip(" ,;?") for a, b in merged]
    if len(parts) < 2 or not all(_asking(p) for p in parts) or not all(parts):
        return [question], False
    return [
        f"{_shared_stem(parts[i - 1], _grouped_subject(parts[i - 1], p)) if i else p}?" for i, p in enumerate(parts)
    ], False


_GROUPING = re.compile(r"^(?:duoc\s+)?(?:chia|phan|gom|xep)\b")
_COUNTED = re.compile(r"\bbao nhieu ([a-z]+ [a-z]+)\b")


def _grouped_subject(earlier: str, part: str) -> str:
    """'chia thành mấy nhóm' after '… bao nhiêu vấn đề' groups the vấn đề: 'vấn đề chia thành mấy nhóm'."""
    counted = _COUNTED.search(fold(earlier)) if _GROUPING.match(fold(part)) else None
    return f"{earlier[counted.start(1) : counted.end(1)]} {part}" if counted else part


def _shared_stem(earlier: str, part: str) -> str:
    """'bao nhiêu đơn vị tại hội nghị …' after 'Long Biên khen thưởng bao nhiêu tập thể …' counts
    what the same subject did: 'Long Biên khen thưởng bao nhiêu đơn vị tại hội nghị …'."""
    count = HOW_MANY.search(fold(earlier))
    if not HOW_MANY.match(fold(part)) or count is None or count.start() == 0:
        return part
    return f"{earlier[: count.start()]}{part}"


# 'Khi không còn HĐND phường, ai …': a 'không' inside a clause asks nothing; one closing it does.
_ASKS_IN_PART = re.compile(
    r"\b(gi|nao|sao|may|bao nhieu|ai)\b|\b(?:khong|chua)\W*$|^\W*(?:co (?:dung|phai)|phai chang)\b"
)


def _asking(part: str, *, strictly: bool = False) -> bool:
    """Whether `part` asks something; `strictly`, a 'không' inside it ('Khi không còn HĐND phường')
    does not count."""
    asks = _ASKS_IN_PART if strictly else _ASKS
    return bool(asks.search(fold(part).lower())) or question_type(part) is not QuestionType.GENERAL


# 'A và B lần lượt là ai?', 'A với B là những ai?', 'A và B (diễn ra) vào những ngày nào?', 'A và B: mỗi …':
# one question asked of two items. The tail that asks starts where the second item ends.
_RESPECTIVELY = re.compile(
    # 'hạn trả lời các ý kiến, kiến nghị …' is one item; '…, đồng chí X lần lượt …' names who acts after it.
    r"\s+(?:va|voi)\s+(?P<second>(?:(?!\.\s)(?:[^,;?:]|,(?!\s*(?:dong chi|ong|ba|nguoi)\b)))+?)"
    r"(?:\s+lan luot\s+"
    r"|\s*(?=:\s*(?:moi|tung|ca hai)\b)"
    r"|\s+(?=la (?:nhung |hai |ca hai )?(?:ai|nguoi nao|ngay nao|bao nhieu|gi)\b)"
    r"|\s+(?=(?:dien ra\s+|to chuc\s+)?vao\s+(?:nhung\s+)?(?:ngay|hom) nao\b)"
    r"|\s+(?=dien ra\s+(?:vao\s+)?(?:nhung\s+)?(?:ngay nao|khi nao|hom nao|bao gio)\b))"
)


_WHO_FIRST = re.compile(
    r"^\W*(?:nhung ai|ai|nhung nguoi nao|hai nguoi nao|nhung dong chi nao)\s+lan luot\s+la\s+"
    r"(?P<items>.+\sva\s.+?)\s*\??\s*$"
)
_PLURAL_WHO = re.compile(r"la ((?:nhung|hai|ca hai) (?:ai|nguoi nao|nguoi|vi nao)|nhung ai)\b")


def _respective_parts(question: str, folded: str) -> list[str]:
    """'Trưởng ban Dân vận Thành ủy và Trưởng ban Dân vận Quận ủy lần lượt là ai?' -> one question per
    item. The first item is the words before 'và' from where they start like the second item does;
    items that ask something themselves ('bao nhiêu tập thể và bao nhiêu cá nhân') stay together."""
    who_first = _WHO_FIRST.match(folded)
    if who_first:  # 'Những ai lần lượt là A và B?' asks as 'A và B lần lượt là ai?' does
        said = " lần lượt là ai?" if has_diacritics(question) else " lan luot la ai?"
        question = question[who_first.start("items") : who_first.end("items")] + said
        folded = fold(question)
    match = _RESPECTIVELY.search(folded)
    if not match:
        return []
    second = question[match.start("second") : match.end("second")]
    lead = re.escape(fold(second).split()[0])
    starts = [m.start(1) for m in re.finditer(rf"(?:^|\s)({lead})\s", folded[: match.start()])]
    if not starts:
        return []
    first_at = starts[-1]
    first = question[first_at : match.start()]
    if any(_ASKS.search(fold(item)) for item in (first, second)):
        return []
    if len(second.split()) > 3 * len(first.split()):
        return []  # 'Văn phòng Đảng ủy và Văn phòng UBND phải thông báo … vào ngày nào': one joint subject
    head, tail = question[:first_at], question[match.end() :]
    plural = _PLURAL_WHO.match(fold(tail))
    if plural:  # each part asks about one person: 'là hai người nào' -> 'là ai'
        tail = f"{tail[: plural.start(1)]}ai{tail[plural.end(1) :]}"
    return [re.sub(r"\s+:", ":", f"{head}{item} {tail}").strip() for item in (first, second)]


# 'Quận nào có nhiều phường hơn: Long Biên hay Nam Từ Liêm?': the figure of each, asked in turn.
_COMPARED = re.compile(
    r"^\W*(?P<kind>[a-z]+(?: [a-z]+)?) nao (?P<verb>(?:[a-z]+ ){0,3}?)(?:nhieu|it) (?P<what>[^:?,]+?) hon"
    r"\s*[:,]?\s*(?P<first>[^,?:]+?)\s+hay(?: la)?\s+(?P<second>[^,?:]+?)\s*\??\s*$"
)


# 'Giữa quận Long Biên và quận Nam Từ Liêm, quận nào có nhiều phường hơn theo các bài viết?'
_COMPARED_BETWEEN = re.compile(
    r"^\W*(?:giua|trong|so sanh)\s+(?P<first>[^,?:]+?)\s+va\s+(?P<second>[^,?:]+?)\s*[,:]\s*"
    r"(?P<kind>[a-z]+(?: [a-z]+)?) nao (?P<verb>(?:[a-z]+ ){0,3}?)(?:nhieu|it) (?P<what>[^:?,]+?) hon"
    r"(?:\s*,?\s*(?:theo|trong) [^?]*)?\s*\??\s*$"
)


# 'Nam Từ Liêm có bao nhiêu phần trăm …, cao hơn Long Biên không?', 'Năm 2021 … bao nhiêu …, so với năm
# 2022 tăng hay giảm?': a figure asked, then compared with the same figure of another place or year.
_COMPARED_TAIL = re.compile(
    r",\s*(?:(?:nhu vay|vay|the|con)\s+)?(?:"
    r"so voi\s+(?P<against>[^,?]+?)\s+(?:thi\s+)?(?:tang hay giam|cao hon hay thap hon|nhieu hon hay it hon)"
    r"|(?:cao|thap|nhieu|it|lon|nho) hon\s+(?P<than>[^,?]+?)\s+(?:khong|chu|hay khong|phai khong)"
    r")\s*\??\s*$"
)


def compared_with(question: str) -> tuple[str, str] | None:
    """('Nam Từ Liêm có bao nhiêu …?', 'Long Biên có bao nhiêu …?') for '… Nam Từ Liêm có bao nhiêu …,
    cao hơn Long Biên không?': the figure asked and the one it is compared with, each to be found."""
    folded = fold(question)
    match = _COMPARED_TAIL.search(folded) if len(folded) == len(question) else None
    if not match or not HOW_MANY.search(folded, 0, match.start()):
        return None
    asked = question[: match.start()].rstrip(" ,") + "?"
    group = "against" if match.group("against") else "than"
    other = question[match.start(group) : match.end(group)]
    years, other_years = _YEAR.findall(asked), _YEAR.findall(other)
    if len(years) == 1 and len(other_years) == 1:
        return asked, asked.replace(years[0], other_years[0])
    swapped = _swap_place(asked, other)
    return (asked, swapped) if swapped else None


def _compared_parts(question: str, folded: str) -> list[str]:
    """'Quận nào có nhiều phường hơn: A hay B?' -> 'Quận A có bao nhiêu phường?', 'Quận B …': the
    figures the comparison needs, each cited (or said to be missing)."""
    match = _COMPARED.match(folded) or _COMPARED_BETWEEN.match(folded)
    if not match:
        return []
    kind, verb, what = (question[match.start(g) : match.end(g)] for g in ("kind", "verb", "what"))
    accented = has_diacritics(question)  # an accentless question stays accentless
    how_many = "bao nhiêu" if accented else "bao nhieu"
    verb = verb.strip() or ("có" if accented else "co")
    items = [question[match.start(g) : match.end(g)] for g in ("first", "second")]
    # 'quận Long Biên' already says what it is: no 'Quận quận Long Biên'
    kind_said = all(fold(item).lower().startswith(f"{fold(kind).lower()} ") for item in items)
    subjects = items if kind_said else [f"{kind} {item}" for item in items]
    return [f"{subject[0].upper()}{subject[1:]} {verb} {how_many} {what}?" for subject in subjects]


# 'Có hai hội nghị sơ kết: một về …, một về … . Mỗi hội nghị diễn ra ngày nào?' (or ': A và B.')
_ENUMERATED = re.compile(
    r"\b(?:hai|2) (?P<noun>[a-z ]+?)\s*:\s*(?:mot\s+)?(?P<first>[^,;.?]+?)"
    r"(?:\s*[,;]\s*(?:va\s+)?(?:mot|con lai|con mot)|,?\s+va(?:\s+mot)?)\s+"
    r"(?P<second>[^,;.?]+?)\s*[.;?]\s*(?P<ask>\S.*)$"
)


def _enumerated_parts(question: str, folded: str) -> list[str]:
    """One question per item a question lists before asking about each: '… có hai cuộc sơ kết: một
    về A, một về B. Hai cuộc đó diễn ra ngày nào?' -> '… có cuộc sơ kết về A, … diễn ra ngày nào?', …"""
    match = _ENUMERATED.search(folded)
    if not match or not _ASKS.search(match.group("ask")):
        return []
    head = question[: match.start()]
    noun, ask = question[match.start("noun") : match.end("noun")], question[match.start("ask") :]
    respectively = re.search(r"\blan luot\s+", fold(ask))
    if respectively:  # each part asks about one item
        ask = ask[: respectively.start()] + ask[respectively.end() :]
    items = (question[match.start(g) : match.end(g)] for g in ("first", "second"))
    return [f"{head}{noun} {item}, {ask}" for item in items]


def _recent(history: Sequence[Turn], find: Callable[[str], list[str]]) -> list[str]:
    """What `find` finds in the latest turn where it finds anything."""
    for turn in reversed(history):
        found = find(nfc(turn.content))
        if found:
            return found
    return []


def _titled(word: str) -> str:
    """'Người đó' -> 'Đồng chí X': a name after 'người' or 'vị' would read as part of the name."""
    if fold(word).lower() not in ("nguoi", "vi"):
        return word
    title = "đồng chí" if has_diacritics(word) else "dong chi"
    return title.capitalize() if word[:1].isupper() else title


_THE_OTHER = re.compile(r"\b(?:nguoi|ong|ba|dong chi|vi) con lai\b")


def _the_other_person(question: str, history: Sequence[Turn]) -> str:
    """'Còn người còn lại thì giữ chức vụ gì?': of the two people a turn named, the one no later turn names."""
    folded = fold(question).lower()
    match = _THE_OTHER.search(folded)
    if not match or len(folded) != len(question):
        return question
    for at in range(len(history) - 1, -1, -1):
        named = [n for n in dict.fromkeys(CAPITALISED_RUN.findall(nfc(history[at].content))) if names_in(n)]
        if len(named) >= 2:
            later = " ".join(nfc(turn.content) for turn in history[at + 1 :])
            others = [n for n in named if n not in later]
            if len(others) != 1:
                return question
            title = "đồng chí" if has_diacritics(question) else "dong chi"
            name = others[0] if has_diacritics(question) else fold(others[0])
            return f"{question[: match.start()]}{title} {name}{question[match.end() :]}"
    return question


def resolve_references(question: str, history: Sequence[Turn]) -> str:
    """Put back what 'ông ấy', 'đề án đó' and 'con số đó' point at, when the conversation says it
    unambiguously; otherwise the question is left as it is."""
    names = _recent(history, lambda text: list(dict.fromkeys(CAPITALISED_RUN.findall(text))))
    names = [n for n in names if names_in(n)]
    reference = _FOLDED_PERSON_REFERENCE.search(fold(question).lower())
    if len(names) > 1 and reference and reference.group(1) in ("ba", "ong"):
        # 'Bà ấy giữ chức gì?' after two names: the woman's ('Nguyễn Thị Thanh Hằng'), the man's for 'ông'.
        female = [n for n in names if " thi " in f" {fold(n).lower()} "]
        gendered = female if reference.group(1) == "ba" else [n for n in names if n not in female]
        names = gendered if len(gendered) == 1 else names
    question = _the_other_person(question, history)
    # 'Ai báo cáo kết quả, đồng chí đó giữ chức vụ gì?': the person the question itself asks about.
    asked_first = reference and _WHO.search(fold(question).lower(), 0, reference.start())
    if len(names) == 1 and not asked_first:
        question = _PERSON_REFERENCE.sub(lambda m: f"{_titled(m.group(1))} {names[0]}", question, count=1)
        question = _SOUTHERN_HE.sub(f"ông {names[0]}", question, count=1)
        folded = fold(question)
        match = None if has_diacritics(question) else _FOLDED_PERSON_REFERENCE.search(folded)
        if match and len(folded) == len(question):  # folding keeps offsets: the folded match marks the span
            title = _titled(question[match.start(1) : match.end(1)])
            question = f"{question[: match.start(1)]}{title} {fold(names[0])}{question[match.end() :]}"

    def document(match: re.Match[str]) -> str:
        kind = match.group(1)
        numbers = _recent(history, lambda text: [n for n in document_numbers(text) if is_document_of_kind(n, kind)])
        return f"{match.group(1)} {numbers[0]}" if numbers else match.group()

    if has_diacritics(question) or len(fold(question)) != len(question):
        question = _DOCUMENT_REFERENCE.sub(document, question, count=1)
    else:  # folding keeps offsets, so the folded match marks the span to replace
        match = _FOLDED_DOCUMENT_REFERENCE.search(fold(question))
        if match:
            question = question[: match.start()] + document(match) + question[match.end() :]
    question = _with_issuers_document(question, history)
    # 'Nó được ban hành ngày nào?' right after a question naming one document is about that document.
    asked = [turn for turn in history if turn.role == "user"][-1:]
    documents = _recent(asked, document_numbers)
    if len(documents) == 1:
        question = _IT.sub(documents[0], question, count=1)
        if _BARE_ISSUE.match(fold(question)):  # 'ban hành ngày nào vậy?': of the document just asked about
            question = f"{documents[0]} {question.lstrip()}"
    answers = [turn for turn in history if turn.role == "assistant"][-1:]
    figures = _recent(answers, lambda text: [f.strip() for f in _figures(text) if not _is_year(f)])
    # Typed without accents, 'con so do' is matched folded (folding keeps offsets).
    reference = _FIGURE_REFERENCE.search(question) or (
        None if has_diacritics(question) else _FOLDED_FIGURE_REFERENCE.search(fold(question))
    )
    if figures and reference:
        question = f"{question[: reference.end()]} ({figures[0]}){question[reference.end() :]}"
    return question


def _issued_by(number: str, issuer: str) -> bool:
    """'131-KH/QU' is issued by a Quận ủy: the issuer's code is the number's last part."""
    code = re.split(r"[/-]", fold(number).upper().replace(" ", ""))[-1]
    return re.sub(r"\d", "", code) == fold(_ISSUER_CODES[issuer]).upper()  # 'QH14': the Quốc hội (khóa XIV)


def _with_issuers_document(question: str, history: Sequence[Turn]) -> str:
    """'kế hoạch của Quận ủy Long Biên' -> 'kế hoạch 131-KH/QU của Quận ủy Long Biên' when the latest
    turn naming a document of that kind from that issuer names just one."""
    return with_issuers_document(
        question, lambda matches: _recent(history, lambda text: [n for n in document_numbers(text) if matches(n)])
    )


def with_issuers_document(
    question: str,
    numbers_of: Callable[[Callable[[str], bool]], Sequence[str]],
    issuers: Collection[str] = _ISSUER_CODES.keys(),
    *,
    which_only: bool = False,
) -> str:
    """The question with the number of the document it names by kind and issuer ('văn bản của Quốc
    hội' -> 'văn bản 97/2019/QH14 của Quốc hội') when `numbers_of` (given what fits) finds just one;
    with `which_only`, only where it asks which document that is ('văn bản nào của Quốc hội')."""
    folded = fold(question).lower()
    match = _DOCUMENT_OF_ISSUER.search(folded) if len(folded) == len(question) else None
    if match is None or document_numbers(question) or match.group(2) not in issuers:
        return question
    if which_only and not re.search(r"\b(?:nao|gi)\b", match.group(0)):
        return question
    kind, issuer = match.groups()
    numbers = numbers_of(lambda n: is_document_of_kind(n, kind) and _issued_by(n, issuer))
    if len(set(numbers)) != 1:
        return question
    # Typed without accents, the number is too ('131-KH/QU', 'NĐ-CP' -> 'ND-CP'), still in capitals.
    number = numbers[0] if has_diacritics(question) else fold(numbers[0]).upper()
    return f"{question[: match.end(1)]} {number}{question[match.end(1) :]}"


def _resolve_place(question: str, history: Sequence[Turn]) -> str:
    accented = has_diacritics(question)
    folded = fold(question)
    match = (_PLACE_REFERENCE if accented else _FOLDED_PLACE_REFERENCE).search(question if accented else folded)
    if match is None or len(folded) != len(question):
        return question
    ward = fold(match.group(1)).lower() == "phuong"

    def named(text: str) -> list[str]:
        """The places of that kind as `text` writes them (folding keeps offsets)."""
        folded_text = fold(text)
        found = [p.removeprefix("phuong ") for p in places_in(text) if p.startswith("phuong ") == ward]
        spans = [folded_text.find(p) for p in found]
        return [text[at : at + len(p)] if accented and at >= 0 else p for at, p in zip(spans, found, strict=True)]

    places = list(dict.fromkeys(_recent(history, named)))
    if len(places) != 1:
        return question
    return f"{question[: match.end(1)]} {places[0]}{question[match.end() :]}"


def figure_anchor(question: str, resolved: str) -> tuple[str, ...]:
    """The figure 'con số đó' was resolved to, which the evidence must then state."""
    match = re.search(r"\(([^()]*)\)", resolved[len(question) - len(question.lstrip()) :])
    added = match.group(1) if match and match.group(1) not in question else ""
    return (added,) if added and _FIGURE.fullmatch(added) else ()


def _figures(text: str) -> list[str]:
    """Figures in `text`, dates left out ('ngày 12/5/2022' is not a figure)."""
    # Nor is a span of time: 'sơ kết 2 năm' counts no thing the question can point at.
    text = re.sub(r"\b\d{1,3}\s+(?:năm|tháng|quý|tuần|ngày)\b", " ", text, flags=re.I)
    return _FIGURE.findall(re.sub(r"\d{1,2}/\d{1,2}(?:/\d{2,4})?", " ", text))


def _is_year(figure: str) -> bool:
    return bool(re.fullmatch(r"(?:19|20)\d{2}", figure))


def complete_names(question: str, history: Sequence[Turn]) -> str:
    """'Ông Minh' -> 'Ông Nguyễn Thanh Minh' when the conversation named him in full."""
    earlier = [m.group() for turn in reversed(history) for m in CAPITALISED_RUN.finditer(nfc(turn.content))]

    def full(match: re.Match[str]) -> str:
        short = match.group(1)
        name = next((n for n in earlier if n.endswith(f" {short}") and names_in(n)), None)
        return match.group() if name is None else match.group().replace(short, name)

    if has_diacritics(question) or len(fold(question)) != len(question):
        return _SHORT_NAME.sub(full, question)
    # Typed without accents and in lower case: 'ong minh giu chuc gi' (folding keeps offsets).
    for match in reversed(list(_FOLDED_SHORT_NAME.finditer(fold(question)))):
        short = match.group(1)
        names = {fold(n) for n in earlier if fold(n).endswith(f" {short}") and names_in(n)}
        if len(names) == 1:
            question = f"{question[: match.start(1)]}{names.pop()}{question[match.end(1) :]}"
    return question


def _own_question(subject: str) -> str:
    """'bên Nam Từ Liêm thì bí thư quận ủy là ai' -> 'bên Nam Từ Liêm bí thư quận ủy là ai?': a
    'còn X thì …' follow-up that asks its own question about a place needs only that place."""
    folded = fold(subject)
    at = folded.find(" thi ")
    if at < 0 or len(folded) != len(subject) or not places_in(subject[:at]):
        return ""
    rest = subject[at + len(" thi ") :]
    if not _ASKS.search(fold(rest)) or refers_back(rest):
        return ""  # 'còn Nam Từ Liêm thì tỷ lệ này …' leans on the earlier question
    if len(content_terms(rest)) < 2:
        return ""  # 'còn Nam Từ Liêm thì bao nhiêu %?' asks the earlier question of another place
    return f"{subject[:at]} {rest}".strip(" ?") + "?"


_DOCUMENT_NAMED = re.compile(rf"\b({DOCUMENT_KINDS})\s+(?:so\s+)?(\d+)")


def _new_documents(subject: str, previous: str) -> bool:
    """Whether `subject` names a document ('Chỉ thị 15') the earlier question did not ('Nghị quyết 15')."""
    earlier = {m.groups() for m in _DOCUMENT_NAMED.finditer(fold(previous).lower())}
    return any(m.groups() not in earlier for m in _DOCUMENT_NAMED.finditer(fold(subject).lower()))


def _last_user_question(history: Sequence[Turn]) -> str:
    """The previous question, itself made standalone: in 'Sau hội nghị thì Văn phòng được giao
    làm gì?' then 'Còn Mặt trận thì sao?', both lean on the first question's phường."""
    for at in range(len(history) - 1, -1, -1):
        turn = history[at]
        if turn.role == "user" and turn.content.strip():
            earlier = history[max(0, at - 4) : at]  # two exchanges back are enough
            return condense(turn.content.strip(), earlier).search
    return ""


def _swap_place(previous: str, new_subject: str) -> str | None:
    """Put the new place where the previous question had one, keeping its words ('quận', 'phường')."""
    old_places = places_in(previous)
    new_places = places_in(new_subject)
    if not old_places or not new_places:
        return None
    folded_previous = fold(previous)
    at = folded_previous.find(old_places[0])
    if at < 0:
        return None
    # Folding keeps length for NFC Vietnamese, so offsets carry over to the original text.
    new_folded = fold(new_subject)
    name_at = new_folded.find(new_places[0])
    replacement = new_subject[name_at : name_at + len(new_places[0])]
    if has_diacritics(previous) and not has_diacritics(replacement):  # keep one comparison mode
        replacement = place_with_diacritics(new_places[0]) or replacement
    return previous[:at] + replacement + previous[at + len(old_places[0]) :]


@dataclass(frozen=True)
class Condensed:
    search: str  # what to retrieve with
    question: str  # what is asked, standalone where possible
    context: str = ""  # the earlier question a follow-up leans on
    # A year carried over from the earlier question ('giai đoạn 2015-2020') need not hold for the new subject.
    carried_years: bool = False
    # A later part of a compound question: the year its first part sets holds for it too.
    shares_years: bool = False
    anchors: tuple[str, ...] = ()  # figures from the previous answer the question points at ('con số đó')


# 'Em mới nhận công tác ở phường, nghe nói … . Vậy ở Long Biên, …?': the asker's own situation told
# before the question; it is searched with, but the answer need not hold its words.
_PREAMBLE = re.compile(
    r"^\s*(?P<preamble>(?:em|toi|minh|chau|to|chung toi|chung em|xin chao|chao)\b[^?]*?[.!])"
    r"\s+(?P<asked>\S[^.!]*\S)\s*$"
)


def split_preamble(question: str) -> tuple[str, str]:
    """('Em mới nhận công tác ở phường.', 'Vậy ở Long Biên … những lực lượng nào?') for a question
    told after the asker's own situation; ('', question) otherwise."""
    folded = fold(question)
    match = _PREAMBLE.match(folded) if len(folded) == len(question) else None
    if not match or not (_ASKS.search(match.group("asked")) or "?" in match.group("asked")):
        return "", question
    if refers_back(question[match.start("asked") :]):
        return "", question  # 'Tôi đọc thấy … giảm được 406 người. Con số này đúng không?' asks about it
    return question[: match.end("preamble")].strip(), question[match.start("asked") :].strip()


# A sentence ends at '.' or '!' after a word or a number, not after a short abbreviation ('TP. Hà
# Nội', 'p. bo de', 'q. nam tu liem' go on); 'Bồ Đề.' ends one.
_SENTENCE_END = re.compile(r"(?:(?<=\w\w\w[.!])|(?<=\w[a-zà-ỹđ][.!])|(?<=\d[.!]))\s+(?=\S)")
# 'Em mới về phường, cho em hỏi …': where a courteous question begins after what the asker tells.
_ASKING_BEGINS = re.compile(r"[,:;]\s*(?:(?:cho|xin cho) (?:em|toi|minh|chau|hoi) hoi|xin hoi|cho hoi|hoi)\b[,:]?\s*")


# 'Cái bài báo đầu năm 2022 khen Long Biên …, có nói là quận có 46% …, đúng không?': the claim
# an article is said to make, told after the article.
_REPORTED = re.compile(r",\s*(?:co )?(?:noi|viet|neu|dua tin|cho biet)\s+(?:la|rang)\s+")
_ARTICLE_NAMED = re.compile(r"\b(?:bai bao|bai viet|tin bai|bai dang)\b")


def told_then_asked(question: str) -> tuple[str, str]:
    """('Thu hồi đất vốn dễ gây căng thẳng.', 'Năm 2021 Long Biên có phải cưỡng chế không?') for a
    question that tells its context in sentences before one that asks on its own (or points back at
    the asker's own situation: 'Em được cử dự hội nghị … . Hội nghị đó …?'); ('', question) otherwise."""
    sentences = _SENTENCE_END.split(question.strip())
    told, asked = " ".join(sentences[:-1]), sentences[-1]
    folded = fold(asked)
    same_length = len(folded) == len(asked)  # offsets carry over from the folded text
    courteous = _ASKING_BEGINS.search(folded) if same_length else None
    reported = _REPORTED.search(folded) if same_length else None
    if courteous:
        told, asked = f"{told} {asked[: courteous.start()]}.".strip(), asked[courteous.end() :]
    elif reported and _ARTICLE_NAMED.search(folded[: reported.start()]):
        told, asked = f"{told} {asked[: reported.start()]}.".strip(), asked[reported.end() :]
    if not told or "?" in told or not ("?" in asked or _ASKS.search(fold(asked).lower())):
        return "", question
    if refers_back(asked) and not told_of_oneself(told):
        return "", question  # '… trong giai đoạn này?' is read with what it told, as a whole
    return told, asked


# '… có những đồng chí nào xuống dự ấy nhỉ, tôi nhớ mang máng có một đồng chí bên Dân vận …?': the
# question ends at its particle; what follows is what the asker recalls.
_ASKED_THEN_TOLD = re.compile(r"^(?P<asked>.+?\b(?:nhi|nhe|ha|a)),\s+(?P<told>[^?]+?)\s*\??\s*$")


def asked_then_told(question: str) -> tuple[str, str]:
    """('tôi nhớ mang máng …', '… có những đồng chí nào xuống dự … nhỉ') for a question followed by
    what the asker tells of himself; ('', question) otherwise."""
    folded = fold(question)
    match = _ASKED_THEN_TOLD.match(folded) if len(folded) == len(question) else None
    if not match or not _ASKS.search(match.group("asked")) or not told_of_oneself(match.group("told")):
        return "", question
    return question[match.start("told") :].strip(" ?"), question[: match.end("asked")] + "?"


_FIRST_PERSON = re.compile(r"\b(?:em|toi|minh|chau|chung toi|chung em)\b")


def told_of_oneself(told: str) -> bool:
    """'Em mới về phường.', 'Phường tôi đang chuẩn bị đối thoại với dân.': the asker's own situation."""
    return bool(_FIRST_PERSON.search(fold(told).lower()))


# 'Long Biên đã tiếp nhận 151 công chức … . Vậy ở Nam Từ Liêm, số công chức … là bao nhiêu?': the
# question turns from what it told first to another subject, as a follow-up turns from an earlier turn.
_TURNED = re.compile(r"^(?P<told>.*?\S[.!])\s+(?P<asked>(?:vay|con(?! so\b)|the con|vay con)\b[^.!]*\S)\s*$")
# 'Long Biên tiếp nhận 151 công chức, còn Nam Từ Liêm tiếp nhận bao nhiêu?': the same turn after a comma,
# when what comes first tells rather than asks.
_CLAIM_OPENING = re.compile(r"\s*(?:co (?:dung|phai)|dung|phai chang|co that)\b")
_TURNED_AT_COMMA = re.compile(r"^(?P<told>[^,]*?\S),\s+(?P<asked>(?:con(?! so\b)|the con|vay con)\b[^.!,]*\S)\s*$")


# 'năm trước thì sao?', 'năm sau': a year counted from the one the earlier question names.
_RELATIVE_YEAR = re.compile(
    r"\b(?:nam|năm) (?:(?P<before>truoc|trước|ngoai|ngoái|lien truoc|liền trước)|(?P<after>sau|tiep theo|tiếp theo))\b",
    re.IGNORECASE,
)

_COUNTED_BEFORE = re.compile(r"\b(?:\d+|mot|hai|ba|vai|may) $")


def _relative_year(question: str, previous: str) -> str:
    """'Năm trước thì sao?' after a question on 2022 -> 'Năm 2021 thì sao?'."""
    years = set(_YEAR.findall(previous))
    match = _RELATIVE_YEAR.search(question)
    if match is None or len(years) != 1 or _COUNTED_BEFORE.search(fold(question[: match.start()])):
        return question  # '2 năm sau' is a span of time
    year = int(years.pop()) + (-1 if match.group("before") else 1)
    return f"{question[: match.start()]}{match.group(0).split()[0]} {year}{question[match.end() :]}"


# 'à không, ý tôi là Long Biên', 'nhầm, năm 2022 cơ', 'ý em là phó chủ tịch chứ không phải chủ tịch':
# the asker corrects the earlier question rather than asking a new one. Matched folded.
_REPAIR = re.compile(
    r"^\s*(?:(?:a|u|o|oi)\s*,?\s+)?"
    r"(?P<denied>(?:khong|khong phai|nham|nham roi|xin loi)\s*[,.!]\s*)?"
    r"(?:noi ro hon (?:duoc khong|di)\s*[,.?]?\s*)?"
    r"(?P<meant>(?:y|y cua) (?:em|toi|minh|anh|chi|chau|to) (?:la|hoi)\s+|(?:em|toi|minh|to) (?:hoi|muon hoi)\s+)?"
    r"(?P<new>\S.*?)"
    r"(?:\s*,?\s+chu (?:khong phai|ko phai|k phai|dau phai)(?: la)?\s+(?P<old>[^,?.!]+?))?"
    r"(?:\s+(?:co|ay|ma|nhe|a))?\s*[?.!]*\s*$"
)


def _repaired(question: str, previous: str) -> tuple[str, str] | None:
    """The earlier question as the asker now means it, and the words narrowing it ('' when it is
    rewritten rather than narrowed); None when `question` corrects nothing."""
    folded = fold(question)
    match = _REPAIR.match(folded)
    if (
        not match
        or len(folded) != len(question)
        or not (match.group("denied") or match.group("meant") or match.group("old"))
    ):
        return None
    new = question[match.start("new") : match.end("new")].strip(" ,")
    if _WH_ASKS.search(fold(new)) and len(content_terms(new)) >= 3:
        return f"{new.rstrip(' ?')}?", ""  # 'ý tôi là Phó Chủ tịch UBND quận Long Biên là ai cơ' asks anew
    if match.group("old"):
        old = fold(question[match.start("old") : match.end("old")]).strip()
        at = fold(previous).find(old)
        if at >= 0:  # folding keeps offsets for NFC text
            return previous[:at] + new + previous[at + len(old) :], ""
    swapped = _swap_place(previous, new)
    if swapped:
        return swapped, ""
    new_years, old_years = _YEAR.findall(new), set(_YEAR.findall(previous))
    if len(new_years) == 1 and len(old_years) == 1:
        return previous.replace(old_years.pop(), new_years[0]), ""
    new_numbers, old_numbers = document_numbers(new), document_numbers(previous)
    if len(new_numbers) == 1 and len(old_numbers) == 1 and old_numbers[0] in previous:
        return previous.replace(old_numbers[0], new_numbers[0]), ""
    # 'ý tôi là hạn để các bộ phận trả lời xong …': what the earlier question asked, narrowed.
    return f"{split_parts(previous)[-1].rstrip(' ?')} — {new}?", f"{new}?"


def condense(question: str, history: Sequence[Turn]) -> Condensed:
    """A standalone version of `question`, using the conversation so far."""
    previous = _last_user_question(history)
    if not previous:
        own, asked = split_preamble(question)
        if own:  # the asker's own situation: searched with, but no earlier turn
            return Condensed(question, asked)
        folded = fold(question)
        turned = _TURNED.match(folded) if len(folded) == len(question) else None
        at_comma = _TURNED_AT_COMMA.match(folded) if len(folded) == len(question) else None
        if (
            at_comma
            and not turned
            and not _WH_ASKS.search(at_comma.group("told"))
            and not _CLAIM_OPENING.match(at_comma.group("told"))
            and (_WH_ASKS.search(at_comma.group("asked")) or " thi sao" in at_comma.group("asked"))
        ):
            turned = at_comma
        if turned and not refers_back(question[turned.start("asked") :]):
            told, asked = (question[turned.start(g) : turned.end(g)] for g in ("told", "asked"))
            return condense(asked, [Turn("user", told)])
        return Condensed(question, question)
    repair = _repaired(question, previous)
    if repair:  # the earlier question (made standalone), corrected
        repaired, narrowed = repair
        search = f"{previous.rstrip(' ?')}? {narrowed}" if narrowed else repaired
        return Condensed(search, repaired)
    asked = question
    question = resolve_references(complete_names(question, history), history)
    question = _relative_year(question, previous)
    anchors = figure_anchor(asked, question)
    match = _WHAT_ABOUT.match(fold(question))
    if match:
        group = "subject" if match.group("subject") else "subject2"
        subject = question[match.start(group) : match.end(group)].strip(" ,")
        subject = re.sub(r"^cái\s+", "", subject, flags=re.I)  # 'còn cái chỉ thị kia …': a classifier
        own = _own_question(subject)
        if own:  # 'còn bên Nam Từ Liêm thì bí thư quận ủy là ai?' asks a question of its own
            return Condensed(own, own)
        places = places_in(subject)
        beyond_place = [
            t
            for t in content_terms(subject)
            if t not in {"quan", "phuong", "huyen", "ben", "phia"} and not any(t in p.split() for p in places)
        ]
        counts_own = re.search(r"\b(?:bao nhieu|may)\s+[a-z]", fold(subject))  # 'Long Biên có bao nhiêu phường?'
        if (
            places
            and (len(beyond_place) >= 2 or counts_own)
            and _WH_ASKS.search(fold(subject))
            and " thi " not in f" {fold(subject)} "
            and not refers_back(subject)
        ):
            # 'Còn Long Biên năm 2022 chỉ số CCHC xếp thứ mấy?': so does one that names its place.
            own = f"{subject}?"
            return Condensed(own, own)
        swapped = _swap_place(previous, subject)
        if swapped:
            # 'Còn năm 2021 thì Nam Từ Liêm đứng thứ mấy?': its own year replaces the earlier one.
            new_years = [y for y in _YEAR.findall(subject) if y not in _YEAR.findall(previous)]
            old_years = _YEAR.findall(swapped)
            if len(new_years) == 1 and len(set(old_years)) == 1:
                swapped = swapped.replace(old_years[0], new_years[0])
                return Condensed(swapped, swapped)
            return Condensed(swapped, swapped, carried_years=True)
        # 'Còn chỉ tiêu kết nạp đảng viên của phường đó đạt thế nào?' asks how, of its own subject.
        how = re.match(r"\s*(nhu the nao|the nao|ra sao)\b", fold(question)[match.end(group) :])
        if how and len(beyond_place) >= 2:
            subject = f"{subject} {question[match.end(group) :][how.start(1) : how.end(1)]}"
        elif not _ASKS.search(fold(subject)) and _MEASURE_NAMED.match(fold(subject)) and len(beyond_place) >= 4:
            # 'Còn tỷ lệ nữ tham gia cấp ủy cơ sở nhiệm kỳ 2020-2025 thì sao?' names its own measure:
            # asked of the earlier question's place, not merged with the earlier measure.
            where = ", ".join(place_with_diacritics(p) or p for p in places_in(previous) if p not in places)
            own = f"{subject}{' ở ' + where if where else ''} là bao nhiêu?"
            own = own if has_diacritics(subject) else fold(own)  # one comparison mode
            return Condensed(f"{previous.rstrip(' ?')}? {own}", own, previous)
        elif not _ASKS.search(fold(subject)):
            # After 'X bao nhiêu? Y bao nhiêu?', the first question sets the scope the new subject takes.
            merged = f"{split_parts(previous)[0].rstrip(' ?')} — {subject}?"
            return Condensed(merged, merged)
        if _WH_ASKS.search(fold(subject)) and _new_documents(subject, previous):
            # 'Còn hội nghị sơ kết Nghị quyết 15 thì ai báo cáo?' after a question on another meeting:
            # its own event, searched alone (in the earlier question's place).
            # The last 'thì', not the 'thị' of 'Chỉ thị 15 thì …'.
            said = list(re.finditer(r"(?<!\bchi) thi ", f"{fold(subject).lower()} "))
            own = f"{subject[: said[-1].start()]} {subject[said[-1].end() :]}" if said else subject
            own = _resolve_place(own.rstrip(" ?") + "?", history)
            return Condensed(own, own)
        # 'Thế còn phía Thành ủy có những ai xuống dự?' asks its own question about the same event.
        question = _resolve_place(f"{subject}?", history)
        return Condensed(f"{previous.rstrip(' ?')}? {question}", question, previous, anchors=anchors)
    points_back = refers_back(question) or anchors
    question = _resolve_place(question, history)
    too_short = len(content_terms(question)) <= 2
    # 'Có hồ sơ nào bị trễ hạn không?' right after a question about Nam Từ Liêm is about Nam Từ Liêm.
    same_place = bool(places_in(previous)) and not (
        places_in(question) or document_numbers(question) or names_in(question)
    )
    if points_back or too_short or same_place:
        return Condensed(f"{previous.rstrip(' ?')}? {question}", question, previous, anchors=anchors)
    return Condensed(question, question)
