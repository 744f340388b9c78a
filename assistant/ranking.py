"""Which lines of a card answer the question.

A line scores by the question words it shares (stems and compounds), by carrying the asked
year, and by carrying the asked kind of figure: an amount for "hoeveel geld", a count for
"hoeveel", a date for "wanneer", a phone number or e-mail address for "telefoonnummer"."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise

from actiewijzer.assistant.answer_kinds import (
    YEAR,
    answers_how_often,
    has_type,
    printed_quarters,
)
from actiewijzer.assistant.card_lines import CardLine, card_sentences
from actiewijzer.assistant.meaning import NEAREST_GAIN, LineCloseness, meaning_gains
from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.text import (
    content_words,
    fold,
    stem,
)
from actiewijzer.ingest.models import Card

_COUNTED = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
# What a sentence may leave to the next one: a figure, or a cause ("Dit omwille van ...").
_PAIRED_TYPES = ("count", "amount", "price", "date", "day", "contact", "reason")
# A sentence pointing back finishes the one before it: "… een initiatief om de directie te
# bedanken. In 2020 is hiertoe een ontbijtevent aangeboden."
_POINTS_BACK = re.compile(
    r"\b(?:hier|daar)(?:toe|voor|mee|bij|door|in|aan|van|om)\b", re.IGNORECASE
)
_FINISHING_BONUS = 0.25  # such a pair wins over its first sentence alone
_UNSHARED_COST = 1.0  # a line sharing no question word ranks below one sharing a word
# "... nood aan iemand die de klant wegwijs maakt. Iemand die vooral de sociale kaart kent.": a
# clause standing alone, opened by a word of the sentence before, says more of that sentence.
_ELABORATION = re.compile(r"^(?:een\s+|de\s+|het\s+)?([\w'’-]{4,})\s+(?:die|dat|waar\w*)\b")
_MAX_ELABORATIONS = 2
_FOLLOWER_REACH = 2  # sentences after the best one that may go on telling its answer
_SETTING_SHARE = 0.5  # what a scene-setting word counts for, less than an asked one
_PLURAL_ENDING = re.compile(r"(?:en|s)$")
_MIN_COMPOUND_BASE = 6
# A class or group code ("1A", "1B"; not the ordinal "1e"): a line naming the asked one is about
# it, a line naming its sibling ("1B" when "1A" is asked) about something else.
_GROUP_CODE = re.compile(r"(?<![\d/.,-])\d{1,2}[a-df-z](?!\w)")
_CODE_GAIN = 3.0
# Three towns or more in one question name a document (the addendum of four towns), not a line.
_PLACES_NAMING_A_DOCUMENT = 3

_MIN_PART = 3  # "can" of "I CAN-project", "ocmw" of "OCMW-cliënten"


@dataclass(frozen=True)
class ScoredLine:
    text: str
    score: float
    position: int


def word_stems(text: str, stopwords: frozenset[str]) -> set[str]:
    return {stem(w) for w in _with_hyphen_parts(content_words(text, stopwords))}


def _with_hyphen_parts(found: list[str]) -> list[str]:
    """ "OCMW-cliënten" is also "OCMW cliënten": the parts count as words of their own."""
    parts = [p for w in found if "-" in w for p in w.split("-") if len(p) >= _MIN_PART]
    return [*found, *parts]


@cache
def _meaning_groups() -> list[frozenset[str]]:
    return [frozenset(stem(fold(w)) for w in group) for group in router_rules().same_meaning]


def _same_meaning(wanted: set[str]) -> set[str]:
    """The stems of the words that mean what a wanted one does ("begin" -> "start")."""
    return {s for group in _meaning_groups() if group & wanted for s in group}


def question_stems(plan: QuestionPlan, stopwords: frozenset[str], card: Card) -> set[str]:
    # The topic words add what the question only implies: "dak- en thuislozen" says "daklozen".
    asked = _with_hyphen_parts([*content_words(plan.text, stopwords), *plan.topic_words])
    # The stemmer keeps a verb's "-t" ("opent", "begint"): its root finds "opening", "begin".
    verb_roots = {stem(w[:-1]) for w in asked if len(w) >= 5 and w[-1] == "t"}
    wanted = ({stem(w) for w in asked} - word_stems(card.id, frozenset())) | verb_roots
    wanted |= _same_meaning(wanted)
    if len(plan.places) < _PLACES_NAMING_A_DOCUMENT:
        return wanted
    # "het addendum van Lier, Heist o/d Berg, Berlaar en Nijlen": towns named together say
    # which document is asked, not which of its lines; a line listing them answers nothing.
    place_words = router_rules().place_words
    towns = [w for w in asked if w in place_words]
    return wanted - {stem(w) for w in towns} - {stem(w[:-1]) for w in towns}


def _with_next_answer(lines: list[CardLine], answer_type: str | None) -> list[tuple[int, CardLine]]:
    """A sentence naming the subject often leaves the figure to the next one ("In 2024 stapte
    het systeem over. Er waren in totaal 887 aanmeldingen."): such a pair is a candidate too."""
    candidates = list(enumerate(lines))
    return candidates + [
        (
            position,
            CardLine(
                " ".join([first.text, *(_elaborations(lines, position) or [second.text])]),
                first.heading_years,
                first.heading_quarters,
            ),
        )
        for position, (first, second) in enumerate(pairwise(lines))
        if _continues(lines, position)
        or (
            answer_type in _PAIRED_TYPES
            and not has_type(first.text, answer_type)
            and has_type(second.text, answer_type)
        )
    ]


def _continues(lines: Sequence[CardLine], position: int) -> bool:
    """The sentence after this one finishes it, or says more of it."""
    following = lines[position + 1].text
    return points_back(following) or _elaborates(following, lines[position].text)


def points_back(sentence: str) -> bool:
    """The sentence leans on the one before it ("hiertoe", "daarvoor"): it finishes that one."""
    return _POINTS_BACK.search(sentence) is not None


def _elaborates(sentence: str, before: str) -> bool:
    opening = _ELABORATION.match(fold(sentence).strip())
    return opening is not None and opening.group(1) in content_words(fold(before))


def _elaborations(lines: Sequence[CardLine], position: int) -> list[str]:
    """The run of sentences after this one that each say more of the one before."""
    run: list[str] = []
    for before, sentence in pairwise(lines[position : position + _MAX_ELABORATIONS + 1]):
        if not _elaborates(sentence.text, before.text):
            break
        run.append(sentence.text)
    return run


def score_line(
    line: str,
    wanted: set[str],
    plan: QuestionPlan,
    stopwords: frozenset[str],
    years: Sequence[int],
    heading_years: frozenset[int] = frozenset(),
    setting: frozenset[str] = frozenset(),
    heading_quarters: frozenset[int] = frozenset(),
    compound_bases: Mapping[str, str] | None = None,
    year_names_subject: bool = False,
) -> float:
    line_stems = word_stems(line, stopwords)
    folded = fold(line)
    # Words only the sentences before the question use set the scene: they count half.
    overlap: float = len(wanted & line_stems) - _SETTING_SHARE * len(setting & line_stems)
    # Compounds: "nachtopvang" answers "opvang", "kansentarief" answers "tarief"; and
    # "lotgenotengroep" answers "lotgenoten", whose stem ("lotnoot") lost its "ge".
    bases = compound_bases or {}
    overlap += 0.5 * sum(
        1
        for w in wanted - line_stems
        if (len(w) >= 5 and w in folded) or (w in bases and bases[w] in folded)
    )
    if not overlap and year_names_subject and any(str(y) in line for y in years):
        # "en in 2024?" on the card talked about: the year is what the line must share.
        overlap = _SETTING_SHARE
    if not overlap:
        return 0.0
    score = float(overlap)
    if plan.counts_occasions and answers_how_often(line):
        # "12 intervisiemomenten" or "maandelijks" answers "hoe vaak", "33 kinderen" does not.
        score += 2.5
    elif plan.answer_type and has_type(line, plan.answer_type):
        score += 1.5
        if plan.answer_type == "count" and _counts_focus(folded, plan.focus_words):
            score += 1.0  # "4000 zakjes" answers "hoeveel zakjes" better than "kwartaal 2"
    if asked_codes := _group_codes(plan.question):
        printed_codes = set(_GROUP_CODE.findall(folded))
        if printed_codes & asked_codes:
            score += _CODE_GAIN
        elif any(p[:-1] == a[:-1] for p in printed_codes for a in asked_codes):
            score -= _CODE_GAIN
    if plan.quarters and (quarters := printed_quarters(line) or heading_quarters):
        # "het eerste kwartaal van 2022" is answered under "Kwartaal 1 - 2022:", not "Kwartaal 2".
        if not quarters & set(plan.quarters):
            return 0.0 if plan.answer_type in ("count", "amount") else score - 1.0
        score += 1.5
    if years:
        printed = {int(y) for y in YEAR.findall(line)} or set(heading_years)
        if printed & set(years) or any(str(y) in line for y in years):
            score += 1.5
        elif printed and plan.answer_type in ("count", "amount"):
            return 0.0  # a figure for another year does not answer "hoeveel in 2022"
        elif printed:
            score -= 1.0  # about another year than the one asked
    return score


@lru_cache(maxsize=256)  # asked once per line of every card looked at
def _group_codes(question: str) -> frozenset[str]:
    return frozenset(_GROUP_CODE.findall(fold(question)))


def _setting_stems(question: str, stopwords: frozenset[str]) -> set[str]:
    """Words of the sentences before the one that asks ("Het VAPA steunt maaltijden voor
    gezinnen. Hoeveel projecten werden geselecteerd?") that the asking sentence lacks."""
    parts = [p for p in re.split(r"(?<=[.!?])\s+", question.strip()) if p]
    asking = [p for p in parts if p.endswith("?")]
    if not asking or len(asking) == len(parts):
        return set()
    scene = [p for p in parts[: parts.index(asking[0])]]
    return word_stems(" ".join(scene), stopwords) - word_stems(" ".join(asking), stopwords)


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


def _follower(
    scored: list[ScoredLine],
    lines: Sequence[CardLine],
    wanted: set[str],
    stopwords: frozenset[str],
) -> ScoredLine | None:
    """ "... wel de klant wegwijs maakt, een trajectgezel. Het is belangrijk dat deze ook thuis
    langsgaat. Volgens de deelnemers is er nood aan 1 vast aanspreekpunt.": a sentence soon
    after the best one, on its subject and its own words, goes on telling the same answer."""
    singles = scored[: len(lines)]
    if not singles or (best := max(singles, key=lambda line: line.score)).score <= 0:
        return None
    told = word_stems(best.text, stopwords)
    # ... after the sentences that say more of it, which its line already carries.
    start = best.position + 1 + len(_elaborations(lines, best.position))
    for position in range(start, min(start + _FOLLOWER_REACH, len(lines))):
        own = word_stems(lines[position].text, stopwords)
        if own & wanted and (own - wanted) & (told - wanted):
            return singles[position]
    return None


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
    setting = wanted & _setting_stems(plan.text, stopwords)
    talked_about = plan.is_follow_up and card.id in plan.context_ids
    if talked_about:
        # "en is er ook iets voor lotgenoten?" on the card talked about: the earlier question
        # found the card; the new one asks which of its lines.
        own = word_stems(plan.question, stopwords) | {stem(w) for w in plan.topic_words}
        setting |= wanted - own
    setting_stems = frozenset(setting)
    # "lotgenoten" -> "lotgenot": the unstemmed word a compound may start with (of the words
    # sharing a stem, the last one asked).
    spelled = {stem(w): _PLURAL_ENDING.sub("", w) for w in plan.topic_words}
    compound_bases = {s: base for s, base in spelled.items() if len(base) >= _MIN_COMPOUND_BASE}
    lines = card_sentences(card)
    scored = [
        ScoredLine(
            candidate.text,
            score_line(
                candidate.text,
                wanted,
                plan,
                stopwords,
                asked_years,
                candidate.heading_years,
                setting_stems,
                candidate.heading_quarters,
                compound_bases,
                talked_about,
            ),
            position,
        )
        for position, candidate in _with_next_answer(lines, plan.answer_type)
    ]
    # Meaning ranks the lines that share words; it admits none by itself. A card none of
    # whose lines does so is not embedded at all.
    if any(line.score > 0 for line in scored):
        gains = meaning_gains([line.text for line in lines], closeness)
        for number, line in enumerate(scored):
            joined = 2 if number >= len(lines) else 1  # a pair is as near as its nearer half
            gain = max(gains[line.position : line.position + joined])
            if line.score > 0:
                scored[number] = replace(line, score=line.score + gain)
            elif number < len(lines) and gain >= NEAREST_GAIN:
                # In other words than the question's, but as near in meaning as the nearest line.
                scored[number] = replace(line, score=gain - _UNSHARED_COST)
    # A pair must say more than its figure sentence alone: the first one shares the subject.
    singles, pairs = scored[: len(lines)], scored[len(lines) :]
    pairs = [
        replace(pair, score=pair.score + _FINISHING_BONUS)
        if _continues(lines, pair.position)
        else pair
        for pair in pairs
    ]
    scored = singles + [pair for pair in pairs if pair.score > singles[pair.position + 1].score]
    follower = _follower(scored, lines, wanted, stopwords)
    # The sort is stable: at equal scores the earlier line, and a single before a pair.
    scored = sorted((s for s in scored if s.score > 0), key=lambda s: -s.score)
    chosen: list[ScoredLine] = []
    for line in scored:
        # A pair and the sentences it joins are one answer, not two.
        if not any(line.text in c.text or c.text in line.text for c in chosen):
            chosen.append(line)
        if len(chosen) == limit:
            break
    # The best line's follower comes with it, beside the other lines chosen.
    if follower and chosen and not any(follower.text in c.text for c in chosen):
        chosen.append(follower)
    return chosen
