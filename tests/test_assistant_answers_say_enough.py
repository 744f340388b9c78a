"""Answers that say enough: the lines a question in other words needs, and what each listed
card does."""

from __future__ import annotations

from assistant_helpers import aalst_card, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant


def test_an_answer_in_other_words_than_the_question_is_found_in_the_fourth_best_line() -> None:
    # "wat moet je betalen" shares more words with the other lines than with "kost 4 euro".
    restaurant = text_card(
        "Het buurtrestaurant serveert elke werkdag een warme maaltijd voor buurtbewoners.\n\n"
        "Buurtbewoners met een UiTPAS met kansentarief betalen minder voor de maaltijd.\n\n"
        "Vrijwilligers uit de buurt helpen in de keuken van het buurtrestaurant.\n\n"
        "Een maaltijd kost 4 euro, soep en dessert inbegrepen.\n\n"
        "Het restaurant ligt naast het dienstencentrum.",
        "Buurtrestaurant De Keuken",
        card_id="01/11/SAP/02/20",
    )
    answer = Assistant(with_cards(restaurant)).ask(
        "wat moet je betalen voor een warme maaltijd in het buurtrestaurant?"
    )
    assert "4 euro" in answer.answer
    assert "dienstencentrum" not in answer.answer  # shares no asked word


def test_a_list_of_eight_cards_says_what_each_one_does() -> None:
    names = ["Babbelonië", "Praatpunt", "Taalpunt", "Woordwijs", "Spreekuur", "Klapcafé",
             "Taalbad", "Buurtbabbel"]  # fmt: skip
    cafes = [
        aalst_card(
            f"De Stad organiseert het taalcafé {name} in wijk {n}.\n\n"
            "Vrijwilligers oefenen er Nederlands met anderstaligen.",
            f"De Stad zet in op het taalcafé in wijk {n}",
            f"D20.{n}-A1",
        )
        for n, name in enumerate(names, 1)
    ]
    answer = Assistant(with_cards(*cafes)).ask("welke acties gaan over een taalcafé in aalst?")
    assert [c.id for c in answer.citations] == [f"D20.{n}-A1" for n in range(1, 9)]
    assert all(name in answer.answer for name in names)  # the name is inside, not in the title


def test_a_list_item_shown_within_a_longer_line_is_not_shown_again() -> None:
    support = text_card(
        "Het ondersteuningsaanbod rust op pijlers: … Het creëren van een praktisch aanbod voor "
        "mantelzorgers; Het faciliteren van ontmoeting voor mantelzorgers.\n\n"
        "Het creëren van een praktisch aanbod voor mantelzorgers.\n\n"
        "Mantelzorgers dragen veel zorg.",
        "Ondersteuning van mantelzorgers",
        card_id="01/11/SAP/02/21",
    )
    answer = Assistant(with_cards(support)).ask(
        "welke ontmoeting biedt actie 01/11/SAP/02/21 aan mantelzorgers?"
    )
    assert answer.answer.count("Het creëren van een praktisch aanbod") == 1
    assert "Het faciliteren van ontmoeting" in answer.answer
