"""POST /api/ask and its streaming twin. Stateless: the client sends the conversation along."""

from __future__ import annotations

from itertools import chain

from fastapi import APIRouter
from sse_starlette import EventSourceResponse

from actiewijzer.assistant.models import Answer, AskRequest
from actiewijzer.server.deps import AssistantDep
from actiewijzer.server.schemas import ERROR_RESPONSES
from actiewijzer.server.streaming import sse_messages

router = APIRouter(prefix="/api", tags=["vragen"])

_STATELESS = (
    "De server bewaart geen gesprekken: stuur de vorige beurten mee in `history` "
    "(rol `user` of `assistant`), zodat vervolgvragen ('en in 2020?') begrepen worden."
)


@router.post(
    "/ask",
    response_model=Answer,
    summary="Stel een vraag over de actieplannen",
    description="Antwoord met bronvermelding per actiekaart. " + _STATELESS,
    responses=ERROR_RESPONSES,
)
def ask(request: AskRequest, assistant: AssistantDep) -> Answer:
    # A plain `def`: answering is CPU-bound and runs in the worker thread pool.
    return assistant.ask(request.question, request.history, request.filters)


@router.post(
    "/ask/stream",
    summary="Stel een vraag; antwoord als server-sent events",
    description=(
        'Zelfde invoer als `/api/ask`. Gebeurtenissen: `token` met `{"text": ...}` per stukje '
        "tekst, daarna één `answer` met het volledige antwoord (zelfde JSON als `/api/ask`). "
        'Mislukt het antwoord onderweg, dan volgt `error` met `{"detail": ...}`. ' + _STATELESS
    ),
    response_class=EventSourceResponse,
    responses={
        200: {"content": {"text/event-stream": {}}, "description": "stroom van gebeurtenissen"},
        **ERROR_RESPONSES,
    },
)
def ask_stream(request: AskRequest, assistant: AssistantDep) -> EventSourceResponse:
    events = iter(assistant.stream(request.question, request.history, request.filters))
    # Pull the first event before the 200 goes out, so that an invalid question still gets
    # a proper 422 with a Dutch message instead of an error inside an open stream.
    first = next(events, None)
    head = [first] if first is not None else []
    return EventSourceResponse(sse_messages(chain(head, events)), ping=15)
