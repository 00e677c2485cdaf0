"""Facebook Messenger: the verification handshake, signed deliveries (X-Hub-Signature-256), duplicates answered
once, quick replies. Needs MESSENGER_PAGE_TOKEN, MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN.

Like WhatsApp, Messenger allows free messages only within 24 hours of the person's last message, so a reminder to
someone silent for longer is refused by Meta (logged)."""

from __future__ import annotations

from typing import Any

import httpx

from api import outbound
from api.channels import delivery, meta
from api.channels.common import NOT_TEXT
from api.conversation import Conversation
from api.inbound import Inbound
from api.settings import Settings

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
