"""Strip web boilerplate from page text and read the title, date and publisher it states.

Pure functions over text. The rules target what Vietnamese news and government portals
wrap around an article: section labels, date/view-count lines, related-article teasers,
QR/social prompts and photo captions printed twice.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cqdt.vietnamese import fold, syllables

_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200a\u3000]+")
_DATE_DMY = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_DATE_WORDS = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", re.IGNORECASE)
_TIME = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_DATELINE_PREFIX = re.compile(
    r"^(ngày đăng|đăng ngày|cập nhật|thứ (hai|ba|tư|năm|sáu|bảy)|chủ nhật|tin tức|thời sự|xuất bản)", re.I
)
_FOOTER = re.compile(
    r"^(đọc thêm|xem thêm|tin liên quan|bài liên quan|có thể bạn quan tâm|tin cùng chuyên mục|tin mới hơn|"
    r"tin đã đăng|tin khác|các tin khác|mở zalo|mời bạn quét mã qr)\b",
    re.I,
)
_NOISE = re.compile(
    r"^(theo dõi .{1,80} trên\b.*|.*lượt xem\s*:.*|aa|tag|tags|x|phiên bản di động|chia sẻ|in bài|bình luận|"
    r"lưu bài|quay lại|trang chủ|.*quét mã qr.*|.*bấm quét qr.*)$",
    re.I,
)
_FOLLOW = re.compile(r"^Theo dõi (.{1,80}?) trên\b", re.I)
_LEGAL_TITLE = re.compile(
    r"^(KẾ HOẠCH|NGHỊ ĐỊNH|NGHỊ QUYẾT|QUYẾT ĐỊNH|THÔNG TƯ|THÔNG TRI|CHỈ THỊ|LUẬT|CÔNG VĂN|BÁO CÁO|TỜ TRÌNH|"
    r"HƯỚNG DẪN|ĐỀ ÁN|KẾT LUẬN|QUY ĐỊNH|QUY CHẾ)$"
)
_PROSE_MARK = re.compile(r"[.,!?;…]")
_CAPTION = re.compile(r"^(Đ/c|Toàn cảnh|Quang cảnh|Ảnh minh họa|Ảnh minh hoạ|Ảnh:)", re.I)
_TERMINAL = re.compile(r"[.!?…:;\"”)»]$")
_LEAD_AGENCY = re.compile(r"^([A-ZĐ]{2,6})\s+-\s+")
# Outlets that sign an article's lead with their initials.
AGENCY_NAMES = {
    "TTTĐ": "Tuổi trẻ Thủ đô",
    "TTXVN": "Thông tấn xã Việt Nam",
    "KTĐT": "Kinh tế & Đô thị",
    "HNM": "Hà Nội mới",
    "VOV": "Đài Tiếng nói Việt Nam",
    "VTV": "Đài Truyền hình Việt Nam",
}


@dataclass(frozen=True)
class CleanedText:
    text: str
    title: str
    date: str  # ISO yyyy-mm-dd or ""
    publisher: str


def _iso(day: str, month: str, year: str) -> str:
    d, m, y = int(day), int(month), int(year)
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return ""


def _is_dateline(line: str) -> str:
    """The ISO date of a short 'posted on' line, or ''."""
    if len(line) > 90:
        return ""
    match = _DATE_DMY.search(line)
    if match and (_TIME.search(line) or _DATELINE_PREFIX.match(line)):
        return _iso(*match.groups())
    return ""


def _word_count(line: str) -> int:
    return len(line.split())


def _near_duplicates(a: str, b: str) -> bool:
    ta, tb = set(syllables(a)), set(syllables(b))
    if min(len(ta), len(tb)) < 3 or min(len(a), len(b)) < 0.6 * max(len(a), len(b)):
        return False
    return len(ta & tb) / min(len(ta), len(tb)) >= 0.8


def _strip_bullet(line: str) -> str:
    return line.lstrip("-–•*· ").strip()


def clean_text(raw: str, title_hint: str = "") -> CleanedText:
    """Cleaned article text (paragraphs separated by blank lines) and its stated metadata."""
    lines = [_SPACES.sub(" ", line).strip() for line in raw.split("\n")]
    lines = [line for line in lines if line]

    # Everything from a footer marker on is teasers and sharing prompts.
    for i, line in enumerate(lines):
        if i >= 3 and _FOOTER.match(line):
            lines = lines[:i]
            break

    publisher = ""
    for line in lines:
        follow = _FOLLOW.match(line)
        if follow:
            publisher = follow.group(1).strip()
            break

    date, title, body_start = "", "", 0
    for i, line in enumerate(lines[:12]):
        date = _is_dateline(line)
        if date:
            before = [ln for ln in lines[:i] if not _NOISE.match(ln)]
            if before and _word_count(before[-1]) >= 4:
                title = before[-1]
                lines = [title, *lines[i + 1 :]]  # labels above the title go, the title stays
            else:
                lines = lines[i + 1 :]
                after = [ln for ln in lines[:4] if not _NOISE.match(ln)]
                if after:
                    title = after[0]
                    if title.endswith(":") and len(after) > 1:
                        title = f"{title} {after[1]}"
            break
    if not date:
        for line in lines[:15]:
            match = _DATE_WORDS.search(line)
            if match and len(line) < 90:
                date = _iso(*match.groups())
                break
    if not title:
        for i, line in enumerate(lines[:20]):
            if _LEGAL_TITLE.match(line) and i + 1 < len(lines):
                title = f"{line.capitalize()} {lines[i + 1]}"
                break
    if not title:
        title = title_hint or next((ln for ln in lines[:3] if len(ln) <= 200 and _word_count(ln) >= 2), "")

    kept: list[str] = []
    for line in lines[body_start:]:
        if _NOISE.match(line):
            continue
        # A long line without a single comma or full stop is a run of linked headlines, not prose.
        if 150 < len(line) <= 1000 and not _PROSE_MARK.search(line):
            continue
        if len(line) < 200 and _CAPTION.match(line) and not _TERMINAL.search(line):
            continue
        kept.append(line)

    # Photo captions are printed twice (once as alt text, once visibly): drop both copies.
    deduped: list[str] = []
    seen: set[str] = set()
    i = 0
    while i < len(kept):
        line = kept[i]
        if (
            0 < i < len(kept) - 1
            and len(line) < 400
            and _near_duplicates(_strip_bullet(line), _strip_bullet(kept[i + 1]))
        ):
            i += 2
            continue
        key = fold(line)
        if key not in seen or _word_count(line) < 4:
            deduped.append(line)
            seen.add(key)
        i += 1

    # Related links, author and outlet names trail the last real sentence.
    while len(deduped) > 1 and len(deduped[-1]) < 120 and not _TERMINAL.search(deduped[-1]):
        deduped.pop()

    if not publisher:
        for line in deduped[:6]:
            lead = _LEAD_AGENCY.match(line)
            if lead and lead.group(1) in AGENCY_NAMES:
                publisher = AGENCY_NAMES[lead.group(1)]
                break

    return CleanedText("\n\n".join(deduped), title.strip(), date, publisher)
