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


def bm25_weights(
    docs: Sequence[Sequence[str]], k1: float = 1.2, b: float = 0.75
) -> tuple[sparse.csc_matrix, dict[str, int]]:
    """Document-side BM25 weights, one row per doc and one column per term (pure)."""
    vocabulary: dict[str, int] = {}
    rows, cols, tfs = [], [], []
    lengths = np.array([len(d) for d in docs], dtype=np.float64)
    for row, terms in enumerate(docs):
        for term, count in Counter(terms).items():
            rows.append(row)
            cols.append(vocabulary.setdefault(term, len(vocabulary)))
            tfs.append(count)
    n_docs = len(docs)
    if not tfs:
        return sparse.csc_matrix((n_docs, 0)), vocabulary
    tf = np.array(tfs, dtype=np.float64)
    row_idx = np.array(rows)
    col_idx = np.array(cols)
    df = np.bincount(col_idx, minlength=len(vocabulary))
    idf = np.log1p((n_docs - df + 0.5) / (df + 0.5))
    avgdl = max(lengths.mean(), 1.0)
    norm = k1 * (1 - b + b * lengths[row_idx] / avgdl)
    values = idf[col_idx] * tf * (k1 + 1) / (tf + norm)
    return sparse.csc_matrix((values, (row_idx, col_idx)), shape=(n_docs, len(vocabulary))), vocabulary


class BM25Index:
    def __init__(self, k1: float = 1.2, b: float = 0.75, analyzer: Callable[[str], list[str]] = lexical_terms) -> None:
        self.k1, self.b, self.analyzer = k1, b, analyzer
        self._terms: dict[str, list[str]] = {}
        self._ids: list[str] = []
        self._matrix: sparse.csc_matrix | None = None
        self._vocabulary: dict[str, int] = {}
        self._idf: np.ndarray = np.zeros(0)

    def __len__(self) -> int:
        return len(self._terms)

    def add(self, items: Iterable[tuple[str, str]]) -> None:
        for item_id, text in items:
            self._terms[item_id] = self.analyzer(text)
        self._matrix = None

    def remove(self, ids: Iterable[str]) -> None:
        for item_id in ids:
            self._terms.pop(item_id, None)
        self._matrix = None

    def _ensure_built(self) -> sparse.csc_matrix:
        if self._matrix is None:
            self._ids = list(self._terms)
            self._matrix, self._vocabulary = bm25_weights([self._terms[i] for i in self._ids], self.k1, self.b)
            df = np.asarray(self._matrix.getnnz(axis=0), dtype=np.float64)
            self._idf = np.log1p((len(self._ids) - df + 0.5) / (df + 0.5))
        return self._matrix

    def idf(self, term: str) -> float:
        """How rare a term is among the indexed passages; an unseen term gets the highest value."""
        self._ensure_built()
        column = self._vocabulary.get(term)
        if column is None:
            return float(np.log1p((len(self._ids) + 0.5) / 0.5))
        return float(self._idf[column])

    def search(self, query: str, n: int, allowed: Callable[[str], bool] | None = None) -> list[tuple[str, float]]:
        matrix = self._ensure_built()
        counts = Counter(t for t in self.analyzer(query) if t in self._vocabulary)
        if not counts:
            return []
        cols = [self._vocabulary[t] for t in counts]
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
