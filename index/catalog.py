"""The document catalog: one entry per stored document, kept in Chroma beside the chunks.

Writing a document's catalog entry is the commit point of its ingestion: chunks whose
(doc_id, content hash) the catalog does not name are invisible to search. Keeping the catalog
in Chroma means every process sharing a Chroma server sees the same documents.
"""

from __future__ import annotations

from typing import Any

from cqdt.records import DocumentRecord

_PLACEHOLDER_VECTOR = [1.0]  # Chroma requires an embedding; catalog entries are never searched by vector
_LIST_SEP = "; "


def _to_metadata(record: DocumentRecord) -> dict[str, Any]:
    data = record.to_dict()
    data["doc_numbers"] = _LIST_SEP.join(record.doc_numbers)
    data["places"] = _LIST_SEP.join(record.places)
    return data


def _from_metadata(meta: dict[str, Any]) -> DocumentRecord:
    def split(value: Any) -> tuple[str, ...]:
        return tuple(v for v in str(value or "").split(_LIST_SEP) if v)

    return DocumentRecord(
        doc_id=str(meta["doc_id"]),
        content_hash=str(meta["content_hash"]),
        title=str(meta.get("title", "")),
        date=str(meta.get("date", "")),
        publisher=str(meta.get("publisher", "")),
        url=str(meta.get("url", "")),
        source_format=str(meta.get("source_format", "")),
        source_path=str(meta.get("source_path", "")),
        chunk_count=int(meta.get("chunk_count", 0)),
        char_count=int(meta.get("char_count", 0)),
        embed_model=str(meta.get("embed_model", "")),
        ingested_at=str(meta.get("ingested_at", "")),
        doc_numbers=split(meta.get("doc_numbers")),
        places=split(meta.get("places")),
    )


class DocumentCatalog:
    def __init__(self, client: Any, name: str) -> None:
        self._collection = client.get_or_create_collection(name, embedding_function=None)

    def states(self) -> dict[str, str]:
        """doc_id -> content hash of every committed document."""
        got = self._collection.get(include=["metadatas"])
        return {doc_id: str(meta["content_hash"]) for doc_id, meta in zip(got["ids"], got["metadatas"], strict=True)}

    def records(self) -> list[DocumentRecord]:
        got = self._collection.get(include=["metadatas"])
        return sorted((_from_metadata(meta) for meta in got["metadatas"]), key=lambda r: r.doc_id)

    def get(self, doc_id: str) -> DocumentRecord | None:
        got = self._collection.get(ids=[doc_id], include=["metadatas"])
        return _from_metadata(got["metadatas"][0]) if got["ids"] else None

    def text(self, doc_id: str) -> str | None:
        got = self._collection.get(ids=[doc_id], include=["documents"])
        return str(got["documents"][0]) if got["ids"] else None

    def find_by_hash(self, content_hash: str) -> str | None:
        got = self._collection.get(where={"content_hash": content_hash}, include=[])
        return str(got["ids"][0]) if got["ids"] else None

    def put(self, record: DocumentRecord, text: str) -> None:
        self._collection.upsert(
            ids=[record.doc_id],
            embeddings=[_PLACEHOLDER_VECTOR],
            documents=[text],
            metadatas=[_to_metadata(record)],
        )

    def remove(self, doc_id: str) -> None:
        self._collection.delete(ids=[doc_id])

    def count(self) -> int:
        return int(self._collection.count())
