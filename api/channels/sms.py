"""SMS through Twilio: signed webhooks (X-Twilio-Signature, checked with Twilio's own validator), duplicates
answered once, replies as TwiML, buttons written as options. Needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
TWILIO_FROM_NUMBER and PUBLIC_BASE_URL (Twilio signs the public address it called)."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

import httpx
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool
from twilio.request_validator import RequestValidator

from api import outbound
from api.channels import delivery
from api.channels.common import country_of
from api.conversation import Conversation
from api.inbound import Inbound
from api.openapi_responses import BODY_LIMITS, RATE_LIMITED, error, text_success
from api.settings import Settings

MAX_SMS = 1500  # Twilio splits long messages; keep each reply within its 1,600-character limit


class _Texts:
    """An outbound.Sender that writes each message as one SMS text: there are no buttons or pictures on SMS."""

    buttons_without_text = True

    def __init__(self) -> None:
        self.texts: list[str] = []

    def send_text_message(self, recipient_id: str, text: str) -> None:
        self.texts.append(text[:MAX_SMS])

    def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[outbound.Button]) -> None:
        """Command buttons are numbered ("Reply 1 for ..."); answer buttons are listed."""
        if any(b.payload.startswith("/") for b in buttons):
            text += "\n" + "\n".join(f"Reply {i} for {b.title}" for i, b in enumerate(buttons, 1))
        else:
            text += "\n(" + " / ".join(b.title for b in buttons) + ")"
        self.texts.append(text[:MAX_SMS])

    def send_image_url(self, recipient_id: str, image: str) -> None:
        pass  # SMS sends words only (a picture would need MMS)


def render(messages: list[dict[str, Any]], public_base_url: str = "") -> list[str]:
    """The bot's messages as SMS texts, one for each message that has words or options."""
    texts = _Texts()
    outbound.render(texts, "", messages, public_base_url)
    return texts.texts


# Twilio's REST error codes (twilio.com/docs/api/errors): the number cannot be reached; 20429 is a passing limit
REFUSALS = {
    21610: "unsubscribed",  # attempt to send to unsubscribed recipient (the person texted STOP)
    21211: "invalid_recipient",  # invalid 'To' phone number
    21614: "invalid_recipient",  # 'To' number is not a valid mobile number
}


def classify(response: httpx.Response) -> delivery.Failure | None:
    code = delivery.error_code(response, "code")
    if isinstance(code, int) and code in REFUSALS:
        return delivery.Failure(REFUSALS[code], True, str(code), response.status_code)
    return delivery.by_status(response, str(code) if isinstance(code, int) else None)


class SmsClient:
    """Sends messages the bot starts (reminders) through Twilio's REST API."""

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.url = (
            f"{settings.twilio_api_url.rstrip('/')}/2010-04-01/Accounts/{settings.twilio_account_sid}/Messages.json"
        )
        self.sender = settings.twilio_from_number
        self.public_base_url = (settings.public_base_url or "").rstrip("/")
        http = httpx.Client(
            timeout=settings.send_timeout_seconds,
            transport=transport,
            auth=(settings.twilio_account_sid or "", settings.twilio_auth_token or ""),
        )
        self.delivery = delivery.Delivery("sms", settings, classify, http)

    def _texts(self, to: str, messages: list[dict[str, Any]]) -> None:
        for text in render(messages, self.public_base_url):
            answer = self.delivery.post("message", self.url, {"From": self.sender, "To": to, "Body": text}, form=True)
            self.delivery.accepted(answer.get("sid") if isinstance(answer, dict) else None)

    def send(self, to: str, messages: list[dict[str, Any]]) -> None:
        self.delivery.run(to, lambda: self._texts(to, messages))

    def push(self, to: str, messages: list[dict[str, Any]]) -> list[str]:
        """A message the bot starts (a reminder): Twilio's message sids; raises delivery.Refused when the number
        opted out or cannot take texts, delivery.Undelivered when Twilio kept failing."""
        return self.delivery.run(to, lambda: self._texts(to, messages), pushing=True)


def make_router(settings: Settings, conversation: Conversation, client: SmsClient) -> APIRouter:
    router = APIRouter(tags=["channels"], responses={**BODY_LIMITS, **RATE_LIMITED})
    validator = RequestValidator(settings.twilio_auth_token)
    webhook_url = f"{(settings.public_base_url or '').rstrip('/')}/webhooks/sms"

    @router.post(
        "/webhooks/sms",
        summary="Twilio SMS webhook (X-Twilio-Signature required)",
        response_class=Response,
        responses={
            **text_success("application/xml", "The replies as TwiML"),
            400: error("Not a Twilio message, or a form that cannot be read"),
            403: error("Wrong or missing Twilio signature"),
        },
    )
    async def webhook(request: Request) -> Response:
        form = await request.form()
        params = {k: v for k, v in form.items() if isinstance(v, str)}
        if not validator.validate(webhook_url, params, request.headers.get("x-twilio-signature", "")):
            raise HTTPException(status_code=403, detail="Wrong or missing Twilio signature.")
        sender, sid = params.get("From", ""), params.get("MessageSid", "")
        if not sender or not sid:
            raise HTTPException(status_code=400, detail="Not a Twilio message (From and MessageSid are needed).")
        texts = await run_in_threadpool(handle_sms, sender, sid, params.get("Body", ""), conversation, client)
        body = "".join(f"<Message>{escape(t)}</Message>" for t in texts)
        return Response(
            f'<?xml version="1.0" encoding="UTF-8"?><Response>{body}</Response>', media_type="application/xml"
        )

    return router


def handle_sms(sender: str, sid: str, body: str, conversation: Conversation, client: SmsClient) -> list[str]:
    reply = conversation.handle(
        Inbound(
            "sms",
            sender,
            body,
            numbered_options=True,
            carrier_keywords=True,
            delivery_id=sid,
            country=country_of(sender),
        )
    )
    if reply.duplicate:
        return []  # Twilio retried a message we already answered
    return render(reply.messages, client.public_base_url)
