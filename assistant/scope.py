"""Is a question about these documents at all, and how telling is each of its words?"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache, cached_property

from rapidfuzz import fuzz, process

from actiewijzer.assistant.router import QuestionPlan, without_context
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.sources import Retrieved
from actiewijzer.assistant.text import (
    ELLIPSIS,
    content_words,
    fold,
    stem,
    words,
    words_in_text,
)
from actiewijzer.index.text_analysis import (
    FUZZY_CUTOFF,
    MIN_COMPOUND,
    Decompounder,
    dutch_zipf,
    head_and_rest,
    is_dutch_word,
    is_function_word,
    is_typo_of,
    is_verb_form,
    misspells_function_word,
)
from actiewijzer.ingest.models import Card

_MIN_TAIL = 3
_MIN_LEAD = 4  # "kerst", "fiets"; a shorter lead ("kin", "bus") is too often a chance match
_PLURAL_ENDS = ("s", "en", "'s")
_MIN_TYPO_LENGTH = 5  # shorter words have too many neighbours one edit away
_COMMON_STEM_ZIPF = 4.0  # "slaap", "woon": words seen every few thousand words
_MIN_DIMINUTIVE_LENGTH = 6  # "zoontje"; not "bije" or "paje"


def corpus_fingerprint(cards: Sequence[Card]) -> int:
    """Changes when a document is added, removed or re-read with other cards."""
    return hash(tuple((card.key, len(card.text)) for card in cards))


class Vocabulary:
    """The stems of every card title and text, and in how many cards each occurs."""

    def __init__(self, cards: Sequence[Card]) -> None:
        self.fingerprint = corpus_fingerprint(cards)
        self.stems: set[str] = set()
        self.words: set[str] = set()
        self.card_frequency: Counter[str] = Counter()
        self.card_count = len(cards)
        self.card_ids = frozenset(fold(card.id) for card in cards)
        for card in cards:
            found = words(f"{card.title} {card.text}")
            card_stems = {stem(w) for w in found if len(w) >= 3}
            self.words.update(found)
            self.stems.update(card_stems)
            self.card_frequency.update(card_stems)

    def knows(self, word: str) -> bool:
        """A word some card uses, also as a compound part, inflected or misspelled; or a
        compound of two such words ("winterperiode": "winter" as in "winternood", "periode")."""
        if self._known_form(word) or self._joins_known_forms(word):
            return True
        return self.misspelled(word) is not None

    def _joins_known_forms(self, word: str) -> bool:
        if len(word) < MIN_COMPOUND or not word.isalpha():
            return False
        known = cache(self._known_form)  # a head comes back once per interfix
        return any(known(head) and known(rest) for head, rest in head_and_rest(word))

    def card_word_leading(self, word: str, max_zipf: float) -> str | None:
        """ "kerst" for "kerstmis", where the cards say "kerst" (and "kerstfeest"): a compound
        no card uses, led by a word the cards use on their own, names what they speak of. A
        common lead ("school" in "schoolbus") says too little to count. The caller has found
        the word unknown (`knows`); a known word leads to nothing new."""
        leads = (word[:cut] for cut in range(len(word) - _MIN_TAIL, _MIN_LEAD - 1, -1))
        return next((w for w in leads if w in self.words and dutch_zipf(w) < max_zipf), None)

    def misspelled(self, word: str) -> str | None:
        """The document word a typo stands for: "mantelzorgkafee" -> "mantelzorgcafe"."""
        if is_dutch_word(word):
            return None  # a real word these documents never use, not a misspelling of one
        matches = process.extract(
            word, self.words, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=3
        )
        return next((str(m[0]) for m in matches if is_typo_of(word, str(m[0]))), None)

    def typos(self, text: str, stopwords: frozenset[str]) -> dict[str, str]:
        """The question's typos and the document words they stand for, so lines and topics
        are chosen by what was meant."""
        found = {}
        for word in dict.fromkeys(content_words(text, stopwords)):
            if len(word) < _MIN_TYPO_LENGTH or self._known_form(word):
                continue
            if (meant := self.misspelled(word)) is not None:
                found[word] = meant
        return found

    def _known_form(self, word: str) -> bool:
        """Used by some card: as is, inflected, as the singular of a plural ("tickets"), as the
        head of a compound ("restaurant" in "buurtrestaurant") or split into known parts."""
        if stem(word) in self.stems or word in self.words:
            return True
        # The stemmer keeps a verb's "-t": "bemiddelt" is known through "bemiddeling".
        if len(word) >= 5 and word.endswith("t") and stem(word[:-1]) in self.stems:
            return True
        if any(word.endswith(end) and word[: -len(end)] in self.words for end in _PLURAL_ENDS):
            return True
        if len(word) >= 6 and any(word in known for known in self.words):
            return True
        if "-" in word.strip("-"):  # "exploitatie-uitgaven": cards print the parts apart
            return all(self._known_form(part) for part in word.split("-") if part)
        return bool(self._decompounder.split(word))

    @cached_property
    def _decompounder(self) -> Decompounder:
        return Decompounder(self.words | self.stems)

    def complete_ellipses(self, text: str, topic_words: list[str]) -> list[str]:
        """ "dak- en thuislozen" means "daklozen en thuislozen": the first word borrows the
        shortest tail of the second that makes a word the documents use."""
        completed = list(topic_words)
        for head, full in ELLIPSIS.findall(fold(text)):
            tails = (full[cut:] for cut in range(1, len(full) - _MIN_TAIL + 1))
            whole = next((head + t for t in reversed(list(tails)) if head + t in self.words), None)
            if whole and whole not in completed:
                at = completed.index(head) if head in completed else len(completed)
                completed[at : at + 1 if head in completed else at] = [whole]
        return completed

    def coverage(self, question_words: list[str]) -> float:
        if not question_words:
            return 0.0
        known = sum(stem(w) in self.stems or w in self.words for w in question_words)
        return known / len(question_words)

    @property
    def rarest_weight(self) -> float:
        return math.log((self.card_count + 1) / 2)

    def weight(self, word: str) -> float:
        """Rare words tell what a question is about; a word no card uses tells nothing here."""
        frequency = self.card_frequency[stem(word)]
        if not frequency:
            return 0.0
        return math.log((self.card_count + 1) / (frequency + 1))

    def subject_coverage(
        self,
        card: Card,
        question_words: Sequence[str],
        if_untold: float = 1.0,
        unknown: Sequence[str] = (),
        ignore_absent_verbs: bool = False,
    ) -> float:
        """The share of the question words' weight that the card names (1.0: all of it);
        `if_untold` when no question word tells anything about these documents. An `unknown`
        subject weighs as much as the rarest card word: it is what the question is about.
        `ignore_absent_verbs`: "stonden", "gewonnen", "denk ik" tell little of what a story is
        about, so a card lacking such a verb is no farther from it (one using it is nearer)."""
        weights = {w: self.weight(w) for w in question_words}
        weights |= {w: self.rarest_weight for w in unknown}
        return _named_share(f"{card.title}\n{card.text}", weights, if_untold, ignore_absent_verbs)

    def named_share(self, text: str, question_words: Sequence[str]) -> float:
        """The share of the question words' weight that the text names."""
        return _named_share(text, {w: self.weight(w) for w in question_words}, 0.0)


def _named_share(
    text: str, weights: dict[str, float], if_untold: float, ignore_absent_verbs: bool = False
) -> float:
    if not weights:
        return if_untold
    named = words_in_text(weights, text)
    if ignore_absent_verbs:
        weights = {w: v for w, v in weights.items() if w in named or not is_verb_form(w)}
    total = sum(weights.values())
    if not total:
        return if_untold
    return sum(v for w, v in weights.items() if w in named) / total


def in_scope(text: str, rules: RouterRules, vocabulary: Vocabulary) -> bool:
    if any(pattern.search(text) for pattern in rules.out_of_scope):
        return False
    if rules.ids_in(text) or rules.domain.matches(text):
        return True
    content = content_words(fold(text), rules.stopword_set)
    return vocabulary.coverage(content) >= rules.min_vocabulary_coverage


def unknown_subjects(question: str, rules: RouterRules, vocabulary: Vocabulary) -> list[str]:
    """Things the question names that no card uses and everyday Dutch seldom does: "de
    kringwinkel", not "mijn zoon" (too common to be the subject) nor a typo of a card word.
    "game- of gokverslaving": the head of an ellipsis is read without its hyphen."""
    return [
        word
        for word in (thing.rstrip("-") for thing in rules.named_things(question))
        if len(word) >= _MIN_TYPO_LENGTH
        and dutch_zipf(word) < rules.unknown_subject_max_zipf
        and not is_function_word(word)
        and dutch_zipf(_without_diminutive(word)) < rules.unknown_subject_max_zipf
        and not rules.names_asked_kind(word)
        and not rules.relative_words.matches(word)
        and word not in rules.place_words  # places have checks of their own
        and not vocabulary.knows(word)
        # "de crèche": the cards call it "kinderopvang".
        and not vocabulary.knows(rules.everyday_words.get(word, word))
        # "een klein vzwtje": the diminutive of a word the cards use.
        and not vocabulary.knows(_without_diminutive(word))
        and not vocabulary.card_word_leading(word, rules.unknown_subject_max_zipf)
        and not _reads_as_verb(word)
        and not misspells_function_word(word)  # "eigelijk"
    ]


# "zoontje", "huisje", "kindje", "boekentasje": the diminutive of a word as common as its base.
_DIMINUTIVE = re.compile(r"(?:etje|pje|tje|je)s?$")


def _without_diminutive(word: str) -> str:
    """ "zoontje" -> "zoon", "mannetje" -> "mann" (a miss costs nothing: its Zipf is low)."""
    return _DIMINUTIVE.sub("", word) if len(word) >= _MIN_DIMINUTIVE_LENGTH else word


def _reads_as_verb(word: str) -> bool:
    """ "mijn neef slaapt op straat", "de juf sprak over ...": a noun phrase run on into its
    verb. The verb's "-t" on a common Dutch stem ("slaap", "woon") gives it away, as does a
    conjugated form the lemmatizer knows; a thing's name seldom ends that way."""
    if word.endswith("t") and dutch_zipf(word[:-1]) >= _COMMON_STEM_ZIPF:
        return True
    return is_verb_form(word)


def covers_subject(
    retrieved: Retrieved, plan: QuestionPlan, rules: RouterRules, vocabulary: Vocabulary
) -> bool:
    """Whether the best cards found may answer a question naming a thing no card uses: they
    cover most of the question's other words. Loosely related cards do not ("werkt Aalst samen
    met de kringwinkel?" finds the ruilwinkel card, which shares only "Aalst" and "armoede")."""
    if not plan.unknown_subjects or not retrieved.answerable or plan.named_ids:
        return True
    if any(_names_a_place(word, plan.text) for word in plan.unknown_subjects):
        return False  # "ik woon in Erembodegem. komt er bij ons ook ...?": Aalst's cards do not
    best = max(
        vocabulary.subject_coverage(
            found.card,
            plan.topic_words,
            if_untold=0.0,
            # A word Dutch does not know ("huurkontrakt") may be a typo: it says little.
            unknown=[w for w in plan.unknown_subjects if is_dutch_word(w)],
            ignore_absent_verbs=True,
        )
        for found in retrieved.cards[:2]
    )
    return best >= rules.min_subject_coverage


def _names_a_place(word: str, text: str) -> bool:
    """ "in erembodegem", "uit Kessel-Lo": a name Dutch does not know, after a preposition of
    place, is a town or a district; the documents about others do not answer for it."""
    return not is_dutch_word(word) and bool(
        re.search(rf"\b(?:in|uit|te|naar)\s+{re.escape(word)}\b", fold(text))
    )


def question_after_story(text: str, rules: RouterRules) -> str:
    """ "mijn zoon heeft een beperking. wat doet de stad voor mensen met een beperking?": the
    sentences that ask, when a story about the asker comes before them and they do not point
    back at it ("daar", "onze"); "" when there is no such story."""
    asking = without_context(text, rules)
    if asking == text or rules.pointers_to_story.matches(asking):
        return ""
    return asking


def question_alone(text: str, rules: RouterRules, vocabulary: Vocabulary) -> str:
    """ "mijn schoonvader heeft een melkveebedrijf. welke vzw helpt boeren in nood?": the
    question after the story, when it names no unknown thing itself; "" otherwise."""
    asking = question_after_story(text, rules)
    return "" if not asking or unknown_subjects(asking, rules, vocabulary) else asking


def covers_question(
    retrieved: Retrieved,
    plan: QuestionPlan,
    asking: str,
    rules: RouterRules,
    vocabulary: Vocabulary,
) -> bool:
    """The story's unknown thing may be left aside only when a card found covers what the
    question sentences ask (else "hoe maak ik dat voor zes man?" would pass)."""
    asked = set(words(asking))
    wanted = [w for w in plan.topic_words if w in asked]
    coverage = (
        vocabulary.subject_coverage(f.card, wanted, if_untold=0.0) for f in retrieved.cards[:2]
    )
    return max(coverage, default=0.0) >= rules.min_subject_coverage
