"""Protection for a public endpoint on a city website: per-client rate limit and body size caps."""

from __future__ import annotations

import json
import math
import time

from fastapi import HTTPException
from limits import RateLimitItem, parse
from slowapi import Limiter
from slowapi.util import get_remote_address
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from actiewijzer.settings import Settings

UPLOAD_PATH = "/api/documents"
RATE_LIMITED_PREFIX = "/api/"
# Multipart framing (boundaries, part headers) on top of the file itself.
_MULTIPART_OVERHEAD = 16 * 1024


def build_limiter(settings: Settings) -> Limiter:
    """slowapi's limiter holds the counters (in memory; a shared storage URI fits here later)."""
    return Limiter(key_func=get_remote_address, storage_uri="memory://")


class RateLimitMiddleware:
    """One allowance per client address for all of /api, so hopping between URLs gains nothing.

    slowapi's own middleware finds the route by walking `app.routes`, which no longer lists
    the routes of included routers in this FastAPI version; limiting by path prefix here is
    simpler and also covers unknown /api URLs. Probes, the widget and the UI stay unlimited.
    """

    def __init__(self, app: ASGIApp, limiter: Limiter, rate: str) -> None:
        self.app = app
        self.limiter = limiter
        self.rate = parse(rate)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            scope["type"] != "http"
            or not scope["path"].startswith(RATE_LIMITED_PREFIX)
            or scope["method"] == "OPTIONS"  # CORS preflights cost nothing and carry no question
        ):
            await self.app(scope, receive, send)
            return
        client = get_remote_address(Request(scope))
        counters = self.limiter.limiter
        if counters.hit(self.rate, RATE_LIMITED_PREFIX, client):
            await self.app(scope, receive, send)
            return
        reset_at, _remaining = counters.get_window_stats(self.rate, RATE_LIMITED_PREFIX, client)
        wait = max(1, math.ceil(reset_at - time.time()))
        detail = (
            f"te veel vragen vanaf uw adres (limiet {dutch_rate(self.rate)}); probeer het over {wait} "
            "seconden opnieuw"
        )
        await send_json_error(send, 429, detail, [(b"retry-after", str(wait).encode())])


_UNITS = {
    "second": ("seconde", "seconden"),
    "minute": ("minuut", "minuten"),
    "hour": ("uur", "uur"),
    "day": ("dag", "dagen"),
    "month": ("maand", "maanden"),
    "year": ("jaar", "jaar"),
}


def dutch_rate(rate: RateLimitItem) -> str:
    """'120/minute' -> '120 per minuut', '10/5 minutes' -> '10 per 5 minuten'."""
    one, many = _UNITS.get(rate.GRANULARITY.name, (rate.GRANULARITY.name,) * 2)
    period = one if rate.multiples == 1 else f"{rate.multiples} {many}"
    return f"{rate.amount} per {period}"


def _human_bytes(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    if size >= 1024:
        return f"{size / 1024:.0f} kB"
    return f"{size} bytes"


def too_large(limit: int, what: str) -> HTTPException:
    return HTTPException(
        status_code=413,
        detail=f"{what} is te groot; het maximum is {_human_bytes(limit)}",
    )


class BodySizeLimitMiddleware:
    """Refuses bodies over the limit, by Content-Length up front or while they stream in.

    JSON endpoints get the small `max_request_bytes`; uploads (ours and Gradio's) the larger
    `max_upload_bytes`, so a chat question can never be used to push megabytes at the server.
    """

    def __init__(self, app: ASGIApp, json_limit: int, upload_limit: int) -> None:
        self.app = app
        self.json_limit = json_limit
        self.upload_limit = upload_limit

    def _limit_for(self, path: str) -> tuple[int, int, str]:
        """(bytes accepted on the wire, limit named in the message, what is too large)."""
        if path.startswith("/api/") and path.rstrip("/") != UPLOAD_PATH:
            return self.json_limit, self.json_limit, "het verzoek"
        return self.upload_limit + _MULTIPART_OVERHEAD, self.upload_limit, "het bestand"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        limit, named_limit, what = self._limit_for(scope["path"])
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await send_json_error(send, 413, too_large(named_limit, what).detail)
            return

        received = 0

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    # Raised inside the endpoint's body read, so FastAPI turns it into a 413.
                    raise too_large(named_limit, what)
            return message

        await self.app(scope, counting_receive, send)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def send_json_error(
    send: Send, status: int, detail: str, extra_headers: list[tuple[bytes, bytes]] | None = None
) -> None:
    """Answer from a middleware, in the same {"detail": ...} shape as the exception handlers."""
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode()
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *(extra_headers or []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
