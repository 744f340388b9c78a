"""Hybrid ranking: exact action numbers first, then BM25 and dense results fused by RRF.

Overview cards (a policy goal, an ambition, a grondrecht section) share words with every action
below them and would crowd the list; they are weighted down slightly so the actions lead, while
a question that names an overview card by number still gets it first.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

from actiewijzer.index import fusion
from actiewijzer.index.dense import DenseRetriever
from actiewijzer.index.docstore import Catalog
from actiewijzer.index.filters import ResolvedFilter
from actiewijzer.index.id_lookup import IdLookup
from actiewijzer.index.lexical import LexicalIndex
from actiewijzer.index.models import MatchSource, Ranked, RetrievalMode
from actiewijzer.index.query_hints import read_hints
from actiewijzer.ingest.models import CardKind

# Cards that summarise other cards; plans and goals sit halfway between them and actions.
OVERVIEW_KINDS = frozenset(
    {CardKind.BELEIDSDOELSTELLING, CardKind.AMBITIE, CardKind.GRONDRECHT, CardKind.SECTIE}
)
INTERMEDIATE_KINDS = frozenset({CardKind.ACTIEPLAN, CardKind.DOELSTELLING})


@dataclass(frozen=True)
class RankingPolicy:
    lexical_weight: float = 1.0
    dense_weight: float = 1.0
    # Candidates each retriever contributes before fusion.
    pool: int = 60
    # Relevance cut-off: a card stays when one retriever finds it nearly as good as its best.
    lexical_ratio: float = 0.5  # of the best BM25 score
    dense_margin: float = 0.02  # below the best cosine (e5 similarities are compressed)
    min_hits: int = 3  # the cut-off never leaves fewer (unless fewer matched at all)
    rrf_k: int = fusion.RRF_K
    phrase_weight: float = 1.0
    # A card BM25 scores this many times above the next one gets a voice of its own.
    clear_lexical_lead: float = 1.5
    lead_weight: float = 1.0
    # RRF scores are flat (1/61 vs 1/62), so a factor of 0.97 already moves a card ~2 places.
    overview_weight: float = 0.97
    year_boost: float = 1.05
    municipality_boost: float = 1.03

    def kind_weight(self, kind: CardKind) -> float:
        if kind in OVERVIEW_KINDS:
            return self.overview_weight
        if kind in INTERMEDIATE_KINDS:
            return (1.0 + self.overview_weight) / 2
        return 1.0


@dataclass
class RankedCard:
    key: str
    score: float  # 0..1; 1.0 for a card the question names by number
    sources: list[MatchSource] = field(default_factory=list)


class HybridSearcher:
    def __init__(
        self,
        catalog: Catalog,
        lexical: LexicalIndex,
        ids: IdLookup,
        dense: DenseRetriever | None,
        policy: RankingPolicy | None = None,
    ) -> None:
        self._catalog = catalog
        self._lexical = lexical
        self._ids = ids
        self._dense = dense
        self.policy = policy or RankingPolicy()

    def search(
        self, query: str, k: int | None, admitted: ResolvedFilter, mode: RetrievalMode
    ) -> list[RankedCard]:
        if admitted.matches_nothing:
            return []
        policy = self.policy
        pool = None if k is None else max(policy.pool, 3 * k)
        lexical: list[Ranked] = []
        dense: list[Ranked] = []
        phrases: list[Ranked] = []
        if mode in (RetrievalMode.HYBRID, RetrievalMode.LEXICAL):
            lexical = self._lexical.search(query, pool, admitted)
            phrases = self._lexical.phrase_search(query, admitted)
        if mode in (RetrievalMode.HYBRID, RetrievalMode.DENSE) and self._dense is not None:
            dense = self._dense.search(query, pool or max(policy.pool, 150), admitted)
        rankings = [r for r in (lexical, dense) if r]
        weights = [
            w for r, w in ((lexical, policy.lexical_weight), (dense, policy.dense_weight)) if r
        ]
        scale = fusion.max_fused_score(weights, policy.rrf_k) if weights else 1.0
        if phrases:
            # Not part of the scale: a named card may score above the rest, and scores of
            # questions without a name stay comparable with those that have one.
            rankings.append(phrases)
            weights.append(policy.phrase_weight)
        if len(lexical) >= 2 and lexical[0].score >= policy.clear_lexical_lead * lexical[1].score:
            # "jaarbudget voor huistaakbegeleiding": one card prints the question's rare words,
            # the next one a fraction of them; rank fusion alone would weigh both alike.
            rankings.append(lexical[:1])
            weights.append(policy.lead_weight)

        factor = self._factors(query)
        fused = fusion.reweight(
            fusion.reciprocal_rank_fusion(rankings, weights, policy.rrf_k), factor
        )
        exact = (
            self._exact(query, admitted, factor, fused) if mode is not RetrievalMode.DENSE else []
        )
        ranked = fusion.promote(exact, fused, score=scale)

        relevant = self._relevant(lexical, dense) | set(exact) | {r.key for r in phrases}
        found_by = (
            (MatchSource.EXACT_ID, set(exact)),
            (MatchSource.LEXICAL, {r.key for r in lexical}),
            (MatchSource.DENSE, {r.key for r in dense}),
        )
        results: list[RankedCard] = []
        for position, item in enumerate(ranked):
            if k is not None and len(results) >= k:
                break
            if item.key not in relevant and position >= policy.min_hits:
                continue
            results.append(
                RankedCard(
                    key=item.key,
                    score=min(1.0, item.score / scale),
                    sources=[source for source, keys in found_by if item.key in keys],
                )
            )
        return results

    def closeness(self, query: str) -> float | None:
        return self._dense.closeness(query) if self._dense is not None else None

    def _factors(self, query: str) -> _Factors:
        """Per card: kind weight times the document preference the question hints at."""
        hints = read_hints(query, self._catalog.infos)
        by_doc = {
            doc: hints.factor(info, self.policy.year_boost, self.policy.municipality_boost)
            for doc, info in self._catalog.infos.items()
        }
        return _Factors(self._catalog, by_doc, self.policy)

    def _exact(
        self, query: str, admitted: ResolvedFilter, factor: _Factors, fused: list[Ranked]
    ) -> list[str]:
        """Cards the question names by number; equally good matches (the same number in two
        reports) are ordered by the hinted year/municipality, then by the fused score."""
        fused_score = {r.key: r.score for r in fused}
        matches = [m for m in self._ids.find(query) if m.strong and admitted.admits(m.card)]
        matches.sort(
            key=lambda m: (
                m.sort_key(),
                -factor.document(m.card.doc),
                -fused_score.get(m.card.key, 0.0),
            )
        )
        return [m.card.key for m in matches]

    def _relevant(self, lexical: list[Ranked], dense: list[Ranked]) -> set[str]:
        keep: set[str] = set()
        if lexical:
            floor = lexical[0].score * self.policy.lexical_ratio
            keep.update(r.key for r in lexical if r.score >= floor)
        if dense:
            floor = dense[0].score - self.policy.dense_margin
            keep.update(r.key for r in dense if r.score >= floor)
        return keep


class _Factors(Mapping[str, float]):
    """Lazy per-key factors, so fusion.reweight can take them as a plain mapping."""

    def __init__(self, catalog: Catalog, by_doc: dict[str, float], policy: RankingPolicy) -> None:
        self._catalog = catalog
        self._by_doc = by_doc
        self._policy = policy

    def document(self, doc: str) -> float:
        return self._by_doc.get(doc, 1.0)

    def __getitem__(self, key: str) -> float:
        card = self._catalog.by_key[key]
        return self._policy.kind_weight(card.kind) * self.document(card.doc)

    def __iter__(self) -> Iterator[str]:
        return iter(self._catalog.by_key)

    def __len__(self) -> int:
        return len(self._catalog.by_key)
