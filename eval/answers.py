"""Answer-level evaluation: accuracy, citation precision/recall, abstention, latency (deterministic)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from answering.service import Assistant
from answering.types import Answer, Turn
from cqdt.vietnamese import contains_phrase
from eval.dataset import GoldQuestion
from eval.metrics import percentile


def answer_is_correct(question: GoldQuestion, answer: Answer) -> bool:
    if not question.answerable:
        return answer.abstained
    if answer.abstained:
        return False
    return all(any(contains_phrase(answer.answer, alt) for alt in group) for group in question.answers)


def supporting_citations(question: GoldQuestion, answer: Answer) -> int:
    """Citations quoting a gold source and containing one of the key facts."""
    facts = [alt for group in question.answers for alt in group]
    return sum(
        1
        for c in answer.citations
        if c.doc_id in question.sources and any(contains_phrase(c.quote, fact) for fact in facts)
    )


def evaluate_answers(assistant: Assistant, questions: Sequence[GoldQuestion]) -> dict[str, Any]:
    rows: list[dict[str, Any]] = []
    for question in questions:
        history = [Turn(t.role, t.content) for t in question.history]
        answer = assistant.ask(question.question, history, id=question.id)
        rows.append(
            {
                "id": question.id,
                "category": question.category,
                "answerable": question.answerable,
                "abstained": answer.abstained,
                "correct": answer_is_correct(question, answer),
                "citations": len(answer.citations),
                "supporting_citations": supporting_citations(question, answer) if question.answerable else 0,
                "latency_ms": answer.timings_ms["total"],
                "search_query": answer.search_query,
                "answer": answer.answer,
            }
        )
    return {"metrics": answer_metrics(rows), "per_question": rows}


def answer_metrics(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    answered = [r for r in answerable if not r["abstained"]]
    correct_answerable = [r for r in answerable if r["correct"]]
    abstained = [r for r in rows if r["abstained"]]
    all_citations = sum(r["citations"] for r in answered)
    latencies = [r["latency_ms"] for r in rows]

    def share(part: int, whole: int) -> float:
        return part / whole if whole else 0.0

    return {
        "answer_accuracy": share(sum(r["correct"] for r in rows), len(rows)),
        "answerable_accuracy": share(len(correct_answerable), len(answerable)),
        "citation_precision": share(sum(r["supporting_citations"] for r in answered), all_citations),
        "citation_recall": share(
            sum(1 for r in correct_answerable if r["supporting_citations"] > 0), len(correct_answerable)
        ),
        "abstention_precision": share(sum(1 for r in abstained if not r["answerable"]), len(abstained)),
        "abstention_recall": share(sum(1 for r in unanswerable if r["abstained"]), len(unanswerable)),
        "wrong_abstention_rate": share(sum(1 for r in answerable if r["abstained"]), len(answerable)),
        "latency_p50_ms": percentile(latencies, 50),
        "latency_p95_ms": percentile(latencies, 95),
    }
