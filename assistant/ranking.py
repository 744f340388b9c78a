"""Which lines of a card answer the question, and does the card hold the kind of answer asked for.

A line scores by the question words it shares (stems and compounds), by carrying the asked
year, and by carrying the asked kind of figure: an amount for "hoeveel geld", a count for
"hoeveel", a date for "wanneer", a phone number or e-mail address for "telefoonnummer"."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from actiewijzer.assistant.answer_kinds import (
    YEAR,
    asked_ordinals,
    counts,
    has_type,
    names_new,
    names_ordinal,
    prints_contact,
    prints_percent,
    proper_names,
    says_stopped,
)
from actiewijzer.assistant.meaning import LineCloseness, meaning_gains
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.text import content_words, fold, marked_sentences, stem
from actiewijzer.ingest.models import Card

MAX_LINE_CHARS = 400
_MIN_WORDS = 4
_MAX_HEADING_WORDS = 6
_MAX_ITEMS = 10
_MIN_YEAR_COLUMNS = 3
# Counted words a card often says otherwise ("mensen" as "personen", "gezinnen", "cliënten").
# Measures and qualifiers after "hoeveel" ("hoeveel procent", "hoeveel extra") count nothing.
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
        "extra",
        "bijkomende",
        "nieuwe",
    ]
)
_ITEM_MARK = re.compile(r"^o\s+")  # the "o" bullet of a sub-list
_MIN_HEAD = 4  # the last part of a compound that stands for it: "scan" for "energiescan"
_COUNTED = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
# What a sentence may leave to the next one: a figure, or a cause ("Dit omwille van ...").
_PAIRED_TYPES = ("count", "amount", "price", "date", "day", "contact", "reason")
# A sentence pointing back finishes the one before it: "… een initiatief om de directie te
# bedanken. In 2020 is hiertoe een ontbijtevent aangeboden."
_POINTS_BACK = re.compile(r"\b(?:hier|daar)(?:toe|voor|mee|bij|door|in|aan|van)\b", re.IGNORECASE)
_FINISHING_BONUS = 0.25  # such a pair wins over its first sentence alone
_SETTING_SHARE = 0.5  # what a scene-setting word counts for, less than an asked one


@dataclass(frozen=True)
class ScoredLine:
    text: str
    score: float
    position: int


def _stems(text: str, stopwords: frozenset[str]) -> set[str]:
    return {stem(w) for w in content_words(text, stopwords)}


def question_stems(plan: QuestionPlan, stopwords: frozenset[str], card: Card) -> set[str]:
    # The topic words add what the question only implies: "dak- en thuislozen" says "daklozen".
    asked = [*content_words(plan.text, stopwords), *plan.topic_words]
    # The stemmer keeps a verb's "-t" ("opent", "begint"): its root finds "opening", "begin".
    verb_roots = {stem(w[:-1]) for w in asked if len(w) >= 5 and w[-1] == "t"}
    return ({stem(w) for w in asked} - _stems(card.id, frozenset())) | verb_roots


@dataclass(frozen=True)
class CardLine:
    text: str
    heading_years: frozenset[int] = frozenset()  # of the heading above ("Kwartaal 3 - 2023:")


def _year_heading(sentence: str) -> frozenset[int]:
    """A short line naming a year heads the lines below it: "2024:", "Kwartaal 1 &2 - 2024:"."""
    if len(sentence.split()) > _MAX_HEADING_WORDS:
        return frozenset()
    return frozenset(int(y) for y in YEAR.findall(sentence))


def _is_year_row(sentence: str) -> bool:
    """The header of a table with a column per year: "Gemeente 2017 2018 2019 2020"."""
    years = YEAR.findall(sentence)
    return len(set(years)) >= _MIN_YEAR_COLUMNS and 2 * len(years) >= len(sentence.split())


def card_sentences(card: Card) -> list[CardLine]:
    """The card's sentences, without the heading that repeats its number and title, each with
    the year of the heading it stands under. A line introducing a list ("volgende acties:")
    carries its items: the answer is in them, and short items are no lines of their own."""
    title = fold(card.title).strip()
    found: dict[str, CardLine] = {}
    heading: frozenset[int] = frozenset()
    marked = marked_sentences(card.text)
    row_of_header = False
    for position, (sentence, _) in enumerate(marked):
        if row_of_header:
            row_of_header = False
            continue
        if _is_year_row(sentence) and position + 1 < len(marked):
            # "Gemeente 2017 … 2022" / "Lier 15,80% … 15,25%": the row only says which year
            # each value is for together with its header, so they make one line.
            sentence = f"{sentence}: {marked[position + 1][0]}"
            row_of_header = True
        else:
            heading = _year_heading(sentence) or heading
        sentence = _without_card_heading(sentence, card.id, title)
        if sentence.endswith(":") and not _year_heading(sentence):
            sentence = _with_items(sentence, marked[position + 1 :])
        if len(sentence.split()) < _MIN_WORDS and not prints_contact(sentence):
            continue
        if len(sentence) > MAX_LINE_CHARS:
            sentence = sentence[:MAX_LINE_CHARS].rsplit(" ", 1)[0] + " …"
        found.setdefault(sentence, CardLine(sentence, heading))
    return list(found.values())


def _without_card_heading(sentence: str, card_id: str, title: str) -> str:
    folded = fold(sentence)
    if folded.startswith(fold(f"actie {card_id}")):
        folded = folded[len(f"actie {card_id}") :].strip()
        sentence = sentence[len(f"actie {card_id}") :].strip()
    if folded.startswith(fold(card_id)):
        sentence, folded = sentence[len(card_id) :].strip(), folded[len(card_id) :].strip()
    if title and folded.startswith(title):
        # Folding may lengthen the text ("…" -> "..."): cut where the folded title ends.
        cut = len(title)
        while cut and len(fold(sentence[:cut])) > len(title):
            cut -= 1
        sentence = sentence[cut:].strip(" :-–")
    return sentence


def _with_items(intro: str, following: list[tuple[str, bool]]) -> str:
    """ "Aanvullende obstakels: Werkloosheidsval; Generatiearmoede; …" from the bulleted lines
    after the intro, up to the next intro or the end of the list."""
    items = []
    for sentence, bulleted in following[:_MAX_ITEMS]:
        if not bulleted or sentence.endswith(":"):
            break
        items.append(_ITEM_MARK.sub("", sentence).rstrip(" .;"))
    return f"{intro} {'; '.join(items)}." if items else intro


def card_lines(card: Card) -> list[str]:
    return [line.text for line in card_sentences(card)]


def _with_next_answer(lines: list[CardLine], answer_type: str | None) -> list[tuple[int, CardLine]]:
    """A sentence naming the subject often leaves the figure to the next one ("In 2024 stapte
    het systeem over. Er waren in totaal 887 aanmeldingen."): such a pair is a candidate too."""
    candidates = list(enumerate(lines))
    return candidates + [
        (position, CardLine(f"{first.text} {second.text}", first.heading_years))
        for position, (first, second) in enumerate(pairwise(lines))
        if _finishes(second.text)
        or (
            answer_type in _PAIRED_TYPES
            and not has_type(first.text, answer_type)
            and has_type(second.text, answer_type)
        )
    ]


def _finishes(sentence: str) -> bool:
    return _POINTS_BACK.search(sentence) is not None


def score_line(
    line: str,
    wanted: set[str],
    plan: QuestionPlan,
    stopwords: frozenset[str],
    years: Sequence[int],
    heading_years: frozenset[int] = frozenset(),
    setting: frozenset[str] = frozenset(),
) -> float:
    line_stems = _stems(line, stopwords)
    folded = fold(line)
    # Words only the sentences before the question use set the scene: they count half.
    overlap: float = len(wanted & line_stems) - _SETTING_SHARE * len(setting & line_stems)
    # Compounds: "nachtopvang" answers "opvang", "kansentarief" answers "tarief".
    overlap += 0.5 * sum(1 for w in wanted - line_stems if len(w) >= 5 and w in folded)
    if not overlap:
        return 0.0
    score = float(overlap)
    if plan.answer_type and has_type(line, plan.answer_type):
        score += 1.5
        if plan.answer_type == "count" and _counts_focus(folded, plan.focus_words):
            score += 1.0  # "4000 zakjes" answers "hoeveel zakjes" better than "kwartaal 2"
        elif plan.counts_occasions and counts_occasions(line):
            score += 1.0  # "12 intervisiemomenten" answers "hoe vaak", "33 kinderen" does not
    if years:
        printed = {int(y) for y in YEAR.findall(line)} or set(heading_years)
        if printed & set(years) or any(str(y) in line for y in years):
            score += 1.5
        elif printed and plan.answer_type in ("count", "amount"):
            return 0.0  # a figure for another year does not answer "hoeveel in 2022"
        elif printed:
            score -= 1.0  # about another year than the one asked
    return score


def _setting_stems(question: str, stopwords: frozenset[str]) -> set[str]:
    """Words of the sentences before the one that asks ("Het VAPA steunt maaltijden voor
    gezinnen. Hoeveel projecten werden geselecteerd?") that the asking sentence lacks."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", question.strip()) if p]
    asking = [p for p in parts if p.endswith("?")]
    if not asking or len(asking) == len(parts):
        return set()
    scene = [p for p in parts[: parts.index(asking[0])]]
    return _stems(" ".join(scene), stopwords) - _stems(" ".join(asking), stopwords)


def _counts_focus(folded_line: str, focus_words: Sequence[str]) -> bool:
    """A number right before the counted word (at most two words between): "137 unieke
    deelnemers", "124 openingsmomenten"."""
    focus = {stem(fold(w)) for w in focus_words}
    for match in _COUNTED.finditer(folded_line):
        if any(
            stem(w) in focus or any(w.endswith(f) for f in focus) for w in match.group(1).split()
        ):
            return True
    return False


def best_lines(
    card: Card,
    plan: QuestionPlan,
    stopwords: frozenset[str],
    limit: int = 2,
    years: Sequence[int] | None = None,
    ignored: Sequence[str] = (),
    closeness: LineCloseness | None = None,
) -> list[ScoredLine]:
    wanted = question_stems(plan, stopwords, card) - {stem(fold(w)) for w in ignored}
    if not wanted:
        return []
    asked_years = plan.figure_years if years is None else years
    setting = frozenset(wanted & _setting_stems(plan.text, stopwords))
    lines = card_sentences(card)
    gains = meaning_gains([line.text for line in lines], closeness)
    scored: list[ScoredLine] = []
    for number, (position, candidate) in enumerate(_with_next_answer(lines, plan.answer_type)):
        text = candidate.text
        score = score_line(
            text, wanted, plan, stopwords, asked_years, candidate.heading_years, setting
        )
        if score > 0:  # meaning ranks the lines that share words; it admits none by itself
            joined = 2 if number >= len(lines) else 1  # a pair is as near as its nearer half
            score += max(gains[position : position + joined])
        scored.append(ScoredLine(text, score, position))
    # A pair must say more than its figure sentence alone: the first one shares the subject.
    singles, pairs = scored[: len(lines)], scored[len(lines) :]
    pairs = [
        replace(pair, score=pair.score + _FINISHING_BONUS)
        if _finishes(lines[pair.position + 1].text)
        else pair
        for pair in pairs
    ]
    scored = singles + [pair for pair in pairs if pair.score > singles[pair.position + 1].score]
    # The sort is stable: at equal scores the earlier line, and a single before a pair.
    scored = sorted((s for s in scored if s.score > 0), key=lambda s: -s.score)
    chosen: list[ScoredLine] = []
    for line in scored:
        # A pair and the sentences it joins are one answer, not two.
        if not any(line.text in c.text or c.text in line.text for c in chosen):
            chosen.append(line)
        if len(chosen) == limit:
            break
    return chosen


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
    wanted = (wanted - _stems(" ".join(foreign_places), frozenset())) or wanted
    texts = [*card_lines(card), *(v for v in card.fields.other.values())]
    # A date or a phone number may follow the line naming the subject; a count names it itself.
    needs_words = plan.answer_type in ("amount", "count", "price", "reason", "names")
    if plan.answer_type == "price" and plan.focus_words:
        wanted = {stem(w) for w in plan.focus_words}  # the price of a meal names the meal
    # "hoeveel ... in 2023": the count stands next to the year (same line or next to it),
    # not in a line about another year.
    near_year = [
        not figure_years
        or plan.answer_type != "count"
        or any(str(y) in " ".join(texts[max(0, i - 2) : i + 2]) for y in figure_years)
        for i in range(len(texts))
    ]
    # The answer line must also be one the answer can quote: one that names the subject, or
    # follows a line (or title) that does ("Het loopt tot 30/06/2025." after the project's name).
    # Else a date elsewhere in the card ("Lejo vzw t.e.m. 2020") would pass for the one asked.
    named = [bool(wanted & _stems(line, stopwords)) or _compound(wanted, line) for line in texts]
    titled = bool(wanted & _stems(card.title, stopwords))  # the first line follows the title
    told = [here or (named[i - 1] if i else titled) for i, here in enumerate(named)]
    # "hoeveel referentieadressen": the count stands with them (in its line or the one before),
    # not with the 30% of households that spend much on housing elsewhere in the card.
    # A year asked already ties the count to its line (near_year above).
    focus = set() if figure_years else _counted_focus(plan)
    with_focus = [not focus or _names_any(focus, line, stopwords) for line in texts]
    counted = [here or (i > 0 and with_focus[i - 1]) for i, here in enumerate(with_focus)]
    # "hoeveel moeders zitten in de tweede groep?": the count of the first group is no answer.
    ordinals = asked_ordinals(plan.question) if needs_words else []
    return any(
        near
        and has_type(line, plan.answer_type)
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


_COUNTED_WINDOW = 3  # words between a number and what it counts: "108 unieke cliënten"


def counts_people(line: str) -> bool:
    """A number that counts people: "108 unieke cliënten", not "637 cliëntcontacten"."""
    return _counts_what(line, router_rules().is_people_word)


def counts_occasions(line: str) -> bool:
    """A number that counts occasions: "12 intervisiemomenten", "4 keer"."""
    return _counts_what(line, router_rules().is_occasion_word)


def _counts_what(line: str, is_counted_word: Callable[[str], bool]) -> bool:
    tokens = re.findall(r"[\w'-]+", fold(line).replace("’", "'"))
    numbers = set(counts(line))
    return any(
        token in numbers
        and any(is_counted_word(w) for w in tokens[i + 1 : i + 1 + _COUNTED_WINDOW])
        for i, token in enumerate(tokens)
    )


def _names_counted(card: Card, plan: QuestionPlan, stopwords: frozenset[str]) -> bool:
    """ "hoeveel vrijwilligers": a card that never speaks of volunteers cannot count them,
    whatever else it counts ("3 buurten")."""
    focus = _counted_focus(plan)
    return not focus or _names_any(focus, f"{card.title} {card.text}", stopwords)


def _counted_focus(plan: QuestionPlan) -> set[str]:
    """The stems of what a count question counts, less words a card often says otherwise."""
    if plan.answer_type != "count":
        return set()
    return {stem(fold(w)) for w in plan.focus_words} - _GENERIC_COUNTED


def _names_any(stems_: set[str], text: str, stopwords: frozenset[str]) -> bool:
    return bool(stems_ & _stems(text, stopwords)) or _compound(stems_, text)


def _compound(wanted: set[str], line: str) -> bool:
    """ "nachtopvang" in the line answers "opvang"; "scan" answers "energiescan"."""
    folded = fold(line)
    if any(len(w) >= 5 and w in folded for w in wanted):
        return True
    heads = {w for w in content_words(folded) if len(w) >= _MIN_HEAD}
    return any(len(w) > len(head) and w.endswith(head) for w in wanted for head in heads)
