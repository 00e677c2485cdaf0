"""Telegram: the webhook (secret-token checked, duplicate deliveries answered once) and sending replies with
inline keyboards. Needs TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET; without them the channel is off."""

from __future__ import annotations

import secrets
from typing import Any

import httpx
from fastapi import APIRouter, Header, HTTPException, Request

from api import outbound
from api.channels import delivery
from api.channels.common import FirstTime
from api.inbound import GROUP_CHAT, Inbound, Kind
from api.openapi_responses import BODY_LIMITS, INVALID, RATE_LIMITED, error
from api.settings import Settings
from api.turns import Turns

MAX_TEXT = 4096  # Telegram's limit for one message
OLD_BUTTON = "That button is from an earlier message. Here's where we are now."
GROUPS = ("group", "supergroup", "channel")  # chat.type: the bot coaches people one to one only
# Message fields that carry something other than words (Bot API "Message"): answered with the text-only note.
# A message with none of these and no text is a service message (a pin, a member joining...): acknowledged only.
NOT_WORDS = (
    "photo",
    "video",
    "animation",
    "audio",
    "voice",
    "video_note",
    "sticker",
    "document",
    "location",
    "venue",
    "contact",
    "poll",
    "dice",
    "story",
)


def classify(response: httpx.Response) -> delivery.Failure | None:
    """Telegram's answers: its description says why (there are no finer codes than the HTTP status)."""
    if response.status_code == 200:
        return None
    description = str(delivery.error_code(response, "description") or "").lower()
    code = str(response.status_code)
    if response.status_code == 403:  # "bot was blocked by the user", "user is deactivated", "bot was kicked"
        reason = "blocked" if "blocked" in description or "kicked" in description else "invalid_recipient"
        return delivery.Failure(reason, True, code, 403)
    if response.status_code == 400 and "chat not found" in description:
        return delivery.Failure("invalid_recipient", True, code, 400)
    wait = delivery.error_code(response, "parameters", "retry_after")  # 429: "Too Many Requests: retry after N"
    return delivery.by_status(response, code, float(wait) if isinstance(wait, int | float) else None)


class TelegramClient(delivery.RenderingClient):
    buttons_without_text = False  # an outbound.Sender: buttons go out with a message's words

    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.base = f"{settings.telegram_api_url.rstrip('/')}/bot{settings.telegram_bot_token}"
        self.public_base_url = (settings.public_base_url or "").rstrip("/")
        http = httpx.Client(timeout=settings.send_timeout_seconds, transport=transport)
        self.delivery = delivery.Delivery("telegram", settings, classify, http)

    def _call(self, method: str, body: dict[str, Any]) -> None:
        answer = self.delivery.post(method, f"{self.base}/{method}", body)
        result = answer.get("result") if isinstance(answer, dict) else None
        self.delivery.accepted(result.get("message_id") if isinstance(result, dict) else None)

    def answer_callback(self, callback_id: str, text: str | None = None) -> None:
        self._call("answerCallbackQuery", {"callback_query_id": callback_id, **({"text": text} if text else {})})

    def send_text_message(self, recipient_id: str, text: str) -> None:
        self._call("sendMessage", {"chat_id": recipient_id, "text": text[:MAX_TEXT]})

    def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[outbound.Button]) -> None:
        keyboard = [[{"text": b.title[:64], "callback_data": b.ref}] for b in buttons]
        body = {"chat_id": recipient_id, "text": text[:MAX_TEXT], "reply_markup": {"inline_keyboard": keyboard}}
        self._call("sendMessage", body)

    def send_image_url(self, recipient_id: str, image: str) -> None:
        self._call("sendPhoto", {"chat_id": recipient_id, "photo": image})


def make_router(settings: Settings, turns: Turns, client: TelegramClient) -> APIRouter:
    router = APIRouter(tags=["channels"], responses={**BODY_LIMITS, **RATE_LIMITED})
    groups_told = FirstTime()  # groups already asked to write directly (in memory: nothing of a group is stored)

    @router.post(
        "/webhooks/telegram",
        summary="Telegram webhook (X-Telegram-Bot-Api-Secret-Token required)",
        responses={
            400: error("Not JSON, or not a Telegram update"),
            401: error("Wrong or missing secret token"),
            **INVALID,
        },
    )
    async def telegram_webhook(
        request: Request, x_telegram_bot_api_secret_token: str | None = Header(default=None)
    ) -> dict[str, Any]:
        given = (x_telegram_bot_api_secret_token or "").encode()
        if not secrets.compare_digest(given, (settings.telegram_webhook_secret or "").encode()):
            raise HTTPException(status_code=401, detail="Wrong or missing secret token.")
        try:
            update = await request.json()
        except ValueError:
            raise HTTPException(status_code=400, detail="The body is not JSON.") from None
        if not isinstance(update, dict) or not isinstance(update.get("update_id"), int):
            raise HTTPException(status_code=400, detail="Not a Telegram update (no update_id).")
        return await handle_update(update, turns, client, groups_told)

    return router


async def handle_update(
    update: dict[str, Any], turns: Turns, client: TelegramClient, groups_told: FirstTime
) -> dict[str, Any]:
    delivery = str(update["update_id"])
    callback = update.get("callback_query")
    message = next(
        (update[key] for key in ("message", "edited_message", "channel_post", "edited_channel_post") if key in update),
        None,
    )
    if isinstance(callback, dict):
        chat = (callback.get("message") or {}).get("chat") or {}
        chat_id = str(chat.get("id") or (callback.get("from") or {}).get("id") or "")
        if not chat_id:
            return {"ok": True, "ignored": "no chat"}
        reply = await turns.answer(
            Inbound("telegram", chat_id, button=str(callback.get("data") or ""), delivery_id=delivery)
        )
        if reply.duplicate:
            return {"ok": True, "duplicate": True}
        callback_id, note = str(callback.get("id", "")), OLD_BUTTON if reply.old_button else None
        await turns.send(reply, client.answer_callback, callback_id, note)
        if reply.old_button:
            return {"ok": True, "ignored": "old button"}
        await turns.send(reply, client.send, chat_id, reply.messages)
        return {"ok": True}
    if not isinstance(message, dict) or not isinstance(message.get("chat"), dict):
        return {"ok": True, "ignored": "not a message"}  # reactions, member changes, polls: nothing to answer
    chat_id = str(message["chat"].get("id") or "")
    if not chat_id:
        return {"ok": True, "ignored": "no chat"}
    text = message.get("text") or message.get("caption")  # a photo's caption is read like any message
    if message["chat"].get("type") in GROUPS:
        return await _answer_group(chat_id, text, turns, client, groups_told.first(chat_id))
    edited = message is update.get("edited_message")
    kind: Kind
    if isinstance(text, str):
        kind = "edit" if edited else "message"
    elif not edited and any(key in message for key in NOT_WORDS):
        kind, text = "no_text", None
        if message.get("media_group_id"):  # an album arrives as one update per photo: answered once
            delivery = f"album:{message['media_group_id']}"
    else:
        return {"ok": True, "ignored": "no words"}  # a service message, or an edit that left no words

    reply = await turns.answer(Inbound("telegram", chat_id, text, delivery_id=delivery, kind=kind))
    if reply.duplicate:
        return {"ok": True, "duplicate": True}
    await turns.send(reply, client.send, chat_id, reply.messages)
    return {"ok": True}


async def _answer_group(
    chat_id: str, text: object, turns: Turns, client: TelegramClient, first_time: bool
) -> dict[str, Any]:
    """A group, supergroup or channel: words in it are screened (a crisis is still answered), nothing is stored,
    and the group is asked once, in this process, to write to the bot directly."""
    safety = await turns.screen_only(text) if isinstance(text, str) else None
    messages = list(safety.messages) if safety is not None else []
    if first_time:
        messages.append({"text": GROUP_CHAT})
    if messages:
        await turns.send(safety, client.send, chat_id, messages)
    return {"ok": True, "ignored": "group chat"}
