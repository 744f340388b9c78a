"""Types that cross the index boundary: filters in, ranked hits out."""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, Field

from actiewijzer.ingest.models import Card, CardKind, DocumentInfo


class SearchFilters(BaseModel):
    doc: str | None = None  # file name
    municipality: str | None = None  # "Lier", "Aalst", ...
    year: int | None = None  # a year the document's period covers
    kind: CardKind | None = None
    status: str | None = None  # substring of the status field, case-insensitive


class RetrievalMode(StrEnum):
    HYBRID = "hybrid"
    DENSE = "dense"
    LEXICAL = "lexical"


class MatchSource(StrEnum):
    EXACT_ID = "exact-id"
    LEXICAL = "lexical"
    DENSE = "dense"


class SearchHit(BaseModel):
    card: Card
    document: DocumentInfo
    score: float
    snippet: str
    sources: list[MatchSource] = Field(default_factory=list)
    context: list[str] = Field(default_factory=list)  # ancestor titles, nearest first


class Ranked(BaseModel):
    """One retriever's output for one card: a card key and its score, best first."""

    key: str  # Card.key: "doc::id"
    score: float


class Retriever(Protocol):
    """The one small protocol every retriever (BM25, Chroma, exact id) shares."""

    def retrieve(
        self, query: str, k: int, filters: SearchFilters | None = None
    ) -> list[Ranked]: ...


class IngestReport(BaseModel):
    doc: str
    family: str
    cards: int
    skipped: bool = False  # unchanged since last ingest
    error: str | None = None
