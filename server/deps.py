"""FastAPI dependencies. Tests replace any of them through `app.dependency_overrides`."""

from __future__ import annotations

import hmac
from typing import Annotated

from fastapi import Depends, Header, Request

from actiewijzer.server.errors import AdminDisabledError, AdminKeyError
from actiewijzer.server.feedback_store import FeedbackStore
from actiewijzer.server.ports import AssistantPort, CardIndexPort
from actiewijzer.server.services import Services
from actiewijzer.settings import Settings


def get_services(request: Request) -> Services:
    services: Services = request.app.state.services
    return services


ServicesDep = Annotated[Services, Depends(get_services)]


def get_app_settings(services: ServicesDep) -> Settings:
    return services.settings


def get_index(services: ServicesDep) -> CardIndexPort:
    return services.require_index()


def get_assistant(services: ServicesDep) -> AssistantPort:
    return services.require_assistant()


def get_feedback_store(services: ServicesDep) -> FeedbackStore:
    return services.feedback


SettingsDep = Annotated[Settings, Depends(get_app_settings)]
IndexDep = Annotated[CardIndexPort, Depends(get_index)]
AssistantDep = Annotated[AssistantPort, Depends(get_assistant)]
FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback_store)]


def check_admin_key(settings: Settings, given: str | None) -> None:
    """Shared by the API and the Gradio admin tab."""
    expected = settings.admin_api_key.get_secret_value() if settings.admin_api_key else ""
    if not expected:
        raise AdminDisabledError()
    # Constant-time comparison: the key is the only thing standing before document deletion.
    if not given or not hmac.compare_digest(given.encode(), expected.encode()):
        raise AdminKeyError()


def require_admin(
    settings: SettingsDep,
    x_api_key: Annotated[str | None, Header(description="beheerderssleutel")] = None,
) -> None:
    check_admin_key(settings, x_api_key)


AdminDep = Annotated[None, Depends(require_admin)]
