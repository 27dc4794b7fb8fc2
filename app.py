"""The chat app for cadres and trainers: Gradio Blocks mounted on the REST API's FastAPI server.

Only wiring lives here: every callback hands its inputs to cqdt.services / cqdt.presentation.
Run with `python app.py` or `cqdt serve`.
"""

from __future__ import annotations

import html
import ipaddress
import logging
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import gradio as gr

from answering.types import Answer, Turn
from cqdt.api import create_api
from cqdt.errors import CqdtError
from cqdt.presentation import answer_markdown, conversation_markdown, display_date, source_html
from cqdt.services import Services
from cqdt.settings import Settings
from trainer.export import to_docx, to_markdown

log = logging.getLogger("cqdt.app")

EXAMPLES = [
    "Quận Nam Từ Liêm đã tiếp nhận bao nhiêu hồ sơ thủ tục hành chính?",
    "Ai chủ trì hội nghị sơ kết 01 năm thí điểm chính quyền đô thị ở Long Biên?",
    "quan long bien co bao nhieu phan tram bi thu cap uy phuong khong la nguoi dia phuong",
    "Phường Bồ Đề tổ chức hội nghị đối thoại ngày nào?",
    "Đồng chí Đường Hoài Nam yêu cầu thực hiện những nhiệm vụ gì sau 01 năm thí điểm?",
]
UPLOAD_TYPES = [".txt", ".md", ".html", ".htm", ".pdf", ".docx"]
STATUS_VI = {
    "added": "đã thêm",
    "updated": "đã cập nhật",
    "unchanged": "không đổi",
    "duplicate": "trùng lặp",
    "error": "lỗi",
}


def build_ui(services: Services) -> gr.Blocks:
    def documents_table() -> list[list[Any]]:
        return [[r.doc_id, r.title, display_date(r.date), r.publisher, r.chunk_count] for r in services.documents()]

    def doc_choices() -> list[tuple[str, str]]:
        return [(f"{r.title} ({display_date(r.date)})", r.doc_id) for r in services.documents()]

    # -- chat ------------------------------------------------------------------------------
    def respond(
        question: str,
        chat: list[dict[str, str]],
        answers: list[Answer],
        doc_ids: list[str],
        places: list[str],
        date_from: str,
        date_to: str,
        use_llm: bool,
    ) -> Iterator[tuple[Any, ...]]:
        if not (question or "").strip():
            gr.Warning("Hãy nhập câu hỏi.")
            yield question, chat, answers, gr.update(), gr.update(), gr.update()
            return
        chat = [*chat, {"role": "user", "content": question}, {"role": "assistant", "content": "…"}]
        yield "", chat, answers, gr.update(), gr.update(), gr.update()
        try:
            filters = services.filters(doc_ids or [], places or [], date_from, date_to)
            streamed = ""
            for event in services.ask_stream(question, services.history(answers), filters, use_llm=use_llm):
                if event.answer is None:
                    streamed += event.text
                    chat[-1] = {"role": "assistant", "content": streamed}
                    yield "", chat, answers, gr.update(), gr.update(), gr.update()
                else:
                    answer = event.answer
        except CqdtError as exc:
            chat[-1] = {"role": "assistant", "content": f"**Lỗi:** {exc.vi}"}
            yield "", chat, answers, gr.update(), gr.update(), gr.update()
            return
        answers = [*answers, answer]
        chat[-1] = {"role": "assistant", "content": answer_markdown(answer)}
        choices = [f"[{c.n}] {c.title}" for c in answer.citations]
        first = (
            source_html(answer.citations[0], services.document_text(answer.citations[0].doc_id))
            if choices
            else ("<p>Câu trả lời này không có nguồn: tài liệu không chứa thông tin được hỏi.</p>")
        )
        source = gr.update(choices=choices, value=choices[0] if choices else None)
        yield "", chat, answers, source, first, export_file(answers)

    def show_source(choice: str | None, answers: list[Answer]) -> str:
        if not choice or not answers:
            return ""
        number = int(choice[1 : choice.index("]")])
        citation = next(c for c in answers[-1].citations if c.n == number)
        return source_html(citation, services.document_text(citation.doc_id))

    def new_conversation() -> tuple[Any, ...]:
        return [], [], gr.update(choices=[], value=None), "", None

    def export_file(answers: list[Answer]) -> str:
        """The conversation as Markdown, ready behind the download button."""
        path = Path(tempfile.mkdtemp(prefix="cqdt-")) / "hoi-dap-chinh-quyen-do-thi.md"
        path.write_text(conversation_markdown(answers), encoding="utf-8")
        return str(path)

    def send_feedback(rating: str, comment: str, expected: str, unanswerable: bool, answers: list[Answer]) -> str:
        if not answers:
            return "Chưa có câu trả lời để đánh giá."
        if rating not in ("👍", "👎"):
            return "Hãy chọn 👍 hoặc 👎."
        history = tuple(services.history(answers[:-1]))
        services.feedback.record(
            answers[-1],
            1 if rating == "👍" else -1,
            history=history,
            comment=comment,
            expected=expected,
            unanswerable=unanswerable,
        )
        return "Đã lưu đánh giá. Cảm ơn bạn!"

    # -- documents -------------------------------------------------------------------------
    def upload(files: list[str] | None, progress: gr.Progress = gr.Progress()) -> tuple[Any, ...]:  # noqa: B008
        if not files:
            return "Chưa chọn tệp.", documents_table(), gr.update()
        if len(files) > services.settings.max_upload_files:
            return (f"Tối đa {services.settings.max_upload_files} tệp mỗi lần.", documents_table(), gr.update())
        lines = []
        for number, file in enumerate(files, start=1):
            path = Path(file)
            progress((number - 1) / len(files), desc=f"Đang xử lý {path.name}")
            result = services.upload(path, path.name)
            detail = f" — {result.message_vi}" if result.message_vi else ""
            lines.append(f"- `{result.doc_id}`: {STATUS_VI[result.status]} ({result.chunks} đoạn){detail}")
        return "\n".join(lines), documents_table(), gr.update(choices=doc_choices())

    def delete(doc_id: str | None) -> tuple[Any, ...]:
        if not doc_id:
            return "Hãy chọn tài liệu cần xoá.", documents_table(), gr.update()
        try:
            record = services.remove(doc_id)
        except CqdtError as exc:
            return f"Lỗi: {exc.vi}", documents_table(), gr.update()
        return f"Đã xoá `{record.doc_id}`.", documents_table(), gr.update(choices=doc_choices(), value=None)

    def reindex(progress: gr.Progress = gr.Progress()) -> str:  # noqa: B008
        total = services.reindex(lambda done, all_, doc: progress(done / max(all_, 1), desc=doc))
        return f"Đã tạo lại vector cho {total} đoạn."

    def export_feedback() -> str | None:
        data = services.feedback.export_jsonl()
        if not data:
            gr.Warning("Chưa có đánh giá nào được đánh dấu đáp án đúng.")
            return None
        path = Path(tempfile.mkdtemp(prefix="cqdt-")) / "feedback-cases.jsonl"
        path.write_text(data, encoding="utf-8")
        return str(path)

    # -- trainer ---------------------------------------------------------------------------
    def make_pack(doc_ids: list[str], topic: str) -> tuple[Any, ...]:
        try:
            pack = services.course_pack(doc_ids or [], topic or "")
        except CqdtError as exc:
            return f"**Lỗi:** {exc.vi}", None, None
        folder = Path(tempfile.mkdtemp(prefix="cqdt-pack-"))
        markdown = to_markdown(pack)
        (folder / "bai-giang.md").write_text(markdown, encoding="utf-8")
        (folder / "bai-giang.docx").write_bytes(to_docx(pack))
        return html.escape(markdown, quote=False), str(folder / "bai-giang.md"), str(folder / "bai-giang.docx")

    # -- API for scripts --------------------------------------------------------------------
    def ask_api(question: str, history: list[dict[str, str]] | None = None, use_llm: bool = False) -> dict[str, Any]:
        """Answer a question; returns the fixed JSON contract (see README)."""
        turns = [Turn(t["role"], t["content"]) for t in history or [] if t.get("role") in ("user", "assistant")]
        return services.ask(question, turns, use_llm=use_llm).to_dict()

    with gr.Blocks(title="Trợ lý Chính quyền đô thị") as demo:
        gr.Markdown(
            "# Trợ lý Chính quyền đô thị\n"
            "Hỏi đáp về thí điểm mô hình chính quyền đô thị tại Hà Nội (Nghị quyết 97/2019/QH14, "
            "Nghị định 32/2021/NĐ-CP, Kế hoạch 100/KH-UBND). Mọi câu trả lời đều trích dẫn tài liệu; "
            "khi tài liệu không có thông tin, trợ lý nói rõ."
        )
        answers = gr.State([])
        with gr.Tab("Hỏi đáp"):
            with gr.Row():
                with gr.Column(scale=3):
                    chat = gr.Chatbot(label="Hội thoại", height=480, elem_id="chat", feedback_options=None)
                    question = gr.Textbox(
                        label="Câu hỏi", placeholder="Nhập câu hỏi (có thể gõ không dấu)…", elem_id="question", lines=2
                    )
                    with gr.Row():
                        send = gr.Button("Gửi", variant="primary", elem_id="send")
                        clear = gr.Button("Cuộc hội thoại mới")
                        export = gr.DownloadButton("Tải hội thoại (Markdown)", elem_id="export-chat", value=None)
                    gr.Examples(EXAMPLES, inputs=question, label="Câu hỏi mẫu")
                    with gr.Accordion("Bộ lọc và tuỳ chọn", open=False):
                        doc_filter = gr.Dropdown(label="Tài liệu", choices=doc_choices(), multiselect=True)
                        place_filter = gr.Dropdown(label="Quận, phường", choices=services.places(), multiselect=True)
                        with gr.Row():
                            date_from = gr.Textbox(label="Từ ngày (dd/mm/yyyy)")
                            date_to = gr.Textbox(label="Đến ngày (dd/mm/yyyy)")
                        use_llm = gr.Checkbox(
                            label="Sinh câu trả lời bằng mô hình ngôn ngữ (LLM)",
                            value=False,
                            interactive=services.llm_available,
                            info=None if services.llm_available else "Chưa cấu hình CQDT_LLM_BASE_URL.",
                        )
                with gr.Column(scale=2):
                    source_pick = gr.Radio(label="Mở nguồn", choices=[], elem_id="sources")
                    source_view = gr.HTML(elem_id="source-view")
                    with gr.Accordion("Đánh giá câu trả lời", open=False):
                        rating = gr.Radio(["👍", "👎"], label="Câu trả lời có đúng không?")
                        comment = gr.Textbox(label="Nhận xét")
                        expected = gr.Textbox(label="Đáp án đúng (dành cho giảng viên)")
                        unanswerable = gr.Checkbox(label="Tài liệu không có thông tin này")
                        send_rating = gr.Button("Gửi đánh giá")
                        rating_status = gr.Markdown()
            outputs = [question, chat, answers, source_pick, source_view, export]
            inputs = [question, chat, answers, doc_filter, place_filter, date_from, date_to, use_llm]
            send.click(respond, inputs, outputs, api_visibility="private")
            question.submit(respond, inputs, outputs, api_visibility="private")
            source_pick.change(show_source, [source_pick, answers], source_view, api_visibility="private")
            clear.click(
                new_conversation, None, [chat, answers, source_pick, source_view, export], api_visibility="private"
            )
            send_rating.click(
                send_feedback,
                [rating, comment, expected, unanswerable, answers],
                rating_status,
                api_visibility="private",
            )

        with gr.Tab("Tài liệu"):
            table = gr.Dataframe(
                headers=["Mã", "Tiêu đề", "Ngày", "Nguồn", "Số đoạn"],
                value=documents_table,
                interactive=False,
                elem_id="documents",
            )
            files = gr.File(
                label=f"Tải tài liệu lên ({', '.join(UPLOAD_TYPES)}; tối đa "
                f"{services.settings.max_file_mb:g} MB mỗi tệp)",
                file_types=UPLOAD_TYPES,
                file_count="multiple",
                elem_id="upload",
            )
            upload_button = gr.Button("Nạp tài liệu", variant="primary", elem_id="upload-button")
            upload_status = gr.Markdown(elem_id="upload-status")
            with gr.Row():
                to_delete = gr.Dropdown(label="Xoá tài liệu", choices=doc_choices())
                delete_button = gr.Button("Xoá", variant="stop")
                reindex_button = gr.Button("Tạo lại chỉ mục")
            with gr.Row():
                feedback_button = gr.Button("Xuất đánh giá thành bộ câu hỏi kiểm thử (JSONL)")
                feedback_file = gr.File(label="Tệp đánh giá", interactive=False)
            upload_button.click(upload, files, [upload_status, table, to_delete], api_visibility="private")
            delete_button.click(delete, to_delete, [upload_status, table, to_delete], api_visibility="private")
            reindex_button.click(reindex, None, upload_status, api_visibility="private")
            feedback_button.click(export_feedback, None, feedback_file, api_visibility="private")

        with gr.Tab("Soạn bài giảng"):
            gr.Markdown(
                "Chọn tài liệu hoặc nhập chủ đề: trợ lý soạn ý chính, bảng số liệu, mốc thời gian và câu hỏi "
                "kiểm tra có đáp án — tất cả lấy từ tài liệu, kèm nguồn."
            )
            with gr.Row():
                pack_docs = gr.Dropdown(label="Tài liệu (để trống: tất cả)", choices=doc_choices(), multiselect=True)
                topic = gr.Textbox(label="Chủ đề (không bắt buộc)", placeholder="ví dụ: sắp xếp cán bộ phường")
            make = gr.Button("Soạn bài giảng", variant="primary", elem_id="make-pack")
            with gr.Row():
                pack_md = gr.File(label="Tải Markdown", interactive=False, elem_id="pack-md")
                pack_docx = gr.File(label="Tải Word (.docx)", interactive=False, elem_id="pack-docx")
            preview = gr.Markdown(elem_id="pack-preview")
            make.click(make_pack, [pack_docs, topic], [preview, pack_md, pack_docx], api_visibility="private")

        gr.api(ask_api, api_name="ask")
    return demo


def _warn_if_exposed(settings: Settings) -> None:
    try:
        loopback = ipaddress.ip_address(settings.host).is_loopback
    except ValueError:
        loopback = settings.host == "localhost"
    if not loopback and not (settings.auth_username and settings.auth_password):
        log.warning(
            "Cảnh báo: ứng dụng mở trên %s mà không có mật khẩu (đặt CQDT_AUTH_USERNAME/CQDT_AUTH_PASSWORD).",
            settings.host,
        )
        print(
            f"Cảnh báo: ứng dụng mở trên {settings.host} mà không có mật khẩu; đặt CQDT_AUTH_USERNAME và "
            "CQDT_AUTH_PASSWORD. (Warning: listening on a non-loopback address without auth.)",
            file=sys.stderr,
        )


def create_app(settings: Settings) -> tuple[Any, Services]:
    """The FastAPI server with the REST API at /api and the Gradio app at /."""
    services = Services(settings)
    services.ensure_corpus()
    api = create_api(services)
    auth = (
        (settings.auth_username, settings.auth_password) if settings.auth_username and settings.auth_password else None
    )
    app = gr.mount_gradio_app(api, build_ui(services), path="/", auth=auth, footer_links=["api"])
    return app, services


def serve(settings: Settings) -> None:
    import uvicorn

    _warn_if_exposed(settings)
    app, services = create_app(settings)
    print(f"Trợ lý Chính quyền đô thị: http://{settings.host}:{settings.port}", file=sys.stderr)
    try:
        uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")
    finally:
        services.close()


if __name__ == "__main__":
    serve(Settings())
