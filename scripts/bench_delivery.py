"""Replies sent through a stand-in platform (tests/unit/platform_standin.py) that answers a share of requests with
429 + Retry-After, 500, a hang past the timeout or a slow success: prints how many replies arrived, how many were
lost or dead-lettered, attempts per message and the time per reply, for each channel.

    .venv/bin/python scripts/bench_delivery.py [replies per channel] [fault share]
"""

from __future__ import annotations

import contextlib
import dataclasses
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sqlalchemy import func, select  # noqa: E402

from api.channels.delivery import Undelivered  # noqa: E402
from api.channels.messenger import MessengerClient  # noqa: E402
from api.channels.sms import SmsClient  # noqa: E402
from api.channels.telegram import TelegramClient  # noqa: E402
from api.channels.whatsapp import WhatsAppClient  # noqa: E402
from api.settings import Settings  # noqa: E402
from bot.storage.db import migrate, session_scope  # noqa: E402
from bot.storage.models import DeadLetter  # noqa: E402
from tests.unit.platform_standin import HANG, SERVER_ERROR, Fault, StandInPlatform, too_many  # noqa: E402

AnyClient = TelegramClient | WhatsAppClient | MessengerClient | SmsClient
CLIENTS: dict[str, Callable[[Settings], AnyClient]] = {
    "telegram": TelegramClient,
    "whatsapp": WhatsAppClient,
    "messenger": MessengerClient,
    "sms": SmsClient,
}
SECRETS = dict(
    telegram_bot_token="T0KEN",
    whatsapp_access_token="ACCESS",
    whatsapp_phone_number_id="PHONE-ID",
    messenger_page_token="PAGE",
    twilio_account_sid="AC123",
    twilio_auth_token="twilio-token",
    twilio_from_number="+15005550006",
)
API_URLS = ("telegram_api_url", "whatsapp_api_url", "messenger_api_url", "twilio_api_url")

FAULTS = [too_many("0"), too_many("1"), SERVER_ERROR, HANG, Fault(delay=0.3)]


def run(channel: str, replies: int, share: float, database_url: str) -> None:
    rng = random.Random(13)
    with StandInPlatform() as platform:
        settings = Settings.model_validate(
            {
                "database_url": database_url,
                "send_timeout_seconds": 0.5,
                "send_backoff_seconds": 0.05,
                **SECRETS,
                **dict.fromkeys(API_URLS, platform.url),
            }
        )
        client = CLIENTS[channel](settings)
        client.delivery.policy = dataclasses.replace(client.delivery.policy, sleep=time.sleep)
        platform.script = [rng.choice(FAULTS) if rng.random() < share else Fault() for _ in range(replies * 6)]
        timings = []
        for i in range(replies):
            started = time.perf_counter()
            reply = [{"text": f"reply {i} part 1"}, {"text": f"reply {i} part 2"}]
            if channel == "sms":
                with contextlib.suppress(Undelivered):  # counted below as not arrived
                    client.push(f"4477009{i:05d}", reply)
            else:
                client.send(f"4477009{i:05d}", reply)
            timings.append(time.perf_counter() - started)
        with session_scope(database_url) as s:
            dead = s.scalar(select(func.count()).where(DeadLetter.channel == channel)) or 0
    arrived, sent = len(platform.accepted), replies * 2
    print(
        f"{channel:9} messages {sent}, arrived {arrived}, lost {sent - arrived}, dead letters {dead}, "
        f"requests {platform.requests} ({platform.requests / sent:.2f} per message), "
        f"per reply p50 {statistics.median(timings):.2f} s, max {max(timings):.2f} s"
    )


def main() -> None:
    replies = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    share = float(sys.argv[2]) if len(sys.argv) > 2 else 0.3
    print(f"{replies} two-message replies per channel, {share:.0%} of requests faulted (429, 500, hang, slow)")
    with tempfile.TemporaryDirectory() as folder:
        url = f"sqlite:///{folder}/bench.db"
        migrate(url)
        for channel in CLIENTS:
            run(channel, replies, share, url)


if __name__ == "__main__":
    main()
