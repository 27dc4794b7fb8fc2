"""From a file (or uploaded bytes) to a PreparedDocument: load, clean, chunk, annotate."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path, PurePath

from cqdt.errors import EmptyDocumentError, InputError
from cqdt.records import Chunk, DocumentMeta, PreparedDocument
from cqdt.vietnamese import nfc
from ingest.chunking import chunk_spans
from ingest.cleaning import clean_text
from ingest.entities import document_numbers, places
from ingest.loaders import SUPPORTED_SUFFIXES, LoadedText, load_bytes, load_file

# Part of every content hash: bump it when cleaning or chunking changes, so re-ingesting
# re-processes documents that are otherwise unchanged.
PIPELINE_VERSION = "3"
SIDECAR_SUFFIX = ".meta.json"
_DOC_ID = re.compile(r"^[^\x00-\x1f/\\]{1,200}$")


def doc_id_for(name: str) -> str:
    """The document id of a file: its base name (NFC), whatever directory it came from."""
    base = nfc(PurePath(name.replace("\\", "/")).name).strip()
    if not base or base in (".", "..") or not _DOC_ID.match(base):
        raise InputError(vi=f"Tên tệp không hợp lệ: {name!r}.", en=f"invalid file name: {name!r}")
    return base


def read_sidecar(path: Path) -> tuple[dict[str, str], bytes]:
    """Metadata overrides from '<file>.meta.json' beside the file: title, date, publisher, url."""
    sidecar = path.with_name(path.name + SIDECAR_SUFFIX)
    if not sidecar.is_file():
        return {}, b""
    raw = sidecar.read_bytes()
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(
            vi=f"Tệp siêu dữ liệu {sidecar.name} không phải JSON hợp lệ.", en=f"invalid JSON in {sidecar.name}"
        ) from exc
    if not isinstance(data, dict):
        raise InputError(vi=f"{sidecar.name} phải là một đối tượng JSON.", en=f"{sidecar.name} must be an object")
    allowed = {"title", "date", "publisher", "url"}
    return {k: str(v) for k, v in data.items() if k in allowed and v is not None}, raw


def content_hash(data: bytes, sidecar: bytes = b"") -> str:
    digest = hashlib.sha256()
    for part in (PIPELINE_VERSION.encode(), data, sidecar):
        digest.update(len(part).to_bytes(8, "big"))
        digest.update(part)
    return digest.hexdigest()


def make_chunks(doc_id: str, text: str, target_chars: int = 600, max_chars: int = 1000) -> tuple[Chunk, ...]:
    """Chunks of a cleaned text, annotated with the document numbers and places they mention."""
    chunks = []
    for i, span in enumerate(chunk_spans(text, target_chars, max_chars)):
        passage = text[span.start : span.end]
        chunks.append(
            Chunk(
                doc_id=doc_id,
                index=i,
                start=span.start,
                end=span.end,
                text=passage,
                section=span.section,
                doc_numbers=tuple(document_numbers(passage)),
                places=tuple(places(passage)),
            )
        )
    return tuple(chunks)


def prepare_loaded(
    loaded: LoadedText,
    *,
    doc_id: str,
    digest: str,
    overrides: dict[str, str] | None = None,
    source_path: str = "",
    target_chars: int = 600,
    max_chars: int = 1000,
) -> PreparedDocument:
    cleaned = clean_text(loaded.text, loaded.title_hint)
    if not cleaned.text.strip():
        raise EmptyDocumentError(
            vi=f"Tệp {doc_id} không còn nội dung sau khi lọc phần thừa của trang web.",
            en=f"{doc_id} has no content left after boilerplate removal",
        )
    overrides = overrides or {}
    meta = DocumentMeta(
        title=overrides.get("title") or cleaned.title or PurePath(doc_id).stem,
        date=overrides.get("date", cleaned.date),
        publisher=overrides.get("publisher", cleaned.publisher),
        url=overrides.get("url", ""),
    )
    chunks = make_chunks(doc_id, cleaned.text, target_chars, max_chars)
    return PreparedDocument(doc_id, digest, loaded.source_format, meta, cleaned.text, chunks, source_path)


def prepare_file(path: Path, *, max_bytes: int, target_chars: int = 600, max_chars: int = 1000) -> PreparedDocument:
    doc_id = doc_id_for(path.name)
    loaded = load_file(path, max_bytes=max_bytes)
    overrides, sidecar_raw = read_sidecar(path)
    return prepare_loaded(
        loaded,
        doc_id=doc_id,
        digest=content_hash(path.read_bytes(), sidecar_raw),
        overrides=overrides,
        source_path=str(path.resolve()),
        target_chars=target_chars,
        max_chars=max_chars,
    )


def prepare_bytes(
    data: bytes, name: str, *, max_bytes: int, target_chars: int = 600, max_chars: int = 1000
) -> PreparedDocument:
    """For uploads: the same pipeline over bytes that never touched the disk."""
    doc_id = doc_id_for(name)
    loaded = load_bytes(data, doc_id, max_bytes=max_bytes)
    return prepare_loaded(
        loaded, doc_id=doc_id, digest=content_hash(data), target_chars=target_chars, max_chars=max_chars
    )


def discover(paths: list[Path]) -> list[Path]:
    """Files to ingest under the given paths: supported suffixes, sidecars and hidden files skipped.

    Explicitly named files are returned as they are, so an unsupported one gets a clear error.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                if (
                    child.is_file()
                    and not child.name.startswith(".")
                    and not child.name.endswith(SIDECAR_SUFFIX)
                    and child.suffix.lower() in SUPPORTED_SUFFIXES
                ):
                    found.append(child)
        else:
            found.append(path)
    return found
