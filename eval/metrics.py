"""Deterministic per-question scores and their aggregation. No judge model."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from statistics import mean, median

from pydantic import BaseModel, Field

from actiewijzer.eval.normalise import action_ids_in, contains_fact, figures_in, normalise


class QuestionScore(BaseModel):
    question_id: str
    split: str
    kind: str
    docs: list[str]
    answerable: bool
    hit_at_1: bool | None = None
    hit_at_5: bool | None = None
    gold_recall: float | None = None
    reciprocal_rank: float | None = None
    fact_recall: float | None = None
    facts_missing: list[str] = Field(default_factory=list)
    citation_precision: float | None = None
    citation_recall: float | None = None
    refusal_correct: bool
    grounded: bool
    ungrounded_figures: list[str] = Field(default_factory=list)
    unknown_ids: list[str] = Field(default_factory=list)
    latency_ms: float
    answer: str = ""


def retrieval_scores(ranked_keys: Sequence[str], gold: set[str]) -> tuple[bool, bool, float, float]:
    """hit@1, hit@5, recall of all gold cards in the top 10, reciprocal rank."""
    first = next((rank for rank, key in enumerate(ranked_keys, 1) if key in gold), None)
    recall = len(gold & set(ranked_keys[:10])) / len(gold) if gold else 0.0
    return (
        first == 1,
        first is not None and first <= 5,
        recall,
        1.0 / first if first else 0.0,
    )


def fact_scores(answer: str, facts: Sequence[str]) -> tuple[float | None, list[str]]:
    if not facts:
        return None, []
    missing = [fact for fact in facts if not contains_fact(answer, fact)]
    return 1 - len(missing) / len(facts), missing


def citation_scores(
    cited: set[str], gold: set[str], acceptable: set[str]
) -> tuple[float | None, float | None]:
    precision = len(cited & (gold | acceptable)) / len(cited) if cited else None
    recall = len(cited & gold) / len(gold) if gold else None
    return precision, recall


def ungrounded_figures(answer: str, cited_texts: Iterable[str]) -> list[str]:
    """Figures in the answer that no cited card contains: the independent grounding re-check."""
    haystack = normalise("\n".join(cited_texts))
    return [figure for figure in figures_in(answer) if normalise(figure) not in haystack]


def unknown_action_ids(answer: str, known_ids: set[str]) -> list[str]:
    known = {card_id.lower() for card_id in known_ids}
    return [card_id for card_id in action_ids_in(answer) if card_id.lower() not in known]


class Summary(BaseModel):
    questions: int
    hit_at_1: float | None
    hit_at_5: float | None
    gold_recall: float | None
    mrr: float | None
    fact_recall: float | None
    citation_precision: float | None
    citation_recall: float | None
    refusal_accuracy: float
    grounding_rate: float
    unknown_id_answers: int
    latency_median_ms: float
    latency_p95_ms: float


def _mean(values: Iterable[float | bool | None]) -> float | None:
    present = [float(value) for value in values if value is not None]
    return round(mean(present), 4) if present else None


def _p95(values: Sequence[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))] if ordered else 0.0


def summarise(scores: Sequence[QuestionScore]) -> Summary:
    latencies = [score.latency_ms for score in scores]
    return Summary(
        questions=len(scores),
        hit_at_1=_mean(s.hit_at_1 for s in scores),
        hit_at_5=_mean(s.hit_at_5 for s in scores),
        gold_recall=_mean(s.gold_recall for s in scores),
        mrr=_mean(s.reciprocal_rank for s in scores),
        fact_recall=_mean(s.fact_recall for s in scores),
        citation_precision=_mean(s.citation_precision for s in scores),
        citation_recall=_mean(s.citation_recall for s in scores),
        refusal_accuracy=_mean(s.refusal_correct for s in scores) or 0.0,
        grounding_rate=_mean(s.grounded for s in scores) or 0.0,
        unknown_id_answers=sum(1 for s in scores if s.unknown_ids),
        latency_median_ms=round(median(latencies), 1) if latencies else 0.0,
        latency_p95_ms=round(_p95(latencies), 1),
    )


def breakdown(scores: Sequence[QuestionScore], by: str) -> dict[str, Summary]:
    groups: dict[str, list[QuestionScore]] = defaultdict(list)
    for score in scores:
        keys = score.docs if by == "doc" else [getattr(score, by)]
        for key in keys or ["(geen)"]:
            groups[key].append(score)
    return {key: summarise(group) for key, group in sorted(groups.items())}
