"""POST /api/ask and /api/ask/stream with a scripted assistant injected into the app."""

from __future__ import annotations

import json

import pytest
from fastapi.testclient import TestClient
from test_api_fakes import SLASHED_ID, FakeCardIndex, ScriptedAssistant, fake_app, sample_documents

from actiewijzer.assistant.assistant import TokenEvent
from actiewijzer.server.app import create_app
from actiewijzer.server.deps import get_assistant
from actiewijzer.settings import Settings


@pytest.fixture
def client(settings: Settings) -> TestClient:
    app, _, _ = fake_app(settings)
    return TestClient(app)


def parse_sse(body: str) -> list[tuple[str, dict[str, object]]]:
    events = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        name, data = "message", []
        for line in block.splitlines():
            if line.startswith("event:"):
                name = line[6:].strip()
            elif line.startswith("data:"):
                data.append(line[5:].lstrip())
        if data:
            events.append((name, json.loads("\n".join(data))))
    return events


def test_ask_returns_answer_with_citation(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "Hoe staat het met het sociaal huis?"})
    assert response.status_code == 200
    body = response.json()
    assert body["refused"] is False
    citation = body["citations"][0]
    assert citation["id"] == SLASHED_ID
    assert citation["doc"] == "000_lier.txt"
    assert {"title", "kind", "start_line", "end_line", "quotes"} <= citation.keys()
    assert body["grounding"]["grounded"] is True


def test_conversation_travels_with_each_request(settings: Settings) -> None:
    app, _, assistant = fake_app(settings)
    client = TestClient(app)
    history = [
        {"role": "user", "content": "Wat doet Lier rond het sociaal huis?"},
        {"role": "assistant", "content": "Volgens actie 01/11/SAP/02/04 ..."},
    ]
    filters = {"doc": "000_lier.txt", "year": 2024}
    response = client.post(
        "/api/ask", json={"question": "En de status?", "history": history, "filters": filters}
    )
    assert response.status_code == 200
    question, seen_history, seen_filters = assistant.calls[-1]
    assert question == "En de status?"
    assert [turn.content for turn in seen_history] == [h["content"] for h in history]
    assert seen_filters is not None and seen_filters.doc == "000_lier.txt"


def test_dependency_override_replaces_the_assistant(settings: Settings) -> None:
    index = FakeCardIndex(sample_documents())
    app = create_app(settings, index=index, with_ui=False)
    scripted = ScriptedAssistant(index)
    app.dependency_overrides[get_assistant] = lambda: scripted
    response = TestClient(app).post("/api/ask", json={"question": "huurpremie"})
    assert response.status_code == 200
    assert response.json()["backend"] == "scripted"
    assert scripted.calls


@pytest.mark.parametrize("question", ["", "   "])
def test_empty_question_is_422_in_dutch(client: TestClient, question: str) -> None:
    response = client.post("/api/ask", json={"question": question})
    assert response.status_code == 422
    assert "leeg" in response.json()["detail"]


def test_too_long_question_is_422_in_dutch(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "woord " * 1000})
    assert response.status_code == 422
    assert "te lang" in response.json()["detail"]


def test_invalid_json_is_400_in_dutch(client: TestClient) -> None:
    response = client.post(
        "/api/ask", content=b'{"question": "x"', headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "ongeldige JSON in de aanvraag; stuur een geldig JSON-object"
    }


def test_missing_question_and_bad_role_are_named(client: TestClient) -> None:
    response = client.post("/api/ask", json={"history": [{"role": "robot", "content": "x"}]})
    assert response.status_code == 422
    detail = response.json()["detail"]
    assert "veld 'question' ontbreekt" in detail
    assert "history.0.role" in detail and "'user'" in detail


def test_unknown_filter_document_is_404(client: TestClient) -> None:
    response = client.post(
        "/api/ask", json={"question": "sociaal huis", "filters": {"doc": "x.txt"}}
    )
    assert response.status_code == 404
    assert "onbekend document 'x.txt'" in response.json()["detail"]


def test_stream_sends_tokens_then_the_answer(client: TestClient) -> None:
    with client.stream("POST", "/api/ask/stream", json={"question": "sociaal huis"}) as response:
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("text/event-stream")
        body = "".join(response.iter_text())
    events = parse_sse(body)
    names = [name for name, _ in events]
    assert names[-1] == "answer" and names.count("answer") == 1
    assert set(names[:-1]) == {"token"}
    streamed = "".join(str(data["text"]) for name, data in events if name == "token")
    final = events[-1][1]
    assert streamed.split() == str(final["answer"]).split()
    assert final["citations"][0]["id"] == SLASHED_ID  # type: ignore[index]


def test_stream_rejects_empty_question_before_opening(client: TestClient) -> None:
    response = client.post("/api/ask/stream", json={"question": ""})
    assert response.status_code == 422
    assert "leeg" in response.json()["detail"]


def test_stream_failure_midway_is_an_error_event(settings: Settings) -> None:
    class Failing(ScriptedAssistant):
        def stream(self, question, history=(), filters=None):  # type: ignore[no-untyped-def]
            yield TokenEvent(text="Een begin ")
            raise RuntimeError("secret internal detail")

    index = FakeCardIndex(sample_documents())
    app = create_app(settings, index=index, assistant=Failing(index), with_ui=False)
    with TestClient(app).stream("POST", "/api/ask/stream", json={"question": "x"}) as response:
        body = "".join(response.iter_text())
    events = parse_sse(body)
    assert events[0] == ("token", {"text": "Een begin "})
    assert events[-1][0] == "error"
    assert "secret" not in body and "Traceback" not in body


def test_unexpected_error_is_generic_dutch_500(settings: Settings) -> None:
    class Broken(ScriptedAssistant):
        def ask(self, question, history=(), filters=None):  # type: ignore[no-untyped-def]
            raise RuntimeError("/etc/passwd leaked in a message")

    index = FakeCardIndex(sample_documents())
    app = create_app(settings, index=index, assistant=Broken(index), with_ui=False)
    response = TestClient(app, raise_server_exceptions=False).post(
        "/api/ask", json={"question": "x"}
    )
    assert response.status_code == 500
    assert response.json() == {"detail": "er ging intern iets mis; probeer het later opnieuw"}


def test_openapi_documents_the_api(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path in (
        "/api/ask",
        "/api/ask/stream",
        "/api/search",
        "/api/documents",
        "/api/cards/{doc}/{card_id}",
        "/api/feedback",
        "/health/ready",
    ):
        assert path in spec["paths"], path
    assert "history" in spec["paths"]["/api/ask"]["post"]["description"]
