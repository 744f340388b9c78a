"""Documents: public listing; upload and removal for administrators (header X-API-Key)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, UploadFile, status
from starlette.concurrency import run_in_threadpool

from actiewijzer.index.errors import UnknownDocumentError
from actiewijzer.server.deps import AdminDep, IndexDep, SettingsDep
from actiewijzer.server.guards import too_large
from actiewijzer.server.schemas import (
    ERROR_RESPONSES,
    DeleteResult,
    DocumentsResponse,
    DocumentSummary,
    UploadResult,
)
from actiewijzer.server.uploads import delete_upload, store_and_ingest

router = APIRouter(prefix="/api/documents", tags=["documenten"])

_ADMIN_RESPONSES = {
    **ERROR_RESPONSES,
    401: {"description": "ontbrekende of ongeldige X-API-Key"},
    403: {"description": "beheer uitgeschakeld (geen ACTIEWIJZER_ADMIN_API_KEY)"},
    415: {"description": "bestandstype niet ondersteund"},
}


@router.get("", response_model=DocumentsResponse, summary="Geïndexeerde documenten")
def list_documents(index: IndexDep) -> DocumentsResponse:
    counts: dict[str, int] = {}
    for card in index.cards():
        counts[card.doc] = counts.get(card.doc, 0) + 1
    return DocumentsResponse(
        documents=[
            DocumentSummary(**info.model_dump(), cards=counts.get(info.doc, 0))
            for info in index.documents()
        ]
    )


@router.post(
    "",
    response_model=UploadResult,
    status_code=status.HTTP_201_CREATED,
    summary="Document opladen en indexeren (beheer)",
    description="PDF, DOCX of TXT. Een bestaand document met dezelfde naam wordt vervangen.",
    responses=_ADMIN_RESPONSES,
)
async def upload_document(
    _: AdminDep,
    index: IndexDep,
    settings: SettingsDep,
    file: Annotated[UploadFile, File(description="PDF, DOCX of TXT")],
) -> UploadResult:
    # Read one byte past the limit: enough to know it is too big without holding more.
    data = await file.read(settings.max_upload_bytes + 1)
    if len(data) > settings.max_upload_bytes:
        raise too_large(settings.max_upload_bytes, "het bestand")
    report, replaced = await run_in_threadpool(
        store_and_ingest,
        index,
        settings.data_dir / "uploads",
        file.filename,
        data,
        settings.max_upload_bytes,
    )
    return UploadResult(doc=report.doc, family=report.family, cards=report.cards, replaced=replaced)


@router.delete(
    "/{doc}",
    response_model=DeleteResult,
    summary="Document uit de index verwijderen (beheer)",
    responses=_ADMIN_RESPONSES,
)
def delete_document(doc: str, _: AdminDep, index: IndexDep, settings: SettingsDep) -> DeleteResult:
    known = [info.doc for info in index.documents()]
    if doc not in known:
        raise UnknownDocumentError(doc, known)
    removed = index.remove_document(doc)
    delete_upload(settings.data_dir / "uploads", doc)
    return DeleteResult(doc=doc, removed_cards=removed)
