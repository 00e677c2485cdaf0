"""Telegram end to end: updates into the webhook, the real Rasa and action server, replies to a fake Bot API."""

from __future__ import annotations

import itertools

import httpx
import pytest

pytestmark = pytest.mark.e2e
_ids = itertools.count(1000)
HEADERS = {"X-Telegram-Bot-Api-Secret-Token": "test-secret"}


def post(stack, body):
    r = httpx.post(stack.config.api_url + "/webhooks/telegram", json=body, headers=HEADERS, timeout=60)
    assert r.status_code == 200, r.text
    return r.json()


def text(stack, chat_id, message):
    return post(stack, {"update_id": next(_ids), "message": {"chat": {"id": chat_id}, "text": message}})


def press(stack, telegram_api, chat_id, title):
    for body in reversed(telegram_api.sent_to(str(chat_id))):
        for row in (body.get("reply_markup") or {}).get("inline_keyboard", []):
            for button in row:
                if title.lower() in button["text"].lower():
                    return post(
                        stack,
                        {
                            "update_id": next(_ids),
                            "callback_query": {
                                "id": "q",
                                "data": button["callback_data"],
                                "message": {"chat": {"id": chat_id}},
                            },
                        },
                    )
    raise AssertionError(f"no button {title!r}")


def test_a_telegram_user_agrees_and_checks_in_in_one_message(stack, telegram_api):
    chat_id = 777001
    text(stack, chat_id, "hi")
    assert any("store" in b["text"] for b in telegram_api.sent_to(str(chat_id)))
    press(stack, telegram_api, chat_id, "I agree")
    text(stack, chat_id, "pain 5, tiredness 6, slept 7 hours, stress 3, mood ok, walked 10 minutes, no flare")
    assert any("that's logged" in b["text"] for b in telegram_api.sent_to(str(chat_id))[-3:])

    from bot.storage import repo
    from bot.storage.db import session_scope

    with session_scope(stack.config.database_url) as s:
        data = repo.export_user(s, repo.find_user(s, "telegram", str(chat_id)))
    assert data["checkins"][0]["pain"] == 5 and data["activities"][0]["minutes"] == 10


def test_a_red_flag_on_telegram_mid_checkin(stack, telegram_api):
    chat_id = 777002
    text(stack, chat_id, "hi")
    press(stack, telegram_api, chat_id, "I agree")
    text(stack, chat_id, "check in")
    text(stack, chat_id, "my face is drooping on one side and my speech is slurred")
    last = telegram_api.sent_to(str(chat_id))[-1]["text"]
    assert "112" in last or "911" in last or "999" in last


def test_a_crisis_in_a_photo_caption_gets_help_at_once(stack, telegram_api):
    chat_id = 777003
    photo = {
        "chat": {"id": chat_id},
        "photo": [{"file_id": "p1", "width": 90, "height": 90}],
        "caption": "this is my last check in, ive sorted everything for after",
    }
    post(stack, {"update_id": next(_ids), "message": photo})
    last = telegram_api.sent_to(str(chat_id))[-1]["text"]
    assert "116 123" in last or "988" in last or "Samaritans" in last or "112" in last


def test_a_typed_follow_up_answer_on_telegram_stays_with_the_triage(stack, telegram_api):
    chat_id = 777004
    text(stack, chat_id, "hi")
    press(stack, telegram_api, chat_id, "I agree")
    text(stack, chat_id, "my knee started hurting on the walk today, is that normal?")
    before = len(telegram_api.sent_to(str(chat_id)))
    text(stack, chat_id, "none of those")
    replies = " ".join(b["text"] for b in telegram_api.sent_to(str(chat_id))[before:]).lower()
    assert "don't know that one" not in replies
    assert any(
        word in replies for word in ("swollen", "swelling", "better", "worse", "how long", "spreading", "normal")
    ), replies


def test_a_telegram_retry_of_the_same_update_is_answered_once(stack, telegram_api):
    chat_id = 777005
    update = {"update_id": next(_ids), "message": {"chat": {"id": chat_id}, "text": "hi"}}
    post(stack, update)
    sent = len(telegram_api.sent_to(str(chat_id)))
    assert post(stack, update).get("duplicate") is True
    assert len(telegram_api.sent_to(str(chat_id))) == sent
