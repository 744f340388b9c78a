"""The default, offline answerer: picks card lines and fields and wraps them in plain Dutch.

Deterministic and unable to invent: every figure is copied from a card."""

from __future__ import annotations

from collections.abc import Iterator

from actiewijzer.assistant.backends import AnswerTask, Draft
from actiewijzer.assistant.citations import card_ref, citation_for, source_ref
from actiewijzer.assistant.evidence import (
    best_sentences,
    budget_lines,
    field_values,
    lead_sentences,
    milestones_for,
    shared_budget_partners,
)
from actiewijzer.assistant.models import Citation, QuestionKind
from actiewijzer.assistant.resources import Phrases, phrases
from actiewijzer.assistant.rules import RouterRules, router_rules
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import truncate

MAX_CARDS_PER_ANSWER = 3
MAX_LIST = 12
_FIELD_CHARS = 300


class ExtractiveBackend:
    name = "extractive"

    def __init__(self, rules: RouterRules | None = None, say: Phrases | None = None) -> None:
        self.rules = rules or router_rules()
        self.phrases = say or phrases()

    def write(self, task: AnswerTask) -> Iterator[str | Draft]:
        draft = self.compose(task)
        for chunk in draft.text.split(" "):
            yield chunk + " "
        yield draft

    def compose(self, task: AnswerTask) -> Draft:
        plan, retrieved = task.plan, task.retrieved
        if not retrieved.answerable:
            return self.not_in_documents(task)
        lines: list[str] = []
        citations: list[Citation] = []
        if plan.had_instructions:
            lines.append(self.phrases.say("adversarial_note"))
        if plan.kind is QuestionKind.STATUS and not plan.named_ids and plan.status_word:
            self._status_list(task, lines, citations)
        elif plan.kind is QuestionKind.TOPIC:
            self._topic_list(task, lines, citations)
        else:
            cards = self._cards_to_answer(task)
            if len({f.card.doc for f in cards}) > 1 and plan.named_ids:
                lines.append(self.phrases.say("compare_intro"))
            for found in cards:
                self._card_answer(task, found, lines, citations)
        if retrieved.missing_ids:
            lines.append(self.phrases.say("not_in_documents"))
        return Draft(text="\n".join(lines), citations=citations)

    def not_in_documents(self, task: AnswerTask) -> Draft:
        retrieved = task.retrieved
        lines = [self.phrases.say("not_in_documents")]
        citations = []
        if retrieved.nearest:
            lines.append(self.phrases.say("nearest_intro"))
            for found in retrieved.nearest:
                lines.append(self.phrases.say("nearest_line", ref=card_ref(found)))
                citations.append(citation_for(found))
        return Draft(text="\n".join(lines), citations=citations, refused=True)

    # --- kinds ----------------------------------------------------------------------------

    def _cards_to_answer(self, task: AnswerTask) -> list[FoundCard]:
        cards = task.retrieved.cards
        if task.plan.named_ids or task.plan.kind is QuestionKind.COMPARE:
            # One card per document (the same number means another action in another year).
            per_doc: dict[str, FoundCard] = {}
            for found in cards:
                per_doc.setdefault(f"{found.card.doc}::{found.card.id}", found)
            return list(per_doc.values())[: MAX_CARDS_PER_ANSWER + 1]
        return cards[:1] if cards else []

    def _card_answer(
        self, task: AnswerTask, found: FoundCard, lines: list[str], citations: list[Citation]
    ) -> None:
        plan = task.plan
        quotes: list[str] = []
        if plan.kind is QuestionKind.BUDGET or (
            plan.kind is QuestionKind.COMPARE and found.card.fields.budget
        ):
            cited_partners: list[Citation] = []
            quotes = self._budget(task, found, lines, cited_partners)
            citations.append(citation_for(found, quotes))
            citations.extend(c for c in cited_partners if c.id not in {x.id for x in citations})
            return
        quotes = self._facts(task, found, lines)
        citations.append(citation_for(found, quotes))

    def _facts(self, task: AnswerTask, found: FoundCard, lines: list[str]) -> list[str]:
        plan, card = task.plan, found.card
        lines.append(self.phrases.say("fact_intro", ref=card_ref(found)))
        labels = self.phrases.table("field_labels")
        values = field_values(
            card, plan.fields or ["status"] if plan.kind is QuestionKind.STATUS else plan.fields
        )
        if plan.years:
            values += milestones_for(card, plan.years)
        quotes = []
        for value in values:
            text = truncate(value.value, _FIELD_CHARS)
            lines.append(
                self.phrases.say("field_line", label=labels.get(value.name, value.name), value=text)
            )
            quotes.append(text)
        limit = 1 if values else 2
        for sentence in best_sentences(card, plan, self.rules.stopword_set, limit=limit):
            if sentence not in quotes:
                lines.append(self.phrases.say("fact_line", text=sentence))
                quotes.append(sentence)
        if not quotes:
            fallback = field_values(card, ["description", "korte_inhoud"])
            for value in fallback[:1]:
                text = truncate(value.value, _FIELD_CHARS)
                lines.append(
                    self.phrases.say(
                        "field_line", label=labels.get(value.name, value.name), value=text
                    )
                )
                quotes.append(text)
        if not quotes:
            for sentence in lead_sentences(card):
                lines.append(self.phrases.say("fact_line", text=sentence))
                quotes.append(sentence)
        return quotes

    def _budget(
        self, task: AnswerTask, found: FoundCard, lines: list[str], citations: list[Citation]
    ) -> list[str]:
        card = found.card
        budget, column_missing = budget_lines(card, task.plan)
        if not budget:
            lines.append(self.phrases.say("budget_none", ref=card_ref(found)))
            return []
        lines.append(self.phrases.say("budget_intro", ref=card_ref(found)))
        if column_missing:
            lines.append(self.phrases.say("budget_column_missing", wanted=task.plan.budget_column))
        quotes = []
        for line in budget:
            lines.append(
                self.phrases.say("budget_line", row=line.row, column=line.column, raw=line.raw)
            )
            quotes.append(f"{line.row} {line.column} {line.raw}")
        if any(line.is_income for line in budget):
            lines.append(self.phrases.say("budget_income_note"))
        partners = [
            related
            for related in task.retrieved.related
            if related.card
            in shared_budget_partners(card, [r.card for r in task.retrieved.related])
        ]
        if partners:
            others = ", ".join(source_ref(p) for p in partners)
            lines.append(self.phrases.say("budget_shared", others=others, mjp=card.fields.mjp_code))
            citations.extend(citation_for(p, [card.fields.mjp_code or ""]) for p in partners)
        return quotes

    def _status_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        cards = task.retrieved.cards
        key = "status_intro_one" if len(cards) == 1 else "status_intro"
        lines.append(self.phrases.say(key, status_word=task.plan.status_word))
        for found in cards[:MAX_LIST]:
            status = found.card.fields.status or ""
            lines.append(self.phrases.say("status_line", ref=card_ref(found), status=status))
            citations.append(citation_for(found, [status]))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))

    def _topic_list(self, task: AnswerTask, lines: list[str], citations: list[Citation]) -> None:
        cards = task.retrieved.cards
        topic = " ".join(task.plan.topic_words) or task.plan.text
        lines.append(self.phrases.say("topic_intro", topic=topic))
        for found in cards[:MAX_LIST]:
            lines.append(self.phrases.say("topic_line", ref=card_ref(found)))
            citations.append(citation_for(found, [found.card.title]))
        if len(cards) > MAX_LIST:
            lines.append(self.phrases.say("topic_more"))
