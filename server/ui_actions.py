"""What the chat UI's buttons do, kept apart from the layout so it can be tested without a browser.

Errors meant for the visitor become `gr.Error` with the Dutch message; Gradio shows them in a
dialog. Anything else is logged and shown as a generic Dutch sentence, never as a traceback.
"""

from __future__ import annotations

import hashlib
import logging
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import gradio as gr

from actiewijzer.index.filters import period_years, resolve_filters
from actiewijzer.index.models import SearchFilters
from actiewijzer.server.deps import check_admin_key
from actiewijzer.server.errors import ApiError
from actiewijzer.server.feedback_store import FeedbackIn, Rating
from actiewijzer.server.services import Services
from actiewijzer.server.streaming import event_parts
from actiewijzer.server.ui_render import (
    card_html,
    chat_message,
    history_turns,
    message_text,
    table_row,
    to_csv,
)
from actiewijzer.server.uploads import delete_upload, store_and_ingest

log = logging.getLogger(__name__)
T = TypeVar("T")
Messages = list[dict[str, Any]]
SEARCH_LIMIT = 100
# A visitor downloads the CSV right after searching; an hour is ample.
DOWNLOAD_MAX_AGE_S = 3600.0
_GENERIC = "er ging iets mis; probeer het opnieuw"


def _visitor_errors(action: Callable[[], T]) -> T:
    """Run an action; Dutch domain errors go to the visitor, the rest only to the log."""
    try:
        return action()
    except gr.Error:
        raise
    except (ApiError, LookupError, ValueError) as error:
        raise gr.Error(getattr(error, "message", None) or str(error)) from error
    except Exception as error:
        log.exception("UI action failed")
        raise gr.Error(_GENERIC) from error


def answer(
    services: Services, question: str, messages: Messages
) -> Iterator[tuple[Messages, list[dict[str, Any]], str]]:
    """Stream the answer into the chat. Yields (messages, citations of the last answer, box)."""
    question = (question or "").strip()
    if not question:
        raise gr.Error("typ eerst een vraag")
    assistant = _visitor_errors(services.require_assistant)
    turns = history_turns(messages)
    events = _visitor_errors(lambda: iter(assistant.stream(question, turns)))
    first = _visitor_errors(lambda: next(events, None))  # surfaces an invalid question as a dialog
    shown = [
        *messages,
        {"role": "user", "content": question},
        {"role": "assistant", "content": "…"},
    ]
    yield shown, [], ""
    text = ""
    pending = [first] if first is not None else []
    try:
        for event in _chain(pending, events):
            chunk, final = event_parts(event)
            if chunk:
                text += chunk
                shown[-1] = {"role": "assistant", "content": text}
                yield shown, [], ""
            if final is not None:
                shown[-1] = {"role": "assistant", "content": chat_message(final)}
                yield shown, [c.model_dump() for c in final.citations], ""
    except Exception:
        log.exception("answer stream failed in the UI")
        shown[-1] = {
            "role": "assistant",
            "content": "Er ging iets mis bij het antwoorden; probeer het opnieuw.",
        }
        yield shown, [], ""


def _chain(first: list[Any], rest: Iterator[Any]) -> Iterator[Any]:
    yield from first
    yield from rest


def card_view(services: Services, doc: str, card_id: str, quotes: list[str]) -> str:
    def render() -> str:
        index = services.require_index()
        card = index.get_card(doc, card_id)
        return card_html(card, index.get_document(doc).info, quotes)

    return _visitor_errors(render)


def record_feedback(
    services: Services, messages: Messages, liked: bool | None, position: int
) -> str:
    if liked is None or not 0 <= position < len(messages):
        return ""
    answer_text = message_text(messages[position].get("content"))
    question = next(
        (
            message_text(m.get("content"))
            for m in reversed(messages[:position])
            if m.get("role") == "user"
        ),
        "",
    )
    if not question:
        return ""
    rating = Rating.UP if liked else Rating.DOWN
    services.feedback.add(
        FeedbackIn(question=question, answer=answer_text, rating=rating), source="ui"
    )
    return "Bedankt voor uw feedback."


class FilterChoices(NamedTuple):
    documents: list[tuple[str, str]]  # (label, file name)
    municipalities: list[str]
    years: list[int]


def filter_choices(services: Services) -> FilterChoices:
    """What the filter dropdowns offer: only values the indexed documents actually have."""
    if services.index is None:
        return FilterChoices([], [], [])
    documents = services.index.documents()
    years: set[int] = set()
    for info in documents:
        span = period_years(info)
        if span:
            years.update(range(span[0], span[1] + 1))
    return FilterChoices(
        documents=[(f"{d.label} ({d.doc})", d.doc) for d in documents],
        municipalities=sorted({m for d in documents for m in d.municipalities}),
        years=sorted(years),
    )


def find_cards(
    services: Services,
    topic: str,
    doc: str | None,
    municipality: str | None,
    year: int | None,
    status: str,
) -> tuple[list[list[str]], list[tuple[str, str]], str | None]:
    """Table rows, (doc, id) per row for opening a card, and a CSV file of the same rows."""

    def run() -> tuple[list[list[str]], list[tuple[str, str]], str | None]:
        index = services.require_index()
        filters = SearchFilters(
            doc=doc or None,
            municipality=municipality or None,
            year=year or None,
            status=(status or "").strip() or None,
        )
        documents = {d.doc: d for d in index.documents()}
        if (topic or "").strip():
            hits = index.search(topic.strip(), k=SEARCH_LIMIT, filters=filters)
            found = [(hit.card, hit.document) for hit in hits]
        else:
            # No topic: list every card the filters admit, in document order.
            admitted = resolve_filters(filters, documents)
            found = [(c, documents[c.doc]) for c in index.cards(doc or None) if admitted.admits(c)]
        rows = [table_row(card, document) for card, document in found]
        keys = [(card.doc, card.id) for card, _ in found]
        return rows, keys, _write_csv(rows) if rows else None

    return _visitor_errors(run)


def _write_csv(rows: list[list[str]], folder: Path | None = None) -> str:
    """Write the rows as a CSV download; the same rows reuse one file, stale downloads go.

    A long-running server would otherwise leave a file in the temp dir for every search.
    """
    # Gradio serves files from the system temp dir; utf-8-sig so Excel reads the accents.
    folder = folder or Path(tempfile.gettempdir()) / "actiewijzer-downloads"
    folder.mkdir(parents=True, exist_ok=True)
    _remove_stale_downloads(folder)
    text = to_csv(rows)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]
    path = folder / f"actiekaarten-{digest}.csv"
    path.write_text(text, encoding="utf-8-sig", newline="")
    return str(path)


def _remove_stale_downloads(folder: Path, max_age_s: float = DOWNLOAD_MAX_AGE_S) -> None:
    cutoff = time.time() - max_age_s
    for old in folder.glob("actiekaarten-*.csv"):
        try:
            if old.stat().st_mtime < cutoff:
                old.unlink()
        except FileNotFoundError:
            # Another worker removed it first.
            continue


def upload(services: Services, api_key: str, file_path: str | None) -> str:
    def run() -> str:
        check_admin_key(services.settings, api_key)
        if not file_path:
            raise gr.Error("kies eerst een bestand")
        path = Path(file_path)
        report, replaced = store_and_ingest(
            services.require_index(),
            services.settings.data_dir / "uploads",
            path.name,
            path.read_bytes(),
            services.settings.max_upload_bytes,
        )
        verb = "vervangen" if replaced else "toegevoegd"
        return f"'{report.doc}' {verb}: {report.cards} kaarten geïndexeerd ({report.family})."

    return _visitor_errors(run)


def delete(services: Services, api_key: str, doc: str | None) -> str:
    def run() -> str:
        check_admin_key(services.settings, api_key)
        if not doc:
            raise gr.Error("kies eerst een document")
        removed = services.require_index().remove_document(doc)
        delete_upload(services.settings.data_dir / "uploads", doc)
        return f"'{doc}' verwijderd ({removed} kaarten)."

    return _visitor_errors(run)
