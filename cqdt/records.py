"""Plain records passed between ingestion, indexing and the services."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Chunk:
    """A passage of a document: `text == document_text[start:end]`."""

    doc_id: str
    index: int
    start: int
    end: int
    text: str
    section: str = ""
    doc_numbers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def chunk_id(self, content_hash: str) -> str:
        # The content hash makes ids of two versions of a document distinct, so a new version
        # can be written completely before the old one is removed.
        return f"{self.doc_id}#{content_hash[:12]}#{self.index:04d}"


@dataclass(frozen=True)
class DocumentMeta:
    title: str
    date: str = ""  # ISO yyyy-mm-dd, or "" when the document does not state it
    publisher: str = ""
    url: str = ""


@dataclass(frozen=True)
class PreparedDocument:
    """A document read, cleaned and chunked, ready to be embedded and stored."""

    doc_id: str
    content_hash: str
    source_format: str
    meta: DocumentMeta
    text: str
    chunks: tuple[Chunk, ...]
    source_path: str = ""


@dataclass(frozen=True)
class DocumentRecord:
    """What the catalog knows about a stored document."""

    doc_id: str
    content_hash: str
    title: str
    date: str
    publisher: str
    url: str
    source_format: str
    source_path: str
    chunk_count: int
    char_count: int
    embed_model: str
    ingested_at: str
    doc_numbers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["doc_numbers"] = list(self.doc_numbers)
        data["places"] = list(self.places)
        return data


@dataclass(frozen=True)
class StoredChunk:
    """A committed chunk as the search side sees it."""

    chunk_id: str
    doc_id: str
    content_hash: str
    index: int
    start: int
    end: int
    text: str
    title: str
    date: str
    section: str = ""
    doc_numbers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()


@dataclass(frozen=True)
class SearchHit:
    rank: int
    score: float
    chunk: StoredChunk
    scores: dict[str, float] = field(default_factory=dict)  # each retriever's own score (bm25, dense cosine)

    def to_dict(self) -> dict[str, Any]:
        c = self.chunk
        return {
            "rank": self.rank,
            "doc_id": c.doc_id,
            "chunk_id": c.chunk_id,
            "score": round(self.score, 6),
            "title": c.title,
            "date": c.date,
            "text": c.text,
            "start": c.start,
            "end": c.end,
            "section": c.section,
        }
