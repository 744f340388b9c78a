"""A month of a year is asked under its quarter: the Lier evaluation reports monthly counts
below a heading per quarter ("Kwartaal 2 - 2023: ... Juni: 34"). Dialect "wa" opens a second
question as "wat" does."""

from __future__ import annotations

from assistant_helpers import RULES, plan, text_card, top_line

from actiewijzer.assistant.answer_kinds import asked_quarters

WORK_PLACES = text_card(
    "Kwartaal 2 - 2023:\n"
    "- Op maandbasis liepen er gemiddeld 30,3 trajecten.\n"
    "- Aantal trajecten per maand:\no April: 27\no Mei: 30\no Juni: 34\n"
    "Kwartaal 4 - 2023:\n"
    "- Op maandbasis liepen er gemiddeld 34,67 trajecten.",
    "Verhoging aantal werkervaringsplaatsen voor leefloners (art. 60)",
    card_id="01/11/SAP/01/05",
)


def test_a_month_of_a_year_asks_its_quarter() -> None:
    assert asked_quarters("hoeveel trajecten liepen er in juni 2023?") == {2}
    assert asked_quarters("wat gebeurde er in oktober 2022?") == {4}
    # A day names when something happened, not the quarter a count is for.
    assert asked_quarters("loopt het sinds 1 januari 2017?") == set()


def test_the_count_under_the_months_quarter_answers() -> None:
    assert plan("hoeveel art 60 trajecten liepen er in juni 2023?").quarters == [2]
    line = top_line(WORK_PLACES, "hoeveel art 60 trajecten liepen er in juni 2023?")
    assert "34,67" not in line


def test_wa_opens_a_second_question() -> None:
    parts = RULES.question_parts(
        "hoeveel trajecten liepen er in juni 2023? en wa was het gemiddelde?"
    )
    assert parts == ["hoeveel trajecten liepen er in juni 2023?", "en wa was het gemiddelde?"]
