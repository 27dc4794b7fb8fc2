"""Dense vectors in Chroma through llama-index's ChromaVectorStore."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from llama_index.core.schema import BaseNode, NodeRelationship, RelatedNodeInfo, TextNode
from llama_index.vector_stores.chroma import ChromaVectorStore

from cqdt.errors import EmbedderMismatchError
from cqdt.records import StoredChunk

_LIST_SEP = "; "
_PAGE = 2000


_MIN_NEIGHBOURS = 400


class VectorIndex(Protocol):
    def add(self, chunks: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]]) -> None: ...

    def delete_document(self, doc_id: str) -> None: ...

    def delete_versions(self, content_hashes: Sequence[str]) -> None:
        """Delete the chunks of these document versions."""

    def delete_stale(self, current: dict[str, str]) -> None:
        """Delete the chunks of these documents (doc_id -> content hash) that belong to other versions."""

    def query(self, embedding: Sequence[float], n: int) -> list[tuple[str, float]]:
        """(chunk_id, cosine similarity), best first."""

    def chunks(self, doc_id: str, content_hash: str) -> list[StoredChunk]: ...

    def count(self) -> int: ...


def _to_metadata(chunk: StoredChunk) -> dict[str, Any]:
    return {
        "doc_hash": chunk.content_hash,
        "index": chunk.index,
        "start": chunk.start,
        "end": chunk.end,
        "title": chunk.title,
        "date": chunk.date,
        "section": chunk.section,
        "doc_numbers": _LIST_SEP.join(chunk.doc_numbers),
        "places": _LIST_SEP.join(chunk.places),
    }


def _from_row(chunk_id: str, text: str, meta: dict[str, Any]) -> StoredChunk:
    def split(value: Any) -> tuple[str, ...]:
        return tuple(v for v in str(value or "").split(_LIST_SEP) if v)

    return StoredChunk(
        chunk_id=chunk_id,
        doc_id=str(meta["document_id"]),
        content_hash=str(meta["doc_hash"]),
        index=int(meta["index"]),
        start=int(meta["start"]),
        end=int(meta["end"]),
        text=text,
        title=str(meta.get("title", "")),
        date=str(meta.get("date", "")),
        section=str(meta.get("section", "")),
        doc_numbers=split(meta.get("doc_numbers")),
        places=split(meta.get("places")),
    )


class ChromaVectorIndex:
    def __init__(self, client: Any, name: str, embed_model: str) -> None:
        self._collection = client.get_or_create_collection(
            name,
            configuration={"hnsw": {"space": "cosine"}},
            metadata={"embed_model": embed_model},
            embedding_function=None,
        )
        stored_model = (self._collection.metadata or {}).get("embed_model")
        # Checked on use, not here, so 'cqdt reindex' can still open a mismatched index.
        self._mismatch = stored_model if stored_model and stored_model != embed_model else None
        self._embed_model = embed_model
        self._store = ChromaVectorStore(chroma_collection=self._collection)

    def _check_model(self) -> None:
        if self._mismatch and self._collection.count():
            raise EmbedderMismatchError(
                vi=f"Chỉ mục được tạo bằng mô hình nhúng '{self._mismatch}', khác mô hình hiện tại "
                f"'{self._embed_model}'. Hãy chạy 'cqdt reindex' để tạo lại vector.",
                en=f"index was built with embedding model '{self._mismatch}', not '{self._embed_model}': "
                "run 'cqdt reindex'",
            )

    def add(self, chunks: Sequence[StoredChunk], embeddings: Sequence[Sequence[float]]) -> None:
        self._check_model()
        nodes: list[BaseNode] = [
            TextNode(
                id_=chunk.chunk_id,
                text=chunk.text,
                embedding=list(vector),
                metadata=_to_metadata(chunk),
                relationships={NodeRelationship.SOURCE: RelatedNodeInfo(node_id=chunk.doc_id)},
            )
            for chunk, vector in zip(chunks, embeddings, strict=True)
        ]
        if nodes and not self._collection.count():
            # Chroma inserts a batch into hnswlib from parallel threads; into an empty graph that races on
            # the entry point and can leave the first vector unreachable (1 run in ~75 here). One vector
            # alone first gives the graph its entry point.
            self._store.add(nodes[:1])
            nodes = nodes[1:]
        if nodes:
            self._store.add(nodes)

    def delete_document(self, doc_id: str) -> None:
        self._store.delete(ref_doc_id=doc_id)

    def delete_versions(self, content_hashes: Sequence[str]) -> None:
        if content_hashes:
            self._collection.delete(where={"doc_hash": {"$in": list(content_hashes)}})

    def delete_stale(self, current: dict[str, str]) -> None:
        if current:
            self._collection.delete(
                where={
                    "$and": [
                        {"document_id": {"$in": list(current)}},
                        {"doc_hash": {"$nin": list(current.values())}},
                    ]
                }
            )

    def query(self, embedding: Sequence[float], n: int) -> list[tuple[str, float]]:
        if n <= 0 or not self._collection.count():
            return []
        self._check_model()
        # Straight to the collection, asking for distances only: the caller holds the chunks, and
        # building llama-index nodes for every hit cost more than the search itself.
        # hnswlib searches with ef = max(ef_search, k): asking for at least _MIN_NEIGHBOURS widens the
        # search beyond Chroma's default ef_search of 100, which on 3,200 near-identical vectors missed
        # a chunk's own vector; distances only, so extra neighbours are cheap.
        wanted = max(n, _MIN_NEIGHBOURS)
        result = self._collection.query(query_embeddings=[list(embedding)], n_results=wanted, include=["distances"])
        ids = result["ids"][0] if result["ids"] else []
        distances = result["distances"][0] if result["distances"] else []
        pairs = zip(ids[:n], distances[:n], strict=True)
        return [(node_id, 1.0 - float(distance)) for node_id, distance in pairs]  # cosine similarity

    def chunks(self, doc_id: str, content_hash: str) -> list[StoredChunk]:
        out: list[StoredChunk] = []
        offset = 0
        while True:
            got = self._collection.get(
                where={"$and": [{"document_id": doc_id}, {"doc_hash": content_hash}]},
                include=["documents", "metadatas"],
                limit=_PAGE,
                offset=offset,
            )
            out.extend(
                _from_row(i, t, m) for i, t, m in zip(got["ids"], got["documents"], got["metadatas"], strict=True)
            )
            if len(got["ids"]) < _PAGE:
                break
            offset += _PAGE
        return sorted(out, key=lambda c: c.index)

    def count(self) -> int:
        return int(self._collection.count())
