"""Writes the eval result as JSON, a Markdown report and a PNG chart."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from actiewijzer.eval.metrics import QuestionScore, Summary

_COLUMNS = (
    ("questions", "n"),
    ("hit_at_1", "hit@1"),
    ("hit_at_5", "hit@5"),
    ("mrr", "MRR"),
    ("gold_recall", "gold recall@10"),
    ("fact_recall", "fact recall"),
    ("citation_precision", "cit. precision"),
    ("citation_recall", "cit. recall"),
    ("refusal_accuracy", "refusal acc."),
    ("grounding_rate", "grounded"),
    ("latency_median_ms", "p50 ms"),
    ("latency_p95_ms", "p95 ms"),
)


class EvalResult(BaseModel):
    question_set_version: str
    backend: str
    overall: Summary
    by_split: dict[str, Summary]
    by_kind: dict[str, Summary]
    by_doc: dict[str, Summary]
    failures: list[str]  # thresholds not met
    scores: list[QuestionScore]


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.3f}" if value <= 1 else f"{value:.0f}"
    return str(value)


def _table(rows: dict[str, Summary]) -> list[str]:
    header = "| | " + " | ".join(label for _, label in _COLUMNS) + " |"
    lines = [header, "|" + "---|" * (len(_COLUMNS) + 1)]
    for name, summary in rows.items():
        values = summary.model_dump()
        lines.append(f"| {name} | " + " | ".join(_cell(values[k]) for k, _ in _COLUMNS) + " |")
    return lines


def markdown(result: EvalResult) -> str:
    lines = [
        f"# Actiewijzer eval – question set {result.question_set_version}, backend `{result.backend}`",
        "",
        "## Overall and per split (heldout is never tuned on)",
        *_table({"all": result.overall, **result.by_split}),
        "",
        "## Per question kind",
        *_table(result.by_kind),
        "",
        "## Per document",
        *_table(result.by_doc),
        "",
        "## Gate",
        *(f"- FAIL: {failure}" for failure in result.failures),
        *(["- all thresholds met"] if not result.failures else []),
        "",
        "## Questions that missed something",
    ]
    for score in result.scores:
        problems = []
        if score.answerable and score.hit_at_5 is False:
            problems.append("gold not in top 5")
        if score.facts_missing:
            problems.append(f"missing facts {score.facts_missing}")
        if score.citation_precision is not None and score.citation_precision < 1:
            problems.append(f"citation precision {score.citation_precision:.2f}")
        if not score.refusal_correct:
            problems.append("wrong refusal behaviour")
        if not score.grounded:
            problems.append(f"ungrounded {score.ungrounded_figures + score.unknown_ids}")
        if problems:
            lines.append(f"- `{score.question_id}` ({score.kind}): " + "; ".join(problems))
    return "\n".join(lines) + "\n"


def chart(result: EvalResult, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    metrics = ("hit_at_5", "fact_recall", "citation_precision", "refusal_accuracy")
    kinds = list(result.by_kind)
    figure, axis = plt.subplots(figsize=(11, 4.5))
    width = 0.8 / len(metrics)
    for offset, metric in enumerate(metrics):
        values = [getattr(result.by_kind[kind], metric) or 0.0 for kind in kinds]
        axis.bar([i + offset * width for i in range(len(kinds))], values, width, label=metric)
    axis.set_xticks([i + 0.4 - width / 2 for i in range(len(kinds))], kinds, rotation=20)
    axis.set_ylim(0, 1.05)
    axis.set_title(f"Actiewijzer eval per question kind ({result.backend})")
    axis.legend(loc="lower left", fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_report(result: EvalResult, out_dir: Path) -> list[Path]:
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = [out_dir / "eval.json", out_dir / "eval.md", out_dir / "eval.png"]
    paths[0].write_text(result.model_dump_json(indent=2), "utf-8")
    paths[1].write_text(markdown(result), "utf-8")
    chart(result, paths[2])
    return paths
