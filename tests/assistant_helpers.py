"""Shared helpers for the assistant tests: the router rules, a question's plan, a card from text."""

from __future__ import annotations

from assistant_corpus import DOC_2024, DOC_AALST, aalst_budget, sample_documents

from actiewijzer.assistant.followup import rewrite
from actiewijzer.assistant.models import ChatTurn
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.assistant.router import QuestionPlan, plan_question
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.ingest.models import Card, CardFields, CardKind, ParsedDocument

RULES = router_rules()


def plan(question: str, history: list[ChatTurn] | None = None) -> QuestionPlan:
    """The plan the assistant makes for the question, as a follow-up when history is given."""
    return plan_question(rewrite(question, history or [], RULES), question, RULES)


def text_card(
    text: str,
    title: str,
    card_id: str = "A1",
    doc: str = DOC_2024,
    kind: CardKind = CardKind.ACTIE,
) -> Card:
    """A card with just a text and a title, for ranking and answer checks."""
    return Card(
        doc=doc, id=card_id, kind=kind, title=title, text=text,
        start_line=1, end_line=9, printed_id=True, fields=CardFields(),
    )  # fmt: skip


def aalst_card(text: str, title: str, card_id: str, budget: str | None = None) -> Card:
    """A text card in Aalst's social policy plan; with `budget`, its table prints that amount
    for 2023, 2024 and 2025."""
    card = text_card(text, title, card_id=card_id, doc=DOC_AALST)
    if budget is None:
        return card
    return card.model_copy(update={"fields": CardFields(budget=aalst_budget(budget))})


def aalst_goal(number: str, title: str, actions: list[tuple[str, str]]) -> list[Card]:
    """A goal of Aalst's plan ("Doelstelling 50.1") and its actions D50.1-A1, ... as (title,
    text) pairs: the goal first, then its actions in order."""
    goal = aalst_card(f"{title}.", title, f"Doelstelling {number}").model_copy(
        update={"kind": CardKind.DOELSTELLING}
    )
    children = [
        aalst_card(text, action_title, f"D{number}-A{n}").model_copy(update={"parent": goal.id})
        for n, (action_title, text) in enumerate(actions, 1)
    ]
    return [goal, *children]


def top_line(card: Card, question: str) -> str:
    """The line of the card the assistant ranks best for the question; "" when none is."""
    top = best_lines(card, plan(question), RULES.stopword_set, limit=1)
    return top[0].text if top else ""


def documents_with(*cards: Card) -> list[ParsedDocument]:
    """The sample documents, with the given cards added to the document each names."""
    return [
        document.model_copy(
            update={"cards": [*document.cards, *(c for c in cards if c.doc == document.info.doc)]}
        )
        for document in sample_documents()
    ]


def with_cards(*cards: Card) -> InMemoryCardIndex:
    """An index of the sample documents, with the given cards added to the document each names."""
    return InMemoryCardIndex(documents_with(*cards))


def conversation(question: str, answer: str) -> list[ChatTurn]:
    """One earlier exchange: the user's question and the assistant's answer."""
    return [ChatTurn(role="user", content=question), ChatTurn(role="assistant", content=answer)]
