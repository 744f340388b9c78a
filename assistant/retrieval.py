"""Which cards answer this question: named numbers, status filters, topic search, plain search."""

from __future__ import annotations

import re
from collections.abc import Sequence

from actiewijzer.assistant.evidence import shared_budget_partners
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.sources import CardSource, FoundCard, Retrieved, unique
from actiewijzer.assistant.text import fold, stems, word_in_text
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import Card, DocumentInfo

_ID_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_YEARS = re.compile(r"(?:19|20)\d{2}")
TOPIC_SEARCH_K = 40
TOPIC_MAX_CARDS = 15
_YEAR_BOUND_KINDS = (QuestionKind.FACT, QuestionKind.BUDGET, QuestionKind.STATUS)


def id_key(card_id: str) -> tuple[str, ...]:
    """'07-04-01', '07_04_01' and 'ACTIE 07_04_01' share a key."""
    return tuple(_ID_TOKEN.findall(fold(card_id)))


def document_years(info: DocumentInfo) -> set[int]:
    found = [int(y) for y in _YEARS.findall(info.period)]
    if len(found) >= 2:
        return set(range(min(found), max(found) + 1))
    return set(found) | ({info.year} if info.year else set())


def documents_in_scope(text: str, years: Sequence[int], docs: Sequence[DocumentInfo]) -> list[str]:
    """Documents the question itself points at (by place or year); all when it names none."""
    folded = set(re.findall(r"[\w-]+", fold(text)))
    by_place = [
        d.doc
        for d in docs
        if any(fold(m) in folded for m in d.municipalities)
        or (
            ("vlaams" in folded or "vlaamse" in folded or "vlaanderen" in folded)
            and "vlaams" in fold(d.issuer)
        )
    ]
    by_year = [d.doc for d in docs if years and document_years(d) & set(years)]
    chosen = (
        [doc for doc in by_place if doc in by_year] if by_place and by_year else by_place or by_year
    )
    return chosen or [d.doc for d in docs]


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
        return self.with_shared_budgets(plan, self._retrieve(plan, filters))

    def _retrieve(self, plan: QuestionPlan, filters: SearchFilters | None) -> Retrieved:
        scope = documents_in_scope(plan.text, plan.years, list(self.documents.values()))
        if filters and filters.doc:
            scope = [filters.doc]
        id_cards = self.source.lookup_ids(plan.text)
        if id_cards or plan.named_ids:
            return self._check_years(plan, self._by_ids(plan, scope, id_cards))
        if plan.kind is QuestionKind.STATUS and plan.status_matches:
            return Retrieved(cards=self._by_status(plan, scope))
        if plan.kind is QuestionKind.TOPIC:
            return self._topic(plan, scope, filters)
        hits = self._search(plan.text, self.search_k, scope, filters)
        if plan.kind is QuestionKind.BUDGET and hits:
            hits = hits[:1]  # one budget line; more would invite adding up unrelated amounts
        if plan.topic_words and not any(self._mentions(f.card, plan.topic_words) for f in hits[:5]):
            return Retrieved(missing_ids=[], nearest=hits[:2])
        return self._check_years(plan, Retrieved(cards=hits))

    # --- strategies -------------------------------------------------------------------------

    def with_shared_budgets(self, plan: QuestionPlan, retrieved: Retrieved) -> Retrieved:
        """Cards that share a budget line with an answered card: named, so it is not counted twice."""
        if plan.kind not in (QuestionKind.BUDGET, QuestionKind.COMPARE):
            return retrieved
        for found in retrieved.cards:
            siblings = self.source.cards(found.card.doc)
            for partner in shared_budget_partners(found.card, siblings):
                if partner.key not in retrieved.keys:
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
        in_scope = [f for f in found if f.card.doc in scope]
        if found and not in_scope:
            # The number exists, but not in the document or year the question names.
            return Retrieved(missing_ids=[], nearest=found)
        if missing and not in_scope:
            return Retrieved(missing_ids=missing, nearest=self._nearest(missing[0]))
        return Retrieved(cards=in_scope, missing_ids=missing)

    def _by_status(self, plan: QuestionPlan, scope: list[str]) -> list[FoundCard]:
        matching = [
            c
            for doc in scope
            for c in self.source.cards(doc)
            if c.fields.status and any(m in fold(c.fields.status) for m in plan.status_matches)
        ]
        topical = [c for c in matching if plan.topic_words and self._covers(c, plan.topic_words)]
        return [self.found(c) for c in (topical or matching)]

    def _topic(
        self, plan: QuestionPlan, scope: list[str], filters: SearchFilters | None
    ) -> Retrieved:
        hits = self._search(plan.text, max(TOPIC_SEARCH_K, self.search_k), scope, filters)
        if not plan.topic_words:
            return Retrieved(cards=hits[: self.search_k])
        matching = [f for f in hits if self._covers(f.card, plan.topic_words)]
        if not matching:
            return Retrieved(nearest=hits[:2])
        return Retrieved(cards=matching[:TOPIC_MAX_CARDS])

    def _search(
        self, text: str, k: int, scope: list[str], filters: SearchFilters | None
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
