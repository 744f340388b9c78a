"""Topic lists: per-card topic scores, inherited plan topics, numbered groups; list routing."""

from __future__ import annotations

from assistant_corpus import DOC_AALST, sample_documents
from assistant_helpers import plan, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.doc_scope import cards_named_by_title
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.assistant.retrieval import CardRetriever
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.assistant.text import fold, stems
from actiewijzer.assistant.topics import (
    TopicScorer,
    children_of,
    compounds,
    coordinated,
    matches,
    modifiers,
)
from actiewijzer.ingest.models import Card, CardFields, CardKind


def card(card_id: str, title: str, text: str = "", kind: CardKind = CardKind.ACTIE, parent: str | None = None) -> Card:  # fmt: skip
    return Card(
        doc="d.txt", id=card_id, kind=kind, title=title, parent=parent,
        text=f"{title}\n{text}", start_line=1, end_line=2,
    )  # fmt: skip


def aalst_action(card_id: str, title: str, description: str, trekker: str, row: str) -> Card:
    """An action of Aalst's plan as the parser gives it: title, description, a field row."""
    return Card(
        doc=DOC_AALST, id=card_id, kind=CardKind.ACTIE, title=title,
        text=f"{title}\n{description}\n{row}", start_line=1, end_line=4,
        fields=CardFields(description=description, trekker=trekker),
    )  # fmt: skip


def ids(scorer: TopicScorer) -> list[str]:
    return [s.card.id for s in scorer.ranked()]


def test_compounds_and_stem_forms_match() -> None:
    assert matches("sport", "methodiek buurtsport", stems("methodiek buurtsport"))
    assert matches("wonen", "sociaal woonbeleid", stems("sociaal woonbeleid"))
    assert not matches("huis", "huiswerkondersteuning", stems("huiswerkondersteuning"))
    assert "schuldhulp" in compounds(["schulden", "hulp"])


def test_passing_mentions_and_common_words_do_not_make_the_list() -> None:
    cards = [
        card("1", "Vorming sport en armoede"),
        card("2", "Buurtsport voor kinderen"),
        card("3", "Netwerk tegen armoede", "armoede armoede; ook sport wordt genoemd"),
        *[card(f"x{i}", f"Mensen in armoede {i}") for i in range(8)],
    ]
    found = ids(TopicScorer(cards, ["sport", "mensen", "armoede"]))
    assert sorted(found[:2]) == ["1", "2"]
    assert "3" not in found and not any(i.startswith("x") for i in found)


def test_actions_inherit_the_topic_of_their_goal() -> None:
    goal = card("Doelstelling 9.1", "De Stad pakt dakloosheid aan", kind=CardKind.DOELSTELLING)
    cards = [
        goal,
        card("D9.1-A1", "Nachtopvang voor daklozen", parent=goal.id),
        card("D9.1-A2", "Winternoodplan", "Extra bedden in de winter.", parent=goal.id),
        card("D5.1-A1", "Werk en activering"),
    ]
    found = ids(TopicScorer(cards, ["dakloosheid"]))
    assert {"Doelstelling 9.1", "D9.1-A2"} <= set(found)
    assert "D5.1-A1" not in found
    assert [c.id for c in children_of(cards, [goal])] == ["D9.1-A1", "D9.1-A2"]


def test_list_questions_without_welke_acties() -> None:
    assert plan("Wat doet Aalst tegen eenzaamheid?").kind is QuestionKind.TOPIC
    assert plan("Zijn er in Lier projecten voor alleenstaande mama's?").kind is QuestionKind.TOPIC
    assert plan("Wat doet de sociale kruidenier voor gezinnen?").kind is not QuestionKind.TOPIC


def test_school_year_is_not_a_comparison_and_budget_codes_are_read() -> None:
    assert plan("Hoeveel leerlingen waren er in 2022-2023?").kind is not QuestionKind.COMPARE
    assert plan("Welke acties vallen onder MJP AC000215?").mjp_codes == [fold("AC000215")]


def test_status_words_for_not_started_and_nearly_done() -> None:
    assert plan("Welke actie was in 2020 nog niet begonnen?").kind is QuestionKind.STATUS
    nearing = plan("Welke acties naderen hun einde?")
    assert nearing.kind is QuestionKind.STATUS
    assert "3 -" in nearing.status_matches


def test_a_card_named_by_its_title() -> None:
    cards = [
        card("1", "Acute Opvang voor mensen in woonnood"),
        card("2", "Uitbouw van de Huizen van het Kind"),
        card("3", "Uitbouw project Woonatelier"),
    ]
    named = cards_named_by_title("Hoeveel nachten (actie Acute Opvang) in 2023?", cards)
    assert [c.id for c in named] == ["1"]
    named = cards_named_by_title("Wie trekt de actie Uitbouw van de Huizen van het Kind?", cards)
    assert [c.id for c in named] == ["2"]
    assert cards_named_by_title("Welke acties lopen er?", cards) == []
    # "de actie rond het ...": the title comes after the preposition.
    named = cards_named_by_title("Hoe ver staat de actie rond de uitbouw van de huizen?", cards)
    assert [c.id for c in named] == ["2"]


def test_follow_up_asking_for_a_list_in_another_document() -> None:
    history = [
        ChatTurn(role="user", content="Welke Vlaamse actie gaat over duaal leren?"),
        ChatTurn(role="assistant", content="Actie 05_02_02 'Duaal leren opwaarderen'."),
    ]
    question = "Heeft Aalst daar in zijn lokaal sociaal beleidsplan ook acties rond?"
    followed = plan(question, history)
    assert followed.is_follow_up
    assert followed.kind is QuestionKind.TOPIC
    assert "duaal" in followed.text.lower()


def test_a_measure_word_asks_for_a_figure() -> None:
    assert plan("Wat was de werkzoekendengraad in 2023?").answer_type == "count"


def test_a_list_of_the_actions_under_a_named_card_says_so() -> None:
    answer = Assistant(InMemoryCardIndex(sample_documents())).ask(
        "Welke acties horen bij actieplan 01/11/SAP/01 in de evaluatie 2024?"
    )
    assert answer.answer.startswith("Deze acties vallen onder 01/11/SAP/01:")
    assert "01/11/SAP/01/01" in answer.answer


def test_two_words_joined_by_an_ellipsis_name_one_group() -> None:
    """ "dak- en thuislozen": a card on "daklozen" alone belongs to the list."""
    cards = [
        card("A1", "Nachtopvang voor dak- en thuislozen"),
        card("A2", "Sociale woningen voor chronisch daklozen"),
        card("A3", "Daklozen tellen mee in de armoedebarometer"),
        card("A4", "Speelpleinwerking"),
        *[card(f"x{i}", f"Werk en activering {i}") for i in range(16)],
    ]
    words = ["daklozen", "thuislozen"]
    question = "Welke acties zijn er voor dak- en thuislozen?"
    assert coordinated(question, words) == {"daklozen": "thuislozen"}
    found = ids(TopicScorer(cards, words, coordinated(question, words)))
    assert {"A1", "A2", "A3"} <= set(found)
    assert "A4" not in found


def test_an_infinitive_starts_a_compound_the_stemmer_spells_otherwise() -> None:
    # Snowball turns "oefenen" into "oefeen", which starts no word.
    assert matches("oefenen", "bieden oefenkansen aan", stems("bieden oefenkansen aan"))


def test_a_short_topic_list_shows_the_line_that_names_the_project() -> None:
    """The title names the topic; the description names the project, a line further."""
    lonely = aalst_action(
        "D1.1-A9",
        "De Stad organiseert intervisies rond eenzaamheid",
        "Op vraag van de eerstelijnszone zet de Stad een halfjaarlijkse intervisie op met "
        "zorgverleners. Het project heet ‘Samen Sterk’.",
        trekker="Dienst Zorg",
        row="Trekkersrol: Dienst Zorg",
    )
    answer = Assistant(with_cards(lonely)).ask("Wat doet Aalst tegen eenzaamheid?")
    assert "D1.1-A9" in answer.answer
    assert "Het project heet ‘Samen Sterk’." in answer.answer
    assert "Trekkersrol" not in answer.answer


def test_when_one_thing_is_ready_asks_a_date_not_the_list_of_finished_actions() -> None:
    assert plan("wanneer is het nieuwe huis van het kind klaar?").kind is QuestionKind.FACT
    assert plan("welke acties zijn klaar?").kind is QuestionKind.STATUS


def test_what_a_town_did_to_reach_a_goal_asks_for_a_list() -> None:
    asked = plan("Wat deed Lier in 2020 om kinderen te helpen met het afstandsonderwijs?")
    assert asked.kind is QuestionKind.TOPIC
    assert plan("Wat deed Lier in 2020 met het budget?").kind is not QuestionKind.TOPIC
    assert plan("wat doet lier samen met het CAW?").kind is QuestionKind.TOPIC


def test_an_adjective_narrows_its_noun_unless_the_noun_is_common() -> None:
    assert modifiers(["slechte", "ongezonde", "huurwoningen"]) == {
        "slechte": "huurwoningen",
        "ongezonde": "huurwoningen",
    }
    assert modifiers(["armoede", "bestrijding"]) == {}  # "armoed" is no word: a noun
    cards = [
        card("W1", "Verplicht conformiteitsattest voor huurwoningen"),
        card("W2", "Strijd tegen leegstand van huurwoningen"),
        card("G1", "Ongezonde voeding en levensstijl", "Roken komt vaker voor."),
        *[card(f"x{i}", f"Werk en activering {i}") for i in range(12)],
    ]
    found = ids(TopicScorer(cards, ["ongezonde", "huurwoningen"]))
    assert {"W1", "W2"} <= set(found) and "G1" not in found
    health = [card(f"h{i}", f"Gezondheid en preventie {i}") for i in range(8)]
    mental = card("M1", "Geestelijke gezondheid voor mensen in armoede")
    scorer = TopicScorer([mental, *health, *cards], ["geestelijke", "gezondheid"])
    assert "geestelijke" in scorer.required and ids(scorer) == ["M1"]


def test_a_card_listed_for_a_field_row_also_says_what_it_does() -> None:
    """ "Samenwerking met: Steunpunt Welzijn vzw" puts the card on the list; its description
    says what the action does, and a title ending in "…" leaves the description whole."""
    awareness = aalst_action(
        "D2.2-A9",
        "De Stad werkt rond bewustmaking, …",
        "De Stad organiseert jaarlijks de actie ‘Stop de armoede’ rond 17 oktober.",
        trekker="dienst Samenleving",
        row="Trekkersrol: dienst Samenleving Samenwerking met: Steunpunt Welzijn vzw, "
        "Vierdewereldgroep vzw",
    )
    answer = Assistant(with_cards(awareness)).ask(
        "Voor welke acties werkt Aalst samen met Steunpunt Welzijn vzw?"
    )
    assert "De Stad organiseert jaarlijks de actie ‘Stop de armoede’" in answer.answer
    assert "Steunpunt Welzijn vzw, Vierdewereldgroep vzw" in answer.answer


def test_a_status_asked_of_a_topic_none_has_shows_the_topics_actions_as_they_stand() -> None:
    answer = Assistant(InMemoryCardIndex(sample_documents())).ask(
        "Zijn de acties rond het fietspunt al afgerond?"
    )
    lines = answer.answer.splitlines()
    assert lines[0].startswith("Geen van de acties hierover heeft de status „afgerond”")
    # The finished action on another topic (the social restaurant) is no answer.
    assert [c.id for c in answer.citations] == ["01/11/SAP/01/01"]
    assert lines[1].endswith("1-gestart")


def test_a_status_list_within_a_plan_named_by_title_lists_the_plans_actions() -> None:
    asked = plan(
        "Welke acties binnen het actieplan Werkervaring kansengroepen zijn gestart volgens "
        "het Lierse rapport over 2020?"
    )
    found = CardRetriever(InMemoryCardIndex(sample_documents())).retrieve(asked)
    # Its actions, also the one whose text never repeats the plan's name; not the plan itself.
    assert [f.card.id for f in found.cards] == ["01/11/SAP/01/01", "01/11/SAP/01/02"]


def test_a_list_whose_topic_words_make_no_phrase_opens_without_naming_them() -> None:
    assistant = Assistant(InMemoryCardIndex(sample_documents()))
    long_question = (
        "Welke acties gaan over energiearmoede, en daarnaast over isolatie van daken, het "
        "informeren van mensen in armoede over afsluiting en de beschermingsmaatregelen?"
    )
    assert assistant.ask(long_question).answer.splitlines()[0] == "Deze acties passen bij uw vraag:"
    short = assistant.ask("Welke acties gaan over energiearmoede?")
    assert short.answer.splitlines()[0] == "Deze acties gaan over energiearmoede:"
