"""Pure rendering helpers for the chat UI: chip labels, the card viewer, table rows, CSV."""

from __future__ import annotations

import csv
import html
import io
import re

from actiewijzer.assistant.models import Answer, ChatTurn, Citation
from actiewijzer.ingest.models import Card, DocumentInfo

SOURCES_MARKER = "\n\n**Bronnen:** "
TABLE_HEADERS = ["Nummer", "Titel", "Document", "Jaar", "Status", "Budget"]
_SPACES = re.compile(r"\s+")
_MIN_QUOTE_OVERLAP = 12  # shorter fragments ("2024", "Ja") would light up unrelated lines


def chip_label(number: int, citation: Citation) -> str:
    year = f" ({citation.year})" if citation.year else ""
    title = citation.title if len(citation.title) <= 60 else citation.title[:57] + "…"
    return f"[{number}] {citation.id} · {title} · {citation.document_label}{year}"


def chat_message(answer: Answer) -> str:
    """The assistant turn as shown in the chat: the answer and a compact source line."""
    if not answer.citations:
        return answer.answer
    sources = "; ".join(
        f"[{i}] {c.id} ({c.document_label}{', ' + str(c.year) if c.year else ''})"
        for i, c in enumerate(answer.citations, start=1)
    )
    return answer.answer + SOURCES_MARKER + sources


def message_text(content: object) -> str:
    """Gradio hands messages back as text or as a list of parts ({"type": "text", ...})."""
    if isinstance(content, str):
        return content
    if isinstance(content, dict):
        return str(content.get("text") or "")
    if isinstance(content, list):
        return "".join(message_text(part) for part in content)
    return ""


def history_turns(messages: list[dict[str, object]]) -> list[ChatTurn]:
    """Gradio's message list back to the assistant's turns, without the source lines we added."""
    turns: list[ChatTurn] = []
    for message in messages:
        role, text = message.get("role"), message_text(message.get("content"))
        if role not in ("user", "assistant") or not text:
            continue
        turns.append(ChatTurn(role=role, content=text.split(SOURCES_MARKER, 1)[0]))
    return turns


def _normalise(text: str) -> str:
    return _SPACES.sub(" ", text).strip().casefold()


def _is_quoted(line: str, quotes: list[str]) -> bool:
    normalised = _normalise(line)
    if not normalised:
        return False
    for quote in quotes:
        if normalised in quote and len(normalised) >= _MIN_QUOTE_OVERLAP:
            return True
        if quote in normalised and len(quote) >= _MIN_QUOTE_OVERLAP:
            return True
        if normalised == quote:
            return True
    return False


def card_html(card: Card, document: DocumentInfo, quotes: list[str] | None = None) -> str:
    """The card as an accessible article; lines the answer quoted are marked."""
    wanted = [_normalise(q) for q in quotes or [] if q.strip()]
    lines = card.text.splitlines()
    # Line numbers are only shown when the card text maps one-to-one onto the source lines.
    numbered = len(lines) == card.end_line - card.start_line + 1
    rows: list[str] = []
    for offset, line in enumerate(lines):
        number = f'<span class="aw-ln" aria-hidden="true">{card.start_line + offset}</span>'
        text = html.escape(line) or "&nbsp;"
        if _is_quoted(line, wanted):
            text = f'<mark aria-label="geciteerd">{text}</mark>'
        rows.append(f'<div class="aw-line">{number if numbered else ""}{text}</div>')
    year = f", {document.year}" if document.year else ""
    status = (
        f"<p><strong>Status:</strong> {html.escape(card.fields.status)}</p>"
        if card.fields.status
        else ""
    )
    pages = f", pagina {card.start_page}–{card.end_page}" if card.start_page is not None else ""
    return (
        f'<article class="aw-card" aria-label="Actiekaart {html.escape(card.id)}">'
        f"<h3>{html.escape(card.id)} – {html.escape(card.title)}</h3>"
        f'<p class="aw-meta">{html.escape(document.label)}{year} · {html.escape(card.doc)}, '
        f"regels {card.start_line}–{card.end_line}{pages}</p>"
        f'{status}<div class="aw-text" role="document">{"".join(rows)}</div></article>'
    )


def budget_summary(card: Card, max_cells: int = 3) -> str:
    parts: list[str] = []
    for row in card.fields.budget:
        cells = [f"{cell.column} {cell.raw}" for cell in row.cells if cell.amount is not None]
        if cells:
            parts.append(f"{row.label}: " + ", ".join(cells[:max_cells]))
    return "; ".join(parts[:2])


def table_row(card: Card, document: DocumentInfo) -> list[str]:
    return [
        card.id,
        card.title,
        document.label,
        str(document.year or ""),
        card.fields.status or "",
        budget_summary(card),
    ]


def to_csv(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    # Semicolons: Excel in a Dutch locale opens these with columns split correctly.
    writer = csv.writer(buffer, delimiter=";")
    writer.writerow(TABLE_HEADERS)
    writer.writerows(rows)
    return buffer.getvalue()
