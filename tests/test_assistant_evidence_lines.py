"""Which lines answer: a list under its intro, the number right before the counted word,
the years that do print an amount, typos read as the word meant, words naming the document."""

from __future__ import annotations

from assistant_corpus import DOC_AALST, DOC_ESF, _card, _cell, aalst, sample_documents
from assistant_helpers import RULES, plan, text_card, top_line

from actiewijzer.assistant.answer_check import holds_answer
from actiewijzer.assistant.answer_kinds import asked_quarters, has_type, printed_quarters
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.card_lines import card_lines
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.assistant.question_years import compared_years
from actiewijzer.assistant.scope import Vocabulary
from actiewijzer.assistant.testing import InMemoryCardIndex
from actiewijzer.ingest.models import BudgetRow, Card, CardKind, ParsedDocument


def card(text: str, title: str = "Week van de opvoeding") -> Card:
    return text_card(text, title, card_id="Sectie 4", doc=DOC_ESF, kind=CardKind.SECTIE)


def test_a_list_intro_carries_its_items() -> None:
    text = (
        "Aanvullende obstakels waarmee cliënten te maken krijgen en die nog niet aan bod "
        "kwamen in de regio-uitdagingen:\n\n- Gebrek aan digitale vaardigheden\n\n"
        "- Werkloosheidsval\n\n- Generatiearmoede\n\nDe sessie werd afgesloten met een receptie."
    )
    lines = card_lines(card(text, "Resultaten verrijking-sessies"))
    intro = next(line for line in lines if line.startswith("Aanvullende obstakels"))
    assert "Werkloosheidsval; Generatiearmoede" in intro
    assert not any("receptie" in line for line in lines if line.startswith("Aanvullende"))


def test_sub_list_items_under_a_short_intro_become_one_line() -> None:
    text = "2023:\n\n Ruilwinkel:\n\no 124 openingsmomenten\n\no 1164 ‘in’ (gem. 9)\n\n"
    lines = card_lines(card(text, "Organisatie Huis van het kind"))
    assert "Ruilwinkel: 124 openingsmomenten; 1164 ‘in’ (gem. 9)." in lines


def test_the_number_before_the_counted_word_answers() -> None:
    text = (
        "In kwartaal 2 - 2022 werden tijdens de week van de opvoeding acties gerealiseerd.\n\n"
        "De stad verdeelde ongeveer 4000 zakjes met zaadjes bij Lierse schoolkinderen."
    )
    line = top_line(card(text), "hoeveel zakjes werden er uitgedeeld in de week van de opvoeding?")
    assert "4000 zakjes" in line


def test_no_amount_for_the_asked_year_shows_the_years_that_have_one() -> None:
    buurbel = _card(
        DOC_AALST, "D13.2-A3", CardKind.ACTIE,
        "De stad brengt onbekende buurtbewoners met elkaar in contact door middel van nieuwe technologie.",
        4792, 4815, printed=False, mjp_code="AC000221",
        budget=[BudgetRow(label="Uitgaven", cells=[
            _cell("2023", "15 900 EUR", 2023), _cell("2024", "/", 2024), _cell("2025", "/", 2025)
        ])],
    )  # fmt: skip
    index = InMemoryCardIndex([ParsedDocument(info=aalst().info, cards=[buurbel])])
    answer = Assistant(index).ask("Hoeveel geld is er in 2024 voor de Buurbel in Aalst?")
    assert "voor 2024 geen bedrag" in answer.answer
    assert "2023: 15 900 EUR" in answer.answer
    assert answer.grounding.grounded and [c.id for c in answer.citations] == ["D13.2-A3"]


def test_a_typo_is_read_as_the_document_word_it_stands_for() -> None:
    vocabulary = Vocabulary(InMemoryCardIndex(sample_documents()).cards())
    typos = vocabulary.typos("hoeveel vte werkten er in het fietspnut", RULES.stopword_set)
    assert typos == {"fietspnut": "fietspunt"}
    # A real Dutch word the documents never use is no typo of a word they do use.
    assert vocabulary.typos("wie is de schepen van sociale zaken", RULES.stopword_set) == {}


def test_a_verb_with_its_t_is_known_through_its_noun() -> None:
    card = text_card("De sociale dienst neemt een rol op in de bemiddeling.", "Energiekosten")
    vocabulary = Vocabulary([card])
    assert vocabulary.knows("bemiddelt")  # the stemmer keeps the "-t": "bemiddelt"
    assert not vocabulary.knows("verhuist")


def test_a_typo_still_finds_the_line_that_answers() -> None:
    answer = Assistant(InMemoryCardIndex(sample_documents())).ask(
        "hoeveel vte waren er ingeschakeld in fietspnut?"
    )
    first_line = answer.answer.splitlines()[1]
    assert "5,5VTE" in first_line and "Fietspunt" in first_line


def test_words_describing_the_document_are_no_topic() -> None:
    asked = plan("Welke regio-uitdagingen in het lokaal addendum gaan over schulden?")
    assistant = Assistant(InMemoryCardIndex(sample_documents()))
    topic = assistant.retriever._topic_words(asked, [DOC_ESF])
    assert "lokaal" not in topic and "addendum" not in topic and "schulden" in topic


def test_a_follow_up_with_its_own_subject_does_not_inherit_the_field() -> None:
    history = [
        ChatTurn(role="user", content="Wie trekt de actie rond het Fietspunt?"),
        ChatTurn(role="assistant", content="Actie 01/11/SAP/01/01 wordt getrokken door OCMW."),
    ]
    own = plan("en hoeveel VTE werkten er in projecten van Werkmaat?", history)
    again = plan("en in 2020?", history)
    assert "trekker" not in own.fields and "trekker" in again.fields


def test_a_follow_up_naming_another_place_leaves_the_earlier_card() -> None:
    history = [
        ChatTurn(role="user", content="Wat doet Vlaanderen aan energiearmoede?"),
        ChatTurn(role="assistant", content="Volgens actie 08_03_01 „Uitwerken en implementeren van een Actieplan Energiearmoede.”"),
    ]  # fmt: skip
    answer = Assistant(InMemoryCardIndex(sample_documents())).ask(
        "en hoeveel VTE werkten er in Lier in het Fietspunt?", history
    )
    assert [c.id for c in answer.citations] == ["01/11/SAP/01/01"]


def test_a_budget_note_splitting_the_amount_is_shown() -> None:
    tolken = _card(
        DOC_AALST, "D6.2-A3", CardKind.ACTIE, "De Stad zet op de inschakeling van sociaal tolken",
        2420, 2470, printed=False,
        other={"Opmerking": "*9 000 EUR voor scholen + 3 000 EUR voor interne diensten"},
        budget=[BudgetRow(label="Uitgaven", cells=[_cell("2024", "12 000 EUR", 2024)])],
    )  # fmt: skip
    index = InMemoryCardIndex([ParsedDocument(info=aalst().info, cards=[tolken])])
    answer = Assistant(index).ask("Welk budget is er in 2024 voor sociaal tolken in Aalst?")
    assert "2024: 12 000 EUR" in answer.answer
    assert "Opmerking: *9 000 EUR voor scholen" in answer.answer and answer.grounding.grounded


def test_a_budget_year_is_no_date_but_a_weekday_is() -> None:
    assert not has_type("MJP: AC000224 Uitgaven: 2023: 77 800,45 EUR;", "date")
    assert has_type("Elke dinsdag vindt het ontmoetingsmoment plaats.", "date")
    assert has_type("De publieke opening wordt verwacht zomer 2024.", "date")


def test_a_verb_finds_its_noun() -> None:
    text = (
        "In afwachting van het buurtrestaurant blijft het sociaal restaurant open.\n\n"
        "De publieke opening van het buurtrestaurant wordt verwacht zomer 2024."
    )
    line = top_line(card(text, "Buurtrestaurant"), "Wanneer opent het buurtrestaurant?")
    assert "zomer 2024" in line


def test_elections_and_personal_legal_advice_are_out_of_scope() -> None:
    assistant = Assistant(InMemoryCardIndex(sample_documents()))
    for question in (
        "Wie wordt de volgende eerste minister en op welke partij moet ik stemmen?",
        "Kun je mijn huurcontract nakijken?",
        "Mag mijn huisbaas de huur dit jaar verhogen?",
    ):
        answer = assistant.ask(question)
        assert answer.refused and answer.kind is QuestionKind.OUT_OF_SCOPE, question


def test_a_list_for_a_place_no_document_is_about_is_refused() -> None:
    answer = Assistant(InMemoryCardIndex(sample_documents())).ask(
        "Welke acties rond werkervaring staan in het beleidsplan van Roeselare?"
    )
    assert answer.refused and "Roeselare" in answer.answer and not answer.citations


def test_a_school_year_is_one_compared_year() -> None:
    assert compared_years("in het schooljaar 2019-2020 en in 2022-2023") == [2019, 2022]
    asked = plan("Hoeveel werd er geboekt tegenover de begrote ontvangsten in 2024?")
    assert set(asked.budget_columns) == {"geboekt", "budget"}


def test_a_follow_up_on_income_still_asks_about_income() -> None:
    history = [
        ChatTurn(
            role="user", content="Hoeveel ontvangsten begrootte Lier in 2024 voor 01/11/SAP/01?"
        ),
        ChatTurn(role="assistant", content="Exploitatie – Ontvangsten, Budget 2024: 12.000,00"),
    ]
    assert plan("en hoeveel daarvan was geboekt?", history).budget_row == "ontvangsten"
    assert plan("Hoeveel was er geboekt in 2024 voor 01/11/SAP/01?").budget_row == "uitgaven"


def test_how_often_is_answered_by_a_count_of_occasions() -> None:
    card = text_card(
        "In 2023 werden 33 kinderen ondersteund door 24 vrijwilligers. "
        "Voor de vrijwilligers werden 12 intervisiemomenten georganiseerd.",
        title="Schoolcoaching",
    )
    question = "Hoe vaak kwamen de vrijwilligers samen?"
    assert plan(question).counts_occasions
    assert (
        top_line(card, question)
        == "Voor de vrijwilligers werden 12 intervisiemomenten georganiseerd."
    )
    # "hoeveel vrijwilligers" still counts people.
    assert "24 vrijwilligers" in top_line(card, "Hoeveel vrijwilligers hielpen in 2023?")


def test_words_of_a_scene_setting_sentence_count_less_than_the_asked_ones() -> None:
    card = text_card(
        "Er werden 22 projecten geselecteerd. Lier steunt gezonde maaltijden voor gezinnen.",
        title="Maaltijden",
    )
    question = (
        "Lier steunt gezonde maaltijden voor gezinnen. Hoeveel projecten werden geselecteerd?"
    )
    assert top_line(card, question) == "Er werden 22 projecten geselecteerd."


def test_a_year_naming_the_document_does_not_date_the_figure() -> None:
    asked = plan("Hoeveel trajecten liepen er per maand volgens de evaluatie van 2024?")
    assert asked.document_years == [2024] and asked.figure_years == []
    card = text_card(
        "Kwartaal 1 - 2022:\nOp maandbasis liepen er gemiddeld 22 trajecten.",
        title="Werkervaring",
    )
    # The 2024 evaluation counts what happened in 2022: that figure answers.
    assert "gemiddeld 22 trajecten" in top_line(card, asked.question)
    assert plan("Hoeveel trajecten liepen er in 2024?").figure_years == [2024]


def test_a_count_must_stand_with_what_is_counted() -> None:
    card = text_card(
        "Lier realiseert tegen 2050 betaalbaar wonen voor 500 gezinnen. "
        "Aantal toegekende referentieadressen (jaarlijks).",
        title="Sociaal woonbeleid",
    )
    # The card counts families, and names the addresses without a number: no answer.
    asked = plan("Hoeveel referentieadressen kende Lier toe voor betaalbaar wonen?")
    assert not holds_answer(card, asked, RULES.stopword_set)
    counted = text_card("Er werden 12 referentieadressen toegekend.", title="Sociaal woonbeleid")
    assert holds_answer(counted, asked, RULES.stopword_set)


def test_a_word_pointing_back_is_not_what_is_counted() -> None:
    asked = plan("Hoeveel daarvan worden voorbehouden voor chronisch daklozen?")
    assert "daarvan" not in asked.focus_words
    card = text_card(
        "Van de 25 woningen worden er jaarlijks 8 voorbehouden voor chronisch daklozen.",
        title="Housing First",
    )
    assert holds_answer(card, asked, RULES.stopword_set)


def test_a_quarter_asked_is_answered_under_its_heading() -> None:
    assert asked_quarters("Hoeveel startten er in het eerste kwartaal van 2022?") == {1}
    assert asked_quarters("En in kwartaal 3?") == {3}
    assert asked_quarters("Volgens de evaluatie 2024 Q2") == set()  # a report's name, not asked
    assert printed_quarters("Kwartaal 1 &2 - 2024:") == {1, 2}
    card = text_card(
        "Kwartaal 1 - 2022:\n\nOp de werkvloer zijn 5 mensen in het taalproject gestart.\n\n"
        "Kwartaal 2 - 2022:\n\nOp de werkvloer zijn 4 mensen in het taalproject gestart.",
        title="Werkervaring",
    )
    question = "Hoeveel mensen zijn in het tweede kwartaal van 2022 in het taalproject gestart?"
    assert "4 mensen" in top_line(card, question)
    assert "5 mensen" in top_line(card, question.replace("tweede", "eerste"))


def test_a_verb_after_hoeveel_is_not_what_is_counted() -> None:
    assert plan("Hoeveel werkte de ervaringsdeskundige mee?").focus_words == []
    assert plan("Hoeveel vrijwilligers werkten mee?").focus_words == ["vrijwilligers"]
    # An auxiliary verb: "het er" points back at what is counted ("kantoren").
    asked = plan("Hoeveel kantoren zijn er, en hoeveel moeten het er tegen 2019 zijn?")
    assert asked.focus_words == ["kantoren"]
    card = text_card(
        "Er werd een ervaringsdeskundige te werk gesteld (1 dag per week) ter ondersteuning.",
        title="Voortgangsrapportage",
    )
    assert holds_answer(
        card, plan("Hoeveel werkte de ervaringsdeskundige mee?"), RULES.stopword_set
    )
