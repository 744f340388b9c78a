"""The heavy objects one server process shares: index, assistant, feedback store.

They are built once, off the event loop, so that `/health` answers (and `/health/ready` says
503) while a first start is still ingesting the sample corpus.
"""

from __future__ import annotations

import logging
import threading
import time

from actiewijzer.server.errors import ServiceUnavailableError
from actiewijzer.server.feedback_store import FeedbackStore
from actiewijzer.server.ports import AssistantPort, CardIndexPort
from actiewijzer.settings import Settings

log = logging.getLogger(__name__)

_LOADING = "de zoekindex wordt nog geladen; probeer het over enkele seconden opnieuw"


class Services:
    def __init__(
        self,
        settings: Settings,
        index: CardIndexPort | None = None,
        assistant: AssistantPort | None = None,
        feedback: FeedbackStore | None = None,
    ) -> None:
        self.settings = settings
        self.index = index
        self.assistant = assistant
        self.feedback = feedback or FeedbackStore(settings.feedback_path)
        self.load_error: str | None = None
        self.load_seconds: float | None = None
        self._loader: threading.Thread | None = None

    @property
    def ready(self) -> bool:
        return self.index is not None and self.assistant is not None and self.index.is_ready

    def require_index(self) -> CardIndexPort:
        if self.index is None:
            raise ServiceUnavailableError(self.not_ready_message())
        return self.index

    def require_assistant(self) -> AssistantPort:
        if self.assistant is None:
            raise ServiceUnavailableError(self.not_ready_message())
        return self.assistant

    def not_ready_message(self) -> str:
        if self.load_error:
            return f"de zoekindex kon niet geladen worden: {self.load_error}"
        return _LOADING

    def load(self, progress: bool = True) -> None:
        """Open (and on first start fill) the index, then build the assistant. Blocking."""
        started = time.perf_counter()
        try:
            if self.index is None:
                from actiewijzer.index.card_index import CardIndex

                index = CardIndex.open(self.settings)
                index.ensure_corpus(progress=progress)
                self.index = index
            if self.assistant is None:
                from actiewijzer.assistant.assistant import Assistant

                self.assistant = Assistant.from_settings(self.settings, self.index)
        except Exception as error:  # reported through /health/ready, not as a crash
            log.exception("loading the index failed")
            self.load_error = str(error) or type(error).__name__
            return
        self.load_seconds = time.perf_counter() - started
        log.info("index and assistant ready in %.1f s", self.load_seconds)
        self._warm_up()

    def _warm_up(self) -> None:
        """Load the query embedder and embed every card line now rather than during the first
        visitors' questions.

        Readiness does not wait for it: the index is usable, and a question that arrives
        first simply waits on the same (locked) lazy load.
        """
        if self.index is None or self.assistant is None:
            return
        started = time.perf_counter()
        try:
            self.index.search("opstarten", k=1)
            self.assistant.warm_up()
        except Exception:
            log.exception("warming up the embedder failed")
            return
        log.info("embedder warm in %.1f s", time.perf_counter() - started)

    def load_in_background(self, progress: bool = True) -> None:
        if self.ready or self._loader is not None:
            return
        self._loader = threading.Thread(
            target=self.load, kwargs={"progress": progress}, name="actiewijzer-load", daemon=True
        )
        self._loader.start()

    def wait_until_loaded(self, timeout: float | None = None) -> bool:
        if self._loader is not None:
            self._loader.join(timeout)
        return self.ready
