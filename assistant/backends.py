"""The one interface every answer backend implements, and what it hands back."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Protocol

from pydantic import BaseModel, Field

from actiewijzer.assistant.models import ChatTurn, Citation
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.scope import Vocabulary
from actiewijzer.assistant.sources import CardSource, Retrieved


class Draft(BaseModel):
    """A backend's answer before the grounding check."""

    text: str
    citations: list[Citation] = Field(default_factory=list)
    refused: bool = False
    # Citation markers the backend wrote that point at no retrieved card ("doc | id").
    rejected_citations: list[str] = Field(default_factory=list)


@dataclass(frozen=True)
class AnswerTask:
    """Everything a backend may use: the understood question and the cards retrieved for it."""

    plan: QuestionPlan
    retrieved: Retrieved
    source: CardSource
    history: Sequence[ChatTurn] = ()
    vocabulary: Vocabulary | None = None  # how telling each question word is

    def line_closeness(self, lines: Sequence[str]) -> Sequence[float] | None:
        """How near each card line comes to the question's meaning (None: no model)."""
        return self.source.passage_closeness(self.plan.text, lines)


class AnswerBackendProtocol(Protocol):
    name: str

    def write(self, task: AnswerTask) -> Iterator[str | Draft]:
        """Yield text chunks as they are produced, then the finished Draft, last."""
        ...
