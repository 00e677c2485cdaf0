"""WhatsApp (Meta's Cloud API): the verification handshake, signed deliveries (X-Hub-Signature-256 over the raw
body), duplicate deliveries answered once, statuses, reactions and system events acknowledged and dropped,
captions read as words, replies with reply buttons or a list. Needs WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET,
WHATSAPP_VERIFY_TOKEN and WHATSAPP_PHONE_NUMBER_ID.

Note: outside WhatsApp's 24-hour customer-service window only approved templates may be sent, so a reminder to
someone who has not written for a day is refused by Meta (logged) until templates are set up.
"""

from __future__ import annotations

from typing import Any

import httpx

from api import outbound
from api.channels import delivery, meta
from api.channels.common import country_of
from api.inbound import Inbound, Kind
from api.settings import Settings
from api.turns import Turns

MAX_TEXT = 4096
CAPTIONED = ("image", "video", "document")  # message types that can carry a caption
# Message types without words (Cloud API webhook "messages" object): answered once with the text-only note.
# Anything else (reaction, system such as a changed number, unsupported, a deleted message, a request_welcome)
# is acknowledged and nothing is sent or stored.
NOT_WORDS = ("image", "video", "document", "audio", "sticker", "location", "contacts")


# Cloud API error codes (developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes): the person cannot be
# reached now; and the codes of a passing limit or outage, retried like a 429 or a 5xx
REFUSALS = {
    131047: "outside_window",  # re-engagement message: more than 24 hours since the person last wrote
    131026: "blocked",  # message undeliverable (blocked the business, or no WhatsApp on that number)
    131050: "unsubscribed",  # the person stopped marketing messages from the business
    131030: "invalid_recipient",  # recipient not in the allowed list (test numbers)
}
PASSING = {4: "rate_limited", 80007: "rate_limited", 130429: "rate_limited", 131056: "rate_limited",
           131048: "rate_limited", 1: "server_error", 2: "server_error", 131000: "server_error",
           131016: "server_error"}  # fmt: skip


def classify(response: httpx.Response) -> delivery.Failure | None:
    code = delivery.error_code(response, "error", "code")
    if response.status_code == 200 or not isinstance(code, int):
        return delivery.by_status(response)
    if code in REFUSALS:
        return delivery.Failure(REFUSALS[code], True, str(code), response.status_code)
    if code in PASSING:
        return delivery.Failure(PASSING[code], False, str(code), response.status_code, delivery.retry_after(response))
    return delivery.by_status(response, str(code))


class WhatsAppClient(delivery.RenderingClient):
    buttons_without_text = False  # an outbound.Sender: buttons go out with a message's words

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.url = f"{settings.whatsapp_api_url.rstrip('/')}/{settings.whatsapp_phone_number_id}/messages"
        self.public_base_url = (settings.public_base_url or "").rstrip("/")
        http = httpx.Client(
            timeout=settings.send_timeout_seconds,
            transport=transport,
            headers={"Authorization": f"Bearer {settings.whatsapp_access_token}"},
        )
        self.delivery = delivery.Delivery("whatsapp", settings, classify, http)

    def _post(self, body: dict[str, Any]) -> None:
        answer = self.delivery.post(body.get("type", "message"), self.url, {"messaging_product": "whatsapp", **body})
        sent = answer.get("messages") if isinstance(answer, dict) else None
        self.delivery.accepted(sent[0].get("id") if isinstance(sent, list) and sent else None)

    def send_text_message(self, recipient_id: str, text: str) -> None:
        self._post({"to": recipient_id, "type": "text", "text": {"body": text[:MAX_TEXT]}})

    def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[outbound.Button]) -> None:
        action: dict[str, Any]
        if len(buttons) <= 3:  # reply buttons: at most 3, titles at most 20 characters
            kind = "button"
            action = {"buttons": [{"type": "reply", "reply": {"id": b.ref, "title": b.title[:20]}} for b in buttons]}
        else:  # a list: at most 10 rows, titles at most 24 characters
            kind = "list"
            rows = [{"id": b.ref, "title": b.title[:24]} for b in buttons[:10]]
            action = {"button": "Choose", "sections": [{"title": "Options", "rows": rows}]}
        interactive = {"type": kind, "body": {"text": text[:1024]}, "action": action}
        self._post({"to": recipient_id, "type": "interactive", "interactive": interactive})

    def send_image_url(self, recipient_id: str, image: str) -> None:
        self._post({"to": recipient_id, "type": "image", "image": {"link": image}})


def _messages(payload: dict[str, Any]):
    for entry in payload.get("entry") or []:
        for change in (entry or {}).get("changes") or []:
            for message in ((change or {}).get("value") or {}).get("messages") or []:  # statuses have none
                if isinstance(message, dict):
                    yield message


def _read(message: dict[str, Any]) -> tuple[Kind, str | None, str | None] | None:
    """(kind, words, button id) of one message, or None for one acknowledged silently."""
    kind = message.get("type")
    if kind == "text":
        return "message", (message.get("text") or {}).get("body"), None
    if kind == "interactive":
        interactive = message.get("interactive") or {}
        reply = interactive.get("button_reply") or interactive.get("list_reply") or {}
        return "message", reply.get("title"), str(reply.get("id") or "")  # a stale button: its words are read
    if kind == "button":
        return "message", (message.get("button") or {}).get("text"), None
    caption = (message.get(kind) or {}).get("caption") if kind in CAPTIONED else None
    if isinstance(caption, str) and caption.strip():
        return "message", caption, None  # a photo, video or file sent with words
    if kind in NOT_WORDS:
        return "no_text", None, None
    return None


async def handle_payload(payload: dict[str, Any], turns: Turns, client: WhatsAppClient) -> int:
    handled = 0
    for message in _messages(payload):
        wa_id, message_id = str(message.get("from") or ""), str(message.get("id") or "")
        read = _read(message)
        if not wa_id or not message_id or read is None:
            continue
        kind, text, button = read
        if kind == "message" and not isinstance(text, str) and button is None:
            kind = "no_text"
        reply = await turns.answer(
            Inbound(
                "whatsapp", wa_id, text, button=button, delivery_id=message_id, country=country_of(wa_id), kind=kind
            )
        )
        if reply.duplicate:
            continue  # a retry of a delivery we already answered
        await turns.send(reply, client.send, wa_id, reply.messages)
        handled += 1
    return handled


make_router = meta.router_factory(
    "WhatsApp",
    "/webhooks/whatsapp",
    lambda settings: (settings.whatsapp_app_secret, settings.whatsapp_verify_token),
    handle_payload,
)
