"""What each kind of answer looks like in a line: an amount, a count, a date, a day, a clock
time, contact details, a person's or an organisation's name, a cause; and the ordinal or the
stop a question takes for granted."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from actiewijzer.assistant.rules import router_rules
from actiewijzer.assistant.text import fold, stem
from actiewijzer.index.text_analysis import dutch_zipf

YEAR = re.compile(r"(?<![\d/.,-])(?:19|20)\d{2}(?![\d/]|[.,]\d)")  # "in 2020." is a year
_AMOUNT = re.compile(
    r"(?:€\s?\d[\d.\s]*(?:,\d+)?)"
    r"|(?:\d[\d.]*(?:,\d+)?\s?(?:(?:miljoen|miljard)\s+)?(?:€|euro\b|eur\b))"
    # "en is er 760.000 begroot": a sum without its currency.
    r"|(?:\d[\d.]*(?:,\d+)?\s+(?:begroot|gebudgetteerd)\b)",
    re.IGNORECASE,
)
# "28,7trajecten": a decimal glued to its unit in the PDF text still counts.
_NUMBER = re.compile(r"(?<![\w/.,-])(?:\d+[.,]\d+(?=[a-z])|\d+(?:[.,]\d+)*(?![\w/]))")
_MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december")  # fmt: skip
_MONTH = "|".join(_MONTHS)
# A day: "dinsdag", "elke dag", "14 juni", "01/12/2023".
_DAY = re.compile(
    r"\b(?:maan|dins|woens|donder|vrij|zater|zon|week|werk)dag(?:en)?\b|\b(?:dagelijks|elke dag)\b"
    rf"|\b\d{{1,2}}[/-]\d{{1,2}}(?:[/-]\d{{2,4}})?\b|\b\d{{1,2}} (?:{_MONTH})\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    rf"\b\d{{1,2}}[/-]\d{{1,2}}[/-]\d{{2,4}}\b|\b\d{{1,2}} (?:{_MONTH})\b"
    r"|\b(?:voorjaar|zomer|najaar|winter|herfst)\b|\b(?:maan|dins|woens|donder|vrij|zater|zon)dag\b",
    re.IGNORECASE,
)
# An age or a range of ages: "tussen 10 en 20 jaar", "(18-25 jaar)", "-25-jarigen", "65+".
_AGE = re.compile(
    r"\b\d{1,2}\s*(?:-|–|tot|en)\s*\d{1,2}\s*(?:jaar|jarigen)\b|\b\d{1,2}-?jarige\w*"
    r"|\b\d{1,2}\s*\+|[-+]\s?\d{2}-?jarig\w*|\b(?:jonger|ouder) dan \d{1,2}\b"
    # "voor kinderen tot 8 jaar", "vanaf 12 jaar": a bound on the age.
    r"|\b(?:tot(?: en met)?|t\.e\.m\.|vanaf)\s+\d{1,2}\s*jaar\b",
    re.IGNORECASE,
)
# A span of time: "3 maanden", "twee jaar", "binnen de 14 dagen", "2023-2025".
_DURATION = re.compile(
    r"\b(?:\d+(?:[.,]\d+)?|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|enkele|"
    r"anderhalf|half|halve)\s*(?:dag|dagen|week|weken|maand|maanden|jaar|jaren|uur|uren|"
    r"minuten|kwartaal|kwartalen|semester|schooljaar|schooljaren)\b"
    r"|\b(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}\b",
    re.IGNORECASE,
)
_BUDGET_YEAR = re.compile(
    r"\b(?:19|20)\d{2}\s*:\s*(?:/|\d[\d .]*(?:,\d+)?\s?(?:€|eur\b|euro\b))", re.IGNORECASE
)
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
    r"afgelopen|beeindigd|be\u00ebindigd|loopt af|liep af|afgesloten|deadlines?|uiterlijk|"
    r"ten laatste)\b",
    re.IGNORECASE,
)
# Said of something that stopped: "t.e.m. 2020", "werd stopgezet", "niet langer".
_STOPPED = re.compile(
    r"\b(?:stop\w*|gestopt|beeindig\w*|afgeschaft|afschaffing|geschrapt|opgeheven|opheffing|"
    r"opgedoekt|afgevoerd|t\.e\.m\.?|tot en met|niet (?:langer|meer|verder))"
)
# A cause or a purpose: "omwille van problemen in de personeelsbezetting", "om ... te helpen".
_REASON = re.compile(
    r"\b(?:omdat|want|doordat|vermits|aangezien|ingevolge|naar aanleiding van|wegens|vanwege|"
    r"omwille|dankzij|daardoor|daarom|reden\w*|"
    r"oorzaa?k\w*|gevolg\w*|te wijten|zodat|teneinde|met als doel|doel\w*|bedoeling|"
    r"te maken met|afhankelijk van|te danken aan|verklaard|verklaring\w*|"
    # "durven geen onderzoek te vragen, uit angst voor uithuiszetting"
    r"uit (?:angst|vrees|schrik|schaamte))\b"
    r"|\bom\b(?:\s+\S+){1,12}?\s+te\b",
    re.IGNORECASE,
)
# A street ("Zijpstraat", "Paradeplein 2", "Bleekveld").
_STREET = (
    r"\b[A-Z][a-z\u00e0-\u00ff-]*(?:straat|laan|plein|steenweg|dreef|kaai|vest|lei|veld|weg|"
    r"markt|baan|hof|dijk)\b"
)
# A street or a postcode with its town.
_ADDRESS = re.compile(rf"{_STREET}|\b[1-9]\d{{3}} [A-Z][a-z]+")
# Where something takes place: "in zaal Karthuizershof", "op de site Heilig Geest", "locatie",
# a street, or a postcode and town ("2500 Lier"; not a date's year: "15/07/2023 Ontvangen").
_LOCATION = re.compile(
    r"\b(?:locaties?|zaal|zalen|gebouw|site|campus|lokalen?)\b"
    r"|\b(?:in|op|te)\s+(?:de\s+|het\s+)?[A-Z][a-z\u00e0-\u00ff]+"
    rf"|{_STREET}|(?<![\d/.,-])(?!19|20)[1-9]\d{{3}} [A-Z][a-z]+"
)
_NUMBERING = re.compile(r"0\d")
_PERCENT = re.compile(r"\d\s*%|\bprocent\b", re.IGNORECASE)
# "de tweede groep", "het derde projectjaar": which one of several the question asks about.
# Not "de eerste groep": the first one is often the only one, told without its number.
_ORDINALS = ("tweede", "derde", "vierde", "vijfde", "zesde", "zevende", "achtste", "negende")
_ORDINAL_PHRASE = re.compile(rf"\b({'|'.join(_ORDINALS)})\s+(?!helft\b)([a-z]{{4,}})")
_AGES = re.compile(r"\b\d+\s*(?:[–-]|en|tot)\s*\d+\s*jaar\b", re.IGNORECASE)
# "9u30", "om 14 uur", "09:00", "van 9 tot 12u": a time of day.
_CLOCK = re.compile(
    r"(?<![\d.,])\b\d{1,2}(?:[:.]\d{2}(?![\d.,]?\d)|\s?(?:u|uur|h)\b(?:\s?\d{2}\b)?)", re.IGNORECASE
)
_CONTACT = re.compile(
    r"\b\d{2,4}(?: \d{2,3}){2,3}\b|\S+@\S+\.\w+|\bwww\.\S+|\bhttps?://\S+|\b[\w-]+\.(?:be|com|org|eu)\b"
)


def counts(line: str) -> list[str]:
    """Numbers that count something: no years, amounts, parts of dates or ids, numbered parts
    ("kwartaal 2", "08 wonen"), age ranges ("jongeren (0 – 18 jaar)", "tussen 0 en 3 jaar"),
    nor school years ("schooljaar 23 - 24")."""
    without = _AGES.sub(" ", _ORDINAL.sub(" ", _DATE.sub(" ", _AMOUNT.sub(" ", line))))
    without = _YEAR_SPAN.sub(" ", without)
    # "08 wonen": a leading zero numbers a chapter; nothing is counted that way.
    return [
        n for n in _NUMBER.findall(without) if not YEAR.fullmatch(n) and not _NUMBERING.match(n)
    ]


def has_type(line: str, answer_type: str | None, years: Sequence[int] = ()) -> bool:
    if answer_type in ("amount", "price"):
        return bool(_AMOUNT.search(line))
    if answer_type == "count":
        found = counts(line)
        return bool(found) and (not years or any(str(y) in line for y in years))
    if answer_type in ("date", "end_date"):
        line = _BUDGET_YEAR.sub(" ", line)  # "2023: 77 800,45 EUR" is a budget, not a date
        dated = bool(_DATE.search(line) or YEAR.search(line))
        return dated and (answer_type == "date" or bool(_END_MARKER.search(line)))
    if answer_type == "day":
        return bool(_DAY.search(line))
    if answer_type == "age":
        return bool(_AGE.search(line))
    if answer_type == "duration":
        return bool(_DURATION.search(line))
    if answer_type == "contact":
        return bool(_CONTACT.search(line))
    if answer_type == "hours":
        return bool(_CLOCK.search(line))
    if answer_type == "person":
        return names_a_person(line)
    if answer_type == "address":
        return bool(_ADDRESS.search(line))
    if answer_type == "location":
        return bool(_LOCATION.search(line) or router_rules().places_in(line))
    if answer_type == "names":
        return bool(proper_names(line))
    if answer_type == "places":
        return bool(router_rules().places_in(line))
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


def names_new(line: str, question: str) -> bool:
    """A name the question does not give itself: not "Groeituin-periode" for "Groeituinen"."""
    asked = {stem(w) for w in re.findall(r"[\w&'’]+", fold(question))}
    return any(not {stem(part) for part in name.split("-")} & asked for name in proper_names(line))


def asked_ordinals(question: str) -> list[tuple[str, str]]:
    """ "hoeveel moeders zitten in de tweede groep?" -> [("tweede", "groep")]."""
    return _ORDINAL_PHRASE.findall(fold(question))


def names_ordinal(text: str, ordinal: str, noun: str) -> bool:
    """ "de tweede groep", "de 2e groep", "kwartaal 4" and "Q4" for "het vierde kwartaal"."""
    number, head = _ORDINALS.index(ordinal) + 2, re.escape(stem(noun))
    patterns = [
        rf"\b{ordinal}\s+(?:\w+\s+)?{head}",
        rf"\b{number}(?:e|de|ste)\s+(?:\w+\s+)?{head}",
        rf"\b{head}\w*\s+{number}\b",
        *([rf"\bq{number}\b"] if head.startswith("kwart") else []),
    ]
    return any(re.search(pattern, fold(text)) for pattern in patterns)


_FULL_DATE = re.compile(r"\b\d{1,2}[/.-]\d{1,2}[/.-](?:19|20)\d{2}\b")
_PLAIN_YEAR = re.compile(r"(?<![\d/.])(?:19|20)\d{2}(?![\d/])")


def years_meant(line: str) -> set[int]:
    """The years a line's figures are for: "in de periode 2021-2022", not the day it was decided
    ("Op 25/11/2020 ... 50 cliënten in de periode 2021-2022" counts for 2021 and 2022)."""
    return {int(year) for year in _PLAIN_YEAR.findall(_FULL_DATE.sub(" ", line))}


# "schooljaar 2022 - 2023", "2023-24", "23 - 24": one school or working year.
_YEAR_SPAN = re.compile(
    r"(?:(?<![\d/.])((?:19|20)\d{2})|(?<=jaar )(\d{2}))\s*[-–/]\s*((?:19|20)?\d{2})(?![\d/])"
)


def year_spans(text: str) -> set[tuple[int, int]]:
    """The school or working years a text names, as (first, second) calendar years."""
    spans = set()
    for full, short, second in _YEAR_SPAN.findall(_FULL_DATE.sub(" ", text)):
        start = int(full) if full else 2000 + int(short)
        end = int(second) if len(second) == 4 else 2000 + int(second)
        if end == start + 1:
            spans.add((start, end))
    return spans


def says_stopped(text: str) -> bool:
    return _STOPPED.search(fold(text)) is not None


def prints_contact(text: str) -> bool:
    """A phone number, e-mail address or website: short, yet a whole answer."""
    return _CONTACT.search(text) is not None


def prints_percent(line: str) -> bool:
    return _PERCENT.search(line) is not None


_COUNTED_WINDOW = 3  # words between a number and what it counts: "108 unieke cliënten"


def prints_price(line: str) -> bool:
    """An amount that is no budget line: "4 euro per maaltijd", not "2023: 77 800,45 EUR"."""
    return bool(_AMOUNT.search(_BUDGET_YEAR.sub(" ", line)))


def counts_people(line: str) -> bool:
    """A number that counts people: "108 unieke cliënten", not "637 cliëntcontacten"."""
    return _counts_what(line, router_rules().is_people_word)


def counts_occasions(line: str) -> bool:
    """A number that counts occasions: "12 intervisiemomenten", "4 keer"."""
    return _counts_what(line, router_rules().is_occasion_word)


def answers_how_often(line: str) -> bool:
    """What "hoe vaak" asks: a number of occasions, or how often it recurs ("maandelijks")."""
    return counts_occasions(line) or router_rules().tells_frequency(line)


def _counts_what(line: str, is_counted_word: Callable[[str], bool]) -> bool:
    # "4.407 Lierenaars": a number with its thousands separator is one token.
    tokens = re.findall(r"\d+(?:[.,]\d+)+|[\w'-]+", fold(line).replace("’", "'"))
    numbers = set(counts(line))
    if any(
        token in numbers
        and any(is_counted_word(w) for w in tokens[i + 1 : i + 1 + _COUNTED_WINDOW])
        for i, token in enumerate(tokens)
    ):
        return True
    # "Het aantal gerechtigden ... steeg van 13.246 naar 19.581": what is counted, named first.
    named = next(
        (
            i
            for i, token in enumerate(tokens)
            if token == "aantal"
            and any(is_counted_word(w) for w in tokens[i + 1 : i + 1 + _COUNTED_WINDOW])
        ),
        None,
    )
    return named is not None and any(token in numbers for token in tokens[named + 1 :])


_QUARTER_NUMBERS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4}
# "het eerste kwartaal", "het 3e kwartaal", "kwartaal 2": the quarter a question asks about.
_ASKED_QUARTER = re.compile(
    r"\b(?:(eerste|tweede|derde|vierde)|([1-4])(?:e|ste|de))\s+kwarta\w*|\bkwarta\w*\s+([1-4])\b"
)
# "Kwartaal 1 &2 - 2024:", "Q3": the quarters a card's heading or line is about.
_PRINTED_QUARTER = re.compile(
    r"\bkwartaal\s+([1-4])(?:\s*(?:&|en|tot|-)\s*([1-4])\b)?|\bq([1-4])\b"
)


# "in juni 2023": a month of a year, reported under its quarter ("Kwartaal 2 - 2023: ... Juni: 34").
_ASKED_MONTH = re.compile(rf"\bin\s+({_MONTH})\s+(?:19|20)\d{{2}}\b")


def asked_quarters(question: str) -> set[int]:
    found = set()
    folded = fold(question)
    for word, digit, number in _ASKED_QUARTER.findall(folded):
        found.add(_QUARTER_NUMBERS[word] if word else int(digit or number))
    found |= {_MONTHS.index(month) // 3 + 1 for month in _ASKED_MONTH.findall(folded)}
    return found


def printed_quarters(text: str) -> set[int]:
    return {int(n) for match in _PRINTED_QUARTER.findall(fold(text)) for n in match if n}
