"""LLM answer backends through llama-index: any OpenAI-compatible endpoint, or a local GGUF.

The model sees the retrieved cards and must cite them as `[doc | id]`; those markers become
Citations here, and markers that point at no retrieved card are reported for the grounding check."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from llama_index.core.llms import LLM, ChatMessage, MessageRole

from actiewijzer.assistant.backends import AnswerTask, Draft
from actiewijzer.assistant.citations import citation_for, document_label, kind_word, source_ref
from actiewijzer.assistant.errors import BackendUnavailableError
from actiewijzer.assistant.evidence import field_values
from actiewijzer.assistant.models import Citation
from actiewijzer.assistant.resources import phrases, render
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import fold, truncate
from actiewijzer.settings import AnswerBackend, Settings

MAX_SOURCES = 6
MAX_SOURCE_CHARS = 2500
MAX_HISTORY_TURNS = 6
_MARKER = re.compile(r"\[\s*([^\[\]|\n]+?)\s*\|\s*([^\[\]\n]+?)\s*\]")
_PROMPT_FIELDS = (
    "status", "start_date", "end_date", "trekker", "partners", "mjp_code", "kabinet",
    "administratie", "betrokkenen", "persona",
)  # fmt: skip


def source_block(found: FoundCard) -> dict[str, object]:
    labels = phrases().table("field_labels")
    card = found.card
    fields = [
        {"label": labels.get(v.name, v.name), "value": truncate(v.value, 300)}
        for v in field_values(card, _PROMPT_FIELDS)
    ]
    budget = [
        f"{row.label}: " + "; ".join(f"{c.column} {c.raw}" for c in row.cells if c.raw.strip())
        for row in card.fields.budget
    ]
    body = render("card_source.j2", fields=fields, budget=budget, text=card.text)
    return {
        "doc": card.doc,
        "id": card.id,
        "kind": kind_word(found),
        "title": card.title,
        "label": document_label(found),
        "year": found.document.year,
        "context": " › ".join(found.context),
        "body": truncate(body, MAX_SOURCE_CHARS) if len(body) > MAX_SOURCE_CHARS else body,
    }


def build_messages(task: AnswerTask) -> list[ChatMessage]:
    sources = [source_block(f) for f in task.retrieved.cards[:MAX_SOURCES]]
    example = task.retrieved.cards[0].card if task.retrieved.cards else None
    system = render(
        "rag_system.j2",
        not_in_documents=phrases().say("not_in_documents"),
        example_doc=example.doc if example else "document",
        example_id=example.id if example else "id",
    )
    history = [{"role": t.role, "content": t.content} for t in task.history[-MAX_HISTORY_TURNS:]]
    user = render("rag_user.j2", sources=sources, history=history, question=task.plan.text)
    return [
        ChatMessage(role=MessageRole.SYSTEM, content=system),
        ChatMessage(role=MessageRole.USER, content=user),
    ]


def resolve_markers(text: str, cards: Sequence[FoundCard]) -> Draft:
    """Turn `[doc | id]` markers into readable references and Citations."""
    citations: dict[str, Citation] = {}
    rejected: list[str] = []

    def replace(match: re.Match[str]) -> str:
        found = _match_card(match.group(1), match.group(2), cards)
        if found is None:
            rejected.append(match.group(0))
            return match.group(0)
        citations.setdefault(found.key, citation_for(found))
        return f"({source_ref(found)})"

    readable = _MARKER.sub(replace, text)
    refused = fold(phrases().say("not_in_documents")) in fold(readable) and not citations
    return Draft(
        text=readable.strip(),
        citations=list(citations.values()),
        refused=refused,
        rejected_citations=rejected,
    )


def _match_card(doc: str, card_id: str, cards: Sequence[FoundCard]) -> FoundCard | None:
    wanted_doc, wanted_id = fold(doc).strip(), fold(card_id).strip()
    for found in cards:
        names = {fold(found.card.doc), fold(found.document.label), fold(document_label(found))}
        names.add(fold(found.card.doc).rsplit(".", 1)[0])
        if fold(found.card.id) == wanted_id and (
            wanted_doc in names
            or any(n.startswith(wanted_doc) for n in names if len(wanted_doc) >= 3)
        ):
            return found
    return None


class LLMBackend:
    """Retrieval-augmented answers from any llama-index LLM, streamed token by token."""

    def __init__(self, llm: LLM, name: str = "openai") -> None:
        self.llm = llm
        self.name = name

    def write(self, task: AnswerTask) -> Iterator[str | Draft]:
        parts: list[str] = []
        for response in self.llm.stream_chat(build_messages(task)):
            delta = response.delta or ""
            if delta:
                parts.append(delta)
                yield delta
        yield resolve_markers("".join(parts), task.retrieved.cards[:MAX_SOURCES])


def build_llm(settings: Settings) -> LLM:
    if settings.answer_backend is AnswerBackend.OPENAI:
        if not settings.llm_url or not settings.llm_model:
            raise BackendUnavailableError(
                "answer_backend 'openai' heeft ACTIEWIJZER_LLM_URL en ACTIEWIJZER_LLM_MODEL nodig"
            )
        from llama_index.llms.openai_like import OpenAILike

        key = settings.llm_api_key.get_secret_value() if settings.llm_api_key else "geen-sleutel"
        return OpenAILike(
            model=settings.llm_model,
            api_base=settings.llm_url,
            api_key=key,
            is_chat_model=True,
            timeout=settings.llm_timeout_s,
            temperature=0.0,
        )
    if settings.answer_backend is AnswerBackend.LLAMACPP:
        if not settings.llm_gguf_path:
            raise BackendUnavailableError(
                "answer_backend 'llamacpp' heeft ACTIEWIJZER_LLM_GGUF_PATH nodig"
            )
        try:
            from llama_index.llms.llama_cpp import LlamaCPP
        except ImportError as error:
            raise BackendUnavailableError(
                "answer_backend 'llamacpp' heeft het extra pakket nodig: "
                "pip install 'actiewijzer[llamacpp]'"
            ) from error
        return LlamaCPP(model_path=str(settings.llm_gguf_path), temperature=0.0, verbose=False)
    valid = ", ".join(b.value for b in AnswerBackend if b is not AnswerBackend.EXTRACTIVE)
    raise BackendUnavailableError(
        f"answer_backend '{settings.answer_backend.value}' gebruikt geen taalmodel; wel: {valid}"
    )
