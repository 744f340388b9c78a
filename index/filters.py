"""SearchFilters resolved against the documents in the index, once per query."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from actiewijzer.index.errors import UnknownDocumentError
from actiewijzer.index.models import SearchFilters
from actiewijzer.index.text_analysis import fold
from actiewijzer.ingest.models import Card, CardKind, DocumentInfo

_YEAR = re.compile(r"\b(19\d\d|20\d\d)\b")


def period_years(info: DocumentInfo) -> tuple[int, int] | None:
    """First and last year the document covers: '2023-2025' -> (2023, 2025), '2024 Q2' -> 2024."""
    years = [int(y) for y in _YEAR.findall(info.period)]
    if not years and info.year is not None:
        years = [info.year]
    return (min(years), max(years)) if years else None


def municipality_names(info: DocumentInfo) -> set[str]:
    return {fold(m).strip() for m in info.municipalities}


@dataclass(frozen=True, slots=True)
class ResolvedFilter:
    """Which documents qualify (None: all), plus the per-card conditions."""

    docs: frozenset[str] | None = None
    kind: CardKind | None = None
    status: str | None = None  # folded substring

    @property
    def is_unrestricted(self) -> bool:
        return self.docs is None and self.kind is None and self.status is None

    @property
    def matches_nothing(self) -> bool:
        return self.docs is not None and not self.docs

    @property
    def needs_card_check(self) -> bool:
        """True when the vector store cannot apply the whole filter (status is a substring)."""
        return self.status is not None

    def admits(self, card: Card) -> bool:
        if self.docs is not None and card.doc not in self.docs:
            return False
        if self.kind is not None and card.kind != self.kind:
            return False
        return self.status is None or self.status in fold(card.fields.status or "")


def resolve_filters(
    filters: SearchFilters | None, documents: Mapping[str, DocumentInfo]
) -> ResolvedFilter:
    """Raises UnknownDocumentError for a doc the index does not hold (a user typo deserves a
    message); an unknown municipality or year simply matches nothing."""
    if filters is None:
        return ResolvedFilter()
    docs: set[str] | None = None
    if filters.doc is not None:
        if filters.doc not in documents:
            raise UnknownDocumentError(filters.doc, sorted(documents))
        docs = {filters.doc}
    if filters.municipality is not None:
        wanted = fold(filters.municipality).strip()
        docs = _narrow(docs, {d for d, i in documents.items() if wanted in municipality_names(i)})
    if filters.year is not None:
        docs = _narrow(docs, {d for d, i in documents.items() if _covers(i, filters.year)})
    status = fold(filters.status).strip() if filters.status else None
    return ResolvedFilter(
        docs=frozenset(docs) if docs is not None else None, kind=filters.kind, status=status
    )


def _narrow(current: set[str] | None, allowed: set[str]) -> set[str]:
    return allowed if current is None else current & allowed


def _covers(info: DocumentInfo, year: int) -> bool:
    span = period_years(info)
    return span is not None and span[0] <= year <= span[1]
