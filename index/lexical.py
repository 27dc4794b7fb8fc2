"""BM25 for Vietnamese: diacritic-insensitive syllables plus syllable bigrams.

A question typed without accents ('bao nhieu ho so') scores exactly like the accented one,
and bigrams reward the multi-syllable words Vietnamese writes with spaces.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
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


def bm25_weights(docs: Sequence[np.ndarray], k1: float = 1.2, b: float = 0.75) -> tuple[sparse.csc_matrix, np.ndarray]:
    """Document-side BM25 weights from each doc's term ids (pure, vectorised): one row per doc, one
    column per distinct term; also returns the term id of each column, in ascending order."""
    n_docs = len(docs)
    lengths = np.array([len(d) for d in docs], dtype=np.int64)
    if not lengths.sum():
        return sparse.csc_matrix((n_docs, 0)), np.zeros(0, dtype=np.int64)
    terms, columns = np.unique(np.concatenate(docs), return_inverse=True)
    rows = np.repeat(np.arange(n_docs, dtype=np.int64), lengths)
    pairs, tf_counts = np.unique(rows * len(terms) + columns, return_counts=True)  # one per (doc, term)
    row_idx, col_idx = np.divmod(pairs, len(terms))
    tf = tf_counts.astype(np.float64)
    df = np.bincount(col_idx, minlength=len(terms))
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    avgdl = max(float(lengths.mean()), 1.0)
    norm = k1 * (1 - b + b * lengths[row_idx] / avgdl)
    values = idf[col_idx] * tf * (k1 + 1) / (tf + norm)
    return sparse.csc_matrix((values, (row_idx, col_idx)), shape=(n_docs, len(terms))), terms


class BM25Index:
    """BM25 over `analyzer`'s terms. Each passage's terms are kept as an int32 array of term ids
    (to rebuild the matrix after a change): a tenth of the memory of the strings themselves."""

    def __init__(self, k1: float = 1.2, b: float = 0.75, analyzer: Callable[[str], list[str]] = lexical_terms) -> None:
        self.k1, self.b, self.analyzer = k1, b, analyzer
        self._term_ids: dict[str, int] = {}  # every term ever seen -> its id
        self._terms: dict[str, np.ndarray] = {}  # passage id -> term ids, in order
        self._ids: list[str] = []
        self._matrix: sparse.csc_matrix | None = None
        self._columns: dict[int, int] = {}  # term id -> matrix column
        self._idf: np.ndarray = np.zeros(0)

    def __len__(self) -> int:
        return len(self._terms)

    def add(self, items: Iterable[tuple[str, str]]) -> None:
        ids = self._term_ids
        for item_id, text in items:
            terms = self.analyzer(text)
            self._terms[item_id] = np.fromiter(
                (ids.setdefault(t, len(ids)) for t in terms), dtype=np.int32, count=len(terms)
            )
        self._matrix = None

    def remove(self, ids: Iterable[str]) -> None:
        for item_id in ids:
            self._terms.pop(item_id, None)
        self._matrix = None

    def _ensure_built(self) -> sparse.csc_matrix:
        if self._matrix is None:
            self._ids = list(self._terms)
            self._matrix, column_terms = bm25_weights([self._terms[i] for i in self._ids], self.k1, self.b)
            self._columns = {int(term_id): column for column, term_id in enumerate(column_terms)}
            df = np.asarray(self._matrix.getnnz(axis=0), dtype=np.float64)
            self._idf = np.log1p((len(self._ids) - df + 0.5) / (df + 0.5))
        return self._matrix

    def _column(self, term: str) -> int | None:
        term_id = self._term_ids.get(term)
        return None if term_id is None else self._columns.get(term_id)

    def idf(self, term: str) -> float:
        """How rare a term is among the indexed passages; an unseen term gets the highest value."""
        self._ensure_built()
        column = self._column(term)
        if column is None:
            return float(np.log1p((len(self._ids) + 0.5) / 0.5))
        return float(self._idf[column])

    def search(self, query: str, n: int, allowed: Callable[[str], bool] | None = None) -> list[tuple[str, float]]:
        matrix = self._ensure_built()
        counts = Counter(c for c in map(self._column, self.analyzer(query)) if c is not None)
        if not counts:
            return []
        cols = list(counts)
        scores = np.asarray(matrix[:, cols] @ np.array(list(counts.values()), dtype=np.float64)).ravel()
        candidates = np.flatnonzero(scores > 0)
        order = candidates[np.lexsort((candidates, -scores[candidates]))]
        results: list[tuple[str, float]] = []
        for row in order:
            item_id = self._ids[row]
            if allowed is None or allowed(item_id):
                results.append((item_id, float(scores[row])))
                if len(results) >= n:
                    break
        return results
