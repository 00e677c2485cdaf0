#!/usr/bin/env python3
"""Measure the daily check-in as people experience it: through the web channel, to the stored data.

Run from the repo root:  .venv/bin/python scripts/eval_checkin_dialogue.py [--step-cases 20] [--workers 3]

Starts its own stack (FastAPI + Rasa + action server, fresh SQLite database in a temporary folder) with the
current model (never trains it: when the model for the current content is missing it waits, because another
session may be training), then, each case as a new web user who first agrees to consent:

ONE-MESSAGE path, every case of eval/checkin/unseen.yml:
  sends the case's message; while the bot asks check-in questions (recognised by the texts and buttons of the
  utter_ask_ci_* responses in domain/checkin.yml) answers each from the case's expected values in plain words when
  the case lists that field, else "skip"; a re-asked question is answered once more in the plainest words, then
  skipped. Then reads what was stored (bot.storage.repo.export_user) and scores the fields of the ORIGINAL message:
    correct      the message contained the field, the bot did not ask for it, and the stored value is right
    follow-up    the message contained the field but the bot asked for it again (not recorded from the message;
                 whether the follow-up answer was then stored right is reported separately)
    wrong        stored with another value
    missed       not stored (and not asked)
    false field  stored although the message did not contain it (nor did an answer)
  Headline: correct / fields the messages contained. Activities compare as total minutes per kind; a rest day
  ("stayed in bed", kind "none") has no activity row, so it counts as correct when no activity is stored and the
  bot's summary says "a rest day". The day (yesterday vs today) and the out-of-range notice are reported apart.
  It also runs bot.checkin.parse.parse_checkin in-process on each message and lists every field where what was
  stored differs from what the parser read (a value lost or changed between the parser and the database).

STEP-BY-STEP path, generated profiles (seeded): clicks "Check in", answers each question in varied natural words
  ("about a six", "5 or 6", "slept badly, maybe 5 hours", "half an hour of walking", "nope", "pass", ...), and
  checks what was stored against the profile.

Prints the share of fields recorded correctly (overall, per field), false fields, the number of user messages from
the first check-in message to the summary (median, p90; consent excluded) for both paths, the share of check-ins
that finished, and every conversation problem seen (questions asked twice, "didn't catch that", unfinished forms).
Writes the full record, transcripts included, to results/checkin_dialogue.json. Exit status 0: it is a report.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import random
import secrets
import statistics
import sys
import tempfile
import time
import uuid
from collections import Counter, defaultdict
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402
import yaml  # noqa: E402

from bot.checkin.parse import FIELDS, parse_checkin  # noqa: E402

SLOTS = ("ci_pain", "ci_fatigue", "ci_sleep", "ci_stress", "ci_mood", "ci_activity", "ci_flare")
# which eval fields a form slot carries
SLOT_FIELDS = {
    "ci_pain": ("pain",),
    "ci_fatigue": ("fatigue",),
    "ci_sleep": ("sleep_hours", "sleep_quality"),
    "ci_stress": ("stress",),
    "ci_mood": ("mood",),
    "ci_activity": ("activities",),
    "ci_flare": ("flare",),
}
FIELD_SLOT = {f: s for s, fs in SLOT_FIELDS.items() for f in fs}
END_MARKS = ("that's logged", "i've saved what you gave me", "nothing recorded this time")
NOT_UNDERSTOOD_MARK = "didn't quite catch that"
RANGE_MARK = "scale goes from 0 to 10"
MAX_TURNS = 16

NUMBER_WORDS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]


# ---------------------------------------------------------------- the questions, as domain/checkin.yml has them


def load_questions() -> dict[str, dict]:
    data = yaml.safe_load((ROOT / "domain" / "checkin.yml").read_text(encoding="utf-8"))
    questions = {}
    for name, variants in data["responses"].items():
        if not name.startswith("utter_ask_ci_"):
            continue
        slot = name.removeprefix("utter_ask_")
        questions[slot] = {
            "texts": [v["text"].strip() for v in variants],
            "payloads": [tuple(b["payload"] for b in (v.get("buttons") or [])) for v in variants],
        }
    return questions


def question_of(message: dict, questions: dict[str, dict]) -> str | None:
    """The check-in slot a bot message asks for, by its text or its set of buttons."""
    text = (message.get("text") or "").strip()
    payloads = tuple(b.get("payload") for b in (message.get("buttons") or []))
    for slot, q in questions.items():
        if text and (text in q["texts"] or any(t.startswith(text[:40]) for t in q["texts"])):
            return slot
    by_buttons = [slot for slot, q in questions.items() if payloads and payloads in q["payloads"]]
    return by_buttons[0] if len(by_buttons) == 1 else None  # fatigue and stress share their buttons


# ---------------------------------------------------------------- one web user


class WebUser:
    def __init__(self, base_url: str):
        self.sender = f"eval{uuid.uuid4().hex[:14]}"
        self.http = httpx.Client(base_url=base_url, timeout=60.0)
        self.last: list[dict] = []
        self.transcript: list[tuple[str, str]] = []

    def say(self, text: str) -> list[dict]:
        r = self.http.post("/webhooks/rest/webhook", json={"sender": self.sender, "message": text})
        r.raise_for_status()
        self.last = r.json()
        self.transcript.append(("user", text))
        for m in self.last:
            bits = [m.get("text") or ""]
            if m.get("buttons"):
                bits.append("[" + " | ".join(b["title"] for b in m["buttons"]) + "]")
            if m.get("custom"):
                bits.append(json.dumps(m["custom"]))
            self.transcript.append(("bot", " ".join(b for b in bits if b)))
        return self.last

    def text(self) -> str:
        return "\n".join(m.get("text") or "" for m in self.last)

    def payload_of(self, *title_parts: str) -> str | None:
        for m in self.last:
            for b in m.get("buttons") or []:
                if any(p.lower() in b["title"].lower() for p in title_parts):
                    return b["payload"]
        return None

    def consent(self) -> bool:
        self.say("hi")
        payload = self.payload_of("I agree")
        if payload != "/consent_agree":
            self.say("I agree")
        else:
            self.say(payload)
        return "thank you" in self.text().lower()

    def close(self) -> None:
        self.http.close()


@dataclass
class Dialogue:
    messages: int = 0  # user messages from the first check-in message to the summary
    asked: list[str] = field(default_factory=list)  # slots asked, in order
    finished: bool = False
    started: bool = False
    summary: str = ""
    first_reply: str = ""
    not_understood: list[tuple[str, str]] = field(default_factory=list)  # (slot, answer)
    range_notes: list[tuple[str, str]] = field(default_factory=list)
    reasked: list[tuple[str, str]] = field(default_factory=list)  # (slot, answer before the re-ask)
    answers: dict[str, list[str]] = field(default_factory=dict)
    ended_without_summary: str = ""


def run_checkin(user: WebUser, first: str, answer: Callable[[str, int], str], questions: dict) -> Dialogue:
    """Send `first`, then answer every check-in question until the summary (or the conversation leaves the form)."""
    d = Dialogue()
    reply = user.say(first)
    d.messages = 1
    d.first_reply = user.text()
    times_asked: Counter = Counter()
    last_answer: tuple[str, str] | None = None
    while True:
        low = user.text().lower()
        asked_now = [s for s in (question_of(m, questions) for m in reply) if s]
        if asked_now:
            d.started = True
        if NOT_UNDERSTOOD_MARK in low and last_answer:
            d.not_understood.append(last_answer)
        if RANGE_MARK in low and last_answer:
            d.range_notes.append(last_answer)
        if any(mark in low for mark in END_MARKS):
            d.started = True
            d.finished = True
            d.summary = next(m["text"] for m in reply if any(k in (m.get("text") or "").lower() for k in END_MARKS))
            break
        if not asked_now:
            d.ended_without_summary = user.text()[:300]
            break
        slot = asked_now[-1]
        d.asked.append(slot)
        if times_asked[slot] and last_answer and last_answer[0] == slot:
            d.reasked.append(last_answer)
        elif times_asked[slot]:
            d.reasked.append((slot, "(asked again later)"))
        times_asked[slot] += 1
        if d.messages >= MAX_TURNS:
            d.ended_without_summary = f"gave up after {MAX_TURNS} messages"
            break
        text = answer(slot, times_asked[slot])
        d.answers.setdefault(slot, []).append(text)
        last_answer = (slot, text)
        reply = user.say(text)
        d.messages += 1
    return d


# ---------------------------------------------------------------- values: expected, stored, compared


def activities_key(items) -> tuple | None:
    totals: Counter = Counter()
    for kind, minutes in items or ():
        totals[str(kind)] += int(minutes)
    return tuple(sorted(totals.items())) or None


def expected_values(expect: dict) -> dict[str, Any]:
    out = {}
    for name in FIELDS:
        if name not in expect or expect[name] is None:
            continue
        value = expect[name]
        if name == "activities":
            value = activities_key(value)
        elif name == "sleep_hours":
            value = float(value)
        out[name] = value
    return out


def parsed_values(text: str) -> dict[str, Any]:
    p = parse_checkin(text)
    out = {}
    for name in FIELDS:
        value = getattr(p, name)
        if name == "activities":
            value = activities_key((a.kind, a.minutes) for a in value)
        if value is not None:
            out[name] = value
    return out


def read_stored(database_url: str, sender: str) -> dict:
    from bot.storage import repo
    from bot.storage.db import session_scope

    with session_scope(database_url) as session:
        user = repo.find_user(session, "web", sender)
        return repo.export_user(session, user) if user else {}


def stored_values(export: dict, summary: str) -> tuple[dict[str, Any], list[str]]:
    """The check-in as stored (one row expected), and the days the rows are for."""
    rows = export.get("checkins") or []
    out: dict[str, Any] = {}
    days = [r["day"] for r in rows]
    if rows:
        row = rows[-1]
        for name in ("pain", "fatigue", "sleep_hours", "sleep_quality", "stress", "mood", "flare"):
            if row.get(name) is not None:
                out[name] = float(row[name]) if name == "sleep_hours" else row[name]
    acts = activities_key((a["activity"], a["minutes"]) for a in export.get("activities") or [])
    if acts:
        out["activities"] = acts
    elif "a rest day" in summary.lower():
        out["activities"] = (("none", 0),)  # rested: no activity row exists for it, the summary says so
    return out, days


def today() -> dt.date:
    from bot.clock import local_today

    return local_today(None)


# ---------------------------------------------------------------- the simulated person's words

ACTIVITY_WORDS = {
    "walking": "walked {d}",
    "stretching": "{d} of stretching",
    "physio exercises": "physio exercises for {d}",
    "gardening": "{d} of gardening",
    "swimming": "swam for {d}",
    "housework": "{d} of housework",
    "yoga": "{d} of yoga",
    "cycling": "{d} on the exercise bike",
    "tai chi": "{d} of tai chi",
    "pilates": "{d} of pilates",
    "shopping": "{d} of shopping",
}


def duration_words(minutes: int) -> str:
    if minutes % 60 == 0:
        h = minutes // 60
        return "an hour" if h == 1 else f"{h} hours"
    return f"{minutes} minutes"


def activity_words(acts: tuple) -> str:
    if acts == (("none", 0),):
        return "nothing today"
    parts = [ACTIVITY_WORDS.get(k, k + " for {d}").format(d=duration_words(m)) for k, m in acts if k != "none"]
    return " and ".join(parts) or "nothing today"


QUALITY_WORDS = {"good": "well", "ok": "so-so", "poor": "badly"}


def plain_answer(slot: str, exp: dict) -> str | None:
    """The case's expected value for the question, in plain words; None when the case does not have it."""
    f = SLOT_FIELDS[slot]
    if slot == "ci_sleep":
        hours, quality = exp.get("sleep_hours"), exp.get("sleep_quality")
        if hours is None and quality is None:
            return None
        bits = []
        if hours is not None:
            bits.append(f"{hours:g} hours")
        if quality is not None:
            bits.append(("slept " if hours is None else "") + QUALITY_WORDS[quality])
        return ", ".join(bits)
    value = exp.get(f[0])
    if value is None:
        return None
    if slot == "ci_activity":
        return activity_words(value)
    if slot == "ci_flare":
        return "yes" if value else "no"
    if slot == "ci_mood":
        return str(value)
    return str(value)


def button_answer(slot: str, exp: dict, questions: dict) -> str | None:
    """Second try after a re-ask: a button's payload when one fits, else the plainest words."""
    payloads = set(questions[slot]["payloads"][0]) if questions.get(slot) else set()
    if slot == "ci_mood" and exp.get("mood"):
        return f"mood {exp['mood']}" if f"mood {exp['mood']}" in payloads else exp["mood"]
    if slot == "ci_flare" and exp.get("flare") is not None:
        return "yes flare" if exp["flare"] else "no flare"
    if slot == "ci_sleep" and exp.get("sleep_hours") is not None:
        return f"{exp['sleep_hours']:g}"
    return plain_answer(slot, exp)


# ---------------------------------------------------------------- step-by-step profiles


def _w(v: int) -> str:
    return NUMBER_WORDS[v]


def scale_phrases(v: int, kind: str) -> list[tuple[str, int]]:
    """(words, value the words mean) for a 0-10 answer; hedges take the higher value (documented in parse.py)."""
    out = [
        (f"{v}", v),
        (f"about a {_w(v)}", v),
        (f"{v}/10", v),
        (f"around {v} today", v),
        (f"{_w(v)} I'd say", v),
        (f"{v} out of 10", v),
    ]
    if v >= 1:
        out += [(f"{v - 1} or {v}", v), (f"{v - 1}-{v}", v), (f"{v}, maybe {v - 1}", v)]
    if kind == "fatigue":
        out += {
            8: [("exhausted", 8), ("shattered", 8)],
            7: [("really tired", 7), ("pretty tired, 7", 7)],
            4: [("a bit tired", 4)],
            2: [("not too tired", 2)],
            6: [("tired", 6)],
        }.get(v, [])
    if kind == "stress":
        if v <= 3:
            out.append((f"pretty calm, {v}", v))
        if v >= 6:
            out.append((f"quite stressed, {v}", v))
    return out


SLEEP_PHRASES = [
    ("slept badly, maybe {h} hours", "poor"),
    ("about {h} hours, slept well", "good"),
    ("{h} hours", None),
    ("so-so, about {h} hours", "ok"),
    ("{h} hrs, woke up a lot", "poor"),
    ("{h} hours, pretty good", "good"),
    ("terrible, maybe {h} hours", "poor"),
    ("only {h} hours", None),
]
SLEEP_ONLY_QUALITY = [
    ("badly", "poor"),
    ("really well", "good"),
    ("not great", "poor"),
    ("ok I guess", "ok"),
    ("slept well", "good"),
]
MOOD_PHRASES = {
    "low": ["not great", "pretty low", "down", "low"],
    "ok": ["ok", "meh", "alright", "so-so"],
    "good": ["good", "pretty good actually", "happy", "great"],
}
ACTIVITY_PHRASES = [
    ("half an hour of walking", (("walking", 30),)),
    ("walked 20 minutes", (("walking", 20),)),
    ("15 min stretching", (("stretching", 15),)),
    ("nothing today", (("none", 0),)),
    ("did some gardening for an hour", (("gardening", 60),)),
    ("10 minutes on the exercise bike", (("cycling", 10),)),
    ("yoga, 20 mins", (("yoga", 20),)),
    ("a 40 minute walk", (("walking", 40),)),
    ("rested all day", (("none", 0),)),
    ("swam for 25 minutes", (("swimming", 25),)),
    ("walked 10 min and stretched 10 min", (("stretching", 10), ("walking", 10))),
    ("physio exercises for 15 minutes", (("physio exercises", 15),)),
    ("20 minutes of housework", (("housework", 20),)),
]
FLARE_PHRASES = {True: ["yes", "yeah, flaring", "a bit", "yep"], False: ["nope", "no", "not today", "no, thankfully"]}
SKIP_PHRASES = ["skip", "pass", "rather not say", "next"]


def make_profiles(n: int, seed: int = 3) -> list[dict]:
    rnd = random.Random(seed)
    profiles = []
    for i in range(n):
        words: dict[str, str] = {}
        expect: dict[str, Any] = {}
        for slot in SLOTS:
            if rnd.random() < 0.12:
                words[slot] = rnd.choice(SKIP_PHRASES)
                continue
            if slot in ("ci_pain", "ci_fatigue", "ci_stress"):
                kind = slot.removeprefix("ci_")
                v = rnd.randint(1, 9)
                text, value = rnd.choice(scale_phrases(v, kind))
                words[slot], expect[kind] = text, value
            elif slot == "ci_sleep":
                if rnd.random() < 0.25:
                    text, q = rnd.choice(SLEEP_ONLY_QUALITY)
                    words[slot], expect["sleep_quality"] = text, q
                else:
                    pattern, quality = rnd.choice(SLEEP_PHRASES)
                    h = rnd.choice([3, 4, 5, 6, 7, 8, 9])
                    words[slot] = pattern.format(h=h)
                    expect["sleep_hours"] = float(h)
                    if quality:
                        expect["sleep_quality"] = quality
            elif slot == "ci_mood":
                mood = rnd.choice(["low", "ok", "good"])
                words[slot], expect["mood"] = rnd.choice(MOOD_PHRASES[mood]), mood
            elif slot == "ci_activity":
                text, acts = rnd.choice(ACTIVITY_PHRASES)
                words[slot], expect["activities"] = text, tuple(sorted(acts))
            elif slot == "ci_flare":
                flare = rnd.random() < 0.3
                words[slot], expect["flare"] = rnd.choice(FLARE_PHRASES[flare]), flare
        profiles.append({"id": f"profile-{i + 1}", "words": words, "expect": expect})
    return profiles


# ---------------------------------------------------------------- the two paths


def nlu_intent(rasa: tuple[str, str], text: str) -> str:
    """Rasa's reading of a message (only for messages that did not start the check-in)."""
    url, token = rasa
    try:
        r = httpx.post(f"{url}/model/parse", params={"token": token}, json={"text": text}, timeout=30.0)
        intent = r.json().get("intent") or {}
        return f"{intent.get('name')} {float(intent.get('confidence') or 0):.2f}"
    except (httpx.HTTPError, ValueError) as exc:
        return f"? ({exc!r})"


def one_message_case(
    base_url: str, database_url: str, rasa: tuple[str, str], idx: int, case: dict, questions: dict
) -> dict:
    user = WebUser(base_url)
    try:
        consented = user.consent()
        exp_all = case.get("expect") or {}
        exp = expected_values(exp_all)

        def answer(slot: str, attempt: int) -> str:
            if attempt == 1:
                return plain_answer(slot, exp) or "skip"
            if attempt == 2:
                return button_answer(slot, exp, questions) or "skip"
            return "skip"

        d = run_checkin(user, case["text"], answer, questions)
        export = read_stored(database_url, user.sender)
        stored, days = stored_values(export, d.summary)
        return {
            "idx": idx,
            "text": case["text"],
            "expect": exp,
            "expect_day_offset": exp_all.get("day_offset", 0),
            "expect_out_of_range": exp_all.get("out_of_range") or [],
            "consented": consented,
            "dialogue": d.__dict__,
            "stored": stored,
            "days": days,
            "parsed": parsed_values(case["text"]),
            "nlu": None if d.started else nlu_intent(rasa, case["text"]),
            "transcript": user.transcript,
        }
    except Exception as exc:  # one broken conversation must not stop the report
        return {"idx": idx, "text": case["text"], "error": repr(exc), "transcript": user.transcript}
    finally:
        user.close()


def step_case(base_url: str, database_url: str, profile: dict, questions: dict) -> dict:
    user = WebUser(base_url)
    try:
        consented = user.consent()
        payload = user.payload_of("check in")
        first = payload or "check in"

        def answer(slot: str, attempt: int) -> str:
            if attempt == 1:
                return profile["words"][slot]
            if attempt == 2:
                return button_answer(slot, profile["expect"], questions) or "skip"
            return "skip"

        d = run_checkin(user, first, answer, questions)
        export = read_stored(database_url, user.sender)
        stored, days = stored_values(export, d.summary)
        return {
            "id": profile["id"],
            "first": first,
            "words": profile["words"],
            "expect": profile["expect"],
            "consented": consented,
            "dialogue": d.__dict__,
            "stored": stored,
            "days": days,
            "transcript": user.transcript,
        }
    except Exception as exc:
        return {"id": profile["id"], "error": repr(exc), "transcript": user.transcript}
    finally:
        user.close()


# ---------------------------------------------------------------- scoring


def pct(a: int, b: int) -> str:
    return f"{a / b:.1%}" if b else "n/a"


def quantile(values: list[int], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = max(0, math.ceil(q * len(s)) - 1)  # nearest-rank
    return s[k]


def score_one_message(results: list[dict]) -> dict:
    per_field: dict[str, Counter] = defaultdict(Counter)
    follow: dict[str, Counter] = defaultdict(Counter)
    problems: list[str] = []
    lost: list[str] = []
    not_right: list[str] = []
    false_fields: list[str] = []
    extras: Counter[str] = Counter()
    for r in results:
        if "error" in r:
            problems.append(f"#{r['idx']} ERROR {r['error']}: {r['text']!r}")
            continue
        d = r["dialogue"]
        asked = set(d["asked"])
        exp, got, parsed = r["expect"], r["stored"], r["parsed"]
        for name in FIELDS:
            slot = FIELD_SLOT[name]
            e, g = exp.get(name), got.get(name)
            if e is not None:
                if slot in asked:
                    per_field[name]["follow-up"] += 1
                    follow[name]["correct" if g == e else "wrong"] += 1
                elif g == e:
                    per_field[name]["correct"] += 1
                elif g is None:
                    per_field[name]["missed"] += 1
                else:
                    per_field[name]["wrong"] += 1
                if slot in asked or g != e:
                    how = "asked again" if slot in asked else "missed" if g is None else "wrong"
                    where = (
                        "check-in never started"
                        if not d["started"]
                        else "parser"
                        if parsed.get(name) != e
                        else "conversation/storage"
                    )
                    not_right.append(
                        f"#{r['idx']} [{name}] {how}: expected {e!r}, stored {g!r}, parser read "
                        f"{parsed.get(name)!r} -> {where}: {r['text']!r}"
                    )
            elif g is not None:
                how = "after the user said skip" if slot in asked else "from the message"
                per_field[name]["false"] += 1
                false_fields.append(f"#{r['idx']} [{name}] stored {g!r} {how}: {r['text']!r}")
            # parser -> database
            p = parsed.get(name)
            if p is not None and slot not in asked and d["finished"] and g != p:
                lost.append(f"#{r['idx']} [{name}] parser read {p!r}, stored {g!r}: {r['text']!r}")
        # day and out-of-range notice
        want_day = (today() + dt.timedelta(days=r["expect_day_offset"])).isoformat()
        if r["days"]:
            extras["day right" if r["days"] == [want_day] else "day wrong"] += 1
            if r["days"] != [want_day]:
                problems.append(f"#{r['idx']} stored for day {r['days']}, expected {want_day}: {r['text']!r}")
        for fld in r["expect_out_of_range"]:
            notice = f"couldn't use the number for {fld}" in d["first_reply"].lower()
            extras["out-of-range notice given" if notice else "out-of-range notice missing"] += 1
        if not r["consented"]:
            problems.append(f"#{r['idx']} consent did not go through")
        if not d["finished"]:
            nlu = f" (NLU: {r['nlu']})" if r.get("nlu") else ""
            problems.append(
                f"#{r['idx']} check-in not finished ({'started' if d['started'] else 'never started'}"
                f"{nlu}); bot said: {d['ended_without_summary'][:160]!r}; message: {r['text']!r}"
            )
        for slot, ans in d["reasked"]:
            problems.append(f"#{r['idx']} {slot} asked again after the answer {ans!r}: {r['text']!r}")
        for slot, ans in d["not_understood"]:
            problems.append(f'#{r["idx"]} "didn\'t catch that" for {slot} answer {ans!r}')
    return {
        "per_field": per_field,
        "follow": follow,
        "problems": problems,
        "lost": lost,
        "not_right": not_right,
        "false_fields": false_fields,
        "extras": extras,
    }


def score_steps(results: list[dict]) -> dict:
    per_field: dict[str, Counter] = defaultdict(Counter)
    problems, misses = [], []
    for r in results:
        if "error" in r:
            problems.append(f"{r['id']} ERROR {r['error']}")
            continue
        d = r["dialogue"]
        exp, got = r["expect"], r["stored"]
        for name in FIELDS:
            e, g = exp.get(name), got.get(name)
            if e is None and g is None:
                continue
            if e == g:
                per_field[name]["correct"] += 1
                continue
            kind = "missed" if g is None else ("false" if e is None else "wrong")
            per_field[name][kind] += 1
            slot = FIELD_SLOT[name]
            misses.append(f"{r['id']} [{name}] {kind}: answer {r['words'].get(slot)!r} -> stored {g!r}, expected {e!r}")
        if not d["finished"]:
            problems.append(f"{r['id']} check-in not finished; bot said: {d['ended_without_summary'][:200]!r}")
        if d["asked"][:1] != ["ci_pain"] and d["started"]:
            problems.append(f"{r['id']} first question was {d['asked'][:1]}")
        for slot, ans in d["reasked"]:
            problems.append(f"{r['id']} {slot} asked again after the answer {ans!r}")
        for slot, ans in d["not_understood"]:
            problems.append(f'{r["id"]} "didn\'t catch that" for {slot} answer {ans!r}')
        for slot, ans in d["range_notes"]:
            problems.append(f"{r['id']} out-of-range re-ask for {slot} answer {ans!r}")
        missing_q = [s for s in SLOTS if s not in d["asked"]]
        if d["finished"] and missing_q:
            problems.append(f"{r['id']} never asked {missing_q}")
    return {"per_field": per_field, "problems": problems, "misses": misses}


# ---------------------------------------------------------------- main


def wait_for_model(tries: int = 3, pause: float = 150.0) -> Path:
    from ops.model import model_path

    for attempt in range(tries + 1):
        path = model_path()
        if path.exists():
            return path
        if attempt < tries:
            print(
                f">> no model for the current content ({path.name}); another session may be training. "
                f"Waiting {pause:.0f} s ...",
                flush=True,
            )
            time.sleep(pause)
    raise SystemExit(f"no trained model for the current content ({model_path().name}); not training it here")


def run_parallel(fn, items, workers: int) -> list:
    with ThreadPoolExecutor(max_workers=workers) as pool:
        return list(pool.map(fn, items))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", default=str(ROOT / "eval" / "checkin" / "unseen.yml"))
    ap.add_argument("--step-cases", type=int, default=20, help="generated step-by-step profiles")
    ap.add_argument("--limit", type=int, default=None, help="only the first N one-message cases")
    ap.add_argument("--workers", type=int, default=3, help="conversations in flight at once")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)

    from ops.model import ensure_model
    from ops.stack import Stack, StackConfig

    wait_for_model()
    model = ensure_model(quiet=True)
    cases = yaml.safe_load(Path(args.cases).read_text(encoding="utf-8"))["cases"][: args.limit]
    profiles = make_profiles(args.step_cases, args.seed)
    questions = load_questions()

    started = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="eval-checkin-") as tmp:
        database_url = f"sqlite:///{tmp}/eval.db"
        config = StackConfig(
            port=18300,
            rasa_port=15305,
            action_port=15355,
            database_url=database_url,
            rasa_token=secrets.token_urlsafe(16),
            log_dir=Path(tmp) / "logs",
        )
        stack = Stack(config, model)
        print(f">> starting the stack (model {model.name}) ...", flush=True)
        stack.start(timeout=300)
        boot = time.monotonic() - started
        try:
            base = config.api_url
            rasa = (config.rasa_url, config.rasa_token)
            one = run_parallel(
                lambda ic: one_message_case(base, database_url, rasa, ic[0], ic[1], questions),
                list(enumerate(cases, 1)),
                args.workers,
            )
            steps = run_parallel(lambda p: step_case(base, database_url, p, questions), profiles, args.workers)
        finally:
            stack.stop()
    elapsed = time.monotonic() - started

    s1 = score_one_message(one)
    s2 = score_steps(steps)
    report(one, steps, s1, s2, boot, elapsed)

    out = ROOT / "results" / "checkin_dialogue.json"
    out.parent.mkdir(exist_ok=True)
    out.write_text(
        json.dumps(
            {
                "one_message": one,
                "step_by_step": steps,
                "problems": {"one_message": s1["problems"], "step_by_step": s2["problems"]},
                "one_message_not_right": s1["not_right"],
                "lost_between_parser_and_database": s1["lost"],
                "false_fields": s1["false_fields"],
                "step_misses": s2["misses"],
            },
            indent=1,
            default=str,
        ),
        encoding="utf-8",
    )
    print(f"\nfull record with transcripts: {out.relative_to(ROOT)}")
    return 0


def report(one, steps, s1, s2, boot, elapsed) -> None:
    print(f"\n=== Daily check-in through the web channel (stack up in {boot:.0f} s, run {elapsed:.0f} s) ===")
    ok1 = [r for r in one if "error" not in r]
    print(f"\nONE-MESSAGE path: {len(one)} cases (eval/checkin/unseen.yml)")
    print("  fields the message contained, scored on what was stored without asking again:")
    print(
        f"  {'field':<15}{'in msg':>7}{'correct':>9}{'follow-up':>10}{'wrong':>7}{'missed':>8}{'share':>8}{'false':>7}"
    )
    tot: Counter[str] = Counter()
    for name in FIELDS:
        c = s1["per_field"][name]
        n = c["correct"] + c["follow-up"] + c["wrong"] + c["missed"]
        tot.update(c)
        print(
            f"  {name:<15}{n:>7}{c['correct']:>9}{c['follow-up']:>10}{c['wrong']:>7}{c['missed']:>8}"
            f"{pct(c['correct'], n):>8}{c['false']:>7}"
        )
    n = tot["correct"] + tot["follow-up"] + tot["wrong"] + tot["missed"]
    print(
        f"  {'OVERALL':<15}{n:>7}{tot['correct']:>9}{tot['follow-up']:>10}{tot['wrong']:>7}{tot['missed']:>8}"
        f"{pct(tot['correct'], n):>8}{tot['false']:>7}"
    )
    print(
        f"  share of fields recorded correctly from the one message: {pct(tot['correct'], n)} "
        f"({tot['correct']}/{n}); false fields: {tot['false']}"
    )
    print(
        f"  stricter, as scripts/eval_checkin.py counts (false fields in the denominator): "
        f"{pct(tot['correct'], n + tot['false'])}"
    )
    p_ok = sum(1 for r in ok1 for k, v in r["expect"].items() if r["parsed"].get(k) == v)
    p_n = sum(len(r["expect"]) for r in ok1)
    print(
        f"  for comparison, bot.checkin.parse.parse_checkin alone on the same fields: {pct(p_ok, p_n)} ({p_ok}/{p_n})"
    )
    fc: Counter[str] = Counter()
    for c in s1["follow"].values():
        fc.update(c)
    print(
        f"  fields the message contained but the bot asked for again: {tot['follow-up']}; "
        f"stored right after the simulated answer: {fc['correct']}, not: {fc['wrong']}"
    )
    if s1["extras"]:
        print("  extras: " + ", ".join(f"{k} {v}" for k, v in sorted(s1["extras"].items())))
    msgs = [r["dialogue"]["messages"] for r in ok1 if r["dialogue"]["finished"]]
    fin = sum(1 for r in ok1 if r["dialogue"]["finished"])
    perfect = sum(1 for r in ok1 if r["dialogue"]["finished"] and r["dialogue"]["messages"] == 1)
    print(
        f"  finished: {fin}/{len(one)} ({pct(fin, len(one))}); user messages to a complete check-in: "
        f"median {statistics.median(msgs) if msgs else 'n/a'}, p90 {quantile(msgs, 0.9)}, "
        f"mean {statistics.mean(msgs) if msgs else float('nan'):.2f}, max {max(msgs) if msgs else 'n/a'}; "
        f"done in one message: {perfect}"
    )
    asked_counts = Counter(s for r in ok1 for s in r["dialogue"]["asked"])
    print(
        "  questions asked after the message: " + ", ".join(f"{s.removeprefix('ci_')} {asked_counts[s]}" for s in SLOTS)
    )

    ok2 = [r for r in steps if "error" not in r]
    print(f'\nSTEP-BY-STEP path: {len(steps)} generated profiles (click "Check in", answer each question in words)')
    print(f"  {'field':<15}{'correct':>9}{'wrong':>7}{'missed':>8}{'false':>7}{'share':>8}")
    tot2: Counter[str] = Counter()
    for name in FIELDS:
        c = s2["per_field"][name]
        tot2.update(c)
        n2 = c["correct"] + c["wrong"] + c["missed"] + c["false"]
        print(f"  {name:<15}{c['correct']:>9}{c['wrong']:>7}{c['missed']:>8}{c['false']:>7}{pct(c['correct'], n2):>8}")
    n2 = tot2["correct"] + tot2["wrong"] + tot2["missed"] + tot2["false"]
    print(
        f"  {'OVERALL':<15}{tot2['correct']:>9}{tot2['wrong']:>7}{tot2['missed']:>8}{tot2['false']:>7}"
        f"{pct(tot2['correct'], n2):>8}"
    )
    msgs2 = [r["dialogue"]["messages"] for r in ok2 if r["dialogue"]["finished"]]
    fin2 = sum(1 for r in ok2 if r["dialogue"]["finished"])
    print(
        f'  finished: {fin2}/{len(steps)} ({pct(fin2, len(steps))}); user messages from "Check in" to the summary: '
        f"median {statistics.median(msgs2) if msgs2 else 'n/a'}, p90 {quantile(msgs2, 0.9)}, "
        f"max {max(msgs2) if msgs2 else 'n/a'}"
    )

    print("\nCONVERSATION PROBLEMS")
    for title, items in (
        ("one-message path", s1["problems"]),
        ("one-message fields not recorded right from the message", s1["not_right"]),
        ("step-by-step path", s2["problems"]),
        ("stored value differs from what the parser read (parser -> database)", s1["lost"]),
        ("false fields (one-message path)", s1["false_fields"]),
        ("step-by-step answers stored wrong or not at all", s2["misses"]),
    ):
        print(f"  {title}: {len(items) or 'none'}")
        for line in items:
            print(f"    {line}")


if __name__ == "__main__":
    sys.exit(main())
