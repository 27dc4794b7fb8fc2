"""Scoring answers against a gold set: deterministic metrics, no LLM judge."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from answering.types import Answer
from cqdt.vietnamese import contains_phrase
from eval.dataset import GoldQuestion
from eval.metrics import first_hit_rank, mrr_at, percentile, recall_at

AskFunction = Callable[[GoldQuestion], Answer]


def answer_is_correct(question: GoldQuestion, answer: Answer) -> bool:
    """Unanswerable: correct iff abstained. Answerable: every answer group has an alternative in the
    answer text (case, spacing, Unicode and number formats normalised)."""
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


def score_question(question: GoldQuestion, answer: Answer) -> dict[str, Any]:
    rank = None
    if question.answerable and question.answers:
        rank = first_hit_rank([(r.doc_id, r.text) for r in answer.retrieved], question.sources, question.answers[0])
    return {
        "id": question.id,
        "category": question.category,
        "answerable": question.answerable,
        "question": question.question,
        "search_query": answer.search_query,
        "answer": answer.answer,
        "abstained": answer.abstained,
        "correct": answer_is_correct(question, answer),
        "retrieval_rank": rank,
        "citations": len(answer.citations),
        "supporting_citations": supporting_citations(question, answer) if question.answerable else 0,
        "latency_ms": round(answer.timings_ms.get("total", 0.0), 2),
    }


def evaluate(ask: AskFunction, questions: Sequence[GoldQuestion]) -> dict[str, Any]:
    rows = [score_question(q, ask(q)) for q in questions]
    categories = sorted({r["category"] for r in rows})
    return {
        "n": len(rows),
        "metrics": metrics(rows),
        "per_category": {c: metrics([r for r in rows if r["category"] == c]) for c in categories},
        "per_question": rows,
    }


def metrics(rows: Sequence[dict[str, Any]]) -> dict[str, float]:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    answered = [r for r in answerable if not r["abstained"]]
    correct_answerable = [r for r in answerable if r["correct"]]
    abstained = [r for r in rows if r["abstained"]]
    ranks = [r["retrieval_rank"] for r in answerable]

    def share(part: int, whole: int) -> float:
        return round(part / whole, 4) if whole else 0.0

    return {
        "n": len(rows),
        "recall@1": round(recall_at(ranks, 1), 4),
        "recall@3": round(recall_at(ranks, 3), 4),
        "recall@5": round(recall_at(ranks, 5), 4),
        "mrr@10": round(mrr_at(ranks, 10), 4),
        "answer_accuracy": share(sum(r["correct"] for r in rows), len(rows)),
        "answerable_accuracy": share(len(correct_answerable), len(answerable)),
        "citation_precision": share(
            sum(r["supporting_citations"] for r in answered), sum(r["citations"] for r in answered)
        ),
        "citation_recall": share(
            sum(1 for r in correct_answerable if r["supporting_citations"] > 0), len(correct_answerable)
        ),
        "abstention_precision": share(sum(1 for r in abstained if not r["answerable"]), len(abstained)),
        "abstention_recall": share(sum(1 for r in unanswerable if r["abstained"]), len(unanswerable)),
        "wrong_abstention_rate": share(sum(1 for r in answerable if r["abstained"]), len(answerable)),
        "latency_p50_ms": round(percentile([r["latency_ms"] for r in rows], 50), 2),
        "latency_p95_ms": round(percentile([r["latency_ms"] for r in rows], 95), 2),
    }
