"""Small things every messaging channel needs."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

import phonenumbers

NOT_TEXT = "I can only read text messages for now. You can type how you're doing, or tap a button."


def country_of(number: str) -> str | None:
    """The country of a phone number by its calling code (+44 -> GB), so help lines fit from the first message."""
    try:
        parsed = phonenumbers.parse(number if number.startswith("+") else "+" + number)
    except phonenumbers.NumberParseException:
        return None
    if parsed.country_code is None:  # no calling code: the unknown region ("ZZ") below
        return None
    region = phonenumbers.region_code_for_country_code(parsed.country_code)
    return None if region in (None, "ZZ", "001") else region


def text_of(message: dict[str, Any], public_base_url: str) -> str | None:
    """A bot message's text; a download becomes a full link where the app's public address is known."""
    download = (message.get("custom") or {}).get("download")
    if download and public_base_url:
        return f"{download.get('label', 'Download')}: {public_base_url}{download['url']}"
    return message.get("text")


class Refused(Exception):
    """The platform will not deliver to this person: "blocked", "outside_window" or "unsubscribed"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class Pushing:
    """A message the bot starts itself (a reminder), under way in this thread: the platform's ids of what it
    accepted, and its refusal if it gave one. A channel's client notes both while it sends; `run` hands them back."""

    def __init__(self) -> None:
        self._local = threading.local()

    @property
    def active(self) -> bool:
        return getattr(self._local, "ids", None) is not None

    def accepted(self, message_id: object) -> None:
        if self.active and message_id is not None:
            self._local.ids.append(str(message_id))

    def refused(self, reason: str | None) -> None:
        if self.active and reason is not None:
            self._local.refused = reason

    def run(self, send: Callable[[], None]) -> list[str]:
        """Runs `send`; returns the ids accepted, or raises Refused."""
        self._local.ids, self._local.refused = [], None
        try:
            send()
            if self._local.refused:
                raise Refused(self._local.refused)
            return list(self._local.ids)
        finally:
            self._local.ids = self._local.refused = None
