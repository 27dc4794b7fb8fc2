"""Chat abbreviations written out before a question is analysed ("Bí thư ĐU" -> "Bí thư Đảng ủy").

The data is `abbreviations.txt` beside this module (format documented at its top). Parsing and
expansion are pure functions; `load_abbreviations` reads the file once per process, on first use.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from cqdt.errors import CqdtError
from cqdt.vietnamese import has_diacritics, strip_diacritics

ABBREVIATIONS_FILE = Path(__file__).resolve().parent / "abbreviations.txt"

# A token boundary that also keeps document numbers whole: no letter, digit, '/' or '-' beside it.
_BEFORE = r"(?<![\w/-])"
_AFTER = r"(?![\w/-])"
_CAPITALISED = r"(?=\s+[A-ZĐÀ-Ỹ])"
_FOLLOWED = {False: _CAPITALISED, True: r"(?=\s+[a-zđ])"}  # 'P. Bồ Đề', and 'p. bo de' typed in lower case
_ACRONYM = re.compile(r"[A-Z]{3,}")
_ACRONYM_WITH_D = re.compile(r"\b[A-Z]*Đ[A-ZĐ]*\b")
_LOWERCASE_SAFE = re.compile(r"\S+(?:[\s,]+\S+)+|\S+\.")  # in context ('hn so ket') or dotted ('p.')
# A document number typed in lower case ('97/2019/qh14', '15-nq/tu') reads as the documents write it.
_LOWERCASE_NUMBER = re.compile(r"(?<![\w/-])(\d+(?:/\d{4})?[/-])([a-zđ]+(?:[/-][a-zđ]+)*\d*)(?![\w/-])")
# 'nq15', 'CT15', 'nđ32', 'kh 100': a document's kind glued to its number, or just before it, as chat
# types it ('ct 14 phường' is 'chủ tịch 14 phường': only glued is 'ct' a chỉ thị).
_GLUED_KIND = re.compile(
    r"(?<![\w/-])(?:(nq|ct|nđ|nd|kh|qđ|qd)|(nq|nđ|nd|kh|qđ|qd) )(\d{1,4})(?![\w/-])", re.IGNORECASE
)
_KIND_NAMES = {"nq": "Nghị quyết", "ct": "Chỉ thị", "nđ": "Nghị định", "nd": "Nghị định", "kh": "Kế hoạch"}
_KIND_NAMES |= {"qđ": "Quyết định", "qd": "Quyết định"}


class AbbreviationError(CqdtError):
    pass


class Abbreviations:
    """`rules[abbreviation]`: what it stands for. Questions arrive with whitespace collapsed."""

    def __init__(self, rules: dict[str, str]) -> None:
        self.rules = rules
        self._compiled: dict[bool, tuple[re.Pattern[str], dict[str, str]] | None] = {}

    def expand(self, text: str) -> str:
        """`text` with every abbreviation written out; an accentless text stays accentless."""
        # 'thi diem CQĐT theo NĐ nao' is typed without accents: the đ of an acronym is not one.
        accented = has_diacritics(_ACRONYM_WITH_D.sub(" ", _GLUED_KIND.sub(" ", text)))
        compiled = self._matcher(accented)
        same = (lambda s: s) if accented else strip_diacritics
        text = _GLUED_KIND.sub(lambda m: f"{same(_KIND_NAMES[(m.group(1) or m.group(2)).lower()])} {m.group(3)}", text)
        text = _LOWERCASE_NUMBER.sub(lambda m: m.group(1) + m.group(2).upper(), text)
        if compiled is None:
            return text
        pattern, expansions = compiled
        return pattern.sub(lambda m: expansions[m.group(0)], text)

    def _matcher(self, accented: bool) -> tuple[re.Pattern[str], dict[str, str]] | None:
        if accented not in self._compiled:
            same = (lambda s: s) if accented else strip_diacritics
            expansions = {same(key): same(value) for key, value in self.rules.items()}
            if not accented:
                # Typed without accents, chat is often all lower case: 'cqdt', 'ubkt', 'hn so ket',
                # 'p. bo de'. Only keys of three or more capitals, which no Vietnamese word spells
                # ('tu' is also 'từ'), or keys that carry their context or a dot.
                expansions |= {
                    key.lower(): value
                    for key, value in expansions.items()
                    if _ACRONYM.fullmatch(key) or _LOWERCASE_SAFE.fullmatch(key)
                }
                expansions |= {key: same(value) for key, value in self.rules.items() if _ACRONYM_WITH_D.fullmatch(key)}
            keys = sorted(expansions, key=len, reverse=True)  # the longest, most specific key wins
            ends = {k: _FOLLOWED[k.islower()] if k.endswith(".") else _AFTER for k in keys}
            alternatives = "|".join(re.escape(k) + ends[k] for k in keys)
            self._compiled[accented] = (re.compile(f"{_BEFORE}(?:{alternatives})"), expansions) if keys else None
        return self._compiled[accented]


def parse_abbreviations(text: str, source: str = "abbreviations") -> Abbreviations:
    rules: dict[str, str] = {}
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        key, sign, value = (part.strip() for part in line.partition("="))
        if not sign or not key or not value or "=" in value:
            raise AbbreviationError(
                vi=f"Dòng {number} của {source} không đúng định dạng («VIẾT TẮT = viết đầy đủ»): {raw.strip()}",
                en=f"{source}:{number}: expected 'ABBR = expansion': {raw.strip()}",
            )
        rules[" ".join(key.split())] = value
    return Abbreviations(rules)


@functools.lru_cache(maxsize=4)
def load_abbreviations(path: Path = ABBREVIATIONS_FILE) -> Abbreviations:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise AbbreviationError(vi=f"Không đọc được bảng viết tắt {path}.", en=f"cannot read {path}: {exc}") from exc
    return parse_abbreviations(text, path.name)
