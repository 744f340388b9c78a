"""Lists of actions by their end date field: on a day, before or by a day or a year, after one;
by their start date field alike, and only the actions under a plan the question numbers."""

from __future__ import annotations

from datetime import date

import pytest
from assistant_corpus import DOC_2020, DOC_2024, sample_index
from assistant_helpers import RULES, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.date_lists import (
    DateField,
    DateFilter,
    DateTest,
    date_filter,
    printed_day,
)
from actiewijzer.ingest.models import Card, CardFields, CardKind


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        (
            "Welke acties hadden 31-12-2023 als einddatum?",
            DateFilter(DateTest.ON, date(2023, 12, 31)),
        ),
        (
            "Welke acties hadden een einddatum ten laatste eind 2021?",
            DateFilter(DateTest.BY, date(2021, 12, 31)),
        ),
        (
            "Welke acties hebben een einddatum voor 2022?",
            DateFilter(DateTest.BY, date(2021, 12, 31)),
        ),
        (
            "Welke actie heeft als enige een einddatum na 2025?",
            DateFilter(DateTest.AFTER, date(2025, 12, 31)),
        ),
        ("welke acties eindigen in 2023?", DateFilter(DateTest.IN_YEAR, date(2023, 1, 1))),
        (
            "Welke acties hadden een einddatum vroeger dan 31-12-2025?",
            DateFilter(DateTest.BY, date(2025, 12, 30)),
        ),
        (
            "Welke acties eindigen ten laatste op 30/06/2024?",
            DateFilter(DateTest.BY, date(2024, 6, 30)),
        ),
        (
            "Welke acties hebben een einddatum later dan 31-12-2023?",
            DateFilter(DateTest.AFTER, date(2023, 12, 31)),
        ),
        (
            "welke acties hadden als einddatum 2023 of nog vroeger?",
            DateFilter(DateTest.BY, date(2023, 12, 31)),
        ),
        (
            "welke acties hebben een einddatum in 2026 of later?",
            DateFilter(DateTest.AFTER, date(2025, 12, 31)),
        ),
    ],
)
def test_a_list_by_end_date_reads_its_condition(question: str, expected: DateFilter) -> None:
    assert date_filter(question) == expected


def test_one_cards_end_date_or_a_year_elsewhere_is_no_list_by_end_date() -> None:
    assert date_filter("Wat is de einddatum van actie 01/11/SAP/01/04 in 2024?") is None
    assert date_filter("Welke acties liepen na 2020 nog?") is None  # no end date asked


def test_a_condition_admits_the_days_it_names() -> None:
    by_2021 = DateFilter(DateTest.BY, date(2021, 12, 31))
    assert by_2021.admits(date(2020, 12, 31)) and not by_2021.admits(date(2022, 12, 31))
    after = DateFilter(DateTest.AFTER, date(2025, 12, 31))
    assert after.admits(date(2029, 12, 31)) and not after.admits(date(2025, 12, 31))
    assert printed_day("31/12/2023") == date(2023, 12, 31)
    assert printed_day("31-02-2023") is None  # no such day
    assert printed_day(None) is None


def test_actions_ending_by_a_year_are_listed_with_their_status() -> None:
    answer = Assistant(sample_index()).ask(
        "Welke acties in het rapport over 2020 hadden een einddatum ten laatste eind 2022, en "
        "wat was hun status?"
    )
    cited = {(c.doc, c.id) for c in answer.citations}
    assert cited == {(DOC_2020, "01/11/SAP/01/02"), (DOC_2020, "01/11/SAP/03/01")}
    assert "31-12-2020, status 4-Afgerond" in answer.answer
    assert not answer.refused and answer.grounding.grounded


def test_the_evaluation_report_of_a_year_names_its_document() -> None:
    answer = Assistant(sample_index()).ask(
        "welke acties in het evaluatieverslag van 2020 hadden als einddatum 2022 of eerder?"
    )
    cited = {(c.doc, c.id) for c in answer.citations}
    assert cited == {(DOC_2020, "01/11/SAP/01/02"), (DOC_2020, "01/11/SAP/03/01")}
    # The year names the report, not a date the list goes by.
    assert RULES.named_document_years("in da evaluatieverslag van 2024 (q2)") == ["2024"]


def test_documents_without_end_dates_say_they_keep_none() -> None:
    answer = Assistant(sample_index()).ask("Welke acties in Aalst eindigen in 2024?")
    assert answer.refused and "geen einddatum per actie" in answer.answer
    assert not answer.citations


def test_a_list_by_start_date_reads_the_date_named_first() -> None:
    question = (
        "Welke acties hebben een startdatum later dan 01-01-2020? Geef ze met hun start- en "
        "einddatum."
    )
    assert date_filter(question) == DateFilter(DateTest.AFTER, date(2020, 1, 1), DateField.START)
    assert date_filter("Welke acties hebben een einddatum na 2025, met hun startdatum?") == (
        DateFilter(DateTest.AFTER, date(2025, 12, 31))
    )


def _dated(card_id: str, start: str, parent: str) -> Card:
    card = text_card("Lier zet in op kinderen.", f"Actie {card_id}", card_id=card_id, doc=DOC_2024)
    fields = CardFields(start_date=start, end_date="31-12-2025", status="2 - Halverwege")
    return card.model_copy(update={"fields": fields, "parent": parent})


def test_actions_of_a_numbered_plan_starting_late_are_listed_with_both_dates() -> None:
    plan_card = text_card(
        "Kinderarmoede.", "Kinderarmoede", "01/11/SAP/44", DOC_2024, CardKind.ACTIEPLAN
    )
    index = with_cards(
        plan_card,
        _dated("01/11/SAP/44/01", "01-01-2020", "01/11/SAP/44"),
        _dated("01/11/SAP/44/02", "01-12-2023", "01/11/SAP/44"),
        _dated("01/11/SAP/45/01", "01-06-2021", "01/11/SAP/45"),  # late, but under another plan
    )
    answer = Assistant(index).ask(
        "Welke acties van actieplan 01/11/SAP/44 hebben in de evaluatie 2024 een startdatum "
        "later dan 01-01-2020?"
    )
    assert [c.id for c in answer.citations] == ["01/11/SAP/44/02"]
    assert "startdatum 01-12-2023, einddatum 31-12-2025" in answer.answer
    assert answer.grounding.grounded
