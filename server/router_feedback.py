"""POST /api/feedback: a thumbs up or down on an answer, stored in SQLite."""

from __future__ import annotations

from fastapi import APIRouter, status

from actiewijzer.server.deps import FeedbackDep
from actiewijzer.server.feedback_store import FeedbackIn
from actiewijzer.server.schemas import ERROR_RESPONSES, FeedbackCreated

router = APIRouter(prefix="/api", tags=["feedback"])


@router.post(
    "/feedback",
    response_model=FeedbackCreated,
    status_code=status.HTTP_201_CREATED,
    summary="Beoordeel een antwoord",
    description="`rating`: `up`/`down` of `1`/`-1`. `citations`: optioneel, `doc::id`-sleutels.",
    responses=ERROR_RESPONSES,
)
def add_feedback(feedback: FeedbackIn, store: FeedbackDep) -> FeedbackCreated:
    return FeedbackCreated(id=store.add(feedback, source="api"))
