"""The assistant's typed result: answer text, citations and what the grounding check found."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from actiewijzer.index.models import SearchFilters


class ChatTurn(BaseModel):
    role: Literal["user", "assistant"]
    content: str


class Citation(BaseModel):
    doc: str
    id: str
    title: str
    kind: str
    document_label: str  # "Stad Lier – evaluatie 2024 Q2"
    year: int | None = None
    start_line: int
    end_line: int
    start_page: int | None = None
    end_page: int | None = None
    quotes: list[str] = Field(default_factory=list)  # the source lines the answer rests on


class GroundingCheck(BaseModel):
    grounded: bool
    checked: list[str] = Field(default_factory=list)  # numbers, ids, dates that were checked
    unsupported: list[str] = Field(default_factory=list)  # what no cited card contains
    dropped_sentences: list[str] = Field(default_factory=list)
    # Card numbers a cited card refers to ("Zie fiche 03_04_03") that no document holds.
    dangling_ids: list[str] = Field(default_factory=list)
    citations_retrieved: bool = True  # every citation points at a card retrieved for this question
    fell_back_to_extractive: bool = False


class QuestionKind(StrEnum):
    FACT = "fact"
    TOPIC = "topic"
    BUDGET = "budget"
    STATUS = "status"
    COMPARE = "compare"
    FOLLOW_UP = "follow-up"
    UNANSWERABLE = "unanswerable"
    ADVERSARIAL = "adversarial"
    OUT_OF_SCOPE = "out-of-scope"


class Answer(BaseModel):
    question: str
    answer: str
    refused: bool
    citations: list[Citation] = Field(default_factory=list)
    grounding: GroundingCheck
    backend: str
    latency_ms: float = 0.0
    kind: QuestionKind | None = None  # how the assistant read the question


class AskRequest(BaseModel):
    question: str
    history: list[ChatTurn] = Field(default_factory=list)
    filters: SearchFilters | None = None
