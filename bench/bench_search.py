"""Search latency and retrieval sanity on the bundled corpus; prints a Markdown table.

    python bench/bench_search.py [--data-dir DIR] [--skip-ingest-timing]

Ingests the corpus into a fresh temporary index (timed), then runs ~50 varied Dutch queries once
each, uncached (the query embedding is part of the latency), and reports median and p95.
Queries with an expected card also give hit@1 / hit@5 as a quick health check; the real
retrieval evaluation lives in the eval room.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from actiewijzer.index.card_index import CardIndex
from actiewijzer.index.models import RetrievalMode
from actiewijzer.settings import Settings

L24, L20, AALST, ESF, VAPA = (
    "000_1d3db954757a17d2.txt",
    "001_79d99e376702927a.txt",
    "002_4541158de1776ede.txt",
    "003_d1b4bea54399587e.txt",
    "004_0bee7784f433cdc9.txt",
)

# (question, acceptable "doc::id" keys; empty = topic query without a single right card)
QUERIES: list[tuple[str, tuple[str, ...]]] = [
    ("Wat is de status van actie 01/11/SAP/02/04 in 2024?", (f"{L24}::01/11/SAP/02/04",)),
    ("Wat houdt actie 7.4.1 in?", (f"{VAPA}::07_04_01",)),
    ("07-04-01", (f"{VAPA}::07_04_01",)),
    ("Regio-uitdaging 3", (f"{ESF}::Regio-uitdaging 3",)),
    ("Wat is het budget voor het jobatelier in 2024?", (f"{L24}::01/11/SAP/01/03",)),
    ("woonatellier in Lier in 2020", (f"{L20}::01/11/SAP/04/03",)),
    (
        "samenwerking De Lijn en Toerisme Vlaanderen rond vakantieparticipatie",
        (f"{VAPA}::01_05_01",),
    ),
    ("educatie over kinderrechten voor jongeren", (f"{VAPA}::02_09_01",)),
    (
        "gratis informatie over seksuele gezondheid voor mensen in kansarmoede",
        (f"{VAPA}::09_06_05",),
    ),
    (
        "Hoe verhoogt Lier in 2024 de deelname van kinderen in armoede aan cultuur en vrije tijd?",
        (f"{L24}::01/11/SAP/02/15",),
    ),
    (
        "Met welke organisaties besteedde Lier in 2020 de intensieve trajecten naar werk uit?",
        (f"{L20}::01/11/SAP/01/02",),
    ),
    ("schoolcoatching voor kansarme kinderen in 2020", (f"{L20}::01/11/SAP/02/07",)),
    ("toegankelijke communicatie van De Lijn voor mensen in armoede", (f"{VAPA}::02_05_01",)),
    ("activeringstrajecten voor werkzoekenden met psychische problemen", (f"{VAPA}::07_07_14",)),
    ("Belgian Homeless Cup", (f"{VAPA}::06_07_05",)),
    ("aanvullende financiële steun rond kinderarmoede in Lier 2024", (f"{L24}::01/11/SAP/02/10",)),
    ("huiswerkondersteunig voor kansengroepen in 2020", (f"{L20}::01/11/SAP/02/03",)),
    ("Welke uitdaging hoort bij persona Jolien?", (f"{ESF}::Regio-uitdaging 4",)),
    (
        "werkkansen voor mensen met een arbeidshandicap in de sociale economie",
        (f"{VAPA}::07_04_01",),
    ),
    ("schuldbemiddeling en budgetbeheer verduurzamen", (f"{VAPA}::03_06_04",)),
    ("opvang voor dak- en thuislozen in Lier in 2024", (f"{L24}::01/11/SAP/04/01",)),
    ("vorming voor HR-medewerkers over armoede op de werkvloer", (f"{VAPA}::07_07_05",)),
    ("financiële tussenkomst voor woonkosten in Lier in 2020", (f"{L20}::01/11/SAP/04/04",)),
    ("hoe worden uithuiszettingen voorkomen", (f"{VAPA}::08_06_02",)),
    (
        "re-integratie van gedetineerden en knelpunten in de sociale zekerheid",
        (f"{VAPA}::08_06_01",),
    ),
    (
        "dialoog tussen huurder en verhuurder om de woonkwaliteit te verbeteren (evaluatie 2024)",
        (f"{L24}::01/11/SAP/04/02",),
    ),
    ("ESF-oproep armoedetrajecten", (f"{VAPA}::07_07_11",)),
    ("hackathon over kinderarmoede", (f"{VAPA}::00_04_17",)),
    ("automatische toekenning van studiefinanciering", (f"{VAPA}::03_02_02",)),
    ("fietspunt", (f"{L20}::01/11/SAP/01/01",)),
    (
        "bouw van een sociaal restaurant en sociale kruidenier in Lier",
        (f"{L24}::01/11/SAP/03/01", f"{L20}::01/11/SAP/03/01"),
    ),
    ("tolken in het onderwijs", (f"{L24}::01/11/SAP/02/08", f"{L20}::01/11/SAP/02/08")),
    ("project voor alleenstaande mama's met intensieve begeleiding", (f"{L24}::01/11/SAP/02/17",)),
    ("dakisolatie bij sociale woningen", (f"{VAPA}::08_03_03",)),
    ("gratis energiescans", (f"{VAPA}::08_03_02",)),
    ("Vlaamse armoedemonitor", (f"{VAPA}::00_01_01",)),
    ("de digitale kloof dichten", (f"{VAPA}::01_04_05",)),
    ("buurtstewards voor Roma", (f"{VAPA}::02_04_05",)),
    ("nieuw kinderbijslagsysteem met een gelijke basisuitkering", (f"{VAPA}::03_06_05",)),
    ("vorming rond sport en armoede", (f"{VAPA}::06_07_03",)),
    ("sociale aspect van voedselverlies", (f"{VAPA}::10_08_01",)),
    ("ruilwinkel Weg & Weer in Aalst", (f"{AALST}::D4.2-A1",)),
    ("Biedt het OCMW van Aalst schuldhulpverlening aan?", (f"{AALST}::D3.2-A2",)),
    ("intervisies rond eenzaamheid", (f"{AALST}::D1.1-A6",)),
    ("taalcoaching op de werkvloer in Aalst", (f"{AALST}::D5.1-A6",)),
    ("een kerstfeest voor wie het moeilijk heeft", (f"{AALST}::D4.1-A4",)),
    ("Wie trekt de opsporing van sociale fraude bij het OCMW Aalst?", (f"{AALST}::D3.1-A1",)),
    ("Hoe stond de ondersteuning van TEJO ervoor in 2020?", (f"{L20}::01/11/SAP/02/01",)),
    ("Wat was de status van 01/11/SAP/01/01 in 2020?", (f"{L20}::01/11/SAP/01/01",)),
    ("energiearmoede", ()),
    ("kinderarmoede", ()),
    ("huurkontrakt", ()),
    ("Welke acties rond wonen heeft Aalst?", ()),
    ("Wat zijn de regio-uitdagingen van het ESF-addendum?", ()),
    ("Welke acties zijn afgerond in Lier in 2024?", ()),
    ("laaggeletterdheid", ()),
    ("SAP/02/04", ()),
    ("doelstelling 4.2", ()),
    ("voedselhulp in Aalst", ()),
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data-dir", type=Path, help="bestaande data-map (anders tijdelijk)")
    parser.add_argument("--skip-ingest-timing", action="store_true")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(data_dir=args.data_dir or Path(tmp))
        index = CardIndex.open(settings)
        started = time.perf_counter()
        reports = index.ensure_corpus(progress=False)
        ingest_s = time.perf_counter() - started
        cards = len(index.cards())
        documents = len(index.documents())
        index.search("opwarmen", k=1)  # loads the model; not part of any query's latency

        rows = []
        for mode in (RetrievalMode.HYBRID, RetrievalMode.LEXICAL, RetrievalMode.DENSE):
            latencies, at1, at5, scored = [], 0, 0, 0
            for question, expected in QUERIES:
                query = question if mode is RetrievalMode.HYBRID else f"{question} "
                began = time.perf_counter()
                hits = index.search(query, k=10, mode=mode)
                latencies.append((time.perf_counter() - began) * 1000)
                if expected:
                    keys = [h.card.key for h in hits]
                    scored += 1
                    at1 += bool(keys[:1]) and keys[0] in expected
                    at5 += any(k in expected for k in keys[:5])
            all_began = time.perf_counter()
            for question, _ in QUERIES[:10]:
                index.search(question + "  ", k=None, mode=mode)
            all_ms = (time.perf_counter() - all_began) * 100
            rows.append(
                (
                    mode.value,
                    statistics.median(latencies),
                    percentile(latencies, 0.95),
                    all_ms,
                    at1 / scored,
                    at5 / scored,
                )
            )

    print(
        f"\nCorpus: {documents} documenten, {cards} kaarten; "
        f"{len(QUERIES)} vragen, waarvan {scored} met een verwachte kaart.\n"
    )
    if not args.skip_ingest_timing and reports:
        print(f"Ingest van het hele corpus (parsen + embedden + opslaan): {ingest_s:.1f} s\n")
    print("| modus | mediaan (ms) | p95 (ms) | k=None gem. (ms) | hit@1 | hit@5 |")
    print("|---|---:|---:|---:|---:|---:|")
    for mode, median, p95, all_ms, hit1, hit5 in rows:
        print(f"| {mode} | {median:.1f} | {p95:.1f} | {all_ms:.1f} | {hit1:.0%} | {hit5:.0%} |")


if __name__ == "__main__":
    main()
