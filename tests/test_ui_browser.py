"""The real server in a real browser: ask a question, see a cited answer, open the card.

Starts `actiewijzer serve` (real index, real assistant, sample corpus ingested on first start)
on a free loopback port with a temporary data dir, and drives Debian's chromium through
Playwright. Leaves a screenshot in test-artifacts/ui.png.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(__file__).resolve().parents[1] / "test-artifacts"
READY_TIMEOUT_S = 600  # first start embeds the whole sample corpus on CPU


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    data_dir = tmp_path_factory.mktemp("ui-data")
    env = {
        **os.environ,
        "ACTIEWIJZER_DATA_DIR": str(data_dir),
        "ACTIEWIJZER_RATE_LIMIT": "1000/minute",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    log_path = data_dir / "server.log"
    with log_path.open("w") as log:
        process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "actiewijzer",
                "serve",
                "--host",
                "127.0.0.1",
                "--port",
                str(port),
            ],
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            _wait_until_ready(base, process, log_path)
            yield base
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()


def _wait_until_ready(base: str, process: subprocess.Popen[bytes], log_path: Path) -> None:
    deadline = time.monotonic() + READY_TIMEOUT_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"server stopped:\n{log_path.read_text()[-3000:]}")
        try:
            response = httpx.get(f"{base}/health/ready", timeout=2)
            if response.status_code == 200:
                return
            if "kon niet geladen" in response.text:
                pytest.fail(f"index failed to load: {response.text}")
        except httpx.TransportError:
            pass
        time.sleep(1)
    pytest.fail(f"server not ready in {READY_TIMEOUT_S} s:\n{log_path.read_text()[-3000:]}")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_ask_see_citation_open_card(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1400})
            page.goto(server + "/")
            expect(page.locator("html")).to_have_attribute("lang", "nl", timeout=30_000)
            page.get_by_label("Uw vraag").fill(
                "Wat is de stand van zaken van actie 01/11/SAP/02/04?"
            )
            page.locator("#aw-ask").click()

            chip = page.locator(".citation-chip").first
            expect(chip).to_be_visible(timeout=60_000)
            expect(chip).to_contain_text("01/11/SAP/02/04")
            answer = page.locator("#aw-chat").inner_text()
            assert "Bronnen:" in answer

            chip.click()
            card = page.locator("#aw-card article")
            expect(card).to_be_visible(timeout=30_000)
            expect(card).to_contain_text("01/11/SAP/02/04")
            expect(card).to_contain_text("Lier")
            page.screenshot(path=str(ARTIFACTS / "ui.png"), full_page=True)
        finally:
            browser.close()


@pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian's chromium at /usr/bin/chromium")
def test_embedded_widget_answers_with_sources(server: str) -> None:
    from playwright.sync_api import expect, sync_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": 1100, "height": 1300})
            page.goto(server + "/embed")
            widget = page.locator(".actiewijzer-widget")
            widget.get_by_label("Uw vraag").fill("Welke acties rond kinderarmoede zijn er?")
            widget.get_by_role("button", name="Vraag").click()
            expect(widget.locator(".cites .chip").first).to_be_visible(timeout=60_000)
            page.screenshot(path=str(ARTIFACTS / "widget.png"), full_page=True)
        finally:
            browser.close()
