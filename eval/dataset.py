"""The versioned Dutch question set: typed, loaded from package data."""

from __future__ import annotations

from enum import StrEnum
from fnmatch import fnmatch
from importlib import resources
from pathlib import Path

import yaml
from pydantic import BaseModel, Field, model_validator

from actiewijzer.assistant.models import ChatTurn, QuestionKind

# The set is split over several files (by author and document family); all are merged.
QUESTION_GLOB = "questions_*.yaml"


class Split(StrEnum):
    DEV = "dev"
    HELDOUT = "heldout"


class Audience(StrEnum):
    CITIZEN = "citizen"
    CIVIL_SERVANT = "civil-servant"


class CardRef(BaseModel):
    doc: str
    id: str

    @property
    def key(self) -> str:
        return f"{self.doc}::{self.id}"


class EvalQuestion(BaseModel):
    id: str
    split: Split
    kind: QuestionKind
    audience: Audience = Audience.CIVIL_SERVANT
    question: str
    history: list[ChatTurn] = Field(default_factory=list)
    # Cards the answer must rest on; for topic questions every card that should be listed.
    gold: list[CardRef] = Field(default_factory=list)
    # Cards that are fine to cite as well (a parent plan, the same action in a sibling doc).
    acceptable: list[CardRef] = Field(default_factory=list)
    # Facts written as they appear in the source; all must be in the answer.
    facts: list[str] = Field(default_factory=list)
    expect_refusal: bool = False
    note: str = ""

    @model_validator(mode="after")
    def _answerable_questions_have_gold(self) -> EvalQuestion:
        if (
            not self.expect_refusal
            and not self.gold
            and self.kind
            not in (
                QuestionKind.ADVERSARIAL,
                QuestionKind.OUT_OF_SCOPE,
            )
        ):
            raise ValueError(f"vraag {self.id}: beantwoordbare vraag zonder gold-kaarten")
        return self

    @property
    def answerable(self) -> bool:
        return not self.expect_refusal


class QuestionSet(BaseModel):
    version: str
    questions: list[EvalQuestion]

    @model_validator(mode="after")
    def _unique_ids(self) -> QuestionSet:
        seen: set[str] = set()
        for question in self.questions:
            if question.id in seen:
                raise ValueError(f"dubbele vraag-id '{question.id}'")
            seen.add(question.id)
        return self


def _read(text: str) -> QuestionSet:
    return QuestionSet.model_validate(yaml.safe_load(text))


def load_question_set(path: Path | None = None) -> QuestionSet:
    """The bundled set (all question files merged), or one file of the user's own."""
    if path is not None:
        return _read(path.read_text("utf-8"))
    package = resources.files("actiewijzer.eval")
    parts = [
        _read(entry.read_text("utf-8"))
        for entry in sorted(package.iterdir(), key=lambda e: e.name)
        if fnmatch(entry.name, QUESTION_GLOB)
    ]
    versions = sorted({part.version for part in parts})
    return QuestionSet(
        version="+".join(versions), questions=[q for part in parts for q in part.questions]
    )
