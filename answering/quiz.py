"""Quiz-style questions read as plain ones (pure functions).

Trainers paste quiz items: multiple choice ('…: A. 98,2%, B. 99,57% hay C. 99,82%?') and
fill-in-the-blank ('Điền vào chỗ trống: … vào ngày ___.'). The options and blanks would mislead
the answerer (an option's figure looks like a claim, an option's name like the person asked
about), so the question is asked without them and the answer names the option it supports.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answering.question import WH_WORD
from cqdt.vietnamese import fold, has_diacritics, strip_diacritics, syllables

# 'A. Đường Hoài Nam, B. Nguyễn Mạnh Hà hay C. …': capital letters, so 'a.' inside a sentence is not one.
_LETTERED = re.compile(r"\s*[:,;]?\s*\(?\bA[.)]\s+(?=.+?\bB[.)]\s)(?P<options>.+?)\s*\??\s*$", re.S)
_LETTER = re.compile(r"\s*[,;]?\s*(?:\b(?:hay|hoặc)\s+)?\(?\b([B-F])[.)]\s+")
# '…: thứ 1, thứ 2, thứ 3 hay thứ 5?': short options after a colon, the last joined by 'hay'.
_LISTED = re.compile(r"^(?P<stem>[^:]+\S)\s*:\s*(?P<options>[^:]+?\s(?:hay|hoặc)\s[^:]+?)\s*\??\s*$")
_FILL_IN = re.compile(
    r"^\s*(?:điền vào(?: chỗ trống| chỗ \.+)?|điền (?:từ|số)(?: thích hợp)?(?: vào chỗ trống)?|hoàn thành câu(?: sau)?"
    r"|dien vao(?: cho trong)?|dien (?:tu|so)(?: thich hop)?(?: vao cho trong)?|hoan thanh cau(?: sau)?)"
    r"\s*[:.]\s*",
    re.IGNORECASE,
)
_TRUE_OR_FALSE = re.compile(
    r"^\s*(?:đúng hay sai|đúng hoặc sai|nhận định sau đúng hay sai|dung hay sai|dung hoac sai)\s*[:?.]\s*",
    re.IGNORECASE,
)
# 'Xác nhận giúp: X', 'check giúp: X': a request to check what follows.
_CHECK = r"(?:xác nhận|xac nhan|kiểm tra|kiem tra|check|confirm)"
_FOR_ME = r"(?:\s+(?:tôi|em|mình|toi|minh))?"
_CHECK_REQUEST = re.compile(
    rf"^\s*{_CHECK}(?:\s+(?:giúp|giùm|hộ|lại|giup|gium|ho|lai))?(?:{_FOR_ME}|\s+(?:với|voi))\s*[:,]\s*",
    re.IGNORECASE,
)
# '… quá hạn ko? check giúp': the same request after the question.
_CHECK_AFTER = re.compile(
    rf"(?<=[?.!])\s*{_CHECK}(?:\s+(?:giúp|giùm|hộ|giup|gium|ho))?{_FOR_ME}(?:\s+(?:với|nhé|nha|voi|nhe))?\s*[.!?]*\s*$",
    re.IGNORECASE,
)
# 'Có thông tin cho rằng X. Thông tin này có chính xác không?' (or 'Nghe nói X, điều đó có đúng không?')
_REPORTED_CLAIM = re.compile(
    r"^\s*(?:có (?:thông tin|ý kiến|người|tin) (?:cho rằng|nói rằng|nói|nêu)|(?:tôi )?nghe nói(?: rằng)?)\s+"
    r"(?P<claim>.+?)\s*[.,;]\s*(?:thông tin|điều|nhận định|ý kiến|chuyện|tin)\s+(?:này|đó|ấy|trên)\s+"
    r"có\s+(?:chính xác|đúng|đúng sự thật|chuẩn)(?:\s+không)?\s*\??\s*$",
    re.IGNORECASE,
)
# 'Có phải năm 2021 quận … không phải cưỡng chế?', 'Có đúng là X?': a claim asked with no closing 'không'.
_UNTAGGED_CLAIM = re.compile(
    r"^\s*(?:có phải(?: là)?|co phai(?: la)?|có đúng (?:là|rằng)|co dung (?:la|rang)|phải chăng|phai chang)\s+"
    r"(?P<claim>.+?)\s*\??\s*$",
    re.IGNORECASE,
)
_CLOSED = re.compile(r"\b(?:không|khong|chưa|chua)(?:\s+(?:ạ|a|nhỉ|nhi|vậy|vay))?\s*\??\s*$", re.IGNORECASE)
_BLANK = re.compile(r"_{2,}|…+|\.{3,}|\(\s*\.*\s*\)|\[\s*\]")
# 'vào ngày ___' asks 'ngày nào', 'đồng chí ___ chủ trì' asks 'đồng chí nào'.
_WHICH_BEFORE = re.compile(r"\b(?:ngay|thang|nam|giai doan|quy|dong chi|ong|ba)\s*$")
_FUNCTION_WORD_AFTER = re.compile(r"\s*(?:trong|tai|o|cua|cho|voi|vao|tu|ve|den|theo|va|nhu|la)\b")
# 'Câu 3: …', 'Bài 2. …', 'Trắc nghiệm: …': a quiz item's number or label says nothing asked.
_ITEM_NUMBER = re.compile(
    r"^\s*(?:(?:câu|cau|bài|bai|question)\s*\d+|(?:câu hỏi |cau hoi )?(?:trắc nghiệm|trac nghiem|quiz))\s*[:.)-]\s*",
    re.IGNORECASE,
)
_NUMBERISH = re.compile(r"^[\d.,/%\s]+(?:%|\w{0,6})$")
# '…; B. Chỉ thị số 15-CT/TU. Cho biết ngày ban hành.': a sentence after the last option asks more.
# 'TP. Hồ Chí Minh' is one option: a short capitalised abbreviation ends no sentence.
_SENTENCE_AFTER = re.compile(r"\.\s+(?=[A-ZĐ][^\W\d_]*[a-zà-ỹđ]\S*\s+\S+\s+\S+)")
_ABBREVIATION = re.compile(r"(?:^|\s)(?:[A-ZĐ]{1,3}|[A-ZĐ][a-zđ]|\w/\w+)$")


def _split_tail(option: str) -> tuple[str, str]:
    """The last option and the sentence that follows it, if any."""
    for match in _SENTENCE_AFTER.finditer(option):
        if not _ABBREVIATION.search(option[: match.start()]):
            return option[: match.start()].strip(" ,;?"), option[match.end() :]
    return option, ""


@dataclass(frozen=True)
class Quiz:
    question: str
    choices: tuple[tuple[str, str], ...] = ()  # (label, option) as the question lists them; label may be ''


def _wh_for(options: list[str]) -> str:
    """The question word a stem without one takes, by its options: a figure, a person or a thing."""
    if all(_NUMBERISH.match(o) for o in options):
        return "bao nhiêu"
    if all(o[:1].isupper() and len(o.split()) >= 2 for o in options):
        return "ai"
    return "gì"


def _asked(stem: str, options: list[str]) -> str:
    stem = stem.rstrip(" :,;?")
    if not WH_WORD.search(fold(stem).lower()):
        stem = f"{stem} {_wh_for(options)}"
    return stem + "?"


def _options(text: str) -> list[str]:
    return [o.strip(" ,;") for o in re.split(r"\s*,\s*|\s+(?:hay|hoặc)\s+", text) if o.strip(" ,;")]


def _fill_in(text: str) -> str:
    def word(match: re.Match[str]) -> str:
        before = fold(text[: match.start()]).lower()
        after = text[match.end() :]
        if after.startswith("%"):
            return "bao nhiêu"
        if _WHICH_BEFORE.search(before):
            return "nào"
        # '___ hồ sơ' counts hồ sơ; '… tổ chức ___ trong …' asks what ('trong', 'tại' name no counter).
        counted = re.match(r"\s*\w", after) and not _FUNCTION_WORD_AFTER.match(fold(after).lower())
        return "bao nhiêu" if counted else "gì"

    asked = _BLANK.sub(word, text).replace("bao nhiêu%", "bao nhiêu phần trăm")
    if not has_diacritics(text):  # one comparison mode
        asked = strip_diacritics(asked)
    return asked.rstrip(" .") + "?"


def as_question(text: str) -> Quiz:
    """`text` as a plain question, with the options it lists; plain questions come back as they are."""
    text = _CHECK_AFTER.sub("", _ITEM_NUMBER.sub("", text))
    lettered = _LETTERED.search(text)
    if lettered:
        parts = _LETTER.split(lettered.group("options"))
        labels = ["A", *parts[1::2]]
        options = [o.strip(" ,;?") for o in parts[0::2]]
        options[-1], tail = _split_tail(options[-1])
        if len(options) == len(labels) >= 2 and all(options):
            asked = f"{_asked(text[: lettered.start()], options)} {tail}".strip()
            return Quiz(asked, tuple(zip(labels, options, strict=True)))
    check = _CHECK_REQUEST.match(text)
    if check:
        text = text[check.end() :]
        if not _CLOSED.search(text) and not WH_WORD.search(fold(text).lower()):
            tag = "đúng không" if has_diacritics(text) else "dung khong"
            return Quiz(f"{text.rstrip(' .?')}, {tag}?")
    claim = _TRUE_OR_FALSE.match(text)
    if claim:  # 'Đúng hay sai: X.' asks to confirm X
        tag = "đúng không" if has_diacritics(text) else "dung khong"  # one comparison mode
        return Quiz(f"{text[claim.end() :].rstrip(' .?')}, {tag}?")
    untagged = _UNTAGGED_CLAIM.match(text)
    # '… không phải cưỡng chế lần nào' asks no 'nào': it says none.
    claimed = (
        re.sub(r"\bkhong\b(?:\s+\w+){1,5}?\s+nao\b", " ", fold(untagged.group("claim")).lower()) if untagged else ""
    )
    # '…, còn bài … nêu …?' claims two things, each its own question: left as it is.
    compound = re.search(r"[,;]\s*con\b", claimed)
    if untagged and not _CLOSED.search(text) and not WH_WORD.search(claimed) and not compound:
        tag = "đúng không" if has_diacritics(text) else "dung khong"
        stated = untagged.group("claim").rstrip(" .?")
        return Quiz(f"{stated[:1].upper()}{stated[1:]}, {tag}?")
    reported = _REPORTED_CLAIM.match(text)
    if reported:
        return Quiz(f"{reported.group('claim').rstrip(' .?')}, đúng không?")
    filled = _FILL_IN.match(text)
    # Without 'Điền vào', only underscores are blanks: '…' and '...' also end a quoted title.
    if filled or re.search(r"_{2,}", text):
        return Quiz(_fill_in(text[filled.end() if filled else 0 :]))
    listed = _LISTED.match(text)
    if listed:
        options = _options(listed.group("options"))
        stem = listed.group("stem")
        if len(options) >= 3 and all(len(o.split()) <= 6 for o in options) and WH_WORD.search(fold(stem).lower()):
            return Quiz(_asked(stem, options), tuple(("", o) for o in options))
    return Quiz(text)


def chosen(choices: tuple[tuple[str, str], ...], answer: str) -> tuple[str, str] | None:
    """The one option an answer states, if exactly one: a figure or name the evidence gives."""
    stated = f" {' '.join(syllables(answer))} "
    found = [(label, o) for label, o in choices if f" {' '.join(syllables(o))} " in stated]
    return found[0] if len(found) == 1 else None
