"""The years a question asks about: named, bounded ("na 2025"), shifted ("het jaar ervoor"),
or carried from the question a follow-up leans on."""

from __future__ import annotations

import re

from actiewijzer.assistant.followup import RewrittenQuestion
from actiewijzer.assistant.rules import RouterRules
from actiewijzer.assistant.text import fold

YEAR = re.compile(r"\b(?:19|20)\d{2}\b")
# "in 2022-2023" is one (school) year, not two years to compare.
YEAR_SPAN_END = re.compile(r"(?<=\d{4})\s*[-–/]\s*(?:19|20)\d{2}\b")
_AFTER_YEAR = re.compile(r"\bna\s+((?:19|20)\d{2})\b")


def compared_years(question: str) -> list[int]:
    """The years a question compares; "het schooljaar 2019-2020" is one of them, not two."""
    return sorted({int(y) for y in YEAR.findall(YEAR_SPAN_END.sub("", question))})


def asked_years(
    asked: str, own_text: str, rewritten: RewrittenQuestion, rules: RouterRules
) -> list[int]:
    """`asked` is the question as the user wrote it, `own_text` with a follow-up's context."""
    years = sorted({int(y) for y in YEAR.findall(asked or own_text)})
    # "hoeveel in 2026? ik wil weten of het doorgaat na 2025": 2025 bounds the years asked.
    years = [y for y in years if y not in _years_after(asked or own_text)] or years
    # "en bestaat dat nu nog?" asks about now, not the year the earlier question asked.
    if not years and rewritten.is_follow_up and not rules.present.matches(asked):
        years = sorted({int(y) for y in YEAR.findall(own_text)})
        if rules.places_in(asked):
            # "en in Aalst?" after "wat zegt de Lierse evaluatie van Q2 2024?": the year named
            # Lier's report, not a year asked of Aalst's plan.
            named = rules.document_years(rewritten.previous_question or "")
            years = [y for y in years if y not in named]
        if years and (shift := rules.year_shift(asked)):
            years = [min(years) - 1] if shift < 0 else [max(years) + 1]
    elif len(years) == 1 and (shift := rules.year_shift(asked)):
        # "hoeveel in 2020, en hoeveel het jaar ervoor?": both years are asked.
        years = sorted({*years, years[0] + shift})
    return years


def _years_after(text: str) -> set[int]:
    return {int(y) for y in _AFTER_YEAR.findall(fold(text))}
