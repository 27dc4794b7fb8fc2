"""Read .txt, .md, .html, .pdf and .docx files into plain text, or fail with a clear error."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from cqdt.errors import (
    DecodeError,
    EmptyDocumentError,
    FileTooLargeError,
    InputError,
    MalformedDocumentError,
    UnsupportedFormatError,
)
from cqdt.vietnamese import sanitize


@dataclass(frozen=True)
class LoadedText:
    text: str
    source_format: str
    title_hint: str = ""  # a title the format states explicitly (<title>, '# ', a Title style)


# Vietnamese letters that only occur in Vietnamese text; used to accept a legacy encoding.
_VIETNAMESE_LETTERS = set("ăâđêôơưĂÂĐÊÔƠƯ")
_MAX_DOCX_UNZIPPED = 200 * 1024 * 1024
_MAX_PDF_PAGES = 3000


def _fail_decode(name: str) -> DecodeError:
    return DecodeError(
        vi=f"Không đọc được tệp {name}: không phải văn bản UTF-8 (hoặc UTF-16/Windows-1258) hợp lệ.",
        en=f"cannot decode {name}: not valid UTF-8, UTF-16 or Windows-1258 text",
    )


def _looks_like_text(text: str) -> bool:
    if not text:
        return True
    printable = sum(ch.isprintable() or ch in "\n\r\t" for ch in text)
    return printable / len(text) > 0.97


def decode_text(data: bytes, name: str = "tệp") -> str:
    """Decode bytes as UTF-8, UTF-16 (with a BOM or an obvious NUL pattern) or Windows-1258."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise _fail_decode(name) from exc
    if b"\x00" in data:
        sample = data[:4096]
        odd_nuls, even_nuls = sample[1::2].count(0), sample[0::2].count(0)
        encoding = "utf-16-le" if odd_nuls > len(sample) // 4 else "utf-16-be" if even_nuls > len(sample) // 4 else ""
        if encoding:
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise _fail_decode(name) from exc
            if _looks_like_text(text[:4096]):
                return text
        if len(data) >= 200 and data.count(0) <= len(data) // 100:
            # A few stray NULs in otherwise valid UTF-8 text (copied from old systems): drop them.
            try:
                return data.replace(b"\x00", b"").decode("utf-8-sig")
            except UnicodeDecodeError:
                pass
        raise DecodeError(
            vi=f"Tệp {name} là tệp nhị phân, không phải văn bản.",
            en=f"{name} is a binary file, not text",
        )
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    # Old Vietnamese office files are often Windows-1258; accept it only when it decodes
    # into recognisably Vietnamese text, so random bytes still fail loudly.
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise _fail_decode(name) from exc
    letters = [ch for ch in text if ch.isalpha()]
    vietnamese = sum(ch in _VIETNAMESE_LETTERS or "\u0300" <= ch <= "\u0323" for ch in text)
    unusual = sum(
        not (ch.isascii() or ch in _VIETNAMESE_LETTERS or "\u00c0" <= ch <= "\u01b0" or "\u0300" <= ch <= "\u0323")
        for ch in text
    )
    if letters and vietnamese / len(letters) > 0.02 and unusual == 0 and _looks_like_text(text):
        return text
    raise _fail_decode(name)


def _load_plain(data: bytes, name: str) -> LoadedText:
    return LoadedText(decode_text(data, name), "txt")


_MD_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_MD_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+", re.MULTILINE)
_MD_EMPHASIS = re.compile(r"(\*\*|__|\*|`)")
_MD_RULE = re.compile(r"^\s*([-*_]\s*){3,}$", re.MULTILINE)
_MD_QUOTE = re.compile(r"^\s{0,3}>\s?", re.MULTILINE)


def _load_markdown(data: bytes, name: str) -> LoadedText:
    raw = decode_text(data, name)
    title = ""
    first_heading = re.search(r"^\s{0,3}#\s+(.+)$", raw, re.MULTILINE)
    if first_heading:
        title = first_heading.group(1).strip()
    text = _MD_IMAGE.sub("", raw)
    text = _MD_LINK.sub(r"\1", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_RULE.sub("", text)
    text = _MD_QUOTE.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    return LoadedText(text, "md", title)


_HTML_DROP = (
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "canvas",
    "nav",
    "footer",
    "aside",
    "form",
    "button",
    "select",
    "input",
    "object",
    "embed",
    "head",
)
_HTML_BLOCKS = (
    "p",
    "div",
    "li",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "br",
    "tr",
    "section",
    "article",
    "blockquote",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "figcaption",
    "pre",
    "header",
    "main",
    "td",
)


def _load_html(data: bytes, name: str) -> LoadedText:
    from bs4 import BeautifulSoup

    markup = decode_text(data, name)
    try:
        soup = BeautifulSoup(markup, "lxml")
    except Exception as exc:  # lxml rejects some pathological markup
        raise MalformedDocumentError(vi=f"Tệp HTML {name} bị lỗi cấu trúc.", en=f"malformed HTML: {name}") from exc
    title_tag = soup.find("title")
    h1 = soup.find("h1")
    title = (title_tag.get_text(" ", strip=True) if title_tag else "") or (h1.get_text(" ", strip=True) if h1 else "")
    for tag in soup(_HTML_DROP):
        tag.decompose()
    for tag in soup(_HTML_BLOCKS):
        tag.insert_after("\n")
        if tag.name == "td":
            tag.insert_after(" ")
    body = soup.body or soup
    return LoadedText(body.get_text(""), "html", title)


def _load_pdf(data: bytes, name: str) -> LoadedText:
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise MalformedDocumentError(
                vi=f"Tệp PDF {name} được mã hoá bằng mật khẩu; hãy gỡ mật khẩu rồi tải lại.",
                en=f"PDF {name} is password-protected",
            )
        if len(reader.pages) > _MAX_PDF_PAGES:
            raise FileTooLargeError(
                vi=f"Tệp PDF {name} có quá nhiều trang (tối đa {_MAX_PDF_PAGES}).",
                en=f"PDF {name} has more than {_MAX_PDF_PAGES} pages",
            )
        pages = [page.extract_text() or "" for page in reader.pages]
        title = ""
        if reader.metadata and reader.metadata.title:
            title = str(reader.metadata.title)
    except (MalformedDocumentError, FileTooLargeError):
        raise
    except Exception as exc:  # pypdf raises many unrelated types on broken files
        raise MalformedDocumentError(
            vi=f"Tệp PDF {name} bị hỏng hoặc không đúng định dạng PDF.",
            en=f"malformed PDF {name}: {type(exc).__name__}",
        ) from exc
    text = "\n\n".join(pages)
    if not text.strip():
        raise EmptyDocumentError(
            vi=f"Tệp PDF {name} không có lớp chữ (có thể là bản scan); hãy nhận dạng chữ (OCR) trước.",
            en=f"PDF {name} has no text layer",
        )
    return LoadedText(text, "pdf", title)


def _load_docx(data: bytes, name: str) -> LoadedText:
    import docx

    malformed = MalformedDocumentError(
        vi=f"Tệp Word {name} bị hỏng hoặc không đúng định dạng .docx.", en=f"malformed DOCX {name}"
    )
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
    except zipfile.BadZipFile as exc:
        raise malformed from exc
    if unzipped > _MAX_DOCX_UNZIPPED:
        raise FileTooLargeError(
            vi=f"Tệp Word {name} giải nén ra quá lớn ({unzipped // 2**20} MB); có thể là tệp độc hại.",
            en=f"DOCX {name} expands to {unzipped} bytes (zip bomb?)",
        )
    try:
        document = docx.Document(io.BytesIO(data))
        title = document.core_properties.title or ""
        lines: list[str] = []
        for paragraph in document.paragraphs:
            if not title and paragraph.style is not None and paragraph.style.name in ("Title", "Heading 1"):
                title = paragraph.text
            lines.append(paragraph.text)
        for table in document.tables:
            for row in table.rows:
                lines.append(" | ".join(cell.text.strip() for cell in row.cells))
    except Exception as exc:  # python-docx surfaces KeyError, lxml and zip errors alike
        raise malformed from exc
    return LoadedText("\n".join(lines), "docx", title)


LOADERS: dict[str, Callable[[bytes, str], LoadedText]] = {
    ".txt": _load_plain,
    ".md": _load_markdown,
    ".markdown": _load_markdown,
    ".html": _load_html,
    ".htm": _load_html,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
}
SUPPORTED_SUFFIXES = tuple(LOADERS)


def load_bytes(data: bytes, name: str, *, max_bytes: int) -> LoadedText:
    """Turn a file's bytes into sanitized text; `name` decides the format by its suffix."""
    suffix = Path(name).suffix.lower()
    loader = LOADERS.get(suffix)
    if loader is None:
        raise UnsupportedFormatError(
            vi=f"Không hỗ trợ định dạng '{suffix or name}'. Hỗ trợ: .txt, .md, .html, .pdf, .docx.",
            en=f"unsupported file type '{suffix or name}' (supported: .txt .md .html .pdf .docx)",
        )
    if len(data) > max_bytes:
        raise FileTooLargeError(
            vi=f"Tệp {name} quá lớn ({len(data) / 2**20:.1f} MB, tối đa {max_bytes / 2**20:.0f} MB).",
            en=f"{name} is too large ({len(data)} bytes, limit {max_bytes})",
        )
    if not data.strip():
        raise EmptyDocumentError(vi=f"Tệp {name} rỗng.", en=f"{name} is empty")
    loaded = loader(data, name)
    text = sanitize(loaded.text)
    if not text.strip():
        raise EmptyDocumentError(vi=f"Tệp {name} không có nội dung chữ.", en=f"{name} has no text")
    return LoadedText(text, loaded.source_format, sanitize(loaded.title_hint).strip())


def load_file(path: Path, *, max_bytes: int) -> LoadedText:
    if not path.is_file():
        raise InputError(vi=f"Không tìm thấy tệp {path}.", en=f"no such file: {path}")
    size = path.stat().st_size
    if size > max_bytes:  # checked before reading, so a huge file never lands in memory
        raise FileTooLargeError(
            vi=f"Tệp {path.name} quá lớn ({size / 2**20:.1f} MB, tối đa {max_bytes / 2**20:.0f} MB).",
            en=f"{path.name} is too large ({size} bytes, limit {max_bytes})",
        )
    return load_bytes(path.read_bytes(), path.name, max_bytes=max_bytes)
