"""One inbound message as a channel hands it to the conversation: the channel's part ends here.

A channel translates its platform's wire format into an `Inbound` and the `Reply` back into its own; everything in
between (safety screen, duplicate check, the person's record, buttons, Rasa) is api/conversation.py's.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

# What a delivery is, as its channel read it: words to answer, an edit of words already answered, or something
# without words (a photo, a voice note, a sticker, a location...). Reactions, read receipts and system events
# never become an Inbound: their channel acknowledges them and sends nothing.
Kind = Literal["message", "edit", "no_text"]

NOT_TEXT = (
    "Thank you for sending that. I can only read typed words for now, so I can't see photos, voice notes, "
    "stickers or locations. You can type how you're doing, or tap a button."
)
EDIT_NOT_REREAD = (
    "I saw you edited a message. I don't re-read edits, so nothing has changed on my side. If you'd like me to "
    "know something new, please send it as a new message."
)
GROUP_CHAT = (
    "Hello! I'm a personal pacing coach, so I only chat one to one. Please message me directly: what you tell me "
    "stays between us. I won't read or keep anything from this group."
)


@dataclass(frozen=True)
class Inbound:
    channel: str  # "web" | "telegram" | "whatsapp" | "messenger" | "sms"
    external_id: str  # who, in that channel's terms (a chat id, a phone number, a browser's sender)
    text: object = None  # typed words, a caption, or a button's title (cleaned by the conversation)
    button: str | None = None  # a pressed button's reference (api.buttons.button_id), checked against those offered
    numbered_options: bool = False  # SMS: a bare number picks one of the options just listed
    carrier_keywords: bool = False  # SMS: STOP, START and HELP (bot.opt_out) mean what carriers say they mean
    delivery_id: str | None = None  # the platform's id for this delivery, so a retry is answered once
    country: str | None = None  # ISO 3166 code, when the channel knows it (a phone number's calling code)
    timezone: str | None = None  # IANA name, when the channel knows it (the browser's)
    kind: Kind = "message"  # an edit is screened for safety, then answered with EDIT_NOT_REREAD, never a new turn


@dataclass
class Reply:
    messages: list[dict[str, Any]] = field(default_factory=list)
    safety: str | None = None  # "crisis" | "emergency" | "dose_request" when the screen answered
    duplicate: bool = False  # a retry of a delivery already answered: send nothing
    old_button: bool = False  # a button from an earlier reply, with no words to read instead: nothing was done
