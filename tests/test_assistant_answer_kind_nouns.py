"""A noun that only names the kind of answer wanted ("welke cijfers ...?") is not what the
question is about: the card need not print it to hold the answer."""

from __future__ import annotations

from assistant_corpus import DOC_2020
from assistant_helpers import plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant

QUESTION = (
    "Welke cijfers geeft het Lierse rapport over 2020 voor de ruilwinkel van het Huis van het Kind?"
)
SWAP_SHOP = text_card(
    "In 2020 vonden 109 openingsmomenten plaats in de Ruilwinkel; er zijn 648 inkomende "
    "kledingbewegingen geregistreerd.",
    "Organisatie Huis van het kind",
    card_id="01/11/SAP/02/13",
    doc=DOC_2020,
)


def test_a_noun_naming_the_kind_of_answer_is_no_focus() -> None:
    asked = plan(QUESTION)
    assert asked.answer_type == "count"
    assert "cijfers" not in asked.focus_words
    # A noun naming what is counted still is.
    assert plan("hoeveel openingsmomenten waren er in 2020?").focus_words == ["openingsmomenten"]


def test_which_figures_is_answered_with_the_figures() -> None:
    answer = Assistant(with_cards(SWAP_SHOP)).ask(QUESTION)
    assert not answer.refused
    assert "109 openingsmomenten" in answer.answer
