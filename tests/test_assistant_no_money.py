"""A budget field saying no money is planned ("Nihil", "Vereist geen budget") answers "hoeveel
geld?": none. One saying the sum is not known yet ("Te onderzoeken") does not."""

from __future__ import annotations

import pytest
from assistant_corpus import DOC_VAPA
from assistant_helpers import RULES, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import Card, CardFields


def _afstemming(budget_words: str) -> Card:
    return text_card(
        "Onderwijs en Welzijn onderzoeken hoe studiefinanciering en kinderbijslag elkaar kunnen "
        "versterken.",
        "Afstemming kinderbijslag - studiefinanciering",
        card_id="03_02_01",
        doc=DOC_VAPA,
    ).model_copy(
        update={
            "fields": CardFields(
                kabinet="Kabinet Onderwijs", other={"Budgettair engagement": budget_words}
            )
        }
    )


@pytest.mark.parametrize(
    "budget_words", ["Nihil", "Vereist geen budget", "geen", "Budgettair neutraal"]
)
def test_no_money_planned_is_the_answer_to_how_much(budget_words: str) -> None:
    answer = Assistant(with_cards(_afstemming(budget_words))).ask(
        "Hoeveel geld is er voorzien voor actie 03_02_01?"
    )
    assert not answer.refused
    assert budget_words in answer.answer
    assert [c.id for c in answer.citations] == ["03_02_01"]


def test_a_sum_not_known_yet_is_still_not_in_the_documents() -> None:
    answer = Assistant(with_cards(_afstemming("Te onderzoeken"))).ask(
        "Hoeveel geld is er voorzien voor actie 03_02_01?"
    )
    assert answer.refused and answer.answer.startswith("Dat staat niet in de documenten.")
    assert "Te onderzoeken" in answer.answer


@pytest.mark.parametrize(
    ("budget_words", "none"),
    [
        ("Nihil", True),
        ("Er zullen hier door de Vlaamse overheid geen bijkomende budgetten worden voorzien", True),
        ("Budgettair neutraal: de schaalvoordelen komen het sociaal beleid ten goede", True),
        ("Nog te bepalen", False),
        ("Kleine onkosten voor organisatie werkbezoeken", False),
        ("2015: geen 2016: geen 2017: Nog te onderzoeken", False),
    ],
)
def test_which_budget_words_say_no_money(budget_words: str, none: bool) -> None:
    assert RULES.says_no_money(budget_words) is none
