"""Scale benchmark: a synthetic corpus derived from the seeds at 1k, 10k, 100k chunks.

Embedding 100k passages with the packaged model would take hours on 2 cores, so the synthetic
chunks reuse the vectors of the seed chunks they derive from (plus a small deterministic
perturbation): the dense index is real and full-size, only the model call is skipped. Embedding
throughput is measured separately (`cqdt bench`). Each scale runs in its own process so the peak
memory figure is that scale's.
"""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from cqdt.library import Library, indexable_text
from cqdt.servers import local_chroma_server
from cqdt.settings import Settings
from eval.bench import peak_rss_mb
from eval.dataset import DEFAULT_DATASET, load_dataset
from eval.metrics import percentile

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
_WARDS = ["Phúc Đồng", "Gia Thụy", "Ngọc Thụy", "Thạch Bàn", "Việt Hưng", "Đức Giang", "Thượng Thanh", "Cự Khối"]


class ReusedVectors(BaseEmbedding):
    """Passages get the stored vector of the seed passage they were derived from; queries use the model."""

    _model: Any = PrivateAttr()
    _vectors: dict[str, list[float]] = PrivateAttr()

    def __init__(self, model: Any, vectors: dict[str, list[float]]) -> None:
        super().__init__(model_name=model.model_name)
        self._model = model
        self._vectors = vectors

    def _get_query_embedding(self, query: str) -> list[float]:
        return list(self._model.get_query_embedding(query))

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._vectors[text]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [self._vectors[t] for t in texts]


def _variant(text: str, rng: random.Random) -> str:
    """The same prose with other numbers and ward names: distinct chunks, realistic vocabulary."""
    text = _NUMBER.sub(lambda m: str(rng.randint(1, 99_999)), text)
    return re.sub(r"phường [A-ZĐ]\w*(?: [A-ZĐ]\w*)?", lambda m: f"phường {rng.choice(_WARDS)}", text)


def run_scale(chunks_wanted: int, data_dir: Path, chroma_url: str | None, seed_settings: Settings) -> dict[str, Any]:
    """Build a synthetic index of about `chunks_wanted` chunks and time ingestion and queries."""
    from answering.service import Assistant

    with Library(seed_settings) as seeds:
        seeds.ensure_corpus()
        _, seed_chunks = seeds.committed_chunks()
        model = seeds.embedder
        seed_vectors = {
            c.chunk_id: v
            for c, v in zip(
                seed_chunks,
                model.get_text_embedding_batch([indexable_text(c) for c in seed_chunks]),
                strict=True,
            )
        }
    rng = random.Random(7)
    vectors: dict[str, list[float]] = {}
    folder = data_dir.parent / "synthetic"
    folder.mkdir(parents=True, exist_ok=True)
    per_document = 40
    documents = max(1, chunks_wanted // per_document)
    for number in range(documents):
        paragraphs = []
        for _ in range(per_document):
            seed = rng.choice(seed_chunks)
            paragraphs.append(_variant(seed.text, rng))
        (folder / f"tong-hop-{number:05d}.txt").write_text("\n\n".join(paragraphs), encoding="utf-8")
    settings = seed_settings.model_copy(update={"data_dir": data_dir, "chroma_url": chroma_url, "corpus_dir": folder})

    # Vectors are assigned after chunking: each synthetic chunk reuses a seed vector, lightly perturbed.
    from ingest.pipeline import discover, prepare_file

    prepared = [prepare_file(p, max_bytes=10**9) for p in discover([folder])]
    # One more document, ingested after start-up: what a change costs the next query.
    later = data_dir.parent / "later" / "bo-sung.txt"
    later.parent.mkdir(parents=True, exist_ok=True)
    later.write_text("\n\n".join(_variant(rng.choice(seed_chunks).text, rng) for _ in range(per_document)), "utf-8")
    added = prepare_file(later, max_bytes=10**9)
    seed_list = list(seed_vectors.values())
    for document in [*prepared, added]:
        for chunk in document.chunks:
            base = np.asarray(seed_list[hash(chunk.text) % len(seed_list)], dtype=np.float32)
            noisy = base + np.random.default_rng(len(chunk.text)).normal(0, 0.01, base.shape).astype(np.float32)
            key = "\n".join(p for p in (document.meta.title, chunk.section, chunk.text) if p)
            vectors[key] = (noisy / np.linalg.norm(noisy)).tolist()

    with Library(settings, embedder=ReusedVectors(model, vectors)) as library:
        started = time.perf_counter()
        library.ingest_prepared([(d.doc_id, d) for d in prepared])
        ingest_s = time.perf_counter() - started
        total = library.vectors.count()
        started = time.perf_counter()
        library.sync()
        lexical_build_s = time.perf_counter() - started
        questions = [q for q in load_dataset(DEFAULT_DATASET) if not q.history][:60]
        assistant = Assistant(library)
        assistant.ask(questions[0].question)
        search_ms, ask_ms = [], []
        for question in questions:
            t = time.perf_counter()
            library.search(question.question)
            search_ms.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            assistant.ask(question.question)
            ask_ms.append((time.perf_counter() - t) * 1000)
        library.ingest_prepared([(added.doc_id, added)])
        t = time.perf_counter()
        library.search(questions[0].question)  # catches the lexical index up with the change
        after_change_ms = (time.perf_counter() - t) * 1000
    return {
        "chunks": total,
        "chroma": "server" if chroma_url else "embedded",
        "ingest_chunks_per_s": round(total / ingest_s, 1),
        "lexical_build_s": round(lexical_build_s, 2),
        "search_after_change_ms": round(after_change_ms, 1),
        "search_p50_ms": round(percentile(search_ms, 50), 1),
        "search_p95_ms": round(percentile(search_ms, 95), 1),
        "ask_p50_ms": round(percentile(ask_ms, 50), 1),
        "ask_p95_ms": round(percentile(ask_ms, 95), 1),
        "peak_rss_mb": peak_rss_mb(),
    }


def run_scales(scales: Sequence[int], modes: Sequence[str], seed_settings: Settings) -> list[dict[str, Any]]:
    """Each (scale, mode) in a fresh process: separate peak memory, no shared caches."""
    rows = []
    for scale in scales:
        for mode in modes:
            with tempfile.TemporaryDirectory(prefix="cqdt-scale-") as tmp:
                command = [sys.executable, "-m", "eval.scale", str(scale), mode, tmp, str(seed_settings.data_dir)]
                out = subprocess.run(command, capture_output=True, text=True, check=False)
                if out.returncode != 0:
                    rows.append({"chunks": scale, "chroma": mode, "error": out.stderr.strip().splitlines()[-1:]})
                    continue
                rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return rows


def format_scales(rows: Sequence[dict[str, Any]]) -> str:
    header = (
        f"{'chunks':>8} {'chroma':<9}{'ingest/s':>9}{'bm25 s':>8}{'change ms':>10}{'search p50':>11}{'p95':>7}"
        f"{'ask p50':>9}{'p95':>7}{'RSS MB':>8}"
    )
    lines = [header]
    for r in rows:
        if "error" in r:
            lines.append(f"{r['chunks']:>8} {r['chroma']:<9} error: {r['error']}")
            continue
        lines.append(
            f"{r['chunks']:>8} {r['chroma']:<9}{r['ingest_chunks_per_s']:>9}{r['lexical_build_s']:>8}"
            f"{r['search_after_change_ms']:>10}{r['search_p50_ms']:>11}{r['search_p95_ms']:>7}"
            f"{r['ask_p50_ms']:>9}{r['ask_p95_ms']:>7}{r['peak_rss_mb']:>8}"
        )
    return "\n".join(lines)


def _child(scale: int, mode: str, tmp: str, seed_data_dir: str) -> None:
    tmp_path = Path(tmp)
    seed_settings = Settings(_env_file=None, data_dir=Path(seed_data_dir))  # type: ignore[call-arg]
    if mode == "server":
        from contextlib import ExitStack

        with ExitStack() as stack:
            url = stack.enter_context(local_chroma_server(tmp_path / "server"))
            result = run_scale(scale, tmp_path / "data", url, seed_settings)
    else:
        result = run_scale(scale, tmp_path / "data", None, seed_settings)
    print(json.dumps(result))


if __name__ == "__main__":
    _child(int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4])
