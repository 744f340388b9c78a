"""The side store: each document's typed ParsedDocument as JSON, next to the vector store.

Chroma holds vectors and flat metadata for filtering; the typed cards (budget tables, fields)
live here so `get_card` returns real `Card` objects. One file per document keeps re-ingesting a
document cheap to copy between index generations.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from pathlib import Path

from actiewijzer.ingest.models import Card, DocumentInfo, ParsedDocument

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def document_file_name(doc: str) -> str:
    """A file name that is safe on every OS and unique even when two names slug the same."""
    digest = hashlib.sha1(doc.encode("utf-8")).hexdigest()[:10]
    return f"{_UNSAFE.sub('_', doc)[:80]}.{digest}.json"


def write_document(folder: Path, document: ParsedDocument) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    name = document_file_name(document.info.doc)
    tmp = folder / (name + ".tmp")
    tmp.write_text(document.model_dump_json(), encoding="utf-8")
    tmp.replace(folder / name)
    return name


def read_document(folder: Path, file_name: str) -> ParsedDocument:
    return ParsedDocument.model_validate_json((folder / file_name).read_text(encoding="utf-8"))


def unique_cards(document: ParsedDocument) -> ParsedDocument:
    """Collapse cards printed twice (an overview table and the detail page) into one.

    The longest text wins: it is the detail page, with the fields and the budget."""
    best: dict[str, Card] = {}
    for card in document.cards:
        kept = best.get(card.id)
        if kept is None or len(card.text) > len(kept.text):
            best[card.id] = card
    if len(best) == len(document.cards):
        return document
    ordered = [best[card_id] for card_id in dict.fromkeys(c.id for c in document.cards)]
    return document.model_copy(update={"cards": ordered})


class Catalog:
    """Every document and card of one index generation, in memory, in ingest order."""

    def __init__(self, documents: Iterable[ParsedDocument]) -> None:
        self.documents: dict[str, ParsedDocument] = {d.info.doc: d for d in documents}
        self.cards: list[Card] = [c for d in self.documents.values() for c in d.cards]
        self.by_key: dict[str, Card] = {c.key: c for c in self.cards}
        self.infos: dict[str, DocumentInfo] = {doc: d.info for doc, d in self.documents.items()}

    def document_of(self, card: Card) -> ParsedDocument:
        return self.documents[card.doc]
