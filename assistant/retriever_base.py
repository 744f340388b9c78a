"""What every retrieval strategy shares: the card source, the documents, search, and the tests
of whether a card names the question's words."""

from __future__ import annotations

from collections.abc import Sequence

from actiewijzer.assistant.doc_scope import documents_in_scope
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.sources import CardSource, FoundCard, unique
from actiewijzer.assistant.text import content_words, fold, words, words_in_text
from actiewijzer.index.models import SearchFilters
from actiewijzer.ingest.models import Card, DocumentInfo


def _with_card_words(text: str) -> str:
    """The question with the cards' word beside each everyday word: "middelbaar" finds the
    cards that say "secundair", by the letters and by the meaning."""
    everyday = router_rules().everyday_words
    card_words = [everyday[w] for w in dict.fromkeys(words(fold(text))) if w in everyday]
    return " ".join([text, *card_words]) if card_words else text


class RetrieverBase:
    """The card source and the documents in it, read by every strategy below."""

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

    def _answer_words(self, plan: QuestionPlan) -> list[str]:
        """Topic words a hit must share; a follow-up also shares the earlier question's."""
        if not plan.is_follow_up:
            return plan.topic_words
        return [*plan.topic_words, *content_words(plan.text, self._noise)]

    @property
    def _noise(self) -> frozenset[str]:
        rules = router_rules()
        return rules.stopword_set | rules.topic_noise_set

    @staticmethod
    def _own_documents(
        plan: QuestionPlan, docs: list[DocumentInfo], or_report: bool = False
    ) -> list[str]:
        """The documents of the place a question names itself, if it names one; or, when
        asked, of the report it names ("en ... volgens de evaluatie Q2 2024?")."""
        own = documents_in_scope(plan.question, (), docs, by_kind=or_report)
        return own if len(own) < len(docs) else []

    def _search(
        self, text: str, k: int | None, scope: list[str], filters: SearchFilters | None
    ) -> list[FoundCard]:
        narrowed = (filters or SearchFilters()).model_copy()
        if len(scope) == 1:
            narrowed.doc = scope[0]
        hits = self.source.search(_with_card_words(text), k=k, filters=narrowed)
        return unique([self.found(h.card, h.score, h.context) for h in hits if h.card.doc in scope])

    @staticmethod
    def _covers(card: Card, topic_words: Sequence[str]) -> bool:
        """At least half of the topic words (and at least one) occur in the card."""
        named = words_in_text(topic_words, f"{card.title}\n{card.text}")
        present = sum(w in named for w in topic_words)
        return present >= max(1, (len(topic_words) + 1) // 2)

    @staticmethod
    def _mentions(card: Card, topic_words: Sequence[str]) -> bool:
        """Any topic word in the card: the least a plain search hit must share with the question."""
        return bool(words_in_text(topic_words, f"{card.title}\n{card.text}"))
