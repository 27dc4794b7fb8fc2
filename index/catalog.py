"""The document catalog: one entry per stored document, kept in Chroma beside the chunks.

Writing a document's catalog entry is the commit point of its ingestion: chunks whose
(doc_id, content hash) the catalog does not name are invisible to search. Keeping the catalog
in Chroma means every process sharing a Chroma server sees the same documents.

Cleaned texts live in a second collection, zlib-compressed in metadata: as Chroma documents they
would be full-text indexed, which made each write slower as the library grew (26 ms at the
first document, 210 ms at the 300th); and apart from the records so that listing the
catalog stays cheap.
"""

from __future__ import annotations

import base64
import uuid
import zlib
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


def _pack(text: str) -> str:
    return base64.b64encode(zlib.compress(text.encode("utf-8"), 6)).decode("ascii")


def _unpack(packed: str) -> str:
    return zlib.decompress(base64.b64decode(packed)).decode("utf-8")


class DocumentCatalog:
    def __init__(self, client: Any, name: str) -> None:
        self._collection = client.get_or_create_collection(name, embedding_function=None)
        self._texts = client.get_or_create_collection(f"{name}_text", embedding_function=None)
        self._version = client.get_or_create_collection(f"{name}_version", embedding_function=None)

    def version(self) -> str:
        """A token that changes with every commit or removal, by any process: a cheap change check."""
        got = self._version.get(ids=["version"], include=["metadatas"])
        return str(got["metadatas"][0]["token"]) if got["ids"] else ""

    def bump_version(self) -> str:
        token = uuid.uuid4().hex
        self._version.upsert(ids=["version"], embeddings=[_PLACEHOLDER_VECTOR], metadatas=[{"token": token}])
        return token

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

    def text(self, doc_id: str, content_hash: str) -> str | None:
        """The cleaned text of one version of a document."""
        got = self._texts.get(ids=[f"{doc_id}@{content_hash}"], include=["metadatas"])
        if got["ids"]:
            return _unpack(str(got["metadatas"][0]["text_z"]))
        # Libraries written before the texts moved kept them as the records' documents.
        got = self._collection.get(ids=[doc_id], include=["documents"])
        return str(got["documents"][0]) if got["ids"] and got["documents"][0] else None

    def put(self, record: DocumentRecord, text: str) -> None:
        """Store this version's text, then the record (the commit point), then drop older texts."""
        doc_id, content_hash = record.doc_id, record.content_hash
        self._texts.upsert(
            ids=[f"{doc_id}@{content_hash}"],
            embeddings=[_PLACEHOLDER_VECTOR],
            metadatas=[{"doc_id": doc_id, "content_hash": content_hash, "text_z": _pack(text)}],
        )
        self._collection.upsert(ids=[doc_id], embeddings=[_PLACEHOLDER_VECTOR], metadatas=[_to_metadata(record)])
        self.bump_version()
        self._texts.delete(where={"$and": [{"doc_id": doc_id}, {"content_hash": {"$ne": content_hash}}]})

    def remove(self, doc_id: str) -> None:
        self._collection.delete(ids=[doc_id])
        self.bump_version()
        self._texts.delete(where={"doc_id": doc_id})

    def count(self) -> int:
        return int(self._collection.count())
