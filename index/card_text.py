"""What gets embedded and BM25-indexed for a card.

A card alone often lacks its topic: an action "Opstart van een werkgroep" only makes sense under
its plan "Aanpak kinderarmoede". So both texts carry the parent titles (plan, goal, grondrecht),
the document's label and municipalities, and the printed number.
"""

from __future__ import annotations

from collections.abc import Sequence

from actiewijzer.ingest.models import Card, DocumentInfo, ParsedDocument

# multilingual-e5-small reads 512 tokens; Dutch averages ~4 characters a token, so more text
# than this is cut off by the model anyway and only costs embedding time.
MAX_EMBED_CHARS = 1800


def context_titles(card: Card, document: ParsedDocument) -> list[str]:
    """Parent titles, nearest first, each prefixed with its number: '01/11/SAP/02 Armoede'."""
    return [f"{parent.id} {parent.title}".strip() for parent in document.ancestors(card)]


def _field_texts(card: Card) -> list[str]:
    fields = card.fields
    texts = [
        fields.description,
        fields.korte_inhoud,
        fields.persona,
        *fields.obstacles,
        *fields.outcomes,
        fields.status_notes,
    ]
    return [t for t in texts if t]


def _header(card: Card, info: DocumentInfo) -> str:
    places = ", ".join(info.municipalities)
    return f"{card.kind.value} {card.id}: {card.title}\n{info.label} ({places}, {info.period})"


def embedding_text(card: Card, document: ParsedDocument) -> str:
    """Title and context first, so truncation drops budget tables rather than the topic."""
    parts: list[str] = [_header(card, document.info)]
    context = context_titles(card, document)
    if context:
        parts.append("Onderdeel van: " + " > ".join(reversed(context)))
    parts.extend(_field_texts(card))
    parts.append(card.text)
    return _clip("\n".join(parts), MAX_EMBED_CHARS)


def lexical_text(card: Card, document: ParsedDocument) -> str:
    """Full text for BM25. The title is repeated: a word in the title is strong evidence."""
    parts: Sequence[str] = [
        _header(card, document.info),
        card.title,
        *context_titles(card, document),
        *_field_texts(card),
        card.text,
    ]
    return "\n".join(parts)


def _clip(text: str, limit: int) -> str:
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit]
