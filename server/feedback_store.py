"""Thumbs up/down on answers, kept in SQLite so that feedback survives restarts.

One short-lived connection per call: SQLite connections are not shareable across the server's
worker threads, and opening one costs microseconds. WAL mode lets readers and the single
writer work side by side.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import IntEnum
from pathlib import Path

from pydantic import BaseModel, Field, field_validator

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    rating INTEGER NOT NULL CHECK (rating IN (-1, 1)),
    comment TEXT NOT NULL DEFAULT '',
    citations TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT 'api'
)
"""

_RATING_WORDS = {"up": 1, "+1": 1, "1": 1, "down": -1, "-1": -1}


class Rating(IntEnum):
    UP = 1
    DOWN = -1


class FeedbackIn(BaseModel):
    question: str = Field(min_length=1, max_length=20_000)
    answer: str = Field(max_length=100_000)
    rating: Rating
    comment: str = Field(default="", max_length=5_000)
    citations: list[str] = Field(default_factory=list, max_length=50)  # "doc::id" keys

    @field_validator("rating", mode="before")
    @classmethod
    def _rating_from_word(cls, value: object) -> object:
        # The widget and UI send "up"/"down"; scripts may send +1/-1. Anything else is refused.
        if isinstance(value, bool):
            raise ValueError(f"ongeldige beoordeling {value!r}; geldig: up, down, 1, -1")
        if isinstance(value, str):
            key = value.strip().lower()
            if key not in _RATING_WORDS:
                raise ValueError(f"ongeldige beoordeling '{value}'; geldig: up, down, 1, -1")
            return _RATING_WORDS[key]
        if value not in (1, -1):
            raise ValueError(f"ongeldige beoordeling {value!r}; geldig: up, down, 1, -1")
        return value


class FeedbackRecord(FeedbackIn):
    id: int
    created_at: datetime
    source: str


class FeedbackStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as conn:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        conn = sqlite3.connect(self.path, timeout=10)
        try:
            with conn:  # commits on success, rolls back on error
                yield conn
        finally:
            conn.close()

    def add(self, feedback: FeedbackIn, source: str = "api") -> int:
        with self._connect() as conn:
            cursor = conn.execute(
                "INSERT INTO feedback (created_at, question, answer, rating, comment, citations,"
                " source) VALUES (?, ?, ?, ?, ?, ?, ?)",
                (
                    datetime.now(UTC).isoformat(),
                    feedback.question,
                    feedback.answer,
                    int(feedback.rating),
                    feedback.comment,
                    _encode_keys(feedback.citations),
                    source,
                ),
            )
            row_id = cursor.lastrowid
        assert row_id is not None
        return row_id

    def get(self, feedback_id: int) -> FeedbackRecord | None:
        with self._connect() as conn:
            row = conn.execute(_SELECT + " WHERE id = ?", (feedback_id,)).fetchone()
        return _record(row) if row else None

    def recent(self, limit: int = 50) -> list[FeedbackRecord]:
        with self._connect() as conn:
            rows = conn.execute(_SELECT + " ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [_record(row) for row in rows]

    def count(self) -> int:
        with self._connect() as conn:
            (total,) = conn.execute("SELECT COUNT(*) FROM feedback").fetchone()
        return int(total)


_SELECT = (
    "SELECT id, created_at, question, answer, rating, comment, citations, source FROM feedback"
)


def _encode_keys(keys: list[str]) -> str:
    return json.dumps(keys, ensure_ascii=False)


def _record(row: tuple[object, ...]) -> FeedbackRecord:
    feedback_id, created_at, question, answer, rating, comment, citations, source = row
    return FeedbackRecord(
        id=int(str(feedback_id)),
        created_at=datetime.fromisoformat(str(created_at)),
        question=str(question),
        answer=str(answer),
        rating=Rating(int(str(rating))),
        comment=str(comment),
        citations=json.loads(str(citations)),
        source=str(source),
    )
