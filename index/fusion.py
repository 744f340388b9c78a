"""Pure functions that merge ranked lists. No I/O, no state: easy to reason about and to test."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from actiewijzer.index.models import Ranked

# The customary RRF constant (Cormack et al. 2009): large enough that rank 1 and rank 2 of one
# retriever do not differ more than agreement between retrievers does.
RRF_K = 60


def reciprocal_rank_fusion(
    rankings: Sequence[Sequence[Ranked]],
    weights: Sequence[float] | None = None,
    rrf_k: int = RRF_K,
) -> list[Ranked]:
    """Fuse best-first lists into one, scored by sum(weight / (rrf_k + rank)).

    A key repeated inside one list counts only at its best rank, so a retriever that returns a
    card twice cannot vote twice. Ties keep the order of first appearance (stable and deterministic).
    """
    if weights is None:
        weights = [1.0] * len(rankings)
    if len(weights) != len(rankings):
        raise ValueError(f"{len(rankings)} ranglijsten maar {len(weights)} gewichten")
    scores: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        seen: set[str] = set()
        for rank, item in enumerate(_unique(ranking, seen), start=1):
            scores[item.key] = scores.get(item.key, 0.0) + weight / (rrf_k + rank)
    order = {key: position for position, key in enumerate(scores)}
    ranked = sorted(scores.items(), key=lambda kv: (-kv[1], order[kv[0]]))
    return [Ranked(key=key, score=score) for key, score in ranked]


def max_fused_score(weights: Sequence[float], rrf_k: int = RRF_K) -> float:
    """The score of a key ranked first by every retriever; used to scale scores to 0..1."""
    return sum(weights) / (rrf_k + 1)


def reweight(ranking: Sequence[Ranked], factor: Mapping[str, float]) -> list[Ranked]:
    """Multiply scores by a per-key factor (default 1) and re-sort, stable on ties."""
    scaled = [Ranked(key=r.key, score=r.score * factor.get(r.key, 1.0)) for r in ranking]
    return sorted(scaled, key=lambda r: -r.score)


def dedupe(ranking: Sequence[Ranked]) -> list[Ranked]:
    """Keep the first (best) occurrence of each key."""
    return list(_unique(ranking, set()))


def promote(first: Sequence[str], ranking: Sequence[Ranked], score: float) -> list[Ranked]:
    """Put `first` keys ahead of everything else (in the given order), then the rest of `ranking`."""
    head = [Ranked(key=key, score=score) for key in dict.fromkeys(first)]
    promoted = {r.key for r in head}
    return head + [r for r in dedupe(ranking) if r.key not in promoted]


def _unique(ranking: Sequence[Ranked], seen: set[str]) -> list[Ranked]:
    unique: list[Ranked] = []
    for item in ranking:
        if item.key not in seen:
            seen.add(item.key)
            unique.append(item)
    return unique
