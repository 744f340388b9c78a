"""A card named by the name its title quotes; a list asked by a partner's name; a question that
points back at the conversation without the words a follow-up usually has ("hoeveel korting
geven die hotels dan?")."""

from __future__ import annotations

from assistant_corpus import DOC_VAPA
from assistant_helpers import aalst_card, conversation, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.doc_scope import cards_named_by_quoted_name
from actiewijzer.assistant.topic_lists import name_phrases
from actiewijzer.ingest.models import Card

NAMED = text_card(
    "Budgettair engagement 21.000 euro op jaarbasis vanuit Brusselbeleid.\n\n"
    "Sinds 2013 organiseert Concertvereniging Zuid het project Open Deur: mensen in armoede "
    "bezoeken kosteloos een concert.",
    "Ondersteuning van het project “Open Deur”",
    card_id="97_09_07",
    doc=DOC_VAPA,
)
MENTIONS = text_card(
    "Budget: 2016 Project Groot Atelier – 35.100 euro; 2017 Via de beleidskredieten vanuit het "
    "Brusselbeleid, specifiek voor het participatieproject “Open Deur” van het concertseizoen: "
    "15.460 euro per jaar. Vlaanderen geeft zo elk jaar geld aan het project Open Deur.\n\n"
    "Concertvereniging Zuid organiseert jaarlijks het project “Open Deur” waarbij 400 kansarmen "
    "een concert bijwonen. Het project Open Deur brengt mensen in armoede naar een concert.",
    "Participatie van armen bevorderen in het concertseizoen",
    card_id="97_09_01",
    doc=DOC_VAPA,
)
HOLIDAYS = text_card(
    "Het Steunpunt Zomervakantie is een netwerk dat het recht op vakantie voor iedereen wil "
    "realiseren.\n\n"
    "650 toeristische aanbieders voorzien een sociaal kortingstarief van 30 tot 80% en "
    "deelnemers betalen een eigen bijdrage.\n\n"
    "In 2016 gingen 131.506 personen in armoede zo op daguitstap of vakantie.",
    "Iedereen verdient een zomervakantie",
    card_id="97_05_01",
    doc=DOC_VAPA,
)
ABOUT_HOLIDAYS = conversation(
    "kunnen mensen met weinig geld van vlaanderen op zomervakantie?",
    "Ja. Actie 97_05_01 ‘Iedereen verdient een zomervakantie’: het Steunpunt Zomervakantie helpt "
    "mensen met een laag inkomen op vakantie.",
)


def test_a_card_whose_title_quotes_the_name_asked_is_named() -> None:
    question = (
        "wat is dat project open deur precies, wie organiseert het en hoeveel geeft vlaanderen "
        "daar per jaar voor vanuit het brusselbeleid?"
    )
    assert cards_named_by_quoted_name(question, [MENTIONS, NAMED]) == [NAMED]
    answer = Assistant(with_cards(NAMED, MENTIONS)).ask(question)
    assert answer.citations[0].id == "97_09_07"
    assert "21.000 euro" in answer.answer


def test_a_second_part_pointing_back_takes_its_amount_from_the_card_talked_about() -> None:
    answer = Assistant(with_cards(NAMED, MENTIONS)).ask(
        "wat is dat project open deur precies, en hoeveel geeft vlaanderen daar per jaar voor "
        "vanuit het brusselbeleid?"
    )
    assert [c.id for c in answer.citations] == ["97_09_07"]
    assert "21.000 euro" in answer.answer and "15.460" not in answer.answer


def test_a_short_one_word_quoted_name_names_no_card() -> None:
    short = text_card("Lessen Nederlands.", "De Stad rolt ‘Taal’ uit", card_id="97_01_01")
    assert cards_named_by_quoted_name("hoe gaat het met de taal van mijn kind?", [short]) == []


def test_a_question_pointing_back_without_follow_up_words_reads_as_one() -> None:
    question = (
        "hoeveel korting geven die hotels en pretparken dan ongeveer? "
        "en moet je zelf nog iets betalen of is het helemaal gratis?"
    )
    answer = Assistant(with_cards(HOLIDAYS)).ask(question, ABOUT_HOLIDAYS)
    assert not answer.refused
    assert "30 tot 80%" in answer.answer
    assert [c.id for c in answer.citations] == ["97_05_01"]


def test_an_unanswerable_question_after_a_conversation_stays_refused() -> None:
    answer = Assistant(with_cards(HOLIDAYS)).ask(
        "hoeveel kost een bewonersparkeerkaart in Gent?", ABOUT_HOLIDAYS
    )
    assert answer.refused
    assert not answer.citations


def _partner_cards() -> list[Card]:
    first = aalst_card(
        "Met deze werking biedt de Stad jongeren een attitudetraining op maat.\n\n"
        "Samenwerkingsovereenkomst met: Groep Zonnewijzer vzw",
        "De Stad realiseert een werking voor jongeren",
        "D60.1-A1",
    )
    second = aalst_card(
        "Vijftig cliënten met een taalachterstand worden intensief begeleid naar werk.\n\n"
        "Hiertoe is een samenwerkingsverband opgezet met Groep Zonnewijzer vzw.",
        "De Stad activeert nieuwkomers",
        "D60.1-A2",
    )
    passing = aalst_card(
        "Elke burger wordt toegeleid naar het aanbod dat best aansluit bij diens noden.",
        "De Stad stemt de sociale sites op elkaar af",
        "D60.1-A3",
    )
    return [first, second, passing]


def test_name_phrases_are_capitalised_runs_not_places_nor_a_sentence_start() -> None:
    asked = "Voor welke acties sluit de stad een overeenkomst met Groep Zonnewijzer vzw?"
    assert name_phrases(asked) == ["Groep Zonnewijzer"]
    assert name_phrases("Werkt het OCMW Lier samen met vzw Ariadne?") == ["Ariadne"]
    assert name_phrases("Welke acties gaan over wonen?") == []


def test_a_list_asked_by_a_partner_name_holds_the_cards_printing_it() -> None:
    answer = Assistant(with_cards(*_partner_cards())).ask(
        "Voor welke acties van Aalst sluit de stad een overeenkomst met Groep Zonnewijzer vzw?"
    )
    assert sorted(c.id for c in answer.citations) == ["D60.1-A1", "D60.1-A2"]
    # The line naming the partner points back: the line before it says what it is for.
    assert "taalachterstand" in answer.answer
