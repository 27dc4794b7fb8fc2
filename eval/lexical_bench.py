"""What a change to the library costs the lexical index: the incremental BM25 index against a
rebuild from scratch (what every change cost before), in the same run.

    python -m eval.lexical_bench [--passages 93000] [--terms 250]

Synthetic passages (Zipf-distributed term ids, like text) keep the figures about the index alone.
"""

from __future__ import annotations

import argparse
import json
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from eval.metrics import percentile
from index.lexical import BM25Index


def _index() -> BM25Index:
    return BM25Index(analyzer=str.split)  # the passages are pre-tokenized term ids


def run_lexical_bench(passages: int, terms: int = 250, queries: int = 50, seed: int = 0) -> dict[str, Any]:
    rng = np.random.default_rng(seed)
    vocabulary = max(1000, passages)

    def text(length: int) -> str:
        # Lengths vary, as real passages do: every change then moves the average length.
        size = int(rng.integers(length // 2, length * 3 // 2 + 1))
        return " ".join(map(str, rng.zipf(1.25, size=size) % vocabulary))

    corpus = [(f"p{i}", text(terms)) for i in range(passages)]
    asked = [text(30) for _ in range(queries)]

    index = _index()
    started = time.perf_counter()
    index.add(corpus)
    index.search(asked[0], 10)
    build_s = time.perf_counter() - started

    query_ms: list[float] = []
    for query in asked:
        started = time.perf_counter()
        index.search(query, 50)
        query_ms.append((time.perf_counter() - started) * 1000)

    changes = [(f"new{i}", text(terms)) for i in range(5)]
    after_change_ms: list[float] = []
    for item in changes:  # one document changes, then someone asks
        started = time.perf_counter()
        index.add([item])
        index.remove([f"p{len(after_change_ms)}"])
        index.search(asked[1], 10)
        after_change_ms.append((time.perf_counter() - started) * 1000)

    rebuilt = _index()
    started = time.perf_counter()
    rebuilt.add(corpus[len(changes) :] + changes)
    rebuilt.search(asked[1], 10)
    rebuild_ms = (time.perf_counter() - started) * 1000
    assert [round(s, 9) for _, s in rebuilt.search(asked[2], 10)] == [
        round(s, 9) for _, s in index.search(asked[2], 10)
    ], "the incremental index must score exactly like a fresh one"
    return {
        "passages": passages,
        "terms_per_passage": terms,
        "build_s": round(build_s, 2),
        "query_p50_ms": round(percentile(query_ms, 50), 1),
        "query_p95_ms": round(percentile(query_ms, 95), 1),
        "first_query_after_change_ms": round(percentile(after_change_ms, 50), 1),
        "rebuild_and_query_ms": round(rebuild_ms, 1),
        "speedup": round(rebuild_ms / max(percentile(after_change_ms, 50), 1e-6), 1),
        "segments": index.segments,
    }


def format_lexical_bench(report: dict[str, Any]) -> str:
    return (
        f"{report['passages']:,} passages × {report['terms_per_passage']} terms: build {report['build_s']} s, "
        f"query p50/p95 {report['query_p50_ms']}/{report['query_p95_ms']} ms\n"
        f"first query after a change: {report['first_query_after_change_ms']} ms incremental vs "
        f"{report['rebuild_and_query_ms']} ms rebuilt from scratch (×{report['speedup']})"
    )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--passages", type=int, default=93_000)
    parser.add_argument("--terms", type=int, default=250)
    args = parser.parse_args(argv)
    report = run_lexical_bench(args.passages, args.terms)
    print(format_lexical_bench(report))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
