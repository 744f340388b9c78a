"""Answers that say enough: the lines a question in other words needs, and what each listed
card does."""

from __future__ import annotations

from assistant_helpers import aalst_card, text_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.ingest.models import Card, CardFields, CardKind


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


def test_a_list_cut_at_twelve_cards_still_says_what_each_listed_card_does() -> None:
    cafes = [
        aalst_card(
            f"De Stad organiseert het taalcafé Tafel{n} in wijk {n}.\n\n"
            "Vrijwilligers oefenen er Nederlands met anderstaligen.",
            f"De Stad zet in op het taalcafé in wijk {n}",
            f"D20.{n}-A1",
        )
        for n in range(1, 15)
    ]
    answer = Assistant(with_cards(*cafes)).ask("welke acties gaan over een taalcafé in aalst?")
    assert len(answer.citations) == 12
    assert all(f"Tafel{c.id[4:-3]}" in answer.answer for c in answer.citations)


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


def _plan_with_actions() -> list[Card]:
    plan = text_card(
        "Lier zet in op werkplekleren voor kansengroepen.",
        "Werkplekleren kansengroepen",
        card_id="01/11/SAP/09",
        kind=CardKind.ACTIEPLAN,
    )
    actions = [
        ("Uitbesteding trajecten", "Lier besteedt de trajecten uit.\n\n" + _TROEF),
        ("Jobatelier", "Lier bouwt een jobatelier uit voor kansengroepen."),
        ("Activeringstrajecten", "Lier investeert in activering van leefloners.\n\n" + _TROEF),
    ]
    return [plan] + [
        text_card(text, title, card_id=f"01/11/SAP/09/0{n}").model_copy(
            update={"parent": "01/11/SAP/09"}
        )
        for n, (title, text) in enumerate(actions, 1)
    ]


_TROEF = "Vanaf 01/01/2024 kent het project een vervolg binnen het TROEF."


def test_the_actions_under_a_named_plan_are_those_the_rest_of_the_question_asks_about() -> None:
    assistant = Assistant(with_cards(*_plan_with_actions()))
    answer = assistant.ask(
        "Welke acties onder actieplan Werkplekleren kansengroepen in de evaluatie van 2024 "
        "krijgen een vervolg binnen TROEF?"
    )
    listed = [c.id for c in answer.citations if c.id.startswith("01/11/SAP/09/")]
    assert listed == ["01/11/SAP/09/01", "01/11/SAP/09/03"]
    every = assistant.ask(
        "Welke acties vallen onder actieplan Werkplekleren kansengroepen in de evaluatie van 2024?"
    )
    listed = [c.id for c in every.citations if c.id.startswith("01/11/SAP/09/")]
    assert listed == ["01/11/SAP/09/01", "01/11/SAP/09/02", "01/11/SAP/09/03"]


def test_sentences_saying_more_of_the_best_line_come_with_it() -> None:
    arena = text_card(
        "De deelnemers gaven aan dat er nood is aan iemand die de klant op alle levensdomeinen "
        "wegwijs kan maken. Iemand die vooral de sociale kaart kent. Iemand die niet zelf de "
        "expert is, een trajectgezel.\n\n"
        "Het is belangrijk dat deze ook thuis kan langsgaan.",
        "Arena-analyse",
        card_id="01/11/SAP/02/22",
    )
    answer = Assistant(with_cards(arena)).ask(
        "Welke figuur vroegen de deelnemers in actie 01/11/SAP/02/22 om de klant op alle "
        "levensdomeinen wegwijs te maken?"
    )
    assert "een trajectgezel" in answer.answer


def test_a_field_asked_comes_with_the_three_best_lines() -> None:
    # "vrijwilligers" is not the card's word ("Helpers"): the answer is its third line.
    restaurant = text_card(
        "Het buurtrestaurant serveert elke werkdag een warme maaltijd voor buurtbewoners.\n\n"
        "Buurtbewoners met een UiTPAS betalen minder voor de maaltijd in het buurtrestaurant.\n\n"
        "Helpers koken mee in het buurtrestaurant; ze leren er positieve werkervaringen.\n\n"
        "Het restaurant ligt naast het dienstencentrum.",
        "Buurtrestaurant De Keuken",
        card_id="01/11/SAP/02/23",
    ).model_copy(update={"fields": CardFields(trekker="Dienst Welzijn")})
    answer = Assistant(with_cards(restaurant)).ask(
        "wie trekt het buurtrestaurant De Keuken en wat doen de vrijwilligers er?"
    )
    assert "Dienst Welzijn" in answer.answer and "positieve werkervaringen" in answer.answer
