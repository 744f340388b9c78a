"""A list asked of an organisation written as one rare capitalised word ("Ligo") lists the cards
printing it; a conjugated verb in the question ("treedt ... op") names no topic of the list."""

from __future__ import annotations

from assistant_helpers import aalst_card, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.topic_lists import name_phrases

LIGO_CARDS = [
    aalst_card(
        "Samenwerkingsovereenkomst met: CBE Ligo Zuid-Oost-Vlaanderen vzw. De jobclub helpt "
        "werkzoekenden.",
        "De Stad organiseert een jobclub",
        "D40.1-A4",
    ),
    aalst_card(
        "De cursussen worden gecofinancierd door CBE Ligo en aangeboden in Aalsterse scholen.",
        "De Stad rolt het project Ken je school verder uit",
        "D40.4-A2",
    ),
    aalst_card(
        "De Stad treedt op als verhuurder van volkstuinen aan kansentarief.",
        "De Stad verhuurt volkstuinen",
        "D40.3-A2",
    ),
]


def test_one_rare_capitalised_word_is_a_name_but_a_places_adjective_is_not() -> None:
    assert name_phrases("Bij welke acties treedt het centrum Ligo op als partner?") == ["Ligo"]
    assert name_phrases("Welke Aalsterse acties gaan over Lierse scholen?") == []


def test_a_list_of_the_actions_with_a_named_partner() -> None:
    answer = Assistant(with_cards(*LIGO_CARDS)).ask(
        "Bij welke acties van het Aalsterse lokaal sociaal beleidsplan treedt het centrum voor "
        "basiseducatie Ligo op als samenwerkingspartner of cofinancier? Geef ze allemaal."
    )
    listed = {c.id for c in answer.citations}
    assert {"D40.1-A4", "D40.4-A2"} <= listed
    assert "D40.3-A2" not in listed  # "treedt op" is what is done, not the topic


def test_a_conjugated_verb_in_a_list_question_names_no_topic() -> None:
    cards = [
        aalst_card("De Stad treedt op tegen sluikstort in de wijken.", "Sluikstort", "D40.5-A1"),
        aalst_card("De Stad treedt op als bemiddelaar bij burenruzies.", "Bemiddeling", "D40.6-A1"),
    ]
    # No card speaks of co-financing: sharing the verb "treedt op" lists nothing.
    answer = Assistant(with_cards(*cards)).ask(
        "bij welke acties treedt de stad op als cofinancier?"
    )
    assert answer.refused
    assert answer.answer.startswith("Dat staat niet in de documenten")
