"""`actiewijzer ask "…" [--json] [--history FILE]`: one question from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import TypeAdapter, ValidationError

from actiewijzer.assistant.errors import AssistantError
from actiewijzer.assistant.models import Answer, ChatTurn
from actiewijzer.settings import get_settings

_HISTORY = TypeAdapter(list[ChatTurn])


class HistoryFileError(ValueError):
    pass


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ask", help="stel een vraag over de documenten")
    parser.add_argument("question", help="de vraag, tussen aanhalingstekens")
    parser.add_argument("--json", action="store_true", help="het volledige antwoord als JSON")
    parser.add_argument(
        "--history",
        type=Path,
        help='JSON-bestand met eerdere beurten: [{"role": "user"|"assistant", "content": "…"}]',
    )
    parser.set_defaults(func=run_ask)


def load_history(path: Path) -> list[ChatTurn]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise HistoryFileError(f"geschiedenisbestand '{path}' bestaat niet") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
        raise HistoryFileError(
            f"geschiedenisbestand '{path}' is geen geldige JSON: {error}"
        ) from None
    try:
        return _HISTORY.validate_python(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "bestand"
        raise HistoryFileError(
            f"geschiedenisbestand '{path}' klopt niet bij {where}: verwacht een lijst van "
            '{"role": "user" of "assistant", "content": "…"}'
        ) from None


def format_answer(answer: Answer) -> str:
    lines = [answer.answer, ""]
    if answer.citations:
        lines.append("Bronnen:")
        for citation in answer.citations:
            pages = f", p. {citation.start_page}" if citation.start_page else ""
            lines.append(
                f"- {citation.id} – {citation.document_label} "
                f"(regels {citation.start_line}-{citation.end_line}{pages})"
            )
    return "\n".join(lines).rstrip()


def run_ask(args: argparse.Namespace) -> int:
    try:
        history = load_history(args.history) if args.history else []
    except HistoryFileError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    from actiewijzer.assistant.assistant import Assistant
    from actiewijzer.index.card_index import CardIndex

    settings = get_settings()
    index = CardIndex.open(settings)
    index.ensure_corpus(progress=not args.json)
    try:
        assistant = Assistant.from_settings(settings, index)
        answer = assistant.ask(args.question, history)
    except AssistantError as error:
        print(f"fout: {error}", file=sys.stderr)
        return 2
    print(answer.model_dump_json(indent=2) if args.json else format_answer(answer))
    return 0
