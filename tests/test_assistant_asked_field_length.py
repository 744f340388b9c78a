"""The one field a question asks for is quoted whole up to a longer limit: "welke indicatoren?"
wants every indicator, not the first 300 characters of them."""

from __future__ import annotations

from assistant_corpus import DOC_2024
from assistant_helpers import text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import CardFields

INDICATORS = [
    f"Werkzoekendengraad bij groep {n}: actueel aandeel in het werkzoekendenbestand (jaarlijks)"
    for n in range(1, 6)
] + ["Werkzoekendengraad bij personen van allochtone origine (jaarlijks)"]
WORK = text_card(
    "Lier zet in op werkervaring voor kansengroepen.",
    "Werkervaring voor nieuwkomers",
    card_id="01/11/SAP/09",
    doc=DOC_2024,
).model_copy(update={"fields": CardFields(indicators=INDICATORS)})


def test_the_asked_field_is_quoted_past_the_usual_limit() -> None:
    assert len("; ".join(INDICATORS)) > 400
    answer = Assistant(with_cards(WORK)).ask(
        "Met welke indicatoren volgt Lier het actieplan Werkervaring voor nieuwkomers op?"
    )
    assert "allochtone origine" in answer.answer
    assert answer.grounding.grounded
