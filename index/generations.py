"""Index generations: each ingest builds a fresh folder, then one os.replace publishes it.

Readers follow the `current` pointer file, so a query during an ingest sees the old generation,
and an ingest that fails or is killed never touches it. The previous generation is kept one
round, so a reader that loaded it just before a switch can finish its query.
"""

from __future__ import annotations

import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

POINTER_FILE = "current"
_GENERATION = re.compile(r"^g(\d{6})$")


class GenerationStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._generations = root / "generations"

    def path(self, name: str) -> Path:
        return self._generations / name

    def current(self) -> str | None:
        try:
            name = (self.root / POINTER_FILE).read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            return None
        return name if _GENERATION.match(name) and self.path(name).is_dir() else None

    def stamp(self) -> tuple[int, int] | None:
        """Cheap change detector for readers: the pointer file's inode and mtime."""
        try:
            stat = (self.root / POINTER_FILE).stat()
        except FileNotFoundError:
            return None
        return (stat.st_ino, stat.st_mtime_ns)

    def names(self) -> list[str]:
        if not self._generations.is_dir():
            return []
        return sorted(p.name for p in self._generations.iterdir() if _GENERATION.match(p.name))

    def create(self) -> str:
        existing = [int(_GENERATION.match(n).group(1)) for n in self.names()]  # type: ignore[union-attr]
        name = f"g{max(existing, default=0) + 1:06d}"
        self.path(name).mkdir(parents=True)
        return name

    def publish(self, name: str) -> None:
        pointer = self.root / POINTER_FILE
        tmp = self.root / (POINTER_FILE + ".tmp")
        tmp.write_text(name + "\n", encoding="utf-8")
        os.replace(tmp, pointer)

    def obsolete(self, keep: set[str]) -> list[str]:
        return [n for n in self.names() if n not in keep]

    def delete(self, name: str) -> None:
        shutil.rmtree(self.path(name), ignore_errors=True)

    @contextmanager
    def writer_lock(self) -> Iterator[None]:
        """One writer at a time across processes; readers never take it."""
        self.root.mkdir(parents=True, exist_ok=True)
        with open(self.root / ".lock", "w") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)
