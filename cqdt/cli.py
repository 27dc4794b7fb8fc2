"""The `cqdt` command line. Exit codes: 0 ok, 1 error (clear message, no traceback), 2 usage error."""

from __future__ import annotations

import json
import logging
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click

from answering.llm import make_llm
from answering.service import Assistant
from answering.types import Answer, Turn
from cqdt.errors import CqdtError
from cqdt.library import Library, ProgressCallback
from cqdt.settings import Settings

F = TypeVar("F", bound=Callable[..., Any])


def _echo_json(data: Any) -> None:
    click.echo(json.dumps(data, ensure_ascii=False))


def _run_batch(ctx: click.Context, lines: Any, handle: Callable[[dict[str, Any]], dict[str, Any]]) -> None:
    """JSONL in (one object with a 'question' per line), one JSON object per line out; a bad line
    gets an error object in its place, and the exit code is 1 if any line failed."""
    failures = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        item_id: Any = None
        try:
            item = json.loads(line)
            item_id = item.get("id") if isinstance(item, dict) else None
            if not isinstance(item, dict) or not isinstance(item.get("question"), str):
                raise CqdtError(vi="thiếu trường 'question'", en="missing 'question' string")
            _echo_json(handle(item))
        except (json.JSONDecodeError, CqdtError) as exc:
            failures += 1
            message = exc.en if isinstance(exc, CqdtError) else f"invalid JSON: {exc}"
            _echo_json({"id": item_id, "line": number, "error": message})
    if failures:
        ctx.exit(1)


class _TqdmProgress:
    """Progress on stderr, created on the first report so nothing shows when there is no work."""

    def __init__(self, description: str) -> None:
        self.description = description
        self._bar: Any = None

    def __call__(self, done: int, total: int, doc_id: str) -> None:
        from tqdm import tqdm

        if self._bar is None:
            self._bar = tqdm(total=total, desc=self.description, unit="đoạn", file=sys.stderr, leave=False)
        self._bar.set_postfix_str(doc_id[:40], refresh=False)
        self._bar.update(done - self._bar.n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


@contextmanager
def _progress(description: str) -> Iterator[ProgressCallback]:
    bar = _TqdmProgress(description)
    try:
        yield bar
    finally:
        bar.close()


@contextmanager
def _library(ctx: click.Context, *, build_if_empty: bool = False) -> Iterator[Library]:
    settings: Settings = ctx.obj
    with Library(settings) as library:
        if build_if_empty and library.is_empty():
            click.echo("Chỉ mục trống: đang xây dựng từ bộ tài liệu mặc định…", err=True)
            with _progress("Lập chỉ mục") as progress:
                results = library.ensure_corpus(progress)
            for result in results:
                if not result.ok:
                    click.echo(f"  {result.doc_id}: {result.message_vi}", err=True)
        yield library


class _Group(click.Group):
    """Turns CqdtError (and anything unexpected) into a message and exit code 1."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CqdtError as exc:
            click.echo(f"Lỗi: {exc.vi}\nError: {exc.en}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except Exception as exc:
            settings = ctx.obj
            if isinstance(settings, Settings) and settings.debug:
                raise
            click.echo(
                f"Lỗi không mong đợi: {type(exc).__name__}: {exc}\n"
                "Unexpected error; set CQDT_DEBUG=1 to see the traceback.",
                err=True,
            )
            ctx.exit(1)


@click.group(cls=_Group)
@click.version_option(package_name="cqdt")
@click.pass_context
def cli(ctx: click.Context) -> None:
    """Trợ lý Chính quyền đô thị: tìm và trích dẫn tài liệu về mô hình chính quyền đô thị Hà Nội."""
    try:
        ctx.obj = Settings()
    except Exception as exc:  # pydantic's validation message names the offending variable
        raise CqdtError(vi=f"Cấu hình CQDT_* không hợp lệ: {exc}", en=f"invalid CQDT_* settings: {exc}") from exc
    logging.getLogger("chromadb").setLevel(logging.ERROR)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Kết quả dạng JSON (mỗi tệp một dòng).")
@click.pass_context
def ingest(ctx: click.Context, paths: tuple[Path, ...], as_json: bool) -> None:
    """Nạp tài liệu (.txt .md .html .pdf .docx) vào chỉ mục; không có PATH: bộ tài liệu mặc định."""
    settings: Settings = ctx.obj
    targets = list(paths) or [settings.corpus_dir]
    with _library(ctx) as library, _progress("Lập chỉ mục") as progress:
        results = library.ingest_paths(targets, progress)
    labels = {
        "added": "đã thêm",
        "updated": "đã cập nhật",
        "unchanged": "không đổi",
        "duplicate": "trùng lặp",
        "error": "lỗi",
    }
    for result in results:
        if as_json:
            _echo_json(result.to_dict())
        else:
            detail = f" — {result.message_vi}" if result.message_vi else ""
            click.echo(f"{labels[result.status]:>12}  {result.doc_id} ({result.chunks} đoạn){detail}")
    if not results:
        click.echo("Không tìm thấy tệp nào được hỗ trợ.", err=True)
    if any(not r.ok for r in results) or not results:
        ctx.exit(1)


@cli.command()
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def docs(ctx: click.Context, as_json: bool) -> None:
    """Liệt kê tài liệu trong chỉ mục."""
    with _library(ctx) as library:
        records = library.documents()
    if as_json:
        _echo_json([r.to_dict() for r in records])
        return
    if not records:
        click.echo("Chỉ mục chưa có tài liệu. Chạy 'cqdt ingest' để nạp bộ tài liệu mặc định.")
    for r in records:
        click.echo(f"{r.doc_id}  {r.date or '----------'}  {r.chunk_count:>3} đoạn  {r.title}")


@cli.command()
@click.argument("doc_id")
@click.pass_context
def rm(ctx: click.Context, doc_id: str) -> None:
    """Xoá một tài liệu khỏi chỉ mục."""
    with _library(ctx) as library:
        record = library.remove(doc_id)
    click.echo(f"Đã xoá {record.doc_id} ({record.chunk_count} đoạn).")


@cli.command()
@click.argument("doc_id")
@click.option("--text", "with_text", is_flag=True, help="In toàn văn đã làm sạch.")
@click.option("--json", "as_json", is_flag=True)
@click.pass_context
def show(ctx: click.Context, doc_id: str, with_text: bool, as_json: bool) -> None:
    """Xem thông tin (và toàn văn) một tài liệu."""
    with _library(ctx) as library:
        record = library.document(doc_id)
        text = library.text(doc_id) if with_text or as_json else ""
    if as_json:
        _echo_json({**record.to_dict(), "text": text} if with_text else record.to_dict())
        return
    for label, value in (
        ("Mã", record.doc_id),
        ("Tiêu đề", record.title),
        ("Ngày", record.date),
        ("Nguồn", record.publisher),
        ("Định dạng", record.source_format),
        ("Số đoạn", record.chunk_count),
        ("Văn bản dẫn chiếu", ", ".join(record.doc_numbers)),
        ("Địa danh", ", ".join(record.places)),
    ):
        click.echo(f"{label + ':':<19}{value}")
    if with_text:
        click.echo("")
        click.echo(text)


@cli.command()
@click.argument("query", required=False)
@click.option("-k", "k", type=click.IntRange(1, 100), default=None, help="Số đoạn trả về (mặc định 5).")
@click.option("--json", "as_json", is_flag=True)
@click.option("--batch", type=click.File("r", encoding="utf-8"), help='Tệp JSONL: mỗi dòng {"id", "question"}.')
@click.option("--mode", type=click.Choice(["hybrid", "bm25", "dense"]), default="hybrid", show_default=True)
@click.pass_context
def search(ctx: click.Context, query: str | None, k: int | None, as_json: bool, batch: Any, mode: str) -> None:
    """Tìm các đoạn văn liên quan tới câu hỏi."""
    if (query is None) == (batch is None):
        raise click.UsageError("Cần đúng một trong hai: QUERY hoặc --batch FILE.")
    with _library(ctx, build_if_empty=True) as library:
        if batch is not None:
            _run_batch(
                ctx,
                batch,
                lambda item: {
                    "id": item.get("id"),
                    "query": item["question"],
                    "results": [h.to_dict() for h in library.search(item["question"], k, mode=mode)],
                },
            )
            return
        assert query is not None
        hits = library.search(query, k, mode=mode)
    if as_json:
        _echo_json({"query": query, "results": [h.to_dict() for h in hits]})
        return
    if not hits:
        click.echo("Không tìm thấy đoạn nào phù hợp.")
    for hit in hits:
        chunk = hit.chunk
        click.echo(
            f"[{hit.rank}] {chunk.title} ({chunk.date or 'không rõ ngày'}) — {chunk.doc_id} "
            f"[{chunk.start}:{chunk.end}] điểm {hit.score:.3f}"
        )
        click.echo("    " + chunk.text.replace("\n", "\n    "))
        click.echo("")


def _display_date(iso: str) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else "không rõ ngày"


def _parse_history(raw: Any) -> list[Turn]:
    if raw is None:
        return []
    if not isinstance(raw, list) or not all(isinstance(t, dict) for t in raw):
        raise CqdtError(vi="'history' phải là danh sách các lượt hội thoại.", en="'history' must be a list of turns")
    turns = []
    for turn in raw:
        role, content = turn.get("role"), turn.get("content")
        if role not in ("user", "assistant") or not isinstance(content, str):
            raise CqdtError(
                vi="Mỗi lượt cần 'role' (user/assistant) và 'content'.", en="each turn needs role and content"
            )
        turns.append(Turn(role, content))
    return turns


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Kết quả dạng JSON (hợp đồng cố định).")
@click.option("--batch", type=click.File("r", encoding="utf-8"), help='Tệp JSONL: {"id", "question", "history"?}.')
@click.option("--llm", "use_llm", is_flag=True, help="Sinh câu trả lời bằng LLM (cần CQDT_LLM_BASE_URL).")
@click.pass_context
def ask(ctx: click.Context, question: str | None, as_json: bool, batch: Any, use_llm: bool) -> None:
    """Trả lời câu hỏi từ tài liệu, kèm trích dẫn; nói rõ khi tài liệu không có thông tin."""
    if (question is None) == (batch is None):
        raise click.UsageError("Cần đúng một trong hai: QUESTION hoặc --batch FILE.")
    settings: Settings = ctx.obj
    if use_llm and not settings.llm_base_url:
        raise CqdtError(
            vi="--llm cần địa chỉ máy chủ LLM: đặt CQDT_LLM_BASE_URL (ví dụ http://127.0.0.1:8080/v1).",
            en="--llm needs CQDT_LLM_BASE_URL",
        )
    with _library(ctx, build_if_empty=True) as library:
        assistant = Assistant(library, llm=make_llm(settings) if use_llm else None)
        if batch is not None:
            _run_batch(
                ctx,
                batch,
                lambda item: assistant.ask(
                    item["question"],
                    _parse_history(item.get("history")),
                    id=None if item.get("id") is None else str(item["id"]),
                    use_llm=use_llm,
                ).to_dict(),
            )
            return
        assert question is not None
        final: Answer | None = None
        for event in assistant.ask_stream(question, use_llm=use_llm):
            if event.answer is not None:
                final = event.answer
            elif use_llm and not as_json:
                click.echo(event.text, nl=False, err=True)  # the raw generation, before the check
        assert final is not None
        answer = final
        if use_llm and not as_json:
            click.echo("\n", err=True)
    if as_json:
        _echo_json(answer.to_dict())
        return
    if answer.abstained:
        click.echo(f"Không có trong tài liệu. {answer.answer}")
        for note in answer.notes:
            click.echo(f"(!) {note}")
        return
    click.echo(answer.answer)
    for note in answer.notes:
        click.echo(f"(!) {note}")
    click.echo("\nNguồn:")
    for citation in answer.citations:
        click.echo(f"[{citation.n}] {citation.title} ({_display_date(citation.date)}) — {citation.doc_id}")
        click.echo(f"    «{citation.quote}»")


@cli.command(name="eval")
@click.option(
    "--dataset",
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    default=None,
    help="Bộ câu hỏi JSONL (mặc định: eval/datasets/gold.jsonl).",
)
@click.option(
    "--out", "out_dir", type=click.Path(file_okay=False, path_type=Path), default=Path("eval-report"), show_default=True
)
@click.option("--no-baseline", is_flag=True, help="Bỏ qua baseline llama-index.")
@click.pass_context
def eval_command(ctx: click.Context, dataset: Path | None, out_dir: Path, no_baseline: bool) -> None:
    """Chấm điểm hệ thống trên bộ câu hỏi chuẩn; ghi report.json, report.md và biểu đồ."""
    from eval.dataset import DEFAULT_DATASET
    from eval.harness import format_table, run_eval

    with _library(ctx, build_if_empty=True) as library:
        report = run_eval(
            library,
            dataset or DEFAULT_DATASET,
            out_dir,
            baseline=not no_baseline,
            progress=lambda message: click.echo(message, err=True),
        )
    click.echo(format_table(report))
    click.echo(f"\nĐã ghi {out_dir / 'report.json'}, {out_dir / 'report.md'}, {out_dir / 'accuracy_by_category.png'}")


@cli.command()
@click.option("--dataset", type=click.Path(exists=True, dir_okay=False, path_type=Path), default=None)
@click.option("--rounds", type=click.IntRange(1, 20), default=2, show_default=True)
@click.option("--scale", default="", help="Thêm phép đo ở quy mô lớn, ví dụ 1000,10000,100000 đoạn.")
@click.option("--modes", default="embedded,server", show_default=True, help="Chroma nhúng và/hoặc máy chủ.")
@click.option(
    "--out", "out_file", type=click.Path(dir_okay=False, path_type=Path), default=Path("bench.json"), show_default=True
)
@click.pass_context
def bench(ctx: click.Context, dataset: Path | None, rounds: int, scale: str, modes: str, out_file: Path) -> None:
    """Đo tốc độ: độ trễ tìm kiếm/trả lời (p50, p95), tốc độ nhúng, bộ nhớ; in bảng và ghi JSON."""
    from eval.bench import format_bench, run_bench, write_bench
    from eval.dataset import DEFAULT_DATASET
    from eval.scale import format_scales, run_scales

    try:
        scales = [int(s) for s in scale.split(",") if s.strip()]
    except ValueError as exc:
        raise click.UsageError("--scale nhận danh sách số, ví dụ 1000,10000") from exc
    chosen_modes = [m for m in modes.split(",") if m in ("embedded", "server")]
    with _library(ctx, build_if_empty=True) as library:
        report = run_bench(library, dataset or DEFAULT_DATASET, rounds)
    click.echo(format_bench(report))
    if scales:
        click.echo("Đang đo ở quy mô lớn (mỗi quy mô một tiến trình)…", err=True)
        report["scale"] = run_scales(scales, chosen_modes, ctx.obj)
        click.echo(format_scales(report["scale"]))
    write_bench(report, out_file)
    click.echo(f"Đã ghi {out_file}")


@cli.command()
@click.option("--host", default=None, help="Địa chỉ lắng nghe (mặc định CQDT_HOST, 127.0.0.1).")
@click.option("--port", type=click.IntRange(1, 65535), default=None, help="Cổng (mặc định CQDT_PORT, 7860).")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None) -> None:
    """Mở ứng dụng hỏi đáp (Gradio) và REST API trên cùng máy chủ."""
    import importlib.util

    settings: Settings = ctx.obj
    updates = {k: v for k, v in (("host", host), ("port", port)) if v is not None}
    spec = importlib.util.spec_from_file_location("cqdt_app", Path(__file__).resolve().parent.parent / "app.py")
    if spec is None or spec.loader is None:
        raise CqdtError(vi="Không tìm thấy app.py.", en="app.py not found")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.serve(settings.model_copy(update=updates))


@cli.command()
@click.pass_context
def reindex(ctx: click.Context) -> None:
    """Tạo lại toàn bộ vector (sau khi đổi mô hình nhúng CQDT_EMBED_MODEL)."""
    with _library(ctx) as library, _progress("Tạo lại vector") as progress:
        total = library.reindex(progress)
    click.echo(f"Đã tạo lại {total} đoạn.")


def main() -> None:
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8", errors="replace")
    cli(prog_name="cqdt")


if __name__ == "__main__":
    main()
