"""Test doubles that behave like the real things: a scripted LLM and a small in-memory index."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from llama_index.core.llms import (
    ChatMessage,
    ChatResponse,
    ChatResponseGen,
    CompletionResponse,
    CompletionResponseGen,
    CustomLLM,
    LLMMetadata,
    MessageRole,
)
from llama_index.core.llms.callbacks import llm_chat_callback, llm_completion_callback
from pydantic import Field, PrivateAttr

from actiewijzer.assistant.retrieval import id_key
from actiewijzer.assistant.text import fold, stems
from actiewijzer.index.errors import UnknownCardError, UnknownDocumentError
from actiewijzer.index.models import MatchSource, SearchFilters, SearchHit
from actiewijzer.ingest.models import Card, DocumentInfo, ParsedDocument


class ScriptedLLM(CustomLLM):
    """Replies from a queue and records every call, like llm's MockModel."""

    replies: list[str] = Field(default_factory=list)
    chunk_size: int = 8
    _calls: list[list[ChatMessage]] = PrivateAttr(default_factory=list)

    @property
    def calls(self) -> list[list[ChatMessage]]:
        return self._calls

    @property
    def metadata(self) -> LLMMetadata:
        return LLMMetadata(is_chat_model=True, model_name="scripted")

    def _next_reply(self) -> str:
        if not self.replies:
            raise AssertionError("ScriptedLLM: geen antwoorden meer in de wachtrij")
        return self.replies.pop(0)

    @llm_chat_callback()
    def chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponse:
        self._calls.append(list(messages))
        reply = self._next_reply()
        return ChatResponse(message=ChatMessage(role=MessageRole.ASSISTANT, content=reply))

    @llm_chat_callback()
    def stream_chat(self, messages: Sequence[ChatMessage], **kwargs: Any) -> ChatResponseGen:
        self._calls.append(list(messages))
        reply = self._next_reply()

        def generate() -> ChatResponseGen:
            text = ""
            for start in range(0, len(reply), self.chunk_size):
                delta = reply[start : start + self.chunk_size]
                text += delta
                message = ChatMessage(role=MessageRole.ASSISTANT, content=text)
                yield ChatResponse(message=message, delta=delta)

        return generate()

    @llm_completion_callback()
    def complete(self, prompt: str, formatted: bool = False, **kwargs: Any) -> CompletionResponse:
        return CompletionResponse(text=self._next_reply())

    @llm_completion_callback()
    def stream_complete(
        self, prompt: str, formatted: bool = False, **kwargs: Any
    ) -> CompletionResponseGen:
        reply = self._next_reply()

        def generate() -> CompletionResponseGen:
            yield CompletionResponse(text=reply, delta=reply)

        return generate()


class InMemoryCardIndex:
    """The CardIndex methods the assistant uses, over parsed documents, with word-overlap search."""

    def __init__(self, documents: Iterable[ParsedDocument]) -> None:
        self._documents: dict[str, ParsedDocument] = {}
        self._stems: dict[str, set[str]] = {}
        for parsed in documents:
            self.add(parsed)

    def add(self, parsed: ParsedDocument) -> None:
        """Like an upload: the document is added, or replaces the one with its name."""
        self._documents[parsed.info.doc] = parsed
        for card in parsed.cards:
            self._stems[card.key] = stems(f"{card.title} {card.title} {card.text}")

    def documents(self) -> list[DocumentInfo]:
        return [parsed.info for parsed in self._documents.values()]

    def get_document(self, doc: str) -> ParsedDocument:
        if doc not in self._documents:
            raise UnknownDocumentError(doc, sorted(self._documents))
        return self._documents[doc]

    def cards(self, doc: str | None = None) -> list[Card]:
        docs = [self.get_document(doc)] if doc else list(self._documents.values())
        return [card for parsed in docs for card in parsed.cards]

    def get_card(self, doc: str, card_id: str) -> Card:
        card = self.get_document(doc).by_id(card_id)
        if card is None:
            raise UnknownCardError(doc, card_id, [c.id for c in self.cards(doc)][:5])
        return card

    def closeness(self, query: str) -> float | None:
        return None  # word overlap says nothing about nearness of meaning

    def passage_closeness(self, query: str, passages: Sequence[str]) -> list[float] | None:
        return None

    def remember_passages(self, passages: Sequence[str], progress: bool = False) -> None:
        pass  # nothing to embed: closeness is always unknown here

    def lookup_ids(self, text: str) -> list[Card]:
        folded = fold(text)
        found = []
        for card in self.cards():
            key = "/".join(id_key(card.id))
            probe = "/".join(id_key(folded))
            if key and (key in probe) and _bounded(key, probe):
                found.append(card)
        # The most specific number wins: "01/11/SAP/01/01" hides its parent "01/11".
        longest = max((len(id_key(c.id)) for c in found), default=0)
        return [c for c in found if len(id_key(c.id)) == longest]

    def search(
        self,
        query: str,
        k: int | None = 8,
        filters: SearchFilters | None = None,
        mode: object = None,
    ) -> list[SearchHit]:
        query_stems = stems(query)
        scored = []
        for card in self.cards(filters.doc if filters and filters.doc else None):
            if filters and filters.kind and card.kind != filters.kind:
                continue
            overlap = len(query_stems & self._stems[card.key])
            if overlap:
                scored.append((overlap / (len(query_stems) or 1), card))
        scored.sort(key=lambda pair: -pair[0])
        return [
            SearchHit(
                card=card,
                document=self._documents[card.doc].info,
                score=score,
                snippet=card.text[:200],
                sources=[MatchSource.LEXICAL],
                context=[a.title for a in self._documents[card.doc].ancestors(card)],
            )
            for score, card in scored[:k]
        ]


def _bounded(key: str, probe: str) -> bool:
    index = probe.find(key)
    while index >= 0:
        before = probe[index - 1] if index else "/"
        after = probe[index + len(key)] if index + len(key) < len(probe) else "/"
        if before == "/" and after == "/":
            return True
        index = probe.find(key, index + 1)
    return False
