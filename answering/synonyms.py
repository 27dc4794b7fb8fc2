"""Paraphrase lexicon: which document wordings may stand for a question's words.

The data is `synonyms.txt` beside this module (format documented at its top). Parsing and
matching are pure functions; `load_synonyms` reads the file once per process, on first use.
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from pathlib import Path

from cqdt.errors import CqdtError
from cqdt.vietnamese import comparable, syllables

SYNONYMS_FILE = Path(__file__).resolve().parent / "synonyms.txt"


class LexiconError(CqdtError):
    pass


def phrase_tokens(text: str, accented: bool) -> tuple[str, ...]:
    """Syllables as the answerer compares them: with diacritics for a question typed with them;
    '01 năm' and '1 năm' alike."""
    tokens = comparable(text).split() if accented else syllables(text)
    return tuple(t.lstrip("0") or t if t.isdigit() else t for t in tokens)


class Synonyms:
    """`rules[phrase]`: the phrases a document may use for `phrase` in a question."""

    def __init__(
        self,
        rules: dict[str, tuple[str, ...]],
        contrasts: tuple[tuple[tuple[str, ...], ...], ...] = (),
        accented_only: frozenset[str] = frozenset(),
    ) -> None:
        self.rules = rules
        self.contrasts = contrasts  # groups of opposed sides, each side a tuple of equivalent phrases
        # Phrases matched only in a question typed with diacritics: folded, 'chuyện' is also 'chuyên'.
        self.accented_only = accented_only
        self._indexes: dict[bool, dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]]] = {}
        self._tokenized_contrasts: dict[bool, list[list[tuple[int, str, tuple[str, ...]]]]] = {}

    def contrast(
        self, question_units: AbstractSet[str], evidence_units: AbstractSet[str], accented: bool
    ) -> tuple[str, str] | None:
        """(asked, stated) when the evidence states the opposite of what the question asks and
        not what it asks: 'kỷ luật' asked, only 'khen thưởng' stated. None otherwise."""
        for group in self._contrast_groups(accented):
            asked = [(side, phrase) for side, phrase, tokens in group if holds(question_units, tokens)]
            stated = [(side, phrase) for side, phrase, tokens in group if holds(evidence_units, tokens)]
            if asked and stated and not {side for side, _ in asked} & {side for side, _ in stated}:
                return asked[0][1], stated[0][1]
        return None

    def _contrast_groups(self, accented: bool) -> list[list[tuple[int, str, tuple[str, ...]]]]:
        """Opposites tokenized once per comparison mode: per group, (side, phrase, tokens)."""
        if accented not in self._tokenized_contrasts:
            self._tokenized_contrasts[accented] = [
                [
                    (side, phrase, phrase_tokens(phrase, accented))
                    for side, phrases in enumerate(sides)
                    for phrase in phrases
                ]
                for sides in self.contrasts
            ]
        return self._tokenized_contrasts[accented]

    def _index(self, accented: bool) -> dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]]:
        """Rules tokenized once per comparison mode, keyed by their first syllable."""
        if accented not in self._indexes:
            index: dict[str, list[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]]]] = {}
            for phrase, alternatives in self.rules.items():
                if not accented and phrase in self.accented_only:
                    continue
                needle = phrase_tokens(phrase, accented)
                options = tuple(t for t in (phrase_tokens(a, accented) for a in alternatives) if t)
                if needle and options:
                    index.setdefault(needle[0], []).append((needle, options))
            self._indexes[accented] = index
        return self._indexes[accented]

    def folded_alternatives(self, phrase: str, accented: bool = False) -> tuple[str, ...]:
        """Alternatives of a phrase ('nguoi' -> 'cong chuc', 'can bo', …), folded. With `accented`,
        the phrase is matched with its diacritics ('thủ' is not 'thư')."""
        wanted = phrase_tokens(phrase, accented)
        if not wanted:
            return ()
        found = (
            option
            for needle, options in self._index(accented).get(wanted[0], ())
            if needle == wanted
            for option in options
        )
        folded = (" ".join(syllables(" ".join(o))) for o in found if o != wanted)
        return tuple(dict.fromkeys(f for f in folded if f != " ".join(syllables(phrase))))

    def alternatives_text(self, question: str, accented: bool) -> str:
        """The alternatives of every lexicon phrase in `question`, as text to widen a lexical search."""
        found = self.expansions(phrase_tokens(question, accented), accented)
        words = dict.fromkeys(" ".join(alt) for e in found for alt in e.alternatives)
        return " ".join(words)

    def expansions(self, question_tokens: Sequence[str], accented: bool) -> list[Expansion]:
        """For each lexicon phrase found in the question, the question units it stands for and
        the token sequences that may replace it in the evidence."""
        index = self._index(accented)
        tokens = tuple(question_tokens)
        found: list[Expansion] = []
        for at, token in enumerate(tokens):
            for needle, options in index.get(token, ()):
                if tokens[at : at + len(needle)] == needle:
                    covers = frozenset(needle) | frozenset(f"{a}_{b}" for a, b in itertools.pairwise(needle))
                    found.append(Expansion(covers, options))
        return found


@dataclass(frozen=True)
class Expansion:
    covers: frozenset[str]  # question syllables and bigrams that a match counts as present
    alternatives: tuple[tuple[str, ...], ...]

    def matched_by(self, units: AbstractSet[str]) -> bool:
        return any(holds(units, alternative) for alternative in self.alternatives)


def holds(units: AbstractSet[str], tokens: Sequence[str]) -> bool:
    """Whether a unit set (syllables plus bigrams) contains a phrase: all its bigrams present."""
    if len(tokens) == 1:
        return tokens[0] in units
    return all(f"{a}_{b}" in units for a, b in itertools.pairwise(tokens))


def with_expansions(units: AbstractSet[str], expansions: Iterable[Expansion]) -> AbstractSet[str]:
    """`units` plus the question units stood for by the paraphrases they contain."""
    extra = [e.covers for e in expansions if not e.covers <= units and e.matched_by(units)]
    return frozenset(units).union(*extra) if extra else units


NO_SYNONYMS = Synonyms({})


def parse_synonyms(text: str, source: str = "synonyms") -> Synonyms:
    rules: dict[str, list[str]] = {}
    contrasts: list[tuple[tuple[str, ...], ...]] = []
    accented_only: set[str] = set()

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        marked = line.startswith("!")
        line = line.removeprefix("!").strip()

        def add(phrase: str, alternatives: Iterable[str], marked: bool = marked) -> None:
            bucket = rules.setdefault(phrase, [])
            bucket.extend(a for a in alternatives if a != phrase and a not in bucket)
            if marked:
                accented_only.add(phrase)

        if "<>" in line:
            sides = tuple(tuple(p.strip() for p in side.split("=")) for side in line.split("<>"))
            if len(sides) < 2 or not all(all(side) for side in sides):
                raise _bad_line(source, number, raw)
            contrasts.append(sides)
        elif ">" in line:
            broad, _, narrow = line.partition(">")
            targets = [t.strip() for t in narrow.split(",") if t.strip()]
            if not broad.strip() or not targets:
                raise _bad_line(source, number, raw)
            add(broad.strip(), targets)
        elif "=" in line:
            group = [p.strip() for p in line.split("=")]
            if len(group) < 2 or not all(group):
                raise _bad_line(source, number, raw)
            for phrase in group:
                add(phrase, group)
        else:
            raise _bad_line(source, number, raw)
    return Synonyms(
        {phrase: tuple(alts) for phrase, alts in rules.items() if alts}, tuple(contrasts), frozenset(accented_only)
    )


def _bad_line(source: str, number: int, raw: str) -> LexiconError:
    return LexiconError(
        vi=f"Dòng {number} của {source} không đúng định dạng («a = b», «a > b, c» hoặc «a <> b»): {raw.strip()}",
        en=f"{source}:{number}: expected 'a = b', 'a > b, c' or 'a <> b': {raw.strip()}",
    )


@functools.lru_cache(maxsize=4)
def load_synonyms(path: Path = SYNONYMS_FILE) -> Synonyms:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(vi=f"Không đọc được từ điển đồng nghĩa {path}.", en=f"cannot read {path}: {exc}") from exc
    return parse_synonyms(text, path.name)
