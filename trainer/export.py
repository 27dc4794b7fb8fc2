"""Course packs as Markdown and DOCX (python-docx)."""

from __future__ import annotations

import io

from trainer.coursepack import CoursePack, Source


def _date(iso: str) -> str:
    return "/".join(reversed(iso.split("-"))) if iso else "không rõ ngày"


def _cite(source: Source) -> str:
    return f"{source.title} ({_date(source.date)}), `{source.doc_id}` [{source.start}:{source.end}]"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def to_markdown(pack: CoursePack) -> str:
    lines = [f"# {pack.title}", "", "Tài liệu:"]
    lines += [f"- {title} ({_date(date)}) — `{doc_id}`" for doc_id, title, date in pack.documents]
    lines += ["", "## Ý chính", ""]
    lines += [f"{i}. {p.quote}\n   — *Nguồn:* {_cite(p)}" for i, p in enumerate(pack.key_points, start=1)]
    lines += ["", "## Số liệu chính", "", "| Số liệu | Nội dung | Nguồn |", "|---|---|---|"]
    lines += [f"| {_cell(f.value)} | {_cell(f.measures)} | {_cell(_cite(f.source))} |" for f in pack.figures]
    lines += ["", "## Mốc thời gian", ""]
    lines += [f"- **{_date(e.date)}**: {e.text} — *Nguồn:* {_cite(e.source)}" for e in pack.timeline]
    lines += ["", "## Câu hỏi kiểm tra", ""]
    for i, item in enumerate(pack.quiz, start=1):
        lines.append(f"**Câu {i}** ({'trắc nghiệm' if item.kind == 'mcq' else 'điền khuyết'}). {item.question}")
        lines += [f"   - {chr(65 + j)}. {option}" for j, option in enumerate(item.options)]
        lines.append("")
    lines += ["## Đáp án", ""]
    lines += [f"{i}. {item.answer} — *Nguồn:* {_cite(item.source)}" for i, item in enumerate(pack.quiz, start=1)]
    return "\n".join(lines) + "\n"


def to_docx(pack: CoursePack) -> bytes:
    import docx

    document = docx.Document()
    document.add_heading(pack.title, level=0)
    document.add_paragraph("Tài liệu: " + "; ".join(f"{t} ({_date(d)})" for _, t, d in pack.documents))
    document.add_heading("Ý chính", level=1)
    for point in pack.key_points:
        paragraph = document.add_paragraph(point.quote, style="List Number")
        paragraph.add_run(f"\nNguồn: {_cite(point)}").italic = True
    document.add_heading("Số liệu chính", level=1)
    table = document.add_table(rows=1, cols=3)
    table.style = "Table Grid"
    for cell, header in zip(table.rows[0].cells, ("Số liệu", "Nội dung", "Nguồn"), strict=True):
        cell.text = header
    for figure in pack.figures:
        row = table.add_row().cells
        row[0].text, row[1].text, row[2].text = figure.value, figure.measures, _cite(figure.source)
    document.add_heading("Mốc thời gian", level=1)
    for event in pack.timeline:
        paragraph = document.add_paragraph(style="List Bullet")
        paragraph.add_run(f"{_date(event.date)}: ").bold = True
        paragraph.add_run(event.text)
    document.add_heading("Câu hỏi kiểm tra", level=1)
    for i, item in enumerate(pack.quiz, start=1):
        document.add_paragraph(f"Câu {i}. {item.question}")
        for j, option in enumerate(item.options):
            document.add_paragraph(f"{chr(65 + j)}. {option}", style="List Bullet")
    document.add_heading("Đáp án", level=1)
    for i, item in enumerate(pack.quiz, start=1):
        document.add_paragraph(f"{i}. {item.answer} — Nguồn: {_cite(item.source)}")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
