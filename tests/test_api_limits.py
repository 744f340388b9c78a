"""Website integration: per-client rate limit, body size limits, CORS allow-list, probes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from test_api_fakes import FakeCardIndex, ScriptedAssistant, fake_app

from actiewijzer.server.app import create_app
from actiewijzer.server.services import Services
from actiewijzer.settings import Settings


def make_client(tmp_path: Path, **overrides: object) -> TestClient:
    settings = Settings(data_dir=tmp_path / "data", **overrides)  # type: ignore[arg-type]
    app, _, _ = fake_app(settings)
    return TestClient(app)


def test_rate_limit_is_429_with_retry_after_in_dutch(tmp_path: Path) -> None:
    client = make_client(tmp_path, rate_limit="3/minute")
    statuses = [client.get("/api/search", params={"q": "huis"}).status_code for _ in range(3)]
    assert statuses == [200, 200, 200]
    # The allowance is per client across routes, not per URL.
    limited = client.post("/api/ask", json={"question": "sociaal huis"})
    assert limited.status_code == 429
    retry_after = int(limited.headers["Retry-After"])
    assert 1 <= retry_after <= 60
    assert limited.json()["detail"].startswith("te veel vragen vanaf uw adres")
    assert f"over {retry_after} seconden" in limited.json()["detail"]


def test_probes_and_widget_are_not_rate_limited(tmp_path: Path) -> None:
    client = make_client(tmp_path, rate_limit="1/minute")
    client.get("/api/documents")
    assert client.get("/api/documents").status_code == 429
    for _ in range(3):
        assert client.get("/health").status_code == 200
        assert client.get("/health/ready").status_code == 200
        assert client.get("/widget.js").status_code == 200


def test_rate_limit_counts_per_client_address(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data", rate_limit="1/minute")
    app, _, _ = fake_app(settings)
    first = TestClient(app, client=("10.0.0.1", 1234))
    second = TestClient(app, client=("10.0.0.2", 1234))
    assert first.get("/api/documents").status_code == 200
    assert first.get("/api/documents").status_code == 429
    assert second.get("/api/documents").status_code == 200


def test_json_body_over_the_limit_is_413(tmp_path: Path) -> None:
    client = make_client(tmp_path, max_request_bytes=1024)
    response = client.post("/api/ask", json={"question": "x" * 2000})
    assert response.status_code == 413
    assert response.json() == {"detail": "het verzoek is te groot; het maximum is 1 kB"}


def test_streamed_body_without_length_is_cut_off(tmp_path: Path) -> None:
    client = make_client(tmp_path, max_request_bytes=1024)

    def chunks() -> Iterator[bytes]:
        yield b'{"question": "'
        for _ in range(10):
            yield b"y" * 500
        yield b'"}'

    response = client.post(
        "/api/ask", content=chunks(), headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert "te groot" in response.json()["detail"]


def test_cors_allows_only_listed_origins(tmp_path: Path) -> None:
    client = make_client(tmp_path, cors_origins=["https://www.lier.be"])
    preflight = client.options(
        "/api/ask/stream",
        headers={
            "Origin": "https://www.lier.be",
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "content-type",
        },
    )
    assert preflight.status_code == 200
    assert preflight.headers["access-control-allow-origin"] == "https://www.lier.be"
    allowed = client.get("/api/documents", headers={"Origin": "https://www.lier.be"})
    assert allowed.headers["access-control-allow-origin"] == "https://www.lier.be"
    other = client.get("/api/documents", headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


def test_liveness_and_readiness(settings: Settings) -> None:
    app, _, _ = fake_app(settings)
    client = TestClient(app)
    assert client.get("/health").json() == {"status": "ok"}
    ready = client.get("/health/ready")
    assert ready.status_code == 200
    assert ready.json()["documents"] == 2 and ready.json()["cards"] == 5


def test_not_ready_while_the_index_loads(
    settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Loading never finishes: the index is empty and the assistant never gets built.
    monkeypatch.setattr(Services, "load", lambda self, progress=True: None)
    index = FakeCardIndex()
    index.is_ready = False
    app = create_app(settings, index=index, with_ui=False)
    with TestClient(app) as client:
        response = client.get("/health/ready")
        assert response.status_code == 503
        assert "wordt nog geladen" in response.json()["detail"]
        ask = client.post("/api/ask", json={"question": "x"})
        assert ask.status_code == 503
        assert "probeer het over enkele seconden opnieuw" in ask.json()["detail"]


def test_loading_warms_the_assistant_up_before_the_first_visitor(settings: Settings) -> None:
    index = FakeCardIndex()
    assistant = ScriptedAssistant(index)
    Services(settings, index=index, assistant=assistant).load(progress=False)
    assert assistant.warmed_up


def test_widget_and_embed_page(settings: Settings) -> None:
    app, _, _ = fake_app(settings)
    client = TestClient(app)
    widget = client.get("/widget.js")
    assert widget.headers["content-type"].startswith("application/javascript")
    assert "/api/ask/stream" in widget.text and "data-api" in widget.text
    embed = client.get("/embed")
    assert embed.status_code == 200
    assert '<script src="http://testserver/widget.js" data-api="http://testserver"' in embed.text
