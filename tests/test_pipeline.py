"""parse_file / parse_files: one bad file never stops the others; parsers' output is checked."""

from __future__ import annotations

from pathlib import Path

import pytest

from actiewijzer.ingest.models import (
    Card,
    CardKind,
    DocumentFamily,
    DocumentInfo,
    IngestError,
    Line,
    ParsedDocument,
)
from actiewijzer.ingest.pipeline import expand_paths, parse_file, parse_files, validate_document

PLAN = "Gemeente Zonnedal\nActieplan 2025\n\n1. Context\nTekst.\n\n2. Acties\nActie 1: Jobbeurs\nUitleg.\n"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_parse_file_keys_the_document_by_file_name_and_hashes_it(tmp_path: Path) -> None:
    import hashlib

    path = write(tmp_path / "zonnedal.txt", PLAN)

    document = parse_file(path)

    assert document.info.doc == "zonnedal.txt"
    assert document.info.family is DocumentFamily.GENERIC
    assert {card.doc for card in document.cards} == {"zonnedal.txt"}
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_addendum_gets_its_family_parser(corpus_dir: Path) -> None:
    document = parse_file(next(corpus_dir.glob("003_*.txt")))

    assert document.info.family is DocumentFamily.ESF_ADDENDUM


def test_one_bad_file_does_not_stop_the_good_one(tmp_path: Path) -> None:
    bad = tmp_path / "kapot.pdf"
    bad.write_bytes(b"%PDF-1.4 kapot")
    good = write(tmp_path / "zonnedal.txt", PLAN)

    batch = parse_files([bad, good])

    assert [document.info.doc for document in batch.documents] == ["zonnedal.txt"]
    assert [error.path for error in batch.errors] == [str(bad)]
    assert not batch.ok


def test_directories_expand_to_supported_files_without_readme(tmp_path: Path) -> None:
    write(tmp_path / "b.txt", PLAN)
    write(tmp_path / "a.txt", PLAN)
    write(tmp_path / "README.md", "# uitleg")
    write(tmp_path / "README.txt", "uitleg")
    write(tmp_path / "notities.md", "geen ondersteund type")
    (tmp_path / "sub").mkdir()
    write(tmp_path / "sub" / "c.txt", PLAN)

    assert expand_paths([tmp_path]) == [
        tmp_path / "a.txt",
        tmp_path / "b.txt",
        tmp_path / "sub" / "c.txt",
    ]


def test_the_same_file_name_twice_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "x").mkdir()
    first = write(tmp_path / "plan.txt", PLAN)
    second = write(tmp_path / "x" / "plan.txt", PLAN)

    batch = parse_files([first, second])

    assert len(batch.documents) == 1
    assert "dubbele documentnaam 'plan.txt'" in batch.errors[0].reason


def _card(card_id: str, start: int, end: int, parent: str | None = None) -> Card:
    return Card(
        doc="d.txt",
        id=card_id,
        kind=CardKind.SECTIE,
        title=card_id,
        parent=parent,
        text=card_id,
        start_line=start,
        end_line=end,
    )


def _document(cards: list[Card]) -> ParsedDocument:
    info = DocumentInfo(
        doc="d.txt",
        family=DocumentFamily.GENERIC,
        label="d",
        issuer="onbekend",
        report_kind="document",
        period="onbekend",
    )
    return ParsedDocument(info=info, cards=cards)


def test_validation_names_each_broken_rule() -> None:
    lines = [Line(n, "tekst") for n in range(1, 11)]
    document = _document(
        [_card("1", 1, 3), _card("1", 4, 5), _card("2", 8, 12), _card("3", 6, 7, parent="9")]
    )

    problems = validate_document(document, lines)

    assert "dubbel kaartnummer '1'" in problems
    assert "kaart '2' heeft regels 8-12, het bestand telt er 10" in problems
    assert "kaart '3' verwijst naar onbekende ouder '9'" in problems


def test_valid_document_has_no_problems() -> None:
    lines = [Line(n, "tekst") for n in range(1, 11)]
    document = _document([_card("1", 1, 3), _card("1.1", 4, 10, parent="1")])

    assert validate_document(document, lines) == []


def test_parse_file_raises_for_an_unreadable_file(tmp_path: Path) -> None:
    with pytest.raises(IngestError, match="bestaat niet"):
        parse_file(tmp_path / "weg.docx")


def test_the_whole_corpus_parses(corpus_dir: Path) -> None:
    batch = parse_files([corpus_dir])

    assert batch.errors == []
    assert len(batch.documents) == 5
    families = {document.info.family for document in batch.documents}
    assert DocumentFamily.GENERIC not in families


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    (tmp_path / "leeg").mkdir()

    batch = parse_files([tmp_path / "leeg"])

    assert batch.documents == []
    assert "map bevat geen ondersteunde documenten" in batch.errors[0].reason
