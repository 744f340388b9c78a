"""`actiewijzer serve`: API, chat UI and widget on one port."""

from __future__ import annotations

import argparse
import logging

from actiewijzer.settings import get_settings


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "serve",
        help="start de webserver (API onder /api, chat op /)",
        description=(
            "Start API (/api), chatinterface (/) en widget (/widget.js, /embed). Bij de eerste "
            "start met een lege index wordt het voorbeeldcorpus geïndexeerd."
        ),
    )
    parser.add_argument("--host", help="adres om op te luisteren (standaard uit instellingen)")
    parser.add_argument("--port", type=int, help="poort (standaard uit instellingen, 8000)")
    parser.add_argument("--no-ui", action="store_true", help="alleen de API, zonder chat-UI")
    parser.add_argument(
        "--workers",
        type=int,
        default=1,
        help="aantal processen; elk laadt de index zelf (meer geheugen, meer doorvoer)",
    )
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning"])
    parser.set_defaults(func=serve)


def serve(args: argparse.Namespace) -> int:
    import uvicorn

    from actiewijzer.server.app import create_app

    logging.basicConfig(level=args.log_level.upper(), format="%(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    host = args.host or settings.host
    port = args.port or settings.port
    print(f"Actiewijzer op http://{host}:{port}/ (API-documentatie: /api/docs)", flush=True)
    if args.workers > 1:
        from actiewijzer.index.card_index import CardIndex

        # Ingest once here rather than racing in every worker; each worker then opens the
        # built index before it accepts requests.
        CardIndex.open(settings).ensure_corpus(progress=True)
        # Several processes need an import string; each builds its own app from the settings.
        app_name = "create_worker_api_app" if args.no_ui else "create_worker_app"
        uvicorn.run(
            f"actiewijzer.server.app:{app_name}",
            factory=True,
            host=host,
            port=port,
            workers=args.workers,
            log_level=args.log_level,
            proxy_headers=True,
        )
        return 0
    app = create_app(settings, with_ui=not args.no_ui)
    uvicorn.run(app, host=host, port=port, log_level=args.log_level, proxy_headers=True)
    return 0
