"""Compares a summary with the thresholds in thresholds.yaml."""

from __future__ import annotations

from importlib import resources

import yaml

from actiewijzer.eval.metrics import Summary

# Metrics where a larger value is worse.
_AT_MOST = {"unknown_id_answers", "latency_p95_ms", "latency_median_ms"}


def load_thresholds() -> dict[str, float]:
    text = resources.files("actiewijzer.eval").joinpath("thresholds.yaml").read_text("utf-8")
    return {str(k): float(v) for k, v in yaml.safe_load(text).items()}


def gate_failures(summary: Summary, thresholds: dict[str, float]) -> list[str]:
    values = summary.model_dump()
    failures = []
    for metric, limit in thresholds.items():
        if metric not in values:
            raise KeyError(f"onbekende metriek '{metric}'; bekend: {', '.join(sorted(values))}")
        value = values[metric]
        if value is None:
            continue
        if metric in _AT_MOST and value > limit:
            failures.append(f"{metric} = {value} > {limit}")
        elif metric not in _AT_MOST and value < limit:
            failures.append(f"{metric} = {value} < {limit}")
    return failures
