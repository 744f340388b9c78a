"""Which documents and card numbers a question points at: places, report kinds, years, ids."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import POINTED_AT, fold, place_forms, prints_phrase, words
from actiewijzer.ingest.models import Card, DocumentInfo

_ID_TOKEN = re.compile(r"[a-z]+|[0-9]+")
_YEARS = re.compile(r"(?:19|20)\d{2}")
# "(actie Acute Opvang)", "volgens het project 'Mama Lier'": a card named by its title; also
# "de actie rond het subsidiëren van lokale netwerken" (the title: "Subsidiëren van ...").
_NAMED_TITLE = re.compile(
    r"\b(?:actie|actieplan|project)\s+(?:(?:rond|over|omtrent|inzake)\s+(?:het\s+|de\s+)?)?"
    r"[\"'„‘]?([a-z][\w'’ -]+)"
)
_TITLE_WORDS = 2


def id_key(card_id: str) -> tuple[str, ...]:
    """'07-04-01', '07_04_01' and 'ACTIE 07_04_01' share a key."""
    return tuple(_ID_TOKEN.findall(fold(card_id)))


def document_years(info: DocumentInfo) -> set[int]:
    found = [int(y) for y in _YEARS.findall(info.period)]
    if len(found) >= 2:
        return set(range(min(found), max(found) + 1))
    return set(found) | ({info.year} if info.year else set())


def documents_in_scope(
    text: str, years: Sequence[int], docs: Sequence[DocumentInfo], by_kind: bool = False
) -> list[str]:
    """Documents the question points at (by place, report kind or year); all when it names none."""
    folded = set(re.findall(r"[\w-]+", fold(text)))
    by_place = [
        d.doc
        for d in docs
        if any(form in folded for m in d.municipalities for form in place_forms(fold(m)))
        or (_names_flanders(folded) and "vlaams" in fold(d.issuer))
    ]
    chosen = by_place or [d.doc for d in docs]
    if by_kind:
        # "voor dat actieplan": a card the conversation named, not the Flemish action plan.
        named = set(re.findall(r"[\w-]+", POINTED_AT.sub(" ", fold(text))))
        kinds = [d.doc for d in docs if d.doc in chosen and _names_kind(named, d.report_kind)]
        chosen = kinds or chosen
    by_year = [d.doc for d in docs if years and document_years(d) & set(years)]
    return [doc for doc in chosen if doc in by_year] or chosen


_FLEMISH = frozenset(["vlaams", "vlaamse", "vlaanderen", "vapa"])


def _names_flanders(words: set[str]) -> bool:
    """ "Vlaanderen", "de Vlaamse overheid", "het VAPA", "VAPA-actie": the Flemish plan."""
    return any(w in _FLEMISH or w.startswith("vapa-") for w in words)


def reports_named(text: str, docs: Sequence[DocumentInfo], rules: RouterRules) -> list[str]:
    """The documents a text names by place, report kind or the year in a report's name ("de
    evaluatie van 2024"); a figure's year ("in 2023") does not narrow."""
    named_years = [int(year) for year in rules.named_document_years(text)]
    return documents_in_scope(text, named_years, docs, by_kind=True)


def foreign_places(places: Sequence[str], docs: Iterable[DocumentInfo]) -> list[str]:
    """The places a question names that no document is about."""
    known = {fold(m) for d in docs for m in d.municipalities}
    return [p for p in places if fold(p) not in known]


def _names_kind(question_words: set[str], report_kind: str) -> bool:
    """'evaluatierapport', 'evaluatie' and 'beleidsplan' name a report kind; 'plan' does not."""
    kind_words = [w for w in re.findall(r"[\w-]+", fold(report_kind)) if len(w) >= 7]
    # "ESF-addendum" names the "addendum ESF-oproep".
    question_words = question_words | {p for w in question_words for p in w.split("-")}
    return any(
        q == k or (len(q) >= 7 and (k.startswith(q) or k.endswith(q)))
        for q in question_words
        for k in kind_words
    )


def prefer_years(
    found: Sequence[FoundCard], years: Sequence[int], told: Sequence[str] = ()
) -> list[FoundCard]:
    """Cards from a document covering the year; else cards printing it, those of the documents
    told first (the one the conversation is in); else all of them."""
    asked = set(years)
    covering = [f for f in found if document_years(f.document) & asked]
    printing = [f for f in found if any(str(y) in f.card.text for y in asked)]
    told_printing = [f for f in printing if f.card.doc in told]
    return covering or told_printing or printing or list(found)


def cards_named_by_title(text: str, cards: Sequence[Card]) -> list[Card]:
    """Cards whose title starts with the words after "actie" in the question."""
    named = []
    for match in _NAMED_TITLE.finditer(fold(text)):
        # Up to the second word that carries meaning: "uitbouw van de huizen", "acute opvang".
        words, meaningful = [], 0
        for word in match.group(1).split():
            words.append(word)
            meaningful += len(word) >= 4
            if meaningful == _TITLE_WORDS:
                break
        if meaningful < _TITLE_WORDS:
            continue
        head = " ".join(words)
        named += [c for c in cards if fold(c.title).startswith(head)]
    return named


# A name the title quotes: "Ondersteuning van het project “Jouw Sleutel”".
_QUOTED_NAME = re.compile(r"(?<!\w)[“\"‘'](?P<name>[^“”\"‘’']{3,60})[”\"’'](?!\w)")
_MIN_ONE_WORD_NAME = 8  # "Energielening" is a name; "Taal" alone says too little


def cards_named_by_quoted_name(text: str, cards: Sequence[Card]) -> list[Card]:
    """Cards whose title quotes a name the question uses ("wat is dat project jouw sleutel?"):
    the card about the thing, not the ones that mention it in passing."""
    named = []
    for card in cards:
        for match in _QUOTED_NAME.finditer(card.title):
            name = " ".join(fold(match.group("name")).split())
            if " " not in name and len(name) < _MIN_ONE_WORD_NAME:
                continue
            if prints_phrase(text, name):
                named.append(card)
                break
    return named


def cards_named_by_kind(text: str, cards: Sequence[Card]) -> list[Card]:
    """Cards the question names by their kind and whole title ("het actieplan Kinderarmoede",
    "onder het grondrecht Voeding"). Unlike `cards_named_by_title`, a one-word title counts:
    the kind word makes it a name."""
    folded = fold(text)
    phrases = ((card, fold(f"{card.kind} {card.title}")) for card in cards)
    # The substring test first: most cards are not named, and their patterns need no compiling.
    return [
        card
        for card, phrase in phrases
        if phrase in folded and re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", folded)
    ]


def parents_named_by_kind(text: str, cards: Sequence[Card]) -> list[Card]:
    """Cards named by their kind and whole title that have cards under them: a list asked of
    one of these is its children."""
    under = {(c.doc, c.parent) for c in cards if c.parent}
    return [card for card in cards_named_by_kind(text, cards) if (card.doc, card.id) in under]


# What a document may answer in a section of its own, titled after it ("Lokale contactpersoon").
TITLED_SECTIONS = ("contact", "person", "address")


def titled_for(card: Card, answer_type: str | None, rules: RouterRules) -> bool:
    """Whether the card is a section titled after the kind of answer asked ("wie kan ik
    bellen?" -> "Lokale contactpersoon")."""
    return answer_type in TITLED_SECTIONS and any(
        rules.answer_type(w) == answer_type for w in words(card.title)
    )
