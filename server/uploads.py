"""Admin uploads: check the file, store it atomically, ingest it, and roll back on failure.

A failed upload must never cost what was already indexed: a previous file with the same name
is kept aside until the new one has been ingested, and put back (and re-ingested) otherwise.
"""

from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from actiewijzer.index.models import IngestReport
from actiewijzer.ingest.models import IngestError
from actiewijzer.server.errors import UploadRejectedError
from actiewijzer.server.ports import CardIndexPort

SUPPORTED_SUFFIXES = (".pdf", ".docx", ".txt")
_UNSAFE = re.compile(r"[^\w.\- ]+")
_STAGING = ".staging"


def safe_filename(raw: str | None) -> str:
    """The bare file name, stripped of directories and characters a path could abuse."""
    name = (raw or "").replace("\\", "/").rsplit("/", 1)[-1].strip()
    cleaned = _UNSAFE.sub("_", name)
    if not cleaned or cleaned.startswith(".") or len(cleaned) > 200:
        raise UploadRejectedError(raw or "", "ongeldige bestandsnaam")
    return cleaned


def check_content(name: str, data: bytes, max_bytes: int) -> None:
    suffix = Path(name).suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(geen extensie)"
        raise UploadRejectedError(
            name,
            f"bestandstype '{shown}' wordt niet ondersteund; geldig: "
            + ", ".join(SUPPORTED_SUFFIXES),
            415,
        )
    if not data:
        raise UploadRejectedError(name, "het bestand is leeg")
    if len(data) > max_bytes:
        raise UploadRejectedError(
            name, f"het bestand is te groot ({len(data)} bytes; maximaal {max_bytes})", 413
        )
    # Cheap signature checks catch renamed or truncated files before the parsers see them.
    if suffix == ".pdf" and not data.lstrip()[:5] == b"%PDF-":
        raise UploadRejectedError(
            name, "dit is geen geldig PDF-bestand (handtekening %PDF ontbreekt)"
        )
    if suffix == ".docx" and not data.startswith(b"PK\x03\x04"):
        raise UploadRejectedError(name, "dit is geen geldig DOCX-bestand (geen ZIP-container)")
    if suffix == ".txt" and b"\x00" in data[:4096]:
        raise UploadRejectedError(name, "dit lijkt geen tekstbestand (bevat binaire gegevens)")


def _write_atomically(directory: Path, data: bytes) -> Path:
    handle, temp_name = tempfile.mkstemp(dir=directory, suffix=".part")
    with os.fdopen(handle, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    return Path(temp_name)


def store_and_ingest(
    index: CardIndexPort, uploads_dir: Path, raw_name: str | None, data: bytes, max_bytes: int
) -> tuple[IngestReport, bool]:
    """Returns the ingest report and whether a document with this name existed before."""
    name = safe_filename(raw_name)
    check_content(name, data, max_bytes)
    staging = uploads_dir / _STAGING
    staging.mkdir(parents=True, exist_ok=True)
    target = uploads_dir / name
    replaced = name in {info.doc for info in index.documents()}

    incoming = _write_atomically(staging, data)
    previous = staging / f"{name}.previous"
    had_file = target.exists()
    if had_file:
        os.replace(target, previous)
    os.replace(incoming, target)

    def roll_back() -> None:
        if had_file:
            os.replace(previous, target)
            if replaced:
                index.ingest_paths([target], progress=False)
        else:
            target.unlink(missing_ok=True)

    try:
        (report,) = index.ingest_paths([target], progress=False)
    except IngestError as error:
        roll_back()
        raise UploadRejectedError(name, error.reason) from error
    except Exception:
        roll_back()
        raise
    if report.error:
        roll_back()
        raise UploadRejectedError(name, report.error)
    if report.cards == 0 and not report.skipped:
        roll_back()
        if not replaced:
            index.remove_document(name)
        raise UploadRejectedError(
            name, "geen leesbare tekst gevonden (is het een gescande PDF zonder tekstlaag?)"
        )
    previous.unlink(missing_ok=True)
    return report, replaced


def delete_upload(uploads_dir: Path, doc: str) -> None:
    (uploads_dir / safe_filename(doc)).unlink(missing_ok=True)
