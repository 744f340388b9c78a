"""A message asking what an action does and, in a last clause or sentence, whether money goes
with it: the budget table answers only the last ask, so each ask is answered on its own."""

from __future__ import annotations

import pytest
from assistant_corpus import sample_index
from assistant_helpers import RULES

from actiewijzer.assistant.assistant import Assistant


@pytest.mark.parametrize(
    "question",
    [
        "Hoe werkt het lokaal cliëntoverleg in Aalst, wie begeleidt het, en staat er een "
        "werkingsbudget bij?",
        "ik hoorde dat aalst lokaal cliëntoverleg aanbiedt. hoe werkt da en wie begeleidt het? "
        "is daar budget voor?",
        "hoe werkt het lokaal cliëntoverleg in aalst, wie begeleidt het en wat kost dat?",
        "hoe werkt het lokaal cliëntoverleg in aalst? wie begeleidt het en is daar geld voor?",
    ],
)
def test_the_way_it_works_and_the_budget_are_both_answered(question: str) -> None:
    answer = Assistant(sample_index()).ask(question)
    assert not answer.refused
    assert "case manager" in answer.answer  # how it works, from the card's text
    assert "11 114,35 EUR" in answer.answer  # the budget table
    assert [c.id for c in answer.citations] == ["D1.1-A3"]


@pytest.mark.parametrize(
    "question",
    [
        # Only dates the question after it: one question.
        "en in 2020? wat meldde het rapport toen over die tolkenondersteuning, welk bedrag?",
        # The last sentence asks no money.
        "hoe werkt het lokaal cliëntoverleg? wie begeleidt het?",
    ],
)
def test_no_money_asked_apart_keeps_one_question(question: str) -> None:
    assert RULES.question_parts(question) == [question]
