"""Questions typed on a phone and a journalist's checks: "middelbaar" finds the card on the
"secundair onderwijs", a lead-in "voor mijn eindwerk onderzoek ik hoe ..." asks nothing,
"welk maandelijks aantal" counts an "aantal", "eigelijk" is a typo and no subject, "? en vanaf
wanneer ...?" is a second question, "het project lokale partnerschappen" asks no partners,
"die noodopvang, hoe ver staat da?" asks the status of one thing, and a count asked for 2020
is not missing from the report of 2024 that answers the rest. "uit angst voor" gives a reason,
and a why after a budget question asks no budget notes; a follow-up on a year asked "volgens de
evaluatie van Q2 2024" compares no years; "760.000 begroot" is a sum; "stopt dat binnenkort?"
asks the end date; and an action's budget found only on its action plan is shown as the nearest
thing, not as the answer, unless the plan's is asked ("niet die van het hele actieplan" does
not); and "komen ... aan bod" names no topic."""

from __future__ import annotations

from typing import Any

from assistant_corpus import DOC_2020, DOC_2024, sample_index
from assistant_helpers import (
    RULES,
    aalst_card,
    conversation,
    documents_with,
    plan,
    text_card,
    with_cards,
)

from actiewijzer.assistant.answer_kinds import has_type
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.scope import Vocabulary, unknown_subjects
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.index.models import SearchHit
from actiewijzer.ingest.models import Card

SECONDARY_SCHOOL = aalst_card(
    "Met het oog op de ondersteuning van ouders bij de overstap naar het secundair onderwijs "
    "wordt een brochure uitgewerkt met informatie over de inschrijvingsmodaliteiten.",
    "De Stad informeert ouders omtrent de overstap naar het secundair onderwijs",
    "D40.3-A1",
)
SOCIAL_HOUSING = aalst_card(
    "Het gemeentelijk actieplan sociaal wonen is er om bepaalde percelen te reserveren voor "
    "sociaal wonen.",
    "De Stad heeft een Gemeentelijk Actieplan Sociaal Wonen",
    "D40.3-A2",
)


class _SearchRecorder(InMemoryCardIndex):
    """The sample documents, remembering every text searched for."""

    def __init__(self, *cards: Card) -> None:
        super().__init__(documents_with(*cards))
        self.searched: list[str] = []

    def search(self, query: str, *args: Any, **kwargs: Any) -> list[SearchHit]:
        self.searched.append(query)
        return super().search(query, *args, **kwargs)


def test_an_everyday_word_is_searched_with_the_documents_word_beside_it() -> None:
    index = _SearchRecorder(SECONDARY_SCHOOL)
    Assistant(index).ask("onze oudste gaat naar het middelbaar in aalst, helpt de stad ouders?")
    assert index.searched and all("secundair" in text for text in index.searched)


def test_a_lead_in_saying_what_the_answer_is_for_asks_nothing() -> None:
    asked = plan(
        "voor mijn eindwerk onderzoek ik hoe Europees geld in lokaal sociaal beleid "
        "terechtkomt. bij welke acties van Aalst wordt ESF vermeld? geef ze allemaal"
    )
    assert asked.kind is QuestionKind.TOPIC


def test_the_noun_after_an_adjective_is_what_is_counted() -> None:
    assert RULES.focus_words("en welk maandelijks aantal was vooropgesteld?") == ["aantal"]
    assert RULES.focus_words("welke jaarlijkse bijdrage krijgt de vzw?") == ["bijdrage"]


def test_a_misspelt_adverb_is_no_subject_the_documents_lack() -> None:
    vocabulary = Vocabulary([SOCIAL_HOUSING])
    question = "wa is da gemeentelijk actieplan sociaal wonen in aalst eigelijk?"
    assert unknown_subjects(question, RULES, vocabulary) == []
    answer = Assistant(with_cards(SOCIAL_HOUSING)).ask(question)
    assert not answer.refused and "percelen" in answer.answer


def test_a_country_one_letter_from_a_common_noun_is_still_unknown() -> None:
    found = unknown_subjects("komen die mensen uit syrie?", RULES, Vocabulary([SOCIAL_HOUSING]))
    assert found == ["syrie"]


def test_a_question_after_the_first_from_when_is_asked_apart() -> None:
    parts = RULES.question_parts(
        "wie doet dat bij de stad zelf? en vanaf wanneer willen ze dat beleid maken"
    )
    assert len(parts) == 2


def test_a_project_named_after_partnerships_asks_no_partners() -> None:
    asked = plan("wat deed het project lokale partnerschappen in lier in 2023?")
    assert "partnerschappen" in asked.topic_words
    assert "partners" not in asked.fields


def test_a_thing_pointed_at_asks_its_own_status_not_a_list() -> None:
    for question in (
        "die noodopvang van lier, hoe ver staat da in de evaluatie van 2024?",
        "da sociaal restaurant in lier, is die verbouwing nu klaar?",
    ):
        assert plan(question).status_matches == [], question
    assert plan("zijn die acties al afgerond?").status_matches


def test_a_count_asked_for_2020_only_is_not_missing_from_the_2024_report() -> None:
    cheques_2020 = text_card(
        "Ondersteuning op vlak van onderwijskosten: aan gezinnen met 130 kinderen is in 2020 "
        "een onderwijscheque toegekend.",
        "Toekenning financiële steun rond schoolkosten",
        card_id="01/11/SAP/09/01",
        doc=DOC_2020,
    )
    cheques_2024 = text_card(
        "In 2023 is er in totaal 59.007,59€ geïnvesteerd in financiële steun. Hiervan werd er "
        "40.742,76€ aan onderwijscheques verstrekt.",
        "Toekenning financiële steun rond schoolkosten",
        card_id="01/11/SAP/09/01",
        doc=DOC_2024,
    )
    answer = Assistant(with_cards(cheques_2020, cheques_2024)).ask(
        "Hoe verhouden de onderwijscheques van actie 01/11/SAP/09/01 zich in 2020 en 2023: aan "
        "gezinnen met hoeveel kinderen werd in 2020 een onderwijscheque toegekend, en welk "
        "bedrag ging in 2023 naar onderwijscheques?"
    )
    assert not answer.refused
    assert "130 kinderen" in answer.answer and "40.742,76" in answer.answer


def test_fear_of_eviction_is_a_reason() -> None:
    line = (
        "Huurders durven geen onderzoek te vragen, uit angst voor uithuiszetting door de huisbaas."
    )
    assert has_type(line, "reason")


def test_a_why_after_a_budget_question_asks_no_budget_notes() -> None:
    earlier = conversation(
        "hoeveel geld steekt aalst in het verplicht conformiteitsattest?",
        "Budget van actie D9.3-A1: Digitalisering 100 000 EUR.",
    )
    asked = plan("en waarom doen ze dat eigenlijk?", earlier)
    assert asked.answer_type == "reason" and asked.fields == []


def test_a_follow_up_on_a_year_in_a_named_report_compares_nothing() -> None:
    earlier = conversation(
        "Hoeveel openingsmomenten had het Woonatelier in 2023, volgens de evaluatie van het "
        "tweede kwartaal 2024?",
        "Volgens actie 01/11/SAP/04/03: in 2023 vonden er 90 openingsmomenten plaats.",
    )
    assert plan("en in het eerste semester van 2024?", earlier).kind is not QuestionKind.COMPARE


def test_a_sum_budgeted_without_its_currency_is_an_amount() -> None:
    assert has_type("Voor 2017 zijn 584 trajecten voorzien en is er 760.000 begroot.", "amount")
    assert not has_type("Voor 2016 zijn er 584 trajecten voorzien.", "amount")


def test_whether_it_stops_soon_asks_the_end_date() -> None:
    assert "end_date" in plan("die noodopvang in lier, stopt dat binnenkort?").fields


def test_an_actions_budget_found_only_on_its_plan_is_the_nearest_not_the_answer() -> None:
    assistant = Assistant(sample_index())
    own = assistant.ask("Hoeveel budget had actie 01/11/SAP/01/01 in 2024 volgens de evaluatie?")
    assert own.refused and "1.750.977,50" in own.answer
    plans = assistant.ask(
        "Hoeveel budget is er in 2024 voorzien voor het actieplan waar actie 01/11/SAP/01/01 "
        "onder valt?"
    )
    assert not plans.refused and "1.750.977,50" in plans.answer


def test_an_action_asked_apart_from_its_plan_gets_no_plan_budget_as_answer() -> None:
    answer = Assistant(sample_index()).ask(
        "Wat was het budget van actie 01/11/SAP/01/01 in 2024? Ik zoek de cijfers op "
        "actieniveau, niet die van het hele actieplan."
    )
    assert answer.refused


def test_coming_up_names_no_topic_word() -> None:
    asked = plan("in welke acties van Aalst komen huurdersbonden aan bod?")
    assert asked.topic_words == ["huurdersbonden"]
