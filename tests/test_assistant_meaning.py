"""Closeness in meaning ranks the card lines that share the question's words."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from assistant_helpers import RULES, plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.card_lines import card_lines
from actiewijzer.assistant.meaning import MEANING_WEIGHT, meaning_gains
from actiewijzer.assistant.ranking import best_lines

CARD = text_card(
    "De werking van de buurtwinkel wordt uitgebreid met een tweede vestiging. "
    "De buurtwinkel richt zich tot gezinnen met een laag inkomen en leefloners.",
    title="Sociale buurtwinkel",
)
QUESTION = "Voor wie is de sociale buurtwinkel bedoeld?"


def nearer_to(phrase: str):
    """A stand-in model: the lines holding the phrase are near, the others far."""

    def closeness(lines: Sequence[str]) -> list[float]:
        return [0.9 if phrase in line else 0.7 for line in lines]

    return closeness


def test_without_a_model_every_gain_is_zero() -> None:
    assert meaning_gains(["a", "b"], None) == [0.0, 0.0]
    assert meaning_gains(["a", "b"], lambda lines: None) == [0.0, 0.0]
    assert meaning_gains(["a", "b"], lambda lines: [0.9]) == [0.0, 0.0]  # not one per line


def test_the_nearest_line_gains_most_and_far_lines_almost_nothing() -> None:
    gains = meaning_gains(["near", "far"], lambda lines: [0.9, 0.7])
    assert gains[0] == pytest.approx(MEANING_WEIGHT)
    assert gains[1] < 0.05 * MEANING_WEIGHT


def test_among_lines_sharing_the_words_the_nearest_in_meaning_answers() -> None:
    question = plan(QUESTION)
    by_words = best_lines(CARD, question, RULES.stopword_set, 1)
    by_meaning = best_lines(
        CARD, question, RULES.stopword_set, 1, closeness=nearer_to("laag inkomen")
    )
    # Both lines say "buurtwinkel"; words alone take the first, meaning the one on who it is for.
    assert by_words[0].text.startswith("De werking")
    assert by_meaning[0].text.startswith("De buurtwinkel richt zich")


def test_meaning_admits_a_line_in_other_words_only_as_near_as_the_nearest() -> None:
    card = text_card(
        "De buurtwinkel opent in maart. Gezinnen met een laag inkomen kunnen er terecht. "
        "Het gebouw is recent gerenoveerd.",
        title="Sociale buurtwinkel",
    )
    question = plan(QUESTION)
    chosen = best_lines(card, question, RULES.stopword_set, 3, closeness=nearer_to("inkomen"))
    # "voor wie" is told in other words; it ranks below the line that shares a word.
    assert [line.text for line in chosen] == [
        "De buurtwinkel opent in maart.",
        "Gezinnen met een laag inkomen kunnen er terecht.",
    ]
    # The line the model finds far is no answer in other words.
    far = best_lines(card, question, RULES.stopword_set, 3, closeness=nearer_to("opent"))
    assert [line.text for line in far] == ["De buurtwinkel opent in maart."]
    # Without a model, words alone decide.
    alone = best_lines(card, question, RULES.stopword_set, 3)
    assert [line.text for line in alone] == ["De buurtwinkel opent in maart."]


class RecordingIndex:
    """The in-memory index, recording which passages the assistant asks it to embed."""

    def __init__(self) -> None:
        self.inner = with_cards(CARD)
        self.remembered: list[str] = []

    def remember_passages(self, passages: Sequence[str], progress: bool = False) -> None:
        self.remembered.extend(passages)

    def __getattr__(self, name: str):
        return getattr(self.inner, name)


def test_warm_up_embeds_every_card_line_ahead_of_the_questions() -> None:
    index = RecordingIndex()
    Assistant(index).warm_up()  # type: ignore[arg-type]
    expected = [line for card in index.inner.cards() for line in card_lines(card)]
    assert index.remembered == expected
    assert "De buurtwinkel richt zich tot gezinnen met een laag inkomen en leefloners." in expected


def test_the_answer_quotes_the_line_the_index_finds_nearest() -> None:
    index = with_cards(CARD)
    near = nearer_to("laag inkomen")
    index.passage_closeness = lambda query, passages: near(passages)  # type: ignore[method-assign]
    answer = Assistant(index).ask(QUESTION)
    quoted = [line for line in answer.answer.splitlines() if line.startswith("- ")]
    # Without the model both lines are quoted too, in the card's order.
    assert (
        quoted[0] == "- De buurtwinkel richt zich tot gezinnen met een laag inkomen en leefloners."
    )
