"""A noun that only names the kind of answer wanted ("welke cijfers ...?") is not what the
question is about: the card need not print it to hold the answer. "..., en komt er extra
budget?" is a question of its own, so a budget the card only tells in words refuses no other part.
"De vier acties van actieplan X" are answered by the actions under it."""

from __future__ import annotations

from assistant_corpus import DOC_2020, DOC_VAPA
from assistant_helpers import RULES, aalst_card, plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import CardKind

QUESTION = (
    "Welke cijfers geeft het Lierse rapport over 2020 voor de ruilwinkel van het Huis van het Kind?"
)
SWAP_SHOP = text_card(
    "In 2020 vonden 109 openingsmomenten plaats in de Ruilwinkel; er zijn 648 inkomende "
    "kledingbewegingen geregistreerd.",
    "Organisatie Huis van het kind",
    card_id="01/11/SAP/02/13",
    doc=DOC_2020,
)


def test_a_noun_naming_the_kind_of_answer_is_no_focus() -> None:
    asked = plan(QUESTION)
    assert asked.answer_type == "count"
    assert "cijfers" not in asked.focus_words
    # A noun naming what is counted still is.
    assert plan("hoeveel openingsmomenten waren er in 2020?").focus_words == ["openingsmomenten"]


def test_which_figures_is_answered_with_the_figures() -> None:
    answer = Assistant(with_cards(SWAP_SHOP)).ask(QUESTION)
    assert not answer.refused
    assert "109 openingsmomenten" in answer.answer


def test_and_is_there_asks_a_question_of_its_own() -> None:
    question = "Met welke steunpunten werd in 2017 vergaderd, en komt er extra budget?"
    assert RULES.question_parts(question) == [
        "Met welke steunpunten werd in 2017 vergaderd,",
        "en komt er extra budget?",
    ]
    assert RULES.question_parts("sinds wanneer bestaat dat, en krijgen ze dat geld elk jaar?") == [
        "sinds wanneer bestaat dat,",
        "en krijgen ze dat geld elk jaar?",
    ]
    assert RULES.question_parts("welke dienst trekt het, en waarom staat er geen bedrag bij?") == [
        "welke dienst trekt het,",
        "en waarom staat er geen bedrag bij?",
    ]
    # Two things in one yes/no question stay one question.
    assert len(RULES.question_parts("is er een wachtlijst en is er een budget?")) == 1


def test_a_budget_asked_last_does_not_refuse_the_rest() -> None:
    card = text_card(
        "Mijlpalen 2017: Meetings met Kunstenpunt en FARO.\n\n"
        "Budgettair engagement: Er worden geen bijkomende budgettaire middelen voorzien.",
        "Publiekswerking van culturele instellingen",
        card_id="06_09_17",
        doc=DOC_VAPA,
    )
    answer = Assistant(with_cards(card)).ask(
        "Met welke steunpunten werd in 2017 vergaderd voor actie 06_09_17, en komt er extra budget?"
    )
    assert "Kunstenpunt" in answer.answer


def test_a_part_naming_another_place_asks_its_own_report() -> None:
    flemish = text_card(
        "We zetten in op de ontwikkeling van lokale loketten kinderopvang: een neutraal "
        "informatiepunt voor gezinnen met een vraag naar kinderopvang.",
        "De verdere uitbouw van de kinderopvang",
        card_id="04_06_03",
        doc=DOC_VAPA,
    )
    local = aalst_card(
        "Door een Lokaal Loket Kinderopvang kunnen ouders zich richten tot één centraal infopunt.",
        "De Stad zet in op de verdere uitrol van het lokaal loket kinderopvang",
        "D8.1-A2",
    )
    answer = Assistant(with_cards(flemish, local)).ask(
        "Hoe omschrijft actie 04_06_03 van het Vlaams Actieplan Armoedebestrijding een lokaal loket, "
        "en wat doet Aalst zelf met zijn lokaal loket kinderopvang?"
    )
    assert {c.id for c in answer.citations} >= {"04_06_03", "D8.1-A2"}
    assert "één centraal infopunt" in answer.answer


def test_the_actions_of_a_named_plan_answer_for_it() -> None:
    plan_card = text_card(
        "Lier realiseert woonzeker en betaalbaar wonen voor iedereen.",
        "Sociaal woonbeleid",
        card_id="01/11/SAP/44",
        kind=CardKind.ACTIEPLAN,
    )
    shelter = text_card(
        "Lier zet in op crisisopvang.\n\nEinddatum: 31-12-2025\n\nStatus: 2 - Halverwege",
        "Acute opvang voor mensen in woonnood",
        card_id="01/11/SAP/44/01",
    ).model_copy(update={"parent": "01/11/SAP/44"})
    answer = Assistant(with_cards(plan_card, shelter)).ask(
        "Welke status hebben de vier acties van actieplan 01/11/SAP/44 in de evaluatie 2024?"
    )
    assert not answer.refused
    assert "01/11/SAP/44/01" in {c.id for c in answer.citations}
    assert "Halverwege" in answer.answer
