"""What the app and the REST API call: one object per server process, thread-safe."""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from answering.llm import make_llm
from answering.service import Assistant, StreamEvent
from answering.types import Answer, Turn
from cqdt.errors import FileTooLargeError, InputError
from cqdt.feedback import FeedbackStore
from cqdt.library import IngestResult, Library, ProgressCallback, SearchFilters
from cqdt.records import DocumentRecord, SearchHit
from cqdt.settings import Settings
from trainer.coursepack import CoursePack, DocumentInput, build_course_pack


def _iso_date(text: str) -> str:
    text = (text or "").strip()
    if not text:
        return ""
    match = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text) or re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if not match:
        raise InputError(vi=f"Ngày không hợp lệ: '{text}' (dùng dd/mm/yyyy).", en=f"invalid date: {text!r}")
    parts = [int(p) for p in match.groups()]
    year, month, day = parts if len(match.group(1)) == 4 else (parts[2], parts[1], parts[0])
    try:
        return date(year, month, day).isoformat()
    except ValueError as exc:
        raise InputError(vi=f"Ngày không tồn tại: '{text}'.", en=f"invalid date: {text!r}") from exc


class Services:
    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.library = Library(settings)
        self.assistant = Assistant(self.library, llm=make_llm(settings))
        self.feedback = FeedbackStore(settings.data_dir / "feedback.sqlite3")
        # The index (embedded Chroma and this process's lexical mirror) is used one call at a time.
        self._lock = threading.RLock()

    @property
    def llm_available(self) -> bool:
        return self.assistant.llm is not None

    def close(self) -> None:
        self.feedback.close()
        self.library.close()

    @staticmethod
    def filters(
        doc_ids: Sequence[str] = (), places: Sequence[str] = (), date_from: str = "", date_to: str = ""
    ) -> SearchFilters | None:
        """Filters from the UI's fields; dates as yyyy-mm-dd or dd/mm/yyyy."""
        iso = [_iso_date(d) for d in (date_from, date_to)]
        result = SearchFilters(frozenset(doc_ids), frozenset(places), iso[0], iso[1])
        return result if result.active else None

    @staticmethod
    def history(answers: Sequence[Answer]) -> list[Turn]:
        """The conversation so far, as turns for follow-up questions."""
        turns: list[Turn] = []
        for answer in answers:
            turns += [Turn("user", answer.question), Turn("assistant", answer.answer)]
        return turns

    def ensure_corpus(self, progress: ProgressCallback | None = None) -> list[IngestResult]:
        with self._lock:
            return self.library.ensure_corpus(progress)

    # -- questions -------------------------------------------------------------------------
    def ask(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: SearchFilters | None = None,
        *,
        use_llm: bool = False,
        id: str | None = None,
    ) -> Answer:
        with self._lock:
            return self.assistant.ask(question, history, filters, use_llm=use_llm, id=id)

    def ask_stream(
        self,
        question: str,
        history: Sequence[Turn] = (),
        filters: SearchFilters | None = None,
        *,
        use_llm: bool = False,
    ) -> Iterator[StreamEvent]:
        with self._lock:
            yield from self.assistant.ask_stream(question, history, filters, use_llm=use_llm)

    def search(self, query: str, k: int | None = None, filters: SearchFilters | None = None) -> list[SearchHit]:
        with self._lock:
            return self.library.search(query, k, filters)

    def document_text(self, doc_id: str) -> str:
        with self._lock:
            return self.library.text(doc_id)

    # -- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentRecord]:
        with self._lock:
            return self.library.documents()

    def health(self) -> dict[str, Any]:
        with self._lock:
            records = self.library.documents()
        return {"status": "ok", "documents": len(records), "chunks": sum(r.chunk_count for r in records)}

    def places(self) -> list[str]:
        return sorted({p for r in self.documents() for p in r.places})

    def upload(self, path: Path, name: str) -> IngestResult:
        limit = int(self.settings.max_file_mb * 1024 * 1024)
        size = path.stat().st_size
        if size > limit:  # refused before reading it into memory
            error = FileTooLargeError(
                vi=f"Tệp {name} quá lớn ({size / 2**20:.1f} MB, tối đa {self.settings.max_file_mb:g} MB).",
                en=f"{name} is too large",
            )
            return IngestResult(name, name, "error", 0, error.vi, error.en)
        return self.upload_bytes(path.read_bytes(), name)

    def upload_bytes(self, data: bytes, name: str) -> IngestResult:
        with self._lock:
            return self.library.ingest_bytes(data, name)

    def remove(self, doc_id: str) -> DocumentRecord:
        with self._lock:
            return self.library.remove(doc_id)

    def course_pack(self, doc_ids: Sequence[str] = (), topic: str = "") -> CoursePack:
        """A course pack from chosen documents, or from the passages a topic retrieves."""
        with self._lock:
            records = {r.doc_id: r for r in self.library.documents()}
            chosen = [d for d in doc_ids if d in records] or list(records)
            ranges: dict[str, list[tuple[int, int]]] = {}
            if topic.strip():
                filters = SearchFilters(doc_ids=frozenset(chosen))
                for hit in self.library.search(topic, 12, filters):
                    ranges.setdefault(hit.chunk.doc_id, []).append((hit.chunk.start, hit.chunk.end))
                chosen = [d for d in chosen if d in ranges]
            if not chosen:
                raise InputError(vi="Không tìm thấy tài liệu nào cho chủ đề này.", en="no documents for this topic")
            inputs = [
                DocumentInput(
                    d, records[d].title, records[d].date, self.library.text(d), tuple(sorted(ranges.get(d, [])))
                )
                for d in chosen
            ]
        title = f"Bài giảng: {topic.strip()}" if topic.strip() else "Bài giảng: mô hình chính quyền đô thị tại Hà Nội"
        return build_course_pack(inputs, title)

    def reindex(self, progress: ProgressCallback | None = None) -> int:
        with self._lock:
            return self.library.reindex(progress)
