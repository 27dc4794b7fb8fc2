"""Reading gold datasets: one JSON object per line."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from cqdt.errors import InputError

DATASETS_DIR = Path(__file__).resolve().parent / "datasets"
DEFAULT_DATASET = DATASETS_DIR / "gold.jsonl"


@dataclass(frozen=True)
class Turn:
    role: str
    content: str


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    answers: tuple[tuple[str, ...], ...]
    sources: tuple[str, ...]
    answerable: bool
    category: str
    history: tuple[Turn, ...] = field(default=())


def load_dataset(path: Path) -> list[GoldQuestion]:
    questions: list[GoldQuestion] = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(vi=f"Không đọc được bộ dữ liệu {path}.", en=f"cannot read dataset {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            questions.append(
                GoldQuestion(
                    id=str(row["id"]),
                    question=str(row["question"]),
                    answers=tuple(tuple(str(a) for a in group) for group in row.get("answers", [])),
                    sources=tuple(row.get("sources", [])),
                    answerable=bool(row.get("answerable", True)),
                    category=str(row.get("category", "")),
                    history=tuple(Turn(str(t["role"]), str(t["content"])) for t in row.get("history") or []),
                )
            )
        except (json.JSONDecodeError, KeyError, TypeError) as exc:
            raise InputError(
                vi=f"Dòng {number} của {path.name} không đúng định dạng.",
                en=f"{path.name}:{number}: invalid row ({exc})",
            ) from exc
    return questions


def resolve_sources(questions: Iterable[GoldQuestion], doc_ids: Iterable[str]) -> list[GoldQuestion]:
    """Map sources written without their extension ('000_4e35…' for '000_4e35….txt') to the
    stored document ids, so hand-written datasets score against the documents they mean."""
    known = set(doc_ids)
    by_stem: dict[str, list[str]] = {}
    for doc_id in known:
        by_stem.setdefault(Path(doc_id).stem, []).append(doc_id)

    def resolve(source: str) -> str:
        if source in known:
            return source
        matches = by_stem.get(source, [])
        return matches[0] if len(matches) == 1 else source

    return [replace(q, sources=tuple(resolve(s) for s in q.sources)) for q in questions]
