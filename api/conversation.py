"""One inbound message, from any channel, to the bot's replies.

The order is the safety floor:
1. the crisis and emergency screen runs first, on every message, in every state, independent of the ML model;
2. a message starting with "/" reaches Rasa as a command only when it is a button the bot just offered that user;
3. only then does the message go to Rasa.
Channels call `handle()` and know nothing of pacing; this module knows nothing of a channel's wire format.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from bot.clock import valid_timezone
from bot.identity import make_sender_id
from bot.safety.replies import crisis_reply, dose_refusal_reply, emergency_reply
from bot.safety.screen import screen_message
from bot.storage import repo
from bot.storage.db import session_scope
from api.rasa_client import RasaClient, RasaUnavailable
from api.settings import Settings

log = logging.getLogger("pacing.conversation")

TOO_LONG = ("That's a long message, thank you for writing it all out. I can only read up to {limit} characters at a "
            "time: could you send the most important part in a shorter message?")
UNAVAILABLE = ("Sorry, I can't think straight right now: part of me is restarting. Please try again in a minute. "
               "If you feel unsafe or this is an emergency, call your local emergency number (112, 911 or 999).")
EMPTY = "I didn't catch anything there. You can type a message, or say 'help' to see what I can do."


@dataclass
class Reply:
    messages: list[dict[str, Any]] = field(default_factory=list)
    safety: str | None = None  # "crisis" | "emergency" | "dose_request" when the screen answered


def _strip_command(text: str) -> str:
    """A '/intent{...}' the bot did not offer is plain text: drop the leading slashes so Rasa reads it as words."""
    return text.lstrip().lstrip("/").lstrip() or text


class Conversation:
    def __init__(self, settings: Settings, rasa: RasaClient):
        self.settings = settings
        self.rasa = rasa

    def handle(self, channel: str, external_id: str, text: str, metadata: dict[str, Any] | None = None) -> Reply:
        metadata = metadata or {}
        sender = make_sender_id(channel, external_id)
        text = text if isinstance(text, str) else ""

        # The screen needs nothing but the text: it answers even when the database or Rasa is down.
        screen = screen_message(text)
        country = metadata.get("country")
        country = country.upper() if isinstance(country, str) and len(country) == 2 and country.isalpha() else None
        allowed: list[str] = []
        try:
            with session_scope() as session:
                user = repo.get_or_create_user(session, channel, external_id)
                if country and user.country != country:
                    user.country = country
                country = user.country
                tz = metadata.get("timezone")
                if isinstance(tz, str) and valid_timezone(tz) and user.timezone != tz:
                    user.timezone = tz
                allowed = repo.offered_payloads(session, user)
                if screen.kind in ("crisis", "emergency", "dose_request"):
                    repo.record_event(session, user, screen.kind, level="stop" if screen.kind == "emergency" else None,
                                      emergency=screen.kind == "emergency", rules=screen.rules, text=text[:2000])
                    repo.set_offered_payloads(session, user, [])
        except SQLAlchemyError:
            log.error("database unavailable")
            if not screen.urgent and screen.kind != "dose_request":
                return Reply([{"text": UNAVAILABLE}])

        if screen.kind in ("crisis", "emergency"):
            log.warning("safety screen answered: %s", screen.kind)  # never the text, never who
            try:
                self.rasa.end_active_form(sender)
            except RasaUnavailable:
                log.error("could not end the active form after a safety catch")
            if screen.kind == "crisis":
                return Reply([{"text": crisis_reply(country), "custom": {"crisis": True}}], safety="crisis")
            return Reply([{"text": emergency_reply(country, screen.rules),
                           "custom": {"triage": {"level": "stop", "emergency": True}}}], safety="emergency")
        if screen.kind == "dose_request":
            return Reply([{"text": dose_refusal_reply()}], safety="dose_request")

        if not text.strip():
            return Reply([{"text": EMPTY}])
        if len(text) > self.settings.max_message_chars:
            return Reply([{"text": TOO_LONG.format(limit=f"{self.settings.max_message_chars:,}")}])

        if text.lstrip().startswith("/") and text.strip() not in allowed:
            text = _strip_command(text)

        try:
            messages = self.rasa.send(sender, text, metadata={k: v for k, v in metadata.items() if k in ("country", "timezone")})
        except RasaUnavailable:
            log.error("Rasa did not answer")
            return Reply([{"text": UNAVAILABLE}])

        if any((m.get("custom") or {}).get("data_deleted") for m in messages):
            try:
                self.rasa.wipe_conversation(sender)
            except RasaUnavailable:
                log.error("could not wipe the conversation history after a deletion")
            messages = [{k: v for k, v in m.items() if k != "custom"} for m in messages]
            messages = [m for m in messages if set(m) - {"recipient_id"}]
            return Reply(messages)

        offered = [b["payload"] for m in messages for b in (m.get("buttons") or []) if isinstance(b, dict) and b.get("payload")]
        try:
            with session_scope() as session:
                user = repo.get_or_create_user(session, channel, external_id)
                repo.set_offered_payloads(session, user, offered)
        except SQLAlchemyError:
            log.error("database unavailable: buttons offered were not recorded")
        return Reply(messages)
