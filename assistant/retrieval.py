"""Which cards answer this question: named numbers, status filters, topic search, plain search."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from actiewijzer.assistant.answer_check import has_status
from actiewijzer.assistant.doc_scope import (
    cards_named_by_title,
    document_years,
    documents_in_scope,
    foreign_places,
    id_key,
    parents_named_by_kind,
    prefer_years,
    reports_named,
)
from actiewijzer.assistant.end_dates import EndDateFilter, printed_day
from actiewijzer.assistant.evidence import shared_budget_partners
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import names_as_place, names_plan_of, router_rules
from actiewijzer.assistant.sources import CardSource, FoundCard, Retrieved, unique
from actiewijzer.assistant.text import content_words, fold, stems, word_in_text, words
from actiewijzer.assistant.topics import TopicScorer, children_of, coordinated
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import Card, DocumentInfo

TOPIC_MAX_CARDS = 25
_SIBLINGS_NAMING_A_GOAL = 2
_YEAR_BOUND_KINDS = (QuestionKind.FACT, QuestionKind.BUDGET, QuestionKind.STATUS)


class CardRetriever:
    def __init__(self, source: CardSource, search_k: int = 8) -> None:
        self.source = source
        self.search_k = search_k
        self.documents = {info.doc: info for info in source.documents()}

    def found(
        self, card: Card, score: float = 0.0, context: Sequence[str] | None = None
    ) -> FoundCard:
        if context is None:
            parsed = self.source.get_document(card.doc)
            context = [a.title for a in parsed.ancestors(card)]
        return FoundCard(card, self.documents[card.doc], score, tuple(context))

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
            if len(plan.topic_words) > router_rules().follow_up_max_content_words:
                own_ids = [i for i in plan.named_ids if i in router_rules().ids_in(plan.question)]
                update = {"text": plan.question, "context_ids": [], "named_ids": own_ids}
                plan = plan.model_copy(update=update)
        elif plan.kind in _YEAR_BOUND_KINDS and (own := self._own_documents(plan, docs)):
            # "de kansarmoede-index van Lier": another town's figure is no answer to it.
            scope = [d for d in scope if d in own] or scope
        if under_code := self._under_code(plan, scope):
            return Retrieved(cards=under_code, listing=True)
        # "welke acties van 01/11 eindigen ten laatste in 2021?": read from the end date fields.
        if plan.end_date_filter is not None:
            return self._by_end_date(plan.end_date_filter, plan, scope)
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
                return self._under(plan, retrieved)
            return self._other_places(plan, retrieved, filters)
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
        named = [self.found(c) for c in cards_named_by_title(plan.text, every)]
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
        if not children:
            plan.kind = QuestionKind.FACT
            return retrieved
        return Retrieved(cards=[*children, *named], missing_ids=retrieved.missing_ids)

    def _answer_words(self, plan: QuestionPlan) -> list[str]:
        """Topic words a hit must share; a follow-up also shares the earlier question's."""
        if not plan.is_follow_up:
            return plan.topic_words
        return [*plan.topic_words, *content_words(plan.text, self._noise)]

    @property
    def _noise(self) -> frozenset[str]:
        rules = router_rules()
        return rules.stopword_set | rules.topic_noise_set

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
        if inside:
            return unique([*prefer_years(inside, plan.years, told), *inside, *hits])
        found = [self.found(c) for c in context]
        return unique([*prefer_years(found, plan.years, told), *found, *hits])

    def _documents_told(self, answer: str) -> list[str]:
        """The report an earlier answer names by kind or year; none when it names no one."""
        if not answer:
            return []
        told = reports_named(answer, list(self.documents.values()), router_rules())
        return told if len(told) == 1 else []

    @staticmethod
    def _own_documents(
        plan: QuestionPlan, docs: list[DocumentInfo], or_report: bool = False
    ) -> list[str]:
        """The documents of the place a question names itself, if it names one; or, when
        asked, of the report it names ("en ... volgens de evaluatie Q2 2024?")."""
        own = documents_in_scope(plan.question, (), docs, by_kind=or_report)
        return own if len(own) < len(docs) else []

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

    def _per_year(self, plan: QuestionPlan, hits: list[FoundCard]) -> Retrieved:
        """'in 2020 en in 2023': the same card number, once from the document for each year."""
        if len(plan.years) < 2 or not hits:
            return Retrieved(cards=hits)
        same = [f for f in hits if id_key(f.card.id) == id_key(hits[0].card.id)]
        chosen = [found for year in plan.years for found in prefer_years(same, [year])[:1]]
        return Retrieved(cards=unique([*chosen, *hits]))

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
            text = own[-1] if len(own) < len(clauses) else plan.text
            extra += self._search(text, 3, place_docs, filters)[:1]
        retrieved.cards = unique([*retrieved.cards[:1], *extra, *retrieved.cards[1:]])
        return retrieved

    def _place(self, doc: str) -> str:
        """Lier's reports and the addendum it shares with its neighbours: one place, Lier."""
        info = self.documents[doc]
        return info.municipalities[0] if info.municipalities else info.issuer

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
        in_scope = [f for f in found if f.card.doc in scope or _speaks_of(f.card, plan.places)]
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

    def _by_end_date(
        self, condition: EndDateFilter, plan: QuestionPlan, scope: list[str]
    ) -> Retrieved:
        """Every card whose end date field meets the condition, in the documents asked."""
        docs = list(self.documents.values())
        # "de evaluatie van 2024" picks the document; the year in the condition does not.
        listed = documents_in_scope(plan.text, plan.document_years, docs, by_kind=True)
        dated = [
            (card, end)
            for doc in scope
            if doc in listed
            for card in self.source.cards(doc)
            if (end := printed_day(card.fields.end_date)) is not None
        ]
        if not dated:  # Aalst's plan and the Flemish one print no end date per action
            return Retrieved(by_end_date=True, end_dates_kept=False)
        meeting = [self.found(card) for card, end in dated if condition.admits(end)]
        return Retrieved(cards=meeting, by_end_date=True)

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

    def _topic(
        self, plan: QuestionPlan, scope: list[str], filters: SearchFilters | None
    ) -> Retrieved:
        hits = self._search(plan.text, None, scope, filters)
        topic = self._topic_words(plan, scope)
        if not topic:
            return Retrieved(cards=hits[: self.search_k])
        by_key = {f.key: f for f in hits}
        cards = [c for doc in scope for c in self.source.cards(doc)]
        if filters and filters.model_dump(exclude={"doc"}, exclude_none=True):
            cards = [c for c in cards if c.key in by_key]  # the other filters: as searched
        order = {key: rank for rank, key in enumerate(by_key)}
        scorer = TopicScorer(cards, topic, coordinated(plan.text, topic))
        ranked = scorer.ranked(order)[:TOPIC_MAX_CARDS]
        if router_rules().asks_for_personas(plan.text):
            ranked = [s for s in ranked if s.card.fields.persona] or ranked
        if not ranked:
            return Retrieved(nearest=hits[:2])
        listed = [s.card for s in ranked]
        # A goal on the topic serves it with the actions under it that touch it, though they
        # share too few of its words to be listed on their own. Read from the cards searched,
        # so a filter holds for them too; each goal's actions follow in its rank.
        keys = {c.key for c in listed}
        # Half the actions of a goal listed (two at least): the goal is on the topic, though it
        # was not listed itself. A few of a large action plan's many actions say less.
        listed_under = Counter((c.doc, c.parent) for c in listed if c.parent)
        all_under = Counter((c.doc, c.parent) for c in cards if c.parent)
        goals = [
            c
            for c in cards
            if (n := listed_under[(c.doc, c.id)]) >= _SIBLINGS_NAMING_A_GOAL
            and 2 * n >= all_under[(c.doc, c.id)]
        ]
        rank = {(c.doc, c.id): n for n, c in enumerate(listed)}
        for n, card in enumerate(listed):  # a goal's other actions follow its first one
            rank.setdefault((card.doc, card.parent or ""), n)
        under_goals = sorted(
            (
                c
                for c in children_of(cards, [*listed, *goals])
                if c.key not in keys and scorer.own_score(c)
            ),
            key=lambda c: rank[(c.doc, c.parent or "")],
        )
        listed = [*listed, *under_goals][:TOPIC_MAX_CARDS]
        cards = [by_key.get(c.key) or self.found(c) for c in listed]
        return Retrieved(cards=cards, topic_words=scorer.named_topic())

    def _asked_children(
        self, plan: QuestionPlan, scope: list[str], parents: list[Card], cards: list[Card]
    ) -> list[Card]:
        """The cards under the named ones; those the rest of the question is about, when it
        asks more than the name ("welke acties onder actieplan Werkervaring kansengroepen
        krijgen een vervolg binnen TROEF?") and some of them are about it."""
        children = children_of(cards, parents)
        named = {stem for parent in parents for stem in stems(fold(parent.title))}
        rest = [w for w in self._topic_words(plan, scope) if not named & stems(w)]
        if not rest:
            return children
        about = {s.card.key for s in TopicScorer(children, rest).ranked()}
        return [c for c in children if c.key in about] or children

    def _topic_words(self, plan: QuestionPlan, scope: list[str]) -> list[str]:
        """Topic words, less those that only name the document ("lokaal sociaal beleidsplan")."""
        naming = set()
        for doc in scope:
            info = self.documents[doc]
            naming |= set(content_words(f"{info.label} {info.report_kind} {info.issuer}"))
        naming |= {part for word in naming for part in word.split("-") if len(part) >= 3}
        # "lokaal addendum": a word right before a naming word describes the document too.
        question = words(plan.text)
        naming |= {w for w, after in pairwise(question) if after in naming}
        wanted = self._answer_words(plan)
        return list(dict.fromkeys(w for w in wanted if w not in naming))

    def _search(
        self, text: str, k: int | None, scope: list[str], filters: SearchFilters | None
    ) -> list[FoundCard]:
        narrowed = (filters or SearchFilters()).model_copy()
        if len(scope) == 1:
            narrowed.doc = scope[0]
        hits = self.source.search(text, k=k, filters=narrowed)
        return unique([self.found(h.card, h.score, h.context) for h in hits if h.card.doc in scope])

    @staticmethod
    def _covers(card: Card, topic_words: Sequence[str]) -> bool:
        """At least half of the topic words (and at least one) occur in the card."""
        folded = fold(f"{card.title}\n{card.text}")
        card_stems = stems(folded)
        present = sum(word_in_text(w, folded, card_stems) for w in topic_words)
        return present >= max(1, (len(topic_words) + 1) // 2)

    @staticmethod
    def _mentions(card: Card, topic_words: Sequence[str]) -> bool:
        """Any topic word in the card: the least a plain search hit must share with the question."""
        folded = fold(f"{card.title}\n{card.text}")
        card_stems = stems(folded)
        return any(word_in_text(w, folded, card_stems) for w in topic_words)

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


def _speaks_of(card: Card, places: Sequence[str]) -> bool:
    """Whether the card's text names one of the places."""
    folded = fold(card.text)
    return any(re.search(rf"\b{re.escape(fold(place))}\b", folded) for place in places)


__all__ = ["CardRetriever", "document_years", "documents_in_scope", "id_key", "prefer_years"]
