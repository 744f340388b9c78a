"""Assistant errors. Messages are Dutch: they reach the CLI, the API and the chat."""

from __future__ import annotations


class AssistantError(Exception):
    """Base for problems the caller can act on."""


class InvalidQuestionError(AssistantError, ValueError):
    """An empty or too long question; the API maps it to 422."""

    def __init__(self, reason: str) -> None:
        self.reason = reason
        super().__init__(reason)

    @classmethod
    def empty(cls) -> InvalidQuestionError:
        return cls("de vraag is leeg; typ een vraag over de actieplannen")

    @classmethod
    def too_long(cls, length: int, limit: int) -> InvalidQuestionError:
        return cls(f"de vraag is te lang ({length} tekens); het maximum is {limit} tekens")


class BackendUnavailableError(AssistantError, RuntimeError):
    """The configured answer backend cannot be built (missing package, URL or model)."""
