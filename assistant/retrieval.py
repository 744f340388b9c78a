"""Which cards answer this question: named numbers, status filters, topic search, plain search."""

from __future__ import annotations

import re
from dataclasses import replace

from actiewijzer.assistant.doc_scope import (
    TITLED_SECTIONS,
    cards_named_by_kind,
    cards_named_by_quoted_name,
    cards_named_by_title,
    document_years,
    documents_in_scope,
    id_key,
    parents_named_by_kind,
    prefer_years,
    reports_named,
    titled_for,
)
from actiewijzer.assistant.evidence import shared_budget_partners
from actiewijzer.assistant.field_lists import FieldLists
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.place_scope import PlaceScope, speaks_of
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.sources import FoundCard, Retrieved, unique
from actiewijzer.assistant.text import fold
from actiewijzer.assistant.topics import children_of
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import Card

_YEAR_BOUND_KINDS = (QuestionKind.FACT, QuestionKind.BUDGET, QuestionKind.STATUS)
_PLACE_BOUND_KINDS = (*_YEAR_BOUND_KINDS, QuestionKind.COMPARE)
_MAX_CHILDREN_ASKED = 2  # more of a goal's actions on the rest of a question: the goal answers
# "jeugdopbouwwerk onder doelstelling 14.3": the number says where the thing asked is.
_UNDER_NUMBER = re.compile(r"\bonder\s+(?:de\s+|het\s+)?(?:[a-z]+\s+)?[a-z]*\d[\w./-]*")
# "de vier acties van actieplan 01/11/SAP/04", "alle acties ervan": every action under it.
_EVERY_CHILD = re.compile(r"\b(?:alle|de (?:twee|drie|vier|vijf|zes|zeven|acht|[0-9]+)) acties\b")


def _cites(text: str, card_id: str) -> bool:
    """ "vervangen door actie 06_09_17": the number as a whole, not inside a longer one."""
    return re.search(rf"(?<![\w/.]){re.escape(card_id)}(?![\w/]|\.\d)", text) is not None


class CardRetriever(FieldLists, PlaceScope):
    def retrieve(self, plan: QuestionPlan, filters: SearchFilters | None = None) -> Retrieved:
        # Read per question: an upload or removal since the last one changes the documents.
        self.documents = {info.doc: info for info in self.source.documents()}
        return self.with_shared_budgets(plan, self._retrieve(plan, filters))

    def _retrieve(self, plan: QuestionPlan, filters: SearchFilters | None) -> Retrieved:
        docs = list(self.documents.values())
        scope = [filters.doc] if filters and filters.doc else [d.doc for d in docs]
        if plan.is_follow_up and (own := self._own_documents(plan, docs, or_report=True)):
            # "en wat realiseert Lier zelf in zijn Huis van het Kind?": another place, and a
            # subject of its own, is a new question there, not one about the earlier card.
            scope = [d for d in scope if d in own] or scope
            # "... bij dezelfde actie?" still asks about the earlier card, in the report named.
            many_words = len(plan.topic_words) > router_rules().follow_up_max_content_words
            if many_words and not router_rules().points_back(plan.question):
                own_ids = [i for i in plan.named_ids if i in router_rules().ids_in(plan.question)]
                update = {"text": plan.question, "context_ids": [], "named_ids": own_ids}
                plan = plan.model_copy(update=update)
        elif plan.kind in _PLACE_BOUND_KINDS and (own := self._own_documents(plan, docs)):
            # "de kansarmoede-index van Lier": another town's figure is no answer to it; nor
            # is another town's shop to a comparison of Lier's years.
            scope = [d for d in scope if d in own] or scope
        if under_code := self._under_code(plan, scope):
            return Retrieved(cards=under_code, listing=True)
        # "welke acties van 01/11 eindigen ten laatste in 2021?": read from the end date fields.
        if plan.date_filter is not None:
            return self._by_date(plan.date_filter, plan, scope)
        id_cards = self.source.lookup_ids(plan.text)
        lists_status = plan.kind is QuestionKind.STATUS and bool(plan.status_matches)
        if lists_status and id_cards and self._all_parents(plan, id_cards):
            # "welke acties van beleidsdoelstelling 01/11 zijn afgerond?": the actions under it.
            # The number says which documents; a year or a report named beside it narrows them.
            numbered = [d for d in scope if any(c.doc == d for c in id_cards)]
            listed = documents_in_scope(plan.text, plan.years, docs, by_kind=True)
            in_scope = [d for d in numbered if d in listed] or numbered
            under = self._by_status(plan, in_scope, filters, id_cards)
            return replace(under, by_status_under_number=True)
        if id_cards or plan.named_ids:
            retrieved = self._check_years(plan, self._by_ids(plan, scope, id_cards))
            if plan.kind is QuestionKind.TOPIC:
                return self._topic_under(plan, retrieved.cards, filters) or self._under(
                    plan, retrieved
                )
            return self._other_places(plan, self._child_asked(plan, retrieved), filters)
        lists = plan.kind is QuestionKind.TOPIC or (
            plan.kind is QuestionKind.STATUS and bool(plan.status_matches)
        )
        foreign = self._foreign_places(plan) if lists else []
        if foreign and self._lists_elsewhere(plan, scope, filters):
            return Retrieved(missing_places=foreign)  # "de afgeronde acties van Gent"
        if plan.kind is QuestionKind.STATUS and plan.status_matches:
            listed = documents_in_scope(plan.text, plan.years, docs, by_kind=True)
            return self._by_status(plan, [d for d in scope if d in listed], filters)
        if plan.kind is QuestionKind.TOPIC:
            listed = documents_in_scope(plan.text, plan.years, docs, by_kind=True)
            in_scope = [d for d in scope if d in listed]
            in_scope_cards = [c for doc in in_scope for c in self.source.cards(doc)]
            # A filter beside the document (a status, a kind) is applied by the search below.
            filtered = filters and filters.model_dump(exclude={"doc"}, exclude_none=True)
            if not filtered and (parents := parents_named_by_kind(plan.text, in_scope_cards)):
                # "alle acties onder het grondrecht Voeding": what is under it, not a search.
                named = [self.found(c) for c in parents]
                children = self._asked_children(plan, in_scope, parents, in_scope_cards)
                under = [self.found(c) for c in children]
                return Retrieved(cards=[*under, *named], under=named)
            return self._topic(plan, in_scope, filters)
        hits = self._search(plan.text, self.search_k, scope, filters)
        every = [c for doc in scope for c in self.source.cards(doc)]
        titled = cards_named_by_title(plan.text, every)
        titled += cards_named_by_quoted_name(plan.text, every)
        titled += cards_named_by_kind(plan.text, every)
        named = unique([self.found(c) for c in titled])
        named = prefer_years(named, plan.years)  # the same title in an earlier report
        hits = self._with_context(plan, unique([*named, *hits]), scope)
        if self._unknown_place(plan, hits):
            return Retrieved(missing_places=self._foreign_places(plan))
        if plan.unknown_words and not named:
            return Retrieved(nearest=hits[:2], missing_words=plan.unknown_words)
        words = self._answer_words(plan)
        if words and not any(self._mentions(f.card, words) for f in hits[:5]):
            return Retrieved(missing_ids=[], nearest=hits[:2])
        if plan.kind is QuestionKind.FACT and self._asks_two_issuers(plan):
            plan.kind = QuestionKind.COMPARE
        if plan.kind is QuestionKind.COMPARE:
            return self._other_places(plan, self._per_year(plan, hits), filters)
        return self._check_years(plan, Retrieved(cards=hits))

    def _under_code(self, plan: QuestionPlan, scope: list[str]) -> list[FoundCard]:
        """The cards booked under a named MJP budget code, in document order."""
        if not plan.mjp_codes:
            return []
        codes = set(plan.mjp_codes)
        return [
            self.found(c)
            for doc in scope
            for c in self.source.cards(doc)
            if c.fields.mjp_code and fold(c.fields.mjp_code) in codes
        ]

    def _under(self, plan: QuestionPlan, retrieved: Retrieved) -> Retrieved:
        """The cards directly under a named plan or goal; a named action is answered as a fact."""
        named = retrieved.cards[:1]
        children = [
            self.found(c)
            for f in named
            for c in children_of(self.source.cards(f.card.doc), [f.card])
        ]
        if children:
            return Retrieved(cards=[*children, *named], missing_ids=retrieved.missing_ids)
        # "welke fiches worden vervangen door actie 06_09_17?": the cards that cite its number.
        citing = [
            self.found(c)
            for f in named
            for c in self.source.cards(f.card.doc)
            if c.key != f.card.key and _cites(f"{c.title}\n{c.text}", f.card.id)
        ]
        if citing:
            return Retrieved(cards=[*citing, *named], missing_ids=retrieved.missing_ids)
        plan.kind = QuestionKind.FACT
        return retrieved

    def _with_context(
        self, plan: QuestionPlan, hits: list[FoundCard], scope: list[str]
    ) -> list[FoundCard]:
        """A follow-up stays with the card the previous answer named, or one inside it."""
        context = [c for i in plan.context_ids for c in self.source.lookup_ids(i) if c.doc in scope]
        if plan.places:
            # "en wat doet Aalst?" after an answer on Lier leaves Lier's card behind.
            named = documents_in_scope(" ".join(plan.places), (), list(self.documents.values()))
            context = [c for c in context if c.doc in named]
        if not context:
            return hits
        wanted = {id_key(i) for i in plan.context_ids}
        context = [c for c in context if id_key(c.id) in wanted] or context
        keys = {c.key for c in context}
        inside = [
            f
            for f in hits[:8]
            if f.key in keys or any(t.startswith(f"{c.id} ") for c in context for t in f.context)
        ]
        # The same card in two reports: the one covering the year asked first, else one printing
        # it, in the report the previous answer quoted ("volgens de evaluatie 2024") first.
        told = self._documents_told(plan.previous_answer)
        found = inside or [self.found(c) for c in context]
        found = unique([*found, *self._titled_sections(plan, context)])
        if not plan.years and router_rules().present.matches(plan.question):
            # "bestaat dat nu nog?" after an answer from the 2020 report: the newest one tells.
            newest = sorted(found, key=lambda f: -max(document_years(f.document), default=0))
            return unique([*newest, *hits])
        return unique([*prefer_years(found, plan.years, told), *found, *hits])

    def _titled_sections(self, plan: QuestionPlan, context: list[Card]) -> list[FoundCard]:
        """ "en bij wie konden ze terecht met vragen?": the section of the earlier answer's
        document titled after what is asked ("Lokale contactpersoon")."""
        if plan.answer_type not in TITLED_SECTIONS:
            return []
        rules = router_rules()
        docs = dict.fromkeys(c.doc for c in context)
        return [
            self.found(c)
            for doc in docs
            for c in self.source.cards(doc)
            if titled_for(c, plan.answer_type, rules)
        ]

    def _documents_told(self, answer: str) -> list[str]:
        """The report an earlier answer names by kind or year; none when it names no one."""
        if not answer:
            return []
        told = reports_named(answer, list(self.documents.values()), router_rules())
        return told if len(told) == 1 else []

    def _per_year(self, plan: QuestionPlan, hits: list[FoundCard]) -> Retrieved:
        """'in 2020 en in 2023': the same card number, once from the document for each year."""
        if len(plan.years) < 2 or not hits:
            return Retrieved(cards=hits)
        same = [f for f in hits if id_key(f.card.id) == id_key(hits[0].card.id)]
        chosen = [found for year in plan.years for found in prefer_years(same, [year])[:1]]
        return Retrieved(cards=unique([*chosen, *hits]))

    # --- strategies -------------------------------------------------------------------------

    def with_shared_budgets(self, plan: QuestionPlan, retrieved: Retrieved) -> Retrieved:
        """Cards that share a budget line with an answered card: named, so it is not counted twice."""
        if plan.kind not in (QuestionKind.BUDGET, QuestionKind.COMPARE):
            return retrieved
        answering = retrieved.cards if plan.kind is QuestionKind.COMPARE else retrieved.cards[:1]
        for found in answering:
            siblings = self.source.cards(found.card.doc)
            for partner in shared_budget_partners(found.card, siblings):
                if partner.key not in {r.key for r in retrieved.related}:
                    retrieved.related.append(self.found(partner))
        return retrieved

    def _child_asked(self, plan: QuestionPlan, retrieved: Retrieved) -> Retrieved:
        """ "het budget voor jeugdopbouwwerk onder doelstelling 14.3": the action under the
        named goal that the rest of the question is about answers, before the goal itself."""
        question = fold(plan.question)
        every = bool(_EVERY_CHILD.search(question))
        if not retrieved.cards or not (every or _UNDER_NUMBER.search(question)):
            return retrieved
        named = retrieved.cards[0].card
        cards = self.source.cards(named.doc)
        children = children_of(cards, [named])
        if children and every:
            return replace(retrieved, cards=unique([*map(self.found, children), *retrieved.cards]))
        about = self._asked_children(plan, [named.doc], [named], cards)
        if not children or len(about) >= len(children) or len(about) > _MAX_CHILDREN_ASKED:
            return retrieved
        return replace(retrieved, cards=unique([*map(self.found, about), *retrieved.cards]))

    def _check_years(self, plan: QuestionPlan, retrieved: Retrieved) -> Retrieved:
        """A year no retrieved card's document covers or mentions is not in the documents."""
        if not plan.years or not retrieved.cards or plan.kind not in _YEAR_BOUND_KINDS:
            return retrieved
        asked = set(plan.years)
        for found in retrieved.cards:
            if document_years(found.document) & asked:
                return retrieved
            if any(str(year) in found.card.text for year in asked):
                return retrieved
        return Retrieved(nearest=retrieved.cards[:3], missing_years=sorted(asked))

    def _by_ids(self, plan: QuestionPlan, scope: list[str], cards: list[Card]) -> Retrieved:
        wanted = {id_key(i) for i in plan.named_ids}
        named = [c for c in cards if id_key(c.id) in wanted] if wanted else cards
        resolved = {id_key(c.id) for c in named}
        missing = [i for i in plan.named_ids if id_key(i) not in resolved]
        found = [self.found(c) for c in named]
        # "Welk jaar noemt actie 06_09_04 voor de UiTPAS in de stad Lier?": a card of another
        # document that speaks of the place asked is in scope for it.
        in_scope = [f for f in found if f.card.doc in scope or speaks_of(f.card, plan.places)]
        places = documents_in_scope(plan.text, (), list(self.documents.values()))
        in_scope = [f for f in in_scope if f.card.doc in places] or in_scope
        if found and not in_scope:
            # The number exists, but not in the document the question names.
            return Retrieved(missing_ids=[], nearest=found)
        if missing and not in_scope:
            return Retrieved(missing_ids=missing, nearest=self._nearest(missing[0]))
        if plan.kind is not QuestionKind.COMPARE:
            in_scope = prefer_years(in_scope, plan.years)
        return Retrieved(cards=in_scope, missing_ids=missing)

    def _nearest(self, missing_id: str) -> list[FoundCard]:
        """The existing cards whose number shares the most leading segments with the missing one."""
        wanted = id_key(missing_id)
        scored = []
        for card in self.source.cards():
            key = id_key(card.id)
            length = 0
            while length < min(len(key), len(wanted)) and key[length] == wanted[length]:
                length += 1
            if length:
                # Most shared leading segments first; then the broadest card (plan before action).
                scored.append((-length, len(key), card.doc, card.start_line, card))
        scored.sort(key=lambda item: item[:4])
        return [self.found(item[4]) for item in scored[:3]]


__all__ = ["CardRetriever", "document_years", "documents_in_scope", "id_key", "prefer_years"]
