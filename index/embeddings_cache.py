"""A persistent passage-vector cache, so re-ingesting unchanged cards embeds nothing.

Vectors live in one SQLite file (`<data_dir>/embcache/embeddings.sqlite3`), keyed by
sha256(model_id, text): a different model never reads another model's vectors.
Only passages are cached: queries are cheap to embed and are user input we do not keep.
"""

from __future__ import annotations

import hashlib
import sqlite3
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from actiewijzer.index.embeddings import Embedder
from actiewijzer.settings import Settings

_LOOKUP_CHUNK = 500  # keys per SELECT, well under SQLite's bound-parameter limit


@dataclass
class CacheStats:
    hits: int = 0
    misses: int = 0


class CachedEmbedder:
    def __init__(self, inner: Embedder, cache_dir: Path) -> None:
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.stats = CacheStats()
        cache_dir.mkdir(parents=True, exist_ok=True)
        self.path = cache_dir / "embeddings.sqlite3"
        # One connection shared by server threads; the lock serialises its use.
        self._lock = threading.Lock()
        self._db = sqlite3.connect(self.path, check_same_thread=False)
        with self._lock, self._db:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(
                "CREATE TABLE IF NOT EXISTS vectors (key BLOB PRIMARY KEY, vector BLOB NOT NULL)"
            )

    @classmethod
    def for_settings(cls, inner: Embedder, settings: Settings) -> CachedEmbedder:
        return cls(inner, settings.data_dir / "embcache")

    def _key(self, text: str) -> bytes:
        return hashlib.sha256(f"{self.model_id}\x00{text}".encode()).digest()

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        keys = [self._key(t) for t in texts]
        found = self._lookup(keys)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        missing: dict[bytes, list[int]] = {}  # a text repeated in one call is embedded once
        for row, key in enumerate(keys):
            vector = found.get(key)
            if vector is None:
                missing.setdefault(key, []).append(row)
            else:
                out[row] = vector
        self.stats.hits += len(texts) - sum(len(rows) for rows in missing.values())
        self.stats.misses += len(missing)
        if missing:
            first_rows = [rows[0] for rows in missing.values()]
            fresh = self.inner.embed_passages([texts[r] for r in first_rows], progress=progress)
            for rows, vector in zip(missing.values(), fresh, strict=True):
                out[rows] = vector
            self._store(dict(zip(missing, fresh, strict=True)))
        return out

    def embed_query(self, text: str) -> np.ndarray:
        return self.inner.embed_query(text)

    def __len__(self) -> int:
        with self._lock:
            (count,) = self._db.execute("SELECT COUNT(*) FROM vectors").fetchone()
        return int(count)

    def close(self) -> None:
        with self._lock:
            self._db.close()

    def _lookup(self, keys: list[bytes]) -> dict[bytes, np.ndarray]:
        found: dict[bytes, np.ndarray] = {}
        unique = list(dict.fromkeys(keys))
        with self._lock:
            for start in range(0, len(unique), _LOOKUP_CHUNK):
                chunk = unique[start : start + _LOOKUP_CHUNK]
                marks = ",".join("?" * len(chunk))
                rows = self._db.execute(
                    f"SELECT key, vector FROM vectors WHERE key IN ({marks})", chunk
                )
                for key, blob in rows:
                    if len(blob) == self.dim * 4:  # a truncated row counts as a miss
                        found[key] = np.frombuffer(blob, dtype=np.float32)
        return found

    def _store(self, vectors: dict[bytes, np.ndarray]) -> None:
        rows = [(key, np.asarray(v, dtype=np.float32).tobytes()) for key, v in vectors.items()]
        with self._lock, self._db:
            self._db.executemany("INSERT OR REPLACE INTO vectors (key, vector) VALUES (?, ?)", rows)
