"""What the assistant needs from the index, and the cards it found for one question."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Protocol

from actiewijzer.index.models import SearchFilters, SearchHit
from actiewijzer.ingest.models import Card, DocumentInfo, ParsedDocument


class CardSource(Protocol):
    """The part of `CardIndex` the assistant uses; a small fake satisfies it in tests."""

    def search(
        self, query: str, k: int | None = 8, filters: SearchFilters | None = None
    ) -> list[SearchHit]: ...

    def lookup_ids(self, text: str) -> list[Card]: ...

    def closeness(self, query: str) -> float | None: ...

    def passage_closeness(self, query: str, passages: Sequence[str]) -> list[float] | None: ...

    def remember_passages(self, passages: Sequence[str], progress: bool = False) -> None: ...

    def get_card(self, doc: str, card_id: str) -> Card: ...

    def get_document(self, doc: str) -> ParsedDocument: ...

    def documents(self) -> list[DocumentInfo]: ...

    def cards(self, doc: str | None = None) -> list[Card]: ...


@dataclass(frozen=True)
class FoundCard:
    """One card retrieved for this question, with its document and why it was found."""

    card: Card
    document: DocumentInfo
    score: float = 0.0
    context: tuple[str, ...] = ()  # ancestor titles, nearest first

    @property
    def key(self) -> str:
        return self.card.key


@dataclass
class Retrieved:
    """Everything retrieved for one question; citations may only point in here."""

    cards: list[FoundCard] = field(default_factory=list)
    missing_ids: list[str] = field(default_factory=list)  # id-like strings no document has
    nearest: list[FoundCard] = field(default_factory=list)  # what the documents do have instead
    missing_years: list[int] = field(default_factory=list)  # asked years no found card covers
    related: list[FoundCard] = field(default_factory=list)  # e.g. cards sharing a budget line
    missing_places: list[str] = field(default_factory=list)  # places no document is about
    missing_words: list[str] = field(default_factory=list)  # asked-about words no card uses
    topic_words: list[str] = field(default_factory=list)  # what a list was asked about
    names: list[str] = field(default_factory=list)  # names asked that every listed card prints
    listing: bool = False  # every card answers (the cards under a named budget code)
    by_date: bool = False  # the cards whose start or end date meets the question's condition
    by_status_under_number: bool = False  # the actions under a numbered plan with the status
    under: list[FoundCard] = field(default_factory=list)  # the named cards a list is under
    dates_kept: bool = True  # False: the documents asked keep no such date per action

    @property
    def answerable(self) -> bool:
        return bool(self.cards)

    @property
    def keys(self) -> set[str]:
        return {found.key for found in self.all}

    @property
    def all(self) -> list[FoundCard]:
        return [*self.cards, *self.nearest, *self.related]

    def by_key(self, key: str) -> FoundCard | None:
        return next((f for f in self.all if f.key == key), None)


def documents_by_key(source: CardSource) -> dict[str, DocumentInfo]:
    return {info.doc: info for info in source.documents()}


def unique(found: Sequence[FoundCard]) -> list[FoundCard]:
    seen: set[str] = set()
    kept = []
    for item in found:
        if item.key not in seen:
            seen.add(item.key)
            kept.append(item)
    return kept
