"""Years a question names but does not ask: a bound ("na 2025"); a year it asks without naming
("het jaar ervoor"); and who won an election, which the plans do not tell."""

from __future__ import annotations

from assistant_helpers import RULES, plan


def test_a_year_after_na_bounds_the_year_asked() -> None:
    asked = plan("hoeveel geld geeft aalst in 2026 voor de nachtopvang? gaat het door na 2025?")
    assert asked.years == [2026]
    # Alone it is still the year the question is about.
    assert plan("wat gebeurt er met de nachtopvang na 2025?").years == [2025]


def test_the_year_before_in_the_same_question_is_asked_too() -> None:
    asked = plan("hoeveel meldingen kwamen er in 2020, en hoeveel waren dat er het jaar ervoor?")
    assert asked.years == [2019, 2020]
    assert plan("hoeveel meldingen waren er in 2020?").years == [2020]


def test_who_won_an_election_is_out_of_scope_but_a_plan_citing_one_is_not() -> None:
    assert RULES.out_of_scope_in("wie heeft de gemeenteraadsverkiezingen in lier gewonnen?")
    assert not RULES.out_of_scope_in("welk decreet kwam er tegen de gemeenteraadsverkiezingen?")
