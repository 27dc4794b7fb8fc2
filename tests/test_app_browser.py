"""The app in a real browser: Debian's chromium driven by Playwright. Screenshots go to test-artifacts/."""

from collections.abc import Iterator
from pathlib import Path

import pytest

from .app_server import ROOT, running_app

pytestmark = pytest.mark.slow

ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def app_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with running_app(tmp_path_factory.mktemp("browser") / "data") as url:
        yield url


@pytest.fixture
def page(app_url):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
        page = context.new_page()
        dialogs: list[str] = []
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        page.dialogs = dialogs  # type: ignore[attr-defined]
        page.goto(app_url)
        page.wait_for_selector("#question textarea", timeout=120_000)
        yield page
        browser.close()


def ask(page, question: str) -> None:
    page.fill("#question textarea", question)
    page.click("#send")


def test_ask_see_answer_and_open_the_highlighted_source(page):
    ask(page, "Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?")
    page.wait_for_selector("#chat :text('Nguồn:')", timeout=120_000)
    assert "98.840" in page.inner_text("#chat")
    page.click("#sources label:has-text('[1]')")
    mark = page.wait_for_selector("#source-view mark", timeout=30_000)
    assert "98.840" in mark.inner_text()
    page.screenshot(path=str(ARTIFACTS / "chat-answer-and-source.png"), full_page=True)

    ask(page, "Quận Cầu Giấy có bao nhiêu phường?")
    page.wait_for_selector("#chat :text('Không có trong tài liệu')", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "chat-not-in-documents.png"), full_page=True)

    with page.expect_download() as download:
        page.click("#export-chat")
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert "98.840" in exported and "Cầu Giấy" in exported


def test_upload_a_document_and_ask_about_it_safely(page, tmp_path):
    document = tmp_path / "thach-ban.html"
    document.write_text(
        "<html><head><title>Phường Thạch Bàn</title><script>alert('xss')</script></head><body>"
        "<h1>Phường Thạch Bàn</h1><p>Năm 2023, phường Thạch Bàn đã giải quyết 4.321 hồ sơ hành chính. "
        "Văn bản có ký hiệu &lt;script&gt;alert(1)&lt;/script&gt; để thử an toàn.</p></body></html>",
        encoding="utf-8",
    )
    page.click("button[role=tab]:has-text('Tài liệu')")
    page.set_input_files("#upload input[type=file]", str(document))
    page.click("#upload-button")
    page.wait_for_selector("#upload-status :text('đã thêm')", timeout=120_000)
    page.screenshot(path=str(ARTIFACTS / "documents-uploaded.png"), full_page=True)

    page.click("button[role=tab]:has-text('Hỏi đáp')")
    ask(page, "Phường Thạch Bàn giải quyết bao nhiêu hồ sơ hành chính năm 2023?")
    page.wait_for_selector("#chat :text('4.321')", timeout=120_000)
    page.click("#sources label:has-text('[1]')")
    page.wait_for_selector("#source-view mark", timeout=30_000)
    assert "<script>alert(1)</script>" in page.inner_text("#source-view")  # shown as text, never run
    assert page.dialogs == []  # type: ignore[attr-defined]
    page.screenshot(path=str(ARTIFACTS / "uploaded-document-answer.png"), full_page=True)


def test_export_a_course_pack(page, app_url):
    import io

    import docx
    import httpx

    page.click("button[role=tab]:has-text('Soạn bài giảng')")
    page.fill(
        "textarea[placeholder*='sắp xếp cán bộ phường'], input[placeholder*='sắp xếp cán bộ phường']",
        "bí thư cấp ủy phường không là người địa phương",
    )
    page.click("#make-pack")
    page.wait_for_selector("#pack-preview :text('Số liệu chính')", timeout=120_000)
    preview = page.inner_text("#pack-preview")
    assert "64,28%" in preview and "Đáp án" in preview
    link = page.wait_for_selector("#pack-docx a[href]", timeout=30_000)
    href = link.get_attribute("href")
    url = href if href.startswith("http") else f"{app_url}{href}"
    document = docx.Document(io.BytesIO(httpx.get(url, timeout=30).content))
    assert any("Câu hỏi kiểm tra" in p.text for p in document.paragraphs)
    page.screenshot(path=str(ARTIFACTS / "course-pack.png"), full_page=True)
