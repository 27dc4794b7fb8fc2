"""Find referenced document numbers and Hanoi place names in text (pure functions)."""

from __future__ import annotations

import re

from cqdt.vietnamese import fold

# '32/2021/NĐ-CP', '97/2019/QH14', '100/KH-UBND', '15-NQ/TU', '2200- QĐ/TU', '1824/UBND-NC'
_DOC_NUMBER = re.compile(
    r"(?<![\w/])(\d{1,5})\s?([-/])\s?(?:(\d{4})/)?"
    r"([A-ZĐ]{1,6}\d{0,2}(?:-[A-ZĐ][A-Za-zĐ]{0,6}\d{0,2})*)"
    r"(?:/([A-ZĐ]{1,6}\d{0,2}(?:-[A-ZĐ][A-Za-zĐ]{0,6})*))?(?![\w/])"
)

HANOI_DISTRICTS = (
    "Ba Đình",
    "Hoàn Kiếm",
    "Tây Hồ",
    "Long Biên",
    "Cầu Giấy",
    "Đống Đa",
    "Hai Bà Trưng",
    "Hoàng Mai",
    "Thanh Xuân",
    "Nam Từ Liêm",
    "Bắc Từ Liêm",
    "Hà Đông",
    "Sơn Tây",
    "Ba Vì",
    "Chương Mỹ",
    "Đan Phượng",
    "Đông Anh",
    "Gia Lâm",
    "Hoài Đức",
    "Mê Linh",
    "Mỹ Đức",
    "Phú Xuyên",
    "Phúc Thọ",
    "Quốc Oai",
    "Sóc Sơn",
    "Thạch Thất",
    "Thanh Oai",
    "Thanh Trì",
    "Thường Tín",
    "Ứng Hòa",
)
_DISTRICT = re.compile(
    r"(?<!\w)(" + "|".join(sorted(map(re.escape, HANOI_DISTRICTS), key=len, reverse=True)) + r")(?!\w)"
)
# The wards of the districts the default corpus reports on, so that a question typed in lower
# case ('phuong ngoc lam') still names its ward; other wards are found by their capitals.
PILOT_WARDS = (
    *("Bồ Đề", "Cự Khối", "Đức Giang", "Gia Thụy", "Giang Biên", "Long Biên", "Ngọc Lâm", "Ngọc Thụy"),
    *("Phúc Đồng", "Phúc Lợi", "Sài Đồng", "Thạch Bàn", "Thượng Thanh", "Việt Hưng"),  # quận Long Biên
    *("Cầu Diễn", "Đại Mỗ", "Mễ Trì", "Mỹ Đình 1", "Mỹ Đình 2", "Phú Đô", "Phương Canh", "Tây Mỗ"),
    *("Trung Văn", "Xuân Phương"),  # quận Nam Từ Liêm
)
# 'phường Ngọc Lâm', 'phường Mỹ Đình 1': capitalised syllables (and a number) after 'phường';
# 'các phường Long Biên', '14 phường Long Biên' are the district's wards, not phường Long Biên.
_WARD = re.compile(
    r"(?<!\w)(?<![Cc]ác )(?<![Nn]hững )(?<![Mm]ỗi )(?<!\d )[Pp]hường\s+"
    r"((?:[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*)(?:\s+[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ][\wÀ-ỹ]*){0,3}(?:\s+\d{1,2}(?![\d/]|[.,]\d|\s+(?:tháng|năm|quý|ngày|tuần|người|lần|tỷ|triệu)\b))?)"
)
_NOT_WARD = {"Phó", "Chủ", "Bí", "Ủy", "Uỷ", "Văn", "Đảng", "UBND", "Phường"}


def document_numbers(text: str) -> list[str]:
    """Referenced document numbers in order of first appearance, written canonically."""
    found: list[str] = []
    for match in _DOC_NUMBER.finditer(text):
        number, sep, year, kind, issuer = match.groups()
        if sep == "-" and not issuer:
            continue  # '15-20' style ranges and 'CT-XH' abbreviations are not document numbers
        if sep == "/" and not (year or "-" in kind or issuer):
            continue  # '593/608' or 'ngày 9/9' never reach here, but '11/TTg' alone is too ambiguous
        canonical = number + sep + (f"{year}/" if year else "") + kind + (f"/{issuer}" if issuer else "")
        if canonical not in found:
            found.append(canonical)
    return found


def districts(text: str) -> list[str]:
    found: list[str] = []
    for match in _DISTRICT.finditer(text):
        if match.group(1) not in found:
            found.append(match.group(1))
    return found


# 'Nguyễn Văn Luyện', 'Lê Thị Hoa': a person's middle name; no ward is named so.
_MIDDLE_NAMES = frozenset({"van", "thi"})


def ward_name(name: str) -> str | None:
    """The ward a capitalised run after 'phường' names: the known ward it starts with ('Bồ Đề Lưu
    Ngọc' -> 'Bồ Đề', the chairman's name following), or None for a person ('Nguyen Van Luyen')."""
    words = name.split()
    for ward in PILOT_WARDS:
        size = len(ward.split())
        if fold(" ".join(words[:size])).lower() == fold(ward).lower():
            return " ".join(words[:size])
    if len(words) >= 3 and fold(words[1]).lower() in _MIDDLE_NAMES:
        return None
    return name


# 'Chủ tịch UBND phường Lưu Ngọc Tiến': after a ward post, a family name opens the holder's name.
_WARD_POST_BEFORE = re.compile(r"(?:chủ tịch|bí thư|phó)(?:\s+\w+){0,3}\s*$", re.IGNORECASE)
_FAMILY_NAMES = frozenset(
    "nguyen tran le pham hoang huynh phan vu vo dang bui do ho ngo duong ly luu dinh trinh mai ta doan cao lam".split()
)


def _post_holder(text: str, start: int, name: str) -> bool:
    words = name.split()
    return (
        len(words) == 3
        and fold(words[0]).lower() in _FAMILY_NAMES
        and _WARD_POST_BEFORE.search(text[max(0, start - 40) : start]) is not None
    )


def wards(text: str) -> list[str]:
    found: list[str] = []
    for match in _WARD.finditer(text):
        name = ward_name(match.group(1).strip())
        if not name or name.split()[0] in _NOT_WARD or f"phường {name}" in found:
            continue
        if _post_holder(text, match.start(), name) and name not in PILOT_WARDS:
            continue
        found.append(f"phường {name}")
    return found


def places(text: str) -> list[str]:
    """District names and 'phường X' ward names mentioned in the text."""
    return districts(text) + wards(text)
