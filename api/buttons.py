"""Buttons on messaging apps: their reply ids are short, our payloads can be long, so a button carries an index
into the buttons offered last plus a check, and a stale button is recognised instead of being misread. On SMS, where
there are no buttons, a bare number picks one of the options just listed."""

from __future__ import annotations

import hashlib
import re

from bot.nudges import typed_answer


def _tag(payload: str) -> str:
    return hashlib.sha256(payload.encode()).hexdigest()[:8]


def button_id(index: int, payload: str) -> str:
    return f"b{index}:{_tag(payload)}"


def payload_for(data: str, offered: list[str]) -> str | None:
    """The payload a pressed button stands for, if it belongs to the buttons offered last."""
    if not data.startswith("b"):
        return None
    try:
        index_part, tag = data[1:].split(":", 1)
        index = int(index_part)
    except ValueError:
        return None
    if 0 <= index < len(offered) and _tag(offered[index]) == tag:
        return offered[index]
    return None


def nudge_answer(text: str, offered: list[str]) -> str | None:
    """ "done", "later" or "not today" typed after a nudge: the nudge's button it stands for."""
    typed = typed_answer(text)
    if typed is None:
        return None
    return next((p for p in offered if p == typed or p.startswith(typed + "{")), None)


def numbered_choice(text: str, offered: list[str]) -> str | None:
    """'2' after numbered command options means the option numbered 2. Numbers run on across every list of one
    turn, in the order offered (api/channels/sms.py), and only command options are numbered: a number that names
    an answer option ("(2 / 4 / 6)") stays the person's own answer."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*", text)
    if match:
        index = int(match.group(1)) - 1
        if 0 <= index < len(offered) and offered[index].startswith("/"):
            return offered[index]
    return None
