"""Pure functions for Vietnamese text: Unicode, diacritics, numbers and tokens."""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Mapping

_INVISIBLE = re.compile(r"[\u200b-\u200f\u2028\u2029\u202a-\u202e\u2060-\u2064\ufeff\u00ad]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W_]+")
_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def sanitize(text: str) -> str:
    """NFC text without control or invisible characters; newlines kept, other spaces unified."""
    text = nfc(text).replace("\r\n", "\n").replace("\r", "\n")
    text = _INVISIBLE.sub("", text)
    text = _CONTROL.sub(" ", text)
    return text.replace("\u00a0", " ").replace("\t", " ")


class _BareLetters(dict[int, str]):
    """str.translate table, filled on first sight of each character: a letter without its marks."""

    def __missing__(self, codepoint: int) -> str:
        decomposed = unicodedata.normalize("NFD", chr(codepoint))
        bare = "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")
        bare = unicodedata.normalize("NFC", bare.replace("đ", "d").replace("Đ", "D"))
        self[codepoint] = bare
        return bare


# A cache, not configuration: it only ever holds each character's fixed decomposition.
_BARE = _BareLetters()


def strip_diacritics(text: str) -> str:
    """'Nam Từ Liêm' -> 'Nam Tu Liem'; đ/Đ become d/D. Length may change only for decomposed input."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", text).translate(_BARE)


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form, for matching what users type."""
    return strip_diacritics(text).casefold()


def has_diacritics(text: str) -> bool:
    return fold(text) != text.casefold()


def normalize_number(token: str) -> str:
    """One canonical form per number: '98.840' -> '98840', '64,28' -> '64.28', '03' -> '3'.

    Vietnamese writes '.' between thousands and ',' before decimals; a '.' not followed by
    groups of exactly three digits is read as a decimal point (e.g. '98.2%').
    """
    token = token.replace(".", "") if _THOUSANDS.fullmatch(token) else token.replace(",", ".")
    whole, dot, frac = token.partition(".")
    whole = whole.lstrip("0") or "0"
    frac = frac.rstrip("0")
    return f"{whole}.{frac}" if dot and frac else whole


def syllables(text: str) -> list[str]:
    """Folded syllables and canonical numbers, in order."""
    out = []
    for token in _TOKEN.findall(fold(text)):
        out.append(normalize_number(token) if token[0].isdigit() and token[-1].isdigit() else token)
    return out


def lexical_terms(text: str) -> list[str]:
    """Terms for BM25: folded syllables plus adjacent-syllable bigrams.

    Bigrams recover some of Vietnamese's multi-syllable words ('chính quyền', 'đô thị')
    without a word segmenter.
    """
    units = syllables(text)
    return units + [f"{a}_{b}" for a, b in itertools.pairwise(units)]


def comparable(text: str) -> str:
    """Case-, spacing- and number-format-insensitive form that keeps diacritics:
    '98.840 hồ sơ' and '98840 Hồ  sơ' compare equal, 'ho so' does not."""
    out = []
    for token in _TOKEN.findall(nfc(text).casefold()):
        out.append(normalize_number(token) if token[0].isdigit() and token[-1].isdigit() else token)
    return " ".join(out)


def contains_phrase(text: str, phrase: str) -> bool:
    """Whether `phrase` occurs in `text` on token boundaries, compared with `comparable`."""
    needle = comparable(phrase)
    return bool(needle) and f" {needle} " in f" {comparable(text)} "


_COUNT_WORDS = {"một": "1", "hai": "2", "ba": "3", "bốn": "4", "năm": "5", "sáu": "6", "bảy": "7", "tám": "8"}
_COUNT_WORDS |= {"chín": "9", "mười": "10"}
_COUNTERS = (
    "năm|tháng|quý|tuần|nhiệm kỳ|người|đồng chí|đơn vị|tập thể|cá nhân|phường|quận|lần|lượt|nhóm|nội dung"
    "|nhiệm vụ|giải pháp|kế hoạch|hội nghị|chi bộ|cấp"
)
_SPELLED_COUNT = re.compile(
    rf"(?<![\w])(?<!mười )(?<!mươi )(?<!trăm )(?<!thứ )({'|'.join(_COUNT_WORDS)})(?= (?:{_COUNTERS})(?![\w]))",
    re.IGNORECASE,
)


def digits_for_counts(text: str) -> str:
    """Counts spelled out as the documents write them, in digits: 'sáu năm' -> '6 năm', 'một năm'
    -> '1 năm'. Only with diacritics ('sau nam' may be 'sau năm', after a year) and before a counter."""
    return _SPELLED_COUNT.sub(lambda m: _COUNT_WORDS[m.group(1).casefold()], nfc(text))


_WORD = re.compile(r"[^\W\d_]+")


def mostly_unaccented(text: str) -> bool:
    """Whether `text` is typed mostly without diacritics, a few accented words aside ('q LB tiep nhan
    bao nhieu cong chuc tai cac phuờng'); acronyms ('HĐND') do not count."""
    words = [w for w in _WORD.findall(text) if len(w) > 1 and not w.isupper()]
    accented = sum(1 for w in words if has_diacritics(w))
    return 0 < accented < len(words) / 2


def pair_frequency(texts: Iterable[str]) -> Counter[str]:
    """In how many of `texts` each syllable and 'a_b' syllable pair occurs, with its diacritics
    (as `comparable` writes them)."""
    frequency: Counter[str] = Counter()
    for text in texts:
        tokens = comparable(text).split()
        frequency.update(set(tokens) | {f"{a}_{b}" for a, b in itertools.pairwise(tokens)})
    return frequency


def _called_for(frequency: Mapping[str, int], before: str, word: str, after: str) -> float:
    """How surely a neighbour calls for `word`: 'cưỡng' is nearly always 'cưỡng chế', while 'tổ chức
    cán bộ' is no reason to read 'tổ chức căn cứ' as 'tổ chức cán cứ'."""
    return max(
        frequency.get(f"{before}_{word}", 0) / max(frequency.get(before, 0), 1),
        frequency.get(f"{word}_{after}", 0) / max(frequency.get(after, 0), 1),
    )


def respelled(text: str, frequency: Mapping[str, int]) -> str:
    """`text` with tone-mark typos put right where the corpus shows the word: 'cưỡng chê' ->
    'cưỡng chế' when `frequency` (see `pair_frequency`) lacks 'chê' and a neighbour is mostly
    followed (or preceded) by 'chế' there. A word the corpus lacks but no neighbour calls for ('Cầu
    Giấy', 'căn cứ' after 'tổ chức', which is also 'tổ chức cán bộ') is left alone."""
    words = list(_WORD.finditer(text))
    lowered = [match.group().casefold() for match in words]
    unknown = [i for i, word in enumerate(lowered) if has_diacritics(word) and not frequency.get(word, 0)]
    if not unknown:
        return text
    variants: dict[str, list[str]] = {}
    for unit in frequency:
        if "_" not in unit:
            variants.setdefault(fold(unit), []).append(unit)
    out, at = [], 0
    for i in unknown:
        match, word = words[i], lowered[i]
        before, after = lowered[i - 1] if i else "", lowered[i + 1] if i + 1 < len(words) else ""
        scores = {v: _called_for(frequency, before, v, after) for v in variants.get(fold(word), [])}
        best = max(scores, key=scores.__getitem__, default=None)
        if best is None or scores[best] < 0.5:
            continue
        fixed = best.capitalize() if match.group()[:1].isupper() else best
        out.append(text[at : match.start()] + fixed)
        at = match.end()
    return "".join(out) + text[at:]
