"""Long listing sentences quoted by their items; lists under a numbered plan and of personas
(a goal bringing its actions is tested over the real index); follow-ups that keep what the earlier question asked for; stories that run on
into a verb; towns that only name the document."""

from __future__ import annotations

from assistant_corpus import DOC_2020, DOC_ESF, DOC_VAPA, _card, aalst, sample_index
from assistant_helpers import RULES, plan, text_card, top_line, with_cards

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.models import ChatTurn
from actiewijzer.assistant.scope import Vocabulary, unknown_subjects
from actiewijzer.assistant.text import quotable_pieces
from actiewijzer.ingest.models import CardKind

LISTING = (
    "Voor 2016 werden de acties van 2015 verdergezet en volgende nieuwe zaken ingezet: "
    "Methodemix in opleidingen/ Uitbestedingen van intensieve begeleiding door partners, zoals "
    "TIBB4 anderstaligen: uitrol voorzien najaar 2016/ Specifieke projecten voor de verhoogde "
    "instroom anderstalige nieuwkomers (‘vluchtelingen en asielzoekers’), zoals ESF project rond "
    "ondernemerschap en de AMIF proeftuinen voor hooggeschoolden /In het kader van het versterken "
    "van partnerschappen wordt er een nieuwe samenwerkingsovereenkomst opgesteld tussen VDAB en "
    "de EVA’s Inburgering en Integratie."
)


def test_a_long_listing_sentence_is_quoted_by_its_items_under_its_intro() -> None:
    pieces = quotable_pieces(LISTING, 400)
    assert len(pieces) > 1 and all(len(p) <= 400 for p in pieces)
    last = pieces[-1]
    assert last.startswith("Voor 2016 werden de acties van 2015 verdergezet")
    assert last.endswith("tussen VDAB en de EVA’s Inburgering en Integratie.")
    assert "Methodemix in opleidingen/ Uitbestedingen" in pieces[0]  # the text as printed


def test_long_prose_without_items_is_quoted_in_stretches_marked_as_cut() -> None:
    prose = " ".join(f"woord{n}" for n in range(80))
    pieces = quotable_pieces(prose, 200)
    assert pieces[0].endswith(" …") and pieces[1].startswith("… ")
    assert " ".join(p.strip("… ") for p in pieces) == prose
    assert quotable_pieces("Een korte zin.", 200) == ["Een korte zin."]


def test_the_answer_at_the_end_of_a_long_sentence_is_found() -> None:
    card = text_card(LISTING, "Sluitend taalbeleid", card_id="07_07_13", doc=DOC_VAPA)
    question = "Met welke partners stelde de VDAB in 2016 een nieuwe samenwerkingsovereenkomst op?"
    assert "Inburgering en Integratie" in top_line(card, question)


def test_who_gives_advice_also_shows_the_partners() -> None:
    asked = plan("als ze in aalst een plein heraanleggen, wie geven ze dan advies?")
    assert {"trekker", "partners"} <= set(asked.fields)


def test_a_status_list_under_a_numbered_plan_lists_its_actions_only() -> None:
    assistant = Assistant(sample_index())
    started = assistant.ask("Welke acties van actieplan 01/11/SAP/01 waren gestart in 2020?")
    cited = {(c.doc, c.id) for c in started.citations}
    assert cited == {(DOC_2020, "01/11/SAP/01/01"), (DOC_2020, "01/11/SAP/01/02")}
    assert started.answer.startswith("Deze acties hebben de status „gestart”")
    # None under it is finished: its actions with the status they have, not those elsewhere.
    finished = assistant.ask("Welke acties van actieplan 01/11/SAP/01 waren afgerond in 2020?")
    assert "Geen van de acties" in finished.answer
    assert "01/11/SAP/03/01" not in finished.answer
    assert {c.id for c in finished.citations} == {"01/11/SAP/01/01", "01/11/SAP/01/02"}


def test_a_fact_follow_up_keeps_the_kind_of_answer_asked_before() -> None:
    history = [
        ChatTurn(role="user", content="hoeveel volk kwam er in 2023 naar het woonatelier?"),
        ChatTurn(role="assistant", content="In 2023 waren er 637 cliëntcontacten."),
    ]
    asked = plan("en in het begin, in 2020? was dat veel minder?", history)
    assert asked.answer_type == "count"
    assert "start_date" not in asked.fields  # "in het begin" dates it, asks no start date
    assert "start_date" in plan("wanneer was het begin van het woonatelier?").fields


def test_a_story_running_on_into_its_verb_names_no_unknown_subject() -> None:
    vocabulary = Vocabulary(aalst().cards)
    question = "mijn neef slaapt op straat in aalst. hoeveel bedden heeft de nachtopvang?"
    assert "slaapt" not in unknown_subjects(question, RULES, vocabulary)
    # A thing's name is still one: "zwembad" ends in no verb's "-t".
    assert "zwembad" in unknown_subjects("wanneer opent het zwembad?", RULES, vocabulary)


def test_help_to_deceive_a_service_is_out_of_scope_but_questions_on_fraud_control_are_not() -> None:
    assert RULES.out_of_scope_in(
        "ik werk in het zwart. hoe kan ik dat best verstoppen zodat het ocmw niks merkt?"
    )
    assert not RULES.out_of_scope_in("hoe spoort het OCMW van Aalst sociale fraude op?")


def _persona(number: int, name: str, start: int, end: int, obstacles: list[str]):  # type: ignore[no-untyped-def]
    return _card(DOC_ESF, f"Regio-uitdaging {number}", CardKind.REGIO_UITDAGING, f"Regio-uitdaging {number} gebaseerd op persona {name}", start, end, persona=name, obstacles=obstacles)  # fmt: skip


def test_a_list_of_personas_names_only_cards_that_tell_one() -> None:
    index = with_cards(
        _persona(4, "Jolien", 187, 216, ["Dreigende dakloosheid", "Trauma"]),
        _persona(6, "Christiane", 267, 296, ["Dreigende dakloosheid", "Taalproblematiek"]),
        _persona(7, "Thierry", 300, 324, ["Geen huisvesting", "Geen sociaal netwerk"]),
        _card(DOC_ESF, "Sectie 5", CardKind.SECTIE, "Arena-analyse", 372, 410, printed=False),
    )
    answer = Assistant(index).ask(
        "Welke persona's hebben te maken met dreigende dakloosheid of hebben geen huisvesting?"
    )
    assert {c.id for c in answer.citations} == {
        "Regio-uitdaging 4",
        "Regio-uitdaging 6",
        "Regio-uitdaging 7",
    }


def test_towns_named_together_only_name_the_document() -> None:
    card = text_card(
        "Lier, Berlaar, Nijlen en Heist o/d Berg willen verder bouwen op de opgedane expertise. "
        "Daarnaast werd in kader van WSE-oproep 457 expertise opgebouwd.",
        "Andere lokale input",
    )
    question = "In welke WSE-oproep deden Lier, Heist o/d Berg, Berlaar en Nijlen expertise op?"
    assert "457" in top_line(card, question)
