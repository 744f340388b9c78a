"""Stand-ins for the API tests: a small in-memory card index and a scripted assistant.

They implement the same methods as CardIndex and Assistant, so the server code under test runs
unchanged; the tests that use the real index and assistant are in test_api_real.py.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from fastapi import FastAPI
from fastapi.testclient import TestClient

from actiewijzer.assistant.assistant import AnswerDoneEvent, AnswerEvent, TokenEvent
from actiewijzer.assistant.errors import InvalidQuestionError
from actiewijzer.assistant.models import Answer, ChatTurn, Citation, GroundingCheck
from actiewijzer.index.errors import UnknownCardError, UnknownDocumentError
from actiewijzer.index.filters import resolve_filters
from actiewijzer.index.models import IngestReport, SearchFilters, SearchHit
from actiewijzer.ingest.loaders import load_lines
from actiewijzer.ingest.models import (
    Card,
    CardFields,
    CardKind,
    DocumentFamily,
    DocumentInfo,
    ParsedDocument,
)
from actiewijzer.server.app import create_app
from actiewijzer.settings import Settings

LIER = "000_lier.txt"
AALST = "002_aalst.txt"
SLASHED_ID = "01/11/SAP/02/04"


def sample_documents() -> list[ParsedDocument]:
    lier = DocumentInfo(
        doc=LIER,
        family=DocumentFamily.LIER_EVALUATIE,
        label="Stad Lier – evaluatie 2024 Q2",
        issuer="Stad Lier",
        municipalities=["Lier"],
        report_kind="evaluatierapport",
        period="2024 Q2",
        year=2024,
    )
    aalst = DocumentInfo(
        doc=AALST,
        family=DocumentFamily.AALST_LSB,
        label="Stad Aalst – lokaal sociaal beleidsplan 2023-2025",
        issuer="Stad Aalst",
        municipalities=["Aalst"],
        report_kind="lokaal sociaal beleidsplan",
        period="2023-2025",
        year=2023,
    )
    lier_cards = [
        Card(
            doc=LIER,
            id="01/11",
            kind=CardKind.BELEIDSDOELSTELLING,
            title="Sociale dienstverlening",
            text="01/11 Sociale dienstverlening",
            start_line=10,
            end_line=10,
        ),
        Card(
            doc=LIER,
            id="01/11/SAP/02",
            kind=CardKind.ACTIEPLAN,
            parent="01/11",
            title="Armoedebestrijding",
            text="01/11/SAP/02 Armoedebestrijding",
            start_line=40,
            end_line=40,
        ),
        Card(
            doc=LIER,
            id=SLASHED_ID,
            kind=CardKind.ACTIE,
            parent="01/11/SAP/02",
            title="Uitbouw van het sociaal huis",
            text="01/11/SAP/02/04 Uitbouw van het sociaal huis\nStatus: 2 - Halverwege\n"
            "Het sociaal huis is verhuisd naar de nieuwe site.",
            start_line=50,
            end_line=52,
            fields=CardFields(status="2 - Halverwege"),
        ),
    ]
    aalst_cards = [
        Card(
            doc=AALST,
            id="Ambitie 4",
            kind=CardKind.AMBITIE,
            title="Iedereen een betaalbare woning",
            text="Ambitie 4 Iedereen een betaalbare woning",
            start_line=5,
            end_line=5,
        ),
        Card(
            doc=AALST,
            id="D4.2-A3",
            kind=CardKind.ACTIE,
            parent="Ambitie 4",
            printed_id=False,
            title="Huurpremie uitbreiden",
            text="Huurpremie uitbreiden voor kwetsbare huurders",
            start_line=20,
            end_line=20,
            fields=CardFields(status="Lopend"),
        ),
    ]
    return [
        ParsedDocument(info=lier, cards=lier_cards),
        ParsedDocument(info=aalst, cards=aalst_cards),
    ]


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2}


class FakeCardIndex:
    """Word-overlap search over a few cards; ingest reads files with the real line loader."""

    def __init__(self, documents: Sequence[ParsedDocument] = ()) -> None:
        self.docs: dict[str, ParsedDocument] = {d.info.doc: d for d in documents}
        self.is_ready = True

    def ingest_paths(self, paths: Sequence[Path], progress: bool = True) -> list[IngestReport]:
        reports = []
        for path in paths:
            lines = load_lines(path)  # raises IngestError for corrupt or unreadable files
            info = DocumentInfo(
                doc=path.name,
                family=DocumentFamily.GENERIC,
                label=path.stem,
                issuer="onbekend",
                report_kind="document",
                period="",
            )
            text = "\n".join(line.text for line in lines if line.text.strip())
            cards = [
                Card(
                    doc=path.name,
                    id="Sectie 1",
                    kind=CardKind.SECTIE,
                    title=path.stem,
                    text=text,
                    start_line=1,
                    end_line=max(1, len(lines)),
                    printed_id=False,
                )
            ]
            self.docs[path.name] = ParsedDocument(info=info, cards=cards if text else [])
            reports.append(
                IngestReport(doc=path.name, family="generic", cards=len(cards if text else []))
            )
        return reports

    def ensure_corpus(self, progress: bool = True) -> list[IngestReport]:
        return []

    def search(
        self, query: str, k: int = 8, filters: SearchFilters | None = None, mode: object = None
    ) -> list[SearchHit]:
        admitted = resolve_filters(filters, {d: p.info for d, p in self.docs.items()})
        wanted = _words(query)
        scored = []
        for card in self.cards():
            if not admitted.admits(card):
                continue
            overlap = len(wanted & _words(card.id + " " + card.title + " " + card.text))
            if overlap:
                scored.append((overlap, card))
        scored.sort(key=lambda pair: -pair[0])
        return [
            SearchHit(card=c, document=self.docs[c.doc].info, score=float(s), snippet=c.text[:120])
            for s, c in scored[:k]
        ]

    def get_document(self, doc: str) -> ParsedDocument:
        if doc not in self.docs:
            raise UnknownDocumentError(doc, sorted(self.docs))
        return self.docs[doc]

    def get_card(self, doc: str, card_id: str) -> Card:
        card = self.get_document(doc).by_id(card_id)
        if card is None:
            raise UnknownCardError(doc, card_id, [c.id for c in self.docs[doc].cards][:3])
        return card

    def documents(self) -> list[DocumentInfo]:
        return [p.info for p in self.docs.values()]

    def cards(self, doc: str | None = None) -> list[Card]:
        return [c for d, p in self.docs.items() if doc in (None, d) for c in p.cards]

    def remove_document(self, doc: str) -> int:
        removed = self.docs.pop(doc, None)
        return len(removed.cards) if removed else 0


@dataclass
class ScriptedAssistant:
    """Answers with the best search hit, streamed word by word; records what it was asked."""

    index: FakeCardIndex
    max_chars: int = 2000
    calls: list[tuple[str, list[ChatTurn], SearchFilters | None]] = field(default_factory=list)
    warmed_up: bool = False

    def ask(
        self, question: str, history: Sequence[ChatTurn] = (), filters: SearchFilters | None = None
    ) -> Answer:
        if not question.strip():
            raise InvalidQuestionError.empty()
        if len(question) > self.max_chars:
            raise InvalidQuestionError.too_long(len(question), self.max_chars)
        self.calls.append((question, list(history), filters))
        hits = self.index.search(question, k=1, filters=filters)
        if not hits:
            return Answer(
                question=question,
                answer="Daarover vind ik niets in de documenten.",
                refused=True,
                grounding=GroundingCheck(grounded=True),
                backend="scripted",
            )
        card, document = hits[0].card, hits[0].document
        citation = Citation(
            doc=card.doc,
            id=card.id,
            title=card.title,
            kind=str(card.kind),
            document_label=document.label,
            year=document.year,
            start_line=card.start_line,
            end_line=card.end_line,
            quotes=card.text.splitlines()[-1:],
        )
        return Answer(
            question=question,
            answer=f"Volgens actie {card.id}: {card.title}.",
            refused=False,
            citations=[citation],
            grounding=GroundingCheck(grounded=True, checked=[card.id]),
            backend="scripted",
        )

    def stream(
        self, question: str, history: Sequence[ChatTurn] = (), filters: SearchFilters | None = None
    ) -> Iterator[AnswerEvent]:
        answer = self.ask(question, history, filters)  # validates before the first event
        tokens: list[AnswerEvent] = [TokenEvent(text=w + " ") for w in answer.answer.split()]
        return iter([*tokens, AnswerDoneEvent(answer=answer)])

    def warm_up(self, progress: bool = False) -> None:
        self.warmed_up = True


def fake_app(
    settings: Settings, **kwargs: object
) -> tuple[FastAPI, FakeCardIndex, ScriptedAssistant]:
    index = FakeCardIndex(sample_documents())
    assistant = ScriptedAssistant(index)
    app = create_app(settings, index=index, assistant=assistant, with_ui=False, **kwargs)  # type: ignore[arg-type]
    return app, index, assistant


def fake_client(settings: Settings) -> TestClient:
    app, _, _ = fake_app(settings)
    return TestClient(app)
