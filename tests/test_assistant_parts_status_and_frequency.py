"""A report named once holds for every part of the question; statuses by number and by "bijna";
"hoe dikwijls" answered by "maandelijks"; idioms about money that ask for none; the status of
a named action; lists under a card named by kind and title. (A count question whose answering
lines count nothing is tested over the real index.)"""

from __future__ import annotations

from assistant_corpus import DOC_2020, DOC_2024, DOC_VAPA, _card
from assistant_helpers import RULES, plan, text_card, top_line, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.ingest.models import CardKind


def test_a_report_named_in_one_part_is_the_one_every_part_asks_about() -> None:
    index = with_cards(
        _card(
            DOC_2024,
            "01/11/SAP/01/02",
            CardKind.ACTIE,
            "Uitbesteding intensieve trajecten naar werk(ervaring)",
            163,
            213,
            parent="01/11/SAP/01",
            status="2 - Halverwege",
        ),
    )
    question = "Loopt actie 01/11/SAP/01/02 nog? En wat staat er over de partners in de evaluatie van 2024?"
    answer = Assistant(index).ask(question)
    assert {c.doc for c in answer.citations} == {DOC_2024}
    # Asked alone, the number is answered for each report that has it.
    alone = Assistant(index).ask("Loopt actie 01/11/SAP/01/02 nog?")
    assert {c.doc for c in alone.citations} == {DOC_2020, DOC_2024}


def test_a_status_is_asked_by_its_number_or_as_nearly_finished() -> None:
    assert plan("Welke acties van Lier staan op status 3?").status_matches == ["3 -", "3-"]
    assert plan("welke acties staan op status 4, voltooid dus?").status_word == "status 4"
    assert "nadert einde" in plan("welke acties zijn bijna voltooid?").status_matches
    assert "afgerond" in plan("welke acties zijn voltooid?").status_matches


def test_how_often_is_answered_by_how_often_it_recurs() -> None:
    asked = plan("is er een café voor mantelzorgers? hoe dikwijls is dat?")
    assert asked.answer_type == "count" and asked.counts_occasions
    card = text_card(
        "In 2023 sloten 12 vrijwilligers aan bij het team. "
        "Maandelijkse organisatie van het mantelzorgcafé als aanspreekpunt voor mantelzorgers.",
        "De Stad ondersteunt mantelzorgers",
    )
    assert top_line(card, "hoe dikwijls is er een mantelzorgcafé?").startswith("Maandelijkse")


def test_people_with_little_money_ask_for_no_budget_in_a_follow_up() -> None:
    history = [
        ChatTurn(
            role="user", content="hoeveel mensen hebben een uitpas voor mensen met weinig geld?"
        ),
        ChatTurn(role="assistant", content="In 2023 hadden 5.971 Lierenaars een Uitpas."),
    ]
    asked = plan("en dit jaar? zijn dat er meer?", history)
    assert asked.kind is QuestionKind.FACT
    assert "budget_notes" not in asked.fields and "money_notes" not in asked.fields
    assert plan("hoeveel geld gaat naar de uitpas?").kind is QuestionKind.BUDGET


def test_no_talk_of_the_sources_is_a_steer() -> None:
    assert RULES.adversarial_in("dus geen gezever over documenten of actienummers.")
    assert not RULES.adversarial_in("staat dat in geen enkel document over Lier?")


def test_a_named_action_asked_whether_it_still_runs_shows_its_status_first() -> None:
    assert plan("Loopt het project van actie 01/11/SAP/01/02 in Lier nog?").fields[0] == "status"
    fields = plan("hoe staat het met actie 01/11/SAP/01/02?").fields
    assert fields.index("status") < fields.index("status_notes")
    # "tot wanneer loopt ..." asks an end date, not the status.
    assert "status" not in plan("tot wanneer loopt actie 01/11/SAP/01/02?").fields


def test_the_actions_under_a_card_named_by_kind_and_title_are_listed() -> None:
    index = with_cards(
        _card(DOC_VAPA, "Grondrecht 10", CardKind.GRONDRECHT, "Voeding", 21314, 21316),
        _card(
            DOC_VAPA,
            "10_04_01",
            CardKind.ACTIE,
            "Gezonde en betaalbare maaltijden voor gezinnen met (jonge) kinderen uit kwetsbare doelgroepen",
            21317,
            21387,
            parent="Grondrecht 10",
        ),
        _card(
            DOC_VAPA,
            "10_04_02",
            CardKind.ACTIE,
            "Sociaal aan de slag met voedseloverschotten",
            21388,
            21560,
            parent="Grondrecht 10",
        ),
    )
    answer = Assistant(index).ask(
        "Welke acties brengt het Vlaamse plan onder bij het grondrecht voeding?"
    )
    assert [c.id for c in answer.citations] == ["10_04_01", "10_04_02", "Grondrecht 10"]
    assert answer.answer.startswith("Deze acties vallen onder Grondrecht 10 „Voeding”")


def test_how_much_one_gets_asks_for_an_amount() -> None:
    asked = plan("geeft vlaanderen een premie als ik iemand aanneem, en hoeveel krijgde dan?")
    assert asked.answer_type == "amount"
    assert "krijgde" not in asked.focus_words
