"""Feedback: SQLite durability, rating words, and POST /api/feedback."""

from __future__ import annotations

import sqlite3
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from pydantic import ValidationError
from test_api_fakes import fake_app

from actiewijzer.server.feedback_store import FeedbackIn, FeedbackStore, Rating
from actiewijzer.settings import Settings


def entry(rating: object = "up", **overrides: object) -> FeedbackIn:
    fields = {"question": "Wat is actie 07_04_01?", "answer": "Een antwoord.", "rating": rating}
    return FeedbackIn.model_validate({**fields, **overrides})


def test_a_new_store_on_the_same_file_sees_the_row(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "feedback.sqlite3"
    first = FeedbackStore(path)
    row_id = first.add(entry("down", comment="bron klopt niet", citations=["004.txt::07_04_01"]))
    del first
    reopened = FeedbackStore(path)
    record = reopened.get(row_id)
    assert record is not None
    assert record.rating is Rating.DOWN
    assert record.comment == "bron klopt niet"
    assert record.citations == ["004.txt::07_04_01"]
    assert record.source == "api"
    # Another process (a plain sqlite3 client) sees it too: the row is committed on disk.
    with sqlite3.connect(path) as raw:
        assert raw.execute("SELECT question, rating FROM feedback").fetchall() == [
            ("Wat is actie 07_04_01?", -1)
        ]


@pytest.mark.parametrize(
    ("given", "stored"), [("up", 1), ("UP", 1), ("down", -1), (1, 1), (-1, -1), ("-1", -1)]
)
def test_rating_accepts_words_and_numbers(given: object, stored: int) -> None:
    assert int(entry(given).rating) == stored


@pytest.mark.parametrize("given", ["meh", 0, 2, True, None])
def test_rating_rejects_other_values(given: object) -> None:
    with pytest.raises(ValidationError):
        entry(given)


def test_concurrent_writers_lose_nothing(tmp_path: Path) -> None:
    store = FeedbackStore(tmp_path / "f.sqlite3")
    with ThreadPoolExecutor(max_workers=8) as pool:
        ids = list(pool.map(lambda i: store.add(entry("up", comment=str(i))), range(40)))
    assert len(set(ids)) == 40
    assert store.count() == 40
    assert [r.id for r in store.recent(3)] == sorted(ids, reverse=True)[:3]


def test_post_feedback_stores_under_the_data_dir(settings: Settings) -> None:
    app, _, _ = fake_app(settings)
    client = TestClient(app)
    response = client.post(
        "/api/feedback",
        json={
            "question": "Wat kost actie D4.2-A3?",
            "answer": "3 000 EUR",
            "rating": "up",
            "comment": "top",
        },
    )
    assert response.status_code == 201
    row_id = response.json()["id"]
    assert settings.feedback_path.parent == settings.data_dir
    record = FeedbackStore(settings.feedback_path).get(row_id)
    assert record is not None and record.comment == "top" and record.rating is Rating.UP


def test_post_feedback_with_bad_rating_is_dutch_422(settings: Settings) -> None:
    app, _, _ = fake_app(settings)
    response = TestClient(app).post(
        "/api/feedback", json={"question": "q", "answer": "a", "rating": "meh"}
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "ongeldige beoordeling 'meh'; geldig: up, down, 1, -1"
