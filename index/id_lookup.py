"""Find the cards whose printed number a question names, in the forms people write them.

"01/11/SAP/02/04", "SAP/02/04", "02/04", "07_04_01", "07-04-01", "actie 7.4.1", "Regio-uitdaging 3",
"doelstelling 4.2": all reduce to a token sequence (letters and numbers without leading zeros,
separators ignored) that must END the card id's token sequence. A word before the number
("doelstelling", "regio-uitdaging") counts when some card id uses that word, so "actie 7.4.1"
still finds "07_04_01" while "ambitie 4" does not find "Regio-uitdaging 4".
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.index.text_analysis import fold
from actiewijzer.ingest.models import Card

_RUN = re.compile(r"[a-z0-9]+(?:[/_.\-][a-z0-9]+)*")
_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_SEPARATORS = frozenset("/_.-")
_MAX_NUMBER_DIGITS = 3  # years, amounts and codes are longer than printed action numbers


def id_tokens(text: str) -> tuple[str, ...]:
    return tuple(t if t.isalpha() else str(int(t)) for t in _TOKEN.findall(fold(text)))


def _separators(text: str) -> frozenset[str]:
    return frozenset(ch for ch in text if ch in _SEPARATORS)


@dataclass(frozen=True, slots=True)
class IdMention:
    """One number-like phrase in the question, with the word written before it (if any)."""

    tokens: tuple[str, ...]
    keyword: tuple[str, ...]
    separators: frozenset[str]


@dataclass(frozen=True, slots=True)
class IdMatch:
    card: Card
    exact: bool  # the question names the whole id, not only its tail
    matched: int  # how many id tokens the question names
    same_separators: bool
    strong: bool  # specific enough to rank above every other result

    def sort_key(self) -> tuple[bool, int, bool]:
        return (not self.exact, -self.matched, not self.same_separators)


def find_mentions(text: str) -> list[IdMention]:
    folded = fold(text)
    runs = list(_RUN.finditer(folded))
    mentions: list[IdMention] = []
    for index, run in enumerate(runs):
        tokens = id_tokens(run.group())
        numbers = [t for t in _TOKEN.findall(run.group()) if t.isdigit()]
        if not numbers or any(len(n) > _MAX_NUMBER_DIGITS for n in numbers):
            continue
        keyword: tuple[str, ...] = ()
        if index > 0 and run.group()[0].isdigit():
            previous = runs[index - 1]
            between = folded[previous.end() : run.start()]
            if previous.group().replace("-", "").isalpha() and between.strip() == "":
                keyword = id_tokens(previous.group())
        mentions.append(IdMention(tokens, keyword, _separators(run.group())))
    return mentions


class IdLookup:
    def __init__(self, cards: Sequence[Card]) -> None:
        self._cards = [(card, id_tokens(card.id), _separators(card.id)) for card in cards]
        self._id_words = {t for _, tokens, _ in self._cards for t in tokens if t.isalpha()}

    def find(self, text: str) -> list[IdMatch]:
        """Matches for every number the text names, best first, each card once."""
        matches: dict[str, IdMatch] = {}
        for mention in find_mentions(text):
            for match in self._match(mention):
                known = matches.get(match.card.key)
                if known is None or match.sort_key() < known.sort_key():
                    matches[match.card.key] = match
        return sorted(matches.values(), key=IdMatch.sort_key)

    def _match(self, mention: IdMention) -> list[IdMatch]:
        if mention.keyword and set(mention.keyword) <= self._id_words:
            with_keyword = self._suffix_matches(mention.keyword + mention.tokens, mention)
            if with_keyword:
                return with_keyword
        if len(mention.tokens) < 2:
            return []  # a lone number ("3", "2024") names nothing reliably
        return self._suffix_matches(mention.tokens, mention)

    def _suffix_matches(self, wanted: tuple[str, ...], mention: IdMention) -> list[IdMatch]:
        found: list[IdMatch] = []
        for card, tokens, separators in self._cards:
            if len(tokens) < len(wanted) or tokens[len(tokens) - len(wanted) :] != wanted:
                continue
            exact = tokens == wanted
            same = not mention.separators or mention.separators <= separators
            named_word = any(t.isalpha() for t in wanted)
            # "02/04" could be a date or an amount; it ranks first only if it also looks like
            # the card's own notation (or names enough of the id to be unambiguous).
            strong = exact or named_word or len(wanted) >= 3 or same
            found.append(IdMatch(card, exact, len(wanted), same, strong))
        return found
