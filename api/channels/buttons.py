"""Buttons on messaging apps: their reply ids are short, our payloads can be long, so a button carries an index
into the buttons offered last plus a check, and a stale button is recognised instead of being misread."""

from __future__ import annotations

import hashlib


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
