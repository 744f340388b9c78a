"""What the server needs from the index and the assistant.

The server codes against these two small protocols instead of the concrete classes so that
tests can hand in a scripted assistant, and so that importing the server does not pull in
Chroma and torch before they are needed.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Protocol

from actiewijzer.assistant.assistant import AnswerEvent
from actiewijzer.assistant.models import Answer, ChatTurn
from actiewijzer.index.models import IngestReport, SearchFilters, SearchHit
from actiewijzer.ingest.models import Card, DocumentInfo, ParsedDocument


class CardIndexPort(Protocol):
    def ingest_paths(self, paths: Sequence[Path], progress: bool = True) -> list[IngestReport]: ...

    def ensure_corpus(self, progress: bool = True) -> list[IngestReport]: ...

    def search(
        self, query: str, k: int = 8, filters: SearchFilters | None = None
    ) -> list[SearchHit]: ...

    def get_card(self, doc: str, card_id: str) -> Card: ...

    def get_document(self, doc: str) -> ParsedDocument: ...

    def documents(self) -> list[DocumentInfo]: ...

    def cards(self, doc: str | None = None) -> list[Card]: ...

    def remove_document(self, doc: str) -> int: ...

    @property
    def is_ready(self) -> bool: ...


class AssistantPort(Protocol):
    def ask(
        self,
        question: str,
        history: Sequence[ChatTurn] = (),
        filters: SearchFilters | None = None,
    ) -> Answer: ...

    # Text chunks as TokenEvents, then one AnswerDoneEvent with the full Answer.
    def stream(
        self,
        question: str,
        history: Sequence[ChatTurn] = (),
        filters: SearchFilters | None = None,
    ) -> Iterator[AnswerEvent]: ...

    def warm_up(self, progress: bool = False) -> None: ...
