"""Admin endpoints: X-API-Key, uploads (atomic, validated) and document removal."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient
from pydantic import SecretStr
from test_api_fakes import AALST, LIER, fake_app

from actiewijzer.settings import Settings

KEY = "geheim-123"


@pytest.fixture
def admin_settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", admin_api_key=SecretStr(KEY))


@pytest.fixture
def client(admin_settings: Settings) -> TestClient:
    app, _, _ = fake_app(admin_settings)
    return TestClient(app)


def upload(client: TestClient, name: str, data: bytes, key: str | None = KEY):
    headers = {"X-API-Key": key} if key is not None else {}
    return client.post("/api/documents", files={"file": (name, data)}, headers=headers)


def docx_bytes(*paragraphs: str) -> bytes:
    document = Document()
    for text in paragraphs:
        document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def test_admin_disabled_without_configured_key(settings: Settings) -> None:
    app, _, _ = fake_app(settings)
    client = TestClient(app)
    response = upload(client, "a.txt", b"tekst", key="iets")
    assert response.status_code == 403
    assert "uitgeschakeld" in response.json()["detail"]
    assert client.delete(f"/api/documents/{LIER}", headers={"X-API-Key": "x"}).status_code == 403


@pytest.mark.parametrize("key", [None, "fout"])
def test_wrong_or_missing_key_is_refused(client: TestClient, key: str | None) -> None:
    response = upload(client, "a.txt", b"tekst", key=key)
    assert response.status_code == 401
    assert "X-API-Key" in response.json()["detail"]
    assert client.delete(f"/api/documents/{LIER}").status_code == 401


def test_upload_txt_and_docx_are_stored_and_indexed(
    client: TestClient, admin_settings: Settings
) -> None:
    response = upload(client, "notities.txt", b"Actie 1: fietspaden aanleggen\n")
    assert response.status_code == 201, response.text
    assert response.json() == {
        "doc": "notities.txt",
        "family": "generic",
        "cards": 1,
        "replaced": False,
    }
    assert (
        admin_settings.data_dir / "uploads" / "notities.txt"
    ).read_text() == "Actie 1: fietspaden aanleggen\n"
    docx = upload(client, "plan.docx", docx_bytes("Actie 2: speelpleinen", "Budget 3000 EUR"))
    assert docx.status_code == 201, docx.text
    docs = {d["doc"] for d in client.get("/api/documents").json()["documents"]}
    assert {"notities.txt", "plan.docx", LIER, AALST} <= docs
    card = client.get("/api/cards/plan.docx/Sectie 1").json()["card"]
    assert "speelpleinen" in card["text"]


def test_upload_path_tricks_are_neutralised(client: TestClient, admin_settings: Settings) -> None:
    response = upload(client, "../../etc/evil.txt", b"inhoud")
    assert response.status_code == 201
    assert response.json()["doc"] == "evil.txt"
    assert (admin_settings.data_dir / "uploads" / "evil.txt").exists()


@pytest.mark.parametrize(
    ("name", "data", "status", "reason"),
    [
        (
            "virus.exe",
            b"MZ...",
            415,
            "bestandstype '.exe' wordt niet ondersteund; geldig: .pdf, .docx, .txt",
        ),
        ("kapot.pdf", b"dit is geen pdf", 422, "geen geldig PDF-bestand"),
        ("kapot.docx", b"PK\x03\x04 afgebroken", 422, "kapot.docx"),
        ("leeg.txt", b"", 422, "het bestand is leeg"),
        ("binair.txt", b"\x00\x01\x02", 422, "geen tekstbestand"),
    ],
)
def test_bad_uploads_are_refused_with_file_and_reason(
    client: TestClient, admin_settings: Settings, name: str, data: bytes, status: int, reason: str
) -> None:
    before = client.get("/api/documents").json()
    response = upload(client, name, data)
    assert response.status_code == status, response.text
    detail = response.json()["detail"]
    assert f"bestand '{name}' geweigerd" in detail and reason in detail
    assert "Traceback" not in detail
    assert client.get("/api/documents").json() == before
    assert not (admin_settings.data_dir / "uploads" / name).exists()


def test_corrupt_replacement_keeps_the_previous_version(
    client: TestClient, admin_settings: Settings
) -> None:
    assert upload(client, "plan.pdf", _tiny_pdf("Actie 1: bomen planten")).status_code == 201
    stored = admin_settings.data_dir / "uploads" / "plan.pdf"
    good = stored.read_bytes()
    response = upload(client, "plan.pdf", b"%PDF-1.4 afgebroken")
    assert response.status_code == 422
    assert "plan.pdf" in response.json()["detail"]
    assert stored.read_bytes() == good
    card = client.get("/api/cards/plan.pdf/Sectie 1")
    assert card.status_code == 200 and "bomen planten" in card.json()["card"]["text"]


def test_upload_over_the_limit_is_413(tmp_path: Path) -> None:
    settings = Settings(
        data_dir=tmp_path / "d", admin_api_key=SecretStr(KEY), max_upload_bytes=1000
    )
    app, _, _ = fake_app(settings)
    response = upload(TestClient(app), "groot.txt", b"a" * 5000)
    assert response.status_code == 413
    assert "te groot" in response.json()["detail"]


def test_delete_document(client: TestClient) -> None:
    response = client.delete(f"/api/documents/{AALST}", headers={"X-API-Key": KEY})
    assert response.status_code == 200
    assert response.json() == {"doc": AALST, "removed_cards": 2}
    assert client.get(f"/api/cards/{AALST}/Ambitie 4").status_code == 404
    again = client.delete(f"/api/documents/{AALST}", headers={"X-API-Key": KEY})
    assert again.status_code == 404
    assert f"onbekend document '{AALST}'" in again.json()["detail"]


def _tiny_pdf(text: str) -> bytes:
    from reportlab.pdfgen import canvas

    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer)
    pdf.drawString(72, 720, text)
    pdf.save()
    return buffer.getvalue()
