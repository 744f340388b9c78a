"""Liveness and readiness probes for the container platform."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from actiewijzer.server.deps import ServicesDep
from actiewijzer.server.schemas import Health, Readiness

router = APIRouter(prefix="/health", tags=["gezondheid"])


@router.get("", response_model=Health, summary="Leeft het proces?")
def live() -> Health:
    return Health(status="ok")


@router.get(
    "/ready",
    response_model=Readiness,
    summary="Is de zoekindex geladen?",
    responses={503: {"description": "index nog niet geladen of laden mislukt"}},
)
def ready(services: ServicesDep) -> Readiness | JSONResponse:
    if not services.ready or services.index is None:
        return JSONResponse({"detail": services.not_ready_message()}, status_code=503)
    documents = services.index.documents()
    return Readiness(
        status="ready",
        documents=len(documents),
        cards=len(services.index.cards()),
        load_seconds=services.load_seconds,
    )
