"""Reciprocal-rank fusion and its helpers are pure: same input, same output, inputs untouched."""

from __future__ import annotations

import copy

import pytest

from actiewijzer.index.fusion import (
    RRF_K,
    dedupe,
    max_fused_score,
    promote,
    reciprocal_rank_fusion,
    reweight,
)
from actiewijzer.index.models import Ranked


def ranked(*keys: str) -> list[Ranked]:
    return [Ranked(key=key, score=10.0 - i) for i, key in enumerate(keys)]


def keys(items: list[Ranked]) -> list[str]:
    return [item.key for item in items]


def test_agreement_beats_a_single_first_place() -> None:
    fused = reciprocal_rank_fusion([ranked("a", "b", "c"), ranked("b", "d", "a")])
    assert keys(fused) == ["b", "a", "d", "c"]
    assert fused[0].score == pytest.approx(1 / (RRF_K + 2) + 1 / (RRF_K + 1))


def test_fusion_is_pure_and_deterministic() -> None:
    lists = [ranked("a", "b"), ranked("c", "a")]
    before = copy.deepcopy(lists)
    first = reciprocal_rank_fusion(lists, [1.0, 0.5])
    second = reciprocal_rank_fusion(lists, [1.0, 0.5])
    assert lists == before
    assert first == second


def test_weights_shift_the_order() -> None:
    lexical, dense = ranked("lex"), ranked("dense")
    assert keys(reciprocal_rank_fusion([lexical, dense], [2.0, 1.0])) == ["lex", "dense"]
    assert keys(reciprocal_rank_fusion([lexical, dense], [1.0, 2.0])) == ["dense", "lex"]


def test_a_key_repeated_in_one_list_votes_once() -> None:
    fused = reciprocal_rank_fusion([ranked("a", "a", "b")])
    assert keys(fused) == ["a", "b"]
    assert fused[1].score == pytest.approx(1 / (RRF_K + 2))


def test_ties_keep_first_appearance_order() -> None:
    assert keys(reciprocal_rank_fusion([ranked("x"), ranked("y")])) == ["x", "y"]


def test_weight_count_must_match() -> None:
    with pytest.raises(ValueError, match="gewichten"):
        reciprocal_rank_fusion([ranked("a")], [1.0, 1.0])


def test_max_fused_score_is_first_place_everywhere() -> None:
    fused = reciprocal_rank_fusion([ranked("a"), ranked("a")], [1.0, 0.5])
    assert fused[0].score == pytest.approx(max_fused_score([1.0, 0.5]))


def test_reweight_demotes_and_resorts() -> None:
    result = reweight(ranked("overview", "action"), {"overview": 0.5})
    assert keys(result) == ["action", "overview"]
    assert result[1].score == pytest.approx(5.0)


def test_promote_puts_exact_hits_first_once() -> None:
    result = promote(["c", "c"], ranked("a", "c", "b", "a"), score=1.0)
    assert keys(result) == ["c", "a", "b"]
    assert result[0].score == 1.0


def test_dedupe_keeps_best() -> None:
    assert keys(dedupe(ranked("a", "b", "a"))) == ["a", "b"]
