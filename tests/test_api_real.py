"""The API over the real parts: real parsers, real CardIndex, real extractive assistant.

Dense vectors come from the index tests' hashing embedder (no model), but parsing the corpus
and re-indexing after an upload take tens of seconds on two cores, hence `slow`. The browser
test runs the whole stack with the real embedding model.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from docx import Document
from fastapi.testclient import TestClient
from index_support import HashingEmbedder
from pydantic import SecretStr

from actiewijzer.assistant.assistant import Assistant
from actiewijzer.index.card_index import CardIndex
from actiewijzer.server.app import create_app
from actiewijzer.settings import Settings

LIER_2024 = "000_1d3db954757a17d2.txt"
AALST = "002_4541158de1776ede.txt"
KEY = "beheer"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    settings = Settings(
        data_dir=tmp_path_factory.mktemp("real-api"),
        admin_api_key=SecretStr(KEY),
        rate_limit="10000/minute",
    )
    index = CardIndex.open(settings, embedder=HashingEmbedder())
    index.ensure_corpus(progress=False)
    app = create_app(
        settings, index=index, assistant=Assistant.from_settings(settings, index), with_ui=False
    )
    with TestClient(app) as test_client:
        yield test_client


def test_ready_with_the_sample_corpus(client: TestClient) -> None:
    ready = client.get("/health/ready").json()
    assert ready["documents"] == 5 and ready["cards"] > 100


def test_ask_cites_the_named_action_with_document_and_lines(client: TestClient) -> None:
    response = client.post(
        "/api/ask", json={"question": "Wat is de stand van zaken van actie 01/11/SAP/02/04?"}
    )
    assert response.status_code == 200
    body = response.json()
    assert not body["refused"]
    cited = {(c["doc"], c["id"]) for c in body["citations"]}
    assert (LIER_2024, "01/11/SAP/02/04") in cited
    first = body["citations"][0]
    assert first["start_line"] <= first["end_line"] and first["quotes"]


def test_stream_ends_with_the_same_answer(client: TestClient) -> None:
    question = {"question": "Welke acties gaan over energiearmoede?"}
    with client.stream("POST", "/api/ask/stream", json=question) as response:
        body = "".join(response.iter_text())
    events = [block for block in body.replace("\r\n", "\n").split("\n\n") if block.strip()]
    last = events[-1].splitlines()
    assert last[0] == "event: answer"
    answer = json.loads(last[1].removeprefix("data: "))
    assert answer["answer"] == client.post("/api/ask", json=question).json()["answer"]


def test_real_assistant_rejects_empty_question(client: TestClient) -> None:
    response = client.post("/api/ask", json={"question": "   "})
    assert response.status_code == 422
    assert response.json()["detail"] == "de vraag is leeg; typ een vraag over de actieplannen"


def test_search_and_slashed_card_lookup(client: TestClient) -> None:
    results = client.get(
        "/api/search", params={"q": "armoede", "municipality": "Aalst", "k": 5}
    ).json()["results"]
    assert results and {r["doc"] for r in results} == {AALST}
    card = client.get(f"/api/cards/{LIER_2024}/01/11/SAP/02/04")
    assert card.status_code == 200
    assert card.json()["card"]["id"] == "01/11/SAP/02/04"
    assert card.json()["ancestors"][0]["id"] == "01/11/SAP/02"


def test_upload_search_and_delete_a_docx(client: TestClient, tmp_path: Path) -> None:
    document = Document()
    document.add_heading("1 Deelfietsen in de binnenstad", level=1)
    document.add_paragraph("De stad plaatst twintig deelfietsstations aan de stations en scholen.")
    buffer = io.BytesIO()
    document.save(buffer)
    before = {d["doc"] for d in client.get("/api/documents").json()["documents"]}

    response = client.post(
        "/api/documents",
        files={"file": ("mobiliteit.docx", buffer.getvalue())},
        headers={"X-API-Key": KEY},
    )
    assert response.status_code == 201, response.text
    assert response.json()["cards"] >= 1
    hits = client.get(
        "/api/search", params={"q": "deelfietsstations", "doc": "mobiliteit.docx"}
    ).json()
    assert hits["results"] and hits["results"][0]["doc"] == "mobiliteit.docx"

    corrupt = client.post(
        "/api/documents",
        files={"file": ("mobiliteit.docx", b"PK\x03\x04 kapot")},
        headers={"X-API-Key": KEY},
    )
    assert corrupt.status_code == 422
    assert "mobiliteit.docx" in corrupt.json()["detail"]
    assert client.get(
        "/api/search", params={"q": "deelfietsstations", "doc": "mobiliteit.docx"}
    ).json()["results"]

    deleted = client.delete("/api/documents/mobiliteit.docx", headers={"X-API-Key": KEY})
    assert deleted.status_code == 200
    assert {d["doc"] for d in client.get("/api/documents").json()["documents"]} == before
