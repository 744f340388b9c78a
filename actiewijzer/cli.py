"""`actiewijzer` command: each room registers its own sub-commands."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

# Each module exposes `register(subparsers)`; sub-commands set `func` to their handler.
_COMMAND_MODULES = (
    "actiewijzer.ingest.cli",
    "actiewijzer.index.cli",
    "actiewijzer.assistant.cli",
    "actiewijzer.server.cli",
    "actiewijzer.eval.cli",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="actiewijzer",
        description="Vragen over Vlaamse actieplannen, met exacte bronvermelding.",
    )
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module_name in _COMMAND_MODULES:
        try:
            module = import_module(module_name)
        except ModuleNotFoundError as error:
            if error.name != module_name:
                raise
            continue
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = args.func
    return handler(args)


if __name__ == "__main__":
    sys.exit(main())
