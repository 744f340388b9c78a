"""Is the answer about what was asked: figures in the next sentence or under a year heading,
lower hits that answer another subject, words the documents never use, uploads."""

from __future__ import annotations

import pytest
from assistant_corpus import DOC_2020, DOC_AALST, aalst, lier_2020, lier_2024, sample_index
from assistant_helpers import RULES, aalst_card, plan, text_card, top_line, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.backends import AnswerTask
from actiewijzer.assistant.card_choice import CardChooser
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.assistant.scope import Vocabulary
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.assistant.text import topic_phrase
from actiewijzer.ingest.models import Card, ParsedDocument


def card(text: str, title: str = "Centraal aanmeldingssysteem", card_id: str = "A1") -> Card:
    return text_card(text, title, card_id=card_id)


def test_the_figure_in_the_next_sentence_answers() -> None:
    text = (
        "In 2024 is het centraal aanmeldingssysteem overgestapt naar het Vlaamse platform. "
        "Er waren in totaal 887 aanmeldingen: 790 voor 1A en 134 voor 1B."
    )
    line = top_line(
        card(text), "Hoeveel aanmeldingen waren er in 2024 via het centraal aanmeldingssysteem?"
    )
    assert "887" in line and "overgestapt" in line


def test_a_sentence_pointing_back_finishes_the_one_before_it() -> None:
    text = (
        "In 2020 stond de samenwerking met het onderwijsveld in het teken van corona. "
        "Daarnaast past een initiatief om de directies te bedanken voor de samenwerking. "
        "In 2020 is hiertoe een ontbijtevent aangeboden."
    )
    line = top_line(
        card(text, "Regie onderwijsbeleid"), "Hoe bedankte Lier de directies voor de samenwerking?"
    )
    assert "ontbijtevent" in line and "directies te bedanken" in line


def test_a_sentence_saying_what_was_done_therefore_finishes_the_one_before_it() -> None:
    text = (
        "Een eerste ontwerp voor de nieuwe energiescan werd uitgesteld in afwachting van een "
        "evaluatie. Het agentschap werkt daarom in 2016 een evaluatie met een 0-meting uit."
    )
    line = top_line(card(text, "Energiescans"), "Is de nieuwe energiescan ingevoerd?")
    assert "uitgesteld" in line and "0-meting" in line


def test_a_year_heading_dates_the_lines_under_it() -> None:
    text = (
        "Kwartaal 4 - 2023:\n\n- Op maandbasis liepen er gemiddeld 34,67 trajecten.\n\n"
        "Kwartaal 1 &2 - 2024:\n\n-Op maandbasis liepen er gemiddeld 28,7trajecten, lager."
    )
    line = top_line(
        card(text, "Werkervaring"), "Hoeveel trajecten liepen er gemiddeld per maand in 2024?"
    )
    assert "28,7" in line


def test_a_figure_for_another_year_does_not_answer() -> None:
    text = "In 2023 is er in totaal 59.007,59€ geïnvesteerd in financiële steun."
    asked = plan("Hoeveel geld ging er in 2022 naar financiële steun?")
    money = best_lines(card(text, "Steun"), asked, RULES.stopword_set)
    assert not money


def _shop_and_house() -> InMemoryCardIndex:
    lier, shop = lier_2024(), aalst()
    house = card(
        "Lier realiseert een ruilwinkel in het Huis van het kind. "
        "In 2023 kwamen 66 unieke kinderen over de vloer.",
        "Organisatie Huis van het kind",
        "01/11/SAP/02/13",
    )
    weg_en_weer = card(
        "De Stad zet in op de ruilwinkel Weg & Weer, waar gezinnen kleren voor kinderen ruilen.",
        "De Stad zet in op de ruilwinkel Weg & Weer",
        "D4.2-A1",
    ).model_copy(update={"doc": DOC_AALST})
    return InMemoryCardIndex(
        [
            lier.model_copy(update={"cards": [*lier.cards, house]}),
            shop.model_copy(update={"cards": [*shop.cards, weg_en_weer]}),
        ]
    )


def test_a_count_from_another_subject_is_not_an_answer() -> None:
    assistant = Assistant(_shop_and_house())
    answer = assistant.ask("Hoeveel kinderen kregen in 2023 kleren via de ruilwinkel Weg & Weer?")
    assert answer.refused
    assert "66" not in answer.answer
    assert [c.id for c in answer.citations] == ["D4.2-A1"]


@pytest.fixture(scope="module")
def vocabulary() -> Vocabulary:
    return Vocabulary(sample_index().cards())


def test_vocabulary_tells_typos_from_words_the_documents_never_use(
    vocabulary: Vocabulary,
) -> None:
    assert vocabulary.knows("kruidenier")
    assert vocabulary.knows("kruidenir")  # a typo of a word the documents use
    assert vocabulary.knows("restaurants")  # a plural
    assert not vocabulary.knows("schepen")  # a Dutch word, one letter from "scherpen"
    assert not vocabulary.knows("zwembaden")


def test_a_question_about_something_never_named_is_refused() -> None:
    answer = Assistant(sample_index()).ask("Wie is de schepen van sociale zaken in Aalst?")
    assert answer.refused and answer.kind is QuestionKind.UNANSWERABLE
    assert "„schepen”" in answer.answer
    assert "Trekker" not in answer.answer


def test_a_misspelled_question_is_still_answered() -> None:
    question = "hoeveel kruideniers had de verbouwing van het sociaal restaurant in 2020?"
    answer = Assistant(sample_index()).ask(question.replace("kruideniers", "kruidenirs"))
    assert "noemen nergens" not in answer.answer
    assert answer.citations[0].id == "01/11/SAP/03/01"


def test_ellipses_and_topic_phrases() -> None:
    daklozen = card("Opvang voor daklozen en thuislozen.", "Opvang")
    vocabulary = Vocabulary([daklozen])
    question = "Welke acties heeft Aalst voor dak- en thuislozen?"
    assert vocabulary.complete_ellipses(question, ["dak", "thuislozen"]) == [
        "daklozen",
        "thuislozen",
    ]
    assert topic_phrase(question, ["daklozen", "thuislozen"]) == "dak- en thuislozen"
    asked = "Welke acties gaan over het huis van het kind?"
    assert topic_phrase(asked, ["huis", "kind"]) == "huis van het kind"


def test_a_follow_up_naming_a_field_does_not_inherit_the_budget_question() -> None:
    history = [
        ChatTurn(role="user", content="Wat was het budget voor de UiTPAS in 2015?"),
        ChatTurn(role="assistant", content="Voor 2015 was 747 000,00 euro voorzien (06_09_04)."),
    ]
    asked = plan("En wat was het doel voor 2018?", history)
    assert asked.kind is QuestionKind.FACT
    assert "mijlpalen" in asked.fields and asked.years == [2018]


def test_two_questions_in_one_message_are_split() -> None:
    parts = RULES.question_parts("Wat doet Vlaanderen tegen armoede, en wat doet Lier zelf?")
    assert parts == ["Wat doet Vlaanderen tegen armoede,", "en wat doet Lier zelf?"]
    assert RULES.question_parts("Wat doet Lier?") == ["Wat doet Lier?"]
    # The question mark ends the first question; the second never starts on it alone.
    parts = RULES.question_parts("Wat kregen de kinderen voor de sint? en hoeveel pakketten?")
    assert parts == ["Wat kregen de kinderen voor de sint?", "en hoeveel pakketten?"]
    assert RULES.question_parts("? en hoeveel pakketten?") == ["? en hoeveel pakketten?"]


def test_a_second_question_may_start_with_a_preposition() -> None:
    parts = RULES.question_parts("Wanneer vond de conferentie plaats, en met hoeveel werkgroepen?")
    assert parts == ["Wanneer vond de conferentie plaats,", "en met hoeveel werkgroepen?"]


def test_a_second_part_is_checked_on_its_own_words() -> None:
    """ "omvang" is a word no card uses; the first part is answered all the same, and the
    second part, about the partner, does not inherit it as an unknown subject."""
    answer = Assistant(sample_index()).ask(
        "Vanaf welke omvang krijgen kwetsbare gezinnen in Aalst opvoedingsondersteuning aan "
        "huis, en met welke partner?"
    )
    assert not answer.refused and "Home-Start Domo" in answer.answer
    assert "Dat staat niet in de documenten" not in answer.answer


def test_a_second_part_about_a_thing_no_card_names_is_not_answered_alone() -> None:
    answer = Assistant(sample_index()).ask(
        "Wat betekent de afkorting XQZ in de kolom van de Lierse evaluatie, en hoe verschilt "
        "die kolom van het budget?"
    )
    assert answer.refused
    assert answer.answer.count("Dat staat niet in de documenten") == 1


def test_a_second_question_after_a_question_mark_is_answered() -> None:
    answer = Assistant(sample_index()).ask(
        "Welke toelage kent Lier toe voor het Fietspunt? en hoeveel VTE werkten er in 2020 in "
        "Fietspunt?"
    )
    assert not answer.refused
    assert "toelage toe aan vzw Werk" in answer.answer  # the first question
    assert "19,4VTE" in answer.answer  # the second, after the question mark


def test_an_upload_after_the_first_question_is_in_scope() -> None:
    index = InMemoryCardIndex([lier_2024(), lier_2020()])
    assistant = Assistant(index)
    question = "Wie is de trekker van de opvoedingsondersteuning aan huis bij kwetsbare gezinnen?"
    before = assistant.ask(question)
    assert not any(c.doc == DOC_AALST for c in before.citations)
    index.add(aalst())
    after = assistant.ask(question)
    assert not after.refused
    assert after.citations[0].id == "D7.1-A2"


def test_in_memory_index_add_replaces_a_document() -> None:
    index = InMemoryCardIndex([lier_2024()])
    shorter = lier_2024()
    index.add(ParsedDocument(info=shorter.info, cards=shorter.cards[:1]))
    assert len(index.cards()) == 1


def test_a_follow_up_on_a_card_in_two_reports_takes_the_one_for_the_year_asked() -> None:
    history = [
        ChatTurn(role="user", content="Wat doet Lier rond het Fietspunt?"),
        ChatTurn(role="assistant", content="Volgens actie 01/11/SAP/01/01 steunt Lier Fietspunt."),
    ]
    asked = plan("en welk activiteitenaanbod met fietsherstellingen had het in 2020?", history)
    found = Assistant(sample_index()).retriever.retrieve(asked)
    assert (found.cards[0].card.doc, found.cards[0].card.id) == (DOC_2020, "01/11/SAP/01/01")


def test_since_the_end_of_a_year_dates_the_question_and_asks_no_start_date() -> None:
    assert "start_date" not in plan("hoe is het aanbod sinds eind 2021 opgedeeld?").fields
    assert "start_date" in plan("sinds wanneer loopt het Fietspunt?").fields


def test_among_equally_found_cards_the_one_whose_line_answers_wins_over_the_titled_one() -> None:
    landlord = aalst_card(
        "Op het grondgebied worden een 150-tal woningen verhuurd als SVK-woning.",
        "Samenwerking met het Sociaal Verhuurkantoor",
        "D1",
    )
    housing = aalst_card(
        "Er worden jaarlijks tot 25 extra sociale woningen bij gecreëerd door een "
        "prospectiemedewerker van het Sociaal Verhuurkantoor.",
        "Housing First",
        "D2",
    )
    index = with_cards(landlord, housing)
    document = index.get_document(DOC_AALST).info
    tied = [FoundCard(card, document, score=1.0) for card in (landlord, housing)]
    task = AnswerTask(
        plan=plan("Hoeveel extra sociale woningen creëert het Sociaal Verhuurkantoor jaarlijks?"),
        retrieved=Retrieved(cards=tied),
        source=index,
        vocabulary=Vocabulary(index.cards()),
    )
    assert [f.card.id for f in CardChooser(RULES).cards_to_answer(task)][:1] == ["D2"]


def test_a_compound_of_two_words_the_cards_use_is_known() -> None:
    card = text_card(
        "Tijdens de winternood is De Brug een periode lang open. Gezondheidsuitgaven "
        "en rekeningen van de dokter wegen zwaar.",
        "Dagopvang",
    )
    vocabulary = Vocabulary([card])
    # "winter" only as part of "winternood": still a word these cards know.
    assert vocabulary.knows("winterperiode")
    assert vocabulary.knows("doktersrekeningen")  # with the linking "s"
    assert not vocabulary.knows("zwembadpas")
