"""Feedback on answers, kept in SQLite under the data dir and exportable as evaluation cases."""

from __future__ import annotations

import json
import sqlite3
import threading
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from answering.types import Answer, Turn
from cqdt.errors import InputError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    history TEXT NOT NULL,
    answer TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT '',
    expected TEXT NOT NULL DEFAULT '',
    unanswerable INTEGER NOT NULL DEFAULT 0
)
"""


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False)
        with self._lock, self._db:
            self._db.execute(_SCHEMA)

    def record(
        self,
        answer: Answer,
        rating: int,
        *,
        history: tuple[Turn, ...] = (),
        comment: str = "",
        expected: str = "",
        unanswerable: bool = False,
    ) -> int:
        """Store a 👍 (+1) or 👎 (-1); `expected` is the right answer a trainer gives, if any."""
        if rating not in (-1, 1):
            raise InputError(vi="Đánh giá phải là 👍 hoặc 👎.", en="rating must be +1 or -1")
        with self._lock, self._db:
            cursor = self._db.execute(
                "INSERT INTO feedback (created_at, question, history, answer, rating, comment, expected, unanswerable)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(timespec="seconds"),
                    answer.question,
                    json.dumps([{"role": t.role, "content": t.content} for t in history], ensure_ascii=False),
                    json.dumps(answer.to_dict(), ensure_ascii=False),
                    rating,
                    comment.strip()[:2000],
                    expected.strip()[:2000],
                    int(unanswerable),
                ),
            )
            return int(cursor.lastrowid or 0)

    def rows(self) -> list[dict[str, Any]]:
        with self._lock:
            cursor = self._db.execute(
                "SELECT id, created_at, question, history, answer, rating, comment, expected, unanswerable"
                " FROM feedback ORDER BY id"
            )
            names = [d[0] for d in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def evaluation_cases(self) -> list[dict[str, Any]]:
        """Rows a trainer resolved (a right answer, or 'not in the documents') in the gold-set format."""
        cases = []
        for row in self.rows():
            if not row["expected"] and not row["unanswerable"]:
                continue
            answer = json.loads(row["answer"])
            case: dict[str, Any] = {
                "id": f"fb{row['id']}",
                "question": row["question"],
                "answers": [] if row["unanswerable"] else [[row["expected"]]],
                "sources": [] if row["unanswerable"] else sorted({c["doc_id"] for c in answer["citations"]}),
                "answerable": not row["unanswerable"],
                "category": "feedback",
            }
            history = json.loads(row["history"])
            if history:
                case["history"] = history
            cases.append(case)
        return cases

    def export_jsonl(self) -> str:
        return "".join(json.dumps(case, ensure_ascii=False) + "\n" for case in self.evaluation_cases())

    def close(self) -> None:
        self._db.close()
