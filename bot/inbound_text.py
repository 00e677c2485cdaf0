"""Inbound text made safe to read, store and log: lone surrogates and control characters removed."""

from __future__ import annotations

import re
import unicodedata

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATE = re.compile(r"[\ud800-\udfff]")


def clean_inbound(text: object) -> str:
    """Any value a channel hands over -> a valid, NFC-normalised str (a lone surrogate becomes U+FFFD)."""
    if not isinstance(text, str):
        return ""
    text = _SURROGATE.sub("\ufffd", text)
    return unicodedata.normalize("NFC", _CONTROL.sub(" ", text))
