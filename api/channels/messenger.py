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
from api.channels.common import NOT_TEXT, Pushing
from api.conversation import Conversation
from api.inbound import Inbound
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


def handle_payload(payload: dict[str, Any], conversation: Conversation, client: MessengerClient) -> int:
    handled = 0
    for entry in payload.get("entry") or []:
        for event in (entry or {}).get("messaging") or []:
            if not isinstance(event, dict):
                continue
            psid = str((event.get("sender") or {}).get("id") or "")
            message, postback = event.get("message"), event.get("postback")
            if not psid or not (isinstance(message, dict) or isinstance(postback, dict)):
                continue  # deliveries, reads, echoes of our own messages
            if isinstance(message, dict) and message.get("is_echo"):
                continue
            mid = str((message or postback or {}).get("mid") or f"{psid}:{event.get('timestamp')}")
            text, button = None, None
            if isinstance(message, dict):
                quick = (message.get("quick_reply") or {}).get("payload")
                button = str(quick) if quick else None
                text = message.get("text")  # a stale quick reply: its title is in the text
            elif isinstance(postback, dict):
                button, text = str(postback.get("payload") or ""), postback.get("title")
            if not isinstance(text, str) and button is None:
                client.send(psid, [{"text": NOT_TEXT}])
                handled += 1
                continue
            reply = conversation.handle(Inbound("messenger", psid, text, button=button, delivery_id=mid))
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
