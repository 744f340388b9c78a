"""Index errors. Messages are Dutch because they reach users of the CLI, the API and the chat."""

from __future__ import annotations

from collections.abc import Sequence

_MAX_LISTED = 12


def _listing(values: Sequence[str]) -> str:
    shown = ", ".join(values[:_MAX_LISTED])
    more = len(values) - _MAX_LISTED
    return f"{shown} (en nog {more})" if more > 0 else shown or "geen"


class UnknownDocumentError(LookupError):
    def __init__(self, doc: str, known: Sequence[str]) -> None:
        self.doc = doc
        self.known = list(known)
        super().__init__(f"onbekend document '{doc}'; bekend: {_listing(self.known)}")


class UnknownCardError(LookupError):
    def __init__(self, doc: str, card_id: str, suggestions: Sequence[str]) -> None:
        self.doc = doc
        self.card_id = card_id
        self.suggestions = list(suggestions)
        super().__init__(
            f"onbekende kaart '{card_id}' in document '{doc}'; "
            f"bedoelde u: {_listing(self.suggestions)}"
        )


class CardIndexError(RuntimeError):
    """Base for problems with the index as a whole (not with one lookup)."""


class EmbeddingModelMismatchError(CardIndexError):
    """The index was built with another embedding model; mixing vectors gives garbage."""

    def __init__(self, built_with: str, built_dim: int, current: str, current_dim: int) -> None:
        self.built_with = built_with
        self.current = current
        super().__init__(
            f"de index is gebouwd met embeddingmodel '{built_with}' (dimensie {built_dim}), "
            f"maar het ingestelde model is '{current}' (dimensie {current_dim}); "
            "bouw de index opnieuw op met `actiewijzer index --rebuild`"
        )


class IndexSchemaError(CardIndexError):
    def __init__(self, found: int, expected: int) -> None:
        super().__init__(
            f"de index heeft schemaversie {found}, deze versie van actiewijzer verwacht "
            f"{expected}; bouw de index opnieuw op met `actiewijzer index --rebuild`"
        )


class ChromaUnavailableError(CardIndexError):
    def __init__(self, where: str, reason: str) -> None:
        super().__init__(f"Chroma is niet bereikbaar op {where}: {reason}")
