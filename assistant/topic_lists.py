"""Topic lists: every card about a topic, with the actions of a goal that is on it."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import replace
from itertools import pairwise

from actiewijzer.assistant.evidence import field_values
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.retriever_base import RetrieverBase
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.scope import question_after_story
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.assistant.text import (
    content_words,
    fold,
    prints_phrase,
    stems,
    words,
    written_names,
)
from actiewijzer.assistant.topics import (
    TopicScorer,
    children_of,
    coordinated,
    descends_from,
    listed_together,
)
from actiewijzer.index.models import SearchFilters
from actiewijzer.index.text_analysis import dutch_zipf, head_and_rest, is_verb_form
from actiewijzer.ingest.models import Card

TOPIC_MAX_CARDS = 25
_SIBLINGS_NAMING_A_GOAL = 2
_MIN_SHORTENED_PART = 4  # "plan" in "armoedeplan"


class TopicLists(RetrieverBase):
    """Every card about the topic asked, not only the best search hits."""

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
        naming = self._naming(plan, scope)
        texts = [f"{c.title}\n{c.text}" for c in cards]
        stopwords = router_rules().stopword_set
        asked = name_phrases(plan.question) or written_names(plan.question, texts, stopwords)
        names = _narrowest([n for n in asked if not naming & set(words(n))], cards)
        if printing := _in_asked_field(plan, cards_printing(cards, names), names):
            # "samen met vzw Mondiale Werken": the cards that print the name, not every card on
            # one of its words; the name is what each card's line should show.
            printing.sort(key=lambda c: order.get(c.key, len(order)))
            named = [by_key.get(c.key) or self.found(c) for c in printing[:TOPIC_MAX_CARDS]]
            return Retrieved(cards=named, topic_words=names, names=names)
        side_by_side = listed_together(plan.text, topic)
        scorer = TopicScorer(cards, topic, coordinated(plan.text, topic), side_by_side)
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
        listed = _in_asked_field(plan, listed, sorted(scorer.required))
        cards = [by_key.get(c.key) or self.found(c) for c in listed]
        return Retrieved(cards=cards, topic_words=scorer.named_topic())

    def _asked_children(
        self, plan: QuestionPlan, scope: list[str], parents: list[Card], cards: list[Card]
    ) -> list[Card]:
        """The cards under the named ones; those the rest of the question is about, when it
        asks more than the name ("welke acties onder actieplan Werkervaring kansengroepen
        krijgen een vervolg binnen TROEF?") and some of them are about it."""
        children = children_of(cards, parents)
        # "onder het grondrecht Voeding": the kind word names the parent too.
        named = {stem for p in parents for stem in stems(fold(f"{p.kind} {p.title}"))}
        rest = [w for w in self._topic_words(plan, scope) if not named & stems(w)]
        if not rest:
            return children
        about = {s.card.key for s in TopicScorer(children, rest).ranked()}
        return [c for c in children if c.key in about] or children

    def _topic_under(
        self, plan: QuestionPlan, named: list[FoundCard], filters: SearchFilters | None
    ) -> Retrieved | None:
        """ "In welke acties van beleidsdoelstelling 01/11 werkt Lier samen met Arktos?": the
        cards on the topic anywhere under the named number, not every card right under it."""
        if not named:
            return None
        doc = named[0].card.doc
        ancestors = [f.card for f in named if f.card.doc == doc]
        # "welke acties onder actieplan 01/11/SAP/01 Werkervaring kansengroepen": the title
        # only repeats the number; nothing narrows the list.
        titles = {w for card in ancestors for w in content_words(card.title)}
        narrowing = [w for w in self._topic_words(plan, [doc]) if w not in titles]
        if not narrowing:
            return None
        every = self.source.cards(doc)
        found = self._topic(plan, [doc], filters)
        under = [f for f in found.cards if descends_from(f.card, ancestors, every)]
        if not under:
            return None
        topic = found.topic_words or narrowing
        return replace(
            found, cards=[*under, *named[:1]], nearest=[], under=named[:1], topic_words=topic
        )

    def _topic_words(self, plan: QuestionPlan, scope: list[str]) -> list[str]:
        """Topic words, less those that only name the document ("lokaal sociaal beleidsplan")."""
        naming = self._naming(plan, scope)
        wanted = [w for w in self._answer_words(plan) if w not in naming]
        asking = question_after_story(plan.question, router_rules())
        if plan.kind is QuestionKind.TOPIC and not plan.is_follow_up and asking:
            # "mijn zoon heeft een beperking en ik werk in een maatwerkbedrijf. wat doet de stad
            # voor mensen met een beperking?": the list is on what is asked, not on the story.
            asked = set(words(asking))
            wanted = [w for w in wanted if w in asked] or wanted
        # "bij welke acties treedt Ligo op als partner?": a conjugated verb says what is done,
        # not what the actions are about.
        wanted = [w for w in wanted if not is_verb_form(w)] or wanted
        return list(dict.fromkeys(wanted))

    def _naming(self, plan: QuestionPlan, scope: list[str]) -> set[str]:
        """The question's words that name a document in scope, as its label, kind or issuer."""
        naming = set()
        for doc in scope:
            info = self.documents[doc]
            naming |= set(content_words(f"{info.label} {info.report_kind} {info.issuer}"))
        naming |= {part for word in naming for part in word.split("-") if len(part) >= 3}
        # "armoedeplan" for "Actieplan Armoedebestrijding": a compound led by the start of one
        # naming word and ending as another names the document in short.
        question = words(plan.text)
        naming |= {w for w in question if _shortens(w, naming)}
        # "lokaal addendum": a word right before a naming word describes the document too.
        naming |= {w for w, after in pairwise(question) if after in naming}
        return naming


def _shortens(word: str, naming: set[str]) -> bool:
    return any(
        any(n.startswith(head) for n in naming) and any(n.endswith(rest) for n in naming)
        for head, rest in head_and_rest(word)
        if len(head) >= _MIN_SHORTENED_PART and len(rest) >= _MIN_SHORTENED_PART
    )


# Two or more capitalised words in a row ("Groep Intro", "Mondiale Werken"), or one next to
# "vzw" ("vzw Ariadne"): the name of an organisation or a project.
_NAME_RUN = re.compile(r"[A-ZÀ-Ý][\wÀ-ÿ&'’-]*(?:\s+[A-ZÀ-Ý][\wÀ-ÿ&'’-]*)+")
_NEXT_TO_VZW = re.compile(
    r"(?i:\bvzw)\s+([A-ZÀ-Ý][\wÀ-ÿ&'’-]+)|([A-ZÀ-Ý][\wÀ-ÿ&'’-]+)\s+(?i:vzw)\b"
)
_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Ý][a-zà-ÿ]{2,}(?![\w-])")
_NAME_MAX_ZIPF = 2.3  # "Ligo" (2.0), "Arktos"; not "Lierse" (3.3) nor "Vlaamse"
_SENTENCE_START = re.compile(r"(?:^|[.?!:]\s+)([A-ZÀ-Ý][\wÀ-ÿ&'’-]*)\s+")


def name_phrases(question: str) -> list[str]:
    """The names a question writes with capitals, not counting a sentence's first word, nor a
    place ("OCMW Lier" names the town's own services)."""
    text = _SENTENCE_START.sub(
        lambda m: m.group(0).replace(m.group(1), m.group(1).lower()), question
    )
    found = [m.group(0) for m in _NAME_RUN.finditer(text)]
    found += [m.group(1) or m.group(2) for m in _NEXT_TO_VZW.finditer(text)]
    # "het centrum voor basiseducatie Ligo": one capitalised word no Dutch text uses otherwise.
    found += [w for w in _CAPITALISED.findall(text) if dutch_zipf(fold(w)) < _NAME_MAX_ZIPF]
    places = router_rules().place_words
    # "Aalsterse", "Lierse": a place's adjective is no name of its own.
    found = [n for n in found if not any(fold(n).startswith(p) for p in places if len(p) >= 4)]
    # "Groep Intro vzw": the whole name, not "Intro" alone.
    whole = [n for n in found if not any(n != o and n in o for o in found)]
    return list(dict.fromkeys(n for n in whole if not places & set(words(n))))


# Who carries an action: "voor welke acties is de VMSW de verantwoordelijke administratie?"
_WHO_FIELDS = ("trekker", "kabinet", "administratie", "partners")


def _in_asked_field(plan: QuestionPlan, cards: list[Card], names: Sequence[str]) -> list[Card]:
    """The cards whose asked field (trekker, kabinet, ...) names the topic, when some do: the
    VMSW named among the other actors of an action is not its administration."""
    asked = [f for f in plan.fields if f in _WHO_FIELDS]
    if not asked or not names:
        return cards
    holding = [
        c
        for c in cards
        if any(
            prints_phrase(value.value, name) for value in field_values(c, asked) for name in names
        )
    ]
    return holding or cards


def _narrowest(names: list[str], cards: list[Card]) -> list[str]:
    """ "team Veiligheid van de dienst Samenleving": one name inside another; the cards
    printing the inner one all print the outer one too, and only they are asked for. Names
    of different things ("cluster Zorg en dienst Sport") each keep their cards."""
    if len(names) < 2:
        return names  # the usual case: no card needs scanning for it
    printing = {n: {c.key for c in cards_printing(cards, [n])} for n in names}
    found = [n for n in names if printing[n]]
    if len(found) < 2:
        return names
    inner = min(found, key=lambda n: len(printing[n]))
    nested = all(printing[inner] < printing[n] for n in found if n != inner)
    return [inner] if nested else names


def cards_printing(cards: list[Card], names: list[str]) -> list[Card]:
    """The cards whose title or text prints one of the names, as whole words."""
    return [c for c in cards if any(prints_phrase(f"{c.title}\n{c.text}", n) for n in names)]
