"""BM25 over stemmed words and compound parts (bm25s), rebuilt in memory when an index opens.

The corpus is a few hundred cards: building takes well under a second, so nothing is persisted
and the BM25 statistics can never drift from the side store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

import bm25s
import numpy as np

from actiewijzer.index.filters import ResolvedFilter
from actiewijzer.index.models import Ranked, SearchFilters
from actiewijzer.index.phrases import PhraseIndex
from actiewijzer.index.text_analysis import Analyzer
from actiewijzer.ingest.models import Card

FilterResolver = Callable[[SearchFilters | None], ResolvedFilter]


class LexicalIndex:
    def __init__(
        self, cards: Sequence[Card], texts: Sequence[str], document_words: Iterable[str] = ()
    ) -> None:
        if len(cards) != len(texts):
            raise ValueError("elke kaart heeft precies één tekst nodig")
        self._cards = list(cards)
        self._by_key = {card.key: card for card in self._cards}
        self.analyzer = Analyzer(texts)
        self._phrases = PhraseIndex([card.key for card in cards], texts, document_words)
        self._bm25 = bm25s.BM25()
        corpus_terms = [self.analyzer.index_terms(text) or [""] for text in texts]
        if corpus_terms:
            self._bm25.index(corpus_terms, show_progress=False)

    def __len__(self) -> int:
        return len(self._cards)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every card, in card order (zeros when no query term is indexed)."""
        if not self._cards:
            return np.zeros(0, dtype=np.float32)
        vocab = self._bm25.vocab_dict
        ids = [vocab[t] for t in self.analyzer.query_terms(query) if t in vocab and t]
        if not ids:
            return np.zeros(len(self._cards), dtype=np.float32)
        return np.asarray(self._bm25.get_scores_from_ids(ids), dtype=np.float32)

    def search(self, query: str, k: int | None, admitted: ResolvedFilter) -> list[Ranked]:
        scores = self.scores(query)
        order = np.argsort(-scores, kind="stable")
        hits: list[Ranked] = []
        for position in order:
            score = float(scores[position])
            if score <= 0 or (k is not None and len(hits) >= k):
                break
            card = self._cards[position]
            if admitted.is_unrestricted or admitted.admits(card):
                hits.append(Ranked(key=card.key, score=score))
        return hits

    def phrase_search(self, query: str, admitted: ResolvedFilter) -> list[Ranked]:
        """Cards printing a name from the question that few cards print (see phrases.py)."""
        return [
            hit
            for hit in self._phrases.rank(query)
            if admitted.is_unrestricted or admitted.admits(self._by_key[hit.key])
        ]


class LexicalRetriever:
    """The Retriever protocol over a LexicalIndex; filters resolve against the live catalog."""

    def __init__(self, index: LexicalIndex, resolve: FilterResolver) -> None:
        self._index = index
        self._resolve = resolve

    def retrieve(self, query: str, k: int, filters: SearchFilters | None = None) -> list[Ranked]:
        return self._index.search(query, k, self._resolve(filters))
