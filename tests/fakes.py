"""A fast, deterministic stand-in embedder for scale tests, behind the same seam as the real ones.

Hashed character trigrams into 64 dimensions: similar texts get similar vectors, so a chunk's own
text finds it, which is all the persistence and concurrency tests need. Never used by default.
"""

from __future__ import annotations

import hashlib
from typing import Any

import numpy as np
from llama_index.core.embeddings import BaseEmbedding

from index.embedders import EMBEDDERS

DIM = 64


def _vector(text: str) -> list[float]:
    vector = np.zeros(DIM, dtype=np.float32)
    padded = f"  {text.casefold()}  "
    for i in range(len(padded) - 2):
        digest = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=4).digest()
        vector[int.from_bytes(digest, "little") % DIM] += 1.0
    norm = float(np.linalg.norm(vector)) or 1.0
    return (vector / norm).tolist()


class HashEmbedding(BaseEmbedding):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(model_name="hash-test", **kwargs)

    def _get_query_embedding(self, query: str) -> list[float]:
        return _vector(query)

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return _vector(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return _vector(text)

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return [_vector(t) for t in texts]


def register() -> None:
    EMBEDDERS["hash-test"] = lambda settings: HashEmbedding()


def synthetic_document(number: int, sentences: int = 400) -> str:
    """A long, varied Vietnamese-like document: many distinct chunks."""
    lines = [f"Báo cáo tổng hợp số {number} về thực hiện chính quyền đô thị"]
    for i in range(sentences):
        lines.append(
            f"Tại phường số {number}-{i}, tổ dân phố {i % 17} đã tiếp nhận {number * 1000 + i} hồ sơ hành chính "
            f"và giải quyết đúng hạn {90 + (i % 10)} phần trăm trong quý {1 + i % 4} năm {2020 + i % 5}."
        )
    return "\n\n".join(lines)
