"""GET /api/search, /api/cards/{doc}/{id} (slashed ids) and /api/documents."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from fastapi.testclient import TestClient
from test_api_fakes import AALST, LIER, SLASHED_ID, fake_app

from actiewijzer.settings import Settings


@pytest.fixture
def client(settings: Settings) -> TestClient:
    app, _, _ = fake_app(settings)
    return TestClient(app)


def test_search_returns_ranked_results_with_all_fields(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "sociaal huis", "k": 3})
    assert response.status_code == 200
    results = response.json()["results"]
    top = results[0]
    assert top["id"] == SLASHED_ID
    for key in (
        "doc",
        "title",
        "kind",
        "score",
        "start_line",
        "end_line",
        "snippet",
        "document_label",
        "year",
        "status",
    ):
        assert key in top, key
    assert top["status"] == "2 - Halverwege"
    assert top["year"] == 2024


def test_search_filters_reach_the_index(client: TestClient) -> None:
    everywhere = client.get("/api/search", params={"q": "huurpremie sociaal huis"}).json()
    assert {r["doc"] for r in everywhere["results"]} == {LIER, AALST}
    aalst_only = client.get(
        "/api/search", params={"q": "huurpremie sociaal huis", "municipality": "Aalst"}
    ).json()
    assert {r["doc"] for r in aalst_only["results"]} == {AALST}
    by_status = client.get(
        "/api/search", params={"q": "huurpremie sociaal huis", "status": "lopend"}
    )
    assert [r["id"] for r in by_status.json()["results"]] == ["D4.2-A3"]


def test_search_unknown_document_lists_known_ones(client: TestClient) -> None:
    response = client.get("/api/search", params={"q": "huis", "doc": "nope.pdf"})
    assert response.status_code == 404
    assert response.json()["detail"] == f"onbekend document 'nope.pdf'; bekend: {LIER}, {AALST}"


@pytest.mark.parametrize(
    ("params", "fragment"),
    [
        ({}, "veld 'q' ontbreekt"),
        ({"q": "   "}, "mag niet leeg zijn"),
        ({"q": "x", "k": 0}, "'k' moet minstens 1 zijn"),
        ({"q": "x", "k": "veel"}, "'k' moet een geheel getal zijn"),
        ({"q": "x", "kind": "wens"}, "ongeldige waarde 'wens' voor 'kind'; geldig: "),
        ({"q": "x" * 3000}, "te lang"),
    ],
)
def test_search_bad_parameters_are_explained(
    client: TestClient, params: dict[str, object], fragment: str
) -> None:
    response = client.get("/api/search", params=params)
    assert response.status_code == 422
    assert fragment in response.json()["detail"]


def test_card_with_slashed_id(client: TestClient) -> None:
    response = client.get(f"/api/cards/{LIER}/{SLASHED_ID}")
    assert response.status_code == 200
    body = response.json()
    assert body["card"]["id"] == SLASHED_ID
    assert body["document"]["label"] == "Stad Lier – evaluatie 2024 Q2"
    assert [a["id"] for a in body["ancestors"]] == ["01/11/SAP/02", "01/11"]


def test_card_id_with_encoded_slashes_and_spaces(client: TestClient) -> None:
    assert client.get(f"/api/cards/{LIER}/{quote(SLASHED_ID, safe='')}").status_code == 200
    response = client.get(f"/api/cards/{AALST}/{quote('Ambitie 4')}")
    assert response.json()["card"]["title"] == "Iedereen een betaalbare woning"


def test_unknown_card_and_document_are_404_in_dutch(client: TestClient) -> None:
    card = client.get(f"/api/cards/{LIER}/01/11/SAP/99")
    assert card.status_code == 404
    assert card.json()["detail"].startswith("onbekende kaart '01/11/SAP/99'")
    document = client.get("/api/cards/nope.txt/01/11")
    assert document.status_code == 404
    assert "onbekend document 'nope.txt'" in document.json()["detail"]


def test_documents_lists_card_counts(client: TestClient) -> None:
    documents = client.get("/api/documents").json()["documents"]
    assert {d["doc"]: d["cards"] for d in documents} == {LIER: 3, AALST: 2}
    assert documents[0]["label"] == "Stad Lier – evaluatie 2024 Q2"


def test_unknown_route_and_method_are_dutch(client: TestClient) -> None:
    missing = client.get("/api/bestaat-niet")
    assert missing.status_code == 404
    assert missing.json() == {"detail": "niet gevonden: /api/bestaat-niet"}
    wrong = client.get("/api/ask")
    assert wrong.status_code == 405
    assert wrong.json()["detail"] == "methode GET is niet toegestaan voor /api/ask"
