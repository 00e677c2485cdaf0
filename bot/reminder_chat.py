"""A message about reminders, answered: what the words ask (bot.reminder_requests) done to the stored reminders
(bot.reminders), and the reply in plain, warm words. The Rasa action (actions/reminders.py) only hands over the
text, Rasa's intent and what the bot was waiting for, and sends the reply."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from bot import reminders
from bot.reminder_requests import Question, ReminderRequest, spoken, understand_request
from bot.storage.models import Reminder, User

QUIET_START, QUIET_END, in_quiet_hours = reminders.QUIET_START, reminders.QUIET_END, reminders.in_quiet_hours
STOP_HINT = 'Say "what reminders do I have?" to see them, or "pause reminders" for a break.'


@dataclass(frozen=True)
class ChatReply:
    text: str
    buttons: tuple[tuple[str, str], ...] = ()  # (title, the words it stands for)
    waiting_for: str | None = None  # words a lone time completes next turn ("move my 11:00 reminder to")


@dataclass
class _Turn:
    session: Session
    user: User
    now: dt.datetime
    said: list[str] = field(default_factory=list)

    @property
    def local_now(self) -> dt.datetime:
        return reminders.to_local(self.now, self.user.timezone)


def _when(moment: dt.datetime, user: User, now: dt.datetime) -> str:
    local, today = reminders.to_local(moment, user.timezone), reminders.to_local(now, user.timezone).date()
    if local.date() == today:
        return f"today at {local:%H:%M}"
    if local.date() == today + dt.timedelta(days=1):
        return f"tomorrow at {local:%H:%M}" if local.time() != dt.time(0) else "tomorrow"
    return f"{local:%A %d %B}" if local.time() == dt.time(0) else f"{local:%A %d %B at %H:%M}"


def _asked(question: Question) -> ChatReply:
    return ChatReply(question.text, question.options)


def _listing(turn: _Turn) -> ChatReply:
    current = reminders.active_reminders(turn.session, turn.user)
    if not current:
        return ChatReply(
            'You don\'t have any reminders at the moment. Would you like one? For example "remind me at 11am".',
            (("11:00 every day", "remind me at 11am"), ("11:00 and 16:00", "remind me at 11am and 4pm")),
        )
    paused, until = reminders.paused_until(current, turn.now)
    text = f"Your reminders: {reminders.describe(current)} ({turn.user.timezone} time)."
    if paused:
        text += f" They're paused until {_when(until, turn.user, turn.now)}." if until else " They're paused for now."
        return ChatReply(text, (("Resume reminders", "resume reminders"),))
    return ChatReply(text + " " + STOP_HINT)


def _set(turn: _Turn, request: ReminderRequest) -> ChatReply:
    if request.question is not None:
        return _asked(request.question)
    quiet = [t for t in request.times if in_quiet_hours(t)]
    wanted = [t for t in request.times if t not in quiet]
    added = reminders.add_reminders(turn.session, turn.user, wanted, turn.now, request.weekdays)
    kept = added.reminders
    parts = []
    if kept:
        parts.append(
            f"Done: I'll send you a gentle nudge to move at {reminders.describe(kept)} ({turn.user.timezone} time). "
            "On flare days the nudge will be extra gentle."
        )
    if added.left_out:
        parts.append(
            f"I keep at most {reminders.MAX_REMINDERS} reminders a day, so I haven't added "
            f"{' and '.join(added.left_out)}. You can move or stop one to make room."
        )
    if quiet:
        parts.append(
            f"{' and '.join(quiet)} falls in the quiet hours ({QUIET_START}:00 to {QUIET_END:02d}:00), when I don't "
            "send anything, so rest is left undisturbed. Would an earlier time suit?"
        )
        return ChatReply(" ".join(parts), (("20:00", "remind me at 8pm"), ("18:00", "remind me at 6pm")))
    return ChatReply(" ".join(parts) + ' Say "stop reminders" any time.')


def _once(turn: _Turn, request: ReminderRequest) -> ChatReply:
    assert request.at is not None
    at = reminders.to_utc(request.at, turn.user.timezone)
    if in_quiet_hours(f"{request.at:%H:%M}"):
        return ChatReply(
            f"That would be {request.at:%H:%M}, in the quiet hours ({QUIET_START}:00 to {QUIET_END:02d}:00) when I "
            "don't send anything, so your rest is left alone. Tomorrow is a fresh start."
        )
    reminders.add_one_off(turn.session, turn.user, at)
    return ChatReply(f"Okay: one gentle nudge {_when(at, turn.user, turn.now)}.")


def _pick(turn: _Turn, targets: tuple[str, ...], say: str) -> tuple[Reminder | None, ChatReply | None]:
    """The reminder the words point at, or a one-line question with a button for each."""
    current = [r for r in reminders.active_reminders(turn.session, turn.user) if not r.one_off]
    if not current:
        return None, ChatReply(
            "You don't have any reminders set, so there's nothing to change. Would you like one?",
            (("11:00 every day", "remind me at 11am"),),
        )
    if targets:
        chosen = next((r for r in current if r.local_time == targets[0]), None)
        if chosen is not None:
            return chosen, None
        lead = f"I don't have a reminder at {targets[0]} for you."
    elif len(current) == 1:
        return current[0], None
    else:
        lead = "Which one?"
    options = tuple((r.local_time, say.format(time=spoken(r.local_time))) for r in current)
    return None, ChatReply(f"{lead} Your reminders are at {reminders.describe(current)}.", options)


def _move(turn: _Turn, request: ReminderRequest) -> ChatReply:
    if request.question is not None:
        return _asked(request.question)
    if not request.times:
        target = request.targets[0] if request.targets else ""
        lead = f"move my {spoken(target)} reminder to" if target else "move my reminder to"
        return ChatReply("What time should it move to?", waiting_for=lead)
    new_time = request.times[0]
    reminder, asked = _pick(turn, request.targets, "move my {time} reminder to " + spoken(new_time))
    if reminder is None:
        assert asked is not None
        return asked
    if in_quiet_hours(new_time):
        return ChatReply(
            f"{new_time} falls in the quiet hours, when I don't send anything. Would an earlier time suit?",
            (("20:00", f"move my {spoken(reminder.local_time)} reminder to 8pm"),),
        )
    old = reminder.local_time
    reminders.move_reminder(turn.session, reminder, turn.user, new_time, turn.now)
    return ChatReply(f"Done: your {old} reminder is now at {new_time}, {reminders.days_phrase(reminder.weekdays)}.")


def _stop_one(turn: _Turn, request: ReminderRequest) -> ChatReply:
    if request.question is not None:
        return _asked(request.question)
    reminder, asked = _pick(turn, request.targets, "stop the {time} reminder")
    if reminder is None:
        assert asked is not None
        return asked
    reminders.stop_reminder(reminder)
    rest = [r for r in reminders.active_reminders(turn.session, turn.user) if r.id != reminder.id]
    after = f" You still have {reminders.describe(rest)}." if rest else " That was your only one."
    return ChatReply(f"Okay, I've stopped the {reminder.local_time} reminder.{after}")


def _pause(turn: _Turn, request: ReminderRequest) -> ChatReply:
    tz = turn.user.timezone
    until = reminders.to_utc(request.pause_until, tz) if request.pause_until else None
    start = reminders.to_utc(request.pause_from, tz) if request.pause_from else None
    if not reminders.pause_reminders(turn.session, turn.user, turn.now, until, start):
        return ChatReply("You don't have any reminders set, so there's nothing to pause.")
    if until is None:
        when = "until you say so"
    elif start is not None:
        when = f"from {_when(start, turn.user, turn.now)} until {_when(until, turn.user, turn.now)}"
    else:
        when = f"until {_when(until, turn.user, turn.now)}"
    return ChatReply(
        f'Okay, no reminders {when}. A break is fine. Your times are kept: say "resume reminders" to have them back.',
        (("Resume reminders", "resume reminders"),),
    )


def _resume(turn: _Turn) -> ChatReply:
    if not reminders.resume_reminders(turn.session, turn.user, turn.now):
        current = reminders.active_reminders(turn.session, turn.user)
        if current:
            return ChatReply(f"Your reminders are already on: {reminders.describe(current)}.")
        return ChatReply(
            "You don't have any reminders to resume. Would you like one?", (("11:00 every day", "remind me at 11am"),)
        )
    current = reminders.active_reminders(turn.session, turn.user)
    return ChatReply(f"Welcome back: your reminders are on again, {reminders.describe(current)}.")


def _stop_all(turn: _Turn) -> ChatReply:
    if not reminders.stop_reminders(turn.session, turn.user):
        return ChatReply("You don't have any reminders set.")
    return ChatReply("Okay, no more reminders. If you'd like them back, just tell me a time.")


def answer(
    session: Session,
    user: User,
    text: str,
    now: dt.datetime,
    intent: str | None = None,
    waiting_for: str | None = None,
) -> ChatReply:
    """Does what the words ask and says what was done. `waiting_for` is the bot's last question about reminders
    ("move my reminder to"): a lone time typed next completes it."""
    turn = _Turn(session, user, now)
    request = understand_request(text, turn.local_now, intent)
    if waiting_for and request.kind in ("set", "ask_time"):
        completed = understand_request(f"{waiting_for} {text}", turn.local_now, intent)
        if completed.times or completed.question:
            request = completed
    match request.kind:
        case "list":
            return _listing(turn)
        case "set":
            return _set(turn, request)
        case "once":
            return _once(turn, request)
        case "move":
            return _move(turn, request)
        case "stop_one":
            return _stop_one(turn, request)
        case "pause":
            return _pause(turn, request)
        case "resume":
            return _resume(turn)
        case "stop_all":
            return _stop_all(turn)
    current = reminders.active_reminders(session, user)
    now_set = f" Right now I remind you at {reminders.describe(current)}." if current else ""
    return ChatReply(
        'What time would suit you? For example "remind me at 11am and 4pm".' + now_set,
        (
            ("11:00", "remind me at 11am"),
            ("15:00", "remind me at 3pm"),
            ("11:00 and 16:00", "remind me at 11am and 4pm"),
        ),
        waiting_for="remind me at",
    )
