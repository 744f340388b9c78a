"""The words of a citizen's story are not what the question is about: a verb ("de juf sprak
over ..."), a relative ("mijn schoonvader"); a document's short name ("het armoedeplan") does
not narrow the actions under a named goal; a dish for guests is out of scope."""

from __future__ import annotations

from assistant_corpus import DOC_VAPA, aalst
from assistant_helpers import RULES, plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.scope import Vocabulary, unknown_subjects
from actiewijzer.index.text_analysis import is_verb_form
from actiewijzer.ingest.models import Card, CardKind


def test_a_conjugated_verb_is_no_unknown_subject() -> None:
    vocabulary = Vocabulary(aalst().cards)
    question = "de juf sprak over een brugfiguur op school. in welke scholen werken die?"
    assert "sprak" not in unknown_subjects(question, RULES, vocabulary)
    assert [is_verb_form(w) for w in ["sprak", "gelanceerd", "woonwagens", "kringwinkel"]] == [
        True,
        True,
        False,  # a plural extends its noun
        False,
    ]
    # A thing's name is still one.
    assert "kringwinkel" in unknown_subjects("werkt aalst met de kringwinkel?", RULES, vocabulary)


def test_the_askers_relatives_are_no_unknown_subject() -> None:
    vocabulary = Vocabulary(aalst().cards)
    question = "mijn schoonvader is landbouwer. steunt de stad boeren in nood?"
    assert "schoonvader" not in unknown_subjects(question, RULES, vocabulary)


def _food_right() -> list[Card]:
    right = text_card(
        "Acties die inzetten op het grondrecht VOEDING",
        "Voeding",
        card_id="Grondrecht 10",
        doc=DOC_VAPA,
        kind=CardKind.GRONDRECHT,
    )
    actions = [
        ("10_04_01", "Gezonde maaltijden voor gezinnen", "We ondersteunen een gezonde maaltijd."),
        (
            "10_04_02",
            "Voedseloverschotten",
            "De overheid en haar partners geven overschotten door.",
        ),
        ("10_08_01", "Voedselverlies", "Werkzaamheden rond voedselverlies worden opgevolgd."),
    ]
    return [
        right,
        *(
            text_card(text, title, card_id=number, doc=DOC_VAPA).model_copy(
                update={"parent": right.id}
            )
            for number, title, text in actions
        ),
    ]


def test_everything_under_a_named_right_is_listed_whatever_the_documents_short_name() -> None:
    answer = Assistant(with_cards(*_food_right())).ask(
        "welke acties heeft de vlaamse regering in haar armoedeplan rond voeding? "
        "dus alles wat onder het grondrecht voeding valt"
    )
    listed = [c.id for c in answer.citations]
    assert {"10_04_01", "10_04_02", "10_08_01"} <= set(listed)


def test_a_dish_for_guests_is_out_of_scope() -> None:
    assert RULES.out_of_scope_in("hoe maak ik vol-au-vent voor zes man? mijn schoonmoeder komt")
    assert not RULES.out_of_scope_in("hoe maak ik een aanvraag voor vier personen?")


def test_a_neighbour_in_the_story_is_no_private_dispute() -> None:
    assert not RULES.out_of_scope_in(
        "tijdens de lockdown kreeg de zoon van mijn buurvrouw een laptop van het ocmw lier. "
        "hoeveel laptops werden er uitgedeeld?"
    )
    assert RULES.out_of_scope_in("mijn buurman heeft zijn haag te dicht bij mijn tuin geplant")
    assert RULES.out_of_scope_in("hoe schrijf ik een condoleancekaartje voor mijn buurvrouw?")


def test_a_day_out_for_people_in_poverty_is_in_scope() -> None:
    assert not RULES.out_of_scope_in(
        "geeft de lijn via vlaanderen busbiljetten voor een uitstap van gezinnen in armoede?"
    )
    assert RULES.out_of_scope_in("welke mooie wandelroutes zijn er rond aalst?")


def test_indefinite_words_name_no_topic() -> None:
    asked = plan(
        "ik hoorde dat sommige scholen iemand hebben die een soort brug is. welke scholen?"
    )
    assert not {"sommige", "iemand", "soort"} & set(asked.topic_words)
    assert "brug" in asked.topic_words


FARMERS = text_card(
    "De vzw Boeren op een Kruispunt helpt boeren en tuinders in nood met bedrijfstechnische "
    "steun en een luisterend oor. De vzw helpt boeren in nood.",
    "Boeren op een Kruispunt",
    card_id="02_08_03",
    doc=DOC_VAPA,
)


def test_a_thing_only_the_story_names_is_left_aside_when_a_card_covers_the_question() -> None:
    assistant = Assistant(with_cards(FARMERS))
    covered = assistant._prepare(
        "mijn broer heeft een melkveebedrijf en zit diep in de schulden. welke vzw helpt boeren "
        "en tuinders in nood?",
        [],
        None,
    )
    assert covered.task.plan.unknown_subjects == []
    assert "Boeren op een Kruispunt" in assistant.ask(covered.task.plan.question).answer
    # The question alone is about nothing found: the story's thing may be what is asked.
    uncovered = assistant._prepare(
        "mijn broer heeft een melkveebedrijf in aalst. hoe lang moet hij wachten op zijn geld?",
        [],
        None,
    )
    assert uncovered.task.plan.unknown_subjects == ["melkveebedrijf"]
    # A question pointing back at the story keeps its thing: "daar".
    pointing = assistant._prepare(
        "mijn broer heeft een melkveebedrijf. welke vzw helpt boeren daar?", [], None
    )
    assert pointing.task.plan.unknown_subjects == ["melkveebedrijf"]


def test_how_a_list_is_asked_names_no_topic() -> None:
    asked = plan("bij welke persona's wordt een of andere vorm van verslaving genoemd?")
    assert not {"andere", "vorm", "genoemd"} & set(asked.topic_words)
    assert "verslaving" in asked.topic_words
