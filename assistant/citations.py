"""Citations and the short way an answer names a card: number, title, document and year."""

from __future__ import annotations

from collections.abc import Sequence

from actiewijzer.assistant.models import Citation
from actiewijzer.assistant.resources import phrases
from actiewijzer.assistant.sources import FoundCard


def document_label(found: FoundCard) -> str:
    """The label with its year, so '01/11/SAP/01/01' is never ambiguous."""
    label = found.document.label
    year = found.document.year
    return label if year is None or str(year) in label else f"{label}, {year}"


def kind_word(found: FoundCard) -> str:
    word = phrases().table("kind_words").get(found.card.kind.value, found.card.kind.value)
    # "Regio-uitdaging 3" already says what it is.
    return "" if found.card.id.lower().startswith(word.lower()) else word


def card_ref(found: FoundCard, with_title: bool = True) -> str:
    title = found.card.title.strip() if with_title else ""
    if title and title.lower() == found.card.id.lower():
        title = ""
    return phrases().say(
        "card_ref",
        kind_word=kind_word(found),
        id=found.card.id,
        title=title,
        label=document_label(found),
    )


def source_ref(found: FoundCard) -> str:
    return phrases().say(
        "source_ref", kind_word=kind_word(found), id=found.card.id, label=document_label(found)
    )


def citation_for(found: FoundCard, quotes: Sequence[str] = ()) -> Citation:
    card = found.card
    return Citation(
        doc=card.doc,
        id=card.id,
        title=card.title,
        kind=card.kind.value,
        document_label=found.document.label,
        year=found.document.year,
        start_line=card.start_line,
        end_line=card.end_line,
        start_page=card.start_page,
        end_page=card.end_page,
        quotes=list(dict.fromkeys(q for q in quotes if q)),
    )
