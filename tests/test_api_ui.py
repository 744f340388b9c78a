"""The Gradio UI mounted at / next to the API, and the helpers behind its buttons."""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import gradio as gr
import pytest
from fastapi.testclient import TestClient
from pydantic import SecretStr
from test_api_fakes import (
    AALST,
    LIER,
    SLASHED_ID,
    FakeCardIndex,
    ScriptedAssistant,
    sample_documents,
)

from actiewijzer.assistant.models import Citation
from actiewijzer.server import ui_actions
from actiewijzer.server.app import create_app
from actiewijzer.server.feedback_store import Rating
from actiewijzer.server.services import Services
from actiewijzer.server.ui_render import (
    SOURCES_MARKER,
    card_html,
    chip_label,
    history_turns,
    to_csv,
)
from actiewijzer.settings import Settings


@pytest.fixture
def services(tmp_path: Path) -> Services:
    settings = Settings(data_dir=tmp_path / "data", admin_api_key=SecretStr("k"))
    index = FakeCardIndex(sample_documents())
    return Services(settings, index=index, assistant=ScriptedAssistant(index))


def test_ui_and_api_share_one_app(settings: Settings) -> None:
    index = FakeCardIndex(sample_documents())
    app = create_app(settings, index=index, assistant=ScriptedAssistant(index))
    with TestClient(app) as client:
        page = client.get("/")
        assert page.status_code == 200 and "<html" in page.text
        assert client.get("/api/documents").status_code == 200
        assert client.get("/health").json() == {"status": "ok"}
        assert client.get("/widget.js").status_code == 200


def test_chat_streams_and_returns_citations(services: Services) -> None:
    steps = list(ui_actions.answer(services, "sociaal huis", []))
    messages, citations, box = steps[-1]
    assert box == ""
    assert messages[0] == {"role": "user", "content": "sociaal huis"}
    assert messages[-1]["content"].startswith("Volgens actie 01/11/SAP/02/04")
    assert SOURCES_MARKER in messages[-1]["content"]
    assert citations[0]["id"] == SLASHED_ID
    assert len(steps) > 2  # tokens arrived before the final answer


def test_chat_refuses_empty_question_in_dutch(services: Services) -> None:
    with pytest.raises(gr.Error, match="typ eerst een vraag"):
        list(ui_actions.answer(services, "  ", []))
    with pytest.raises(gr.Error, match="te lang"):
        list(ui_actions.answer(services, "x" * 5000, []))


def test_history_drops_source_lines_and_reads_gradio_parts() -> None:
    messages = [
        {"role": "user", "content": [{"type": "text", "text": "Wat doet Lier?"}]},
        {"role": "assistant", "content": "Antwoord." + SOURCES_MARKER + "[1] 01/11"},
    ]
    turns = history_turns(messages)
    assert [(t.role, t.content) for t in turns] == [
        ("user", "Wat doet Lier?"),
        ("assistant", "Antwoord."),
    ]


def test_thumbs_are_stored_with_the_question(services: Services) -> None:
    messages = [
        {"role": "user", "content": [{"type": "text", "text": "Wat doet Lier?"}]},
        {"role": "assistant", "content": [{"type": "text", "text": "Antwoord."}]},
    ]
    assert ui_actions.record_feedback(services, messages, liked=False, position=1)
    (record,) = services.feedback.recent()
    assert (record.question, record.answer, record.rating, record.source) == (
        "Wat doet Lier?",
        "Antwoord.",
        Rating.DOWN,
        "ui",
    )


def test_card_view_marks_quoted_lines(services: Services) -> None:
    html = ui_actions.card_view(
        services, LIER, SLASHED_ID, ["Het sociaal huis is verhuisd naar de nieuwe site."]
    )
    assert '<mark aria-label="geciteerd">Het sociaal huis is verhuisd' in html
    assert html.count("<mark") == 1
    assert ">52</span>" in html  # line numbers of the source
    with pytest.raises(gr.Error, match="onbekende kaart"):
        ui_actions.card_view(services, LIER, "01/99", [])


def test_card_html_escapes_document_text(services: Services) -> None:
    card = (
        services.require_index()
        .get_card(LIER, SLASHED_ID)
        .model_copy(update={"title": "<script>x</script>"})
    )
    info = services.require_index().get_document(LIER).info
    assert "<script>" not in card_html(card, info)


def test_chip_label_names_number_title_document_and_year() -> None:
    citation = Citation(
        doc=LIER,
        id=SLASHED_ID,
        title="Uitbouw van het sociaal huis",
        kind="actie",
        document_label="Stad Lier – evaluatie 2024 Q2",
        year=2024,
        start_line=1,
        end_line=2,
    )
    assert chip_label(2, citation) == (
        "[2] 01/11/SAP/02/04 · Uitbouw van het sociaal huis · Stad Lier – evaluatie 2024 Q2 (2024)"
    )


def test_find_cards_by_topic_and_by_filters_with_csv(services: Services) -> None:
    rows, keys, csv_path = ui_actions.find_cards(services, "huurpremie", None, None, None, "")
    assert keys == [(AALST, "D4.2-A3")]
    assert rows[0][:2] == ["D4.2-A3", "Huurpremie uitbreiden"]
    assert csv_path is not None
    parsed = list(csv.reader(io.StringIO(Path(csv_path).read_text("utf-8-sig")), delimiter=";"))
    assert parsed[0][0] == "Nummer" and parsed[1][0] == "D4.2-A3"
    browsed, browsed_keys, _ = ui_actions.find_cards(services, "", None, "Lier", 2024, "halverwege")
    assert browsed_keys == [(LIER, SLASHED_ID)]
    assert browsed[0][4] == "2 - Halverwege"
    nothing, _, no_csv = ui_actions.find_cards(services, "", None, None, 1999, "")
    assert nothing == [] and no_csv is None


def test_filter_choices_come_from_the_documents(services: Services) -> None:
    choices = ui_actions.filter_choices(services)
    assert choices.municipalities == ["Aalst", "Lier"]
    assert choices.years == [2023, 2024, 2025]
    assert (f"Stad Lier – evaluatie 2024 Q2 ({LIER})", LIER) in choices.documents


def test_admin_tab_checks_the_key_then_uploads(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "nieuw.txt"
    source.write_text("Actie 5: deelfietsen\n", encoding="utf-8")
    with pytest.raises(gr.Error, match="beheerderssleutel"):
        ui_actions.upload(services, "fout", str(source))
    message = ui_actions.upload(services, "k", str(source))
    assert message == "'nieuw.txt' toegevoegd: 1 kaarten geïndexeerd (generic)."
    assert ui_actions.delete(services, "k", "nieuw.txt") == "'nieuw.txt' verwijderd (1 kaarten)."


def test_csv_uses_semicolons_for_dutch_spreadsheets() -> None:
    text = to_csv([["01/11", "Titel; met puntkomma", "Doc", "2024", "", ""]])
    assert text.splitlines()[1] == '01/11;"Titel; met puntkomma";Doc;2024;;'


def test_csv_downloads_reuse_one_file_and_old_ones_are_removed(tmp_path: Path) -> None:
    rows = [["01/11", "Titel", "Doc", "2024", "", ""]]
    first = ui_actions._write_csv(rows, tmp_path)
    assert ui_actions._write_csv(rows, tmp_path) == first
    stale = tmp_path / "actiekaarten-oud.csv"
    stale.write_text("x", encoding="utf-8")
    an_hour_and_more_ago = stale.stat().st_mtime - ui_actions.DOWNLOAD_MAX_AGE_S - 60
    os.utime(stale, (an_hour_and_more_ago, an_hour_and_more_ago))
    other = ui_actions._write_csv([["02/01", "Ander", "Doc", "2024", "", ""]], tmp_path)
    assert not stale.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        [Path(first).name, Path(other).name]
    )
