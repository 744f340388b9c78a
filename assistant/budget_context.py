"""Beside a budget answer: the line naming what was asked, and whether a dated budget field
speaks of another year than the one asked."""

from __future__ import annotations

from actiewijzer.assistant.answer_check import prints_budget_text
from actiewijzer.assistant.answer_kinds import counts, has_type, years_meant
from actiewijzer.assistant.backends import AnswerTask
from actiewijzer.assistant.evidence import field_values
from actiewijzer.assistant.ranking import best_lines
from actiewijzer.assistant.sources import FoundCard
from actiewijzer.assistant.text import fold
from actiewijzer.index.text_analysis import dutch_zipf
from actiewijzer.ingest.models import Card

# A question word this rare in everyday Dutch is a name: "Buurbel", "Kringwinkel".
_RARE_NAME_ZIPF = 2.0


def name_line(task: AnswerTask, found: FoundCard, stopwords: frozenset[str]) -> str | None:
    """ "hoeveel steekt de stad in da buurbel?" and the title says "nieuwe technologie": the
    card line naming the Buurbel, which shows the table is the one asked about."""
    title = fold(found.card.title)
    names = [w for w in task.plan.topic_words if w not in title and dutch_zipf(w) < _RARE_NAME_ZIPF]
    if not names:
        return None
    plain = task.plan.model_copy(update={"answer_type": None})
    best = best_lines(found.card, plain, stopwords, 1, closeness=task.line_closeness)
    if not best or not any(w in fold(best[0].text) for w in names):
        return None
    if counts(best[0].text) or has_type(best[0].text, "amount"):
        return None  # a figure beside the table would read as part of the budget
    return best[0].text


def budget_for_other_years(card: Card, years: list[int], lines: list[str]) -> bool:
    """ "welk budget in 2016?" and every sum in the card's budget field is dated, none for the
    years asked ("Voor 2017 is er 2.200.000 Euro voorzien"); nor does another line shown print
    a sum for them ("2016: ... een imputatie van extra 8,7 miljoen euro")."""
    sums = [v.value for v in field_values(card, ["budget_notes"]) if has_type(v.value, "amount")]
    if not sums or not all(years_meant(text) for text in sums):
        return False
    if prints_budget_text(card, years):
        return False
    return not any(has_type(line, "amount") and years_meant(line) & set(years) for line in lines)
