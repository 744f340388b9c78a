/*
 * Actiewijzer chat widget. Embed with one tag:
 *   <script src="https://host/widget.js" data-api="https://host"></script>
 * Optional: data-title="..." (panel title), data-open="true" (start opened),
 *           data-target="#css-selector" (render inline inside that element instead of floating).
 * The server keeps no conversation: the widget sends the previous turns with every question.
 * Everything lives in a shadow root so the host page's CSS and ours cannot collide.
 */
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) return;
  var api = (script.getAttribute("data-api") || new URL(script.src, location.href).origin).replace(/\/+$/, "");
  var title = script.getAttribute("data-title") || "Vraag het de Actiewijzer";
  var startOpen = script.getAttribute("data-open") === "true";
  var targetSelector = script.getAttribute("data-target");
  var MAX_HISTORY_TURNS = 6;
  var history = [];
  var busy = false;

  var css = [
    ":host{all:initial;font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;color:#1a1a1a}",
    ".launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;background:#0b5394;color:#fff;border:0;border-radius:999px;padding:12px 18px;font-size:16px;cursor:pointer;box-shadow:0 2px 8px rgba(0,0,0,.3)}",
    ".launcher:focus-visible,button:focus-visible,textarea:focus-visible{outline:3px solid #f6b26b;outline-offset:2px}",
    ".panel{position:fixed;right:20px;bottom:76px;z-index:2147483000;width:min(420px,calc(100vw - 40px));height:min(600px,calc(100vh - 120px));background:#fff;border:1px solid #ccc;border-radius:12px;box-shadow:0 4px 24px rgba(0,0,0,.25);display:flex;flex-direction:column;overflow:hidden}",
    ".inline .panel{position:static;width:100%;height:560px;box-shadow:none}",
    ".panel[hidden]{display:none}",
    "header{background:#0b5394;color:#fff;padding:10px 14px;font-size:16px;font-weight:600;display:flex;justify-content:space-between;align-items:center}",
    "header button{background:transparent;color:#fff;border:0;font-size:20px;cursor:pointer}",
    ".log{flex:1;overflow-y:auto;padding:12px;display:flex;flex-direction:column;gap:10px;font-size:15px;line-height:1.45}",
    ".msg{padding:8px 12px;border-radius:10px;max-width:92%;white-space:pre-wrap;word-wrap:break-word}",
    ".user{align-self:flex-end;background:#e8f0fe}",
    ".bot{align-self:flex-start;background:#f3f3f3}",
    ".error{background:#fdecea;color:#8a1c1c}",
    ".cites{margin:6px 0 0;padding-left:0;list-style:none;font-size:13px}",
    ".cites li{margin:4px 0}",
    ".chip{display:inline;background:#fff;border:1px solid #0b5394;color:#0b5394;border-radius:6px;padding:1px 6px;line-height:1.7;-webkit-box-decoration-break:clone;box-decoration-break:clone}",
    ".cites summary{cursor:pointer}",
    ".cites details{margin-top:2px}",
    ".cites blockquote{margin:4px 0 4px 8px;padding-left:8px;border-left:3px solid #f6b26b;color:#333;white-space:pre-wrap}",
    ".rate{margin-top:6px;display:flex;gap:6px}",
    ".rate button{background:#fff;border:1px solid #999;border-radius:6px;cursor:pointer;padding:2px 8px;font-size:13px}",
    "form{display:flex;gap:6px;padding:10px;border-top:1px solid #ddd}",
    "label.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}",
    "textarea{flex:1;resize:none;font:inherit;font-size:15px;padding:8px;border:1px solid #999;border-radius:8px;min-height:44px}",
    "form button{background:#0b5394;color:#fff;border:0;border-radius:8px;padding:0 14px;font-size:15px;cursor:pointer}",
    "form button[disabled]{opacity:.5;cursor:wait}",
    ".hint{font-size:12px;color:#555;padding:0 12px 8px}"
  ].join("\n");

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (key) { node.setAttribute(key, attrs[key]); });
    if (text != null) node.textContent = text;
    return node;
  }

  var host = el("div", { "class": "actiewijzer-widget" });
  var root = host.attachShadow({ mode: "open" });
  var style = el("style", {}, css);
  var wrapper = el("div", { "class": targetSelector ? "inline" : "floating" });
  var launcher = el("button", { "class": "launcher", type: "button", "aria-expanded": "false", "aria-controls": "aw-panel" }, title);
  var panel = el("section", { "class": "panel", id: "aw-panel", role: "dialog", "aria-label": title });
  var header = el("header", {});
  header.appendChild(el("span", {}, title));
  var closeButton = el("button", { type: "button", "aria-label": "Sluiten" }, "×");
  header.appendChild(closeButton);
  var log = el("div", { "class": "log", role: "log", "aria-live": "polite", "aria-relevant": "additions" });
  log.appendChild(el("div", { "class": "msg bot" },
    "Stel een vraag over de actieplannen, bv. 'Wat is de stand van zaken van actie 01/11/SAP/02/04?'. Elk antwoord vermeldt de actiekaart waarop het steunt."));
  var form = el("form", {});
  var label = el("label", { "class": "sr", "for": "aw-question" }, "Uw vraag");
  var input = el("textarea", { id: "aw-question", rows: "2", maxlength: "2000", placeholder: "Typ uw vraag…" });
  var send = el("button", { type: "submit" }, "Vraag");
  form.appendChild(label); form.appendChild(input); form.appendChild(send);
  var hint = el("div", { "class": "hint" }, "Antwoorden komen uit de gepubliceerde beleidsdocumenten, met bronvermelding.");
  panel.appendChild(header); panel.appendChild(log); panel.appendChild(form); panel.appendChild(hint);
  if (!targetSelector) wrapper.appendChild(launcher);
  wrapper.appendChild(panel);
  root.appendChild(style); root.appendChild(wrapper);

  function setOpen(open) {
    panel.hidden = !open;
    launcher.setAttribute("aria-expanded", String(open));
    if (open) input.focus();
  }

  launcher.addEventListener("click", function () { setOpen(panel.hidden); });
  closeButton.addEventListener("click", function () { setOpen(false); launcher.focus(); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && !event.shiftKey) { event.preventDefault(); form.requestSubmit(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var question = input.value.trim();
    if (!question || busy) return;
    input.value = "";
    ask(question);
  });

  function scrollDown() { log.scrollTop = log.scrollHeight; }

  function shorten(text, max) {
    return text.length > max ? text.slice(0, max - 1) + "…" : text;
  }

  function citationLabel(citation, number) {
    var year = citation.year ? " (" + citation.year + ")" : "";
    return "[" + number + "] " + citation.id + " – " + shorten(citation.title, 60) + " · " + citation.document_label + year;
  }

  function renderCitations(bubble, citations) {
    if (!citations || !citations.length) return;
    var list = el("ol", { "class": "cites", "aria-label": "Bronnen" });
    citations.forEach(function (citation, i) {
      var item = el("li", {});
      var details = el("details", {});
      var summary = el("summary", {});
      summary.appendChild(el("span", { "class": "chip" }, citationLabel(citation, i + 1)));
      details.appendChild(summary);
      details.appendChild(el("div", {}, "regels " + citation.start_line + "–" + citation.end_line + " in " + citation.doc));
      (citation.quotes || []).forEach(function (quote) { details.appendChild(el("blockquote", {}, quote)); });
      item.appendChild(details);
      list.appendChild(item);
    });
    bubble.appendChild(list);
  }

  function renderRating(bubble, question, answer) {
    var row = el("div", { "class": "rate" });
    // Words, not emoji: not every browser (or screen reader) has a font or a name for them.
    [["up", "Nuttig", "Nuttig antwoord"], ["down", "Niet nuttig", "Geen nuttig antwoord"]].forEach(function (spec) {
      var button = el("button", { type: "button", "aria-label": spec[2], title: spec[2] }, spec[1]);
      button.addEventListener("click", function () {
        fetch(api + "/api/feedback", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify({
            question: question, answer: answer.answer, rating: spec[0],
            citations: (answer.citations || []).map(function (c) { return c.doc + "::" + c.id; })
          })
        }).then(function () { row.textContent = "Bedankt voor uw feedback."; })
          .catch(function () { row.textContent = "Feedback kon niet verstuurd worden."; });
      });
      row.appendChild(button);
    });
    bubble.appendChild(row);
  }

  function showError(bubble, message) {
    bubble.className = "msg bot error";
    bubble.textContent = message;
  }

  // fetch + a ReadableStream parser: EventSource cannot POST a JSON body.
  function parseEvents(buffer, onEvent) {
    var blocks = buffer.split(/\r?\n\r?\n/);
    var rest = blocks.pop();
    blocks.forEach(function (block) {
      var name = "message", data = [];
      block.split(/\r?\n/).forEach(function (line) {
        if (line.indexOf("event:") === 0) name = line.slice(6).trim();
        else if (line.indexOf("data:") === 0) data.push(line.slice(5).replace(/^ /, ""));
      });
      if (data.length) onEvent(name, data.join("\n"));
    });
    return rest;
  }

  function ask(question) {
    busy = true; send.disabled = true;
    log.appendChild(el("div", { "class": "msg user" }, question));
    var bubble = el("div", { "class": "msg bot", "aria-busy": "true" }, "…");
    var text = el("div", {});
    log.appendChild(bubble); scrollDown();
    var started = false;
    var finished = false;
    fetch(api + "/api/ask/stream", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "text/event-stream" },
      body: JSON.stringify({ question: question, history: history.slice(-MAX_HISTORY_TURNS) })
    }).then(function (response) {
      if (!response.ok) {
        return response.json().catch(function () { return {}; }).then(function (body) {
          throw new Error(body.detail || ("fout " + response.status));
        });
      }
      var reader = response.body.getReader();
      var decoder = new TextDecoder();
      var buffer = "";
      function onEvent(name, data) {
        var payload = JSON.parse(data);
        if (name === "token") {
          if (!started) { bubble.textContent = ""; bubble.appendChild(text); started = true; }
          text.textContent += payload.text;
        } else if (name === "answer") {
          finished = true;
          bubble.textContent = ""; text.textContent = payload.answer; bubble.appendChild(text);
          renderCitations(bubble, payload.citations);
          renderRating(bubble, question, payload);
          history.push({ role: "user", content: question });
          history.push({ role: "assistant", content: payload.answer });
        } else if (name === "error") {
          finished = true;
          showError(bubble, payload.detail);
        }
        scrollDown();
      }
      function pump() {
        return reader.read().then(function (chunk) {
          if (chunk.done) { parseEvents(buffer + "\n\n", onEvent); return; }
          buffer = parseEvents(buffer + decoder.decode(chunk.value, { stream: true }), onEvent);
          return pump();
        });
      }
      return pump();
    }).then(function () {
      if (!finished) showError(bubble, "De verbinding werd onderbroken; probeer het opnieuw.");
    }).catch(function (error) {
      showError(bubble, error.message || "De Actiewijzer is niet bereikbaar.");
    }).then(function () {
      busy = false; send.disabled = false; bubble.removeAttribute("aria-busy"); scrollDown();
    });
  }

  function mount() {
    var target = targetSelector ? document.querySelector(targetSelector) : null;
    (target || document.body).appendChild(host);
    setOpen(startOpen || !!target);
  }
  if (document.body) mount(); else document.addEventListener("DOMContentLoaded", mount);
})();
