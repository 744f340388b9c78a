"""Where something took place is a place, hall or site, not a date or the town the question
names; "welke site" asks a place, not a website; a card with no line to quote is no answer."""

from __future__ import annotations

from assistant_corpus import DOC_ESF
from assistant_helpers import aalst_card, plan, text_card, with_cards

from actiewijzer.assistant.answer_kinds import has_type
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import CardKind

TIMING = text_card(
    "Lancering addendum 21/04/2023. Deadline kandidaturen 02/06/2023 om 23u59.\n\n"
    "Pitches en jury Woensdag 14/06 (13u-17u), Vrijdag 16/06 (9u-12u). Communicatie over "
    "beslissing Voor 15/07/2023 Ontvangen en beoordelen van weerwoord.",
    "Lokale timing",
    card_id="Sectie 7",
    doc=DOC_ESF,
    kind=CardKind.SECTIE,
)


def test_a_location_is_a_place_not_a_date() -> None:
    assert plan("Op welke locatie vonden de pitches plaats?").answer_type == "location"
    assert has_type(
        "De Stad verhuurt standplaatsen op de locaties Bleekveld en Zijpstraat.", "location"
    )
    assert has_type("De sessie vond plaats in zaal Karthuizershof.", "location")
    assert not has_type("Communicatie over beslissing Voor 15/07/2023 Ontvangen", "location")


def test_a_location_the_documents_do_not_give_is_not_answered_with_a_date() -> None:
    answer = Assistant(with_cards(TIMING)).ask(
        "Op welke locatie vonden de pitches voor de jury plaats voor het addendum van Lier, "
        "Berlaar en Nijlen?"
    )
    assert answer.refused
    assert "14/06" not in answer.answer


def test_which_site_asks_a_place_not_a_website() -> None:
    assert plan("welke site en timing worden nu vooropgesteld?").answer_type != "contact"
    assert plan("op welke website vind ik dat?").answer_type == "contact"


def test_a_card_with_no_line_to_quote_is_no_answer() -> None:
    goal = aalst_card("", "De Stad zet in op mobiliteit", "Doelstelling 44.3").model_copy(
        update={"kind": CardKind.DOELSTELLING}
    )
    answer = Assistant(with_cards(goal)).ask("wat doet doelstelling 44.3 van aalst?")
    assert answer.refused
    assert answer.answer.startswith("Dat staat niet in de documenten")
