"""Chroma + BM25 hybrid retrieval over action cards."""
