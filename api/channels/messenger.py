"""Facebook Messenger: the verification handshake, signed deliveries (X-Hub-Signature-256), duplicates answered
once, quick replies. Needs MESSENGER_PAGE_TOKEN, MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN.

Like WhatsApp, Messenger allows free messages only within 24 hours of the person's last message, so a reminder to
someone silent for longer is refused by Meta (logged)."""

from __future__ import annotations

import logging
from typing import Any

import httpx

from api import outbound
from api.channels import meta
from api.channels.common import Pushing
from api.conversation import Conversation
from api.inbound import Inbound, Kind
from api.settings import Settings

log = logging.getLogger("pacing.messenger")
MAX_TEXT = 2000


# Send API errors: (code, subcode) outside the 24-hour window; the person is not available (blocked the Page)
def refusal(response: httpx.Response) -> str | None:
    try:
        error = response.json().get("error") or {}
    except (ValueError, AttributeError):
        return None
    if error.get("error_subcode") == 2018278 or error.get("code") == 10:
        return "outside_window"
    if error.get("code") == 551 or error.get("error_subcode") == 1545041:
        return "blocked"
    return None


class MessengerClient:
    buttons_without_text = False  # an outbound.Sender: buttons go out with a message's words

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.url = f"{settings.messenger_api_url.rstrip('/')}/me/messages"
        self.token = settings.messenger_page_token
        self.public_base_url = (settings.public_base_url or "").rstrip("/")
        self.http = httpx.Client(timeout=15.0, transport=transport)
        self.pushing = Pushing()

    def _post(self, psid: str, message: dict[str, Any]) -> None:
        # a reply answers the person (RESPONSE); a reminder is a message the bot starts itself (UPDATE)
        kind = "UPDATE" if self.pushing.active else "RESPONSE"
        try:
            r = self.http.post(
                self.url,
                params={"access_token": self.token},
                json={"recipient": {"id": psid}, "messaging_type": kind, "message": message},
            )
            if r.status_code != 200:
                log.error("Messenger send answered %s", r.status_code)
                self.pushing.refused(refusal(r))
                return
            self.pushing.accepted(r.json().get("message_id"))
        except (httpx.HTTPError, ValueError, AttributeError) as exc:
            log.error("Messenger send failed: %s", type(exc).__name__)

    def send(self, psid: str, messages: list[dict[str, Any]]) -> None:
        outbound.render(self, psid, messages, self.public_base_url)

    def push(self, psid: str, messages: list[dict[str, Any]]) -> list[str]:
        """A message the bot starts (a reminder), sent as an UPDATE: Messenger's message ids, or Refused outside
        the 24-hour window or when the person cannot be reached."""
        return self.pushing.run(lambda: self.send(psid, messages))

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


def handle_payload(payload: dict[str, Any], conversation: Conversation, client: MessengerClient) -> int:
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
            reply = conversation.handle(Inbound("messenger", psid, text, button=button, delivery_id=mid, kind=kind))
            if reply.duplicate:
                continue
            client.send(psid, reply.messages)
            handled += 1
    return handled


make_router = meta.router_factory(
    "Messenger",
    "/webhooks/messenger",
    lambda settings: (settings.messenger_app_secret, settings.messenger_verify_token),
    handle_payload,
)
