"""Two parts of one message answered from the same card read as one block; the plain budget
column asked beside the BEO one; a section number in an earlier answer keeps a follow-up in
that document, where its contact section answers "bij wie kan ik terecht?"."""

from __future__ import annotations

import time

from assistant_corpus import DOC_ESF, DOC_VAPA
from assistant_helpers import conversation, plan, text_card, with_cards

from actiewijzer.assistant.answer_check import prints_budget_text
from actiewijzer.assistant.assistant import Assistant
from actiewijzer.assistant.merged_answers import merge_answers
from actiewijzer.assistant.models import Answer, Citation, GroundingCheck
from actiewijzer.ingest.models import Card, CardFields, CardKind

HEADING = "Budget van actieplan 01/11/SAP/02 „Kinderarmoede” (Stad Lier – evaluatie 2024 Q2):"


def _answer(text: str, quotes: list[str]) -> Answer:
    citation = Citation(
        doc="d", id="01/11/SAP/02", title="Kinderarmoede", kind="actieplan",
        document_label="Stad Lier – evaluatie 2024 Q2", start_line=1, end_line=9, quotes=quotes,
    )  # fmt: skip
    grounding = GroundingCheck(grounded=True, citations_retrieved=True)
    return Answer(
        question="q", answer=text, refused=False, citations=[citation], grounding=grounding,
        backend="x",
    )  # fmt: skip


def test_two_parts_on_one_card_are_one_block_with_each_line_once() -> None:
    first = _answer(
        f"{HEADING}\n- Uitgaven, Budget 2024: 493.588,58\nLet op: ontvangsten zijn inkomsten.",
        ["Uitgaven 493.588,58"],
    )
    second = _answer(
        f"{HEADING}\n- Uitgaven, Budget 2024: 493.588,58\n- Uitgaven, Geboekt 2024 Q2: 100.203,24",
        ["Uitgaven 100.203,24"],
    )
    merged = merge_answers("q", [first, second], time.perf_counter())
    assert merged.answer.splitlines() == [
        HEADING,
        "- Uitgaven, Budget 2024: 493.588,58",
        "- Uitgaven, Geboekt 2024 Q2: 100.203,24",  # above the note, not below it
        "Let op: ontvangsten zijn inkomsten.",
    ]
    [citation] = merged.citations
    assert citation.quotes == ["Uitgaven 493.588,58", "Uitgaven 100.203,24"]


def test_a_later_part_joins_its_card_inside_a_comparison_and_keeps_other_cards_apart() -> None:
    old = "Volgens actie 02/14 „Huis van het kind” (Stad en OCMW Lier – rapport 2020):"
    new = "Volgens actie 02/14 „Site den Hof” (Stad Lier – evaluatie 2024 Q2):"
    compared = _answer(
        f"Ter vergelijking, per bron:\n{old}\n- Status: 0-Nog niet begonnen\n{new}\n"
        "- Status: 2 - Halverwege",
        [],
    )
    timing = _answer(f"{new}\n- Status: 2 - Halverwege\n- De start is voorzien vanaf 2026.", [])
    merged = merge_answers("q", [compared, timing], time.perf_counter())
    assert merged.answer.splitlines() == [
        "Ter vergelijking, per bron:",
        old,
        "- Status: 0-Nog niet begonnen",
        new,
        "- Status: 2 - Halverwege",
        "- De start is voorzien vanaf 2026.",
    ]
    # A second comparison of the same cards: its intro is said once, its new lines join their
    # cards' headings, a card it alone names stays apart.
    other = "Volgens actie 02/15 „Speelotheek” (Stad Lier – evaluatie 2024 Q2):"
    again = _answer(
        f"Ter vergelijking, per bron:\n{new}\n- Andere regel 2024.\n{other}\n- Nieuw.", []
    )
    merged = merge_answers("q", [compared, again], time.perf_counter())
    assert merged.answer.split("\n\n") == [
        f"Ter vergelijking, per bron:\n{old}\n- Status: 0-Nog niet begonnen\n{new}\n"
        "- Status: 2 - Halverwege\n- Andere regel 2024.",
        f"{other}\n- Nieuw.",
    ]


def test_a_line_made_of_lines_already_shown_is_left_out() -> None:
    first = _answer(f"{HEADING}\n- Het feest is op 25 december.\n- Er komen 250 mensen.", [])
    second = _answer(f"{HEADING}\n- Het feest is op 25 december. Er komen 250 mensen.", [])
    merged = merge_answers("q", [first, second], time.perf_counter())
    assert merged.answer.count("250") == 1


def test_the_plain_budget_with_its_year_is_asked_beside_the_beo_column() -> None:
    both = plan(
        "Wat is het budget 2024 voor het actieplan Kinderarmoede, en hoeveel na de "
        "budgetwijziging (Budget BEO 2024)?"
    )
    assert set(both.budget_columns) == {"budget", "beo"}
    # "het bijgestelde budget (Budget BEO 2020)" names the BEO column twice.
    assert plan(
        "Wat was het bijgestelde budget (Budget BEO 2020) van het actieplan Kinderarmoede?"
    ).budget_columns == ["beo"]


def test_a_follow_up_after_a_section_asks_that_documents_contact_section() -> None:
    timing = text_card(
        "Deadline kandidaturen 02/06/2023 om 23u59. Communicatie over beslissing voor 15/07/2023.",
        "Lokale timing",
        card_id="Sectie 7",
        doc=DOC_ESF,
        kind=CardKind.SECTIE,
    )
    contact = text_card(
        "Heb je inhoudelijke vragen over het addendum? Neem dan contact op met Jan Peeters, "
        "jan.peeters@example.be, 015 00 00 00.",
        "Lokale contactpersoon",
        card_id="Sectie 8",
        doc=DOC_ESF,
        kind=CardKind.SECTIE,
    )
    history = conversation(
        "Tot wanneer konden organisaties hun kandidatuur indienen?",
        "Volgens onderdeel Sectie 7 „Lokale timing”: de deadline was 02/06/2023.",
    )
    answer = Assistant(with_cards(timing, contact)).ask(
        "en bij wie konden ze terecht met inhoudelijke vragen?", history
    )
    assert answer.citations[0].id == "Sectie 8"
    assert "Jan Peeters" in answer.answer


def test_what_a_count_asks_for_stays_its_focus_though_it_names_a_field() -> None:
    # "partners" also asks for the partners field; counted, it is what the number must count.
    assert plan("hoeveel partners worden er maximaal geselecteerd?").focus_words == ["partners"]
    assert plan("met welke partners werkt de stad samen?").focus_words == []


def test_how_high_a_sum_of_money_is_asks_an_amount() -> None:
    assert plan("hoe hoog was de jaarlijkse dotatie aan het OCMW?").answer_type == "amount"
    assert plan("hoe hoog is de subsidie voor TEJO?").answer_type == "amount"
    assert plan("hoe hoog is de werkloosheidsgraad in Lier?").answer_type == "count"


def test_a_yearly_sum_stated_for_one_year_is_no_budget_for_another() -> None:
    def with_budget(text: str) -> Card:
        fields = CardFields(other={"Budgettair engagement": text})
        card = text_card("Het Huurgarantiefonds.", "Huurgarantiefonds", "08_04_04", DOC_VAPA)
        return card.model_copy(update={"fields": fields})

    stated = with_budget("Een jaarlijkse dotatie. Voor 2015 bedroeg deze dotatie 1.425.000 euro.")
    assert prints_budget_text(stated, [2015])
    assert not prints_budget_text(stated, [2017])
    assert prints_budget_text(with_budget("De Lijn voorziet 50.000 euro per jaar."), [2017])
