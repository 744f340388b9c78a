"""Every error leaves the server as `{"detail": "<Dutch sentence>"}`, never as a stack trace."""

from __future__ import annotations

import logging
from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from actiewijzer.assistant.errors import BackendUnavailableError, InvalidQuestionError
from actiewijzer.index.errors import CardIndexError, UnknownCardError, UnknownDocumentError

log = logging.getLogger(__name__)


class ApiError(Exception):
    """An error whose Dutch message is fit for the client as it is."""

    status_code = 400

    def __init__(self, message: str, status_code: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        if status_code is not None:
            self.status_code = status_code


class ServiceUnavailableError(ApiError):
    status_code = 503


class AdminDisabledError(ApiError):
    status_code = 403

    def __init__(self) -> None:
        super().__init__(
            "beheerfuncties zijn uitgeschakeld: stel ACTIEWIJZER_ADMIN_API_KEY in om "
            "documenten te kunnen opladen of verwijderen"
        )


class AdminKeyError(ApiError):
    status_code = 401

    def __init__(self) -> None:
        super().__init__("ontbrekende of ongeldige beheerderssleutel (header X-API-Key)")


class UploadRejectedError(ApiError):
    status_code = 422

    def __init__(self, filename: str, reason: str, status_code: int | None = None) -> None:
        super().__init__(f"bestand '{filename}' geweigerd: {reason}", status_code)
        self.filename = filename
        self.reason = reason


_STATUS_MESSAGES = {
    400: "ongeldig verzoek",
    401: "niet aangemeld",
    403: "geen toegang",
    404: "niet gevonden: {path}",
    405: "methode {method} is niet toegestaan voor {path}",
    413: "het verzoek is te groot",
    415: "niet-ondersteund inhoudstype",
    429: "te veel verzoeken; probeer het later opnieuw",
}


def _english_phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _json(status: int, message: str, headers: dict[str, str] | None = None) -> JSONResponse:
    return JSONResponse({"detail": message}, status_code=status, headers=headers)


def _location(error: dict[str, Any]) -> str:
    # Drop the "body"/"query" prefix: the client knows where it put the field.
    parts = [str(p) for p in error.get("loc", ()) if p not in ("body", "query", "path", "header")]
    return ".".join(parts) or "verzoek"


def describe_validation_error(error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    where = _location(error)
    ctx = error.get("ctx") or {}
    value = error.get("input")
    shown = value if isinstance(value, int | float) or value is None else repr(value)[:80]
    if kind == "missing":
        return f"veld '{where}' ontbreekt"
    if kind in ("enum", "literal_error"):
        return f"ongeldige waarde {shown} voor '{where}'; geldig: {ctx.get('expected', '?')}"
    if kind == "string_too_short":
        return f"'{where}' mag niet leeg zijn"
    if kind == "string_too_long":
        return f"'{where}' is te lang (maximaal {ctx.get('max_length')} tekens)"
    if kind == "too_long":
        return f"'{where}' bevat te veel elementen (maximaal {ctx.get('max_length')})"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"'{where}' moet een geheel getal zijn, niet {shown}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{where}' moet minstens {ctx.get('ge', ctx.get('gt'))} zijn, niet {shown}"
    if kind in ("less_than_equal", "less_than"):
        return f"'{where}' mag hoogstens {ctx.get('le', ctx.get('lt'))} zijn, niet {shown}"
    if kind in ("string_type", "str_type"):
        return f"'{where}' moet tekst zijn"
    if kind in ("model_attributes_type", "dict_type", "model_type"):
        return f"'{where}' moet een JSON-object zijn"
    if kind == "list_type":
        return f"'{where}' moet een lijst zijn"
    if kind == "value_error":
        message = str(error.get("msg", ""))
        return message.removeprefix("Value error, ")
    if kind == "extra_forbidden":
        return f"onbekend veld '{where}'"
    return f"ongeldige waarde voor '{where}'"


async def _validation_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    errors = list(exc.errors())
    if any(e.get("type") == "json_invalid" for e in errors):
        return _json(400, "ongeldige JSON in de aanvraag; stuur een geldig JSON-object")
    return _json(422, "; ".join(describe_validation_error(e) for e in errors[:5]))


async def _http_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail
    # Starlette fills in English reason phrases; ours are already Dutch sentences.
    if not isinstance(detail, str) or not detail or detail == _english_phrase(exc.status_code):
        template = _STATUS_MESSAGES.get(exc.status_code, "fout bij het verwerken van het verzoek")
        detail = template.format(path=request.url.path, method=request.method)
    return _json(exc.status_code, detail, dict(exc.headers or {}))


async def _api_error_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return _json(exc.status_code, exc.message)


async def _lookup_handler(_: Request, exc: Exception) -> JSONResponse:
    return _json(404, str(exc))


async def _invalid_question_handler(_: Request, exc: Exception) -> JSONResponse:
    return _json(422, str(exc))


async def _backend_unavailable_handler(_: Request, exc: Exception) -> JSONResponse:
    log.error("answer backend unavailable: %s", exc)
    return _json(503, f"de antwoordmotor is niet beschikbaar: {exc}")


async def _index_error_handler(_: Request, exc: Exception) -> JSONResponse:
    log.error("index error: %s", exc)
    return _json(503, f"de zoekindex is niet bruikbaar: {exc}")


async def _unexpected_handler(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
    return _json(500, "er ging intern iets mis; probeer het later opnieuw")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(RequestValidationError, _validation_handler)
    app.add_exception_handler(StarletteHTTPException, _http_handler)
    app.add_exception_handler(ApiError, _api_error_handler)
    app.add_exception_handler(UnknownDocumentError, _lookup_handler)
    app.add_exception_handler(UnknownCardError, _lookup_handler)
    app.add_exception_handler(CardIndexError, _index_error_handler)
    app.add_exception_handler(InvalidQuestionError, _invalid_question_handler)
    app.add_exception_handler(BackendUnavailableError, _backend_unavailable_handler)
    app.add_exception_handler(Exception, _unexpected_handler)
