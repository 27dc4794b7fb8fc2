"""The retrieval service: ingest documents into Chroma and find passages for a question.

Ingestion commits per document: new chunks are written first, then the catalog entry (the
commit point), then the old version's chunks are deleted. Search only sees chunks of
committed versions, so a crash or a concurrent reader never sees half a document.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cqdt.errors import (
    CqdtError,
    DocumentNotFoundError,
    DuplicateDocumentError,
    InputError,
    StoreError,
)
from cqdt.records import DocumentMeta, DocumentRecord, PreparedDocument, SearchHit, StoredChunk
from cqdt.settings import Settings
from cqdt.vietnamese import has_diacritics, sanitize
from index.catalog import DocumentCatalog
from index.chroma import ChromaHandle, open_chroma
from index.embedders import Embedder, make_embedder
from index.fusion import convex_fusion, reciprocal_rank_fusion
from index.lexical import BM25Index, LexicalIndex
from index.vector import ChromaVectorIndex, VectorIndex
from ingest.entities import document_numbers, places
from ingest.pipeline import discover, make_chunks, prepare_bytes, prepare_file

ProgressCallback = Callable[[int, int, str], None]
"""Called as (chunks embedded so far, chunks to embed in total, current doc_id)."""


def indexable_text(chunk: StoredChunk) -> str:
    """What both retrievers see of a chunk: its document title gives it context ('which district')."""
    return "\n".join(part for part in (chunk.title, chunk.section, chunk.text) if part)


_WRITE_BATCH_CHUNKS = 500
_WRITE_INTERVAL_S = 0.25


def _stored_chunks(document: PreparedDocument) -> list[StoredChunk]:
    return [
        StoredChunk(
            chunk_id=c.chunk_id(document.content_hash),
            doc_id=document.doc_id,
            content_hash=document.content_hash,
            index=c.index,
            start=c.start,
            end=c.end,
            text=c.text,
            title=document.meta.title,
            date=document.meta.date,
            section=c.section,
            doc_numbers=c.doc_numbers,
            places=c.places,
        )
        for c in document.chunks
    ]


def _record(document: PreparedDocument, embed_model: str) -> DocumentRecord:
    return DocumentRecord(
        doc_id=document.doc_id,
        content_hash=document.content_hash,
        title=document.meta.title,
        date=document.meta.date,
        publisher=document.meta.publisher,
        url=document.meta.url,
        source_format=document.source_format,
        source_path=document.source_path,
        chunk_count=len(document.chunks),
        char_count=len(document.text),
        embed_model=embed_model,
        ingested_at=datetime.now(UTC).isoformat(timespec="seconds"),
        doc_numbers=tuple(document_numbers(document.text)),
        places=tuple(places(document.text)),
    )


@dataclass(frozen=True)
class IngestResult:
    source: str
    doc_id: str
    status: str  # added | updated | unchanged | duplicate | error
    chunks: int = 0
    message_vi: str = ""
    message_en: str = ""

    @property
    def ok(self) -> bool:
        return self.status != "error"

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source,
            "doc_id": self.doc_id,
            "status": self.status,
            "chunks": self.chunks,
            "message": self.message_vi,
            "message_en": self.message_en,
        }


@dataclass(frozen=True)
class SearchFilters:
    doc_ids: frozenset[str] = frozenset()
    places: frozenset[str] = frozenset()
    date_from: str = ""  # ISO, inclusive
    date_to: str = ""

    def accepts(self, chunk: StoredChunk, doc_places: Sequence[str] = ()) -> bool:
        if self.doc_ids and chunk.doc_id not in self.doc_ids:
            return False
        if self.places and not self.places.intersection((*chunk.places, *doc_places)):
            return False
        if self.date_from and (not chunk.date or chunk.date < self.date_from):
            return False
        return not (self.date_to and (not chunk.date or chunk.date > self.date_to))

    @property
    def active(self) -> bool:
        return bool(self.doc_ids or self.places or self.date_from or self.date_to)


@dataclass
class _ProgressTracker:
    callback: ProgressCallback | None
    total: int
    done: int = 0

    def advance(self, n: int, doc_id: str) -> None:
        self.done += n
        if self.callback is not None:
            self.callback(self.done, self.total, doc_id)


@dataclass
class _Mirror:
    """This process's copy of the committed chunks, behind the lexical index."""

    versions: dict[str, str] = field(default_factory=dict)  # doc_id -> content hash
    doc_chunks: dict[str, list[str]] = field(default_factory=dict)
    chunks: dict[str, StoredChunk] = field(default_factory=dict)
    doc_places: dict[str, tuple[str, ...]] = field(default_factory=dict)
    token: str = ""  # the catalog version this mirror follows


class Library:
    """Documents in, passages out. Build one per process from Settings; close it when done."""

    def __init__(
        self,
        settings: Settings,
        *,
        embedder: Embedder | None = None,
        lexical: LexicalIndex | None = None,
    ) -> None:
        self.settings = settings
        self._handle: ChromaHandle = open_chroma(settings)
        prefix = settings.collection_prefix
        self.catalog = DocumentCatalog(self._handle.client, f"{prefix}_documents")
        self.vectors: VectorIndex = ChromaVectorIndex(self._handle.client, f"{prefix}_chunks", settings.embed_model)
        self._embedder = embedder
        self._lexical: LexicalIndex = lexical or BM25Index()
        self._mirror = _Mirror()
        self._texts: dict[str, tuple[str, str]] = {}  # doc_id -> (content hash, cleaned text)

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        self._handle.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def embedder(self) -> Embedder:
        if self._embedder is None:  # loaded on first use: listing documents needs no model
            self._embedder = make_embedder(self.settings)
        return self._embedder

    # -- documents -------------------------------------------------------------------------
    def documents(self) -> list[DocumentRecord]:
        return self.catalog.records()

    def document(self, doc_id: str) -> DocumentRecord:
        record = self.catalog.get(doc_id)
        if record is None:
            raise DocumentNotFoundError(
                vi=f"Không có tài liệu '{doc_id}' trong chỉ mục.", en=f"no document '{doc_id}' in the index"
            )
        return record

    def text(self, doc_id: str) -> str:
        """The cleaned text every chunk offset and citation refers to."""
        version = self._mirror.versions.get(doc_id)
        cached = self._texts.get(doc_id)
        if version is not None and cached is not None and cached[0] == version:
            return cached[1]
        if version is None:
            version = self.document(doc_id).content_hash
        text = self.catalog.text(doc_id, version)
        if text is None:
            raise DocumentNotFoundError(
                vi=f"Không có tài liệu '{doc_id}' trong chỉ mục.", en=f"no document '{doc_id}' in the index"
            )
        self._texts[doc_id] = (version, text)
        return text

    def committed_chunks(self) -> tuple[str, list[StoredChunk]]:
        """Every searchable chunk, and a fingerprint of the corpus version they belong to."""
        self.sync()
        versions = self._mirror.versions
        fingerprint = "|".join(f"{doc_id}:{h}" for doc_id, h in sorted(versions.items()))
        return fingerprint, list(self._mirror.chunks.values())

    def idf(self, term: str) -> float:
        """Rarity of a lexical term (see cqdt.vietnamese.lexical_terms) among the indexed passages."""
        return self._lexical.idf(term)

    def chunks(self, doc_id: str) -> list[StoredChunk]:
        record = self.document(doc_id)
        return self.vectors.chunks(doc_id, record.content_hash)

    def remove(self, doc_id: str) -> DocumentRecord:
        record = self.document(doc_id)
        self.catalog.remove(doc_id)  # uncommit first: its chunks vanish from search at once
        self.vectors.delete_document(doc_id)
        return record

    def is_empty(self) -> bool:
        return self.catalog.count() == 0

    # -- ingestion -------------------------------------------------------------------------
    def ingest_paths(self, paths: Iterable[Path], progress: ProgressCallback | None = None) -> list[IngestResult]:
        results: list[IngestResult] = []
        prepared: list[tuple[str, PreparedDocument]] = []
        for path in discover(list(paths)):
            try:
                prepared.append((str(path), self._prepare(path)))
            except InputError as exc:
                results.append(IngestResult(str(path), path.name, "error", 0, exc.vi, exc.en))
        return results + self.ingest_prepared(prepared, progress)

    def ingest_bytes(self, data: bytes, name: str, progress: ProgressCallback | None = None) -> IngestResult:
        """An uploaded file: validated and prepared in memory, then stored like any other."""
        try:
            document = prepare_bytes(
                data,
                name,
                max_bytes=self._max_bytes,
                target_chars=self.settings.chunk_target_chars,
                max_chars=self.settings.chunk_max_chars,
            )
        except InputError as exc:
            return IngestResult(name, name, "error", 0, exc.vi, exc.en)
        return self.ingest_prepared([(name, document)], progress)[0]

    def ensure_corpus(self, progress: ProgressCallback | None = None) -> list[IngestResult]:
        """Build the index from the default corpus if it holds no document yet."""
        if not self.is_empty():
            return []
        return self.ingest_paths([self.settings.corpus_dir], progress)

    @property
    def _max_bytes(self) -> int:
        return int(self.settings.max_file_mb * 1024 * 1024)

    def _prepare(self, path: Path) -> PreparedDocument:
        return prepare_file(
            path,
            max_bytes=self._max_bytes,
            target_chars=self.settings.chunk_target_chars,
            max_chars=self.settings.chunk_max_chars,
        )

    def ingest_prepared(
        self, prepared: Sequence[tuple[str, PreparedDocument]], progress: ProgressCallback | None = None
    ) -> list[IngestResult]:
        results: list[IngestResult] = []
        todo: list[tuple[str, PreparedDocument, str]] = []
        states = self.catalog.states()
        owners = {content_hash: doc_id for doc_id, content_hash in states.items()}
        for source, document in prepared:
            current = states.get(document.doc_id)
            if current == document.content_hash:
                results.append(IngestResult(source, document.doc_id, "unchanged", len(document.chunks)))
                continue
            twin = owners.setdefault(document.content_hash, document.doc_id)
            if twin != document.doc_id:
                error = DuplicateDocumentError(
                    vi=f"Nội dung trùng với tài liệu đã có '{twin}'; bỏ qua.",
                    en=f"same content as the stored document '{twin}'; skipped",
                )
                results.append(IngestResult(source, document.doc_id, "duplicate", 0, error.vi, error.en))
                continue
            todo.append((source, document, "updated" if current else "added"))

        tracker = _ProgressTracker(progress, sum(len(doc.chunks) for _, doc, _ in todo))
        return results + self._store(todo, tracker)

    def _store(
        self, todo: Sequence[tuple[str, PreparedDocument, str]], tracker: _ProgressTracker
    ) -> list[IngestResult]:
        """Embed each document, write the embedded ones together, then commit each of them.

        Chroma writes cost less per chunk in bigger calls (1.0 ms per chunk at 400 per call vs
        2.5 ms at 40), but a crash loses what is not committed: documents are written once
        _WRITE_BATCH_CHUNKS chunks or _WRITE_INTERVAL_S seconds of work are pending.
        """
        results: list[IngestResult] = []
        pending: list[tuple[str, PreparedDocument, str, list[StoredChunk], list[list[float]]]] = []
        pending_chunks = 0
        last_write = time.monotonic()

        def write() -> None:
            try:
                self._write([(doc, chunks, vectors) for _, doc, _, chunks, vectors in pending])
            except CqdtError as exc:
                results.extend(IngestResult(src, doc.doc_id, "error", 0, exc.vi, exc.en) for src, doc, *_ in pending)
            else:
                results.extend(
                    IngestResult(src, doc.doc_id, status, len(doc.chunks)) for src, doc, status, *_ in pending
                )
            pending.clear()

        for source, document, status in todo:
            chunks = _stored_chunks(document)
            try:
                vectors = self._embed(chunks, tracker)
            except CqdtError as exc:
                results.append(IngestResult(source, document.doc_id, "error", 0, exc.vi, exc.en))
                continue
            pending.append((source, document, status, chunks, vectors))
            pending_chunks += len(chunks)
            if pending_chunks >= _WRITE_BATCH_CHUNKS or time.monotonic() - last_write >= _WRITE_INTERVAL_S:
                write()
                pending_chunks, last_write = 0, time.monotonic()
        if pending:
            write()
        return results

    def _embed(self, chunks: Sequence[StoredChunk], tracker: _ProgressTracker) -> list[list[float]]:
        vectors: list[list[float]] = []
        batch = self.settings.embed_batch_size
        for i in range(0, len(chunks), batch):
            part = chunks[i : i + batch]
            vectors.extend(self.embedder.get_text_embedding_batch([indexable_text(c) for c in part]))
            tracker.advance(len(part), part[-1].doc_id)
        return vectors

    def _write(self, embedded: Sequence[tuple[PreparedDocument, list[StoredChunk], list[list[float]]]]) -> None:
        documents = [document for document, _, _ in embedded]
        # Leftovers of an interrupted run of these same versions would be kept by Chroma's add
        # (it ignores existing ids), so clear them first.
        self.vectors.delete_versions([document.content_hash for document in documents])
        self.vectors.add(
            [c for _, chunks, _ in embedded for c in chunks], [v for _, _, vectors in embedded for v in vectors]
        )
        for document in documents:
            self.catalog.put(_record(document, self.settings.embed_model), document.text)  # the commit point
        self.vectors.delete_stale({document.doc_id: document.content_hash for document in documents})

    def reindex(self, progress: ProgressCallback | None = None) -> int:
        """Re-chunk and re-embed every stored document (after changing the embedding model)."""
        client = self._handle.client
        name = f"{self.settings.collection_prefix}_chunks"
        client.delete_collection(name)
        self.vectors = ChromaVectorIndex(client, name, self.settings.embed_model)
        self._lexical.remove(list(self._mirror.chunks))
        self._mirror = _Mirror()
        prepared = []
        for record in self.catalog.records():
            text = self.text(record.doc_id)
            chunks = make_chunks(record.doc_id, text, self.settings.chunk_target_chars, self.settings.chunk_max_chars)
            meta = DocumentMeta(record.title, record.date, record.publisher, record.url)
            prepared.append(
                PreparedDocument(
                    record.doc_id, record.content_hash, record.source_format, meta, text, chunks, record.source_path
                )
            )
        tracker = _ProgressTracker(progress, sum(len(p.chunks) for p in prepared))
        failed = [
            r for r in self._store([(p.doc_id, p, "reindexed") for p in prepared], tracker) if r.status == "error"
        ]
        if failed:
            raise StoreError(vi=failed[0].message_vi, en=failed[0].message_en)
        return tracker.total

    # -- search ----------------------------------------------------------------------------
    def sync(self) -> None:
        """Make the lexical index match the committed documents (other processes may write)."""
        mirror = self._mirror
        # Reading every record costs ~0.1 ms per document; the version token is one lookup.
        token = self.catalog.version() or self.catalog.bump_version()
        if token == mirror.token:
            return
        states = self.catalog.states()
        mirror.token = token
        if states == mirror.versions:
            return
        for doc_id, content_hash in list(mirror.versions.items()):
            if states.get(doc_id) != content_hash:
                stale = mirror.doc_chunks.pop(doc_id, [])
                self._lexical.remove(stale)
                for chunk_id in stale:
                    mirror.chunks.pop(chunk_id, None)
                del mirror.versions[doc_id]
                mirror.doc_places.pop(doc_id, None)
        places = {r.doc_id: r.places for r in self.catalog.records()}  # one read, not one per document
        for doc_id, content_hash in states.items():
            if mirror.versions.get(doc_id) == content_hash:
                continue
            chunks = self.vectors.chunks(doc_id, content_hash)
            self._lexical.add((c.chunk_id, indexable_text(c)) for c in chunks)
            mirror.chunks.update((c.chunk_id, c) for c in chunks)
            mirror.doc_chunks[doc_id] = [c.chunk_id for c in chunks]
            mirror.versions[doc_id] = content_hash
            mirror.doc_places[doc_id] = places.get(doc_id, ())

    def _fuse(self, query: str, scored: dict[str, list[tuple[str, float]]]) -> list[tuple[str, float]]:
        settings = self.settings
        dense_weight = settings.dense_weight
        if not has_diacritics(query):
            dense_weight *= settings.accentless_dense_factor
        weights = {"bm25": settings.bm25_weight, "dense": dense_weight}
        if settings.fusion == "rrf":
            rankings = {name: [cid for cid, _ in results] for name, results in scored.items()}
            return reciprocal_rank_fusion(rankings, weights, settings.rrf_k)
        return convex_fusion(scored, weights)

    def clean_query(self, query: str) -> str:
        text = " ".join(sanitize(query or "").split())
        if not text:
            raise InputError(vi="Câu hỏi trống. Hãy nhập nội dung cần tìm.", en="the query is empty")
        return text[: self.settings.max_query_chars]

    def search(
        self,
        query: str,
        k: int | None = None,
        filters: SearchFilters | None = None,
        mode: str = "hybrid",
    ) -> list[SearchHit]:
        """Top-k passages for a question. `mode` is hybrid, bm25 or dense (for evaluation)."""
        if mode not in ("hybrid", "bm25", "dense"):
            raise InputError(vi=f"Chế độ tìm kiếm không hợp lệ: {mode}.", en=f"unknown search mode: {mode}")
        text = self.clean_query(query)
        k = k or self.settings.search_k
        self.sync()
        mirror = self._mirror
        filters = filters or SearchFilters()
        allowed: Callable[[str], bool] | None = None
        if filters.active:

            def allowed(chunk_id: str) -> bool:
                chunk = mirror.chunks.get(chunk_id)
                return chunk is not None and filters.accepts(chunk, mirror.doc_places.get(chunk.doc_id, ()))

        n = max(self.settings.search_candidates, k)
        scored: dict[str, list[tuple[str, float]]] = {}
        if mode in ("hybrid", "bm25"):
            scored["bm25"] = self._lexical.search(text, n, allowed)
        if mode in ("hybrid", "dense") and mirror.chunks:
            vector = self.embedder.get_query_embedding(text)
            fetch = n * 4 if filters.active else n + 10
            # Only committed chunks this process knows count; orphans of a crashed run do not.
            scored["dense"] = [
                (cid, score)
                for cid, score in self.vectors.query(vector, fetch)
                if cid in mirror.chunks and (allowed is None or allowed(cid))
            ][:n]
        fused = self._fuse(text, scored)[:k]
        raw = {name: dict(results) for name, results in scored.items()}
        return [
            SearchHit(
                rank=i + 1,
                score=score,
                chunk=mirror.chunks[cid],
                scores={name: values[cid] for name, values in raw.items() if cid in values},
            )
            for i, (cid, score) in enumerate(fused)
        ]
