"""Rank fusion as pure functions."""

from __future__ import annotations

from collections.abc import Mapping, Sequence


def reciprocal_rank_fusion(
    rankings: Mapping[str, Sequence[str]],
    weights: Mapping[str, float] | None = None,
    k: int = 60,
) -> list[tuple[str, float]]:
    """Weighted RRF: score(id) = sum over retrievers of weight / (k + rank), rank from 1.

    Ties are broken by the best single rank, then by id, so the order is deterministic.
    """
    scores: dict[str, float] = {}
    best_rank: dict[str, int] = {}
    for name, ranking in rankings.items():
        weight = 1.0 if weights is None else weights.get(name, 1.0)
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
            best_rank[item] = min(best_rank.get(item, rank), rank)
    return sorted(scores.items(), key=lambda pair: (-pair[1], best_rank[pair[0]], pair[0]))


def min_max(scored: Sequence[tuple[str, float]]) -> list[tuple[str, float]]:
    """Scores rescaled to [0, 1] within one result list (a lone result gets 1)."""
    if not scored:
        return []
    high = max(s for _, s in scored)
    low = min(s for _, s in scored)
    span = high - low
    return [(item, (s - low) / span if span > 0 else 1.0) for item, s in scored]


def convex_fusion(
    scored: Mapping[str, Sequence[tuple[str, float]]],
    weights: Mapping[str, float] | None = None,
) -> list[tuple[str, float]]:
    """Weighted sum of min-max normalised scores; an item a retriever did not return gets 0 from it.

    Unlike RRF it keeps how far apart scores are: a BM25 hit far ahead of the rest stays ahead.
    """
    fused: dict[str, float] = {}
    for name, results in scored.items():
        weight = 1.0 if weights is None else weights.get(name, 1.0)
        for item, score in min_max(results):
            fused[item] = fused.get(item, 0.0) + weight * score
    return sorted(fused.items(), key=lambda pair: (-pair[1], pair[0]))
