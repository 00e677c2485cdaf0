"""One inbound message, from any channel, to the bot's replies.

The order is the safety floor:
1. the understanding step (bot.safety.understand: rules, then the learned layer) runs first, on every message, in
   every state, before any database work, duplicate check or Rasa call. A crisis or an emergency is answered at
   once with the right help line; ending the form and storing the event happen afterwards, off the reply's path
   (api/safety_aftercare.py);
2. a message starting with "/" reaches Rasa as a command only when it is a button the bot just offered that user;
3. a sensation report goes to hurt-versus-harm triage (never the FAQ fallback); a check-in that also reports a
   worrying sensation is recorded and then triaged; a typed answer to a triage question stays with the triage;
4. everything else goes to Rasa as it is.
Channels hand over an `Inbound` (api/inbound.py) and know nothing of pacing; this module owns the whole turn
(screen, duplicate check, the person's record, buttons, Rasa) and knows nothing of a channel's wire format.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy.exc import SQLAlchemyError

from api.buttons import nudge_answer, numbered_choice, payload_for
from api.inbound import EDIT_NOT_REREAD, NOT_TEXT, Inbound, Reply
from api.rasa_client import RasaClient, RasaUnavailable
from api.safety_aftercare import SafetyAftercare, SafetyEvent
from api.settings import Settings
from bot import opt_out, reminders
from bot.checkin.parse import parse_checkin
from bot.clock import valid_timezone
from bot.identity import make_sender_id
from bot.inbound_text import clean_inbound
from bot.safety.replies import crisis_reply, dose_refusal_reply, emergency_reply
from bot.safety.understand import Understanding, understand
from bot.storage import repo
from bot.storage.db import session_scope
from bot.storage.models import utcnow
from bot.storage.rasa_tracker import erase_conversation

log = logging.getLogger("pacing.conversation")

TOO_LONG = (
    "That's a long message, thank you for writing it all out. I can only read up to {limit} characters at a "
    "time: could you send the most important part in a shorter message?"
)
UNAVAILABLE = (
    "Sorry, I can't think straight right now: part of me is restarting. Please try again in a minute. "
    "If you feel unsafe or this is an emergency, call your local emergency number (112, 911 or 999)."
)
EMPTY = "I didn't catch anything there. You can type a message, or say 'help' to see what I can do."
TRIAGE_ANSWER_PREFIX = "/triage_answer"
SHORT_ANSWER_WORDS = 6
REACHABLE_AGAIN = ("blocked", "outside_window")  # refusals that end when the person writes to the bot
KIND_NOTES = {"edit": EDIT_NOT_REREAD, "no_text": NOT_TEXT}  # deliveries answered with one line, never a turn


@dataclass
class _Person:
    """What the turn needs from the database, read in one session."""

    offered: list[str]
    first_delivery: bool


@dataclass(frozen=True)
class Screened:
    """The safety screen's finding: the help reply when it answered, and what it understood (None for a button,
    which is read once it is resolved)."""

    understanding: Understanding | None
    reply: Reply | None


def _strip_command(text: str) -> str:
    """A '/intent{...}' the bot did not offer is plain text: drop the leading slashes so Rasa reads it as words."""
    return text.lstrip().lstrip("/").lstrip() or text


def _valid_country(value: object) -> str | None:
    return value.upper() if isinstance(value, str) and len(value) == 2 and value.isalpha() else None


def _triage_entities(text: str, understanding: Understanding) -> dict[str, str]:
    """What action_triage reads: the person's words, and the learned layer's level when there is one."""
    return {"said": text, **({"hint": understanding.level} if understanding.level else {})}


def _triage_command(text: str, understanding: Understanding) -> str:
    entities = _triage_entities(text, understanding)
    return f"/ask_sensation{json.dumps(entities, ensure_ascii=False, separators=(',', ':'))}"


def _is_checkin_report(text: str) -> bool:
    """Two or more check-in fields (pain, sleep, activity minutes...): a report to record, not only a question."""
    return len(parse_checkin(text).fields()) >= 2


def _could_answer_a_question(text: str) -> bool:
    return len(text.split()) <= SHORT_ANSWER_WORDS and not text.rstrip().endswith("?")


def _has_triage(messages: list[dict[str, Any]]) -> bool:
    return any(
        (m.get("custom") or {}).get("triage")
        or any(str(b.get("payload", "")).startswith(TRIAGE_ANSWER_PREFIX) for b in (m.get("buttons") or []))
        for m in messages
    )


class Conversation:
    def __init__(self, settings: Settings, rasa: RasaClient):
        self.settings = settings
        self.rasa = rasa
        self.aftercare = SafetyAftercare(rasa, settings.database_url)
        self._countries: dict[str, str] = {}  # sender -> country, so help lines never wait for the database

    def screen(self, inbound: Inbound) -> Screened:
        """Step 1 alone: understanding needs nothing but the text, so it answers even when the database or Rasa is
        down or hung. A pressed button is read later, once it is resolved (its payload, or its words when stale)."""
        if inbound.button is not None:
            return Screened(None, None)
        text = clean_inbound(inbound.text)
        understanding = understand(text)
        return Screened(understanding, self._answer_safety(inbound, understanding, text, self._country(inbound)))

    def handle(self, inbound: Inbound, screened: Screened | None = None) -> Reply:
        """The whole turn; `screened` is what screen() found when it ran first (api/turns.py runs it apart)."""
        screened = screened or self.screen(inbound)
        if screened.reply is not None:
            return screened.reply
        understanding = screened.understanding
        channel, external_id = inbound.channel, inbound.external_id
        sender = make_sender_id(channel, external_id)
        text = clean_inbound(inbound.text)
        country = self._country(inbound)

        note = KIND_NOTES.get(inbound.kind)
        try:
            person = self._person(inbound, sender, country)
        except SQLAlchemyError:
            log.error("database unavailable")
            return Reply([{"text": note or UNAVAILABLE}])
        if not person.first_delivery:
            return Reply(duplicate=True)
        if note is not None:  # an edit was screened above and is never a second turn (nor a second activity)
            return Reply([{"text": note}])
        offered = person.offered
        if inbound.carrier_keywords and isinstance(inbound.text, str) and (word := opt_out.keyword(text)):
            return self._carrier_keyword(inbound, word)

        # 2. A pressed button or a numbered SMS option stands for a payload offered with the last reply.
        chosen = payload_for(inbound.button, offered) if inbound.button is not None else None
        if chosen is None and inbound.numbered_options:
            chosen = numbered_choice(text, offered)
        if chosen is None and inbound.button is None:
            chosen = nudge_answer(text, offered)
        if inbound.button is not None and chosen is None and not text.strip():
            return Reply(old_button=True)
        if chosen is not None:
            text = chosen
        if understanding is None or chosen is not None:  # a stale button: its words are read instead
            understanding = understand(text)
            safety = self._answer_safety(inbound, understanding, text, country)
            if safety is not None:
                return safety

        if not text.strip():
            return Reply([{"text": EMPTY}])
        if len(text) > self.settings.max_message_chars:
            return Reply([{"text": TOO_LONG.format(limit=f"{self.settings.max_message_chars:,}")}])

        if text.lstrip().startswith("/") and text.strip() not in offered:
            text = _strip_command(text)

        meta = {k: v for k, v in (("country", inbound.country), ("timezone", inbound.timezone)) if v}
        try:
            messages = self._to_rasa(sender, text, understanding, offered, meta)
        except RasaUnavailable:
            log.error("Rasa did not answer")
            return Reply([{"text": UNAVAILABLE}])

        if any((m.get("custom") or {}).get("data_deleted") for m in messages):
            try:  # Rasa has saved this turn by now, so the rows it holds can go for good
                erase_conversation(sender)
            except SQLAlchemyError:
                log.error("could not erase the conversation from Rasa's tracker store after a deletion")
            messages = [{k: v for k, v in m.items() if k != "custom"} for m in messages]
            messages = [m for m in messages if set(m) - {"recipient_id"}]
            return Reply(messages)

        payloads = [
            b["payload"] for m in messages for b in (m.get("buttons") or []) if isinstance(b, dict) and b.get("payload")
        ]
        try:
            with session_scope() as session:
                user = repo.get_or_create_user(session, channel, external_id)
                repo.set_offered_payloads(session, user, payloads)
        except SQLAlchemyError:
            log.error("database unavailable: buttons offered were not recorded")
        return Reply(messages)

    def _country(self, inbound: Inbound) -> str | None:
        return _valid_country(inbound.country) or self._countries.get(
            make_sender_id(inbound.channel, inbound.external_id)
        )

    @classmethod
    def screen_only(cls, text: object, country: str | None = None) -> Reply | None:
        """The safety screen alone, storing nothing: for words the bot must not keep (a group chat's)."""
        return cls._safety_reply(understand(clean_inbound(text)), _valid_country(country))

    def _answer_safety(
        self, inbound: Inbound, understanding: Understanding, text: str, country: str | None
    ) -> Reply | None:
        safety = self._safety_reply(understanding, country)
        if safety is not None:
            self.aftercare.after_reply(
                SafetyEvent(inbound.channel, inbound.external_id, understanding.kind, understanding.rules, text),
                make_sender_id(inbound.channel, inbound.external_id),
                end_form=understanding.urgent,
            )
        return safety

    @staticmethod
    def _carrier_keyword(inbound: Inbound, word: opt_out.Keyword) -> Reply:
        """STOP, START or HELP by SMS (after the safety screen, like every message)."""
        try:
            with session_scope() as session:
                return Reply([{"text": opt_out.apply(session, inbound.external_id, word, utcnow())}])
        except SQLAlchemyError:
            log.error("database unavailable")
            return Reply([{"text": UNAVAILABLE}])

    def _person(self, inbound: Inbound, sender: str, country: str | None) -> _Person:
        """One session: the duplicate check, the person's record (country, time zone) and the buttons offered last.
        With the database unavailable a delivery cannot be told from a retry, and is answered."""
        with session_scope() as session:
            first = inbound.delivery_id is None or repo.first_delivery(session, inbound.channel, inbound.delivery_id)
            user = repo.get_or_create_user(session, inbound.channel, inbound.external_id)
            if country and user.country != country:
                user.country = country
            if user.country:
                self._countries[sender] = user.country
            # a person who writes again can be reached again: reminders held for a refusal come back
            reminders.resume_reminders(session, user, utcnow(), reasons=REACHABLE_AGAIN)
            tz = inbound.timezone
            if isinstance(tz, str) and valid_timezone(tz) and user.timezone != tz:
                user.timezone = tz
            return _Person(repo.offered_payloads(session, user), first)

    @staticmethod
    def _safety_reply(understanding: Understanding, country: str | None) -> Reply | None:
        if understanding.kind == "crisis":
            return Reply([{"text": crisis_reply(country), "custom": {"crisis": True}}], safety="crisis")
        if understanding.kind == "emergency":
            return Reply(
                [
                    {
                        "text": emergency_reply(country, understanding.rules),
                        "custom": {"triage": {"level": "stop", "emergency": True}},
                    }
                ],
                safety="emergency",
            )
        if understanding.kind == "dose_request":
            return Reply([{"text": dose_refusal_reply()}], safety="dose_request")
        return None

    def _to_rasa(
        self, sender: str, text: str, understanding: Understanding, offered: list[str], meta: dict[str, Any]
    ) -> list[dict[str, Any]]:
        """Sends the turn to Rasa, routing sensation reports and typed triage answers to the triage."""
        if text.startswith("/"):
            return self.rasa.send(sender, text, metadata=meta)
        answering_triage = any(p.startswith(TRIAGE_ANSWER_PREFIX) for p in offered)
        sensation = understanding.kind == "sensation"
        if (answering_triage and (sensation or _could_answer_a_question(text))) or (
            sensation and not _is_checkin_report(text)
        ):
            return self.rasa.send(sender, _triage_command(text, understanding), metadata=meta)
        messages = self.rasa.send(sender, text, metadata=meta)
        if understanding.worrying and not _has_triage(messages):
            # a check-in that also reports a worrying sensation: the numbers are recorded, then it is triaged
            messages = messages + self.rasa.trigger_intent(
                sender, "ask_sensation", _triage_entities(text, understanding)
            )
        return messages
