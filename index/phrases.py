"""Distinctive phrases: a name made of short, common words that only a few cards print.

"Rap op Stap", "Huis van het Kind" or "Buurtsport Brussel" are names, not bags of words. BM25
finds the card that prints such a name, but the dense retriever does not (the e5 vectors read
"rap" and "stap" as everyday words), and rank fusion then buries a card that only one retriever
ranks first. A phrase of content words joined by a function word ("op", "van het", "en") that
occurs, in that order, in very few cards is strong evidence on its own, so it acts as a third
ranking in the fusion. Plain word pairs ("konden betalen", "budget voorziet") are no names and
are left to BM25; so are phrases naming a document ("Berlaar en Nijlen", "Vlaams actieplan"),
which every card of that document is about whether it prints them or not.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import pairwise

from actiewijzer.index.models import Ranked
from actiewijzer.index.text_analysis import STOPWORDS, words

# A phrase printed in more cards than this is a topic ("kinderen in armoede"), not a name.
MAX_CARDS = 3
MAX_WORDS = 5
# Words that join the parts of a Dutch name: "Rap op Stap", "Huis van het Kind", "Week van de
# Opvoeding", "Fietspunt aan de Vesten". Other function words ("er", "zijn") join clauses instead.
_JOINERS = frozenset(
    {"op", "van", "het", "de", "den", "der", "en", "voor", "in", "met", "aan", "tot", "uit"}
    | {"bij", "naar", "over", "zonder", "of"}
)
# A content word this short is mostly noise ("jaar 2", "a b"); names need something to hold on to.
MIN_CONTENT_CHARS = 3


class PhraseIndex:
    """Which cards print which adjacent word pairs, so phrase lookups touch only candidates."""

    def __init__(
        self, keys: Sequence[str], texts: Sequence[str], document_words: Iterable[str] = ()
    ) -> None:
        self._keys = list(keys)
        self._document_words = frozenset(document_words)
        self._texts = [f" {' '.join(words(text))} " for text in texts]
        pairs: defaultdict[tuple[str, str], set[int]] = defaultdict(set)
        for position, text in enumerate(self._texts):
            tokens = text.split()
            for pair in pairwise(tokens):
                pairs[pair].add(position)
        self._pairs = dict(pairs)

    def rank(self, query: str) -> list[Ranked]:
        """Cards printing a distinctive phrase of the question, longest phrase first."""
        best: dict[int, int] = {}
        for phrase in _candidate_phrases(words(query)):
            if any(w in self._document_words for w in phrase if _is_content(w)):
                continue
            cards = self._cards_printing(phrase)
            if not cards or len(cards) > MAX_CARDS:
                continue
            for position in cards:
                best[position] = max(best.get(position, 0), len(phrase))
        order = sorted(best, key=lambda position: (-best[position], position))
        return [Ranked(key=self._keys[p], score=float(best[p])) for p in order]

    def _cards_printing(self, phrase: tuple[str, ...]) -> set[int]:
        pairs = list(pairwise(phrase))
        candidates = set(self._pairs.get(pairs[0], set()))
        for pair in pairs[1:]:
            candidates &= self._pairs.get(pair, set())
            if not candidates:
                return set()
        needle = f" {' '.join(phrase)} "
        return {p for p in candidates if needle in self._texts[p]}


def longest_phrase_printed(query: str, text: str, ignored: Iterable[str] = ()) -> int:
    """The length in words of the longest name-like phrase of the query ("dag van de
    directeur") the text prints; 0 when it prints none. Phrases with an ignored word (a
    town naming a document) do not count."""
    skip = frozenset(ignored)
    printed = f" {' '.join(words(text))} "
    return max(
        (
            len(phrase)
            for phrase in _candidate_phrases(words(query))
            if not skip & set(phrase) and f" {' '.join(phrase)} " in printed
        ),
        default=0,
    )


def _candidate_phrases(tokens: list[str]) -> list[tuple[str, ...]]:
    """Runs of 3..MAX_WORDS words that start and end on a content word with a function word
    between them: 'rap op stap' and 'huis van het kind' yes, 'in vlaanderen', 'konden betalen' no."""
    phrases: list[tuple[str, ...]] = []
    for start in range(len(tokens)):
        for end in range(start + 3, min(start + MAX_WORDS, len(tokens)) + 1):
            phrase = tuple(tokens[start:end])
            if _is_name_like(phrase):
                phrases.append(phrase)
    return phrases


def _is_name_like(phrase: tuple[str, ...]) -> bool:
    return (
        _is_content(phrase[0])
        and _is_content(phrase[-1])
        and any(word in _JOINERS for word in phrase[1:-1])
    )


def _is_content(word: str) -> bool:
    return word not in STOPWORDS and not word.isdigit() and len(word) >= MIN_CONTENT_CHARS
