"""The app factory: FastAPI under /api, the Gradio chat at /, on one port."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from starlette.concurrency import run_in_threadpool

from actiewijzer import __version__
from actiewijzer.server import (
    router_ask,
    router_cards,
    router_documents,
    router_feedback,
    router_health,
    router_search,
    router_site,
)
from actiewijzer.server.errors import install_error_handlers
from actiewijzer.server.feedback_store import FeedbackStore
from actiewijzer.server.guards import BodySizeLimitMiddleware, RateLimitMiddleware, build_limiter
from actiewijzer.server.ports import AssistantPort, CardIndexPort
from actiewijzer.server.services import Services
from actiewijzer.settings import Settings, get_settings

_DESCRIPTION = """
Vragen over Vlaamse lokale actieplannen, met exacte bronvermelding per actiekaart
(nummer, document en jaar).

* De API is **stateless**: stuur het gesprek tot nu toe mee in `history`.
* Fouten komen terug als `{"detail": "<Nederlandse uitleg>"}`.
* Beheer (documenten opladen/verwijderen) vraagt de header `X-API-Key`.
"""


def create_app(
    settings: Settings | None = None,
    index: CardIndexPort | None = None,
    assistant: AssistantPort | None = None,
    *,
    feedback: FeedbackStore | None = None,
    with_ui: bool = True,
    load_progress: bool = True,
    wait_for_index: bool = False,
) -> FastAPI:
    """Build the app. A missing index/assistant is loaded at startup: in the background by
    default, or before the first request is accepted with `wait_for_index` (one of several
    worker processes must not take requests it cannot answer)."""
    settings = settings or get_settings()
    services = Services(settings, index=index, assistant=assistant, feedback=feedback)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if wait_for_index:
            await run_in_threadpool(services.load, load_progress)
        # Off the event loop: /health answers and /health/ready says 503 while a first
        # start ingests the corpus. (Loading while Gradio builds the UI was measured slower:
        # the two fight over the GIL and the import lock.)
        services.load_in_background(progress=load_progress)
        yield

    app = FastAPI(
        title="Actiewijzer",
        version=__version__,
        description=_DESCRIPTION,
        lifespan=lifespan,
        docs_url="/api/docs",
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.services = services
    app.state.limiter = limiter = build_limiter(settings)
    install_error_handlers(app)

    # Added innermost first: CORS wraps everything so that even a 413 or 429 reaches the
    # widget on the city's site with the headers it needs to read the Dutch message.
    app.add_middleware(RateLimitMiddleware, limiter=limiter, rate=settings.rate_limit)
    app.add_middleware(
        BodySizeLimitMiddleware,
        json_limit=settings.max_request_bytes,
        upload_limit=settings.max_upload_bytes,
    )
    app.add_middleware(
        CORSMiddleware,
        allow_origins=settings.cors_origins,
        allow_methods=["GET", "POST"],
        allow_headers=["Content-Type", "Accept"],
        max_age=600,
    )

    for module in (
        router_health,
        router_ask,
        router_search,
        router_cards,
        router_documents,
        router_feedback,
        router_site,
    ):
        app.include_router(module.router)
    if with_ui:
        # Mounted last: Gradio at "/" catches every path the API did not claim.
        from actiewijzer.server.ui import mount_ui

        mount_ui(app, services)
    return app


def create_worker_app() -> FastAPI:
    """One of several `serve --workers` processes: settings from the environment."""
    return create_app(wait_for_index=True, load_progress=False)


def create_worker_api_app() -> FastAPI:
    """As create_worker_app, without the chat UI (`serve --workers N --no-ui`)."""
    return create_app(with_ui=False, wait_for_index=True, load_progress=False)
