"""Prompt templates and phrase files, loaded as package data from `actiewijzer.prompts`."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined, Template

PROMPT_PACKAGE = "actiewijzer.prompts"


def read_text(name: str) -> str:
    return resources.files(PROMPT_PACKAGE).joinpath(name).read_text(encoding="utf-8")


@cache
def load_yaml(name: str) -> dict[str, Any]:
    data = yaml.safe_load(read_text(name))
    if not isinstance(data, dict):
        raise ValueError(f"promptbestand '{name}' bevat geen mapping")
    return data


@cache
def environment() -> Environment:
    # StrictUndefined: a typo in a template fails loudly instead of printing an empty string.
    # Plain text, no HTML: answers are escaped where they are displayed.
    return Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)


@cache
def template(name: str) -> Template:
    return environment().from_string(read_text(name))


def render(name: str, **context: Any) -> str:
    """Render a `*.j2` file from the prompts package."""
    return template(name).render(**context).strip()


@cache
def _phrase_template(source: str) -> Template:
    return environment().from_string(source)


@cache
def out_of_scope_examples() -> list[str]:
    """Questions about things the documents never cover, to tell a question's subject by."""
    return [str(example) for example in load_yaml("out_of_scope_examples.yaml")["examples"]]


class Phrases:
    """The Dutch answer phrases of `answers.yaml`: `phrases.say("budget_none", ref=...)`."""

    def __init__(self, file_name: str = "answers.yaml") -> None:
        self._data = load_yaml(file_name)

    def say(self, key: str, **context: Any) -> str:
        try:
            source = self._data[key]
        except KeyError:
            known = ", ".join(sorted(k for k, v in self._data.items() if isinstance(v, str)))
            raise KeyError(f"onbekende zin '{key}'; bekend: {known}") from None
        return _phrase_template(str(source)).render(**context).strip()

    def table(self, key: str) -> dict[str, str]:
        value = self._data[key]
        if not isinstance(value, dict):
            raise TypeError(f"'{key}' in answers.yaml is geen tabel")
        return {str(k): str(v) for k, v in value.items()}


@cache
def phrases() -> Phrases:
    return Phrases()
