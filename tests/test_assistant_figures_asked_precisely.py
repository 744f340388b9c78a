"""Figures asked the way an analyst asks them: the quarter that names a report is no quarter of
the figure, a budget for a year the card does not date is not in the documents, two counts
sharing one verb are one question, and a budget table comes with the line naming what was asked."""

from __future__ import annotations

import pytest
from assistant_corpus import DOC_VAPA
from assistant_helpers import RULES, aalst_card, conversation, plan, text_card, with_cards

from actiewijzer.assistant.answer_check import holds_answer
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.ingest.models import Card, CardFields

ASKED_IN_Q2_REPORT = (
    "In de evaluatie van het tweede kwartaal 2024: hoeveel leerlingen kregen in 1A hun school "
    "van tweede keuze toegewezen?"
)


def test_the_quarter_naming_the_report_is_no_quarter_of_the_figure() -> None:
    assert plan(ASKED_IN_Q2_REPORT).quarters == []
    assert plan("hoeveel aanvragen waren er in het tweede kwartaal van 2023?").quarters == [2]


def test_a_count_in_the_q2_report_answers_without_naming_a_quarter() -> None:
    card = text_card(
        "Centraal aanmeldingssysteem secundair onderwijs 2024.\n\n"
        "Voor 1A: 22 leerlingen (2,18%) kregen hun school van 2e keuze toegewezen.",
        "Organisatie centraal aanmeldingssysteem schoolinschrijvingen",
    )
    assert holds_answer(card, plan(ASKED_IN_Q2_REPORT), RULES.stopword_set)


def _trajecten(budget_words: str) -> Card:
    return text_card(
        "Het aantal activeringstrajecten voor werkzoekenden met medische, mentale, psychische "
        "en psychiatrische problemen (MMPP) wordt uitgebreid.",
        "Integrale trajecten werk-welzijn uitbreiding voor MMPP",
        card_id="07_07_14",
        doc=DOC_VAPA,
    ).model_copy(update={"fields": CardFields(other={"Budget": budget_words})})


def test_a_budget_dated_another_year_is_not_the_budget_asked() -> None:
    card = _trajecten("Voor 2017 is er 2.200.000 Euro voorzien.")
    answer = Assistant(with_cards(card)).ask("Welk budget was er in 2016 voor actie 07_07_14?")
    assert answer.refused and answer.answer.startswith("Dat staat niet in de documenten.")
    assert "2.200.000" in answer.answer  # shown as what the card does print
    asked_2017 = Assistant(with_cards(card)).ask("Welk budget was er in 2017 voor actie 07_07_14?")
    assert not asked_2017.refused and "2.200.000" in asked_2017.answer


def test_an_undated_budget_still_answers_a_year() -> None:
    card = _trajecten("Het budget bedraagt 2.200.000 euro.")
    answer = Assistant(with_cards(card)).ask("Welk budget was er in 2016 voor actie 07_07_14?")
    assert not answer.refused and "2.200.000" in answer.answer


@pytest.mark.parametrize(
    ("question", "parts"),
    [
        ("Hoeveel stuks speelgoed en hoeveel luiers gingen er de deur uit?", 1),
        ("hoeveel geld was er en hoeveel projecten werden er gekozen?", 2),
    ],
)
def test_two_counts_sharing_one_verb_are_one_question(question: str, parts: int) -> None:
    assert len(RULES.question_parts(question)) == parts


def test_a_unit_after_how_many_is_not_the_thing_counted() -> None:
    assert RULES.focus_words("hoeveel stuks speelgoed gingen de deur uit?") == ["speelgoed"]
    assert RULES.focus_words("hoeveel kinderen kwamen er?") == ["kinderen"]


def test_a_budget_answer_shows_the_line_naming_what_was_asked() -> None:
    # The title does not name the Buurbel; the table alone would not show it is the one asked.
    buurbel = aalst_card(
        "Met de Buurbel ontwikkelt de stad een technologie om burgers met elkaar in contact te "
        "brengen door middel van de telefoon.\n\nEr loopt een proefproject in drie buurten.",
        "De stad brengt buurtbewoners met elkaar in contact door middel van nieuwe technologie.",
        "D40.4-A1",
        budget="15 900 EUR",
    )
    answer = Assistant(with_cards(buurbel)).ask(
        "hoeveel geld steekt aalst in de buurbel om buurtbewoners in contact te brengen?"
    )
    assert "15 900 EUR" in answer.answer
    assert "Met de Buurbel ontwikkelt de stad" in answer.answer


def test_which_sum_with_a_word_before_it_asks_an_amount() -> None:
    jaarbedrag = plan("Welk maximaal jaarbedrag vermeldt het plan voor het kenniscentrum?")
    assert jaarbedrag.answer_type == "amount"
    assert plan("welk totaalbedrag staat er bij?").answer_type == "amount"


def test_a_credit_asks_the_budget_field() -> None:
    assert "budget_notes" in plan("Hoeveel krediet voorzag de minister voor de oproep?").fields


def test_a_year_asked_of_the_card_talked_about_finds_its_line() -> None:
    card = text_card(
        "Lier voorziet een tolkenondersteuning voor gesprekken tussen ouders en school.\n\n"
        "351 opdrachten zijn effectief uitgevoerd dankzij ondersteuning van stad en OCMW Lier.\n\n"
        "In 2024 zijn er actueel 482 aanvragen geregistreerd en 258 opdrachten uitgevoerd.",
        "Tolkenondersteuning voor het onderwijs",
        card_id="01/11/SAP/02/08",
    )
    history = conversation(
        "hoeveel keer heeft lier vorig jaar een tolk betaald voor gesprekken met de school?",
        "Volgens actie 01/11/SAP/02/08 zijn in 2023 351 opdrachten uitgevoerd.",
    )
    asked = plan("ok. en dit jaar al? hoeveel zijn er in 2024 tot nu toe?", history)
    top = best_lines(card, asked, RULES.stopword_set, 1)
    assert top and "482 aanvragen" in top[0].text
