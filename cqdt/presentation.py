"""Turning answers and sources into text for people (pure functions; every document text escaped)."""

from __future__ import annotations

import html
from collections.abc import Sequence

from answering.types import Answer, Citation

NOT_IN_DOCUMENTS = "Không có trong tài liệu"


def display_date(iso: str) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else "không rõ ngày"


def _md_escape(text: str) -> str:
    """Document text shown through Markdown: no raw HTML, no accidental formatting."""
    return html.escape(text, quote=False).replace("*", "\\*").replace("_", "\\_").replace("`", "\\`")


def answer_markdown(answer: Answer) -> str:
    """The chat bubble: the answer, a clear 'not in the documents' state, and numbered sources."""
    body = f"**{NOT_IN_DOCUMENTS}.** {_md_escape(answer.answer)}" if answer.abstained else _md_escape(answer.answer)
    lines = [body]
    if answer.citations:
        lines.append("")
        lines.append("**Nguồn:**")
        for c in answer.citations:
            lines.append(f"- [{c.n}] {_md_escape(c.title)} ({display_date(c.date)}) — `{c.doc_id}`")
    for note in answer.notes:
        lines.append(f"\n> ⚠️ {_md_escape(note)}")
    return "\n".join(lines)


def source_html(citation: Citation, document_text: str, context_chars: int = 400) -> str:
    """A source panel: title, date, and the passage around the quote with the quote highlighted."""
    start = max(0, citation.start - context_chars)
    end = min(len(document_text), citation.end + context_chars)
    before = html.escape(document_text[start : citation.start])
    quote = html.escape(document_text[citation.start : citation.end])
    after = html.escape(document_text[citation.end : end])
    lead = "…" if start > 0 else ""
    tail = "…" if end < len(document_text) else ""
    return (
        f'<div class="cqdt-source"><h4>[{citation.n}] {html.escape(citation.title)}</h4>'
        f"<p><small>{html.escape(display_date(citation.date))} — {html.escape(citation.doc_id)} "
        f"(ký tự {citation.start}–{citation.end})</small></p>"
        f'<p style="white-space: pre-wrap">{lead}{before}<mark>{quote}</mark>{after}{tail}</p></div>'
    )


def conversation_markdown(exchanges: Sequence[Answer]) -> str:
    """A conversation exported for a report: questions, answers and the quoted sources."""
    lines = ["# Hỏi đáp về mô hình chính quyền đô thị", ""]
    for number, answer in enumerate(exchanges, start=1):
        lines.append(f"## {number}. {answer.question}")
        lines.append("")
        lines.append(answer_markdown(answer))
        for c in answer.citations:
            lines.append(f"\n> [{c.n}] «{_md_escape(c.quote)}»")
        lines.append("")
    return "\n".join(lines)
