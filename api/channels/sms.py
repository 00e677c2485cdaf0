"""SMS, and WhatsApp, through Twilio: signed webhooks (X-Twilio-Signature, checked with Twilio's own validator against
the public address Twilio called, query string included), duplicates answered once, replies as TwiML, buttons
written as numbered options. Needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and PUBLIC_BASE_URL.
A WhatsApp sender ("whatsapp:+...") is answered from the WhatsApp number (TWILIO_WHATSAPP_FROM, by default
whatsapp: + TWILIO_FROM_NUMBER), reminders included."""

from __future__ import annotations

from typing import Any
from xml.sax.saxutils import escape

import httpx
from fastapi import APIRouter, HTTPException, Request
from fastapi.responses import Response
from twilio.request_validator import RequestValidator

from api import outbound
from api.channels import delivery
from api.channels.common import WHATSAPP_PREFIX, country_of
from api.inbound import Inbound
from api.openapi_responses import BODY_LIMITS, RATE_LIMITED, error, text_success
from api.settings import Settings
from api.turns import Turns

MAX_SMS = 1500  # Twilio splits long messages; keep each reply within its 1,600-character limit


class _Texts:
    """An outbound.Sender that writes each message as one SMS text: there are no buttons or pictures on SMS."""

    buttons_without_text = True

    def __init__(self) -> None:
        self.texts: list[str] = []
        self.offered = 0  # options offered so far this turn: numbers run on from one list to the next

    def send_text_message(self, recipient_id: str, text: str) -> None:
        self.texts.append(text[:MAX_SMS])

    def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[outbound.Button]) -> None:
        """Command buttons are numbered ("Reply 1 for ..."), in the order they are offered across the whole turn,
        so two lists in one reply never both start at 1; answer buttons are listed."""
        first, self.offered = self.offered + 1, self.offered + len(buttons)
        if any(b.payload.startswith("/") for b in buttons):
            text += "\n" + "\n".join(f"Reply {i} for {b.title}" for i, b in enumerate(buttons, first))
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
        self.sender = settings.twilio_from_number or ""
        self.whatsapp_sender = settings.twilio_whatsapp_from or WHATSAPP_PREFIX + self.sender.removeprefix(
            WHATSAPP_PREFIX
        )
        self.public_base_url = (settings.public_base_url or "").rstrip("/")
        http = httpx.Client(
            timeout=settings.send_timeout_seconds,
            transport=transport,
            auth=(settings.twilio_account_sid or "", settings.twilio_auth_token or ""),
        )
        self.delivery = delivery.Delivery("sms", settings, classify, http)

    def _texts(self, to: str, messages: list[dict[str, Any]]) -> None:
        for text in render(messages, self.public_base_url):
            sender = self.whatsapp_sender if to.startswith(WHATSAPP_PREFIX) else self.sender
            answer = self.delivery.post("message", self.url, {"From": sender, "To": to, "Body": text}, form=True)
            self.delivery.accepted(answer.get("sid") if isinstance(answer, dict) else None)

    def send(self, to: str, messages: list[dict[str, Any]]) -> None:
        self.delivery.run(to, lambda: self._texts(to, messages))

    def push(self, to: str, messages: list[dict[str, Any]]) -> list[str]:
        """A message the bot starts (a reminder): Twilio's message sids; raises delivery.Refused when the number
        opted out or cannot take texts, delivery.Undelivered when Twilio kept failing."""
        return self.delivery.run(to, lambda: self._texts(to, messages), pushing=True)


def make_router(settings: Settings, turns: Turns, client: SmsClient) -> APIRouter:
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
        query = request.url.query  # Twilio signs the URL exactly as configured, query string included
        signed_url = f"{webhook_url}?{query}" if query else webhook_url
        if not validator.validate(signed_url, params, request.headers.get("x-twilio-signature", "")):
            raise HTTPException(status_code=403, detail="Wrong or missing Twilio signature.")
        sender, sid = params.get("From", ""), params.get("MessageSid", "")
        if not sender or not sid:
            raise HTTPException(status_code=400, detail="Not a Twilio message (From and MessageSid are needed).")
        texts = await handle_sms(params, turns, client)
        body = "".join(f"<Message>{escape(t)}</Message>" for t in texts)
        return Response(
            f'<?xml version="1.0" encoding="UTF-8"?><Response>{body}</Response>', media_type="application/xml"
        )

    return router


def _media_count(params: dict[str, str]) -> int:
    try:
        return int(params.get("NumMedia") or 0)
    except ValueError:
        return 0


async def handle_sms(params: dict[str, str], turns: Turns, client: SmsClient) -> list[str]:
    """One signed message (Twilio's form fields) to the replies as texts. A WhatsApp message through Twilio
    (From "whatsapp:+...") is read the same way; a tapped quick reply arrives as ButtonText / ButtonPayload; a
    picture, voice note or location without words (MMS, or WhatsApp media) gets the text-only note."""
    sender = params["From"]
    text = params.get("Body") or params.get("ButtonText") or ""
    media = _media_count(params) > 0 or "Latitude" in params
    reply = await turns.answer(
        Inbound(
            "sms",
            sender,
            text,
            numbered_options=True,
            carrier_keywords=True,
            delivery_id=params["MessageSid"],
            country=country_of(sender),
            kind="no_text" if media and not text.strip() else "message",
        )
    )
    if reply.duplicate:
        return []  # Twilio retried a message we already answered
    return render(reply.messages, client.public_base_url)
