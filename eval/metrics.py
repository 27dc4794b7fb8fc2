"""Deterministic evaluation metrics (pure functions)."""

from __future__ import annotations

from collections.abc import Sequence

from cqdt.vietnamese import contains_phrase


def first_hit_rank(
    retrieved: Sequence[tuple[str, str]], sources: Sequence[str], key_facts: Sequence[str]
) -> int | None:
    """1-based rank of the first (doc_id, text) from a gold source that states a key fact."""
    for rank, (doc_id, text) in enumerate(retrieved, start=1):
        if doc_id in sources and any(contains_phrase(text, fact) for fact in key_facts):
            return rank
    return None


def recall_at(ranks: Sequence[int | None], k: int) -> float:
    return sum(1 for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def mrr_at(ranks: Sequence[int | None], k: int = 10) -> float:
    return sum(1.0 / r for r in ranks if r is not None and r <= k) / len(ranks) if ranks else 0.0


def percentile(values: Sequence[float], q: float) -> float:
    """Nearest-rank percentile, q in [0, 100]."""
    if not values:
        return 0.0
    ordered = sorted(values)
    index = max(0, min(len(ordered) - 1, round(q / 100 * len(ordered) + 0.5) - 1))
    return ordered[index]
