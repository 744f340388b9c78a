""" "dat actieplan" points back, not at the Flemish plan; the plain budget column beside the BEO one
and a compound budget row ("exploitatiesaldo"); a deficit is money; story pronouns, Flemish
relatives and "hem"; "geweest" is a verb form; a name the documents always capitalise is a
list's topic; "cluster Zorg" written as a name; "welke indicator" is no count; a 2019 target
and an "omschrijving" are fields; an unknown word after "in" is a place; and an off-topic
follow-up is refused."""

from __future__ import annotations

import pytest
from assistant_corpus import DOC_2024, DOC_VAPA, sample_documents
from assistant_helpers import RULES, conversation, plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.doc_scope import documents_in_scope
from actiewijzer.assistant.extractive import _has_money
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.assistant.scope import _names_a_place, question_after_story
from actiewijzer.assistant.text import written_as_name, written_names
from actiewijzer.assistant.topics import TopicScorer, listed_together
from actiewijzer.index.text_analysis import is_verb_form
from actiewijzer.ingest.models import Card

LEJO_TOPIC = ["lejo", "jeugdwerk"]


def _lejo_cards() -> list[Card]:
    """Six cards: two name "Lejo vzw" (always with a capital), two others "jeugdwerk", so both
    topic words are equally rare and both would be required without the names rule."""
    return [
        text_card("Lejo vzw begeleidt jongeren in het jeugdwerk.", "Jongerenwerking", "A1"),
        text_card("Samen met Lejo vzw komt er een buurtwerking.", "Buurtwerking", "A2"),
        text_card("Het jeugdwerk krijgt extra werkingsmiddelen.", "Werkingsmiddelen jeugd", "A3"),
        text_card("De stad bouwt sociale woningen.", "Wonen", "A4"),
        text_card("Er komt een sociaal restaurant.", "Restaurant", "A5"),
        text_card("De stad ondersteunt schuldhulp.", "Schulden", "A6"),
    ]


# 1. A demonstrative before the kind word points back at a card the conversation named.


@pytest.mark.parametrize("pointer", ["dat", "dit", "die", "deze"])
def test_a_demonstrative_before_actieplan_does_not_pick_the_flemish_action_plan(
    pointer: str,
) -> None:
    docs = [document.info for document in sample_documents()]
    question = f"Hoeveel uitgaven waren er in 2024 voor {pointer} actieplan?"
    # No document is named: every document stays in scope, not only the VAPA ("actieplan").
    assert documents_in_scope(question, [], docs, by_kind=True) == [d.doc for d in docs]


def test_the_actieplan_without_a_demonstrative_still_names_the_flemish_action_plan() -> None:
    docs = [document.info for document in sample_documents()]
    question = "Wat staat er volgens het actieplan over energiearmoede?"
    assert documents_in_scope(question, [], docs, by_kind=True) == [DOC_VAPA]


# 2. Budget columns and rows.


def test_the_exploitatiebudget_with_its_row_and_year_is_asked_beside_the_beo_column() -> None:
    asked = plan(
        "Hoeveel bedroeg het exploitatiebudget voor uitgaven 2024, en hoeveel na de "
        "budgetwijziging (Budget BEO 2024)?"
    )
    # "Budget BEO" alone names only the BEO column; the compound with its year asks the plain
    # "Budget 2024" column too.
    assert set(asked.budget_columns) == {"budget", "beo"}


def test_a_compound_ending_in_saldo_asks_the_balance_row() -> None:
    asked = plan("Wat was het begrote exploitatiesaldo (Budget 2024) van actieplan 01/11/SAP/01?")
    # No word is the row name itself: the head of the compound says which row.
    assert asked.budget_row == "saldo"
    # Without a row word the default row (expenses) is asked.
    assert plan("Wat was het budget 2024 van actieplan 01/11/SAP/01?").budget_row == "uitgaven"


# 3. A negative sum is money.


def test_a_negative_balance_line_counts_as_money() -> None:
    assert _has_money(["- Exploitatie – Saldo Exploitatie, Budget 2024: -576.646,51"])
    # Only evidence lines (starting with "-") count, and they need a figure.
    assert not _has_money(["- Exploitatie – Saldo Exploitatie, Budget 2024: /"])


# 4. and 9. Story pointers, relatives and stopwords.


def test_a_personal_pronoun_makes_the_question_lean_on_the_story_before_it() -> None:
    story = "ik ken lejo van het jeugdwerk. "
    # "zij" points back at Lejo: the question cannot be answered without the story.
    assert question_after_story(f"{story}bij welke projecten zijn zij betrokken?", RULES) == ""
    # Without a pointer the question stands on its own after the story.
    alone = question_after_story(f"{story}bij welke projecten is de stad betrokken?", RULES)
    assert alone == "bij welke projecten is de stad betrokken?"


@pytest.mark.parametrize("pronoun", ["zij", "hij", "hem", "hen"])
def test_third_person_pronouns_are_story_pointers(pronoun: str) -> None:
    assert RULES.pointers_to_story.matches(f"bij welke projecten werkt {pronoun} mee?")


def test_a_flemish_uncle_is_a_relative_and_hem_is_a_stopword() -> None:
    assert RULES.relative_words.matches("nonkel")
    assert "hem" in RULES.stopword_set


# 5. Verb forms whose infinitive does not end in "-en".


@pytest.mark.parametrize("participle", ["geweest", "gegaan"])
def test_participles_of_zijn_and_gaan_are_verb_forms(participle: str) -> None:
    assert is_verb_form(participle)


def test_a_plural_noun_is_no_verb_form() -> None:
    assert not is_verb_form("woonwagens")


# 6. A name the documents always write with a capital is the topic of a list.


def test_a_capitalised_name_is_the_only_required_topic_word() -> None:
    scorer = TopicScorer(_lejo_cards(), LEJO_TOPIC)
    # "jeugdwerk" only says where the asker knows Lejo from: cards on youth work alone are not
    # about Lejo.
    assert scorer.required == {"lejo"}


def test_a_name_listed_beside_another_word_does_not_narrow_the_topic() -> None:
    listed = listed_together("welke acties gaan over lejo en het jeugdwerk?", LEJO_TOPIC)
    scorer = TopicScorer(_lejo_cards(), LEJO_TOPIC, listed=listed)
    # Both things are asked for, so both stay required.
    assert scorer.required == {"lejo", "jeugdwerk"}


def test_a_word_the_documents_also_write_in_lowercase_is_no_name() -> None:
    lowercase = [
        card.model_copy(update={"text": card.text.replace("Lejo", "lejo")})
        for card in _lejo_cards()
    ]
    assert TopicScorer(lowercase, LEJO_TOPIC).required == {"lejo", "jeugdwerk"}


def test_words_joined_by_en_are_listed_together() -> None:
    topic = ["noodopvang", "woonatelier"]
    assert listed_together("de noodopvang en het woonatelier", topic) == frozenset(topic)
    assert listed_together("de noodopvang, het woonatelier", topic) == frozenset(topic)
    # "lejo van het jeugdwerk": one thing described by the other, not a list.
    assert listed_together("ik ken lejo van het jeugdwerk", LEJO_TOPIC) == frozenset()


# 7. Word pairs the documents write as a name.


def test_a_pair_whose_last_word_is_capitalised_only_in_the_pair_is_a_written_name() -> None:
    texts = ["Trekkersrol: cluster Zorg", "De zorg voor kinderen blijft belangrijk."]
    assert written_as_name("cluster zorg", texts)
    assert not written_as_name("zorg", texts)  # lowercase elsewhere: an everyday word
    question = "bij welke acties staat cluster zorg als trekker?"
    assert written_names(question, texts, RULES.stopword_set) == ["cluster zorg"]


def test_a_pair_whose_last_word_is_a_name_on_its_own_is_no_written_name() -> None:
    texts = ["In de wijk Mijlbeek komt een buurthuis.", "Mijlbeek krijgt een speelplein."]
    # "wijk" only says what Mijlbeek is: the name is "Mijlbeek" alone.
    question = "welke acties lopen er in de wijk mijlbeek?"
    assert written_names(question, texts, RULES.stopword_set) == []


# 8. "indicator" is a measure only as the end of a compound.


def test_which_indicator_asks_no_count() -> None:
    assert RULES.answer_type("welke indicator geldt voor het HPAO?") != "count"


def test_an_indicator_compound_asks_a_count() -> None:
    assert RULES.answer_type("wat is de kansarmoedeindicator van Lier?") == "count"


def test_a_hyphenated_indicator_compound_asks_a_count() -> None:
    assert RULES.answer_type("wat is de kansarmoede-indicator van Lier?") == "count"


# 10. Fields named by the question.


def test_what_must_be_reached_by_a_year_asks_the_milestones() -> None:
    assert "mijlpalen" in plan("wat moet er tegen 2019 bereikt zijn?").fields


def test_omschrijving_asks_the_description() -> None:
    asked = plan("Hoe verschilt de omschrijving van actieplan 01/11/SAP/03 in 2020 en 2024?")
    assert "description" in asked.fields


# 11. An unknown word after a preposition of place.


def test_an_unknown_word_after_in_is_a_place() -> None:
    assert _names_a_place("erembodegem", "ik woon in erembodegem")


def test_a_dutch_word_after_in_is_no_place() -> None:
    assert not _names_a_place("armoede", "ik leef in armoede")


def test_an_unknown_word_without_a_place_preposition_is_no_place() -> None:
    assert not _names_a_place("erembodegem", "erembodegem is een mooie deelgemeente")


# 12. An off-topic follow-up is refused.


def _budget_history() -> list[ChatTurn]:
    return conversation(
        "Hoeveel uitgaven zijn in Lier voor 2024 gebudgetteerd voor het actieplan "
        "Werkervaring kansengroepen?",
        "Volgens actieplan 01/11/SAP/01 „Werkervaring kansengroepen” (Stad Lier – evaluatie "
        "2024 Q2):\n- Uitgaven, Budget 2024: 1.750.977,50",
    )


def test_a_follow_up_naming_an_off_topic_subject_is_refused() -> None:
    assistant = Assistant(with_cards(*_lejo_cards()))
    question = "en wie wordt volgens de peilingen de volgende premier?"
    # It reads as a follow-up, which used to let it borrow the earlier turn's subject.
    assert plan(question, _budget_history()).is_follow_up
    answer = assistant.ask(question, _budget_history())
    assert answer.refused
    assert answer.kind is QuestionKind.OUT_OF_SCOPE


def test_a_follow_up_on_the_earlier_subject_is_still_answered() -> None:
    assistant = Assistant(with_cards(*_lejo_cards()))
    answer = assistant.ask("en hoeveel daarvan was geboekt?", _budget_history())
    assert not answer.refused
    assert answer.citations[0].doc == DOC_2024
