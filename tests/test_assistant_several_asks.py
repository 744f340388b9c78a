"""Questions that ask several things, name a document, write a compound with a hyphen, or lean on
the card the conversation is about: none of these is turned down for the way it is worded."""

from __future__ import annotations

from collections.abc import Sequence

from assistant_corpus import sample_documents
from assistant_helpers import RULES, conversation, plan, text_card

from actiewijzer.assistant.answer_check import holds_answer
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.followup import is_follow_up
from actiewijzer.assistant.models import QuestionKind
from actiewijzer.assistant.resources import out_of_scope_examples
from actiewijzer.assistant.testing import InMemoryCardIndex


class NearerElsewhereIndex(InMemoryCardIndex):
    """Every question is nearer to the everyday examples (a doctor's question) than to a card."""

    def __init__(self) -> None:
        super().__init__(sample_documents())
        self.compared: list[str] = []

    def closeness(self, query: str) -> float | None:
        return 0.82

    def passage_closeness(self, query: str, passages: Sequence[str]) -> list[float] | None:
        if list(passages) != out_of_scope_examples():
            return None
        self.compared.append(query)
        return [0.86 for _ in passages]


def test_a_question_about_what_a_document_says_is_not_compared_with_other_subjects() -> None:
    index = NearerElsewhereIndex()
    assistant = Assistant(index, out_of_scope_margin=0.01)
    asked = assistant.ask("Ik ben ziek. Staat er in het rapport iets over het Fietspunt in Lier?")
    assert asked.kind is not QuestionKind.OUT_OF_SCOPE and not index.compared
    # The same question without the document is still compared, and found elsewhere.
    story = assistant.ask("Ik ben ziek. Wat doet Lier met het Fietspunt?")
    assert story.kind is QuestionKind.OUT_OF_SCOPE and index.compared


def test_a_why_after_another_question_does_not_make_the_whole_ask_a_reason() -> None:
    assert RULES.answer_type("Wat was er gepland, waarom kwam er nog geen evaluatie?") == "reason"
    several = "Hoe ver stond de integratie? Wat was er gepland, waarom kwam er geen evaluatie?"
    assert RULES.answer_type(several) is None


INTERPRETERS = text_card(
    "Om gelijke kansen in het onderwijs te bevorderen voorziet Lier een tolkenondersteuning. "
    "In 2023 zijn 665 aanvragen geregistreerd. "
    "In 2024 zijn er actueel 482 aanvragen tot tolkenondersteuning geregistreerd.",
    "Tolkenondersteuning voor het onderwijs",
    card_id="01/11/SAP/02/08",
)


def test_a_follow_up_on_the_card_talked_about_needs_no_words_of_its_own() -> None:
    history = conversation(
        "hoeveel keer heeft lier een tolk betaald voor gesprekken tussen ouders en school?",
        "Volgens actie 01/11/SAP/02/08 zijn in 2023 665 aanvragen geregistreerd.",
    )
    asked = plan("ok. en dit jaar al? hoeveel zijn er in 2024 tot nu toe?", history)
    assert asked.context_ids == ["01/11/SAP/02/08"] and asked.answer_type == "count"
    assert holds_answer(INTERPRETERS, asked, RULES.stopword_set)
    # Asked afresh, the words "tolk" and "tolkenondersteuning" share no stem: no line speaks of it.
    fresh = plan("hoeveel keer werd in 2024 een tolk betaald?")
    assert not holds_answer(INTERPRETERS, fresh, RULES.stopword_set)


def test_a_hyphenated_compound_is_also_its_parts() -> None:
    card = text_card(
        "Lier besteedt de trajecten uit. In 2020 zijn 11 OCMW cliënten toegeleid naar I CAN.",
        "Uitbesteding intensieve trajecten naar werk(ervaring)",
        card_id="01/11/SAP/01/02",
    )
    asked = plan("Hoeveel OCMW-cliënten werden er in 2020 naartoe geleid?")
    assert holds_answer(card, asked, RULES.stopword_set)


def test_thanks_before_a_follow_up_do_not_hide_its_opening() -> None:
    history = conversation(
        "is er iemand van de stad aalst die jongeren zonder diploma opzoekt?",
        "Ja. Volgens actie D5.3-A3 realiseert de Stad jeugdopbouwwerk.",
    )
    question = (
        "ok en wie doet da dan? met welke organisatie werkt de stad samen en hoeveel geld is "
        "daarvoor per jaar?"
    )
    assert is_follow_up(question, history, RULES)
    assert RULES.without_acknowledgement("ok top. en wie regelt da?") == "en wie regelt da?"
    # A question opening on its own subject stays one.
    assert RULES.without_acknowledgement("okan-klassen in aalst?") == "okan-klassen in aalst?"
