"""The Gradio chat UI (Dutch): chat with citation chips, card search for civil servants, admin."""

from __future__ import annotations

from functools import partial
from typing import Any

import gradio as gr
from fastapi import FastAPI

from actiewijzer.assistant.models import Citation
from actiewijzer.server import ui_actions
from actiewijzer.server.services import Services
from actiewijzer.server.ui_render import TABLE_HEADERS, chip_label

EXAMPLE_QUESTIONS = [
    "Wat is de stand van zaken van actie 01/11/SAP/02/04?",
    "Welke acties rond kinderarmoede staan in het Vlaams Actieplan Armoedebestrijding?",
    "Welk budget is voorzien voor de acties van Aalst rond wonen?",
    "Welke uitdagingen rond werk benoemt het addendum van Lier, Heist-op-den-Berg, Berlaar en Nijlen?",
]

_CSS = """
#aw-citations { flex-wrap: wrap; gap: .4rem; align-items: center; }
#aw-citations > * { flex: 0 0 auto !important; min-width: 0 !important; width: auto !important; }
.citation-chip { border-radius: 999px !important; border: 1px solid var(--color-accent) !important;
                 white-space: normal !important; text-align: left !important; }
.aw-card h3 { margin: 0 0 .25rem; }
.aw-meta { color: var(--body-text-color-subdued); margin: 0 0 .5rem; }
.aw-text { font-family: ui-monospace, monospace; font-size: .9rem; max-height: 28rem;
           overflow-y: auto; border: 1px solid var(--border-color-primary); padding: .5rem; }
.aw-line { white-space: pre-wrap; }
.aw-ln { display: inline-block; min-width: 3.5em; color: var(--body-text-color-subdued); }
.aw-text mark { background: #ffe08a; color: #1a1a1a; }
"""

# Gradio renders <html lang="en">; screen readers need to know the page is Dutch.
_JS = "() => { document.documentElement.lang = 'nl'; }"

_NO_CARD = '<p class="aw-empty">Klik op een bron om de actiekaart te openen.</p>'


def _chat_tab(services: Services) -> None:
    gr.Markdown(
        "Stel een vraag over de actieplannen. Elk antwoord vermeldt de actiekaart "
        "(nummer, document en jaar) waarop het steunt; klik op een bron om de geciteerde "
        "regels te lezen."
    )
    chatbot = gr.Chatbot(label="Gesprek", height=440, elem_id="aw-chat")
    citations = gr.State([])
    card = gr.HTML(_NO_CARD, label="Actiekaart", elem_id="aw-card", render=False)

    @gr.render(inputs=citations)
    def citation_chips(items: list[dict[str, Any]]) -> None:
        if not items:
            return
        with gr.Row(elem_id="aw-citations"):
            gr.HTML('<strong id="aw-sources-label">Bronnen:</strong>', container=False)
            for number, item in enumerate(items, start=1):
                citation = Citation.model_validate(item)
                chip = gr.Button(
                    chip_label(number, citation),
                    size="sm",
                    scale=0,
                    elem_classes=["citation-chip"],
                )
                chip.click(
                    partial(
                        ui_actions.card_view,
                        services,
                        citation.doc,
                        citation.id,
                        citation.quotes,
                    ),
                    outputs=card,
                )

    with gr.Row():
        question = gr.Textbox(
            label="Uw vraag",
            placeholder="bv. Wat is de stand van zaken van actie 01/11/SAP/02/04?",
            scale=5,
            max_length=services.settings.max_question_chars,
            elem_id="aw-question",
        )
        ask = gr.Button("Vraag", variant="primary", scale=1, elem_id="aw-ask")
    gr.Examples(examples=EXAMPLE_QUESTIONS, inputs=question, label="Voorbeeldvragen")
    feedback_note = gr.Markdown(elem_id="aw-feedback-note")
    card.render()

    respond = partial(ui_actions.answer, services)
    for trigger in (question.submit, ask.click):
        trigger(respond, inputs=[question, chatbot], outputs=[chatbot, citations, question])

    def on_like(messages: list[dict[str, Any]], data: gr.LikeData) -> str:
        position = data.index if isinstance(data.index, int) else data.index[0]
        return ui_actions.record_feedback(services, messages, data.liked, position)

    chatbot.like(on_like, inputs=chatbot, outputs=feedback_note)


def _search_tab(services: Services, demo: gr.Blocks) -> None:
    gr.Markdown(
        "Zoek actiekaarten op onderwerp of nummer, of laat het onderwerp leeg om te bladeren."
    )
    with gr.Row():
        topic = gr.Textbox(label="Onderwerp of actienummer", scale=3, elem_id="aw-topic")
        document = gr.Dropdown(label="Document", choices=[], value=None, scale=2)
        municipality = gr.Dropdown(label="Gemeente", choices=[], value=None, scale=1)
    with gr.Row():
        year = gr.Dropdown(label="Jaar", choices=[], value=None)
        status = gr.Textbox(label="Status bevat", placeholder="bv. afgerond")
        search = gr.Button("Zoeken", variant="primary")
    table = gr.Dataframe(
        headers=TABLE_HEADERS,
        label="Actiekaarten",
        interactive=False,
        wrap=True,
        elem_id="aw-results",
    )
    keys = gr.State([])
    download = gr.DownloadButton("CSV downloaden", value=None, visible=False)
    card = gr.HTML(_NO_CARD, label="Actiekaart")

    def run(*args: Any) -> tuple[Any, ...]:
        rows, found, csv_path = ui_actions.find_cards(services, *args)
        shown = rows or [["", "geen actiekaarten gevonden", "", "", "", ""]]
        return shown, found, gr.DownloadButton(value=csv_path, visible=csv_path is not None)

    inputs = [topic, document, municipality, year, status]
    for trigger in (search.click, topic.submit):
        trigger(run, inputs=inputs, outputs=[table, keys, download])

    def open_row(found: list[tuple[str, str]], event: gr.SelectData) -> str:
        row = event.index[0] if isinstance(event.index, list | tuple) else event.index
        if not isinstance(row, int) or not 0 <= row < len(found):
            return _NO_CARD
        doc, card_id = found[row]
        return ui_actions.card_view(services, doc, card_id, [])

    table.select(open_row, inputs=keys, outputs=card)

    def refresh() -> tuple[Any, Any, Any]:
        choices = ui_actions.filter_choices(services)
        return (
            gr.Dropdown(choices=choices.documents),
            gr.Dropdown(choices=choices.municipalities),
            gr.Dropdown(choices=choices.years),
        )

    demo.load(refresh, outputs=[document, municipality, year])


def _admin_tab(services: Services, demo: gr.Blocks) -> None:
    gr.Markdown(
        "Documenten opladen (PDF, DOCX of TXT) of verwijderen. Hiervoor is de "
        "beheerderssleutel nodig (ACTIEWIJZER_ADMIN_API_KEY)."
    )
    key = gr.Textbox(label="Beheerderssleutel", type="password")
    with gr.Row():
        file = gr.File(label="Document", file_types=[".pdf", ".docx", ".txt"], type="filepath")
        upload = gr.Button("Opladen en indexeren", variant="primary")
    with gr.Row():
        document = gr.Dropdown(label="Te verwijderen document", choices=[], value=None)
        delete = gr.Button("Verwijderen", variant="stop")
    result = gr.Markdown(elem_id="aw-admin-result")

    def refresh() -> Any:
        return gr.Dropdown(choices=ui_actions.filter_choices(services).documents, value=None)

    upload.click(partial(ui_actions.upload, services), inputs=[key, file], outputs=result).then(
        refresh, outputs=document
    )
    delete.click(partial(ui_actions.delete, services), inputs=[key, document], outputs=result).then(
        refresh, outputs=document
    )
    demo.load(refresh, outputs=document)


def build_ui(services: Services) -> gr.Blocks:
    # Gradio copies every download into its cache; clear copies older than an hour, hourly.
    with gr.Blocks(title="Actiewijzer", analytics_enabled=False, delete_cache=(3600, 3600)) as demo:
        gr.Markdown("# Actiewijzer\nVragen over Vlaamse lokale actieplannen, met bronvermelding.")
        with gr.Tabs():
            with gr.Tab("Vraag", id="chat"):
                _chat_tab(services)
            with gr.Tab("Acties zoeken", id="search"):
                _search_tab(services, demo)
            with gr.Tab("Beheer", id="admin"):
                _admin_tab(services, demo)
    return demo


def _theme() -> gr.themes.Base:
    # System fonts only: the default theme fetches Google Fonts, which an offline server
    # cannot reach and a city website should not leak its visitors to.
    return gr.themes.Default(
        font=[gr.themes.Font("system-ui"), gr.themes.Font("Segoe UI"), "sans-serif"],
        font_mono=[gr.themes.Font("ui-monospace"), gr.themes.Font("Consolas"), "monospace"],
    )


def mount_ui(app: FastAPI, services: Services) -> None:
    gr.mount_gradio_app(
        app,
        build_ui(services),
        path="/",
        theme=_theme(),
        css=_CSS,
        js=_JS,
        footer_links=["api"],
        max_file_size=services.settings.max_upload_bytes,
        show_error=True,
        mcp_server=False,
    )
