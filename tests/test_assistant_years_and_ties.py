"""Which year a figure is for, which card answers when the search cannot tell cards apart, and
questions about spending that ask why rather than how much."""

from __future__ import annotations

from assistant_corpus import DOC_2020, DOC_2024
from assistant_helpers import RULES, aalst_card, plan, text_card, with_cards

from actiewijzer.assistant.answer_check import holds_answer
from actiewijzer.assistant.answer_kinds import years_meant
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.backends import AnswerTask
from actiewijzer.assistant.card_choice import CardChooser
from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.assistant.scope import Vocabulary
from actiewijzer.assistant.sources import FoundCard, Retrieved
from actiewijzer.ingest.models import Card, CardFields, Milestone

VOLUNTEERING = text_card(
    "Lier investeert vanaf 2020 in trajecten van begeleid vrijwilligerswerk voor leefloners.\n\n"
    "Op 25/11/2020 heeft ESF goedkeuring gegeven voor een nieuw initiatief. Dankzij deze "
    "goedkeuring kunnen 50 OCMW-cliënten in de periode 2021-2022 begeleid worden.",
    "Sociale activeringstrajecten voor leefloners",
    card_id="01/11/SAP/01/04",
    doc=DOC_2020,
)


def test_a_date_in_a_line_says_when_its_years_say_what_the_figures_are_for() -> None:
    assert years_meant("Op 25/11/2020 keurde ESF het goed: 50 cliënten in 2021-2022.") == {
        2021,
        2022,
    }
    assert years_meant("Op 25/11/2020 keurde ESF het project goed.") == set()


def test_a_count_for_another_period_does_not_answer_a_count_for_the_year_decided() -> None:
    asked = plan("Hoeveel leefloners begonnen in 2020 met begeleid vrijwilligerswerk?")
    assert not holds_answer(VOLUNTEERING, asked, RULES.stopword_set)
    later = plan("Hoeveel leefloners worden in 2021 begeleid in vrijwilligerswerk?")
    assert holds_answer(VOLUNTEERING, later, RULES.stopword_set)


def test_an_end_date_asked_with_a_status_word_is_a_date_not_a_status_list() -> None:
    asked = plan("tot wanneer zou het begeleid vrijwilligerswerk voor leefloners lopen?")
    assert asked.kind is QuestionKind.FACT and asked.answer_type == "end_date"


def test_a_year_printed_apart_from_the_document_name_dates_the_figure_too() -> None:
    asked = plan("Hoeveel kinderen kregen in 2024 geen school, volgens de evaluatie 2024?")
    assert asked.figure_years == [2024]
    assert plan("Hoeveel kinderen kregen geen school volgens de evaluatie 2024?").figure_years == []


PROGRAMME = text_card(
    "Het plattelandsprogramma steunt projecten rond armoedebestrijding.",
    "Het plattelandsprogramma ondersteunt lokale actoren inzake armoedebestrijding",
    card_id="00_08_01",
).model_copy(
    update={
        "fields": CardFields(
            mijlpalen=[
                Milestone(
                    year="2016",
                    text="Onder Leader werden 14 projecten ikv armoedebestrijding gefinancierd "
                    "voor een bedrag van 85.369,80 euro.",
                )
            ],
            other={"Budgettair engagement": "Voor leader-projecten per jaar 880.000 euro"},
        )
    }
)


def test_the_amount_asked_after_a_count_for_a_missing_year_is_missing_too() -> None:
    answer = Assistant(with_cards(PROGRAMME)).ask(
        "Hoeveel projecten rond armoedebestrijding werden in 2018 gefinancierd onder Leader, "
        "en voor welk bedrag?"
    )
    assert answer.refused
    assert "85.369,80" not in answer.answer


def test_a_share_asks_for_a_percentage_and_needs_no_card_saying_share() -> None:
    population = aalst_card(
        "In 2018 had 8,1% van de Aalsterse bevolking een niet-Belgische nationaliteit.",
        "Nieuwkomers krijgen maximale kansen",
        "Ambitie 6",
    )
    asked = plan("Welk aandeel van de bevolking had in 2018 een niet-Belgische nationaliteit?")
    assert asked.wants_percent
    assert holds_answer(population, asked, RULES.stopword_set)


def _chosen(question: str, cards: list[Card], history: list[ChatTurn] | None = None) -> str:
    index = with_cards(*cards)
    tied = [FoundCard(c, index.get_document(c.doc).info, score=1.0) for c in cards]
    task = AnswerTask(
        plan=plan(question, history),
        retrieved=Retrieved(cards=tied),
        source=index,
        vocabulary=Vocabulary(index.cards()),
    )
    return CardChooser(RULES).cards_to_answer(task)[0].card.id


LANGUAGE_SCHOOL = aalst_card(
    "Samenwerking met de VDAB en de Huizen van het Nederlands.",
    "Het strategisch taalbeleid in de opleidingscentra verder uitbouwen",
    "D7.1-A1",
)
LANGUAGE_JOBS = aalst_card(
    "In 2016 wordt een nieuwe overeenkomst opgesteld tussen VDAB en het agentschap "
    "Inburgering en Integratie.",
    "Een sluitend taalbeleid voor anderstalige werkzoekenden",
    "D7.1-A2",
)
ON_JOBS = "Met welke partners stelde de VDAB in 2016 een nieuwe overeenkomst op rond het taalbeleid voor werkzoekenden?"


def test_among_equally_found_cards_the_one_whose_line_answers_wins_without_an_answer_type() -> None:
    assert plan(ON_JOBS).answer_type is None
    assert _chosen(ON_JOBS, [LANGUAGE_SCHOOL, LANGUAGE_JOBS]) == "D7.1-A2"


def test_a_follow_up_keeps_its_card_among_equally_found_ones() -> None:
    history = [
        ChatTurn(role="user", content="Wat doet Aalst rond taalbeleid in de opleidingscentra?"),
        ChatTurn(role="assistant", content="Volgens actie D7.1-A1 bouwt Aalst het taalbeleid uit."),
    ]
    question = "en stelde de VDAB daar in 2016 een nieuwe overeenkomst op voor werkzoekenden?"
    assert plan(question, history).context_ids == ["D7.1-A1"]
    assert _chosen(question, [LANGUAGE_SCHOOL, LANGUAGE_JOBS], history) == "D7.1-A1"


def test_the_same_action_in_another_report_is_chosen_by_year_not_by_its_lines() -> None:
    weekly = "Week van de opvoeding"
    then = text_card("Status: 1-gestart", weekly, card_id="01/11/SAP/02/12", doc=DOC_2020)
    now = text_card(
        "Status: 4 - Afgerond. Tijdens de week van de opvoeding werden webinars gegeven.",
        weekly,
        card_id="01/11/SAP/02/12",
        doc=DOC_2024,
    )
    index = with_cards(then, now)
    found = [FoundCard(c, index.get_document(c.doc).info, score=1.0) for c in (then, now)]
    task = AnswerTask(
        plan=plan("Wat gebeurde er tijdens de week van de opvoeding in het rapport over 2020?"),
        retrieved=Retrieved(cards=found),
        source=index,
        vocabulary=Vocabulary(index.cards()),
    )
    assert CardChooser(RULES).cards_to_answer(task)[0].card.doc == DOC_2020


SPENDING = text_card(
    "Om iedereen het grondrecht op huisvesting te garanderen, bouwt Lier het sociaal woonbeleid "
    "uit.\n\nDe effectieve uitgaven zijn lager dan wat was gebudgetteerd. Dit verschil heeft "
    "te maken met de onvoorspelbaarheid van het aantal aanvragen.",
    "Sociaal woonbeleid",
    card_id="01/11/SAP/04",
    doc=DOC_2020,
)


def test_how_a_report_explains_spending_is_asked_why_not_how_much() -> None:
    asked = plan("Hoe verklaart Lier dat de uitgaven voor sociaal woonbeleid lager uitvielen?")
    assert asked.answer_type == "reason" and asked.kind is QuestionKind.FACT
    answer = Assistant(with_cards(SPENDING)).ask(
        "Hoe verklaart Lier dat de uitgaven voor sociaal woonbeleid lager uitvielen dan "
        "gebudgetteerd?"
    )
    assert "onvoorspelbaarheid" in answer.answer


def test_a_best_line_saying_the_source_does_not_know_yet_is_not_an_answer() -> None:
    waiting_lists = text_card(
        "Op de dag van de toewijzing hadden 136 leerlingen voor 1A nog geen school.\n\n"
        "Tegen einde 2024 wordt opgevraagd of de wachtlijsten voor 1A en 1B werden weggewerkt.",
        "Centraal aanmeldingssysteem schoolinschrijvingen",
        card_id="01/11/SAP/02/06",
    )
    answer = Assistant(with_cards(waiting_lists)).ask(
        "Zijn de wachtlijsten voor 1A ondertussen weggewerkt?"
    )
    assert answer.refused
    assert "wordt opgevraagd" in answer.answer  # the line that says why


def test_a_documents_name_and_a_verb_particle_name_no_topic() -> None:
    asked = plan(
        "Bij welke acties uit het lokaal sociaal beleidsplan neemt de dienst Sport (mee) de trekkersrol op?"
    )
    assert asked.topic_words == ["sport"]
    flemish = plan("In welke acties van het Vlaams Actieplan Armoedebestrijding komt Expoo voor?")
    assert "armoedebestrijding" not in flemish.topic_words and "expoo" in flemish.topic_words


def test_a_follow_up_is_answered_by_the_card_talked_about_wherever_the_search_ranks_it() -> None:
    sessions = aalst_card(
        "De gezinsbond organiseert bijtanksessies voor ouders. De gezinsbond mikt jaarlijks op "
        "30 sessies voor bijzondere doelgroepen.",
        "Opvoedingsondersteuning voor ouders",
        "D4.2-A1",
    )
    others = [
        aalst_card(f"Het kabinet heeft {n} keer per jaar overleg.", f"Overleg {n}", f"D9.{n}-A1")
        for n in (2, 3, 4)
    ]
    history = [
        ChatTurn(role="user", content="Doet de gezinsbond iets voor ouders rond opvoeding?"),
        ChatTurn(role="assistant", content="Volgens actie D4.2-A1 organiseert de gezinsbond …"),
    ]
    question = "en hoeveel van die sessies willen ze per jaar doen?"
    index = with_cards(sessions, *others)
    ranked = [
        FoundCard(c, index.get_document(c.doc).info, 1.0 - n / 10)
        for n, c in enumerate([*others, sessions])
    ]
    task = AnswerTask(
        plan=plan(question, history),
        retrieved=Retrieved(cards=ranked),
        source=index,
        vocabulary=Vocabulary(index.cards()),
    )
    assert CardChooser(RULES).cards_to_answer(task)[0].card.id == "D4.2-A1"


def test_a_class_code_picks_its_own_line_and_not_its_siblings() -> None:
    enrolment = text_card(
        "Nog eens 50 kinderen hebben geen toewijzing gekregen: het gaat om zij-instromers.\n\n"
        "Voor wat betreft 1A: 136 leerlingen kregen geen school toegewezen.\n\n"
        "Voor wat betreft 1B: 30 leerlingen kregen geen school toegewezen op de dag van "
        "toewijzing.",
        "Centraal aanmeldingssysteem schoolinschrijvingen",
        card_id="01/11/SAP/02/06",
    )
    asked = plan("Hoeveel kinderen kregen voor 1A op de dag van toewijzing geen school?")
    best = best_lines(enrolment, asked, RULES.stopword_set, 1)
    assert "136" in best[0].text


def test_what_they_want_to_achieve_asks_for_the_wanted_outcomes() -> None:
    assert "outcomes" in plan("Wat willen ze voor persona Chadia bereiken?").fields
