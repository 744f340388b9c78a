"""GET /api/cards/{doc}/{card_id}: one action card. Ids keep their slashes (01/11/SAP/02/04)."""

from __future__ import annotations

from fastapi import APIRouter

from actiewijzer.server.deps import IndexDep
from actiewijzer.server.schemas import ERROR_RESPONSES, CardDetail, CardRef

router = APIRouter(prefix="/api", tags=["kaarten"])


@router.get(
    "/cards/{doc}/{card_id:path}",
    response_model=CardDetail,
    summary="Eén actiekaart met haar document en bovenliggende kaarten",
    responses=ERROR_RESPONSES,
)
def get_card(doc: str, card_id: str, index: IndexDep) -> CardDetail:
    card = index.get_card(doc, card_id)  # raises UnknownDocumentError / UnknownCardError -> 404
    parsed = index.get_document(doc)
    ancestors = [CardRef(id=c.id, title=c.title, kind=str(c.kind)) for c in parsed.ancestors(card)]
    return CardDetail(card=card, document=parsed.info, ancestors=ancestors)
