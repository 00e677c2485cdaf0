"""Pacing through the web chat: starting an activity, today's plan, 'can I do more?', the week, the pace."""

from __future__ import annotations

import httpx
import pytest

pytestmark = pytest.mark.e2e


def test_start_walking_again_then_ask_for_todays_plan(chat, stored):
    chat.consent()
    chat.say("I want to start walking again, I think I could manage about 8 minutes")
    assert "8 minutes" in chat.text()
    assert stored(chat)["user"]["starting_minutes"] == {"walking": 8}
    chat.say("what should I do today?")
    assert "8 minutes" in chat.text() and "walking" in chat.text()
    chat.say("I feel great today, can I do more?")
    assert "8 minutes" in chat.text()  # the plan holds, whatever a good day tempts
    assert "boom-and-bust" in chat.text()


def test_an_absurd_starting_amount_is_kept_within_safe_bounds(chat, stored):
    chat.consent()
    chat.say("I want to start swimming, 500 minutes")
    assert stored(chat)["user"]["starting_minutes"]["swimming"] <= 60


def test_the_checkin_summary_names_todays_target(chat):
    chat.consent()
    chat.say("I want to start walking again, about 10 minutes")
    chat.say("pain 4, tiredness 5, slept 7 hours, stress 3, mood ok, walked 10 minutes, no flare")
    assert "Today's plan: 10 minutes of walking" in chat.text()


def test_a_flare_day_gets_a_gentle_note(chat):
    chat.consent()
    chat.say("bad flare today, pain 8, exhausted, slept 4 hours badly, stress 7, mood low, no walk")
    assert "flare day" in chat.text().lower() and "kind to yourself" in chat.text().lower()


def test_how_have_i_been_this_week_gives_words_and_a_chart(chat, stack):
    chat.consent()
    chat.say("pain 5, tiredness 6, slept 6 hours, stress 4, mood ok, walked 12 minutes, no flare")
    chat.say("how have I been this week?")
    assert "this week" in chat.text().lower()
    images = [m["image"] for m in chat.last if m.get("image")]
    assert images
    png = chat.http.get(images[0])  # the chart is this browser's
    assert png.status_code == 200 and png.content[:8] == b"\x89PNG\r\n\x1a\n"
    assert httpx.get(stack.config.api_url + images[0]).status_code == 404


def test_asking_for_a_slower_pace_is_remembered(chat, stored):
    chat.consent()
    chat.say("this is too fast for me, can we go slower")
    assert stored(chat)["user"]["pace"] == "slower"


DIARIES = __import__("pathlib").Path(__file__).resolve().parent.parent / "data" / "diaries"


def test_a_diary_sent_in_the_web_chat_becomes_the_starting_point(chat, stored, stack):
    chat.consent()
    r = chat.http.post(
        "/webchat/diary",
        data={"sender": chat.sender},  # the chat's browser, with its cookie
        files={"file": ("diary.csv", (DIARIES / "good.csv").read_bytes(), "text/csv")},
    )
    assert r.status_code == 200
    assert "added your diary" in r.json()[0]["text"]
    data = stored(chat)
    assert data["activities"] and all(a["source"] == "import" for a in data["activities"])


def test_a_bad_diary_file_gets_a_kind_message_and_nothing_is_saved(chat, stored, stack):
    chat.consent()
    r = chat.http.post(
        "/webchat/diary",
        data={"sender": chat.sender},
        files={"file": ("diary.csv", (DIARIES / "wrong_columns.csv").read_bytes(), "text/csv")},
    )
    assert "nothing was saved" in r.json()[0]["text"]
    assert stored(chat)["activities"] == [] and stored(chat)["checkins"] == []


def test_another_browser_cannot_send_a_diary_into_someone_elses_chat(chat, stored, stack):
    chat.consent()
    with httpx.Client(base_url=stack.config.api_url) as stranger:
        r = stranger.post(
            "/webchat/diary",
            data={"sender": chat.sender},
            files={"file": ("diary.csv", (DIARIES / "good.csv").read_bytes(), "text/csv")},
        )
    assert r.status_code == 403
    assert stored(chat)["activities"] == []


def test_after_a_day_past_the_plan_the_checkin_asks_if_today_is_worse(chat, stored):
    chat.consent()
    chat.say("I want to start walking again, about 8 minutes")
    chat.say("yesterday I walked 20 minutes, pain 4, tiredness 4, slept 7 hours, stress 3, mood ok, no flare")
    assert "worse today after yesterday" not in chat.text()  # a check-in for yesterday never asks it
    chat.say("pain 6, tiredness 7, slept 6 hours, stress 4, mood ok, walked 5 minutes, no flare")
    assert "Anything worse today after yesterday?" in chat.text()
    chat.say("worse today")
    assert "worse after yesterday" in chat.text()
    assert any(c.get("post_exertional") for c in stored(chat)["checkins"])


def test_the_question_is_not_asked_after_a_day_on_plan(chat):
    chat.consent()
    chat.say("I want to start walking again, about 8 minutes")
    chat.say("yesterday I walked 8 minutes, pain 4, tiredness 4, slept 7 hours, stress 3, mood ok, no flare")
    chat.say("pain 4, tiredness 4, slept 7 hours, stress 3, mood ok, walked 8 minutes, no flare")
    assert "after yesterday" not in chat.text() and "Today's plan: 8 minutes of walking" in chat.text()
