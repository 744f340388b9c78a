"""`actiewijzer eval`: score the assistant on the question set, gate on thresholds."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from actiewijzer.settings import AnswerBackend, get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("eval", help="meet de assistent op de vragenset")
    parser.add_argument(
        "--backend",
        choices=[backend.value for backend in AnswerBackend],
        help="antwoordbackend (standaard: uit de instellingen)",
    )
    parser.add_argument("--out", type=Path, default=Path("eval-out"), help="map voor het rapport")
    parser.add_argument("--split", choices=["all", "dev", "heldout"], default="all")
    parser.add_argument("--questions", type=Path, help="eigen vragenbestand (YAML)")
    parser.add_argument("--no-gate", action="store_true", help="niet falen onder de drempels")
    parser.set_defaults(func=run_eval)


def run_eval(args: argparse.Namespace) -> int:
    from actiewijzer.assistant.assistant import Assistant
    from actiewijzer.eval.dataset import load_question_set
    from actiewijzer.eval.gate import gate_failures, load_thresholds
    from actiewijzer.eval.metrics import breakdown, summarise
    from actiewijzer.eval.report import EvalResult, write_report
    from actiewijzer.eval.runner import run_questions
    from actiewijzer.index.card_index import CardIndex

    settings = get_settings()
    if args.backend:
        settings = settings.model_copy(update={"answer_backend": AnswerBackend(args.backend)})
    question_set = load_question_set(args.questions)
    questions = [
        q for q in question_set.questions if args.split == "all" or q.split.value == args.split
    ]
    index = CardIndex.open(settings)
    index.ensure_corpus(progress=True)
    assistant = Assistant.from_settings(settings, index)
    assistant.warm_up(progress=True)  # latencies measure answering, not first-time embedding

    scores = run_questions(questions, lambda q, h: assistant.ask(q, h), index)
    overall = summarise(scores)
    failures = [] if args.no_gate else gate_failures(overall, load_thresholds())
    result = EvalResult(
        question_set_version=question_set.version,
        backend=settings.answer_backend.value,
        overall=overall,
        by_split=breakdown(scores, "split"),
        by_kind=breakdown(scores, "kind"),
        by_doc=breakdown(scores, "doc"),
        failures=failures,
        scores=scores,
    )
    paths = write_report(result, args.out)
    print(Path(paths[1]).read_text("utf-8").split("## Per question kind")[0])
    print("Rapport: " + ", ".join(str(p) for p in paths))
    for failure in failures:
        print(f"ONDER DE DREMPEL: {failure}", file=sys.stderr)
    return 1 if failures else 0
