"""Wire models of the public API that are not already assistant or index models."""

from __future__ import annotations

from pydantic import BaseModel, Field

from actiewijzer.index.models import MatchSource, SearchHit
from actiewijzer.ingest.models import Card, DocumentInfo


class SearchResult(BaseModel):
    doc: str
    id: str
    title: str
    kind: str
    score: float
    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None
    snippet: str
    document_label: str
    year: int | None = None
    period: str
    municipalities: list[str] = Field(default_factory=list)
    status: str | None = None
    printed_id: bool = True
    context: list[str] = Field(default_factory=list)  # ancestor titles, nearest first
    sources: list[MatchSource] = Field(default_factory=list)

    @classmethod
    def from_hit(cls, hit: SearchHit) -> SearchResult:
        card, document = hit.card, hit.document
        return cls(
            doc=card.doc,
            id=card.id,
            title=card.title,
            kind=str(card.kind),
            score=round(hit.score, 6),
            start_line=card.start_line,
            end_line=card.end_line,
            start_page=card.start_page,
            end_page=card.end_page,
            snippet=hit.snippet,
            document_label=document.label,
            year=document.year,
            period=document.period,
            municipalities=document.municipalities,
            status=card.fields.status,
            printed_id=card.printed_id,
            context=hit.context,
            sources=hit.sources,
        )


class SearchResponse(BaseModel):
    query: str
    results: list[SearchResult]


class CardRef(BaseModel):
    id: str
    title: str
    kind: str


class CardDetail(BaseModel):
    card: Card
    document: DocumentInfo
    ancestors: list[CardRef] = Field(default_factory=list)  # nearest first


class DocumentSummary(DocumentInfo):
    cards: int


class DocumentsResponse(BaseModel):
    documents: list[DocumentSummary]


class FeedbackCreated(BaseModel):
    id: int


class UploadResult(BaseModel):
    doc: str
    family: str
    cards: int
    replaced: bool  # a document with this name was indexed before


class DeleteResult(BaseModel):
    doc: str
    removed_cards: int


class Health(BaseModel):
    status: str


class Readiness(BaseModel):
    status: str
    documents: int
    cards: int
    load_seconds: float | None = None


class ErrorBody(BaseModel):
    detail: str = Field(examples=["onbekend document 'x.txt'; bekend: a.txt, b.txt"])


ERROR_RESPONSES: dict[int | str, dict[str, object]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in {
        400: "ongeldige JSON",
        404: "onbekend document of onbekende kaart",
        413: "verzoek te groot",
        422: "ongeldige invoer (lege of te lange vraag, verkeerde filter)",
        429: "te veel verzoeken; zie Retry-After",
        503: "de zoekindex wordt nog geladen",
    }.items()
}
