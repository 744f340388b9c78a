"""Budget columns as asked: an amount and a percent together, an amount spent with its share,
and the column a question names in another form of the same word; the head of an ellipsis ("game- of gokverslaving")."""

from __future__ import annotations

from assistant_corpus import sample_index
from assistant_helpers import aalst_card, with_cards

from actiewijzer.assistant.assistant import Assistant


def test_amount_and_percent_asked_together_give_both_columns() -> None:
    answer = Assistant(sample_index()).ask(
        "hoeveel was er in 2024 aangewend voor actieplan 01/11/SAP/01 volgens de evaluatie, "
        "bedrag en percentage?"
    )
    assert not answer.refused
    assert "Aanwending 2024 Q2: 664.234,58" in answer.answer
    assert "% Aangewend 2024 Q2: 35,95" in answer.answer


def test_a_percent_asked_alone_is_the_percent_column_named_in_another_form() -> None:
    # The question says "aangewend", the amount column "Aanwending": the percent column
    # "% Aangewend" is the asked one, not a missing column.
    answer = Assistant(sample_index()).ask(
        "welk percentage was in 2024 aangewend voor actieplan 01/11/SAP/01 volgens de evaluatie?"
    )
    assert not answer.refused and "staat er niet bij" not in answer.answer
    assert "35,95" in answer.answer and "664.234,58" not in answer.answer


def test_an_amount_spent_comes_with_the_share_of_the_budget_the_table_prints_beside_it() -> None:
    answer = Assistant(sample_index()).ask(
        "hoeveel was er van het budget 2024 van actieplan 01/11/SAP/01 al aangewend volgens de "
        "evaluatie?"
    )
    assert "Aanwending 2024 Q2: 664.234,58" in answer.answer
    assert "% Aangewend 2024 Q2: 35,95" in answer.answer
    assert "% Geboekt" not in answer.answer  # the share of another column


def test_the_head_of_an_ellipsis_is_no_unknown_subject() -> None:
    persona = aalst_card(
        "Roy zit thuis zonder werk. De obstakels zijn: Game- en/of gokverslaving; Schulden.",
        "Regio-uitdaging gebaseerd op persona Roy",
        "D21.1-A1",
    )
    answer = Assistant(with_cards(persona)).ask(
        "welke persona in aalst kampt met een game- of gokverslaving?"
    )
    assert not answer.refused and "D21.1-A1" in [c.id for c in answer.citations]
