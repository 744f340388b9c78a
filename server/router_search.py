"""GET /api/search: ranked action cards for a topic, with the filters civil servants use."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from actiewijzer.index.errors import UnknownDocumentError
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import CardKind
from actiewijzer.server.deps import IndexDep, SettingsDep
from actiewijzer.server.errors import ApiError
from actiewijzer.server.ports import CardIndexPort
from actiewijzer.server.schemas import ERROR_RESPONSES, SearchResponse, SearchResult

router = APIRouter(prefix="/api", tags=["zoeken"])

MAX_K = 50


def check_document(index: CardIndexPort, doc: str | None) -> None:
    if doc is None:
        return
    known = [info.doc for info in index.documents()]
    if doc not in known:
        raise UnknownDocumentError(doc, known)


@router.get(
    "/search",
    response_model=SearchResponse,
    summary="Zoek actiekaarten",
    responses=ERROR_RESPONSES,
)
def search(
    index: IndexDep,
    settings: SettingsDep,
    q: Annotated[str, Query(min_length=1, description="onderwerp of actienummer")],
    k: Annotated[int | None, Query(ge=1, le=MAX_K, description="aantal resultaten")] = None,
    doc: Annotated[str | None, Query(description="bestandsnaam van één document")] = None,
    municipality: Annotated[str | None, Query(description="gemeente, bv. Lier")] = None,
    year: Annotated[int | None, Query(ge=1900, le=2100)] = None,
    kind: Annotated[CardKind | None, Query(description="soort kaart")] = None,
    status: Annotated[str | None, Query(description="deel van de status, bv. afgerond")] = None,
) -> SearchResponse:
    query = q.strip()
    if not query:
        raise ApiError("de zoekterm 'q' mag niet leeg zijn", 422)
    if len(query) > settings.max_question_chars:
        raise ApiError(
            f"de zoekterm is te lang ({len(query)} tekens; maximaal {settings.max_question_chars})",
            422,
        )
    check_document(index, doc)
    filters = SearchFilters(
        doc=doc, municipality=municipality, year=year, kind=kind, status=status or None
    )
    hits = index.search(query, k=k or settings.search_k, filters=filters)
    return SearchResponse(query=query, results=[SearchResult.from_hit(hit) for hit in hits])
