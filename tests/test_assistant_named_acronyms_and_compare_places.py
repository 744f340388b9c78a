"""A comparison of one town's years stays in that town's reports; a name written in capitals
("PLUS") that the best card prints must be printed by the card that answers; a document's
section titled after what is asked ("Lokale contactpersoon") answers it; a follow-up comparing
with another town answers for both."""

from __future__ import annotations

from assistant_corpus import DOC_2020, DOC_2024, DOC_ESF
from assistant_helpers import aalst_card, conversation, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import CardKind

SWAP_2020 = text_card(
    "In 2020 vonden 109 openingsmomenten plaats in de Ruilwinkel van het Huis van het Kind.",
    "Organisatie Huis van het kind",
    card_id="01/11/SAP/02/13",
    doc=DOC_2020,
)
SWAP_2024 = text_card(
    "2023: Ruilwinkel: 124 openingsmomenten; 1164 in; 2157 uit.",
    "Organisatie Huis van het kind",
    card_id="01/11/SAP/02/13",
    doc=DOC_2024,
)
SWAP_AALST = aalst_card(
    "De werking van de Ruilwinkel van het Huis van het Kind evolueerde: in 2023 waren er 150 "
    "openingsmomenten in de Ruilwinkel.",
    "De Stad zet in op de verdere uitbouw van de ruilwinkel",
    "D4.2-A1",
)


def test_a_comparison_of_one_towns_years_cites_only_that_towns_reports() -> None:
    answer = Assistant(with_cards(SWAP_2020, SWAP_2024, SWAP_AALST)).ask(
        "Hoe evolueerde de werking van de Ruilwinkel van het Huis van het Kind in Lier tussen "
        "2020 en 2023? Vergelijk het aantal openingsmomenten."
    )
    assert {c.doc for c in answer.citations} == {DOC_2020, DOC_2024}
    assert "109" in answer.answer and "124" in answer.answer


PLUS = text_card(
    "In het schooljaar 2022 - 2023 ontving PLUS 237 aanmeldingen. In het schooljaar 23 - 24 "
    "heeft PLUS haar werking verder uitgebouwd; cijfers volgen in september 2024.",
    "Bevordering gekwalificeerde uitstroom van leerlingen",
    card_id="01/11/SAP/02/05",
)
REGISTRATION = text_card(
    "In het schooljaar 2023 - 2024 meldden 632 leerlingen zich aan via het aanmeldingssysteem.",
    "Organisatie centraal aanmeldingssysteem schoolinschrijvingen",
    card_id="01/11/SAP/02/06",
)


def test_a_count_without_the_name_asked_is_no_answer() -> None:
    answer = Assistant(with_cards(PLUS, REGISTRATION)).ask(
        "hoeveel leerlingen meldden zich in het schooljaar 2023-2024 aan bij PLUS in Lier?"
    )
    assert answer.refused
    assert "632" not in answer.answer


def test_the_documents_contact_section_answers_who_to_call() -> None:
    kind = CardKind.SECTIE
    other = text_card(
        "Binnen de regio is in kader van de Europese oproep voor lokale partnerschappen heel wat "
        "expertise opgedaan. Kleine vzw's uit Nijlen kunnen meedoen met de oproep.",
        "Andere lokale input",
        card_id="Sectie 6",
        doc=DOC_ESF,
        kind=kind,
    )
    contact = text_card(
        "Heb je inhoudelijke vragen over het addendum? Neem dan contact op met Guido "
        "Vangoidsenhoven, guido.vangoidsenhoven@mechelen.be, 015 29 83 02",
        "Lokale contactpersoon",
        card_id="Sectie 8",
        doc=DOC_ESF,
        kind=kind,
    )
    answer = Assistant(with_cards(other, contact)).ask(
        "wij zijn een kleine vzw in nijlen en willen meedoen met die europese oproep voor lokale "
        "partnerschappen. wie kan ik bellen met vragen en op welk nummer?"
    )
    assert "015 29 83 02" in answer.answer
    assert [c.id for c in answer.citations] == ["Sectie 8"]


def test_a_follow_up_comparing_with_another_town_answers_for_both() -> None:
    # The earlier question names Aalst and the follow-up only Lier: no clause of the follow-up
    # names Aalst, and its card is searched with the whole question (this used to crash).
    history = conversation(
        "Wat doet Aalst met de Ruilwinkel van het Huis van het Kind?",
        "In Aalst zet de Stad in op de uitbouw van de ruilwinkel.",
    )
    answer = Assistant(with_cards(SWAP_2020, SWAP_2024, SWAP_AALST)).ask(
        "en hoe vergelijkt dat met de ruilwinkel in Lier?", history
    )
    assert not answer.refused
    assert "D4.2-A1" in {c.id for c in answer.citations}
    assert {c.doc for c in answer.citations} & {DOC_2020, DOC_2024}
