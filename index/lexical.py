"""BM25 for Vietnamese: diacritic-insensitive syllables plus syllable bigrams.

A question typed without accents ('bao nhieu ho so') scores exactly like the accented one,
and bigrams reward the multi-syllable words Vietnamese writes with spaces.

The index is incremental, in the manner of Lucene's segments: passages are stored as immutable
blocks of term frequencies, and BM25 is computed at query time from global statistics (document
frequencies, average length) kept exact on every change. Adding or removing a document costs its
own size, not a rebuild of the whole library (seconds at 100k passages).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Protocol

import numpy as np
from scipy import sparse

from cqdt.vietnamese import lexical_terms


class LexicalIndex(Protocol):
    def add(self, items: Iterable[tuple[str, str]]) -> None:
        """Index (id, text) pairs; an existing id is replaced."""

    def remove(self, ids: Iterable[str]) -> None: ...

    def search(self, query: str, n: int, allowed: Callable[[str], bool] | None = None) -> list[tuple[str, float]]: ...

    def idf(self, term: str) -> float: ...

    def __len__(self) -> int: ...


def bm25_idf(df: np.ndarray, n_docs: int) -> np.ndarray:
    """Inverse document frequency, never negative (the +1 inside the log, as Lucene)."""
    return np.log1p((n_docs - df + 0.5) / (df + 0.5))


def bm25_term_scores(
    tf: np.ndarray, lengths: np.ndarray, idf: float | np.ndarray, avgdl: float, k1: float = 1.2, b: float = 0.75
) -> np.ndarray:
    """BM25 contribution of one term to passages where it occurs `tf` times (pure, vectorised)."""
    return idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * lengths / avgdl))


def term_frequencies(docs: Sequence[np.ndarray], n_terms: int) -> sparse.csc_matrix:
    """How often each term id occurs in each doc: one row per doc, one column per term id (pure)."""
    lengths = [len(d) for d in docs]
    rows = np.repeat(np.arange(len(docs), dtype=np.int32), lengths)
    columns = np.concatenate(docs) if docs else np.zeros(0, dtype=np.int32)
    ones = np.ones(len(columns), dtype=np.float32)
    matrix = sparse.csc_matrix((ones, (rows, columns)), shape=(len(docs), n_terms))
    matrix.sum_duplicates()
    return matrix


@dataclass
class _Segment:
    """An immutable block of passages; removals only mark rows dead until the block is rewritten."""

    ids: list[str]
    tf: sparse.csc_matrix
    lengths: np.ndarray
    alive: np.ndarray = field(init=False)
    _weights_for: float = field(default=float("nan"), init=False, repr=False)
    _weight_data: np.ndarray = field(default_factory=lambda: np.zeros(0), init=False, repr=False)
    _weighted_columns: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=bool), init=False, repr=False)

    def __post_init__(self) -> None:
        self.alive = np.ones(len(self.ids), dtype=bool)

    @property
    def dead(self) -> int:
        return len(self.ids) - int(self.alive.sum())

    def _weights(self, columns: list[int], avgdl: float, k1: float, b: float) -> sparse.csc_matrix:
        """BM25 term weights without idf, computed per column when first asked for and kept until
        the average length moves (every change moves it: then only the columns asked are redone)."""
        tf = self.tf
        if self._weights_for != avgdl:
            self._weight_data = np.empty(tf.nnz)
            self._weighted_columns = np.zeros(tf.shape[1], dtype=bool)
            self._weights_for = avgdl
        for column in columns:
            if not self._weighted_columns[column]:
                start, end = tf.indptr[column], tf.indptr[column + 1]
                counts = tf.data[start:end].astype(np.float64)  # stored as float32 (small counts)
                rows = tf.indices[start:end]
                self._weight_data[start:end] = bm25_term_scores(counts, self.lengths[rows], 1.0, avgdl, k1, b)
                self._weighted_columns[column] = True
        return sparse.csc_matrix((self._weight_data, tf.indices, tf.indptr), shape=tf.shape, copy=False)

    def scores(self, terms: dict[int, float], avgdl: float, k1: float, b: float) -> np.ndarray:
        """BM25 of every row for term id -> idf x query count; dead rows score 0."""
        columns = [t for t in terms if t < self.tf.shape[1]]  # later terms do not occur in this block
        if not columns:
            return np.zeros(len(self.ids))
        weights = self._weights(columns, avgdl, k1, b)
        scores = np.asarray(weights[:, columns] @ np.array([terms[t] for t in columns])).ravel()
        scores[~self.alive] = 0.0
        return scores


class BM25Index:
    """BM25 over `analyzer`'s terms. Each passage's terms are kept as an int32 array of term ids (a
    tenth of the memory of the strings) to rewrite blocks; scores do not depend on the block layout."""

    max_segments = 8
    max_dead_share = 0.3

    def __init__(self, k1: float = 1.2, b: float = 0.75, analyzer: Callable[[str], list[str]] = lexical_terms) -> None:
        self.k1, self.b, self.analyzer = k1, b, analyzer
        self._term_ids: dict[str, int] = {}  # every term ever seen -> its id
        self._terms: dict[str, np.ndarray] = {}  # passage id -> term ids, in order
        self._df = np.zeros(1024, dtype=np.int64)  # term id -> passages holding it
        self._total_length = 0
        self._pending: dict[str, np.ndarray] = {}  # added since the last search, not yet in a block
        self._segments: list[_Segment] = []
        self._where: dict[str, tuple[_Segment, int]] = {}  # passage id -> its block and row

    def __len__(self) -> int:
        return len(self._terms)

    @property
    def segments(self) -> int:
        return len(self._segments)

    def add(self, items: Iterable[tuple[str, str]]) -> None:
        ids = self._term_ids
        for item_id, text in items:
            self._forget(item_id)
            terms = self.analyzer(text)
            array = np.fromiter((ids.setdefault(t, len(ids)) for t in terms), dtype=np.int32, count=len(terms))
            if len(ids) > len(self._df):
                self._df = np.concatenate([self._df, np.zeros(max(len(ids), len(self._df)), dtype=np.int64)])
            self._df[np.unique(array)] += 1
            self._total_length += len(array)
            self._terms[item_id] = self._pending[item_id] = array

    def remove(self, ids: Iterable[str]) -> None:
        for item_id in ids:
            self._forget(item_id)

    def _forget(self, item_id: str) -> None:
        array = self._terms.pop(item_id, None)
        if array is None:
            return
        self._df[np.unique(array)] -= 1
        self._total_length -= len(array)
        if self._pending.pop(item_id, None) is None:
            segment, row = self._where.pop(item_id)
            segment.alive[row] = False

    def _segment(self, ids: list[str]) -> _Segment:
        docs = [self._terms[i] for i in ids]
        segment = _Segment(ids, term_frequencies(docs, len(self._term_ids)), np.array([len(d) for d in docs]))
        for row, item_id in enumerate(ids):
            self._where[item_id] = (segment, row)
        return segment

    def _flush(self) -> None:
        """Write pending passages as a block; merge the smallest blocks and rewrite mostly-dead ones."""
        if self._pending:
            self._segments.append(self._segment(list(self._pending)))
            self._pending.clear()
        segments = self._segments
        for segment in [s for s in segments if s.dead > self.max_dead_share * len(s.ids)]:
            segments.remove(segment)
            alive = [i for i, keep in zip(segment.ids, segment.alive, strict=True) if keep]
            if alive:
                segments.append(self._segment(alive))
        while len(segments) > self.max_segments:
            smallest = sorted(segments, key=lambda s: len(s.ids) - s.dead)[:2]
            for segment in smallest:
                segments.remove(segment)
            merged = [i for s in smallest for i, keep in zip(s.ids, s.alive, strict=True) if keep]
            segments.append(self._segment(merged))

    def idf(self, term: str) -> float:
        """How rare a term is among the indexed passages; an unseen term gets the highest value."""
        term_id = self._term_ids.get(term)
        df = self._df[term_id] if term_id is not None else 0
        return float(bm25_idf(np.array([df]), len(self._terms))[0])

    def search(self, query: str, n: int, allowed: Callable[[str], bool] | None = None) -> list[tuple[str, float]]:
        self._flush()
        counts = Counter(t for t in map(self._term_ids.get, self.analyzer(query)) if t is not None and self._df[t] > 0)
        if not counts or n <= 0:
            return []
        idf = bm25_idf(self._df[list(counts)], len(self._terms))
        weights = {term: float(w) * count for (term, count), w in zip(counts.items(), idf, strict=True)}
        avgdl = max(self._total_length / len(self._terms), 1.0)
        hits: list[tuple[str, float]] = []
        for segment in self._segments:
            scores = segment.scores(weights, avgdl, self.k1, self.b)
            candidates = np.flatnonzero(scores > 0)
            order = candidates[np.lexsort((candidates, -scores[candidates]))]
            taken = 0
            for row in order:  # this block's best n allowed passages; the global best n are among them
                item_id = segment.ids[row]
                if allowed is None or allowed(item_id):
                    hits.append((item_id, float(scores[row])))
                    taken += 1
                    if taken >= n:
                        break
        hits.sort(key=lambda hit: (-hit[1], hit[0]))
        return hits[:n]
