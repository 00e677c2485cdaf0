"""Conversation state survives a restart: Rasa's tracker store is SQL, so a user mid-check-in carries on.

Named to run last: it restarts the Rasa server of the shared test stack (model load about 35 s).
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.e2e


def test_a_user_in_the_middle_of_a_checkin_carries_on_after_rasa_restarts(chat, stored, stack):
    chat.consent()
    chat.say("check in")
    chat.say("6")
    assert "tired" in chat.text().lower()

    stack.stop_one("rasa")
    stack.start_rasa()
    stack.wait_ready(timeout=240)

    chat.say("3")  # the answer to the tiredness question asked before the restart
    assert "sleep" in chat.text().lower()
    chat.say("stop")
    checkin = stored(chat)["checkins"][0]
    assert (checkin["pain"], checkin["fatigue"]) == (6, 3)
