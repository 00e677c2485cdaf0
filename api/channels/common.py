"""Small things every messaging channel needs."""

from __future__ import annotations

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
