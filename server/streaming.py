"""Turn the assistant's event stream into server-sent events.

Wire format (documented in the OpenAPI description of /api/ask/stream):
    event: token   data: {"text": "<chunk>"}
    event: answer  data: <Answer JSON, same as POST /api/ask>
    event: error   data: {"detail": "<Dutch message>"}   (only if the answer fails mid-stream)
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Iterator

from actiewijzer.assistant.assistant import AnswerDoneEvent, AnswerEvent
from actiewijzer.assistant.models import Answer

log = logging.getLogger(__name__)

TOKEN_EVENT = "token"
ANSWER_EVENT = "answer"
ERROR_EVENT = "error"


def event_parts(event: AnswerEvent) -> tuple[str | None, Answer | None]:
    """(text chunk, final answer) carried by one assistant event."""
    if isinstance(event, AnswerDoneEvent):
        return None, event.answer
    return event.text, None


def sse_messages(events: Iterable[AnswerEvent]) -> Iterator[dict[str, str]]:
    try:
        for event in events:
            text, answer = event_parts(event)
            if text:
                yield {"event": TOKEN_EVENT, "data": json.dumps({"text": text}, ensure_ascii=False)}
            if answer is not None:
                yield {"event": ANSWER_EVENT, "data": answer.model_dump_json()}
    except Exception:  # the status line is already sent: report in-band, never a traceback
        log.exception("answer stream failed")
        detail = "er ging iets mis bij het opstellen van het antwoord; probeer het opnieuw"
        yield {"event": ERROR_EVENT, "data": json.dumps({"detail": detail}, ensure_ascii=False)}
