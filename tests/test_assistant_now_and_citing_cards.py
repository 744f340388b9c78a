"""A follow-up asking how things stand now reads the newest report; a list of the cards that
cite a named number ("welke fiches worden vervangen door actie 06_09_17?")."""

from __future__ import annotations

from assistant_corpus import DOC_2024, DOC_VAPA, sample_index
from assistant_helpers import conversation, plan, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.models import QuestionKind

EARLIER = conversation(
    "wat deed Lier in 2020 voor het Fietspunt?",
    "Volgens actie 01/11/SAP/01/01 „Ondersteuning Fietspunt” (Stad en OCMW Lier – rapport 2020): "
    "Lier steunde het Fietspunt.",
)


def test_a_follow_up_about_now_does_not_keep_the_earlier_year() -> None:
    assert plan("en bestaat dat nu nog?", EARLIER).years == []
    assert plan("en in het jaar daarna?", EARLIER).years == [2021]


def test_a_follow_up_about_now_is_answered_from_the_newest_report() -> None:
    answer = Assistant(sample_index()).ask("en bestaat dat nu nog?", EARLIER)
    assert answer.citations
    assert answer.citations[0].doc == DOC_2024


def _replaced_cards() -> list:
    return [
        text_card(
            "De eigen instellingen zetten in op het bereiken van mensen in armoede.",
            f"Vanaf 2017 wordt deze fiche vervangen door actie 06_09_17 ({topic})",
            card_id=number,
            doc=DOC_VAPA,
        )
        for number, topic in [("06_09_11", "eigen instellingen"), ("06_09_16", "overeenkomsten")]
    ] + [
        text_card(
            "Dit project geeft een impuls aan het bereiken van personen in armoede.",
            "Publiekswerking van culturele instellingen",
            card_id="06_09_17",
            doc=DOC_VAPA,
        )
    ]


def test_the_cards_citing_a_named_number_are_listed() -> None:
    question = "Welke actiefiches worden vanaf 2017 vervangen door actie 06_09_17?"
    assert plan(question).kind is QuestionKind.TOPIC
    answer = Assistant(with_cards(*_replaced_cards())).ask(question)
    listed = [c.id for c in answer.citations]
    assert {"06_09_11", "06_09_16"} <= set(listed)
