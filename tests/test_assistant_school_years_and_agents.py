"""A school year asked is not the one before it; a diminutive is as common as its word; a list
is on what the question asks, not on the story before it; "worden uitgevoerd door" asks who, not
a status; a thing asked "onder doelstelling 14.3" is an action under that goal."""

from __future__ import annotations

from assistant_corpus import DOC_2024
from assistant_helpers import RULES, aalst_card, aalst_goal, plan, text_card, with_cards

from actiewijzer.assistant.answer_check import holds_answer
from actiewijzer.assistant.answer_kinds import counts, year_spans
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.scope import Vocabulary, unknown_subjects
from actiewijzer.ingest.models import Card

PLUS = text_card(
    "In het schooljaar 2022 - 2023 zijn volgende cijfers gerealiseerd: PLUS ontving 237 "
    "aanmeldingen.\n\n"
    "Van die 237 aanmeldingen zijn er 200 opgenomen voor interventie.\n\n"
    "2023 - 2024 :\n\n"
    "In het schooljaar 23 - 24 heeft PLUS haar werking verder uitgebouwd.",
    "Begeleiding van leerlingen door PLUS",
    card_id="01/11/SAP/02/95",
    doc=DOC_2024,
)


def test_school_years_are_spans_and_count_nothing() -> None:
    assert year_spans("In het schooljaar 23 - 24 heeft PLUS") == {(2023, 2024)}
    assert year_spans("in 2022-2023 waren er") == {(2022, 2023)}
    assert year_spans("pagina 12-13 en de periode 2015-2019") == set()
    assert counts("In het schooljaar 23 - 24 heeft PLUS haar werking uitgebouwd.") == []


def test_a_count_for_the_school_year_before_does_not_answer() -> None:
    asked = "hoeveel aanmeldingen kreeg PLUS in het schooljaar 2023-2024?"
    assert not holds_answer(PLUS, plan(asked), RULES.stopword_set)
    assert holds_answer(PLUS, plan(asked.replace("2023-2024", "2022-2023")), RULES.stopword_set)


def test_a_diminutive_of_a_common_word_is_no_unknown_subject() -> None:
    vocabulary = Vocabulary([PLUS])
    asked = "mijn zoontje had moeite met school. wat deed lier voor leerlingen?"
    assert "zoontje" not in unknown_subjects(asked, RULES, vocabulary)


def test_carried_out_by_asks_who_not_a_status() -> None:
    asked = plan("Welke acties worden (mee) uitgevoerd door De Lijn?")
    assert asked.kind is QuestionKind.TOPIC
    assert plan("Welke acties zijn uitgevoerd?").kind is QuestionKind.STATUS


def test_a_thing_asked_under_a_numbered_goal_is_the_action_under_it() -> None:
    cards = aalst_goal(
        "64.3",
        "De Stad zet in op een laagdrempelige vrije tijdswerking",
        [
            ("De Stad zet in op buurtwerk", "Buurtwerkers in elke wijk. Uitgaven: 2023: 50 EUR"),
            ("De Stad zet in op speelstraten", "Zomerse speelstraten. Uitgaven: 2023: 70 EUR"),
            ("De Stad zet in op kampen", "Vakantiekampen voor kinderen. Uitgaven: 2023: 90 EUR"),
        ],
    )
    answer = Assistant(with_cards(*cards)).ask(
        "Wat houden de speelstraten onder doelstelling 64.3 in?"
    )
    assert answer.citations[0].id == "D64.3-A2"
    assert "D64.3-A1" not in answer.answer


def _disability_cards() -> list[Card]:
    return [
        aalst_card(
            "Inwoners met een beperking die werken in een maatwerkbedrijf krijgen een toelage.",
            "De Stad steunt mensen met een beperking in maatwerkbedrijven",
            "D65.1-A1",
        ),
        aalst_card(
            "Er komen vakantiekampen voor kleuters en mensen met een beperking.",
            "De Stad zet in op een aanbod voor kinderen met een beperking",
            "D65.1-A2",
        ),
        aalst_card(
            "Een toegankelijk speelplein voor kinderen en mensen met een beperking.",
            "De Stad voorziet een toegankelijk speelplein",
            "D65.1-A3",
        ),
    ]


def test_a_list_is_on_what_the_question_asks_not_on_the_story_before_it() -> None:
    answer = Assistant(with_cards(*_disability_cards())).ask(
        "mijn zoon heeft een beperking en ik werk zelf in een maatwerkbedrijf in aalst. "
        "wat doet de stad allemaal voor mensen met een beperking?"
    )
    cited = {c.id for c in answer.citations}
    assert {"D65.1-A1", "D65.1-A2"} <= cited


def test_a_question_leaning_on_its_story_keeps_the_story_words() -> None:
    asked = plan("ik werk in een maatwerkbedrijf. welke acties steunen onze werknemers?")
    assert "maatwerkbedrijf" in asked.topic_words
    answer = Assistant(with_cards(*_disability_cards())).ask(
        "ik werk in een maatwerkbedrijf in aalst. welke acties steunen onze mensen met een beperking?"
    )
    assert [c.id for c in answer.citations] == ["D65.1-A1"]
    assert "maatwerkbedrijf" in answer.answer.splitlines()[0]  # the list is on the story's word
