"""Cards the search ranks alike are told apart by the question's name for a thing ("de dag van de
directeur"), printed whole, before the words they share one by one ("de dag van de toewijzing")."""

from __future__ import annotations

from assistant_helpers import text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.index.phrases import longest_phrase_printed

DIRECTORS = text_card(
    "Lier organiseert scholenoverleg. Voor de dag van de directeur is er een ontbijt aangeboden.",
    "Regie flankerend onderwijsbeleid",
    card_id="01/11/SAP/02/90",
)
ALLOCATION = text_card(
    "Vijf kinderen kregen op de dag van de toewijzing geen school in Lier.",
    "Centraal aanmeldingssysteem voor de school",
    card_id="01/11/SAP/02/91",
)


def test_the_longest_name_of_the_question_a_text_prints() -> None:
    question = "wat deed de stad voor de dag van de directeur?"
    assert longest_phrase_printed(question, DIRECTORS.text) == 4
    assert longest_phrase_printed(question, ALLOCATION.text) == 0
    assert longest_phrase_printed(question, DIRECTORS.text, ["directeur"]) == 0


def test_among_cards_ranked_alike_the_one_printing_the_name_answers() -> None:
    answer = Assistant(with_cards(ALLOCATION, DIRECTORS)).ask(
        "ik ben directeur van een school in lier. wat kregen we op de dag van de directeur?"
    )
    assert [c.id for c in answer.citations] == ["01/11/SAP/02/90"]
    assert "ontbijt" in answer.answer
