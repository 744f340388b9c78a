"""A citizen's story around the question: its adverbs, verbs and stand-in words name no thing the
documents might be silent on; an age bound printed as "tot 8 jaar" answers "tot welke leeftijd"."""

from __future__ import annotations

import pytest
from assistant_corpus import aalst
from assistant_helpers import RULES, aalst_card, plan

from actiewijzer.assistant.answer_kinds import has_type
from actiewijzer.assistant.scope import Vocabulary, covers_subject, unknown_subjects
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.ingest.models import Card

SWAP_SHOP = aalst_card(
    "De Stad zet in op de verdere uitbouw van de ruilwinkel Weg & Weer.", "Ruilwinkel", "D4.2-A1"
)
MARKET = aalst_card(
    "Op de markt hebben vrijwilligers van de vzw gewonnen met een kraam.", "Kraam", "D4.2-A2"
)


def test_an_adverb_is_no_unknown_subject() -> None:
    question = "we vinden in aalst nergens opvang voor ons kindje, is er een loket?"
    assert "nergens" not in unknown_subjects(question, RULES, Vocabulary(aalst().cards))


@pytest.mark.parametrize(
    ("question", "named", "not_named"),
    [
        # "daar ... aan": the preposition belongs to "daaraan", the verb after it is no thing.
        ("tot welke leeftijd mocht ge daar aan meedoen?", [], ["meedoen"]),
        ("mocht ge aan de fotowedstrijd meedoen?", ["fotowedstrijd"], []),
        # "onze oudste": a comparative standing for the child it describes.
        ("onze oudste gaat naar het middelbaar", ["middelbaar"], ["oudste"]),
        ("is er in aalst een grotere kringwinkel?", ["kringwinkel"], ["grotere"]),
    ],
)
def test_the_things_a_story_names(question: str, named: list[str], not_named: list[str]) -> None:
    things = RULES.named_things(question)
    assert all(word in things for word in named)
    assert not any(word in things for word in not_named)


def _covered(question: str, card: Card) -> bool:
    vocabulary = Vocabulary([*aalst().cards, SWAP_SHOP, MARKET])
    asked = plan(question)
    asked.unknown_subjects = unknown_subjects(asked.text, RULES, vocabulary)
    assert asked.unknown_subjects == ["spandoeken"]
    return covers_subject(
        Retrieved(cards=[FoundCard(card, aalst().info)]), asked, RULES, vocabulary
    )


def test_a_story_verb_the_card_lacks_does_not_count_against_it() -> None:
    # "gewonnen" is rare in the cards, so it would weigh as much as the shop's own name.
    assert _covered("wie hebben er gewonnen met spandoeken aan de ruilwinkel?", SWAP_SHOP)


def test_a_story_verb_the_card_uses_brings_it_nearer() -> None:
    assert _covered("wie hebben er gewonnen met spandoeken?", MARKET)


@pytest.mark.parametrize(
    ("line", "has_age"),
    [
        ("Fotowedstrijd voor kinderen tot 8 jaar.", True),
        ("Het aanbod staat open vanaf 12 jaar.", True),
        ("Het project loopt 3 jaar.", False),
    ],
)
def test_an_age_bound_answers_which_age(line: str, has_age: bool) -> None:
    assert has_type(line, "age") is has_age
