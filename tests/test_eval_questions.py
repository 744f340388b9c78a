"""The bundled question set is sound: real gold cards, facts that occur in them, broad coverage."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from actiewijzer.assistant.models import ChatTurn, QuestionKind
from actiewijzer.eval.check_questions import (
    CorpusCards,
    bundled_question_files,
    check_files,
    check_question,
)
from actiewijzer.eval.dataset import (
    EvalQuestion,
    QuestionSet,
    Split,
    load_question_set,
)
from actiewijzer.eval.normalise import figures_in

LIER_2024 = "000_1d3db954757a17d2.txt"
MIN_QUESTIONS = 120
HELDOUT_SHARE = (0.20, 0.40)


@pytest.fixture(scope="module")
def corpus() -> CorpusCards:
    from actiewijzer.settings import bundled_corpus_dir

    return CorpusCards.parse(bundled_corpus_dir())


@pytest.fixture(scope="module")
def question_set() -> QuestionSet:
    return load_question_set()


def test_ids_are_unique_across_files(question_set: QuestionSet) -> None:
    counts = Counter(question.id for question in question_set.questions)
    assert [qid for qid, count in counts.items() if count > 1] == []


def test_gold_cards_exist_and_hold_every_fact(corpus: CorpusCards) -> None:
    problems = check_files(bundled_question_files(), corpus)
    assert [str(problem) for problem in problems] == []


def test_every_kind_is_asked(question_set: QuestionSet) -> None:
    asked = {question.kind for question in question_set.questions}
    assert set(QuestionKind) - asked == set()


def test_every_corpus_document_has_gold_questions(
    question_set: QuestionSet, corpus: CorpusCards
) -> None:
    covered = {ref.doc for question in question_set.questions for ref in question.gold}
    assert set(corpus.docs) - covered == set()


def test_heldout_share_is_about_a_third_and_spread_over_kinds(question_set: QuestionSet) -> None:
    questions = question_set.questions
    heldout = [question for question in questions if question.split == Split.HELDOUT]
    low, high = HELDOUT_SHARE
    assert low <= len(heldout) / len(questions) <= high
    assert {question.kind for question in heldout} == {question.kind for question in questions}


def test_refusal_questions_have_no_gold_and_answerable_ones_do(question_set: QuestionSet) -> None:
    for question in question_set.questions:
        if question.expect_refusal:
            assert question.gold == [], question.id
        elif question.kind not in (QuestionKind.ADVERSARIAL, QuestionKind.OUT_OF_SCOPE):
            assert question.gold, question.id


def test_lier_and_esf_file_covers_its_documents_with_every_kind() -> None:
    path = next(p for p in bundled_question_files() if p.name == "questions_lier_esf.yaml")
    questions = load_question_set(path).questions
    assert len(questions) >= 70
    assert all(question.id.startswith("le-") for question in questions)
    docs = {ref.doc[:3] for question in questions for ref in question.gold}
    assert {"000", "001", "003"} <= docs
    assert {question.kind for question in questions} == set(QuestionKind)


def test_set_is_large_enough(question_set: QuestionSet) -> None:
    # Passes once every author's file has landed.
    assert len(question_set.questions) >= MIN_QUESTIONS


# The checker itself must catch the mistakes it exists for.


def _question(**changes: object) -> EvalQuestion:
    base: dict[str, object] = {
        "id": "t-1",
        "split": "dev",
        "kind": "budget",
        "question": "Budget 2024 uitgaven van SAP/02?",
        "gold": [{"doc": LIER_2024, "id": "01/11/SAP/02"}],
        "facts": ["493.588,58"],
    }
    base.update(changes)
    return EvalQuestion.model_validate(base)


def test_checker_accepts_a_fact_written_with_other_separators(corpus: CorpusCards) -> None:
    assert check_question(_question(facts=["493 588,58 euro"]), corpus) == []


def test_checker_rejects_a_fact_missing_from_the_gold_card(corpus: CorpusCards) -> None:
    problems = check_question(_question(facts=["1.750.977,50"]), corpus)  # SAP/01's figure
    assert len(problems) == 1 and "1.750.977,50" in problems[0]


def test_checker_names_unknown_cards_and_suggests_real_ones(corpus: CorpusCards) -> None:
    gold = [{"doc": LIER_2024, "id": "01/11/SAP/07/02"}]
    problems = check_question(_question(gold=gold, facts=[]), corpus)
    assert len(problems) == 1
    assert "01/11/SAP/07/02" in problems[0] and "01/11/SAP/0" in problems[0]


def test_checker_rejects_unknown_documents(corpus: CorpusCards) -> None:
    gold = [{"doc": "999_onbekend.txt", "id": "01/11"}]
    problems = check_question(_question(gold=gold, facts=[]), corpus)
    assert len(problems) == 1 and LIER_2024 in problems[0]


def test_checker_wants_follow_ups_to_end_on_an_assistant_turn(corpus: CorpusCards) -> None:
    question = _question(kind="follow-up", history=[ChatTurn(role="user", content="En SAP/01?")])
    assert any("assistent" in problem for problem in check_question(question, corpus))
    assert any("history" in p for p in check_question(_question(kind="follow-up"), corpus))


def test_checker_rejects_refusals_that_carry_gold(corpus: CorpusCards) -> None:
    question = _question(kind="unanswerable", expect_refusal=True, facts=[])
    assert check_question(question, corpus) == ["weigering verwacht maar er zijn gold-kaarten"]


def test_checker_reports_clashing_ids_across_files(tmp_path: Path, corpus: CorpusCards) -> None:
    text = (
        'version: "1"\nquestions:\n  - {id: dup-1, split: dev, kind: out-of-scope, '
        'question: "Het weer?", expect_refusal: true}\n'
    )
    first, second = tmp_path / "questions_a.yaml", tmp_path / "questions_b.yaml"
    first.write_text(text, "utf-8")
    second.write_text(text, "utf-8")
    problems = check_files([first, second], corpus)
    assert [(p.source, p.question_id) for p in problems] == [("questions_b.yaml", "dup-1")]


def test_the_grounding_recheck_reads_dotted_dates_whole() -> None:
    # "31.08.2016" is one date, not the amount "08.201" that no card prints.
    found = figures_in("• 31.08.2016: einddatum; 1.174.330,99 EUR en 11 114,35 EUR")
    assert found == ["31.08.2016", "1.174.330,99", "11 114,35"]
