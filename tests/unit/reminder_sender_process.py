"""One app instance's reminder sender, as its own process: `python -m tests.unit.reminder_sender_process
TELEGRAM_URL NOW_ISO` with DATABASE_URL set. Rasa is a stand-in that writes a nudge; Telegram is whatever
TELEGRAM_URL points at (tests/unit/platform_standin.py)."""

from __future__ import annotations

import datetime as dt
import sys

import httpx

from api.channels.telegram import TelegramClient
from api.rasa_client import RasaClient
from api.scheduler import fire_due
from api.settings import Settings


def main(telegram_url: str, now_iso: str) -> None:
    settings = Settings(rasa_url="http://rasa", telegram_bot_token="t", telegram_api_url=telegram_url)

    def nudge(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, json={"messages": [{"text": "A gentle nudge to move"}]})

    rasa = RasaClient(settings, transport=httpx.MockTransport(nudge))
    telegram = TelegramClient(settings)
    sent = fire_due(rasa, dt.datetime.fromisoformat(now_iso), {"telegram": telegram.push})
    print(sent)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
