"""SMS keywords that carriers and Twilio honour (STOP, UNSUBSCRIBE, END, QUIT, CANCEL; START; HELP), and what
they do here: STOP ends every message the bot starts itself (reminders) for that phone number on every channel it
uses with us (SMS and WhatsApp), START brings them back, HELP says what the service is."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from bot import reminders
from bot.storage.models import User

Keyword = Literal["stop", "start", "help"]
REASON = "sms_stop"
_KEYWORDS: dict[str, Keyword] = {
    **dict.fromkeys(("stop", "stopall", "unsubscribe", "end", "quit", "cancel"), "stop"),
    **dict.fromkeys(("start", "unstop"), "start"),
    **dict.fromkeys(("help", "info"), "help"),
}
PHONE_CHANNELS = ("sms", "whatsapp")

STOPPED = (
    "You won't get any more reminders from pacing-coach, by text or on WhatsApp. You can still message me any "
    "time. Reply START to have reminders back."
)
STARTED = "Welcome back: your reminders are on again. Reply STOP at any time to end them."
HELP = (
    "pacing-coach is a chat coach for activity pacing with fibromyalgia and other long-lasting pain: daily "
    "check-ins, a gentle plan, and movement reminders at times you choose. It is not a substitute for a "
    "clinician. Reply STOP to end reminders, START to have them back. In an emergency, call your local "
    "emergency number."
)


def keyword(text: str) -> Keyword | None:
    """The keyword a whole message is, if it is one ("STOP", "stop.", " Unsubscribe ")."""
    return _KEYWORDS.get(text.strip().strip(".!").lower())


def same_number(session: Session, number: str) -> list[User]:
    """The people behind this phone number on each phone channel (SMS keeps "+447...", WhatsApp "447...")."""
    digits = "".join(c for c in number if c.isdigit())
    if not digits:
        return []
    query = select(User).where(User.channel.in_(PHONE_CHANNELS), User.external_id.in_((digits, "+" + digits)))
    return list(session.scalars(query))


def apply(session: Session, number: str, word: Keyword, now: dt.datetime) -> str:
    """Does what the keyword says for this number; returns the reply."""
    for user in same_number(session, number):
        if word == "stop":
            reminders.pause_reminders(session, user, now, reason=REASON)
        elif word == "start":
            reminders.resume_reminders(session, user, now, reasons=(REASON,))
    return {"stop": STOPPED, "start": STARTED, "help": HELP}[word]
