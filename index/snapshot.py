"""One index generation loaded for reading: side store, BM25, id lookup and its Chroma store.

A snapshot never changes after loading; CardIndex swaps in a new one when the `current`
pointer moves, so a search always sees one consistent generation.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from actiewijzer.index.card_text import lexical_text
from actiewijzer.index.chroma_store import ChromaCardStore, make_client
from actiewijzer.index.docstore import Catalog, read_document
from actiewijzer.index.filters import ResolvedFilter, resolve_filters
from actiewijzer.index.id_lookup import IdLookup
from actiewijzer.index.lexical import LexicalIndex
from actiewijzer.index.manifest import IndexManifest, read_manifest
from actiewijzer.index.models import SearchFilters
from actiewijzer.index.snippet import Snippets
from actiewijzer.index.text_analysis import words

DOCS_FOLDER = "docs"
CHROMA_FOLDER = "chroma"


def collection_name(base: str, generation: str) -> str:
    return f"{base}-{generation}"


@dataclass(frozen=True)
class IndexSnapshot:
    generation: str | None
    manifest: IndexManifest | None
    catalog: Catalog
    lexical: LexicalIndex
    ids: IdLookup
    store: ChromaCardStore | None
    snippets: Snippets

    @classmethod
    def empty(cls) -> IndexSnapshot:
        return cls.of(None, None, Catalog([]), None)

    @classmethod
    def of(
        cls,
        generation: str | None,
        manifest: IndexManifest | None,
        catalog: Catalog,
        store: ChromaCardStore | None,
    ) -> IndexSnapshot:
        texts = [lexical_text(card, catalog.document_of(card)) for card in catalog.cards]
        lexical = LexicalIndex(catalog.cards, texts, _document_words(catalog))
        return cls(
            generation=generation,
            manifest=manifest,
            catalog=catalog,
            lexical=lexical,
            ids=IdLookup(catalog.cards),
            store=store,
            snippets=Snippets(lexical.analyzer),
        )

    @classmethod
    def load(cls, folder: Path, generation: str, chroma_url: str | None) -> IndexSnapshot:
        manifest = read_manifest(folder)
        manifest.check_schema()
        docs = folder / DOCS_FOLDER
        catalog = Catalog(read_document(docs, e.file) for e in manifest.documents.values())
        client = make_client(chroma_url, folder / CHROMA_FOLDER)
        store = ChromaCardStore(client, manifest.collection)
        return cls.of(generation, manifest, catalog, store)

    def resolve(self, filters: SearchFilters | None) -> ResolvedFilter:
        return resolve_filters(filters, self.catalog.infos)


def _document_words(catalog: Catalog) -> set[str]:
    """Words of document labels and municipality names: they name a document, not a topic."""
    found: set[str] = set()
    for info in catalog.infos.values():
        found.update(words(" ".join([info.label, info.issuer, *info.municipalities])))
    return found
