"""Writes a new index generation next to the current one and publishes it only when complete.

Documents that did not change are carried over (side-store file and vectors copied, nothing
embedded again); new or changed ones are embedded. Any failure removes the half-built
generation and leaves `current` untouched.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING

from actiewijzer.index.card_text import embedding_text
from actiewijzer.index.chroma_store import (
    ChromaCardStore,
    card_node,
    forget_embedded_client,
    make_client,
)
from actiewijzer.index.docstore import unique_cards, write_document
from actiewijzer.index.generations import GenerationStore
from actiewijzer.index.manifest import DocumentEntry, IndexManifest, write_manifest
from actiewijzer.index.snapshot import CHROMA_FOLDER, DOCS_FOLDER, IndexSnapshot, collection_name
from actiewijzer.ingest.models import ParsedDocument

if TYPE_CHECKING:
    from actiewijzer.index.embeddings import Embedder


@dataclass(frozen=True)
class SourceDocument:
    """A parsed document plus where it came from, so an unchanged file can be recognised."""

    document: ParsedDocument
    source_sha256: str
    source_path: str | None = None


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


@cache
def parser_version() -> str:
    """Changes whenever any ingest code changes, so better parsers re-ingest old files.

    Hashing the ingest package's sources needs no one to remember to bump a number."""
    package = import_module("actiewijzer.ingest")
    root = Path(str(package.__file__)).parent
    digest = hashlib.sha256()
    for source in sorted(root.rglob("*.py")):
        digest.update(source.relative_to(root).as_posix().encode())
        digest.update(source.read_bytes())
    return digest.hexdigest()[:16]


class GenerationBuilder:
    def __init__(
        self,
        generations: GenerationStore,
        embedder: Embedder,
        chroma_url: str | None,
        collection_base: str,
    ) -> None:
        self._generations = generations
        self._embedder = embedder
        self._chroma_url = chroma_url
        self._collection_base = collection_base

    def build(
        self,
        base: IndexSnapshot,
        carry: Sequence[str],
        fresh: Sequence[SourceDocument],
        progress: bool = False,
    ) -> str:
        """Returns the new generation's name once it is published."""
        name = self._generations.create()
        folder = self._generations.path(name)
        collection = collection_name(self._collection_base, name)
        store: ChromaCardStore | None = None
        try:
            store = ChromaCardStore(
                make_client(self._chroma_url, folder / CHROMA_FOLDER), collection, create=True
            )
            manifest = IndexManifest(
                generation=name,
                model_id=self._embedder.model_id,
                dim=self._embedder.dim,
                collection=collection,
            )
            self._carry_over(base, carry, folder, store, manifest)
            for source in fresh:
                self._add(source, folder, store, manifest, progress)
            write_manifest(folder, manifest)
            self._generations.publish(name)
        except BaseException:  # KeyboardInterrupt too: never leave a half generation behind
            self.discard(name, store)
            raise
        return name

    def _carry_over(
        self,
        base: IndexSnapshot,
        carry: Sequence[str],
        folder: Path,
        store: ChromaCardStore,
        manifest: IndexManifest,
    ) -> None:
        if not carry or base.manifest is None or base.generation is None or base.store is None:
            return
        old_docs = self._generations.path(base.generation) / DOCS_FOLDER
        new_docs = folder / DOCS_FOLDER
        new_docs.mkdir(parents=True, exist_ok=True)
        for doc in carry:
            entry = base.manifest.documents[doc]
            shutil.copy2(old_docs / entry.file, new_docs / entry.file)
            manifest.documents[doc] = entry
        store.copy_documents_from(base.store, list(carry))

    def _add(
        self,
        source: SourceDocument,
        folder: Path,
        store: ChromaCardStore,
        manifest: IndexManifest,
        progress: bool,
    ) -> None:
        document = unique_cards(source.document)
        texts = [embedding_text(card, document) for card in document.cards]
        vectors = self._embedder.embed_passages(texts, progress=progress) if texts else []
        store.add(
            [
                card_node(card, document.info, text, vector)
                for card, text, vector in zip(document.cards, texts, vectors, strict=True)
            ]
        )
        file_name = write_document(folder / DOCS_FOLDER, document)
        manifest.documents[document.info.doc] = DocumentEntry(
            doc=document.info.doc,
            file=file_name,
            source_sha256=source.source_sha256,
            parser_version=parser_version(),
            family=document.info.family.value,
            cards=len(document.cards),
            source_path=source.source_path,
        )

    def discard(self, name: str, store: ChromaCardStore | None = None) -> None:
        if store is None and self._chroma_url:
            try:
                client = make_client(self._chroma_url, Path())
                store = ChromaCardStore(client, collection_name(self._collection_base, name))
            except Exception:  # never created: nothing to drop
                store = None
        if store is not None and self._chroma_url:
            store.drop()
        forget_embedded_client(self._generations.path(name) / CHROMA_FOLDER)
        self._generations.delete(name)

    def clean_up(self, keep: set[str]) -> list[str]:
        """Delete generations other than `keep` (the new one and the one readers may still use)."""
        removed = self._generations.obsolete(keep)
        for name in removed:
            self.discard(name)
        return removed
