"""What people ask of their reminders, in their own words: the kind of change, the times (daytime for bare hours),
the days, pauses, and the one-line question when the words leave it open."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.reminder_requests import understand_request

NOW = dt.datetime(2026, 12, 3, 13, 0)  # a Thursday, 13:00 on the user's clock


@pytest.mark.parametrize(
    "text,times,weekdays",
    [
        ("remind me to walk at 10am on weekdays", ("10:00",), "01234"),
        ("every day at 3pm", ("15:00",), "0123456"),
        ("remind me at 3pm on weekdays", ("15:00",), "01234"),
        ("remind me at 11 and 4", ("11:00", "16:00"), "0123456"),
        ("remind me at eleven and four", ("11:00", "16:00"), "0123456"),
        ("remind me at 2 in the afternoon", ("14:00",), "0123456"),
        ("reminders at half 2", ("14:30",), "0123456"),
        ("twice a day, morning and afternoon", ("09:00", "15:00"), "0123456"),
        ("nudge me in the morning and the evening", ("09:00", "18:00"), "0123456"),
        ("can you remind me to move at 11am and 4pm", ("11:00", "16:00"), "0123456"),
        ("remind me at 10 and 2 on mondays and thursdays", ("10:00", "14:00"), "03"),
        ("at weekends at 10", ("10:00",), "56"),
        ("remind me at 9:30", ("09:30",), "0123456"),
        ("reminders at 10.15 and at 3:45pm please", ("10:15", "15:45"), "0123456"),
        ("4pm", ("16:00",), "0123456"),
        ("at 12pm", ("12:00",), "0123456"),
        ("at 12am", ("00:00",), "0123456"),
    ],
)
def test_setting_times_and_days(text, times, weekdays):
    request = understand_request(text, NOW, "set_reminder")
    assert (request.kind, request.times, request.weekdays, request.question) == ("set", times, weekdays, None)


def test_in_two_hours_is_one_reminder_two_hours_from_now():
    request = understand_request("in 2 hours", NOW, "set_reminder")
    assert request.kind == "once" and request.at == dt.datetime(2026, 12, 3, 15, 0)


@pytest.mark.parametrize(
    "text", ["what reminders do I have?", "list my reminders", "what time are my reminders", "show me my reminders"]
)
def test_questions_about_reminders_list_them(text):
    # whatever Rasa read, a question about reminders never changes them
    for intent in ("list_reminders", "stop_reminders", "set_reminder", None):
        assert understand_request(text, NOW, intent).kind == "list"


@pytest.mark.parametrize(
    "text,targets,times",
    [
        ("move my 11am to 12", ("11:00",), ("12:00",)),
        ("move my reminder to 4", (), ("16:00",)),
        ("change my reminder to 5pm", (), ("17:00",)),
        ("move the 11am one to half 12", ("11:00",), ("12:30",)),
        ("12:30 instead", (), ("12:30",)),
    ],
)
def test_moving_a_reminder(text, targets, times):
    request = understand_request(text, NOW, "move_reminder")
    assert (request.kind, request.targets, request.times) == ("move", targets, times)


@pytest.mark.parametrize(
    "text,targets",
    [("stop the 4pm one", ("16:00",)), ("stop the 11am reminder", ("11:00",)), ("cancel my 3pm reminder", ("15:00",))],
)
def test_stopping_one_reminder_names_it_and_sets_nothing(text, targets):
    request = understand_request(text, NOW, "set_reminder")
    assert (request.kind, request.targets, request.times) == ("stop_one", targets, ())


@pytest.mark.parametrize(
    "text,start,until",
    [
        ("pause reminders until Monday", None, dt.datetime(2026, 12, 7, 0, 0)),
        ("pause reminders till monday", None, dt.datetime(2026, 12, 7, 0, 0)),
        ("no reminders this weekend", dt.datetime(2026, 12, 4, 18, 0), dt.datetime(2026, 12, 7, 0, 0)),
        ("stop reminders for a week", None, dt.datetime(2026, 12, 10, 13, 0)),
        ("no nudges tomorrow", dt.datetime(2026, 12, 4, 0, 0), dt.datetime(2026, 12, 5, 0, 0)),
    ],
)
def test_pausing_for_a_while(text, start, until):
    request = understand_request(text, NOW, "stop_reminders")
    assert (request.kind, request.pause_from, request.pause_until) == ("pause", start, until)


def test_pause_with_no_end_lasts_until_resumed():
    request = understand_request("pause reminders", NOW, "pause_reminders")
    assert (request.kind, request.pause_until) == ("pause", None)


@pytest.mark.parametrize("text", ["resume reminders", "start my reminders again", "turn the reminders back on"])
def test_resuming(text):
    assert understand_request(text, NOW, "set_reminder").kind == "resume"


@pytest.mark.parametrize("text", ["stop all reminders", "please stop reminding me", "no more reminders"])
def test_stopping_them_all(text):
    assert understand_request(text, NOW, "stop_reminders").kind == "stop_all"


def test_seven_could_be_morning_or_evening_so_it_is_asked_with_buttons():
    request = understand_request("remind me at 7", NOW, "set_reminder")
    assert request.times == () and request.question is not None
    assert "07:00" in request.question.text and "19:00" in request.question.text
    assert [words for _title, words in request.question.options] == ["remind me at 7:00am", "remind me at 7:00pm"]
    # each button's words settle it
    assert understand_request(request.question.options[1][1], NOW).times == ("19:00",)


def test_a_question_keeps_the_times_already_clear():
    request = understand_request("remind me at 11 and 7", NOW, "set_reminder")
    assert request.question is not None
    assert understand_request(request.question.options[0][1], NOW).times == ("07:00", "11:00")


@pytest.mark.parametrize("text", ["remind me at 25:00", "I walked 15 minutes", "set up daily reminders"])
def test_no_time_in_the_words_asks_for_one(text):
    assert understand_request(text, NOW, "set_reminder").kind == "ask_time"
