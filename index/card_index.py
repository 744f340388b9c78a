"""CardIndex: the one facade the assistant, server and eval use to store and find cards."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from rapidfuzz import fuzz, process

from actiewijzer.index.builder import GenerationBuilder, SourceDocument, file_sha256, parser_version
from actiewijzer.index.card_text import context_titles
from actiewijzer.index.dense import DenseRetriever, QueryVectors
from actiewijzer.index.docstore import read_document, unique_cards
from actiewijzer.index.errors import UnknownCardError, UnknownDocumentError
from actiewijzer.index.generations import GenerationStore
from actiewijzer.index.hybrid import HybridSearcher, RankingPolicy
from actiewijzer.index.models import IngestReport, RetrievalMode, SearchFilters, SearchHit
from actiewijzer.index.passages import PassageCloseness
from actiewijzer.index.snapshot import DOCS_FOLDER, IndexSnapshot
from actiewijzer.ingest.models import Card, DocumentInfo, IngestError, ParsedDocument
from actiewijzer.settings import Settings

if TYPE_CHECKING:
    from actiewijzer.index.embeddings import Embedder

Parse = Callable[[Path], ParsedDocument]


def _default_parse(path: Path) -> ParsedDocument:
    from actiewijzer.ingest.pipeline import parse_file

    return parse_file(path)


def expand(paths: Sequence[Path]) -> list[Path]:
    """Folders become the supported documents inside them (README files skipped)."""
    from actiewijzer.ingest.pipeline import expand_paths

    return expand_paths(paths)


class CardIndex:
    def __init__(
        self,
        settings: Settings,
        embedder: Embedder | None = None,
        parse: Parse = _default_parse,
        policy: RankingPolicy | None = None,
    ) -> None:
        self._settings = settings
        self._embedder = embedder
        self._parse = parse
        self._policy = policy or RankingPolicy()
        self._generations = GenerationStore(settings.index_dir)
        self._lock = threading.RLock()
        self._vectors: QueryVectors | None = None
        self._passages: PassageCloseness | None = None
        self._stamp: tuple[int, int] | None = None
        self._snapshot = IndexSnapshot.empty()
        self._searcher: HybridSearcher | None = None

    @classmethod
    def open(cls, settings: Settings, embedder: Embedder | None = None) -> CardIndex:
        index = cls(settings, embedder)
        index._current()
        return index

    # -- reading -------------------------------------------------------------------------

    @property
    def embedder(self) -> Embedder:
        with self._lock:
            if self._embedder is None:
                from actiewijzer.index.embeddings import CachedEmbedder, make_embedder

                # The cache makes --rebuild and re-ingesting edited documents cheap: only
                # cards whose text changed are embedded again.
                self._embedder = CachedEmbedder.for_settings(
                    make_embedder(self._settings), self._settings
                )
            return self._embedder

    @property
    def is_ready(self) -> bool:
        return bool(self._current().catalog.cards)

    @property
    def generation(self) -> str | None:
        return self._current().generation

    def search(
        self,
        query: str,
        k: int | None = 8,
        filters: SearchFilters | None = None,
        mode: RetrievalMode = RetrievalMode.HYBRID,
    ) -> list[SearchHit]:
        """Best cards first. k=None returns every card above the relevance cut-off."""
        snapshot = self._current()
        searcher = self._searcher_for(snapshot, mode)
        admitted = snapshot.resolve(filters)
        ranked = searcher.search(query, k, admitted, mode) if query.strip() else []
        hits = []
        for item in ranked:
            card = snapshot.catalog.by_key[item.key]
            document = snapshot.catalog.document_of(card)
            hits.append(
                SearchHit(
                    card=card,
                    document=document.info,
                    score=round(item.score, 4),
                    snippet=snapshot.snippets.for_card(card, query),
                    sources=item.sources,
                    context=context_titles(card, document),
                )
            )
        return hits

    def closeness(self, query: str) -> float | None:
        """How near the query's meaning comes to the nearest card (cosine similarity of the
        embeddings); None without dense search or cards."""
        if not query.strip():
            return None
        snapshot = self._current()
        return self._searcher_for(snapshot, RetrievalMode.HYBRID).closeness(query)

    def passage_closeness(self, query: str, passages: Sequence[str]) -> list[float] | None:
        """The cosine similarity of the query to each passage; None without dense search."""
        if not query.strip() or self._current().store is None:
            return None
        return self._passage_vectors()(query, passages)

    def remember_passages(self, passages: Sequence[str], progress: bool = False) -> None:
        """Embed the passages questions will be compared with now, not during a question."""
        if self._current().store is not None:
            self._passage_vectors().remember(passages, progress)

    def lookup_ids(self, text: str) -> list[Card]:
        return [match.card for match in self._current().ids.find(text)]

    def get_document(self, doc: str) -> ParsedDocument:
        documents = self._current().catalog.documents
        if doc not in documents:
            raise UnknownDocumentError(doc, sorted(documents))
        return documents[doc]

    def get_card(self, doc: str, card_id: str) -> Card:
        document = self.get_document(doc)
        card = document.by_id(card_id)
        if card is None:
            raise UnknownCardError(doc, card_id, self._suggest_ids(document, card_id))
        return card

    def documents(self) -> list[DocumentInfo]:
        return list(self._current().catalog.infos.values())

    def cards(self, doc: str | None = None) -> list[Card]:
        if doc is not None:
            return list(self.get_document(doc).cards)
        return list(self._current().catalog.cards)

    # -- writing -------------------------------------------------------------------------

    def ingest_paths(
        self, paths: Sequence[Path], progress: bool = True, rebuild: bool = False
    ) -> list[IngestReport]:
        """Parse and store files. Unchanged files (same bytes, same parser) cost nothing."""
        from tqdm import tqdm

        with self._generations.writer_lock():
            base = self._current(force=True)
            if base.manifest is not None and not rebuild:
                base.manifest.check_model(self.embedder.model_id, self.embedder.dim)
            reports: list[IngestReport] = []
            fresh: dict[str, SourceDocument] = {}
            for path in tqdm(expand(paths), desc="inlezen", disable=not progress):
                report, source = self._read(path, base, rebuild)
                reports.append(report)
                if source is not None:
                    fresh[source.document.info.doc] = source
            carry = [
                d for d in (base.manifest.documents if base.manifest else {}) if d not in fresh
            ]
            if rebuild:
                for doc in carry:
                    fresh[doc] = self._reread(base, doc)
                carry = []
            if fresh:
                self._publish(base, carry, list(fresh.values()), progress)
            return reports

    def ensure_corpus(self, progress: bool = True) -> list[IngestReport]:
        if self.is_ready:
            return []
        return self.ingest_paths([self._settings.corpus_dir], progress=progress)

    def remove_document(self, doc: str) -> int:
        with self._generations.writer_lock():
            base = self._current(force=True)
            if doc not in base.catalog.documents:
                raise UnknownDocumentError(doc, sorted(base.catalog.documents))
            removed = len(base.catalog.documents[doc].cards)
            carry = [d for d in base.catalog.documents if d != doc]
            self._publish(base, carry, [], progress=False)
            return removed

    # -- internals -----------------------------------------------------------------------

    def _read(
        self, path: Path, base: IndexSnapshot, rebuild: bool
    ) -> tuple[IngestReport, SourceDocument | None]:
        try:
            sha = file_sha256(path)
            if (
                base.manifest
                and not rebuild
                and base.manifest.is_unchanged(path.name, sha, parser_version())
            ):
                entry = base.manifest.documents[path.name]
                return IngestReport(
                    doc=path.name, family=entry.family, cards=entry.cards, skipped=True
                ), None
            document = unique_cards(self._parse(path))
        except IngestError as error:
            return IngestReport(doc=path.name, family="", cards=0, error=error.reason), None
        except OSError as error:
            return IngestReport(
                doc=path.name, family="", cards=0, error=f"niet leesbaar: {error}"
            ), None
        report = IngestReport(
            doc=document.info.doc, family=document.info.family.value, cards=len(document.cards)
        )
        return report, SourceDocument(document, sha, str(path.resolve()))

    def _reread(self, base: IndexSnapshot, doc: str) -> SourceDocument:
        """For --rebuild: parse the original file again when it is still there, else re-embed
        the stored cards as they are."""
        assert base.manifest is not None and base.generation is not None
        entry = base.manifest.documents[doc]
        path = Path(entry.source_path) if entry.source_path else None
        if path is not None and path.is_file():
            try:
                return SourceDocument(self._parse(path), file_sha256(path), str(path))
            except IngestError:
                pass  # keep what we had rather than lose the document
        folder = self._generations.path(base.generation) / DOCS_FOLDER
        return SourceDocument(
            read_document(folder, entry.file), entry.source_sha256, entry.source_path
        )

    def _publish(
        self, base: IndexSnapshot, carry: list[str], fresh: list[SourceDocument], progress: bool
    ) -> None:
        builder = GenerationBuilder(
            self._generations,
            self.embedder,
            self._settings.chroma_url,
            self._settings.chroma_collection,
        )
        name = builder.build(base, carry, fresh, progress=progress)
        keep = {name} | ({base.generation} if base.generation else set())
        builder.clean_up(keep)
        self._current(force=True)

    def _current(self, force: bool = False) -> IndexSnapshot:
        """The published generation; reloaded when another process (or we) moved the pointer."""
        stamp = self._generations.stamp()
        if not force and stamp == self._stamp:
            return self._snapshot
        with self._lock:
            if force or stamp != self._stamp:
                name = self._generations.current()
                if name is None:
                    snapshot = IndexSnapshot.empty()
                else:
                    snapshot = IndexSnapshot.load(
                        self._generations.path(name), name, self._settings.chroma_url
                    )
                self._snapshot, self._stamp, self._searcher = snapshot, stamp, None
            return self._snapshot

    def _searcher_for(self, snapshot: IndexSnapshot, mode: RetrievalMode) -> HybridSearcher:
        with self._lock:
            if self._searcher is not None and self._snapshot is snapshot:
                return self._searcher
            dense = None
            if (
                snapshot.store is not None
                and snapshot.manifest is not None
                and mode != RetrievalMode.LEXICAL
            ):
                snapshot.manifest.check_model(self.embedder.model_id, self.embedder.dim)
                dense = DenseRetriever(
                    snapshot.store, self._query_vectors(), snapshot.catalog.by_key, snapshot.resolve
                )
            searcher = HybridSearcher(
                snapshot.catalog, snapshot.lexical, snapshot.ids, dense, self._policy
            )
            if self._snapshot is snapshot and dense is not None:
                self._searcher = searcher
            return searcher

    def _query_vectors(self) -> QueryVectors:
        with self._lock:
            if self._vectors is None:
                self._vectors = QueryVectors(self.embedder)
            return self._vectors

    def _passage_vectors(self) -> PassageCloseness:
        with self._lock:
            if self._passages is None:
                self._passages = PassageCloseness(self.embedder, self._query_vectors())
            return self._passages

    @staticmethod
    def _suggest_ids(document: ParsedDocument, card_id: str) -> list[str]:
        ids = [c.id for c in document.cards]
        close = process.extract(card_id, ids, scorer=fuzz.WRatio, limit=5, score_cutoff=60)
        return [match[0] for match in close] or ids
