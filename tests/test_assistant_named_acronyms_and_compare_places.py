"""A comparison of one town's years stays in that town's reports; a name written in capitals
("PLUS") that the best card prints must be printed by the card that answers."""

from __future__ import annotations

from assistant_corpus import DOC_2020, DOC_2024
from assistant_helpers import aalst_card, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant

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
