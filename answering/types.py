"""The answer contract shared by the CLI, the app and the REST API."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Turn:
    role: str  # "user" | "assistant"
    content: str


@dataclass(frozen=True)
class Citation:
    n: int
    doc_id: str
    title: str
    date: str
    chunk_id: str
    quote: str  # exactly cleaned_text(doc_id)[start:end]
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "n": self.n,
            "doc_id": self.doc_id,
            "title": self.title,
            "date": self.date,
            "chunk_id": self.chunk_id,
            "quote": self.quote,
            "start": self.start,
            "end": self.end,
        }


@dataclass(frozen=True)
class Retrieved:
    doc_id: str
    chunk_id: str
    score: float
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"doc_id": self.doc_id, "chunk_id": self.chunk_id, "score": round(self.score, 6), "text": self.text}


@dataclass(frozen=True)
class Answer:
    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    retrieved: tuple[Retrieved, ...] = ()
    timings_ms: dict[str, float] = field(default_factory=dict)
    id: str | None = None
    search_query: str = ""  # the question as searched, after a follow-up was rewritten
    mode: str = "extractive"  # or "generative"
    notes: tuple[str, ...] = ()  # Vietnamese remarks: sentences dropped by the check, fallbacks

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {} if self.id is None else {"id": self.id}
        data.update(
            {
                "question": self.question,
                "answer": self.answer,
                "abstained": self.abstained,
                "citations": [c.to_dict() for c in self.citations],
                "retrieved": [r.to_dict() for r in self.retrieved],
                "timings_ms": {k: round(v, 2) for k, v in self.timings_ms.items()},
                "search_query": self.search_query,
                "mode": self.mode,
                "notes": list(self.notes),
            }
        )
        return data
