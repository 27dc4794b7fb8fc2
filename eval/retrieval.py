"""Retrieval experiment: recall@k and MRR of BM25, dense and hybrid search on a gold set.

python -m eval.retrieval [--dataset FILE] [--json]
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cqdt.library import Library
from cqdt.settings import Settings
from eval.dataset import DEFAULT_DATASET, GoldQuestion, load_dataset, resolve_sources
from eval.metrics import first_hit_rank, mrr_at, percentile, recall_at

MODES = ("bm25", "dense", "hybrid")


def retrieval_query(question: GoldQuestion) -> str:
    """A follow-up is searched together with the user's previous turn, which names its subject."""
    previous = [turn.content for turn in question.history if turn.role == "user"][-1:]
    return " ".join([*previous, question.question])


def evaluate_retrieval(
    library: Library, questions: Sequence[GoldQuestion], modes: Sequence[str] = MODES, depth: int = 10
) -> dict[str, Any]:
    doc_ids = (d.doc_id for d in library.documents())
    answerable = [q for q in resolve_sources(questions, doc_ids) if q.answerable and q.answers]
    report: dict[str, Any] = {"n": len(answerable), "modes": {}}
    for mode in modes:
        ranks: list[int | None] = []
        latencies: list[float] = []
        by_category: dict[str, list[int | None]] = {}
        misses = []
        for question in answerable:
            started = time.perf_counter()
            hits = library.search(retrieval_query(question), depth, mode=mode)
            latencies.append((time.perf_counter() - started) * 1000)
            rank = first_hit_rank([(h.chunk.doc_id, h.chunk.text) for h in hits], question.sources, question.answers[0])
            ranks.append(rank)
            by_category.setdefault(question.category, []).append(rank)
            if rank is None or rank > 5:
                misses.append(question.id)
        report["modes"][mode] = {
            "recall@1": recall_at(ranks, 1),
            "recall@3": recall_at(ranks, 3),
            "recall@5": recall_at(ranks, 5),
            "mrr@10": mrr_at(ranks, 10),
            "latency_p50_ms": percentile(latencies, 50),
            "latency_p95_ms": percentile(latencies, 95),
            "per_category": {
                c: {"n": len(r), "recall@5": recall_at(r, 5), "mrr@10": mrr_at(r, 10)}
                for c, r in sorted(by_category.items())
            },
            "misses@5": misses,
        }
    return report


def format_table(report: dict[str, Any]) -> str:
    lines = [
        f"n = {report['n']} answerable questions",
        f"{'mode':<8} {'R@1':>6} {'R@3':>6} {'R@5':>6} {'MRR@10':>7} {'p50 ms':>7} {'p95 ms':>7}",
    ]
    for mode, m in report["modes"].items():
        lines.append(
            f"{mode:<8} {m['recall@1']:>6.3f} {m['recall@3']:>6.3f} {m['recall@5']:>6.3f} {m['mrr@10']:>7.3f} "
            f"{m['latency_p50_ms']:>7.1f} {m['latency_p95_ms']:>7.1f}"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dataset", type=Path, default=DEFAULT_DATASET)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()
    with Library(settings) as library:
        library.ensure_corpus()
        report = evaluate_retrieval(library, load_dataset(args.dataset))
    print(json.dumps(report, ensure_ascii=False, indent=2) if args.json else format_table(report))


if __name__ == "__main__":
    main()
