// The web chat: talks to /webhooks/rest/webhook (Rasa's REST channel shape) and renders text, buttons, images and links.
(function () {
  "use strict";
  const log = document.getElementById("log");
  const form = document.getElementById("composer");
  const input = document.getElementById("message");
  const key = "pacing-coach-sender";
  function newSender() {
    const id = "w" + (crypto.randomUUID ? crypto.randomUUID().replace(/-/g, "") : String(Math.random()).slice(2));
    localStorage.setItem(key, id);
    return id;
  }
  let sender = localStorage.getItem(key) || newSender();
  const lang = (navigator.language || "").split("-");
  const country = lang.length > 1 ? lang[1].toUpperCase() : null;
  let tz = null;
  try { tz = Intl.DateTimeFormat().resolvedOptions().timeZone; } catch (e) { tz = null; }

  function add(cls, text) {
    const div = document.createElement("div");
    div.className = "msg " + cls;
    div.textContent = text;
    log.appendChild(div);
    log.scrollTop = log.scrollHeight;
    return div;
  }

  function clearButtons() {
    log.querySelectorAll(".buttons").forEach(function (b) { b.remove(); });
  }

  function render(messages) {
    messages.forEach(function (m) {
      if (m.text) add("bot", m.text);
      if (m.image) {
        const img = document.createElement("img");
        img.src = m.image; img.className = "chart msg bot"; img.alt = (m.custom && m.custom.alt) || "Chart";
        log.appendChild(img);
      }
      if (m.custom && m.custom.download) {
        const a = document.createElement("a");
        a.href = m.custom.download.url; a.textContent = m.custom.download.label || "Download";
        a.className = "download msg bot"; a.setAttribute("download", "");
        log.appendChild(a);
      }
      if (m.buttons && m.buttons.length) {
        const group = document.createElement("div");
        group.className = "buttons"; group.setAttribute("role", "group"); group.setAttribute("aria-label", "Quick replies");
        m.buttons.forEach(function (b) {
          const btn = document.createElement("button");
          btn.type = "button"; btn.textContent = b.title;
          btn.addEventListener("click", function () { send(b.payload, b.title); });
          group.appendChild(btn);
        });
        log.appendChild(group);
      }
    });
    log.scrollTop = log.scrollHeight;
  }

  // The server's own words for a refusal (too many messages, too large), when it sent some.
  async function explain(r, fallback) {
    try { const body = await r.json(); return typeof body.detail === "string" ? body.detail : fallback; }
    catch (e) { return fallback; }
  }

  function post(message) {
    return fetch("/webhooks/rest/webhook", {
      method: "POST", headers: { "Content-Type": "application/json" }, credentials: "same-origin",
      body: JSON.stringify({ sender: sender, message: message, metadata: { country: country, timezone: tz } })
    });
  }

  async function send(message, shown, silent) {
    clearButtons();
    if (!silent) add("me", shown || message);
    try {
      let r = await post(message);
      if (r.status === 403) {
        // This browser's session for the stored conversation is gone (cookies cleared): start a new one, so the
        // message still gets its answer (help included) at once.
        sender = newSender();
        r = await post(message);
      }
      if (!r.ok) { add("bot", await explain(r, "Sorry, something went wrong (" + r.status + "). Please try again.")); return; }
      render(await r.json());
    } catch (e) {
      add("bot", "I can't reach the server right now. Please try again in a moment.");
    }
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    const text = input.value.trim();
    if (!text) return;
    input.value = "";
    send(text);
  });

  document.getElementById("diary").addEventListener("change", async function (ev) {
    const file = ev.target.files[0];
    if (!file) return;
    clearButtons();
    add("me", "Sent a diary file: " + file.name);
    const data = new FormData();
    data.append("sender", sender);
    data.append("file", file);
    try {
      const r = await fetch("/webchat/diary", { method: "POST", body: data });
      if (!r.ok) { add("bot", await explain(r, "Sorry, I couldn't take that file (" + r.status + ").")); return; }
      render(await r.json());
    } catch (e) {
      add("bot", "I can't reach the server right now. Please try again in a moment.");
    }
    ev.target.value = "";
  });

  // Reminders the bot sends on its own wait in an outbox; the page picks them up every 20 seconds.
  setInterval(async function () {
    try {
      const r = await fetch("/webchat/outbox?sender=" + encodeURIComponent(sender));
      if (r.ok) { const messages = await r.json(); if (messages.length) render(messages); }
    } catch (e) { /* offline: try again next time */ }
  }, 20000);

  send("hi", null, true);  // the bot greets first; the greeting is not shown as the user's message
})();
