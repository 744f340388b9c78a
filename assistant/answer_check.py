"""Does a card hold the kind of answer the question asks for: the asked figure, next to the
question's words, for the asked year, counting what is asked."""

from __future__ import annotations

import re
from collections.abc import Sequence

from actiewijzer.assistant.answer_kinds import (
    answers_how_often,
    asked_ordinals,
    counts_people,
    has_type,
    names_new,
    names_ordinal,
    prints_percent,
    proper_names,
    says_stopped,
    year_spans,
    years_meant,
)
from actiewijzer.assistant.card_lines import card_lines
from actiewijzer.assistant.evidence import field_values
from actiewijzer.assistant.ranking import question_stems, word_stems
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.text import content_words, fold, stem
from actiewijzer.ingest.models import Card

# "per jaar", "jaarlijks", "op jaarbasis": an amount that holds for every year.
_YEARLY = re.compile(r"\b(?:per jaar|jaarlijks\w*|op jaarbasis|/jaar)", re.IGNORECASE)
_FOR_ONE_YEAR = re.compile(
    r"\b(?:voor|in)\s+(?:19|20)\d{2}\s+(?:bedroeg|bedroegen|bedraagt|was|is|werd|wordt)\b",
    re.IGNORECASE,
)
_MIN_HEAD = 4  # the last part of a compound that stands for it: "scan" for "energiescan"
# Counted words a card often says otherwise ("mensen" as "personen", "gezinnen", "cliënten").
# Measures and qualifiers ("hoeveel procent", "welk aandeel", "hoeveel extra") count nothing.
_GENERIC_COUNTED = frozenset(
    stem(word)
    for word in [
        "mensen",
        "personen",
        "keer",
        "aantal",
        "stuks",
        "procent",
        "percent",
        "percentage",
        "aandeel",
        "extra",
        "bijkomende",
        "nieuwe",
    ]
)


def holds_answer(
    card: Card, plan: QuestionPlan, stopwords: frozenset[str], foreign_places: Sequence[str] = ()
) -> bool:
    """Does the card print the kind of figure the question asks for, next to its words?
    A place no document is about is no such word: the card may mention it in passing."""
    if plan.takes_stop_for_granted and not says_stopped(card.text):
        return False  # "waarom werd Groeituinen stopgezet?" and the card never says it stopped
    if not plan.answer_type:
        return True
    if plan.answer_type == "amount" and any(
        c.raw.strip() and re.search(r"\d", c.raw) for r in card.fields.budget for c in r.cells
    ):
        return True
    if plan.answer_type == "amount" and prints_budget_text(card, plan.figure_years):
        return True
    if plan.answer_type == "date" and (card.fields.start_date or card.fields.mijlpalen):
        return True
    if plan.answer_type == "end_date" and card.fields.end_date:
        return True
    if plan.answer_type == "names" and any(map(proper_names, card.fields.partners)):
        return True  # "Samenwerkingsovereenkomst met: CBE Ligo Zuid-Oost-Vlaanderen vzw"
    figure_years = plan.figure_years
    if figure_years and not any(str(y) in card.text for y in figure_years):
        return False
    if not _names_counted(card, plan, stopwords):
        return False
    wanted = question_stems(plan, stopwords, card)
    # "hoeveel leefloners in Mechelen": a count of nights spent in Mechelen does not answer it.
    wanted = (wanted - word_stems(" ".join(foreign_places), frozenset())) or wanted
    texts = [*card_lines(card), *(v for v in card.fields.other.values())]
    # A date or a phone number may follow the line naming the subject; a count names it itself.
    needs_words = plan.answer_type in ("amount", "count", "price", "reason", "names")
    if plan.answer_type == "price" and plan.focus_words:
        wanted = {stem(w) for w in plan.focus_words}  # the price of a meal names the meal
    near_year = [
        not figure_years
        or plan.answer_type != "count"
        or _for_years(texts, i, figure_years, year_spans(plan.text))
        for i in range(len(texts))
    ]
    # The answer line must also be one the answer can quote: one that names the subject, or
    # follows a line (or title) that does ("Het loopt tot 30/06/2025." after the project's name).
    # Else a date elsewhere in the card ("Lejo vzw t.e.m. 2020") would pass for the one asked.
    # "en hoeveel in 2024?" about the card the conversation is on: the earlier turns named
    # its subject, so any of its lines speaks of it.
    talked_about = plan.is_follow_up and card.id in plan.context_ids
    named = [
        talked_about or bool(wanted & word_stems(line, stopwords)) or _compound(wanted, line)
        for line in texts
    ]
    titled = bool(wanted & word_stems(card.title, stopwords))  # the first line follows the title
    told = [here or (named[i - 1] if i else titled) for i, here in enumerate(named)]
    # "hoeveel referentieadressen": the count stands with them (in its line or the one before),
    # not with the 30% of households that spend much on housing elsewhere in the card.
    # A year asked already ties the count to its line (near_year above).
    focus = set() if figure_years else _counted_focus(plan)
    with_focus = [not focus or _names_any(focus, line, stopwords) for line in texts]
    counted = [here or (i > 0 and with_focus[i - 1]) for i, here in enumerate(with_focus)]
    # "hoeveel moeders zitten in de tweede groep?": the count of the first group is no answer.
    # Not "de evaluatie van het tweede kwartaal": that names a report.
    ordinals = (
        asked_ordinals(router_rules().without_document_names(plan.question)) if needs_words else []
    )
    return any(
        near
        and (
            has_type(_unasked(line, plan), plan.answer_type)
            or (plan.counts_occasions and answers_how_often(line))
        )
        # ... in the line or in the heading right above it ("Kwartaal 4 - 2022:")
        and all(names_ordinal(" ".join(texts[max(0, i - 2) : i + 1]), *p) for p in ordinals)
        and (not plan.counts_people or counts_people(line))
        # "hoe tevreden, in procent?": a percentage, not a count of schools
        and (not plan.wants_percent or plan.answer_type != "count" or prints_percent(line))
        and (names if needs_words else said)
        and focused
        # "welke scholen stapten mee in Groeituinen?": a name the question does not give itself
        and (plan.answer_type != "names" or names_new(line, plan.question))
        for i, (line, near, names, said, focused) in enumerate(
            zip(texts, near_year, named, told, counted, strict=True)
        )
    )


def _unasked(line: str, plan: QuestionPlan) -> str:
    """ "Op welke locatie ... in Lier?": the town the question names is not the place asked."""
    if plan.answer_type != "location":
        return line
    for place in plan.places:
        line = re.sub(rf"\b{re.escape(place)}\b", " ", line, flags=re.IGNORECASE)
    return line


def prints_budget_text(card: Card, years: Sequence[int] = ()) -> bool:
    """ "Budgettair engagement: 19.000 euro op jaarbasis": a budget the card prints as text;
    for the years asked, when it names them or recurs every year."""
    return any(
        has_type(v.value, "amount")
        and (
            not years
            or any(str(y) in v.value for y in years)
            # "een jaarlijkse dotatie. Voor 2015 bedroeg deze ...": that year's sum, no other's
            or (_YEARLY.search(v.value) and not _FOR_ONE_YEAR.search(v.value))
        )
        for v in field_values(card, ["budget_notes"])
    )


def _for_years(
    texts: Sequence[str], at: int, years: Sequence[int], spans: set[tuple[int, int]]
) -> bool:
    """ "hoeveel ... in 2023": a line that names its own years counts for those (a date in it
    only says when); another stands next to the year, in its line or the ones around it. A
    school year asked ("2023-2024") is not the one before it ("2022 - 2023"), though the two
    share a calendar year."""
    # A school year heads the lines below it ("2023 - 2024 :"), up to the next one it names.
    governing = next((s for line in reversed(texts[: at + 1]) if (s := year_spans(line))), None)
    if spans and governing:
        return bool(governing & spans)
    if own := years_meant(texts[at]):
        return bool(own & set(years))
    return any(str(y) in " ".join(texts[max(0, at - 2) : at + 2]) for y in years)


def _names_counted(card: Card, plan: QuestionPlan, stopwords: frozenset[str]) -> bool:
    """ "hoeveel vrijwilligers": a card that never speaks of volunteers cannot count them,
    whatever else it counts ("3 buurten")."""
    focus = _counted_focus(plan)
    return not focus or _names_any(focus, f"{card.title} {card.text}", stopwords)


def _counted_focus(plan: QuestionPlan) -> set[str]:
    """The stems of what a count question counts, less words a card often says otherwise."""
    if plan.answer_type != "count":
        return set()
    # The words as asked too: "leningen" stems to "leen", too short to find "energieleningen".
    counted = [fold(w) for w in plan.focus_words if stem(fold(w)) not in _GENERIC_COUNTED]
    return {stem(w) for w in counted} | set(counted)


def _names_any(stems_: set[str], text: str, stopwords: frozenset[str]) -> bool:
    return bool(stems_ & word_stems(text, stopwords)) or _compound(stems_, text)


def _compound(wanted: set[str], line: str) -> bool:
    """ "nachtopvang" in the line answers "opvang"; "scan" answers "energiescan"."""
    folded = fold(line)
    if any(len(w) >= 5 and w in folded for w in wanted):
        return True
    heads = {w for w in content_words(folded) if len(w) >= _MIN_HEAD}
    return any(len(w) > len(head) and w.endswith(head) for w in wanted for head in heads)


def has_status(card: Card, status_matches: Sequence[str]) -> bool:
    """Whether the card's status field says one of the asked statuses ("4 - Afgerond")."""
    status = fold(card.fields.status or "")
    return bool(status) and any(match in status for match in status_matches)
