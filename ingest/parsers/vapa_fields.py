"""Read the labelled cells of one action fiche of the Vlaams Actieplan Armoedebestrijding.

A fiche is a table: title, "Budgettair engagement", "verantwoordelijken" (kabinet, evaluatie en
indicator, administratie), "betrokkenen" (kabinet, mensen in armoede, administratie, andere
actoren), "korte inhoud actie" and "Mijlpalen" per year. PDF extraction flattens the two table
columns, so a label may share a line with its neighbour's value ("Kabinet Werk Evaluatie en") or
be wrapped ("mensen in\\narmoede"). We therefore look for the labels in the fiche's fixed order
and take each value as the text up to the next label found.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from actiewijzer.ingest.models import CardFields, Milestone
from actiewijzer.ingest.parsers.vapa_layout import normalise_space

MILESTONES_LABEL = "Mijlpalen"
_MILESTONES_FOLDED = MILESTONES_LABEL.casefold()

_BUDGET = re.compile(r"budgettair\s+engagement", re.IGNORECASE)
_RESPONSIBLE = re.compile(r"^[ \t]*verantwoordelijken\b", re.IGNORECASE | re.MULTILINE)
_INVOLVED = re.compile(
    r"^[ \t]*betrokkenen\b(?=[ \t]*(?:kabinet\b|$))", re.IGNORECASE | re.MULTILINE
)
_SUMMARY = re.compile(r"^\s*korte\s+inhoud\s+actie\b", re.IGNORECASE)
_CABINET = re.compile(r"\bkabinet\b", re.IGNORECASE)
_CABINET_AT_START = re.compile(r"^[ \t]*kabinet\b", re.IGNORECASE | re.MULTILINE)
# Also the printed typos "inidcator", "indictaor" and the swapped "Indicator en evaluatie".
_EVALUATION = re.compile(r"evaluatie\s+en\s+in[a-z]*|indicator\s+en\s+evaluatie", re.IGNORECASE)
# Narrower fiches print only "evaluatie" or "indicator" as the label, alone on its line.
_EVALUATION_SHORT = re.compile(
    r"^[ \t]*(?:evaluatie|indicator)[ \t]*$", re.IGNORECASE | re.MULTILINE
)
_ADMINISTRATION_AT_START = re.compile(r"^[ \t]*administratie\b", re.IGNORECASE | re.MULTILINE)
_ADMINISTRATION = re.compile(r"\badministratie\b", re.IGNORECASE)
_PEOPLE_IN_POVERTY = re.compile(r"\bmensen\s+in\s+armoede\b", re.IGNORECASE)
_OTHER_ACTORS = re.compile(r"\bandere\s+actoren\b", re.IGNORECASE)
_INDICATOR_LEAD = re.compile(r"\bindicator(?:en)?\s*:\s*", re.IGNORECASE)
# "2015", "2016-2018", "2016 -2019", "2018-2019-" (range wrapped after its dash); not "2015-12-31".
_YEAR_LINE = re.compile(
    r"^\s*(?P<years>(?:19|20)\d{2}(?:[ \t]*[-–][ \t]*(?:19|20)\d{2})*)(?P<dash>[ \t]*[-–])?(?=\s|$)(?P<gap>\s*)(?P<rest>.*)$"
)
_BULLET = re.compile(r"^\s*(?:[-–•·▪]|\d+[).]|\(\d+[a-z]?\))\s")


@dataclass(frozen=True, slots=True)
class _Found:
    label: str
    start: int
    end: int


def is_summary_label(text: str) -> bool:
    return _SUMMARY.match(text) is not None


def read_fiche(texts: Sequence[str]) -> tuple[str, CardFields]:
    """Title and fields of a fiche whose lines (after the action number) are `texts`.

    `texts` holds printed lines without blanks and furniture; the vertical milestone label is
    already joined to one line `MILESTONES_LABEL`.
    """
    summary_at = next((i for i, text in enumerate(texts) if _SUMMARY.match(text)), None)
    label_at = next(
        (i for i, text in enumerate(texts) if text.strip().casefold() == _MILESTONES_FOLDED), None
    )
    if label_at is not None:
        milestones_at, milestones_body = label_at, label_at + 1
    else:  # a few fiches print the years without the "Mijlpalen" label
        milestones_at = _first_year_marker(texts, summary_at + 1 if summary_at is not None else 0)
        milestones_body = milestones_at
    table = "\n".join(texts[: summary_at if summary_at is not None else milestones_at])
    summary: list[str] = []
    if summary_at is not None:
        summary = [
            _SUMMARY.sub("", texts[summary_at], count=1),
            *texts[summary_at + 1 : milestones_at],
        ]

    title, cells = _read_table(table)
    fields = CardFields(
        kabinet=cells.get("kabinet"),
        administratie=cells.get("administratie"),
        korte_inhoud=_reflow(summary) or None,
        mijlpalen=read_milestones(texts[milestones_body:]),
    )
    fields.description = fields.korte_inhoud
    involved = [
        (label, cells[key])
        for label, key in (
            ("kabinet", "betrokken kabinet"),
            ("administratie", "betrokken administratie"),
            ("mensen in armoede", "mensen in armoede"),
            ("andere actoren", "andere actoren"),
        )
        if cells.get(key)
    ]
    fields.betrokkenen = "; ".join(f"{label}: {value}" for label, value in involved) or None
    other_labels = {
        "budget": "Budgettair engagement",
        "evaluatie": "Evaluatie en indicator",
        "betrokken kabinet": "Betrokken kabinet",
        "betrokken administratie": "Betrokken administratie",
        "mensen in armoede": "Mensen in armoede",
        "andere actoren": "Andere actoren",
    }
    fields.other = {printed: cells[key] for key, printed in other_labels.items() if cells.get(key)}
    evaluation = cells.get("evaluatie") or ""
    lead = _INDICATOR_LEAD.search(evaluation)
    if lead and evaluation[lead.end() :].strip():
        fields.indicators = [evaluation[lead.end() :].strip()]
    return title, fields


def _read_table(table: str) -> tuple[str, dict[str, str]]:
    """Split the table part (title up to "korte inhoud actie") into title and labelled cells."""
    budget = _BUDGET.search(table)
    responsible = _RESPONSIBLE.search(table, budget.end() if budget else 0)
    involved = _INVOLVED.search(table, responsible.end() if responsible else 0)
    title_end = min(
        (
            m.start()
            for m in (budget, responsible, _CABINET_AT_START.search(table))
            if m is not None
        ),
        default=len(table),
    )
    found: list[_Found] = []
    if budget:
        found.append(_Found("budget", budget.start(), budget.end()))
    # Zone of the responsible actors: between "verantwoordelijken" and "betrokkenen".
    zone_start = responsible.end() if responsible else (budget.end() if budget else title_end)
    zone_end = involved.start() if involved else len(table)
    if responsible:
        found.append(_Found("verantwoordelijken", responsible.start(), responsible.end()))
    pattern = _CABINET if responsible else _CABINET_AT_START
    found += _in_order(table, zone_start, zone_end, [("kabinet", (pattern,))])
    after_cabinet = found[-1].end if found and found[-1].label == "kabinet" else zone_start
    evaluation = _EVALUATION.search(table, after_cabinet, zone_end) or _EVALUATION_SHORT.search(
        table, after_cabinet, zone_end
    )
    if evaluation:
        found.append(_Found("evaluatie", evaluation.start(), evaluation.end()))
    administration = _ADMINISTRATION_AT_START.search(table, after_cabinet, zone_end)
    if administration and not _overlaps(administration, found):
        found.append(_Found("administratie", administration.start(), administration.end()))
    if involved:
        found.append(_Found("betrokkenen", involved.start(), involved.end()))
        found += _in_order(
            table,
            involved.end(),
            len(table),
            [
                ("betrokken kabinet", (_CABINET,)),
                ("mensen in armoede", (_PEOPLE_IN_POVERTY,)),
                ("betrokken administratie", (_ADMINISTRATION_AT_START, _ADMINISTRATION)),
                ("andere actoren", (_OTHER_ACTORS,)),
            ],
        )
    found.sort(key=lambda item: item.start)
    cells: dict[str, str] = {}
    for item, following in zip(found, [*found[1:], None], strict=True):
        value = _clean_value(table[item.end : following.start if following else len(table)])
        if value:
            cells[item.label] = value
    return normalise_space(table[:title_end]), cells


def _in_order(
    table: str, start: int, end: int, labels: list[tuple[str, tuple[re.Pattern[str], ...]]]
) -> list[_Found]:
    """Find each label after the previous one; a label not printed is skipped.

    A label may carry a preferred and a fallback pattern (line-start first, then anywhere).
    """
    found: list[_Found] = []
    position = start
    for label, patterns in labels:
        match = next(
            (m for p in patterns if (m := p.search(table, position, end)) is not None), None
        )
        if match is not None:
            found.append(_Found(label, match.start(), match.end()))
            position = match.end()
    return found


def _overlaps(match: re.Match[str], found: list[_Found]) -> bool:
    return any(item.start < match.end() and match.start() < item.end for item in found)


def _clean_value(raw: str) -> str:
    value = _reflow(raw.splitlines())
    return "" if value.strip(" -–") == "" else value


def _reflow(texts: Sequence[str]) -> str:
    """Join wrapped table lines into sentences; bullets keep their own line."""
    out: list[str] = []
    for text in texts:
        cleaned = normalise_space(text)
        if not cleaned:
            continue
        if out and not _BULLET.match(text):
            out[-1] = f"{out[-1]} {cleaned}"
        else:
            out.append(cleaned)
    return "\n".join(out)


def read_milestones(texts: Sequence[str]) -> list[Milestone]:
    """Milestones per year: "2015 (beginfase, nulmeting) text", "2017 text", "2019 (einddoel)".

    A line opens a new year only when its years move forward; "2015 gaat het VCS ..." inside the
    2015 text, a table row "2015 13 773" or a second "2017" stay text of the current year.
    """
    milestones: list[tuple[str, list[str]]] = []
    previous = (0, 0)
    index = 0
    while index < len(texts):
        marker = _year_marker(texts[index])
        if marker is not None and marker.wrapped and index + 1 < len(texts):
            continued = _year_marker(texts[index + 1])  # "2018-2019-" / "2020-2021"
            if continued is not None:
                marker = _Marker(
                    f"{marker.years}-{continued.years}", continued.rest, continued.gap, False
                )
                index += 1
        if marker is None or not _moves_forward(marker.span, previous):
            if milestones:
                milestones[-1][1].append(texts[index])
            index += 1
            continue
        milestones.append((marker.years, [marker.rest] if marker.rest else []))
        previous = marker.span
        index += 1
    return [Milestone(year=year, text=_reflow(lines)) for year, lines in milestones]


@dataclass(frozen=True, slots=True)
class _Marker:
    """A line that opens a milestone year: its years ("2016-2018"), the text after them."""

    years: str
    rest: str
    gap: int  # spaces between the years and the text
    wrapped: bool  # the range goes on on the next line ("2018-2019-")

    @property
    def span(self) -> tuple[int, int]:
        found = [int(year) for year in re.findall(r"(?:19|20)\d{2}", self.years)]
        return found[0], found[-1]


def _year_marker(text: str) -> _Marker | None:
    match = _YEAR_LINE.match(text)
    if match is None:
        return None
    rest = match.group("rest").strip()
    gap = len(match.group("gap"))
    wrapped = bool(match.group("dash")) and not rest
    return _Marker(re.sub(r"\s*[-–]\s*", "-", match.group("years")), rest, gap, wrapped)


def _first_year_marker(texts: Sequence[str], start: int) -> int:
    """Where unlabelled milestones begin: a year alone on its line or set apart by a wide gap."""
    for index in range(start, len(texts)):
        marker = _year_marker(texts[index])
        if marker is not None and (not marker.rest or marker.gap >= 2):
            return index
    return len(texts)


def _moves_forward(span: tuple[int, int], previous: tuple[int, int]) -> bool:
    return span[0] > previous[0] or (span[0] == previous[0] and span[1] > previous[1])
