"""Soft document preferences read from the question itself: a year, a municipality.

"Hoe stond het jobatelier ervoor in 2020?" should prefer the 2020 report over the 2024
evaluation without the caller passing a filter. Unlike a filter this only re-orders: a question
about "2021 plannen" still finds cards of a 2020-2025 plan and of documents without a year.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from actiewijzer.index.filters import municipality_names, period_years
from actiewijzer.index.text_analysis import fold
from actiewijzer.ingest.models import DocumentInfo

_YEAR = re.compile(r"\b(19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class QueryHints:
    years: frozenset[int] = frozenset()
    municipalities: frozenset[str] = frozenset()

    def factor(self, info: DocumentInfo, year_boost: float, municipality_boost: float) -> float:
        factor = 1.0
        span = period_years(info)
        if span and any(span[0] <= year <= span[1] for year in self.years):
            factor *= year_boost
        if self.municipalities & municipality_names(info):
            factor *= municipality_boost
        return factor


def read_hints(query: str, infos: Mapping[str, DocumentInfo]) -> QueryHints:
    folded = f" {fold(query)} "
    known = {name for info in infos.values() for name in municipality_names(info)}
    named = {name for name in known if re.search(rf"(?<![a-z]){re.escape(name)}(?![a-z])", folded)}
    return QueryHints(
        years=frozenset(int(y) for y in _YEAR.findall(folded)),
        municipalities=frozenset(named),
    )
