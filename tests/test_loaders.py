import io
import unicodedata
import zipfile

import pytest

from cqdt.errors import (
    DecodeError,
    EmptyDocumentError,
    FileTooLargeError,
    MalformedDocumentError,
    UnsupportedFormatError,
)
from ingest.loaders import load_bytes

from .files import docx_bytes, minimal_pdf, to_cp1258

VIETNAMESE = "Ủy ban nhân dân phường là cơ quan hành chính nhà nước ở phường. Nghị định số 32/2021/NĐ-CP."
LIMIT = 10 * 1024 * 1024


def load(data: bytes, name: str):
    return load_bytes(data, name, max_bytes=LIMIT)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "utf-16", "cp1258"])
def test_text_in_common_vietnamese_encodings(encoding):
    data = to_cp1258(VIETNAMESE) if encoding == "cp1258" else VIETNAMESE.encode(encoding)
    assert load(data, "a.txt").text == VIETNAMESE


def test_decomposed_unicode_becomes_nfc():
    assert load(unicodedata.normalize("NFD", VIETNAMESE).encode(), "a.txt").text == VIETNAMESE


@pytest.mark.parametrize(
    ("data", "error"),
    [
        (b"", EmptyDocumentError),
        (b"   \n\t  \n", EmptyDocumentError),
        (bytes(range(256)) * 20, DecodeError),  # binary, with NUL bytes
        (b"Xin ch\xe0o \xff\xfe\x81\x8d garbage \xc3\x28", DecodeError),  # invalid UTF-8, not Vietnamese either
    ],
)
def test_bad_text_files_fail_clearly(data, error):
    with pytest.raises(error) as info:
        load(data, "bad.txt")
    assert info.value.vi and info.value.en


def test_unsupported_extension():
    with pytest.raises(UnsupportedFormatError) as info:
        load(b"MZ\x90\x00", "virus.exe")
    assert ".exe" in info.value.vi


def test_size_limit():
    with pytest.raises(FileTooLargeError):
        load_bytes(b"a" * 2000, "big.txt", max_bytes=1000)


def test_markdown_markup_is_stripped():
    loaded = load("# Tiêu đề\n\nĐoạn có **in đậm** và [liên kết](http://x.vn).\n".encode(), "a.md")
    assert loaded.title_hint == "Tiêu đề"
    assert "Đoạn có in đậm và liên kết." in loaded.text and "**" not in loaded.text and "http" not in loaded.text


def test_html_scripts_styles_and_navigation_never_become_text():
    html = """<html><head><title>Chính quyền đô thị</title><style>p{color:red}</style></head>
    <body><nav>Trang chủ | Tin tức</nav><script>alert('x')</script>
    <h1>Chính quyền đô thị</h1><p>Đoạn <b>một</b> về phường.</p><p>Đoạn hai.</p>
    <footer>Bản quyền</footer></body></html>"""
    loaded = load(html.encode(), "a.html")
    assert loaded.title_hint == "Chính quyền đô thị"
    assert "Đoạn một về phường." in loaded.text  # inline tags do not split a sentence
    for leaked in ("alert", "color:red", "Trang chủ", "Bản quyền"):
        assert leaked not in loaded.text


def test_pdf_text_layer():
    loaded = load(minimal_pdf(["Nghi dinh 32/2021/ND-CP quy dinh chi tiet.", "Dong thu hai."]), "a.pdf")
    assert "Nghi dinh 32/2021/ND-CP" in loaded.text and "Dong thu hai." in loaded.text


@pytest.mark.parametrize(
    "data",
    [b"%PDF-1.4\n1 0 obj\n<< garbage", b"not a pdf at all", minimal_pdf(["x"])[:200]],
)
def test_malformed_pdf(data):
    with pytest.raises((MalformedDocumentError, EmptyDocumentError)) as info:
        load(data, "broken.pdf")
    assert "PDF" in info.value.vi


def test_docx_paragraphs_and_title():
    loaded = load(docx_bytes("Kế hoạch 100/KH-UBND", ["Đoạn một.", "Đoạn hai."]), "a.docx")
    assert loaded.title_hint == "Kế hoạch 100/KH-UBND"
    assert "Đoạn một." in loaded.text and "Đoạn hai." in loaded.text


def test_malformed_docx_and_zip_bomb():
    with pytest.raises(MalformedDocumentError):
        load(b"PK\x03\x04 not really a zip", "a.docx")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"\0" * (300 * 1024 * 1024))
    with pytest.raises(FileTooLargeError):
        load(buffer.getvalue(), "bomb.docx")
