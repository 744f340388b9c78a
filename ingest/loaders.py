"""Read a .txt, .pdf or .docx file into numbered lines; every failure is a Dutch IngestError."""

from __future__ import annotations

import logging
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from actiewijzer.ingest.models import IngestError, Line

logger = logging.getLogger(__name__)

SUPPORTED_SUFFIXES = (".docx", ".pdf", ".txt")
_TEXT_ENCODINGS = ("utf-8-sig", "cp1252", "latin-1")
_PAGE_BREAK = "\f"


def load_lines(path: Path) -> list[Line]:
    """All lines of the file, 1-based; PDF lines (and pdftotext pages in .txt) carry their page."""
    path = Path(path)
    suffix = path.suffix.lower()
    loader = _LOADERS.get(suffix)
    if loader is None:
        shown = suffix or "(geen extensie)"
        raise IngestError(
            str(path),
            f"niet-ondersteund bestandstype '{shown}'; ondersteund: {', '.join(SUPPORTED_SUFFIXES)}",
        )
    _check_readable(path)
    lines = loader(path)
    if not any(line.text.strip() for line in lines):
        hint = " (gescande PDF zonder tekstlaag?)" if suffix == ".pdf" else ""
        raise IngestError(str(path), f"bevat geen tekst{hint}")
    return lines


def _check_readable(path: Path) -> None:
    if not path.exists():
        raise IngestError(str(path), "bestaat niet")
    if path.is_dir():
        raise IngestError(str(path), "is een map, geen bestand")
    try:
        with path.open("rb") as handle:
            first = handle.read(1)
    except PermissionError as error:
        raise IngestError(str(path), "is niet leesbaar (geen toegangsrechten)") from error
    except OSError as error:
        raise IngestError(str(path), f"is niet leesbaar ({error.strerror or error})") from error
    if not first:
        raise IngestError(str(path), "bevat geen tekst (leeg bestand)")


def _load_txt(path: Path) -> list[Line]:
    data = path.read_bytes()
    text = _decode(data)
    raw_lines = text.split("\n")
    if raw_lines and raw_lines[-1] == "":
        raw_lines.pop()
    # pdftotext separates pages with form feeds; keep that page information when present.
    has_pages = _PAGE_BREAK in text
    page = 1
    lines: list[Line] = []
    for number, raw in enumerate(raw_lines, start=1):
        # pdftotext ends a page with a form feed, so it opens the next page's first line.
        leading = len(raw) - len(raw.lstrip(_PAGE_BREAK))
        page += leading
        lines.append(
            Line(
                number=number,
                text=raw.replace(_PAGE_BREAK, "").rstrip("\r"),
                page=page if has_pages else None,
            )
        )
        page += raw.count(_PAGE_BREAK) - leading
    return lines


def _decode(data: bytes) -> str:
    for encoding in _TEXT_ENCODINGS:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise AssertionError("latin-1 decodes any byte string")  # pragma: no cover


def _load_pdf(path: Path) -> list[Line]:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PyPdfError

    # pypdf logs its own English warnings for broken files; our IngestError already says it.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(path)
        if reader.is_encrypted and not _open_without_password(reader):
            raise IngestError(str(path), "is beveiligd met een wachtwoord")
        pages = [page.extract_text() or "" for page in reader.pages]
    except IngestError:
        raise
    except (FileNotDecryptedError, DependencyError) as error:
        raise IngestError(str(path), "is beveiligd met een wachtwoord") from error
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as error:
        raise IngestError(str(path), f"is geen geldige PDF (beschadigd: {error})") from error

    lines: list[Line] = []
    for page_number, page_text in enumerate(pages, start=1):
        # pypdf ends each page with a newline; that is no blank line on the page.
        body = page_text[:-1] if page_text.endswith("\n") else page_text
        for raw in body.split("\n"):
            lines.append(Line(number=len(lines) + 1, text=raw.rstrip("\r"), page=page_number))
    return lines


def _open_without_password(reader: object) -> bool:
    """Many PDFs only restrict printing or copying: they open with the empty password."""
    from pypdf.errors import DependencyError

    try:
        return bool(reader.decrypt(""))  # type: ignore[attr-defined]
    except DependencyError:
        # AES without the optional crypto package: we cannot tell, so say it is protected.
        return False


def _load_docx(path: Path) -> list[Line]:
    from docx import Document
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = Document(str(path))
        texts = list(_docx_texts(document))
    except (PackageNotFoundError, zipfile.BadZipFile) as error:
        raise IngestError(str(path), "is geen geldig DOCX-bestand (beschadigd)") from error
    except Exception as error:  # a damaged part surfaces as lxml, KeyError or ValueError errors
        raise IngestError(
            str(path), f"is geen geldig DOCX-bestand (beschadigd: {error})"
        ) from error
    return [Line(number=number, text=text) for number, text in enumerate(texts, start=1)]


def _docx_texts(document: object) -> Iterator[str]:
    """Paragraphs and table rows in reading order: the body's children as they come."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for block in document.iter_inner_content():  # type: ignore[attr-defined]
        if isinstance(block, Paragraph):
            # A manual line break inside a paragraph is a line of its own on the page too.
            yield from block.text.split("\n")
        elif isinstance(block, Table):
            yield from _table_rows(block)


def _table_rows(table: object) -> Iterator[str]:
    for row in table.rows:  # type: ignore[attr-defined]
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            # Merged cells come back once per grid column; print each cell once.
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" ".join(part.strip() for part in cell.text.split("\n") if part.strip()))
        yield "\t".join(cells)


_LOADERS: dict[str, Callable[[Path], list[Line]]] = {
    ".txt": _load_txt,
    ".pdf": _load_pdf,
    ".docx": _load_docx,
}
