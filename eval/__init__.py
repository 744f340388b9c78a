"""Question set and deterministic metrics."""
