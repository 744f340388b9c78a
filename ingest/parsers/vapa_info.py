"""Who issued the action plan inventory and which years it covers, read from the text."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from actiewijzer.ingest.models import Card, DocumentFamily, DocumentInfo, Line

_ISSUER = "Vlaamse Regering"
_PLAN = "Vlaams Actieplan Armoedebestrijding"
# Each fiche's milestones run from a baseline year to a target year; the plan's period is the
# span most fiches share. These marks are printed after the year.
_BASELINE = re.compile(r"^\(?\s*beginfase", re.IGNORECASE)
_TARGET = re.compile(r"^\(?\s*einddoel", re.IGNORECASE)


def document_info(doc: str, lines: Sequence[Line], cards: Sequence[Card]) -> DocumentInfo:
    start, end = _period(cards)
    period = f"{start}-{end}" if start and end and start != end else str(start or end or "")
    issuer = _ISSUER if any(_ISSUER in line.text for line in lines) else "Vlaamse overheid"
    label = f"{issuer} – {_PLAN} {period}".strip()
    return DocumentInfo(
        doc=doc,
        family=DocumentFamily.VAPA,
        label=label,
        issuer=issuer,
        municipalities=[],  # a Flemish-level plan, no municipality
        report_kind="actieplan",
        period=period,
        year=start,
    )


def _period(cards: Sequence[Card]) -> tuple[int | None, int | None]:
    baseline: Counter[int] = Counter()
    target: Counter[int] = Counter()
    for card in cards:
        for milestone in card.fields.mijlpalen:
            year = int(milestone.year[:4])
            if _BASELINE.match(milestone.text):
                baseline[year] += 1
            elif _TARGET.match(milestone.text):
                target[year] += 1
    start = baseline.most_common(1)[0][0] if baseline else None
    end = target.most_common(1)[0][0] if target else None
    return start, end
