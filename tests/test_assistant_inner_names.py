"""A name inside another ("team Veiligheid van de dienst Samenleving") lists the cards printing the
inner one, not every card of the service around it."""

from __future__ import annotations

from assistant_helpers import aalst_card, with_cards

from actiewijzer.assistant.assistant import Assistant

SAFETY = aalst_card(
    "De Stad maakt een actieplan rond jongerengeweld. Trekkersrol: Dienst Samenleving – team "
    "Veiligheid.",
    "De Stad realiseert een actieplan rond jongerengeweld",
    "D60.1-A1",
)
SOCIAL = aalst_card(
    "De Stad bouwt haar regierol uit. Trekkersrol: dienst Samenleving – team Lokaal sociaal "
    "beleid.",
    "De Stad bouwt haar regierol uit",
    "D60.1-A2",
)
BOTH = aalst_card(
    "De Stad zet sensibiliseringsacties op. Trekkersrol: dienst Samenleving – team Lokaal "
    "sociaal beleid en team Veiligheid.",
    "De Stad zet sensibiliseringsacties op",
    "D60.1-A3",
)


def test_the_inner_name_lists_its_cards() -> None:
    answer = Assistant(with_cards(SAFETY, SOCIAL, BOTH)).ask(
        "welke acties van aalst worden getrokken door team veiligheid van de dienst samenleving?"
    )
    assert {c.id for c in answer.citations} == {"D60.1-A1", "D60.1-A3"}
