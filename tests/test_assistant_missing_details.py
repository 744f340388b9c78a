"""A detail the cards leave out is not filled in from a neighbouring card: a count for an action
named by its title, opening hours, a website, the other side of a comparison, another town's plan,
a subject the question names that no card covers."""

from __future__ import annotations

import pytest
from assistant_corpus import DOC_ESF, aalst, esf, lier_2024, sample_documents
from assistant_helpers import RULES, aalst_card, plan, text_card, with_cards

from actiewijzer.assistant.answer_kinds import has_type
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.backends import AnswerTask
from actiewijzer.assistant.extractive import ExtractiveBackend
from actiewijzer.assistant.followup import is_follow_up
from actiewijzer.assistant.models import ChatTurn
from actiewijzer.assistant.rules import names_as_place, names_plan_of
from actiewijzer.assistant.scope import Vocabulary, covers_subject, unknown_subjects
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.ingest.models import Card, ParsedDocument


def two_documents(lier: list[Card], aalst_cards: list[Card] = ()) -> InMemoryCardIndex:  # type: ignore[assignment]
    return InMemoryCardIndex(
        [
            ParsedDocument(info=lier_2024().info, cards=lier),
            ParsedDocument(info=aalst().info, cards=list(aalst_cards)),
        ]
    )


WEEK = text_card(
    "Naar aanleiding van de Week van de Opvoeding organiseert Lier jaarlijks een activiteit voor "
    "ouders; ook in 2023 bereikte de week veel ouders.",
    "Week van de opvoeding",
    card_id="01/11/SAP/02/12",
)
MOTHERS = text_card(
    "In 2023 bereikte een nieuwe groep 15 ouders, 2 lesdagen per week, over opvoeding.",
    "Uitvoering Mama Lier",
    card_id="01/11/SAP/02/16",
)
WEEK_QUESTION = "hoeveel ouders bereikte de Week van de opvoeding in 2023?"


def test_a_count_for_an_action_named_by_its_title_is_not_taken_from_another_card() -> None:
    answer = Assistant(two_documents([WEEK, MOTHERS])).ask(WEEK_QUESTION)
    assert answer.refused and "15 ouders" not in answer.answer
    assert answer.citations[0].id == "01/11/SAP/02/12"


def test_a_card_printing_the_named_title_may_still_answer() -> None:
    report = text_card(
        "In 2023 namen 120 ouders deel aan de Week van de Opvoeding.",
        "Verslag opvoedingsondersteuning",
        card_id="01/11/SAP/02/18",
    )
    answer = Assistant(two_documents([WEEK, report])).ask(WEEK_QUESTION)
    assert not answer.refused and "120" in answer.answer


@pytest.mark.parametrize(
    ("line", "is_time"),
    [
        ("Open op dinsdag van 9u tot 12u.", True),
        ("Onthaal om 14 uur, inloop tot 16.30", True),
        ("Uitgaven 2023: 1.174,33 euro", False),
        ("2 lesdagen per week, 12.500 euro", False),
    ],
)
def test_opening_hours_are_clock_times(line: str, is_time: bool) -> None:
    assert has_type(line, "hours") is is_time


def test_opening_hours_the_cards_do_not_give_are_not_in_the_documents() -> None:
    assert plan("wat zijn de openingsuren van de ruilwinkel?").answer_type == "hours"
    swap_shop = aalst_card(
        "De Stad zet in op de verdere uitbouw van de ruilwinkel Weg & Weer.",
        "Ruilwinkel",
        "D4.2-A1",
    )
    index = InMemoryCardIndex([ParsedDocument(info=aalst().info, cards=[swap_shop])])
    answer = Assistant(index).ask("wat zijn de openingsuren van de ruilwinkel in Aalst?")
    assert answer.refused


def test_a_website_is_contact_information() -> None:
    assert plan("op welke website vind ik dat overzicht?").answer_type == "contact"
    assert has_type("Meer info op www.aalst.be/welzijn", "contact")
    assert not has_type("Het overzicht wordt verder ontsloten.", "contact")


def test_a_town_is_named_as_a_place_or_as_the_owner_of_a_plan() -> None:
    assert names_as_place("253 nachten nachtopvang te Mechelen", "Mechelen")
    assert not names_as_place("Crisisopvang vanuit CAW Boom Mechelen Lier.", "Mechelen")
    assert names_plan_of("wat zegt het beleidsplan van Mechelen over dakloosheid?", "Mechelen")
    assert not names_plan_of("hoeveel nachten in de nachtopvang in Mechelen?", "Mechelen")


SHELTER = text_card(
    "Crisisopvang vanuit CAW Boom Mechelen Lier. Voor 2023 maakten we 253 nachten gebruik van "
    "nachtopvang te Mechelen.",
    "Acute opvang voor mensen in woonnood",
    card_id="01/11/SAP/04/01",
)


def test_another_towns_plan_is_not_answered_from_a_card_mentioning_that_town() -> None:
    assistant = Assistant(with_cards(SHELTER))
    answer = assistant.ask("wat staat er in het beleidsplan van Mechelen over nachtopvang?")
    assert answer.refused and "Mechelen" in answer.answer and not answer.citations
    # The card does speak of the night shelter in Mechelen that Lier uses.
    assert not assistant.ask("hoeveel nachten nachtopvang te Mechelen gebruikte Lier?").refused


def test_a_comparison_whose_one_side_lacks_the_counted_thing_is_not_made() -> None:
    beds = aalst_card(
        "Aalst biedt in de winter 20 bedden nachtopvang aan dak- en thuislozen.",
        "De Stad realiseert nachtopvang voor dak- en thuislozen",
        "D9.1-A1",
    )
    answer = Assistant(two_documents([SHELTER], [beds])).ask(
        "Vergelijk het aantal bedden nachtopvang in Aalst en in Lier: hoeveel bedden zijn er?"
    )
    assert answer.refused
    assert "20 bedden" in answer.answer  # the side that has it is still shown
    assert "Voor actie 01/11/SAP/04/01" in answer.answer


def test_several_subjects_no_card_names_outweigh_the_common_words_a_card_shares() -> None:
    energy = text_card(
        "Mensen in armoede krijgen gratis bescherming tegen afsluiting van energie.",
        "Actieplan energiearmoede",
    )
    vocabulary = Vocabulary([*(c for d in sample_documents() for c in d.cards), energy])
    asked = plan("beschermt de stad mensen in armoede tegen hittegolven met gratis ventilatoren?")
    asked.unknown_subjects = unknown_subjects(asked.text, RULES, vocabulary)
    assert {"hittegolven", "ventilatoren"} <= set(asked.unknown_subjects)
    retrieved = Retrieved(cards=[FoundCard(energy, lier_2024().info)])
    assert not covers_subject(retrieved, asked, RULES, vocabulary)


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("wanneer opent het nieuwe zwembad in Lier?", "zwembad"),  # Zipf 4.5: everyday, not common
        ("wat zegt het plan over armoede bij gepensioneerden?", "gepensioneerden"),
    ],
)
def test_unknown_subjects_include_everyday_things_and_those_after_any_preposition(
    question: str, subject: str
) -> None:
    assert subject in unknown_subjects(question, RULES, Vocabulary(lier_2024().cards))


def test_a_place_is_never_an_unknown_subject() -> None:
    vocabulary = Vocabulary([WEEK])  # no card prints "Aalst" or "Gent"
    assert unknown_subjects("welk budget is er in Aalst en in Gent?", RULES, vocabulary) == []


def test_a_demonstrative_after_a_preposition_points_back_however_long_the_question() -> None:
    question = "Wie zit er mee aan tafel in dat structureel overleg, en wat was de planning?"
    history = [ChatTurn(role="user", content="Welke actie stemt de vrijetijdsinstrumenten af?")]
    assert is_follow_up(question, history, RULES)
    assert not is_follow_up(question, [], RULES)
    # A relative pronoun after a noun does not point back.
    assert not is_follow_up(
        "Welke organisaties die met jongeren werken krijgen subsidie van de stad Lier?",
        history,
        RULES,
    )


def test_words_naming_the_document_do_not_decide_which_card_answers() -> None:
    launch = text_card(
        "Communicatie: de lancering van het addendum op 21/04/2023, de deadline voor kandidaturen op 02/06/2023.", "Lokale timing",
        card_id="Sectie 7", doc=DOC_ESF,
    )  # fmt: skip
    intro = text_card(
        "Lokaal werkingsgebied: Lier, Heist o/d Berg, Berlaar, Nijlen.",
        "Lokaal Addendum Lier – Heist o/d Berg – Berlaar - Nijlen",
        card_id="Sectie 1", doc=DOC_ESF,
    )  # fmt: skip
    index = InMemoryCardIndex([ParsedDocument(info=esf().info, cards=[intro, launch])])
    answer = Assistant(index).ask(
        "wanneer werd het lokaal addendum voor lier, heist, berlaar en nijlen gelanceerd?"
    )
    assert "21/04/2023" in answer.answer
    assert [c.id for c in answer.citations] == ["Sectie 7"]


def test_a_lower_card_about_none_of_the_subject_does_not_answer() -> None:
    intro = text_card(
        "Lokaal werkingsgebied: Lier, Heist o/d Berg, Berlaar, Nijlen. Dit addendum is voor de regio.",
        "Lokaal Addendum", card_id="Sectie 1", doc=DOC_ESF,
    )  # fmt: skip
    timeline = text_card(
        "Communicatie: de lancering van het addendum op 21/04/2023, de deadline voor kandidaturen op 02/06/2023.",
        "Lokale timing", card_id="Sectie 7", doc=DOC_ESF,
    )  # fmt: skip
    enriched = text_card(
        "Op de verrijkingsdag werden de types dienstverlening aangevuld door externe partners.",
        "Arena-analyse", card_id="Sectie 5", doc=DOC_ESF,
    )  # fmt: skip
    index = InMemoryCardIndex([ParsedDocument(info=esf().info, cards=[intro, timeline, enriched])])
    answer = Assistant(index).ask(
        "op welke datum vond de verrijkingsdag voor het addendum Lier, Berlaar en Nijlen plaats?"
    )
    assert answer.refused and "21/04/2023" not in answer.answer


def test_of_two_cards_found_alike_the_one_whose_title_names_the_subject_answers() -> None:
    outreach = text_card(
        "Nog meer dan vroeger vonden mensen de weg naar het straathoekwerk: 171 nieuwe mensen"
        " werden bereikt. Wie een woning zoekt, verwijzen we door naar het Woonatelier.",
        "Straathoekwerk",
        card_id="A1",
    )
    housing = text_card(
        "Het Woonatelier kreeg 58 openingsmomenten.\n\n"
        "108 unieke cliënten vonden de weg naar het ondersteuningsaanbod.",
        "Uitbouw project Woonatelier",
        card_id="A2",
    )
    info = lier_2024().info
    index = with_cards(outreach, housing)
    vocabulary = Vocabulary(index.cards())
    asked = plan("Hoeveel mensen vonden de weg naar het Woonatelier?")
    # The search scores both the same; the street work card even shares more of the words.
    retrieved = Retrieved(cards=[FoundCard(outreach, info, 1.0), FoundCard(housing, info, 1.0)])
    task = AnswerTask(plan=asked, retrieved=retrieved, source=index, vocabulary=vocabulary)
    answer = ExtractiveBackend().compose(task)
    assert "108 unieke cliënten" in answer.text and "171" not in answer.text
