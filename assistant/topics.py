"""Which cards are about a topic: a score per card, so a passing mention does not make a list.

A topic word weighs by how rare it is among the cards in scope ("armoede" is everywhere in a
poverty plan, "sport" is not). A word in the title counts most, a word the card repeats less,
a single mention least. An action inherits most of the score of a plan or goal whose title
names the topic: "De Stad pakt dak- en thuisloosheid aan" covers its winter shelter action too.
Cards far below the best one are left out."""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from actiewijzer.assistant.text import ELLIPSIS, fold, name_of_its_own, stem, stems, word_in_text
from actiewijzer.index.text_analysis import is_dutch_word
from actiewijzer.ingest.models import Card, CardKind

TITLE_WEIGHT = 1.0
REPEATED_WEIGHT = 0.5
MENTION_WEIGHT = 0.25
INHERITED_SHARE = 0.8  # an action under a plan whose title names the topic
RELATIVE_CUTOFF = 0.5  # of the best card's score: repeated in the text vs. in the title
REQUIRED_SHARE = 0.7  # of the rarest question word's weight


@dataclass(frozen=True)
class TopicScore:
    card: Card
    score: float


@dataclass(frozen=True)
class _CardText:
    title: str
    title_stems: set[str]
    text: str
    text_stems: set[str]


_CACHE: dict[tuple[str, int], _CardText] = {}


def _card_text(card: Card) -> _CardText:
    """Folded text and stems of a card, kept: a topic question scores every card in scope."""
    cache_key = (card.key, hash(card.text))
    if cache_key not in _CACHE:
        title = _with_ellipses(fold(card.title))
        text = _with_ellipses(fold(card.text))
        _CACHE[cache_key] = _CardText(title, stems(title), text, stems(text))
    return _CACHE[cache_key]


def _with_ellipses(folded: str) -> str:
    """ "dak- en thuisloosheid" also says "dakloosheid": the text gets every completion of the
    first word with a tail of the second, so the completed question word finds it."""
    completions = [
        head + full[cut:]
        for head, full in ELLIPSIS.findall(folded)
        for cut in range(1, len(full) - 2)
    ]
    return f"{folded}\n{' '.join(completions)}" if completions else folded


def _occurrences(word: str, text: str) -> int:
    return text.count(word[: max(4, len(word) - 2)])


def _prefix_forms(word: str) -> set[str]:
    """Forms that start a compound: "wonen" -> "woon" (woonbeleid), "sport" (sportparticipatie),
    "oefenen" -> "oefen" (oefenkansen; the stemmer says "oefeen"). Four-letter words only
    through their stem, so "huis" does not find "huiswerk"."""
    root = stem(word)
    forms = {word} if len(word) >= 5 else set()
    if len(root) >= 4 and root != word:
        forms.add(root)
    if word.endswith("en") and len(word) >= 7:
        forms.add(word[:-2])
    return forms


@cache
def _compound_pattern(word: str) -> re.Pattern[str] | None:
    """The word as the head of a compound ("buurtsport", "kinderopvang") or a form of it
    starting one ("woonbeleid")."""
    parts = [rf"{re.escape(word)}(?!\w)"] if len(word) >= 5 else []
    parts += [rf"(?<!\w){re.escape(form)}" for form in sorted(_prefix_forms(word))]
    return re.compile("|".join(parts)) if parts else None


def matches(word: str, folded: str, text_stems: set[str]) -> bool:
    """The text names the word, also inside a compound."""
    if word_in_text(word, folded, text_stems):
        return True
    pattern = _compound_pattern(word)
    return pattern is not None and pattern.search(folded) is not None


def compounds(topic_words: Sequence[str]) -> dict[str, str]:
    """Two question words written apart that the documents write as one ("schulden hulp"):
    compound -> the first word, which it stands in for."""
    found: dict[str, str] = {}
    for first, second in pairwise(topic_words):
        # "schulden" joins as "schuld-": drop a plural ending.
        heads = [first, stem(first), first[:-2] if first.endswith("en") else first]
        for head in heads:
            found.setdefault(f"{head}{second}", first)
    return found


def modifiers(topic_words: Sequence[str]) -> dict[str, str]:
    """Inflected adjectives before another topic word, each with the noun it goes with:
    "slechte" and "ongezonde" -> "huurwoningen", "gelijke" -> "onderwijskansen". Told by the
    uninflected form being a Dutch word ("slecht"), which a noun ending in -e is not
    ("armoed")."""
    found: dict[str, str] = {}
    for word, after in reversed(list(pairwise(topic_words))):
        if word.endswith("e") and len(word) >= 5 and is_dutch_word(word[:-1]):
            found[word] = found.get(after, after)
    return found


def coordinated(question: str, topic_words: Sequence[str]) -> dict[str, str]:
    """ "dak- en thuislozen" names one group two ways: the completed first word -> the second,
    so a card naming either is about it ("chronisch daklozen" as much as "thuislozen")."""
    return {
        word: full
        for head, full in ELLIPSIS.findall(fold(question))
        for word in topic_words
        if word != full and word.startswith(head) and full in topic_words
    }


def listed_together(question: str, topic_words: Sequence[str]) -> frozenset[str]:
    """The topic words the question lists beside another: "de noodopvang en het woonatelier"."""
    folded = fold(question)

    def before(first: str, second: str) -> bool:
        # "X en Y", "X, Y", "X of Y", each with a word of its own between ("het", "van X").
        joined = r"(?:\W+\w+)?\W*(?:,|\ben\b|\bof\b)\W*(?:\w+\W+)?"
        return (
            re.search(rf"\b{re.escape(first)}\b{joined}{re.escape(second)}\b", folded) is not None
        )

    return frozenset(
        word
        for word in topic_words
        for other in topic_words
        if other != word and (before(word, other) or before(other, word))
    )


class TopicScorer:
    def __init__(
        self,
        cards: Sequence[Card],
        topic_words: Sequence[str],
        alternatives: dict[str, str] | None = None,
        listed: frozenset[str] = frozenset(),
    ) -> None:
        self.cards = list(cards)
        self.listed = listed  # question words listed with another: "X en Y", "X, Y"
        self.texts = {c.key: _card_text(c) for c in self.cards}
        # a compound or an alternative -> the question word it stands in for
        self.concepts = compounds(topic_words) | (alternatives or {})
        self.topic_words = list(topic_words)
        self.modifiers = modifiers(topic_words)  # adjective -> the noun it narrows
        self.weights = self._weights(topic_words)
        self.required = self._required(topic_words)

    def _frequency(self, word: str) -> int:
        return sum(
            matches(word, t.text, t.text_stems) or matches(word, t.title, t.title_stems)
            for t in self.texts.values()
        )

    def _weights(self, topic_words: Sequence[str]) -> dict[str, float]:
        """Inverse card frequency; a word no card uses (a typo, another topic) weighs nothing."""
        total = len(self.cards)
        weights = {}
        joined = compounds(topic_words)
        for word in dict.fromkeys([*topic_words, *joined]):
            if frequency := self._frequency(word):
                weights[word] = math.log((total + 1) / (frequency + 0.5))
        # The documents write the two words as one: the second, generic part ("hulp") no
        # longer counts on its own.
        for compound, first in joined.items():
            if compound in weights:
                second = compound[len(first) :] if compound.startswith(first) else ""
                for word in topic_words:
                    if word != first and (word == second or compound.endswith(word)):
                        weights.pop(word, None)
        return weights

    def _required(self, topic_words: Sequence[str]) -> set[str]:
        """The rarest question words (and compounds standing in for them): a card must name one.
        "sport voor mensen in armoede" is about sport, not about every action on poverty. An
        adjective before the noun only narrows it: "ongezonde huurwoningen" are about housing,
        not about every card on health ..."""
        own = {w: self.weights[w] for w in topic_words if w in self.weights}
        # ... unless its noun is common: "geestelijke gezondheid" is the concept.
        for adjective, noun in self.modifiers.items():
            if adjective in own and self.weights.get(noun, 0.0) >= REQUIRED_SHARE * own[adjective]:
                del own[adjective]
        if not own:
            return set(self.weights)
        top = max(own.values())
        wanted = {w for w, weight in own.items() if weight >= REQUIRED_SHARE * top}
        wanted = self._names_among(wanted) or wanted
        stand_ins = {c for c, first in self.concepts.items() if first in wanted}
        wanted |= {self.concepts[w] for w in wanted if w in self.concepts}
        return wanted | (stand_ins & set(self.weights))

    def _names_among(self, wanted: set[str]) -> set[str]:
        """ "ik ken lejo van het jeugdwerk. bij welke projecten zijn zij betrokken?": an
        organisation the documents name is the topic, the words around it only say who it is;
        unless the question lists it with others ("de noodopvang en het woonatelier")."""
        texts = [f"{c.title}\n{c.text}" for c in self.cards]
        names = {w for w in wanted if name_of_its_own(w, texts)}
        return set() if names & self.listed else names

    def named_topic(self) -> list[str]:
        """The topic as asked: the required words, with the adjectives of their nouns."""
        return [
            w
            for w in self.topic_words
            if w in self.required or self.modifiers.get(w) in self.required
        ]

    def names_required(self, card: Card, title_only: bool = False) -> bool:
        text = self.texts[card.key]
        return any(
            matches(w, text.title, text.title_stems)
            or (not title_only and matches(w, text.text, text.text_stems))
            for w in self.required
        )

    def title_score(self, card: Card) -> float:
        text = self.texts[card.key]
        return sum(
            weight * TITLE_WEIGHT
            for word, weight in self.weights.items()
            if matches(word, text.title, text.title_stems)
        )

    def own_score(self, card: Card) -> float:
        """Per concept the strongest hit: "schulden" and "schuldhulp" are one concept."""
        if not self.names_required(card):
            return 0.0
        text = self.texts[card.key]
        best: dict[str, float] = {}
        for word, weight in self.weights.items():
            if matches(word, text.title, text.title_stems):
                hit = weight * TITLE_WEIGHT
            elif matches(word, text.text, text.text_stems):
                repeated = _occurrences(word, text.text) >= 2
                hit = weight * (REPEATED_WEIGHT if repeated else MENTION_WEIGHT)
            else:
                continue
            concept = self.concepts.get(word, word)
            best[concept] = max(best.get(concept, 0.0), hit)
        return sum(best.values())

    def ranked(self, order: dict[str, int] | None = None) -> list[TopicScore]:
        """Cards about the topic, best first; ties keep the search engine's order."""
        if not self.weights:
            return []
        by_id = {(c.doc, c.id): c for c in self.cards}
        scores = {card.key: self.own_score(card) for card in self.cards}
        for card in self.cards:
            parent = by_id.get((card.doc, card.parent or ""))
            if (
                card.kind is CardKind.ACTIE
                and parent is not None
                and self.names_required(parent, title_only=True)
            ):
                scores[card.key] = max(scores[card.key], INHERITED_SHARE * scores[parent.key])
        self._numbered_groups(scores)
        best = max(scores.values(), default=0.0)
        if best <= 0:
            return []
        order = order or {}
        kept = [TopicScore(c, scores[c.key]) for c in self.cards]
        kept = [s for s in kept if s.score >= RELATIVE_CUTOFF * best]
        kept.sort(key=lambda s: (-s.score, order.get(s.card.key, len(order))))
        return kept

    def _numbered_groups(self, scores: dict[str, float]) -> None:
        """Actions numbered as one group ("06_07_01".."06_07_09") whose titles mostly name the
        topic: the others in the group that name it at all belong to the list too."""
        groups: dict[tuple[str, str], list[Card]] = {}
        for card in self.cards:
            if card.kind is CardKind.ACTIE and (head := _group_head(card.id)):
                groups.setdefault((card.doc, head), []).append(card)
        for members in groups.values():
            titled = [c for c in members if self.names_required(c, title_only=True)]
            if len(members) < 3 or len(titled) * 2 < len(members):
                continue
            floor = min(scores[c.key] for c in titled)
            for card in members:
                if self.names_required(card):
                    scores[card.key] = max(scores[card.key], floor)


def _group_head(card_id: str) -> str | None:
    """ "06_07_05" -> "06_07"; ids without a numbered group give None."""
    parts = re.split(r"[_/.-]", card_id)
    if len(parts) < 3 or not all(p.isdigit() for p in parts):
        return None
    return "_".join(parts[:-1])


def children_of(cards: Sequence[Card], parents: Sequence[Card]) -> list[Card]:
    """The cards directly under the given ones, in document order."""
    wanted = {(p.doc, p.id) for p in parents}
    found = [c for c in cards if (c.doc, c.parent or "") in wanted]
    return sorted(found, key=lambda c: (c.doc, c.start_line))


def descends_from(card: Card, ancestors: Sequence[Card], cards: Sequence[Card]) -> bool:
    """Whether the card stands somewhere under one of the ancestors, however deep."""
    wanted = {(a.doc, a.id) for a in ancestors}
    parents = {(c.doc, c.id): c.parent for c in cards}
    seen: set[tuple[str, str]] = set()
    key = (card.doc, card.parent or "")
    while key[1] and key not in seen:
        if key in wanted:
            return True
        seen.add(key)
        key = (card.doc, parents.get(key) or "")
    return False
