"""`cqdt eval`: run a gold set through our pipeline and the naive baseline; write the reports."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from answering.service import Assistant
from answering.types import Turn
from cqdt.library import Library
from eval.answers import evaluate
from eval.baseline import NaiveBaseline
from eval.dataset import GoldQuestion, load_dataset, resolve_sources

REPORTED = (
    "recall@1",
    "recall@3",
    "recall@5",
    "mrr@10",
    "answer_accuracy",
    "citation_precision",
    "citation_recall",
    "abstention_precision",
    "abstention_recall",
    "latency_p50_ms",
    "latency_p95_ms",
)


def run_eval(
    library: Library,
    dataset: Path,
    out_dir: Path,
    *,
    baseline: bool = True,
    progress: Callable[[str], None] = lambda message: None,
) -> dict[str, Any]:
    library.ensure_corpus()
    questions = resolve_sources(load_dataset(dataset), (d.doc_id for d in library.documents()))
    assistant = Assistant(library)
    assistant.ask("khởi động")  # warm caches so latency figures are steady-state

    def ours(q: GoldQuestion) -> Any:
        return assistant.ask(q.question, [Turn(t.role, t.content) for t in q.history], id=q.id)

    progress(f"Đang chấm {len(questions)} câu hỏi…")
    result = evaluate(ours, questions)
    report: dict[str, Any] = {
        "dataset": str(dataset),
        "n": result["n"],
        "metrics": result["metrics"],
        "per_category": result["per_category"],
        "per_question": result["per_question"],
    }
    if baseline:
        progress("Đang chạy baseline (llama-index mặc định)…")
        files = sorted(p for p in library.settings.corpus_dir.iterdir() if p.suffix == ".txt")
        naive = NaiveBaseline(files, library.embedder)
        try:
            base = evaluate(lambda q: naive.ask(q.question, q.id), questions)
        finally:
            naive.close()
        report["baseline"] = {"metrics": base["metrics"], "per_category": base["per_category"]}
    write_reports(report, out_dir)
    return report


def format_table(report: dict[str, Any]) -> str:
    ours = report["metrics"]
    base = report.get("baseline", {}).get("metrics", {})
    lines = [f"{'metric':<22}{'ours':>10}{'baseline':>10}"]
    for key in REPORTED:
        other = f"{base[key]:>10.3f}" if key in base else f"{'—':>10}"
        lines.append(f"{key:<22}{ours[key]:>10.3f}{other}")
    return "\n".join(lines)


def write_reports(report: dict[str, Any], out_dir: Path) -> None:
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "report.json").write_text(json.dumps(report, ensure_ascii=False, indent=2), encoding="utf-8")
    lines = [
        "# Kết quả đánh giá",
        "",
        f"Bộ câu hỏi: `{report['dataset']}` — {report['n']} câu.",
        "",
        "```",
        format_table(report),
        "```",
        "",
        "## Theo nhóm câu hỏi",
        "",
        "| nhóm | n | độ chính xác | R@5 | baseline độ chính xác |",
        "|---|---|---|---|---|",
    ]
    base_categories = report.get("baseline", {}).get("per_category", {})
    for category, m in report["per_category"].items():
        base = base_categories.get(category, {}).get("answer_accuracy")
        lines.append(
            f"| {category} | {m['n']} | {m['answer_accuracy']:.3f} | {m['recall@5']:.3f} | "
            f"{'—' if base is None else f'{base:.3f}'} |"
        )
    wrong = [r for r in report["per_question"] if not r["correct"]]
    lines += ["", f"## Câu trả lời sai ({len(wrong)})", ""]
    for row in wrong:
        state = "từ chối" if row["abstained"] else "trả lời"
        lines.append(f"- `{row['id']}` ({row['category']}, {state}): {row['question']}")
    (out_dir / "report.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    _chart(report, out_dir / "accuracy_by_category.png")


def _chart(report: dict[str, Any], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")  # no display on servers and CI
    import matplotlib.pyplot as plt

    categories = list(report["per_category"])
    ours = [report["per_category"][c]["answer_accuracy"] for c in categories]
    base_categories = report.get("baseline", {}).get("per_category", {})
    width = 0.4 if base_categories else 0.8
    figure, axes = plt.subplots(figsize=(10, 4.5))
    positions = range(len(categories))
    axes.bar([p - (width / 2 if base_categories else 0) for p in positions], ours, width, label="cqdt")
    if base_categories:
        base = [base_categories.get(c, {}).get("answer_accuracy", 0.0) for c in categories]
        axes.bar([p + width / 2 for p in positions], base, width, label="baseline llama-index")
    axes.set_xticks(list(positions), categories, rotation=30, ha="right")
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("độ chính xác")
    axes.set_title("Độ chính xác theo nhóm câu hỏi")
    axes.legend()
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)
