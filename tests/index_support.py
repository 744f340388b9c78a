"""Small, deterministic stand-ins for the index unit tests: a hashing embedder and tiny documents.

The embedder hashes character trigrams into a fixed-size vector: texts that share words get
similar vectors, which is enough to exercise dense retrieval without loading a model.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from actiewijzer.ingest.models import (
    Card,
    CardFields,
    CardKind,
    DocumentFamily,
    DocumentInfo,
    ParsedDocument,
)


class HashingEmbedder:
    def __init__(self, dim: int = 64, model_id: str = "test-hashing-embedder") -> None:
        self.dim = dim
        self.model_id = model_id
        self.passages_embedded = 0

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        for word in re.findall(r"\w+", text.lower()):
            padded = f" {word} "
            for i in range(len(padded) - 2):
                digest = hashlib.blake2b(padded[i : i + 3].encode(), digest_size=4).digest()
                vector[int.from_bytes(digest, "little") % self.dim] += 1.0
        norm = float(np.linalg.norm(vector))
        return vector / norm if norm else vector

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        self.passages_embedded += len(texts)
        return np.stack([self._vector(t) for t in texts]) if texts else np.zeros((0, self.dim))

    def embed_query(self, text: str) -> np.ndarray:
        return self._vector(text)


def card(doc: str, card_id: str, kind: CardKind, title: str, text: str, **extra: object) -> Card:
    return Card(
        doc=doc,
        id=card_id,
        kind=kind,
        title=title,
        text=f"{card_id} {title}\n{text}",
        start_line=1,
        end_line=2,
        **extra,  # type: ignore[arg-type]
    )


def lier_document(doc: str = "lier.txt", period: str = "2024 Q2") -> ParsedDocument:
    info = DocumentInfo(
        doc=doc,
        family=DocumentFamily.LIER_EVALUATIE,
        label=f"Stad Lier – evaluatie {period}",
        issuer="Stad Lier",
        municipalities=["Lier"],
        report_kind="evaluatierapport",
        period=period,
        year=2024,
    )
    k = CardKind
    cards = [
        card(doc, "01/11", k.BELEIDSDOELSTELLING, "Sociale dienstverlening", "Armoede bestrijden."),
        card(
            doc,
            "01/11/SAP/01",
            k.ACTIEPLAN,
            "Aanpak energiearmoede",
            "Plan energie.",
            parent="01/11",
        ),
        card(
            doc,
            "01/11/SAP/01/03",
            k.ACTIE,
            "Energiescans bij kwetsbare gezinnen",
            "Energiescan en isolatie van huurwoningen.",
            parent="01/11/SAP/01",
            fields=CardFields(status="2 - Halverwege"),
        ),
        card(doc, "01/11/SAP/02", k.ACTIEPLAN, "Kinderarmoede", "Plan kinderen.", parent="01/11"),
        card(
            doc,
            "01/11/SAP/02/04",
            k.ACTIE,
            "Huiswerkbegeleiding",
            "Huiswerkklas voor kinderen in armoede.",
            parent="01/11/SAP/02",
            fields=CardFields(status="4 - Afgerond"),
        ),
    ]
    return ParsedDocument(info=info, cards=cards, sha256="lier")


def vapa_document(doc: str = "vapa.txt") -> ParsedDocument:
    info = DocumentInfo(
        doc=doc,
        family=DocumentFamily.VAPA,
        label="Vlaams Actieplan Armoedebestrijding",
        issuer="Vlaamse Regering",
        municipalities=[],
        report_kind="actieplan",
        period="2015-2019",
        year=2015,
    )
    k = CardKind
    cards = [
        card(doc, "Grondrecht 07", k.GRONDRECHT, "Werk", "Recht op werk."),
        card(
            doc,
            "07_04_01",
            k.ACTIE,
            "Woonatelier voor jongeren",
            "Woonatelier opstarten.",
            parent="Grondrecht 07",
        ),
        card(
            doc,
            "07_04_02",
            k.ACTIE,
            "Huurcontract begeleiding",
            "Hulp bij een huurcontract.",
            parent="Grondrecht 07",
        ),
        # The same action printed twice (inventory table and detail page): one must survive.
        card(doc, "07_04_02", k.ACTIE, "Huurcontract begeleiding", "kort", parent="Grondrecht 07"),
    ]
    return ParsedDocument(info=info, cards=cards, sha256="vapa")


def aalst_document(doc: str = "aalst.txt") -> ParsedDocument:
    info = DocumentInfo(
        doc=doc,
        family=DocumentFamily.AALST_LSB,
        label="Aalst lokaal sociaal beleidsplan",
        issuer="Stad Aalst",
        municipalities=["Aalst"],
        report_kind="lokaal sociaal beleidsplan",
        period="2023-2025",
        year=2023,
    )
    k = CardKind
    cards = [
        card(doc, "Ambitie 4", k.AMBITIE, "Iedereen een woning", "Wonen."),
        card(
            doc,
            "Doelstelling 4.2",
            k.DOELSTELLING,
            "Betaalbaar huren",
            "Huren.",
            parent="Ambitie 4",
        ),
        card(
            doc,
            "D4.2-A1",
            k.ACTIE,
            "Energiecoaching voor huurders",
            "Energiearmoede bij huurders verminderen.",
            parent="Doelstelling 4.2",
            printed_id=False,
        ),
    ]
    return ParsedDocument(info=info, cards=cards, sha256="aalst")


def write_source(folder: Path, document: ParsedDocument) -> Path:
    """A 'source file' the test parser reads back: the document as JSON under its file name."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / document.info.doc
    path.write_text(document.model_dump_json(), encoding="utf-8")
    return path


def parse_json_source(path: Path) -> ParsedDocument:
    return ParsedDocument.model_validate_json(path.read_text(encoding="utf-8"))
