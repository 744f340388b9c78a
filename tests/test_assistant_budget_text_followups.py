"""A follow-up pointing back with a pronoun that closes its clause ("steunt de overheid dat,"),
a second question opened by "vanuit", and a budget a card prints as text ("Budgettair
engagement: 19.000 euro op jaarbasis")."""

from __future__ import annotations

from assistant_corpus import DOC_VAPA
from assistant_helpers import RULES, conversation, text_card, with_cards

from actiewijzer.assistant.answer_check import prints_budget_text
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.followup import is_follow_up
from actiewijzer.ingest.models import CardFields

KEY = text_card(
    "Sinds 2012 organiseert Festival van Vlaanderen Brussel het project Jouw Sleutel: een "
    "participatieproject met mensen in armoede als doelgroep.",
    "Ondersteuning van het project Jouw Sleutel",
    card_id="01_09_07",
    doc=DOC_VAPA,
).model_copy(
    update={
        "fields": CardFields(
            other={"Budgettair engagement": "19.000 euro op jaarbasis vanuit Brusselbeleid"}
        )
    }
)
RURAL = text_card(
    "De Vlaamse overheid ondersteunt plattelandsgemeenten met 8.010.000 euro voor 2015.",
    "Het plattelandsfonds ondersteunt plattelandsgemeenten",
    card_id="02_08_01",
    doc=DOC_VAPA,
)
HISTORY = conversation(
    "Wat houdt het project Jouw Sleutel in?",
    "Actie 01_09_07: Festival van Vlaanderen organiseert...",
)


def test_a_pronoun_closing_its_clause_points_back() -> None:
    question = "Met welk bedrag en vanuit welk beleidsdomein ondersteunt de Vlaamse overheid dat?"
    assert is_follow_up(question, HISTORY, RULES)
    # The conjunction opens a clause: no pointer.
    assert not is_follow_up(
        "Klopt het dat de Vlaamse overheid culturele participatie van mensen in armoede steunt?",
        HISTORY,
        RULES,
    )


def test_a_second_question_may_open_with_vanuit() -> None:
    parts = RULES.question_parts(
        "Met welk bedrag ondersteunt de overheid dat, en vanuit welk beleidsdomein komt dat geld?"
    )
    assert len(parts) == 2


def test_a_budget_printed_as_text_answers_an_amount_question_on_the_card_talked_about() -> None:
    assert prints_budget_text(KEY)
    answer = Assistant(with_cards(KEY, RURAL)).ask(
        "Met welk bedrag ondersteunt de Vlaamse overheid dat?", HISTORY
    )
    assert not answer.refused
    assert "19.000 euro" in answer.answer
    assert {c.id for c in answer.citations} == {"01_09_07"}


def test_a_budget_printed_as_text_holds_for_the_years_it_names_or_every_year() -> None:
    once = KEY.model_copy(
        update={"fields": CardFields(other={"Budgettair engagement": "Voor 2015: 1.425.000 euro"})}
    )
    assert prints_budget_text(once, [2015])
    assert not prints_budget_text(once, [2017])
    assert prints_budget_text(KEY, [2017])  # "19.000 euro op jaarbasis"


OUTREACH = text_card(
    "In 2017 wordt een projectoproep outreachend werken met gezinnen in armoede gelanceerd.",
    "Projectoproep outreachend werken met gezinnen in armoede",
    card_id="00_04_19",
    doc=DOC_VAPA,
).model_copy(update={"fields": CardFields(other={"Budgettair engagement": "Nog te bepalen"})})


def test_a_budget_still_to_be_decided_is_said_with_the_refusal() -> None:
    answer = Assistant(with_cards(OUTREACH)).ask(
        "hoeveel geld is er voor de projectoproep outreachend werken met gezinnen in armoede?"
    )
    assert answer.refused and "Nog te bepalen" in answer.answer
    assert [c.id for c in answer.citations] == ["00_04_19"]
