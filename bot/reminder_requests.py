"""What a person asks of their movement reminders, from their own words: set, list, move, stop one, pause, resume
or stop all, with the times and days they mean. Pure: no database, no clock but the one handed in.

Times are read by Duckling (bot.time_words), the days a reminder repeats on by `recurrent` (an RRULE's BYDAY).
A bare hour is taken as daytime ("at 11 and 4" is 11:00 and 16:00); what cannot be settled that way is asked
back in one line with buttons (`Question`), each button carrying the words that settle it."""

from __future__ import annotations

import datetime as dt
import warnings
from dataclasses import dataclass, field
from typing import Literal

from recurrent.event_parser import RecurringEvent
from text_to_num import alpha2digit

from bot.time_words import ClockTime, TimeWords, read_clock_time, read_time_words

Kind = Literal["set", "once", "list", "move", "stop_one", "pause", "resume", "stop_all", "ask_time"]
EVERY_DAY = "0123456"
_RRULE_DAYS = {"MO": "0", "TU": "1", "WE": "2", "TH": "3", "FR": "4", "SA": "5", "SU": "6"}

# parts of the day people name instead of a time
NAMED_TIMES = {
    "morning": "09:00",
    "midday": "12:00",
    "noon": "12:00",
    "lunchtime": "12:30",
    "lunch": "12:30",
    "afternoon": "15:00",
    "evening": "18:00",
}
# what the words ask for; a phrase is looked for among the message's words, in this order of precedence
RESUME_WORDS = ("resume", "unpause", "restart", "start again", "back on", "start my reminders", "start reminders")
PAUSE_WORDS = ("pause", "a break", "hold off", "on hold", "holiday")
QUIET_WORDS = ("no reminders", "no nudges", "don't remind me", "dont remind me", "not remind me", "skip")
STOP_WORDS = (
    "stop",
    "cancel",
    "turn off",
    "switch off",
    "no more",
    "delete",
    "remove",
    "unsubscribe",
    "don't want",
    "dont want",
    "get rid",
    "drop",
)
ALL_WORDS = ("all", "every", "everything", "any more", "anymore")
MOVE_WORDS = ("move", "change", "shift", "swap", "reschedule", "push", "bring", "switch", "make")
MOVED_WORDS = ("my", "the", "it", "that", "this", "reminder", "reminders", "nudge", "one")  # "move my ...", "change it"
LIST_WORDS = ("what", "which", "list", "show", "when", "do i have", "have i got", "see my", "tell me my")
# the intent Rasa read, for when the words themselves do not say
INTENT_KINDS: dict[str, Kind] = {
    "list_reminders": "list",
    "move_reminder": "move",
    "stop_one_reminder": "stop_one",
    "pause_reminders": "pause",
    "resume_reminders": "resume",
    "stop_reminders": "stop_all",
}


@dataclass(frozen=True)
class Question:
    """One line asked back, and the buttons that answer it: (title, the words the button stands for)."""

    text: str
    options: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ReminderRequest:
    kind: Kind
    times: tuple[str, ...] = ()  # "HH:MM": the times to set, or where a moved reminder goes
    targets: tuple[str, ...] = ()  # "HH:MM": the reminder to move or stop
    weekdays: str = EVERY_DAY  # Monday = 0
    at: dt.datetime | None = None  # local: a one-off ("in 2 hours")
    pause_from: dt.datetime | None = None  # local
    pause_until: dt.datetime | None = None  # local, not included; None = until resumed
    question: Question | None = field(default=None)


def _words(text: str) -> str:
    return " " + " ".join(text.lower().replace("’", "'").replace("?", " ").replace(",", " ").split()) + " "


def _says(words: str, phrases: tuple[str, ...]) -> bool:
    return any(f" {phrase} " in words for phrase in phrases)


def _daytime(clock: ClockTime) -> ClockTime | None:
    """A bare hour as daytime: 8-11 in the morning, 12 noon, 1-6 in the afternoon; 7 could be either (None)."""
    if not clock.twelve_hour:
        return clock
    hour = clock.hour % 12
    if hour == 7:
        return None
    if 1 <= hour <= 6:
        hour += 12
    return ClockTime(hour or 12, clock.minute, False, clock.words)


def _list_pieces(text: str, found: TimeWords, local_now: dt.datetime) -> list[ClockTime]:
    """Bare numbers later in a list that Duckling reads only with "at" in front ("at 11 and 4": the 4)."""
    if not found.clock_times:
        return []
    rest = text.lower().rsplit(found.clock_times[-1].words.lower(), 1)[-1]
    pieces: list[ClockTime] = []
    for piece in rest.replace(",", " and ").split(" and ")[1:]:
        words = alpha2digit(piece, "en").split()
        if words and words[0][0].isdigit() and len(words) <= 4:
            clock = read_clock_time(piece, local_now)
            if clock is not None:
                pieces.append(clock)
    return pieces


def _clock_times(text: str, local_now: dt.datetime) -> tuple[list[ClockTime], list[ClockTime]]:
    """(times settled, bare hours that could be morning or evening), named parts of the day included."""
    found = read_time_words(text, local_now)
    settled: list[ClockTime] = []
    unsure: list[ClockTime] = []
    for clock in [*found.clock_times, *_list_pieces(text, found, local_now)]:
        daytime = _daytime(clock)
        if daytime is None:
            unsure.append(clock)
        else:
            settled.append(daytime)
    words = _words(text)
    for name, hhmm in NAMED_TIMES.items():
        already = any(name in clock.words.lower() for clock in found.clock_times)
        if f" {name} " in words and not already:
            hour, minute = (int(x) for x in hhmm.split(":"))
            settled.append(ClockTime(hour, minute, False, name))
    return settled, unsure


def _hhmm(clocks: list[ClockTime]) -> tuple[str, ...]:
    return tuple(sorted({clock.hhmm for clock in clocks}))


def weekdays_in(text: str, local_now: dt.datetime) -> str:
    """The days a reminder repeats on ("on weekdays": "01234"); every day unless the words name days."""
    with warnings.catch_warnings():  # parsedatetime, under recurrent, warns of its own future API on every use
        warnings.simplefilter("ignore", PendingDeprecationWarning)
        event = RecurringEvent(now_date=local_now)
        event.parse(text)
    byday = (event.get_params() or {}).get("byday")
    if not byday:
        return EVERY_DAY
    days = sorted({_RRULE_DAYS[day[-2:]] for day in str(byday).split(",") if day[-2:] in _RRULE_DAYS})
    return "".join(days) or EVERY_DAY


def spoken(hhmm: str) -> str:
    """ "19:00" as words no reader can take for another time: "7:00pm"."""
    hour, minute = (int(x) for x in hhmm.split(":"))
    return f"{hour % 12 or 12}:{minute:02d}{'am' if hour < 12 else 'pm'}"


def _either(clock: ClockTime, say: str) -> Question:
    morning, evening = f"{clock.hour % 12:02d}:{clock.minute:02d}", f"{clock.hour % 12 + 12:02d}:{clock.minute:02d}"
    return Question(
        f"Just to check: {morning} in the morning or {evening} in the evening?",
        ((morning, say.format(time=spoken(morning))), (evening, say.format(time=spoken(evening)))),
    )


def _pause(text: str, local_now: dt.datetime) -> ReminderRequest | None:
    """A stretch without reminders, when the words give one ("until Monday", "this weekend", "for a week")."""
    found = read_time_words(text, local_now)
    for span in found.spans:
        if span.end is not None and span.end > local_now:
            start = span.start if span.start is not None and span.start > local_now else None
            return ReminderRequest("pause", pause_from=start, pause_until=span.end)
    for length in found.lengths:
        return ReminderRequest("pause", pause_until=local_now + length)
    return None


def _move(text: str, local_now: dt.datetime) -> ReminderRequest:
    """ "move my 11am to 12": the reminder before the last "to", its new time after it."""
    before, to, after = text.lower().rpartition(" to ")
    source, target = (before, after.strip()) if to else ("", text.lower())
    if target[:1].isdigit():
        target = "at " + target
    targets, unsure_targets = _clock_times(source, local_now) if source else ([], [])
    times, unsure = _clock_times(target, local_now)
    if unsure:
        say = f"move my {spoken(targets[0].hhmm)} reminder to {{time}}" if targets else "move my reminder to {time}"
        return ReminderRequest("move", targets=_hhmm(targets), question=_either(unsure[0], say))
    if unsure_targets and times:
        say = f"move my {{time}} reminder to {spoken(times[0].hhmm)}"
        return ReminderRequest("move", times=_hhmm(times[:1]), question=_either(unsure_targets[0], say))
    return ReminderRequest("move", times=_hhmm(times[:1]), targets=_hhmm(targets))


def _set(text: str, local_now: dt.datetime) -> ReminderRequest:
    found = read_time_words(text, local_now)
    if found.moments and not found.clock_times:
        return ReminderRequest("once", at=found.moments[0].at.replace(second=0, microsecond=0))
    times, unsure = _clock_times(text, local_now)
    weekdays = weekdays_in(text, local_now)
    if unsure:
        settled = " and ".join(spoken(clock.hhmm) for clock in times)
        say = "remind me at {time}" + (f" and {settled}" if settled else "")
        return ReminderRequest("set", times=_hhmm(times), weekdays=weekdays, question=_either(unsure[0], say))
    if not times:
        return ReminderRequest("ask_time", weekdays=weekdays)
    return ReminderRequest("set", times=_hhmm(times), weekdays=weekdays)


def understand_request(text: str, local_now: dt.datetime, intent: str | None = None) -> ReminderRequest:
    """What the person wants done with their reminders. `intent` (Rasa's reading) decides only when the words
    do not: a question about reminders lists them and never changes them."""
    words = _words(text)
    if _says(words, RESUME_WORDS):
        return ReminderRequest("resume")
    asks_quiet = _says(words, PAUSE_WORDS) or _says(words, QUIET_WORDS) or _says(words, STOP_WORDS)
    if asks_quiet:
        pause = _pause(text, local_now)
        if pause is not None:
            return pause
        if _says(words, PAUSE_WORDS):
            return ReminderRequest("pause")
    if _says(words, STOP_WORDS) or _says(words, QUIET_WORDS):
        times, unsure = _clock_times(text, local_now)
        if _says(words, ALL_WORDS) or not (times or unsure):
            return ReminderRequest("stop_all")
        if unsure:
            return ReminderRequest("stop_one", question=_either(unsure[0], "stop the {time} reminder"))
        return ReminderRequest("stop_one", targets=_hhmm(times))
    if any(f" {move} {what} " in words for move in MOVE_WORDS for what in MOVED_WORDS) or _says(words, ("instead",)):
        return _move(text, local_now)
    if _says(words, LIST_WORDS) and not any(_clock_times(text, local_now)):
        return ReminderRequest("list")
    request = _set(text, local_now)
    hinted = INTENT_KINDS.get(intent or "")
    if request.kind == "ask_time" and hinted is not None:
        return ReminderRequest(hinted)
    return request
