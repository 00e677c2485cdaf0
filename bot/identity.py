"""Conversation ids: every channel identity is "<channel>:<id>" so two channels never share a conversation."""

from __future__ import annotations

import re

_CHANNEL = re.compile(r"^[a-z][a-z0-9_]{0,31}$")


def make_sender_id(channel: str, external_id: str) -> str:
    if not _CHANNEL.match(channel):
        raise ValueError(f"bad channel name {channel!r}")
    return f"{channel}:{external_id}"


def split_sender_id(sender_id: str) -> tuple[str, str]:
    """'web:abc' -> ('web', 'abc'). An id without a channel (Rasa's shell, tests) counts as 'rasa'."""
    channel, sep, external = sender_id.partition(":")
    if sep and _CHANNEL.match(channel) and external:
        return channel, external
    return "rasa", sender_id
