"""A goal that prints nothing but its title leaves the answer to its action: the action says what
the goal's words stand for."""

from __future__ import annotations

from assistant_helpers import aalst_card, aalst_goal, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.card_lines import card_lines

SITES = aalst_goal(
    "50.1",
    "De Stad zet in op de uitbouw van strategische sociale sites",
    [
        (
            "De Stad zorgt voor samenwerking tussen de sociale sites",
            "Binnen de Stad hebben we verschillende strategische sociale sites (bv. het Sociaal "
            "Huis, de Zorgbalie, De Gendarmerie).",
        )
    ],
)


def test_a_goal_printing_only_its_title_is_answered_by_its_action() -> None:
    answer = Assistant(with_cards(*SITES)).ask(
        "welke strategische sociale sites wil aalst uitbouwen?"
    )
    assert [c.id for c in answer.citations] == ["D50.1-A1"]
    assert "Zorgbalie" in answer.answer


def test_a_goals_number_with_its_colon_and_title_is_no_line_of_its_own() -> None:
    goal = aalst_card(
        "Doelstelling 1.3: De Stad zet in op sociale sites. De Stad zorgt voor samenwerking "
        "tussen de sites.",
        "De Stad zet in op sociale sites",
        "Doelstelling 1.3",
    )
    assert card_lines(goal) == ["De Stad zorgt voor samenwerking tussen de sites."]
