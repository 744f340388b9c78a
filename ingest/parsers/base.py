"""What every document-family parser provides."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from actiewijzer.ingest.models import DocumentFamily, Line, ParsedDocument


class DocumentParser(Protocol):
    family: DocumentFamily

    def matches(self, lines: Sequence[Line]) -> bool:
        """Recognise the family from the text itself, never from the file name."""
        ...

    def parse(self, doc: str, lines: Sequence[Line]) -> ParsedDocument:
        """Cut the document into cards. `doc` is the file name, used as the document key."""
        ...
