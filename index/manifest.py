"""What one index generation holds and how it was built (embedding model, schema, parser)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from pydantic import BaseModel, Field

from actiewijzer.index.errors import EmbeddingModelMismatchError, IndexSchemaError

# Bump when the stored layout or the indexed text changes: old indexes then ask for a rebuild.
SCHEMA_VERSION = 1
MANIFEST_FILE = "manifest.json"


class DocumentEntry(BaseModel):
    doc: str
    file: str  # side-store file name inside the generation's docs/ folder
    source_sha256: str  # of the file as ingested: the same bytes + parser need no new work
    parser_version: str
    family: str
    cards: int
    source_path: str | None = None


class IndexManifest(BaseModel):
    schema_version: int = SCHEMA_VERSION
    generation: str
    model_id: str
    dim: int
    collection: str  # Chroma collection holding this generation's vectors
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    documents: dict[str, DocumentEntry] = Field(default_factory=dict)

    def check_schema(self) -> None:
        if self.schema_version != SCHEMA_VERSION:
            raise IndexSchemaError(self.schema_version, SCHEMA_VERSION)

    def check_model(self, model_id: str, dim: int) -> None:
        if (self.model_id, self.dim) != (model_id, dim):
            raise EmbeddingModelMismatchError(self.model_id, self.dim, model_id, dim)

    def is_unchanged(self, doc: str, source_sha256: str, parser_version: str) -> bool:
        entry = self.documents.get(doc)
        return (
            entry is not None
            and entry.source_sha256 == source_sha256
            and entry.parser_version == parser_version
        )

    def doc_for_source(self, source_sha256: str, parser_version: str) -> str | None:
        return next(
            (
                e.doc
                for e in self.documents.values()
                if e.source_sha256 == source_sha256 and e.parser_version == parser_version
            ),
            None,
        )


def read_manifest(folder: Path) -> IndexManifest:
    return IndexManifest.model_validate_json((folder / MANIFEST_FILE).read_text(encoding="utf-8"))


def write_manifest(folder: Path, manifest: IndexManifest) -> None:
    tmp = folder / (MANIFEST_FILE + ".tmp")
    tmp.write_text(manifest.model_dump_json(indent=2), encoding="utf-8")
    tmp.replace(folder / MANIFEST_FILE)
