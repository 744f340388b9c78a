"""Lists read from the card fields: a status, a start or end date, the actions under a plan."""

from __future__ import annotations

from collections.abc import Sequence

from actiewijzer.assistant.answer_check import has_status
from actiewijzer.assistant.date_lists import DateField, DateFilter, printed_day
from actiewijzer.assistant.doc_scope import cards_named_by_title, documents_in_scope, id_key
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.sources import Retrieved
from actiewijzer.assistant.topic_lists import TopicLists
from actiewijzer.assistant.topics import children_of, descends_from
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import Card


class FieldLists(TopicLists):
    """Cards chosen by what a field says (status, end date), not by a search."""

    def _by_date(self, condition: DateFilter, plan: QuestionPlan, scope: list[str]) -> Retrieved:
        """Every card whose start or end date field meets the condition, in the documents asked."""
        docs = list(self.documents.values())
        # "de evaluatie van 2024" picks the document; the year in the condition does not.
        listed = documents_in_scope(plan.text, plan.document_years, docs, by_kind=True)
        dated = [
            (card, end)
            for doc in scope
            if doc in listed
            for card in self.source.cards(doc)
            if (end := printed_day(_dated_field(card, condition))) is not None
        ]
        if not dated:  # Aalst's plan and the Flemish one print no dates per action
            return Retrieved(by_date=True, dates_kept=False)
        # "welke acties van actieplan 01/11/SAP/02 ...": only the actions under the number.
        if numbered := [c for c in self.source.lookup_ids(plan.text) if c.doc in listed]:
            cards = [c for doc in scope for c in self.source.cards(doc)]
            dated = [(card, end) for card, end in dated if descends_from(card, numbered, cards)]
        meeting = [self.found(card) for card, end in dated if condition.admits(end)]
        return Retrieved(cards=meeting, by_date=True)

    def _by_status(
        self,
        plan: QuestionPlan,
        scope: list[str],
        filters: SearchFilters | None,
        numbered_parents: Sequence[Card] = (),
    ) -> Retrieved:
        matching = [
            c for doc in scope for c in self.source.cards(doc) if has_status(c, plan.status_matches)
        ]
        # "welke acties binnen het actieplan Werkervaring kansengroepen staan op halverwege?"
        parents = self._named_parents(plan, scope, numbered_parents)
        if under := self._below(parents, matching):
            return Retrieved(cards=[self.found(c) for c in under])
        if numbered_parents:
            # None under the numbered plan has the status: each action under it, with the
            # status it does have, answers; the finished actions of other plans do not.
            every = [c for doc in scope for c in self.source.cards(doc) if c.fields.status]
            return Retrieved(cards=[self.found(c) for c in self._below(parents, every)])
        topical = [c for c in matching if plan.topic_words and self._covers(c, plan.topic_words)]
        if topical or not plan.topic_words:
            return Retrieved(cards=[self.found(c) for c in topical or matching])
        # "zijn de acties rond wonen al klaar?" and none is: the actions on the topic, each
        # with the status it does have, answer it; every finished action elsewhere does not.
        on_topic = self._topic(plan, scope, filters).cards
        with_status = [f for f in on_topic if f.card.fields.status]
        return Retrieved(cards=with_status or [self.found(c) for c in matching])

    def _all_parents(self, plan: QuestionPlan, cards: Sequence[Card]) -> bool:
        """Every number the question names is a plan or goal with actions under it."""
        found = {id_key(c.id) for c in cards}
        return all(id_key(i) in found for i in plan.named_ids) and all(
            children_of(self.source.cards(c.doc), [c]) for c in cards
        )

    def _named_parents(
        self, plan: QuestionPlan, scope: list[str], numbered_parents: Sequence[Card]
    ) -> set[str]:
        """The plans the question names by number ("beleidsdoelstelling 01/11") or by title
        ("het actieplan Werkervaring kansengroepen"), as card keys. Only those in scope are
        asked: the same number in another report is not."""
        every = [c for doc in scope for c in self.source.cards(doc)]
        titled = cards_named_by_title(plan.text, every)
        return {p.key for p in [*titled, *numbered_parents] if p.doc in scope}

    def _below(self, parents: set[str], cards: list[Card]) -> list[Card]:
        """The cards somewhere below one of the parents; none when no plan is named."""
        if not parents:
            return []
        return [
            c
            for c in cards
            if any(a.key in parents for a in self.source.get_document(c.doc).ancestors(c))
        ]


def _dated_field(card: Card, condition: DateFilter) -> str | None:
    fields = card.fields
    return fields.start_date if condition.field is DateField.START else fields.end_date
