"""Small things every messaging channel needs."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any

import phonenumbers

WHATSAPP_PREFIX = "whatsapp:"  # Twilio writes a WhatsApp sender as "whatsapp:+15551234567"


def country_of(number: str) -> str | None:
    """The country of a phone number by its full number, not its calling code alone: +1 876 is Jamaica, +1 416
    Canada, +44 7624 the Isle of Man, so help lines fit from the first message. A number no region claims (a
    test or unassigned range) falls back to its calling code only when one country alone uses that code; else
    None, and the common numbers are given."""
    number = number.removeprefix(WHATSAPP_PREFIX).strip()
    try:
        parsed = phonenumbers.parse(number if number.startswith("+") else "+" + number)
    except phonenumbers.NumberParseException:
        return None
    region = phonenumbers.region_code_for_number(parsed)
    if region is None and parsed.country_code is not None:
        regions = phonenumbers.region_codes_for_country_code(parsed.country_code)
        region = regions[0] if len(regions) == 1 else None
    return None if region in (None, "ZZ", "001") else region


def text_of(message: dict[str, Any], public_base_url: str) -> str | None:
    """A bot message's text; a download becomes a full link where the app's public address is known."""
    download = (message.get("custom") or {}).get("download")
    if download and public_base_url:
        return f"{download.get('label', 'Download')}: {public_base_url}{download['url']}"
    return message.get("text")


class FirstTime:
    """Remembers, in memory only and for at most `size` keys, which keys were seen: `first(key)` is True once.
    For things said once that must leave nothing in the database (the note to a group chat)."""

    def __init__(self, size: int = 10_000):
        self._seen: OrderedDict[str, None] = OrderedDict()
        self._size = size
        self._lock = threading.Lock()

    def first(self, key: str) -> bool:
        with self._lock:
            if key in self._seen:
                self._seen.move_to_end(key)
                return False
            self._seen[key] = None
            if len(self._seen) > self._size:
                self._seen.popitem(last=False)
            return True
