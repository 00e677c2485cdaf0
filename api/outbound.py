"""The bot's replies on their way out: one walk over a reply (text, buttons, image) for every messaging channel.

A reply is Rasa's REST shape, a list of messages with "text", "buttons", "image" and "custom". `render` reads each
message once, in order, and calls a channel's `Sender`, whose three methods follow Rasa's `OutputChannel`
(`send_text_message`, `send_text_with_buttons`, `send_image_url`): a sender only translates one of them into its
platform's wire format. What every channel shares is decided here, once:
- a message's text is its "text", or a download as a full link where the app's public address is known;
- only buttons with a payload are offered, and each carries its reference (api.buttons.button_id), numbered across
  the whole reply in the order sent, so a pressed one is found among the payloads the conversation recorded;
- buttons go out with their message's text, never alone (unless the sender takes them alone, as SMS does);
- an image follows its message's text, as a full link, and only where the public address is known.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from api.buttons import button_id
from api.channels.common import text_of


@dataclass(frozen=True)
class Button:
    title: str
    payload: str  # what the bot offered (a "/command" or an answer)
    ref: str  # what the platform sends back when it is pressed: api.buttons.button_id


class Sender(Protocol):
    """One channel's outbound wire format for one recipient, in Rasa's OutputChannel shape."""

    # SMS writes options into the text, so it takes buttons even when a message has no words of its own
    buttons_without_text: bool

    def send_text_message(self, recipient_id: str, text: str) -> None: ...

    def send_text_with_buttons(self, recipient_id: str, text: str, buttons: list[Button]) -> None: ...

    def send_image_url(self, recipient_id: str, image: str) -> None: ...


def offered_buttons(message: dict[str, Any]) -> list[dict[str, Any]]:
    """A message's buttons that can be pressed (those with a payload)."""
    return [b for b in (message.get("buttons") or []) if b.get("payload")]


def render(sender: Sender, recipient_id: str, messages: list[dict[str, Any]], public_base_url: str) -> None:
    """Sends a reply through `sender`, message by message: its text (with its buttons, if any), then its image."""
    index = 0  # button references are numbered across the whole reply
    for m in messages:
        text = text_of(m, public_base_url) or ""
        buttons = offered_buttons(m)
        if buttons and (text or sender.buttons_without_text):
            refs = [Button(b["title"], b["payload"], button_id(index + i, b["payload"])) for i, b in enumerate(buttons)]
            index += len(refs)
            sender.send_text_with_buttons(recipient_id, text, refs)
        elif text:
            sender.send_text_message(recipient_id, text)
        if m.get("image") and public_base_url:
            sender.send_image_url(recipient_id, f"{public_base_url}{m['image']}")
