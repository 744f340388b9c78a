"""A plan named by its kind and one-word title, a list narrowed under a number, the past tense
of "boeken", a "wanneer ... gestart" beside a second question, and a diminutive of a card word."""

from __future__ import annotations

from decimal import Decimal

from assistant_corpus import DOC_2024, aalst
from assistant_helpers import RULES, aalst_card, aalst_goal, plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.doc_scope import cards_named_by_kind
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.scope import Vocabulary, unknown_subjects
from actiewijzer.assistant.topics import descends_from
from actiewijzer.ingest.models import BudgetCell, BudgetRow, CardFields, CardKind


def _expenses(amount: str) -> list[BudgetRow]:
    value = Decimal(amount.replace(".", "").replace(",", "."))
    cell = BudgetCell(column="Budget 2024", raw=amount, amount=value, year=2024)
    return [BudgetRow(section="Exploitatie", label="Uitgaven", cells=[cell])]


def test_a_status_word_in_a_when_question_beside_a_count_asks_no_status_list() -> None:
    asked = plan(
        "mijn buurvrouw heeft gehoord van een project voor mama's in lier. wanneer is dat "
        "gestart en met hoeveel moeders zat die eerste groep?"
    )
    assert asked.kind is QuestionKind.FACT
    assert plan("welke acties zijn gestart?").kind is QuestionKind.STATUS


def test_the_past_tense_of_boeken_names_the_booked_column() -> None:
    asked = plan(
        "Hoeveel investeringsuitgaven boekte Lier in 2020 voor het sociaal restaurant, "
        "tegenover hoeveel gebudgetteerd?"
    )
    # One year, two columns of one table: a budget question, not a comparison of reports.
    assert asked.kind is QuestionKind.BUDGET
    assert set(asked.budget_columns) == {"geboekt", "budget"}


def test_the_diminutive_of_a_card_word_is_no_unknown_subject() -> None:
    vocabulary = Vocabulary(aalst().cards)  # "Home-Start Domo vzw"
    assert vocabulary.knows("vzw")
    question = "ik werk bij een klein vzwtje in berlaar. wie moet ik bellen met vragen?"
    assert "vzwtje" not in unknown_subjects(question, RULES, vocabulary)


def test_a_plan_named_by_its_kind_and_one_word_title_is_the_one_answering() -> None:
    plan_card = text_card(
        "Lier realiseert een beleid rond gelijke onderwijskansen.",
        "Kinderarmoede",
        card_id="01/11/SAP/02",
        kind=CardKind.ACTIEPLAN,
    ).model_copy(update={"fields": CardFields(budget=_expenses("493.588,58"))})
    action = text_card(
        "Lier kent aanvullende financiële steun toe rond kinderarmoede. De steun rond "
        "kinderarmoede gaat naar gezinnen met kinderen in kinderarmoede.",
        "Toekenning aanvullende financiële steun rond kinderarmoede",
        card_id="01/11/SAP/02/10",
    ).model_copy(
        update={"parent": "01/11/SAP/02", "fields": CardFields(budget=_expenses("30.000,00"))}
    )
    assert cards_named_by_kind("het prioritaire actieplan Kinderarmoede", [plan_card, action]) == [
        plan_card
    ]
    answer = Assistant(with_cards(plan_card, action)).ask(
        "Hoeveel uitgaven zijn in Lier voor 2024 gebudgetteerd voor het actieplan Kinderarmoede?"
    )
    assert answer.citations[0].id == "01/11/SAP/02"
    assert "493.588,58" in answer.answer


def test_a_list_under_a_number_keeps_only_the_cards_on_its_topic() -> None:
    cards = aalst_goal(
        "50.1",
        "Activering naar werk",
        [
            ("De Stad begeleidt werkzoekenden", "De Stad werkt hiervoor samen met Arktos."),
            ("De Stad organiseert een jobbeurs", "Werkgevers uit de regio stellen zich voor."),
            ("De Stad ondersteunt schoolcoaching", "Met vzw ARKTOS is een overeenkomst gesloten."),
        ],
    )
    answer = Assistant(with_cards(*cards)).ask(
        "In welke acties van Doelstelling 50.1 wordt samengewerkt met Arktos?"
    )
    listed = [c.id for c in answer.citations]
    assert "D50.1-A1" in listed and "D50.1-A3" in listed
    assert "D50.1-A2" not in listed  # under the goal, but not on Arktos
    intro = answer.answer.splitlines()[0]
    assert intro.startswith("Deze acties onder") and intro.endswith("gaan over Arktos:")


def test_a_card_descends_from_every_number_above_it() -> None:
    goal, action = aalst_goal("50.2", "Wonen", [("Woonbegeleiding", "Begeleiding aan huis.")])
    ambition = aalst_card("Iedereen woont goed.", "Wonen", "Ambitie 50").model_copy(
        update={"kind": CardKind.AMBITIE}
    )
    goal = goal.model_copy(update={"parent": ambition.id})
    every = [ambition, goal, action]
    assert descends_from(action, [ambition], every)
    assert descends_from(action, [goal], every)
    assert not descends_from(goal, [action], every)
    other = text_card("Een kaart in een ander document.", "Anders", "D50.2-A1", doc=DOC_2024)
    assert not descends_from(other, [goal], [*every, other])
