"""Which lines of a card answer the question, and does the card hold the kind of answer asked for.

A line scores by the question words it shares (stems and compounds), by carrying the asked
year, and by carrying the asked kind of figure: an amount for "hoeveel geld", a count for
"hoeveel", a date for "wanneer", a phone number or e-mail address for "telefoonnummer"."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from actiewijzer.assistant.router import QuestionPlan
from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.text import content_words, fold, marked_sentences, stem
from actiewijzer.index.text_analysis import dutch_zipf
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
# What a sentence may leave to the next one: a figure, or a cause ("Dit omwille van ...").
_PAIRED_TYPES = ("count", "amount", "price", "date", "day", "contact", "reason")
_YEAR = re.compile(r"(?<![\d/.,-])(?:19|20)\d{2}(?![\d/]|[.,]\d)")  # "in 2020." is a year
_AMOUNT = re.compile(
    r"(?:€\s?\d[\d.\s]*(?:,\d+)?)|(?:\d[\d.]*(?:,\d+)?\s?(?:€|euro\b|eur\b))", re.IGNORECASE
)
# "28,7trajecten": a decimal glued to its unit in the PDF text still counts.
_NUMBER = re.compile(r"(?<![\w/.,-])(?:\d+[.,]\d+(?=[a-z])|\d+(?:[.,]\d+)*(?![\w/]))")
# A day: "dinsdag", "elke dag", "14 juni", "01/12/2023".
_DAY = re.compile(
    r"\b(?:maan|dins|woens|donder|vrij|zater|zon|week|werk)dag(?:en)?\b|\b(?:dagelijks|elke dag)\b"
    r"|\b\d{1,2}[/-]\d{1,2}(?:[/-]\d{2,4})?\b|\b\d{1,2} (?:januari|februari|maart|april|mei|juni|"
    r"juli|augustus|september|oktober|november|december)\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b\d{1,2} (?:januari|februari|maart|april|mei|juni|juli"
    r"|augustus|september|oktober|november|december)\b|\b(?:voorjaar|zomer|najaar|winter|herfst)\b"
    r"|\b(?:maan|dins|woens|donder|vrij|zater|zon)dag\b",
    re.IGNORECASE,
)
_BUDGET_YEAR = re.compile(
    r"\b(?:19|20)\d{2}\s*:\s*(?:/|\d[\d .]*(?:,\d+)?\s?(?:€|eur\b|euro\b))", re.IGNORECASE
)
_COUNTED = re.compile(r"(?<![\w/.,-])\d+(?:[.,]\d+)*\s+((?:[\w'’-]+\s+){0,2}[\w'’-]+)")
# "kwartaal 2", "fase 3": a number that names a part, not how many.
_ORDINAL = re.compile(
    r"\b(?:kwartaal|fase|deel|hoofdstuk|stap|niveau|artikel|art\.|nr\.|nummer|punt|week|q)\s*\d+\b",
    re.IGNORECASE,
)
_NAME_PAIR = re.compile(r"\b([A-Z][a-zà-ÿ]{2,}) ((?:(?:van|de|der|den) )?[A-Z][a-zà-ÿ]{2,})\b")
# A capitalised word inside a sentence, or an acronym: "vzw Mondiale Werken", "Emino", "VDAB".
_CAPITALISED = re.compile(r"(?<![.!?:]\s)(?<!^)(?<![.!?:])\b([A-Z][\w&'’-]+|[A-Z]{2,})")
_AFTER_VZW = re.compile(r"\bvzw\s+([A-Z][\w&'’-]+)")  # "vzw Mondiale Werken"
_NAME_MAX_ZIPF = 3.5  # "Emino" 0, "Mondiale" 2.5; "Stad" 5.3, "Samen" 5.6
_FIRST_NAME_MAX_ZIPF = 4.5  # "Guido" 2.9; "Ook" 6.2
_SURNAME_MAX_ZIPF = 2.5  # "Vangoidsenhoven" 0; "Vlaanderen" 4.6
# An end date is a date said to end something: "liep tot 30/06/2024", "einddatum", "afgerond in".
_END_MARKER = re.compile(
    r"\b(?:tot|t\.e\.m\.?|tem|einde?|einddatum|eindigt|eindigde|stopt|stopte|gestopt|afgerond|"
    r"afgelopen|beeindigd|be\u00ebindigd|loopt af|liep af|afgesloten)\b",
    re.IGNORECASE,
)
# A street ("Zijpstraat", "Paradeplein 2", "Bleekveld") or a postcode with its town.
# Said of something that stopped: "t.e.m. 2020", "werd stopgezet", "niet langer".
_STOPPED = re.compile(
    r"\b(?:stop\w*|gestopt|beeindig\w*|afgeschaft|afschaffing|geschrapt|opgeheven|opheffing|"
    r"opgedoekt|afgevoerd|t\.e\.m\.?|tot en met|niet (?:langer|meer|verder))"
)
# A cause or a purpose: "omwille van problemen in de personeelsbezetting", "om ... te helpen".
_REASON = re.compile(
    r"\b(?:omdat|want|doordat|wegens|vanwege|omwille|dankzij|daardoor|daarom|reden\w*|"
    r"oorzaa?k\w*|gevolg\w*|te wijten|zodat|teneinde|met als doel|doel\w*|bedoeling)\b"
    r"|\bom\b(?:\s+\S+){1,12}?\s+te\b",
    re.IGNORECASE,
)
_ADDRESS = re.compile(
    r"\b[A-Z][a-z\u00e0-\u00ff-]*(?:straat|laan|plein|steenweg|dreef|kaai|vest|lei|veld|weg|"
    r"markt|baan|hof|dijk)\b|\b[1-9]\d{3} [A-Z][a-z]+"
)
_NUMBERING = re.compile(r"0\d")
_PERCENT = re.compile(r"\d\s*%|\bprocent\b", re.IGNORECASE)
# "de tweede groep", "het derde projectjaar": which one of several the question asks about.
# Not "de eerste groep": the first one is often the only one, told without its number.
_ORDINAL_PHRASE = re.compile(
    r"\b(tweede|derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende)\s+(?!helft\b)"
    r"([a-z]{4,})"
)
_AGES = re.compile(r"\b\d+\s*(?:[–-]|en|tot)\s*\d+\s*jaar\b", re.IGNORECASE)
# "9u30", "om 14 uur", "09:00", "van 9 tot 12u": a time of day.
_CLOCK = re.compile(
    r"(?<![\d.,])\b\d{1,2}(?:[:.]\d{2}(?![\d.,]?\d)|\s?(?:u|uur|h)\b(?:\s?\d{2}\b)?)", re.IGNORECASE
)
_CONTACT = re.compile(
    r"\b\d{2,4}(?: \d{2,3}){2,3}\b|\S+@\S+\.\w+|\bwww\.\S+|\bhttps?://\S+|\b[\w-]+\.(?:be|com|org|eu)\b"
)


@dataclass(frozen=True)
class ScoredLine:
    text: str
    score: float
    position: int


def _stems(text: str, stopwords: frozenset[str]) -> set[str]:
    return {stem(w) for w in content_words(text, stopwords)}


def question_stems(plan: QuestionPlan, stopwords: frozenset[str], card: Card) -> set[str]:
    asked = content_words(plan.text, stopwords)
    # The stemmer keeps a verb's "-t" ("opent", "begint"): its root finds "opening", "begin".
    verb_roots = {stem(w[:-1]) for w in asked if len(w) >= 5 and w[-1] == "t"}
    return ({stem(w) for w in asked} - _stems(card.id, frozenset())) | verb_roots


def counts(line: str) -> list[str]:
    """Numbers that count something: no years, amounts, parts of dates or ids, numbered parts
    ("kwartaal 2", "08 wonen"), nor age ranges ("jongeren (0 – 18 jaar)", "tussen 0 en 3 jaar")."""
    without = _AGES.sub(" ", _ORDINAL.sub(" ", _DATE.sub(" ", _AMOUNT.sub(" ", line))))
    # "08 wonen": a leading zero numbers a chapter; nothing is counted that way.
    return [
        n for n in _NUMBER.findall(without) if not _YEAR.fullmatch(n) and not _NUMBERING.match(n)
    ]


def has_type(line: str, answer_type: str | None, years: Sequence[int] = ()) -> bool:
    if answer_type in ("amount", "price"):
        return bool(_AMOUNT.search(line))
    if answer_type == "count":
        found = counts(line)
        return bool(found) and (not years or any(str(y) in line for y in years))
    if answer_type in ("date", "end_date"):
        line = _BUDGET_YEAR.sub(" ", line)  # "2023: 77 800,45 EUR" is a budget, not a date
        dated = bool(_DATE.search(line) or _YEAR.search(line))
        return dated and (answer_type == "date" or bool(_END_MARKER.search(line)))
    if answer_type == "day":
        return bool(_DAY.search(line))
    if answer_type == "contact":
        return bool(_CONTACT.search(line))
    if answer_type == "hours":
        return bool(_CLOCK.search(line))
    if answer_type == "person":
        return names_a_person(line)
    if answer_type == "address":
        return bool(_ADDRESS.search(line))
    if answer_type == "names":
        return bool(proper_names(line))
    if answer_type == "reason":
        return bool(_REASON.search(line))
    return True


def names_a_person(line: str) -> bool:
    """A first and last name ("Guido Vangoidsenhoven"): two capitalised words, neither a
    common word, so "Toerisme Vlaanderen", "Kind & Gezin" or "Ook de Ruilwinkels" are not."""
    return any(
        dutch_zipf(fold(first)) < _FIRST_NAME_MAX_ZIPF
        and dutch_zipf(fold(last.split()[-1])) < _SURNAME_MAX_ZIPF
        for first, last in _NAME_PAIR.findall(line)
    )


def proper_names(line: str) -> set[str]:
    """The names of organisations, projects or schools a line prints ("samenwerking met Emino,
    Profo en Arktos"), folded; not the towns, nor common words written with a capital."""
    places = router_rules().place_words
    named = {fold(token) for token in _AFTER_VZW.findall(line)}
    return named | {
        folded
        for token in _CAPITALISED.findall(line)
        if (folded := fold(token).strip("'’-")) not in places
        and (token.isupper() or dutch_zipf(folded) < _NAME_MAX_ZIPF)
    }


def _names_new(line: str, asked: set[str]) -> bool:
    """A name the question does not give itself: not "Groeituin-periode" for "Groeituinen"."""
    return any(not {stem(part) for part in name.split("-")} & asked for name in proper_names(line))


@dataclass(frozen=True)
class CardLine:
    text: str
    heading_years: frozenset[int] = frozenset()  # of the heading above ("Kwartaal 3 - 2023:")


def _year_heading(sentence: str) -> frozenset[int]:
    """A short line naming a year heads the lines below it: "2024:", "Kwartaal 1 &2 - 2024:"."""
    if len(sentence.split()) > _MAX_HEADING_WORDS:
        return frozenset()
    return frozenset(int(y) for y in _YEAR.findall(sentence))


def _is_year_row(sentence: str) -> bool:
    """The header of a table with a column per year: "Gemeente 2017 2018 2019 2020"."""
    years = _YEAR.findall(sentence)
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
        if len(sentence.split()) < _MIN_WORDS and not _CONTACT.search(sentence):
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
        sentence = sentence[len(title) :].strip(" :-–")
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
    if answer_type not in _PAIRED_TYPES:
        return candidates
    return candidates + [
        (position, CardLine(f"{first.text} {second.text}", first.heading_years))
        for position, (first, second) in enumerate(pairwise(lines))
        if not has_type(first.text, answer_type) and has_type(second.text, answer_type)
    ]


def score_line(
    line: str,
    wanted: set[str],
    plan: QuestionPlan,
    stopwords: frozenset[str],
    years: Sequence[int],
    heading_years: frozenset[int] = frozenset(),
) -> float:
    line_stems = _stems(line, stopwords)
    folded = fold(line)
    overlap: float = len(wanted & line_stems)
    # Compounds: "nachtopvang" answers "opvang", "kansentarief" answers "tarief".
    overlap += 0.5 * sum(1 for w in wanted - line_stems if len(w) >= 5 and w in folded)
    if not overlap:
        return 0.0
    score = float(overlap)
    if plan.answer_type and has_type(line, plan.answer_type):
        score += 1.5
        if plan.answer_type == "count" and _counts_focus(folded, plan.focus_words):
            score += 1.0  # "4000 zakjes" answers "hoeveel zakjes" better than "kwartaal 2"
    if years:
        printed = {int(y) for y in _YEAR.findall(line)} or set(heading_years)
        if printed & set(years) or any(str(y) in line for y in years):
            score += 1.5
        elif printed and plan.answer_type in ("count", "amount"):
            return 0.0  # a figure for another year does not answer "hoeveel in 2022"
        elif printed:
            score -= 1.0  # about another year than the one asked
    return score


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
) -> list[ScoredLine]:
    wanted = question_stems(plan, stopwords, card)
    if not wanted:
        return []
    asked_years = plan.years if years is None else years
    lines = card_sentences(card)
    scored = [
        ScoredLine(
            line.text,
            score_line(line.text, wanted, plan, stopwords, asked_years, line.heading_years),
            position,
        )
        for position, line in _with_next_answer(lines, plan.answer_type)
    ]
    # A pair must say more than its figure sentence alone: the first one shares the subject.
    singles, pairs = scored[: len(lines)], scored[len(lines) :]
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
    if plan.takes_stop_for_granted and not _STOPPED.search(fold(card.text)):
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
    if plan.years and not any(str(y) in card.text for y in plan.years):
        return False
    if not _names_counted(card, plan, stopwords):
        return False
    wanted = question_stems(plan, stopwords, card)
    # "hoeveel leefloners in Mechelen": a count of nights spent in Mechelen does not answer it.
    wanted = (wanted - _stems(" ".join(foreign_places), frozenset())) or wanted
    texts = [*card_lines(card), *(v for v in card.fields.other.values())]
    # A date or a phone number may follow the line naming the subject; a count names it itself.
    needs_words = plan.answer_type in ("amount", "count", "price", "reason", "names")
    asked_names = {stem(w) for w in re.findall(r"[\w&'’]+", fold(plan.question))}
    if plan.answer_type == "price" and plan.focus_words:
        wanted = {stem(w) for w in plan.focus_words}  # the price of a meal names the meal
    # "hoeveel ... in 2023": the count stands next to the year (same line or next to it),
    # not in a line about another year.
    near_year = [
        not plan.years
        or plan.answer_type != "count"
        or any(str(y) in " ".join(texts[max(0, i - 2) : i + 2]) for y in plan.years)
        for i in range(len(texts))
    ]
    # The answer line must also be one the answer can quote: one that names the subject, or
    # follows a line (or title) that does ("Het loopt tot 30/06/2025." after the project's name).
    # Else a date elsewhere in the card ("Lejo vzw t.e.m. 2020") would pass for the one asked.
    named = [bool(wanted & _stems(line, stopwords)) or _compound(wanted, line) for line in texts]
    titled = bool(wanted & _stems(card.title, stopwords))  # the first line follows the title
    told = [here or (named[i - 1] if i else titled) for i, here in enumerate(named)]
    # "hoeveel moeders zitten in de tweede groep?": the count of the first group is no answer.
    ordinals = _ORDINAL_PHRASE.findall(fold(plan.question)) if needs_words else []
    return any(
        near
        and has_type(line, plan.answer_type)
        # ... in the line or in the heading right above it ("Kwartaal 4 - 2022:")
        and all(_names_ordinal(" ".join(texts[max(0, i - 2) : i + 1]), *p) for p in ordinals)
        and (not plan.counts_people or counts_people(line))
        # "hoe tevreden, in procent?": a percentage, not a count of schools
        and (not plan.wants_percent or plan.answer_type != "count" or bool(_PERCENT.search(line)))
        and (names if needs_words else said)
        # "welke scholen stapten mee in Groeituinen?": a name the question does not give itself
        and (plan.answer_type != "names" or _names_new(line, asked_names))
        for i, (line, near, names, said) in enumerate(
            zip(texts, near_year, named, told, strict=True)
        )
    )


_ORDINALS = [
    "tweede",
    "derde",
    "vierde",
    "vijfde",
    "zesde",
    "zevende",
    "achtste",
    "negende",
    "tiende",
]


def _names_ordinal(line: str, ordinal: str, noun: str) -> bool:
    """ "de tweede groep", "de 2e groep", "kwartaal 4" and "Q4" for "het vierde kwartaal"."""
    number, head = _ORDINALS.index(ordinal) + 2, re.escape(stem(noun))
    patterns = [
        rf"\b{ordinal}\s+(?:\w+\s+)?{head}",
        rf"\b{number}(?:e|de|ste)\s+(?:\w+\s+)?{head}",
        rf"\b{head}\w*\s+{number}\b",
        *([rf"\bq{number}\b"] if head.startswith("kwart") else []),
    ]
    return any(re.search(pattern, fold(line)) for pattern in patterns)


_PEOPLE_WINDOW = 3  # words between a number and the people it counts: "108 unieke cliënten"


def counts_people(line: str) -> bool:
    """A number that counts people: "108 unieke cliënten", not "637 cliëntcontacten"."""
    tokens = re.findall(r"[\w'-]+", fold(line).replace("’", "'"))
    numbers = set(counts(line))
    is_people_word = router_rules().is_people_word
    return any(
        token in numbers and any(is_people_word(w) for w in tokens[i + 1 : i + 1 + _PEOPLE_WINDOW])
        for i, token in enumerate(tokens)
    )


def _names_counted(card: Card, plan: QuestionPlan, stopwords: frozenset[str]) -> bool:
    """ "hoeveel vrijwilligers": a card that never speaks of volunteers cannot count them,
    whatever else it counts ("3 buurten")."""
    if plan.answer_type != "count":
        return True
    focus = {stem(fold(w)) for w in plan.focus_words} - _GENERIC_COUNTED
    if not focus:
        return True
    text = f"{card.title} {card.text}"
    return bool(focus & _stems(text, stopwords)) or _compound(focus, text)


def _compound(wanted: set[str], line: str) -> bool:
    """ "nachtopvang" in the line answers "opvang"; "scan" answers "energiescan"."""
    folded = fold(line)
    if any(len(w) >= 5 and w in folded for w in wanted):
        return True
    heads = {w for w in content_words(folded) if len(w) >= _MIN_HEAD}
    return any(len(w) > len(head) and w.endswith(head) for w in wanted for head in heads)
