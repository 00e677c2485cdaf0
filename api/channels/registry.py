"""The messaging channels the app can run, one spec each: create_app switches on those whose settings are complete,
and says at start-up what each of the others needs."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

import httpx
from fastapi import APIRouter

from api.channels import messenger, sms, telegram, whatsapp
from api.settings import Settings
from api.turns import Turns


class Client(Protocol):
    """A channel's client: sends replies, and pushes messages the bot starts itself (reminders), in Rasa's REST
    shape: a push returns the platform's message ids, or raises api.channels.delivery.Undelivered (Refused when
    the person cannot be reached)."""

    def send(self, external_id: str, messages: list[dict[str, Any]], /) -> None: ...

    def push(self, external_id: str, messages: list[dict[str, Any]], /) -> list[str]: ...


@dataclass(frozen=True)
class ChannelSpec[C: Client]:
    name: str  # as said in the logs; in lower case, the channel's key (Inbound.channel, app.state.push)
    needs: str  # the settings that switch it on, as said at start-up when it is off
    enabled: Callable[[Settings], bool]
    make_client: Callable[[Settings, httpx.BaseTransport | None], C]  # the transport: tests' fake platform
    make_router: Callable[[Settings, Turns, C], APIRouter]

    @property
    def key(self) -> str:
        return self.name.lower()


CHANNELS: tuple[ChannelSpec[Any], ...] = (
    ChannelSpec(
        "Telegram",
        "TELEGRAM_BOT_TOKEN and TELEGRAM_WEBHOOK_SECRET",
        lambda s: s.telegram_enabled,
        telegram.TelegramClient,
        telegram.make_router,
    ),
    ChannelSpec(
        "WhatsApp",
        "WHATSAPP_ACCESS_TOKEN, WHATSAPP_APP_SECRET, WHATSAPP_VERIFY_TOKEN and WHATSAPP_PHONE_NUMBER_ID",
        lambda s: s.whatsapp_enabled,
        whatsapp.WhatsAppClient,
        whatsapp.make_router,
    ),
    ChannelSpec(
        "Messenger",
        "MESSENGER_PAGE_TOKEN, MESSENGER_APP_SECRET and MESSENGER_VERIFY_TOKEN",
        lambda s: s.messenger_enabled,
        messenger.MessengerClient,
        messenger.make_router,
    ),
    ChannelSpec(
        "SMS",
        "TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN, TWILIO_FROM_NUMBER and PUBLIC_BASE_URL",
        lambda s: s.sms_enabled,
        sms.SmsClient,
        sms.make_router,
    ),
)
