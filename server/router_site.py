"""The embeddable chat widget (/widget.js) and the page that shows how to embed it (/embed)."""

from __future__ import annotations

import html
from importlib import resources

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response

router = APIRouter(tags=["widget"])


def _static(name: str) -> str:
    return resources.files("actiewijzer.server").joinpath("static", name).read_text("utf-8")


@router.get("/widget.js", summary="Insluitbare chatwidget", response_class=Response)
def widget_js() -> Response:
    return Response(
        _static("widget.js"),
        media_type="application/javascript; charset=utf-8",
        # Sites embed it cross-origin; an hour of caching spares the server on busy pages.
        headers={"Cache-Control": "public, max-age=3600", "Access-Control-Allow-Origin": "*"},
    )


@router.get("/embed", summary="Voorbeeldpagina: de widget insluiten", response_class=HTMLResponse)
def embed_page(request: Request) -> HTMLResponse:
    base = str(request.base_url).rstrip("/")
    page = _static("embed.html").replace("{{BASE_URL}}", html.escape(base, quote=True))
    return HTMLResponse(page)
