"""No personal health data in the logs: what people told the bot in the other tests must not appear there."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e

SAID_IN_TESTS = [
    "wiped out",
    "point of living",
    "slept about 5 hrs",
    "my legs are burning",
    "left arm",
    "pain 6 today",
    "opioids for fibro",
    "pregabalin",
]


def test_logs_hold_no_message_text(stack, chat):
    chat.say("pain 6 today, wiped out, honestly I don't see the point of living")  # make sure something was said
    for log in stack.config.log_dir.glob("*.log"):
        content = log.read_text(errors="replace").lower()
        leaked = [phrase for phrase in SAID_IN_TESTS if phrase in content]
        assert not leaked, f"{log.name} contains {leaked}"
