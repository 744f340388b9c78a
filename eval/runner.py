"""Runs the question set through the assistant and scores every answer."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from actiewijzer.assistant.models import Answer, ChatTurn
from actiewijzer.eval.dataset import EvalQuestion
from actiewijzer.eval.metrics import (
    QuestionScore,
    citation_scores,
    fact_scores,
    retrieval_scores,
    ungrounded_figures,
    unknown_action_ids,
)
from actiewijzer.index.card_index import CardIndex

AskFunction = Callable[[str, Sequence[ChatTurn]], Answer]


def retrieval_query(question: EvalQuestion) -> str:
    # Follow-ups only make sense with the earlier user turns, so retrieval sees them too.
    earlier = [turn.content for turn in question.history if turn.role == "user"]
    return " ".join([*earlier[-1:], question.question])


def score_question(
    question: EvalQuestion, ask: AskFunction, index: CardIndex, known_ids: set[str]
) -> QuestionScore:
    gold = {ref.key for ref in question.gold}
    acceptable = {ref.key for ref in question.acceptable}
    started = time.perf_counter()
    answer = ask(question.question, question.history)
    latency_ms = (time.perf_counter() - started) * 1000

    score = QuestionScore(
        question_id=question.id,
        split=question.split.value,
        kind=question.kind.value,
        docs=sorted({ref.doc for ref in question.gold}),
        answerable=question.answerable,
        refusal_correct=answer.refused == question.expect_refusal,
        grounded=True,
        latency_ms=latency_ms,
        answer=answer.answer,
    )
    if gold:
        hits = index.search(retrieval_query(question), k=10)
        ranked = [hit.card.key for hit in hits]
        score.hit_at_1, score.hit_at_5, score.gold_recall, score.reciprocal_rank = retrieval_scores(
            ranked, gold
        )
    if question.answerable:
        score.fact_recall, score.facts_missing = fact_scores(answer.answer, question.facts)
        cited = {f"{citation.doc}::{citation.id}" for citation in answer.citations}
        score.citation_precision, score.citation_recall = citation_scores(cited, gold, acceptable)

    cited_texts = []
    for citation in answer.citations:
        try:
            card = index.get_card(citation.doc, citation.id)
        except LookupError:
            score.unknown_ids.append(citation.id)
            continue
        cited_texts.append(card.text)
        cited_texts.append(card.fields.model_dump_json())
        cited_texts.append(citation.document_label)
    score.ungrounded_figures = ungrounded_figures(answer.answer, cited_texts)
    score.unknown_ids += unknown_action_ids(answer.answer, known_ids)
    score.grounded = not score.ungrounded_figures and not score.unknown_ids
    return score


def run_questions(
    questions: Sequence[EvalQuestion], ask: AskFunction, index: CardIndex
) -> list[QuestionScore]:
    known_ids = {card.id for card in index.cards()}
    return [score_question(question, ask, index, known_ids) for question in questions]
