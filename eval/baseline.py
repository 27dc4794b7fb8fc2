"""The naive llama-index recipe, scored beside ours so every report shows what the design buys.

Raw files, the default SentenceSplitter, a VectorStoreIndex over Chroma with the same embedder,
top-k dense retrieval, and the best sentence of the top chunk (by word overlap) as the answer.
It never abstains: that is part of what it lacks.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from answering.types import Answer, Citation, Retrieved
from cqdt.vietnamese import syllables
from index.embedders import Embedder
from ingest.chunking import split_sentences


class NaiveBaseline:
    def __init__(self, corpus_files: Sequence[Path], embedder: Embedder, top_k: int = 10) -> None:
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from llama_index.core import Document, StorageContext, VectorStoreIndex
        from llama_index.core.node_parser import SentenceSplitter
        from llama_index.vector_stores.chroma import ChromaVectorStore

        self._tmp = tempfile.TemporaryDirectory(prefix="cqdt-baseline-")
        client = chromadb.PersistentClient(self._tmp.name, settings=ChromaSettings(anonymized_telemetry=False))
        store = ChromaVectorStore(chroma_collection=client.get_or_create_collection("baseline"))
        documents = [
            Document(text=path.read_text(encoding="utf-8"), id_=path.name, metadata={"doc_id": path.name})
            for path in corpus_files
        ]
        self.texts = {d.id_: d.text for d in documents}
        index = VectorStoreIndex.from_documents(
            documents,
            storage_context=StorageContext.from_defaults(vector_store=store),
            embed_model=embedder,  # passed explicitly: llama-index's global default would be OpenAI
            transformations=[SentenceSplitter()],
        )
        self._retriever = index.as_retriever(similarity_top_k=top_k)

    def close(self) -> None:
        self._tmp.cleanup()

    def ask(self, question: str, id: str | None = None) -> Answer:
        started = time.perf_counter()
        nodes = self._retriever.retrieve(question)
        retrieved_at = time.perf_counter()
        retrieved = tuple(
            Retrieved(
                str(n.node.metadata.get("doc_id", "")), n.node.node_id, float(n.score or 0.0), n.node.get_content()
            )
            for n in nodes
        )
        citations: tuple[Citation, ...] = ()
        text = ""
        if nodes:
            top: Any = nodes[0].node
            doc_id = str(top.metadata.get("doc_id", ""))
            chunk = top.get_content()
            offset = top.start_char_idx or 0
            asked = set(syllables(question))
            spans = split_sentences(chunk)
            best = max(spans, key=lambda s: len(asked & set(syllables(chunk[s.start : s.end]))), default=None)
            if best is not None:
                text = chunk[best.start : best.end]
                citations = (Citation(1, doc_id, "", "", top.node_id, text, offset + best.start, offset + best.end),)
        done = time.perf_counter()
        return Answer(
            question=question,
            answer=f"{text} [1]" if text else "",
            abstained=False,
            citations=citations,
            retrieved=retrieved,
            timings_ms={
                "retrieve": (retrieved_at - started) * 1000,
                "answer": (done - retrieved_at) * 1000,
                "total": (done - started) * 1000,
            },
            id=id,
            search_query=question,
            mode="baseline",
        )
