"""Facebook Messenger: the verification handshake, signed deliveries (X-Hub-Signature-256), duplicates answered
once, quick replies. Needs MESSENGER_PAGE_TOKEN, MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN.

Like WhatsApp, Messenger allows free messages only within 24 hours of the person's last message, so a reminder to
someone silent for longer is refused by Meta (logged)."""

from __future__ import annotations

from typing import Any

import httpx

from api import outbound
from api.channels import delivery, meta
from api.inbound import Inbound, Kind
from api.settings import Settings
from api.turns import Turns

MAX_TEXT = 2000


# Send API errors (developers.facebook.com/docs/messenger-platform/error-codes), as (code, subcode) or code alone:
# the person cannot be reached now; and the codes of a passing limit or outage, retried like a 429 or a 5xx
REFUSALS = {
    (10, 2018278): "outside_window",  # sent outside the 24-hour window
    (10, None): "outside_window",  # permission denied for this message type
    (551, None): "blocked",  # this person isn't available right now
    (100, 1545041): "blocked",
    (100, 2018001): "invalid_recipient",  # no matching user found
}
PASSING = {1: "server_error", 2: "server_error", 1200: "server_error", 4: "rate_limited", 32: "rate_limited",
           613: "rate_limited"}  # fmt: skip


def classify(response: httpx.Response) -> delivery.Failure | None:
    code, subcode = (
        delivery.error_code(response, "error", "code"),
        delivery.error_code(response, "error", "error_subcode"),
    )
    if response.status_code == 200 or not isinstance(code, int):
        return delivery.by_status(response)
    said = f"{code}/{subcode}" if subcode else str(code)
    reason = REFUSALS.get((code, subcode)) or REFUSALS.get((code, None))
    if reason:
        return delivery.Failure(reason, True, said, response.status_code)
    if code in PASSING:
        return delivery.Failure(PASSING[code], False, said, response.status_code, delivery.retry_after(response))
    return delivery.by_status(response, said)


class MessengerClient(delivery.RenderingClient):
    buttons_without_text = False  # an outbound.Sender: buttons go out with a message's words

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.url = f"{settings.messenger_api_url.rstrip('/')}/me/messages"
        self.token = settings.messenger_page_token
        self.public_base_url = (settings.public_base_url or "").rstrip("/")
        http = httpx.Client(timeout=settings.send_timeout_seconds, transport=transport)
        self.delivery = delivery.Delivery("messenger", settings, classify, http)

    def _post(self, psid: str, message: dict[str, Any]) -> None:
        # a reply answers the person (RESPONSE); a reminder is a message the bot starts itself (UPDATE)
        kind = "UPDATE" if self.delivery.pushing else "RESPONSE"
        body = {"recipient": {"id": psid}, "messaging_type": kind, "message": message}
        answer = self.delivery.post("message", self.url, body, params={"access_token": self.token})
        self.delivery.accepted(answer.get("message_id") if isinstance(answer, dict) else None)

    def send_text_message(self, recipient_id: str, text: str) -> None:
        self._post(recipient_id, {"text": text[:MAX_TEXT]})

    def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[outbound.Button]) -> None:
        replies = [{"content_type": "text", "title": b.title[:20], "payload": b.ref} for b in buttons]
        self._post(recipient_id, {"text": text[:MAX_TEXT], "quick_replies": replies[:13]})

    def send_image_url(self, recipient_id: str, image: str) -> None:
        self._post(recipient_id, {"attachment": {"type": "image", "payload": {"url": image, "is_reusable": False}}})


def _read(event: dict[str, Any]) -> tuple[Kind, str, str | None, str | None] | None:
    """(kind, delivery id, words, button payload) of one messaging event, or None for one acknowledged silently:
    reads, deliveries, reactions, echoes of the bot's own messages, and messages Messenger could not render."""
    psid = str((event.get("sender") or {}).get("id") or "")
    message, postback, edit = event.get("message"), event.get("postback"), event.get("message_edit")
    if isinstance(edit, dict) and isinstance(edit.get("text"), str):
        return "edit", f"{edit.get('mid')}:edit:{edit.get('num_edit')}", edit["text"], None
    if isinstance(postback, dict):
        mid = str(postback.get("mid") or f"{psid}:{event.get('timestamp')}")
        return "message", mid, postback.get("title"), str(postback.get("payload") or "")
    if not isinstance(message, dict) or message.get("is_echo"):
        return None
    mid = str(message.get("mid") or f"{psid}:{event.get('timestamp')}")
    quick = (message.get("quick_reply") or {}).get("payload")
    text = message.get("text")  # also the words sent with a photo or file; a stale quick reply's title
    if isinstance(text, str) or quick:
        return "message", mid, text if isinstance(text, str) else None, str(quick) if quick else None
    if message.get("attachments") or message.get("sticker_id"):
        return "no_text", mid, None, None  # a photo, voice note, sticker, location or file without words
    return None


async def handle_payload(payload: dict[str, Any], turns: Turns, client: MessengerClient) -> int:
    handled = 0
    for entry in payload.get("entry") or []:
        for event in (entry or {}).get("messaging") or []:
            if not isinstance(event, dict):
                continue
            psid = str((event.get("sender") or {}).get("id") or "")
            read = _read(event)
            if not psid or read is None:
                continue
            kind, mid, text, button = read
            if kind == "message" and text is None and button is None:
                kind = "no_text"
            reply = await turns.answer(Inbound("messenger", psid, text, button=button, delivery_id=mid, kind=kind))
            if reply.duplicate:
                continue
            await turns.send(reply, client.send, psid, reply.messages)
            handled += 1
    return handled


make_router = meta.router_factory(
    "Messenger",
    "/webhooks/messenger",
    lambda settings: (settings.messenger_app_secret, settings.messenger_verify_token),
    handle_payload,
)
