"""Money printed outside a budget table: in a card's budget field, or as "miljoen euro"; and a
count whose counted word stands inside a compound."""

from __future__ import annotations

from assistant_corpus import vapa
from assistant_helpers import RULES, plan, text_card, with_cards

from actiewijzer.assistant.answer_check import holds_answer
from actiewijzer.assistant.answer_kinds import has_type
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import CardFields

STEWARDS = text_card(
    "Vlaanderen zet buurtstewards in voor de integratie van Roma.\n\n"
    "Tegen 2020 moet 33% van de buurtstewards zelf uit de Roma-gemeenschap komen.",
    "Inzetten van buurtstewards voor Roma",
    card_id="02_04_09",
    doc=vapa().info.doc,
).model_copy(update={"fields": CardFields(other={"Budget": "800.000 per jaar (2016-2020)"})})


def test_a_figure_in_the_budget_field_is_the_amount_and_the_rest_is_answered_too() -> None:
    answer = Assistant(with_cards(STEWARDS)).ask(
        "Welk budget is voorzien voor actie 02_04_09 en welk aandeel van de buurtstewards moet "
        "zelf Roma zijn?"
    )
    assert "800.000 per jaar" in answer.answer
    assert "staat geen bedrag" not in answer.answer
    assert "33%" in answer.answer


def test_millions_of_euro_are_an_amount() -> None:
    assert has_type("In periode 2014-2020 stijgen de EU-middelen met 5,3 miljoen Euro.", "amount")


def test_a_count_of_the_asked_thing_inside_a_compound_answers() -> None:
    loans = text_card(
        "Het systeem wordt overal beschikbaar.\n\nSinds begin 2015 werden al 8447 energieleningen goedgekeurd.",
        "De Energielening wordt verder geoptimaliseerd",
        card_id="08_03_09",
    )
    assert holds_answer(
        loans, plan("hoeveel leningen waren er al goedgekeurd?"), RULES.stopword_set
    )
