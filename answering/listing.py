"""Numbered lists in the documents (pure functions): 'Cái thứ tư là gì?' after a question on the five
tasks a conclusion set out is answered by the paragraph numbered '4.' of that list.

Articles write such lists as paragraphs opening '1. …', '2. …'; a list is a run of them counting up
from 1. Which list a question means is the one the passages retrieved for it (with the earlier turn
it follows) fall in or just after.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from answering.question import WH_WORD
from cqdt.vietnamese import fold

_ORDINAL_WORDS = {
    "nhat": 1,
    "hai": 2,
    "ba": 3,
    "tu": 4,
    "nam": 5,
    "sau": 6,
    "bay": 7,
    "tam": 8,
    "chin": 9,
    "muoi": 10,
}
# What a list holds, as a question names one of its items: 'nhiệm vụ thứ ba', 'cái thứ tư'.
_ITEM_NOUNS = (
    "cai|noi dung|nhiem vu|giai phap|bien phap|y|diem|muc|van de|de xuat|kien nghi|viec|phan|nhom|yeu cau"
    "|chi tieu|han che|ket qua|cong viec"
)
_ORDINAL = rf"thu\s+(?P<n>\d{{1,2}}|{'|'.join(_ORDINAL_WORDS)})\b"
_ITEM_ASKED = re.compile(rf"\b(?P<noun>{_ITEM_NOUNS})\s+{_ORDINAL}(?!\s*(?:/|tren)\s*\d)")
# 'Thứ hai là gì?', 'Còn thứ ba?': the item asked with no noun, at the start.
_BARE_ORDINAL = re.compile(rf"^\W*(?:(?:the |va |vay )?con\s+)?{_ORDINAL}(?=\s*(?:la gi|la sao|thi sao|\W*$))")
# How a question asks for the item itself: '… là gì?', '… nói gì?', '… thế nào?'.
_ITEM_ITSELF = re.compile(
    r"\s*(?:la\s+)?(?:gi|cai gi|noi gi|noi dung gi|gom (?:nhung )?gi|ve (?:viec )?gi|the nao|ra sao|nhu the nao"
    r"|thi sao)?(?:\s+(?:vay|a|nhi|the|nhe))?\W*$"
)
_NUMBERED = re.compile(r"(?m)^[ \t]*(\d{1,2})[.)][ \t]+(?=\S)")


@dataclass(frozen=True)
class OrdinalAsked:
    n: int
    noun: str  # as the question wrote it ('Nhiệm vụ'), '' when it named none


def ordinal_asked(question: str) -> OrdinalAsked | None:
    """The n-th item of a list a question asks for ('nội dung thứ năm là gì?' -> 5), else None."""
    folded = fold(question).lower()
    match = _ITEM_ASKED.search(folded) or _BARE_ORDINAL.match(folded)
    if match is None:
        return None
    # 'Trong nhiệm vụ thứ tư, ông ấy yêu cầu triển khai đề án nào?' asks something of the item, not for it.
    rest = _ITEM_ITSELF.sub("", f"{folded[: match.start()]} {folded[match.end() :]}")
    if WH_WORD.search(rest):
        return None
    word = match.group("n")
    n = int(word) if word.isdigit() else _ORDINAL_WORDS[word]
    if n < 1:
        return None
    noun = ""
    if "noun" in match.groupdict() and match.group("noun") != "cai" and len(folded) == len(question):
        noun = question[match.start("noun") : match.end("noun")]
    return OrdinalAsked(n, noun[:1].upper() + noun[1:])


def numbered_lists(text: str) -> list[list[tuple[int, int]]]:
    """Each list in `text` as the (start, end) of its items' paragraphs, the number left out: a run of
    paragraphs numbered 1, 2, 3 … in turn."""
    lists: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for match in _NUMBERED.finditer(text):
        number = int(match.group(1))
        end = text.find("\n", match.end())
        item = (match.end(), end if end >= 0 else len(text))
        if number == len(current) + 1:
            current.append(item)
        else:
            if len(current) >= 2:
                lists.append(current)
            current = [item] if number == 1 else []
    if len(current) >= 2:
        lists.append(current)
    return lists


def list_item(text: str, n: int, near: tuple[int, int], reach: int = 600) -> tuple[int, int] | None:
    """The (start, end) of item `n` of the list that the span `near` falls in, or opens within `reach`
    characters after (a passage introducing it: 'yêu cầu tập trung 5 nhiệm vụ:'); None when no such
    list has `n` items."""
    start, end = near
    for items in numbered_lists(text):
        if items[0][0] - reach <= end and start <= items[-1][1] and n <= len(items):
            return items[n - 1]
    return None
