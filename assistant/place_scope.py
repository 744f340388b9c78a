"""Places: a town no document is about, two issuers in one question, one card per place compared."""

from __future__ import annotations

from collections.abc import Sequence

from actiewijzer.assistant.doc_scope import documents_in_scope, foreign_places
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.retriever_base import RetrieverBase
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import names_as_place, names_plan_of, router_rules
from actiewijzer.assistant.sources import FoundCard, Retrieved, unique
from actiewijzer.assistant.text import prints_phrase
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import Card


class PlaceScope(RetrieverBase):
    """Which places a question names, and which of them the documents are about."""

    def _foreign_places(self, plan: QuestionPlan) -> list[str]:
        """Places the question names that no document is about."""
        return foreign_places(plan.places, self.documents.values())

    def _lists_elsewhere(
        self, plan: QuestionPlan, scope: list[str], filters: SearchFilters | None
    ) -> bool:
        """A list asked for a place no document is about: a card that mentions Gent in passing
        is no action of Gent, unless the question also names a place a document is about."""
        if not self._own_documents(plan, list(self.documents.values())):
            return True
        return self._unknown_place(plan, self._search(plan.text, 3, scope, filters))

    def _unknown_place(self, plan: QuestionPlan, hits: list[FoundCard]) -> bool:
        """A place no document is about, that the best card does not mention either."""
        foreign = self._foreign_places(plan)
        if not foreign:
            return False
        best = hits[0].card.text if hits else ""
        return not all(
            names_as_place(best, place) and not names_plan_of(plan.text, place) for place in foreign
        )

    def _asks_two_issuers(self, plan: QuestionPlan) -> bool:
        """ "Wat doet Vlaanderen, en wat doet Lier zelf?": one question per issuer."""
        if not router_rules().asks_twice(plan.question):
            return False
        docs = list(self.documents.values())
        named = documents_in_scope(plan.question, (), docs)
        return len(named) < len(docs) and len({self.documents[d].issuer for d in named}) > 1

    def _other_places(
        self, plan: QuestionPlan, retrieved: Retrieved, filters: SearchFilters | None
    ) -> Retrieved:
        """A comparison naming two places gets the best card from each place's documents."""
        if plan.kind is not QuestionKind.COMPARE or not retrieved.cards:
            return retrieved
        docs = list(self.documents.values())
        named = documents_in_scope(plan.text, (), docs)
        if len(named) == len(docs):
            return retrieved
        by_place: dict[str, list[str]] = {}
        for doc in named:
            by_place.setdefault(self._place(doc), []).append(doc)
        answered = self._place(retrieved.cards[0].card.doc)
        clauses = router_rules().question_parts(plan.question)
        extra = []
        for place, place_docs in by_place.items():
            if place == answered:
                continue
            # Each place is searched with the part of the question that names it.
            own = [c for c in clauses if set(place_docs) & set(documents_in_scope(c, (), docs))]
            text = own[-1] if own and len(own) < len(clauses) else plan.text
            extra += self._search(text, 3, place_docs, filters)[:1]
        retrieved.cards = unique([*retrieved.cards[:1], *extra, *retrieved.cards[1:]])
        return retrieved

    def _place(self, doc: str) -> str:
        """Lier's reports and the addendum it shares with its neighbours: one place, Lier."""
        info = self.documents[doc]
        return info.municipalities[0] if info.municipalities else info.issuer


def speaks_of(card: Card, places: Sequence[str]) -> bool:
    """Whether the card's text names one of the places."""
    return any(prints_phrase(card.text, place) for place in places)
