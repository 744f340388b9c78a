"""Loading .txt, .pdf and .docx into numbered lines, and the Dutch errors for bad files."""

from __future__ import annotations

from pathlib import Path

import pytest
from docx import Document
from pypdf import PdfWriter
from reportlab.pdfgen import canvas

from actiewijzer.ingest.loaders import load_lines
from actiewijzer.ingest.models import IngestError


def make_pdf(path: Path, pages: list[list[str]]) -> Path:
    pdf = canvas.Canvas(str(path))
    for page in pages:
        for row, text in enumerate(page):
            pdf.drawString(72, 800 - 20 * row, text)
        pdf.showPage()
    pdf.save()
    return path


def test_txt_lines_are_numbered_from_one(tmp_path: Path) -> None:
    path = tmp_path / "plan.txt"
    path.write_text("Titel\n\n1. Inleiding\r\nTekst\n", encoding="utf-8")

    lines = load_lines(path)

    assert [(line.number, line.text) for line in lines] == [
        (1, "Titel"),
        (2, ""),
        (3, "1. Inleiding"),
        (4, "Tekst"),
    ]
    assert all(line.page is None for line in lines)


def test_txt_falls_back_to_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "oud.txt"
    path.write_bytes("Financiën – € 3 000".encode("cp1252"))

    assert load_lines(path)[0].text == "Financiën – € 3 000"


def test_txt_form_feeds_give_pages(tmp_path: Path) -> None:
    path = tmp_path / "pdftotext.txt"
    path.write_text("eerste\ntweede\n\fderde\n", encoding="utf-8")

    lines = load_lines(path)

    assert [(line.text, line.page) for line in lines] == [
        ("eerste", 1),
        ("tweede", 1),
        ("derde", 2),
    ]


def test_pdf_lines_carry_pages_and_running_numbers(tmp_path: Path) -> None:
    path = make_pdf(
        tmp_path / "plan.pdf",
        [["Actieplan Zonnedal 2024", "1. Inleiding"], ["2. Acties", "Actie 1: Jobbeurs"]],
    )

    lines = load_lines(path)

    assert [(line.number, line.page, line.text) for line in lines] == [
        (1, 1, "Actieplan Zonnedal 2024"),
        (2, 1, "1. Inleiding"),
        (3, 2, "2. Acties"),
        (4, 2, "Actie 1: Jobbeurs"),
    ]


def test_docx_keeps_paragraphs_and_tables_in_reading_order(tmp_path: Path) -> None:
    document = Document()
    document.add_paragraph("Voor de tabel")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Actie", "Budget"
    table.cell(1, 0).text, table.cell(1, 1).text = "Jobbeurs", "3 000 EUR"
    document.add_paragraph("Na de tabel")
    path = tmp_path / "plan.docx"
    document.save(str(path))

    lines = load_lines(path)

    assert [line.text for line in lines] == [
        "Voor de tabel",
        "Actie\tBudget",
        "Jobbeurs\t3 000 EUR",
        "Na de tabel",
    ]
    assert [line.number for line in lines] == [1, 2, 3, 4]


def test_docx_merged_cells_print_once(tmp_path: Path) -> None:
    document = Document()
    table = document.add_table(rows=1, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 1))
    merged.text = "Samen"
    table.cell(0, 2).text = "Apart"
    path = tmp_path / "merged.docx"
    document.save(str(path))

    assert [line.text for line in load_lines(path)] == ["Samen\tApart"]


def _error_for(path: Path) -> IngestError:
    with pytest.raises(IngestError) as caught:
        load_lines(path)
    assert caught.value.path == str(path)
    assert str(path) in str(caught.value)
    return caught.value


def test_empty_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "leeg.txt"
    path.write_bytes(b"")

    assert "bevat geen tekst" in _error_for(path).reason


def test_whitespace_only_file_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "wit.txt"
    path.write_text("  \n\n\t\n", encoding="utf-8")

    assert "bevat geen tekst" in _error_for(path).reason


def test_pdf_without_text_layer_hints_at_a_scan(tmp_path: Path) -> None:
    path = make_pdf(tmp_path / "scan.pdf", [[]])

    assert _error_for(path).reason == "bevat geen tekst (gescande PDF zonder tekstlaag?)"


def test_corrupt_pdf_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "kapot.pdf"
    path.write_bytes(bytes(range(256)) * 4)

    assert "geen geldige PDF" in _error_for(path).reason


def test_corrupt_docx_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "kapot.docx"
    path.write_bytes(b"dit is geen zip-bestand")

    assert "geen geldig DOCX-bestand" in _error_for(path).reason


def test_password_protected_pdf_is_reported(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "open.pdf", [["Vertrouwelijk plan"]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="geheim", algorithm="RC4-128")
    path = tmp_path / "beveiligd.pdf"
    writer.write(str(path))

    assert _error_for(path).reason == "is beveiligd met een wachtwoord"


def test_pdf_with_only_an_owner_password_still_opens(tmp_path: Path) -> None:
    plain = make_pdf(tmp_path / "open.pdf", [["Alleen afdrukken beperkt"]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt(user_password="", owner_password="baas", algorithm="RC4-128")
    path = tmp_path / "beperkt.pdf"
    writer.write(str(path))

    assert [line.text for line in load_lines(path)] == ["Alleen afdrukken beperkt"]


def test_unsupported_suffix_lists_the_supported_ones(tmp_path: Path) -> None:
    path = tmp_path / "begroting.xlsx"
    path.write_bytes(b"PK")

    assert _error_for(path).reason == (
        "niet-ondersteund bestandstype '.xlsx'; ondersteund: .docx, .pdf, .txt"
    )


def test_missing_file_is_reported(tmp_path: Path) -> None:
    assert _error_for(tmp_path / "weg.txt").reason == "bestaat niet"
