"""Everyday words that ask no kind of question; a compound the cards never use but whose lead
they do ("Kerstmis" where the cards say "kerst"); a goal's actions listed together; a follow-up staying in the report talked about."""

from __future__ import annotations

import pytest
from assistant_corpus import DOC_2020, DOC_2024, DOC_VAPA
from assistant_helpers import RULES, aalst_card, aalst_goal, plan, text_card, with_cards

from actiewijzer.assistant.answer_kinds import counts_people, has_type
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.assistant.scope import Vocabulary, unknown_subjects
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.ingest.models import Card

CHRISTMAS = aalst_card(
    "Jaarlijks wordt op 25 december op een toegankelijke locatie een kerstfeest aangeboden voor "
    "wie het moeilijk heeft of wie eenzaam is.\n\n"
    "Het kerstfeest biedt minstens 250 mensen de kans om samen kerst te vieren.",
    "De Stad ondersteunt een jaarlijks kerstfeest voor wie het moeilijk heeft",
    "D40.1-A1",
)


def test_ready_for_the_work_floor_asks_no_status() -> None:
    question = "met welke drempels kampt de persona Thierry, waardoor hij niet klaar is voor werk?"
    assert plan(question).kind is QuestionKind.FACT
    assert plan("welke acties zijn klaar?").kind is QuestionKind.STATUS


def test_people_who_have_little_money_ask_for_no_budget() -> None:
    asked = plan("is er in aalst een kerstfeest voor mensen die weinig geld hebben?")
    assert asked.kind is QuestionKind.FACT


def test_a_compound_led_by_a_card_word_is_no_unknown_subject() -> None:
    vocabulary = Vocabulary([CHRISTMAS])
    assert vocabulary.card_word_leading("kerstmis", RULES.unknown_subject_max_zipf) == "kerst"
    assert unknown_subjects("is er in aalst iets met kerstmis?", RULES, vocabulary) == []
    # A lead as common as "school" says too little: "schoolbus" stays a thing no card names.
    school = aalst_card("De school krijgt steun.", "Steun voor de school", "D40.1-A2")
    assert Vocabulary([school]).card_word_leading("schoolbus", 5.0) is None


def test_christmas_finds_the_christmas_party_and_its_day() -> None:
    answer = Assistant(with_cards(CHRISTMAS)).ask(
        "Is er in Aalst met Kerstmis iets te doen voor wie alleen is? Op welke dag?"
    )
    assert not answer.refused
    assert "25 december" in answer.answer
    assert [c.id for c in answer.citations] == ["D40.1-A1"]


def _goal_with_actions() -> list[Card]:
    return aalst_goal(
        "50.1",
        "De Stad biedt kansen aan anderstalige nieuwkomers",
        [
            (
                "De Stad ondersteunt conversatiegroepen om Nederlands te oefenen",
                "Babbelgroep is een conversatiegroep waar men Nederlands oefent.",
            ),
            (
                "De Stad organiseert theater om Nederlands te oefenen",
                "Voorstellingen voor wie Nederlands oefent.",
            ),
            (
                "De Stad rolt de campagne oefen Nederlands in de winkel uit",
                "Handelaars maken van hun winkel een oefenplaats.",
            ),
            (
                "De Stad bestendigt het Leerpunt in de bibliotheek",
                "In het Leerpunt staan materialen om Nederlands te leren.",
            ),
        ],
    )


def test_most_actions_of_a_goal_listed_bring_its_last_one_that_touches_the_topic() -> None:
    answer = Assistant(with_cards(*_goal_with_actions())).ask(
        "welke acties heeft aalst om nederlands te oefenen?"
    )
    listed = [c.id for c in answer.citations]
    assert {"D50.1-A1", "D50.1-A2", "D50.1-A3", "D50.1-A4"} <= set(listed)


def _support_in_both_reports() -> InMemoryCardIndex:
    card_id, title = "01/11/SAP/04/09", "Woonbegeleiding"
    in_2020 = text_card(
        "In 2020 startte de woonbegeleiding. Vanaf 2021 komt er een tweede luik.",
        title, card_id=card_id, doc=DOC_2020,
    )  # fmt: skip
    in_2024 = text_card(
        "Sinds eind 2021 bestaat de woonbegeleiding uit twee luiken: ambulant en met verblijf.",
        title, card_id=card_id, doc=DOC_2024,
    )  # fmt: skip
    return with_cards(in_2020, in_2024)


@pytest.mark.parametrize(
    ("report", "doc"), [("evaluatie 2024 Q2", DOC_2024), ("rapport 2020", DOC_2020)]
)
def test_a_follow_up_stays_in_the_report_the_previous_answer_quoted(report: str, doc: str) -> None:
    # Both cards print 2021 and neither report covers it: the conversation's report decides.
    history = [
        ChatTurn(role="user", content="wat doet Lier rond woonbegeleiding?"),
        ChatTurn(role="assistant", content=f"Volgens actie 01/11/SAP/04/09 „Woonbegeleiding” "
                 f"(Stad Lier – {report}): de woonbegeleiding loopt."),
    ]  # fmt: skip
    answer = Assistant(_support_in_both_reports()).ask(
        "en hoe is die woonbegeleiding sinds eind 2021 opgedeeld?", history
    )
    assert answer.citations[0].doc == doc


def test_a_deadline_answers_until_when_and_naar_welk_opens_a_second_question() -> None:
    assert has_type("Deadline kandidaturen 02/06/2023 om 23u59", "end_date")
    assert has_type("Aanvragen kan uiterlijk op 15/09/2023.", "end_date")
    assert not has_type("De lancering volgde op 21/04/2023.", "end_date")
    question = "Tot wanneer kan ik mijn kandidatuur indienen, en naar welk mailadres stuur ik die?"
    assert RULES.question_parts(question) == [
        "Tot wanneer kan ik mijn kandidatuur indienen,",
        "en naar welk mailadres stuur ik die?",
    ]


def test_a_follow_up_keeps_asking_how_often_and_townspeople_with_thousands_are_counted() -> None:
    history = [
        ChatTurn(role="user", content="hoe vaak kun je binnenlopen bij het Woonatelier in Lier?"),
        ChatTurn(role="assistant", content="Volgens actie 01/11/SAP/04/03: 2 inloopmomenten."),
    ]
    follow_up = plan("en hoe zit dat bij de hulp voor huurders in Aalst?", history)
    assert follow_up.answer_type == "count" and follow_up.counts_occasions
    assert counts_people("In 2024 zijn er momenteel 4.407 Lierenaars met een UiTPAS.")
    assert not counts_people("In 2023 waren er 1.637 cliëntcontacten.")


def _uitpas_cards() -> InMemoryCardIndex:
    flemish = text_card(
        "Uitrol van de UiTPAS. 2017: implementatie van de UiTPAS in de stad Lier.",
        "Uitrol van de UiTPAS in Vlaanderen", card_id="06_09_99", doc=DOC_VAPA,
    )  # fmt: skip
    in_lier = text_card(
        "In 2023 hadden 5.971 Lierenaars een UiTPAS met kansentarief.",
        "Participatie aan vrije tijd", card_id="01/11/SAP/02/95", doc=DOC_2024,
    )  # fmt: skip
    return with_cards(flemish, in_lier)


def test_a_numbered_card_of_another_plan_that_speaks_of_the_town_asked_answers() -> None:
    answer = Assistant(_uitpas_cards()).ask(
        "Welk jaar noemt actie 06_09_99 voor de UiTPAS in de stad Lier?"
    )
    assert not answer.refused
    assert [c.id for c in answer.citations] == ["06_09_99"]


def test_a_second_part_naming_its_own_report_leaves_the_first_parts_number() -> None:
    answer = Assistant(_uitpas_cards()).ask(
        "Welk jaar noemt actie 06_09_99 voor de UiTPAS in de stad Lier, en hoeveel Lierenaars "
        "hadden volgens de evaluatie in 2023 een UiTPAS met kansentarief?"
    )
    assert "5.971" in answer.answer
    assert {c.id for c in answer.citations} == {"06_09_99", "01/11/SAP/02/95"}
