"""Parse daily check-in text into symptom fields.

Pure Python, no network, no models. People write check-ins on bad days, in
brain fog, from bed, so the parser accepts words and digits, UK/US spelling,
typos ("tierd", "exausted", "sleept", "walkd"), hedges ("about a six",
"5 or 6") and any subset of fields in any order.

Public interface (the dialogue flow codes against exactly this):

* ``parse_checkin(text)`` - one free message -> :class:`CheckinParse`.
* ``parse_scale`` / ``parse_duration_minutes`` / ``parse_sleep`` /
  ``parse_mood`` / ``parse_yes_no`` / ``parse_activity`` - answers to single
  step-by-step questions.
* ``is_skip`` / ``is_stop`` / ``parse_correction`` - conversation control.

Decisions (documented here because the flow relies on them)
-----------------------------------------------------------
Scales (pain, fatigue, stress) are 0-10, 10 = worst.
  * A hedge between two values ("5 or 6", "6-7", "between 5 and 6",
    "6, maybe 7") takes the HIGHER value: over-estimating a symptom is the
    cautious error for pacing advice. Decimals round up ("6.5" -> 7).
  * A value outside 0-10 ("pain 15", "20/10", "-2") is never stored; the
    field name goes into ``CheckinParse.out_of_range`` (``parse_scale``
    returns the string ``"out_of_range"``).
  * Words become a number only when no number was given for that field;
    the table is in :mod:`bot.checkin.lexicon` (e.g. "exhausted" /
    "wiped out" / "shattered" -> fatigue 8, "bit tired" -> 4, "tired" -> 6).
    Pain words ("bad", "awful") are NOT turned into a pain number; only
    "no pain" / "pain free" -> 0. "energy N/10" is inverted: fatigue 10-N.
Quantities (sleep hours, activity minutes) take the MIDPOINT of a range
  ("6 or 7 hours" -> 6.5, "20-30 min" -> 25). Sleep hours are rounded to
  the nearest half hour, activity minutes to whole minutes.
  Sleep over 24 h and activity over 16 h (960 min) are rejected (and
  reported in ``out_of_range`` as "sleep_hours" / "activities"); 16 h is
  the most for all of a message's activities together, too.
Numbers that are no value: a negative number ("slept -5 hours", "pain
  minus 3") or exponent form ("1e9") fills no field; the field it was
  meant for goes into ``out_of_range`` (see :mod:`bot.checkin.text`).
  "No sleep at all" / "haven't slept" -> 0 hours, quality "poor";
  "barely slept" -> hours unknown, quality "poor".
Ambiguity: a number with no label anywhere in the message ("6") is not
  assigned to any field. A number in the clause right after a label that had
  no number ("pain is bad, about 8"; "stress through the roof, 9/10") is
  assigned to that label. "N hours" with no activity in its clause is sleep
  when the message talks about sleep or the clause is nothing but the hours.
Activities: only mentions WITH a duration become :class:`Activity` items.
  Mentions without a duration ("went for a walk") are listed in
  ``CheckinParse.mentioned_activities`` so the flow can ask "how long?".
  An explicit "nothing"/"did nothing"/"rested all day"/"stayed in bed"/
  "no exercise", or only negated activities ("no walk", "too tired to walk")
  with nothing positive, gives ``(Activity("none", 0),)``.
  Unit-less numbers right after an activity word are minutes ("walked 20").
``day_offset`` is -1 when the message says "yesterday" about the log
  ("yesterday: pain 5", "forgot to log yesterday", "yesterday I walked 20 min"),
  but not in comparisons ("worse than yesterday", "same as yesterday",
  "since yesterday", "sore from yesterday's walk").
Flare: "flare", "flaring", "flare-up", "bad flare day", "flare starting"
  -> True; "no flare", "not flaring", "flare free", "flare is over" -> False.
``parse_yes_no``: partial affirmatives ("a bit", "slightly", "kind of",
  "mild one") count as YES - for the flare question a mild flare is still a
  flare, and over-reporting is the safe side.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from . import lexicon as lx
from .text import NOT_A_VALUE, SEPARATOR_TOKENS, Num, is_num, normalize, scan_numbers

FIELDS = ("pain", "fatigue", "sleep_hours", "sleep_quality", "stress", "mood", "activities", "flare")

MAX_ACTIVITY_MINUTES = 16 * 60  # the most activity a day can hold, all activities together


@dataclass(frozen=True)
class Activity:
    kind: str  # normalised, e.g. "walking", "tai chi", "physio exercises", "other", "none"
    minutes: int  # whole minutes (0 only for kind "none")


@dataclass(frozen=True)
class CheckinParse:
    pain: int | None = None
    fatigue: int | None = None
    sleep_hours: float | None = None
    sleep_quality: str | None = None  # "good" | "ok" | "poor"
    stress: int | None = None
    mood: str | None = None  # "good" | "ok" | "low"
    activities: tuple[Activity, ...] = ()
    flare: bool | None = None
    day_offset: int = 0
    out_of_range: tuple[str, ...] = ()
    # Extra (additive): activity kinds mentioned without a duration.
    mentioned_activities: tuple[str, ...] = ()

    def fields(self) -> set[str]:
        """Names (from FIELDS) of the fields this message recorded."""
        out = set()
        for name in FIELDS:
            value = getattr(self, name)
            if name == "activities":
                if value:
                    out.add(name)
            elif value is not None:
                out.add(name)
        return out


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _round_half(x: float) -> float:
    return math.floor(x * 2 + 0.5) / 2


def _round_int(x: float) -> int:
    return math.floor(x + 0.5)


def _scale_value(num: Num) -> int:
    """0-10 value of a scale number: highest of a range, decimals round up."""
    return math.ceil(num.hi - 1e-9)


def _mood_from_number(v: float) -> str:
    return "low" if v <= 3 else ("ok" if v <= 6 else "good")


def _quality_from_number(v: float) -> str:
    return "poor" if v <= 3 else ("ok" if v <= 6 else "good")


def _first_match[T](patterns: Iterable[tuple[str, T]], text: str) -> T | None:
    for pat, value in patterns:
        if re.search(pat, text):
            return value
    return None


def _adj_lookup(
    toks: list[str], table: Mapping[str, object], limit: int | None = None
) -> tuple[str, int] | tuple[None, None]:
    """First adjective phrase of ``table`` in ``toks`` (longest phrase wins at each position)."""
    end = len(toks) if limit is None else min(len(toks), limit)
    for i in range(end):
        for size in (3, 2, 1):
            phrase = " ".join(toks[i : i + size])
            if len(toks[i : i + size]) == size and phrase in table:
                return phrase, i
    return None, None


# an activity mention: [start, end, kind, negated, minutes] (minutes are filled in later)
_Mention = list[Any]


def _find_activities(toks: list[str], lo: int, hi: int) -> list[_Mention]:
    """Activity mentions in toks[lo:hi] as [start, end, kind, negated, minutes]."""
    out = []
    i = lo
    while i < hi:
        hit = None
        for size in (3, 2, 1):
            if i + size <= hi:
                phrase = " ".join(toks[i : i + size])
                if phrase in lx.ACTIVITY_PHRASES:
                    hit = (size, lx.ACTIVITY_PHRASES[phrase])
                    break
        if hit is None:
            i += 1
            continue
        size, kind = hit
        out.append([i, i + size, kind, _negated(toks, i, lo), None])
        i += size
    return out


def _negated(toks: list[str], pos: int, lo: int) -> bool:
    prefix = " ".join(toks[max(lo, pos - 4) : pos])
    if re.search(
        r"\b(too \w+ (to|for)|unable to|not able to|wasnt able to|no energy (to|for)|cant face|couldnt face|"
        r"gave up on|give up on)( \w+)?$",
        prefix,
    ):
        return True
    for k in range(pos - 1, max(lo, pos - 4) - 1, -1):
        tok = toks[k]
        if tok in lx.NEGATORS:
            return True
        if tok in lx.LABELS or is_num(tok):
            return False
    return False


# "X and Y" idioms that must not be split into two clauses
_AND_IDIOMS = frozenset(
    {
        ("up", "down"),
        ("on", "off"),
        ("off", "on"),
        ("tossed", "turned"),
        ("tossing", "turning"),
        ("out", "about"),
        ("back", "forth"),
        ("sick", "tired"),
        ("to", "fro"),
        ("ups", "downs"),
        ("aches", "pains"),
        ("bits", "pieces"),
    }
)


def _clauses(toks: list[str], nums: list[Num]) -> list[tuple[int, int]]:
    inside: set[int] = set()
    for n in nums:
        inside.update(range(n.start, n.end))
    bounds = []
    start = 0
    for i, tok in enumerate(toks):
        if tok == "and" and 0 < i < len(toks) - 1 and (toks[i - 1], toks[i + 1]) in _AND_IDIOMS:
            continue
        if tok in SEPARATOR_TOKENS and i not in inside:
            if i > start:
                bounds.append((start, i))
            start = i + 1
    if start < len(toks):
        bounds.append((start, len(toks)))
    return bounds


_ADJ_TABLES: dict[str, Mapping[str, int | str]] = {
    "fatigue": lx.FATIGUE_ADJ,
    "energy": lx.ENERGY_ADJ,
    "stress": lx.STRESS_ADJ,
    "mood": lx.MOOD_ADJ,
    "sleep": lx.SLEEP_ADJ,
}
_SLEEP_AFTER = {"sleep", "kip", "sleeping", "shut", "shuteye", "night", "nights", "rest"}
_TIME_PREPS = {"at", "till", "til", "until", "from", "since", "by", "before", "after", "past"}


class _State:
    def __init__(self) -> None:
        # a field's value (int, float or str, by field) set by a number, and one set by a label + adjective
        self.values: dict[str, Any] = {}
        self.adjectives: dict[str, Any] = {}
        self.activities: list[Activity] = []
        self.mentioned: list[str] = []
        self.negated_kinds: list[str] = []
        self.oor: list[str] = []

    def set_scale(self, fld: str, num: Num, invert: bool = False) -> None:
        if num.hi < 0 or num.hi > 10 or num.lo < 0:
            if fld not in self.oor:
                self.oor.append(fld)
            return
        value = _scale_value(num)
        if invert:  # energy -> fatigue
            value = 10 - math.floor(num.lo + 1e-9)
        if fld == "mood":
            self.values.setdefault("mood", _mood_from_number(value))
        elif fld == "sleep_quality":
            self.values.setdefault("sleep_quality", _quality_from_number(value))
        else:
            self.values.setdefault(fld, value)

    def set_sleep_hours(self, hours: float) -> None:
        if hours < 0 or hours > 24:
            if "sleep_hours" not in self.oor:
                self.oor.append("sleep_hours")
            return
        self.values.setdefault("sleep_hours", _round_half(hours))

    def add_activity(self, kind: str, minutes: float) -> bool:
        if minutes > MAX_ACTIVITY_MINUTES or minutes < 0:
            if "activities" not in self.oor:
                self.oor.append("activities")
            return True
        m = _round_int(minutes)
        if m <= 0:
            return False
        self.activities.append(Activity(kind, m))
        return True


def _extract(text: str, mode: str = "checkin") -> CheckinParse:
    norm = normalize(text)
    toks = norm.split()
    nums = scan_numbers(toks)
    st = _State()
    consumed: set[int] = set()  # ids of consumed Num objects (index in nums)

    sleep_context = (
        any(lx.LABELS.get(t) == "sleep" for t in toks) or _first_match(lx.SLEEP_QUALITY_PATTERNS, norm) is not None
    )

    clauses = _clauses(toks, nums)
    prev_hanging: str | None = None
    prev_last_label: str | None = None
    prev_pending: list[_Mention] = []

    for lo, hi in clauses:
        cnums = [k for k, n in enumerate(nums) if lo <= n.start < hi]
        labels = [(i, lx.LABELS[toks[i]]) for i in range(lo, hi) if toks[i] in lx.LABELS]
        acts = _find_activities(toks, lo, hi)
        pos_acts = [a for a in acts if not a[3]]
        for a in acts:
            if a[3]:
                st.negated_kinds.append(a[2])
        label_fields_with_number: set[str] = set()

        # --- A. durations: sleep or activity ----------------------------
        for k in cnums:
            n = nums[k]
            if n.unit != "dur":
                continue
            after = [t for t in toks[n.end : min(hi, n.end + 3)] if t not in ("of", "a", "last", "good", "solid")]
            sleep_labels_before = [p for p, f in labels if f == "sleep" and p < n.start]
            acts_between = sleep_labels_before and any(sleep_labels_before[-1] < a[0] < n.start for a in acts)
            acts_after_close = any(0 <= a[0] - n.end <= 1 for a in pos_acts)
            # "slept 8 hours", "sleep: about 7 hrs" - label right before, only fillers between
            right_after_label = bool(sleep_labels_before) and all(
                t in lx.ACT_NUM_FILLERS or t in (":", "=", "was", "is", "only", "ish", "got", "had", "in", "total")
                for t in toks[sleep_labels_before[-1] + 1 : n.start]
            )
            sleepish = n.hours_unit and (
                (after[:1] and after[0] in _SLEEP_AFTER)
                or right_after_label
                or (sleep_labels_before and not acts_between and not acts_after_close)
                or (any(f == "sleep" for _, f in labels) and not acts)
            )
            if sleepish and mode != "activity":
                if "sleep_hours" not in st.values:
                    st.set_sleep_hours(n.mid / 60)
                consumed.add(k)
                continue
            free = [a for a in pos_acts if a[4] is None]
            if not free:
                continue

            def dist(a: _Mention, n: Num = n) -> tuple[int, int]:  # this number, bound when defined
                if a[1] <= n.start:
                    return (n.start - a[1], 0)
                return (a[0] - n.end, 1)

            best = min(free, key=dist)
            minutes = n.mid
            # "10 min walk x2"
            if n.mult == 1 and best[1] + 1 < hi and toks[best[1]] == "x" and is_num(toks[best[1] + 1]):
                minutes *= float(toks[best[1] + 1])
            best[4] = minutes
            st.add_activity(best[2], minutes)
            consumed.add(k)

        # --- B. unit-less number right after an activity word ---------------
        for a in pos_acts:
            if a[4] is not None:
                continue
            j, skipped = a[1], 0
            while j < hi and skipped < 3 and toks[j] in (lx.ACT_NUM_FILLERS | {"the", "dog", "dogs", "my", "some"}):
                j += 1
                skipped += 1
            for k in cnums:
                n = nums[k]
                if k not in consumed and n.start == j and n.unit is None:
                    a[4] = n.mid
                    st.add_activity(a[2], n.mid)
                    consumed.add(k)
                    break

        # --- C. labels and their stretch of text ----------------------------
        for li, (pos, fld) in enumerate(labels):
            seg_end = labels[li + 1][0] if li + 1 < len(labels) else hi
            seg = toks[pos + 1 : seg_end]
            if fld == "flare":
                continue
            got = False
            for k in cnums:
                n = nums[k]
                if k in consumed or not (pos < n.start < seg_end) or n.unit not in (None, "scale"):
                    continue
                if fld == "sleep":
                    if toks[n.start - 1] in _TIME_PREPS or n.reversed:
                        continue  # clock times: see _clock_sleep
                    seg_before = toks[pos + 1 : n.start]
                    if n.unit == "scale" or any(t in ("quality", "score", "rating", "rated") for t in seg_before):
                        if n.hi > 10:
                            st.oor.append("sleep_quality")
                        else:
                            st.set_scale("sleep_quality", n)
                    elif "sleep_hours" not in st.values:
                        st.set_sleep_hours(n.mid)
                elif fld == "energy":
                    st.set_scale("fatigue", n, invert=True)
                else:
                    st.set_scale(fld, n)
                consumed.add(k)
                got = True
                break
            if got:
                label_fields_with_number.add(fld)
                continue
            # adjective after the label
            table = _ADJ_TABLES.get(fld)
            if table is not None:
                phrase, _ = _adj_lookup(seg, table, limit=5)
                if phrase is not None:
                    key = {"energy": "fatigue", "sleep": "sleep_quality"}.get(fld, fld)
                    st.adjectives.setdefault(key, table[phrase])
        # number just before the first label ("8/10 pain", "7 out of 10 for fatigue")
        if labels and labels[0][1] in ("pain", "fatigue", "stress", "mood", "energy"):
            pos0, fld0 = labels[0]
            for k in cnums:
                n = nums[k]
                if k in consumed or n.unit not in (None, "scale") or n.end > pos0 or pos0 - n.end > 2:
                    continue
                st.set_scale("fatigue" if fld0 == "energy" else fld0, n, invert=fld0 == "energy")
                consumed.add(k)
                label_fields_with_number.add(fld0)
                break

        # --- D. orphans: numbers in a clause with no label and no activity ------
        if not labels and not acts and prev_last_label is not None:
            # "sleep: 5 hours, poor" / "mood - pretty low": adjective in the next clause
            table = _ADJ_TABLES.get(prev_last_label)
            if table is not None:
                phrase, _ = _adj_lookup(toks[lo:hi], table, limit=3)
                if phrase is not None:
                    key = {"energy": "fatigue", "sleep": "sleep_quality"}.get(prev_last_label, prev_last_label)
                    st.adjectives.setdefault(key, table[phrase])
        orphans = [k for k in cnums if k not in consumed]
        if orphans and not labels and not acts:
            for k in orphans:
                n = nums[k]
                if n.unit == "dur":
                    if prev_pending:
                        a = prev_pending.pop()
                        a[4] = n.mid
                        st.add_activity(a[2], n.mid)
                    elif mode == "activity":
                        st.add_activity("other", n.mid)
                    elif (
                        n.hours_unit
                        and "sleep_hours" not in st.values
                        and (
                            sleep_context
                            or prev_hanging == "sleep"
                            or all(
                                t in lx.ACT_NUM_FILLERS or t in ("ish", "tops", "max", "sleep")
                                for t in [t for i2, t in enumerate(toks[lo:hi], lo) if not (n.start <= i2 < n.end)]
                            )
                        )
                    ):
                        st.set_sleep_hours(n.mid / 60)
                    elif any(t in lx.ACTIVITY_VERBS for t in toks[lo:hi]):
                        st.add_activity("other", n.mid)
                    else:
                        continue
                    consumed.add(k)
                elif n.unit in (None, "scale"):
                    if prev_pending and n.unit is None and prev_hanging is None and 1 <= n.mid <= 240:
                        a = prev_pending.pop()
                        a[4] = n.mid
                        st.add_activity(a[2], n.mid)
                    elif prev_hanging in ("pain", "fatigue", "stress", "mood"):
                        st.set_scale(prev_hanging, n)
                    elif prev_hanging == "energy":
                        st.set_scale("fatigue", n, invert=True)
                    elif prev_hanging == "sleep" and n.unit is None and "sleep_hours" not in st.values:
                        st.set_sleep_hours(n.mid)
                    else:
                        continue
                    consumed.add(k)
                    prev_hanging = None
                    break
        # "pain and fatigue both 7"
        if "both" in toks[lo:hi] and prev_hanging in ("pain", "fatigue", "stress") and label_fields_with_number:
            src = next(iter(label_fields_with_number))
            if src in st.values and prev_hanging not in st.values:
                st.values[prev_hanging] = st.values[src]

        # state for the next clause
        hanging = None
        for _pos, fld in reversed(labels):
            if fld == "flare":
                continue
            key = {"energy": "fatigue", "sleep": "sleep_hours"}.get(fld, fld)
            if fld not in label_fields_with_number and key not in st.values:
                hanging = fld
            break
        prev_hanging = hanging
        real_labels = [f for _, f in labels if f != "flare"]
        prev_last_label = real_labels[-1] if real_labels else (None if (acts or cnums) else prev_last_label)
        prev_pending = [a for a in pos_acts if a[4] is None]
        for a in prev_pending:
            st.mentioned.append(a[2])

    return _finish(st, norm, toks, mode)


_CLOCK_SPAN = re.compile(
    r"\b(slept|sleep|asleep|bed|sleeping)\b(?: [a-z]+){0,3}? (from )?"
    r"(\d{1,2}(?:\.\d\d?)?) ?(am|pm)? ?(?:to|till|til|until|-) ?(\d{1,2}(?:\.\d\d?)?) ?(am|pm)?(?! ?(hours|min|\d))"
)


_CLOCK_SPAN_ANSWER = re.compile(
    r"^\W*()(from )?"
    r"(\d{1,2}(?:\.\d\d?)?) ?(am|pm)? ?(?:to|till|til|until|-) ?(\d{1,2}(?:\.\d\d?)?) ?(am|pm)?(?! ?(hours|min|\d))"
)


def _clock_sleep(norm: str, answer: bool = False) -> float | None:
    """Hours from a clock span: "slept 11pm to 7am", "asleep from 1 till 6" -> 8.0, 5.0.

    With ``answer`` the sleep word may be missing ("11pm to 7am" answering
    "how did you sleep?").
    """
    m = _CLOCK_SPAN.search(norm) or (_CLOCK_SPAN_ANSWER.search(norm) if answer else None)
    if not m:
        return None
    a, a_mark, b, b_mark = float(m.group(3)), m.group(4), float(m.group(5)), m.group(6)
    if not (m.group(2) or a_mark or b_mark or a > b):
        return None  # "slept 6 to 7" is an amount of hours, not clock times
    if a > 12 or b > 12:
        a24, b24 = a, b
    else:
        if a_mark == "pm" or (a_mark is None and 7 <= a < 12):
            a24 = a + 12
        elif a == 12:
            a24 = 0.0 if a_mark != "pm" else 12.0
        else:
            a24 = a
        b24 = b + 12 if (b_mark == "pm" and b < 12) else b
    hours = (b24 - a24) % 24
    if not 0.5 <= hours <= 16:
        return None
    return _round_half(hours)


def _finish(st: _State, norm: str, toks: list[str], mode: str = "checkin") -> CheckinParse:
    v = dict(st.values)
    adj = st.adjectives

    # fatigue / stress / mood / sleep quality: number > label adjective > description
    if "fatigue" not in v:
        val = adj.get("fatigue", _first_match(lx.FATIGUE_PATTERNS, norm))
        if val is not None:
            v["fatigue"] = val
    if "stress" not in v:
        val = adj.get("stress", _first_match(lx.STRESS_PATTERNS, norm))
        if val is not None:
            v["stress"] = val
    if "pain" not in v and "pain" not in st.oor and any(re.search(p, norm) for p in lx.PAIN_ZERO_PATTERNS):
        v["pain"] = 0
    if "mood" not in v:
        val = adj.get("mood") or _first_match(lx.MOOD_PATTERNS, norm) or None
        if val:
            v["mood"] = val
    if "sleep_quality" not in v:
        val = _first_match(lx.SLEEP_QUALITY_PATTERNS, norm) or adj.get("sleep_quality")
        if val:
            v["sleep_quality"] = val
    if "sleep_hours" not in v and "sleep_hours" not in st.oor:
        span = _clock_sleep(norm)
        if span is not None:
            v["sleep_hours"] = span
    if (
        "sleep_hours" not in v
        and "sleep_hours" not in st.oor
        and any(re.search(p, norm) for p in lx.SLEEP_ZERO_PATTERNS)
    ):
        v["sleep_hours"] = 0.0
        v.setdefault("sleep_quality", "poor")

    # flare
    flare = None
    stripped = norm
    if any(re.search(p, norm) for p in lx.FLARE_NEGATIVE):
        flare = False
        for p in lx.FLARE_NEGATIVE:
            stripped = re.sub(p, " ", stripped)
    if re.search(lx.FLARE_POSITIVE, stripped):
        flare = True

    # yesterday
    day_offset = 0
    if "yesterday" in norm:
        rest = re.sub(lx.YESTERDAY_EXCLUDE, " ", norm)
        if re.search(r"\byesterday\b", rest):
            day_offset = -1

    # activities
    activities = tuple(st.activities)
    if sum(a.minutes for a in activities) > MAX_ACTIVITY_MINUTES:
        activities = ()
        st.oor.append("activities")
    recorded = {a.kind for a in activities}
    mentioned = tuple(dict.fromkeys(k for k in st.mentioned if k not in recorded and not (k == "other" and activities)))
    if (
        not activities
        and not mentioned
        and "activities" not in st.oor
        and (
            st.negated_kinds
            or any(re.search(p, norm) for p in lx.NONE_ACTIVITY_PATTERNS)
            or (mode == "activity" and re.match(r"^\W*(no|none|nope|nothing|not really|not today|nada)\W*$", norm))
        )
    ):
        activities = (Activity("none", 0),)

    oor = tuple(f for f in dict.fromkeys(st.oor) if not (f in v and f != "activities"))
    return CheckinParse(
        pain=v.get("pain"),
        fatigue=v.get("fatigue"),
        sleep_hours=v.get("sleep_hours"),
        sleep_quality=v.get("sleep_quality"),
        stress=v.get("stress"),
        mood=v.get("mood"),
        activities=activities,
        flare=flare,
        day_offset=day_offset,
        out_of_range=oor,
        mentioned_activities=mentioned,
    )


# ---------------------------------------------------------------------------
# public API
# ---------------------------------------------------------------------------


def parse_checkin(text: str) -> CheckinParse:
    """Parse one free-text check-in message; any subset of FIELDS may be set."""
    if not text or not text.strip():
        return CheckinParse()
    return _extract(text)


_ZERO_ANSWERS = re.compile(
    r"^\W*(none|nothing|no pain|no stress|no fatigue|zero|nil|pain free|not at all|no|nope|0)"
    r"( at all| today| really)?\W*$"
)


def parse_scale(text: str) -> int | str | None:
    """Answer to "how is your X, 0-10?" -> 0..10, None if no number, or "out_of_range".

    "6" -> 6, "about a six" -> 6, "5 or 6" -> 6 (the higher: caution),
    "seven out of ten" -> 7, "6.5" -> 7, "none" -> 0, "pretty bad" -> None,
    "15" / "-2" / "12/10" -> "out_of_range".
    """
    norm = normalize(text)
    if not norm:
        return None
    toks = norm.split()
    nums = [n for n in scan_numbers(toks) if n.unit in (None, "scale")]
    if any(n.invalid for n in nums):
        return "out_of_range"
    if not nums:
        if _ZERO_ANSWERS.match(norm):
            return 0
        return None
    top = max(nums, key=lambda n: n.hi)
    if top.hi > 10:
        return "out_of_range"
    return _scale_value(top)


def parse_duration_minutes(text: str) -> int | None:
    """Answer to "for how long?" -> whole minutes, or None.

    "half an hour" 30, "an hour and a half" 90, "twenty mins" 20, "1h20" 80,
    "15 min" 15, "90 minutes" 90, "2 hrs" 120, "20-30 min" 25 (midpoint),
    "2 x 10 min" 20, bare "45" 45 (minutes). None for nothing usable, <= 0,
    or more than 16 hours.
    """
    norm = normalize(text)
    nums = scan_numbers(norm.split())
    if any(n.invalid for n in nums):
        return None
    durs = [n for n in nums if n.unit == "dur"]
    if durs:
        total = sum(n.mid for n in durs)
    else:
        bare = [n for n in nums if n.unit is None]
        if not bare:
            return None
        total = bare[0].mid
    minutes = _round_int(total)
    if minutes <= 0 or minutes > MAX_ACTIVITY_MINUTES:
        return None
    return minutes


def _sleep_hours_given(norm: str, toks: list[str]) -> tuple[float | None, str | None]:
    """(hours as written, quality from a "N/10"): the hours are not checked yet."""
    hours: float | None = _clock_sleep(norm, answer=True)
    quality: str | None = None
    for n in [] if hours is not None else scan_numbers(toks):
        if n.unit == "dur":
            return n.mid / 60, quality
        if n.unit is None and (n.start == 0 or toks[n.start - 1] not in _TIME_PREPS):
            return n.mid, quality
        if n.unit == "scale" and n.lo >= 0 and n.hi <= 10:
            quality = _quality_from_number(_scale_value(n))
    return hours, quality


def sleep_out_of_range(text: str) -> bool:
    """The answer to "how did you sleep?" gives hours no night can have: below 0, over 24, or "1e9"."""
    norm = normalize(text)
    hours, _ = _sleep_hours_given(norm, norm.split())
    return hours is not None and not 0 <= hours <= 24


def activity_out_of_range(text: str) -> bool:
    """The answer to "what activity did you do?" gives a duration no day can hold (see MAX_ACTIVITY_MINUTES)."""
    if not text or not text.strip():
        return False
    return "activities" in _extract(text, mode="activity").out_of_range


def has_non_value(text: str) -> bool:
    """The text has a negative number or one in exponent form ("-5", "minus 5", "1e9")."""
    return NOT_A_VALUE in normalize(text).split()


def parse_sleep(text: str) -> tuple[float | None, str | None]:
    """Answer to "how did you sleep?" -> (hours or None, "good"|"ok"|"poor" or None).

    "5h badly" -> (5.0, "poor"); "about 7 hours, slept well" -> (7.0, "good");
    "barely slept" -> (None, "poor"); "6 or 7" -> (6.5, None);
    "no sleep at all" -> (0.0, "poor"); "7/10" -> (None, "good").
    """
    norm = normalize(text)
    toks = norm.split()
    hours, quality = _sleep_hours_given(norm, toks)
    if hours is not None and (hours < 0 or hours > 24):
        hours = None
    elif hours is not None:
        hours = _round_half(hours)
    q = _first_match(lx.SLEEP_QUALITY_PATTERNS, norm)
    if q is None:
        phrase, pos = _adj_lookup(toks, lx.SLEEP_ADJ)
        if phrase is not None:
            q = lx.SLEEP_ADJ[phrase]
            if not phrase.startswith("not ") and pos and toks[pos - 1] in ("not", "wasnt", "isnt", "never", "didnt"):
                q = "poor" if q in ("good", "ok") else "ok"
    quality = q or quality
    if hours is None and (
        any(re.search(p, norm) for p in lx.SLEEP_ZERO_PATTERNS)
        or re.match(r"^\W*(none|zero|nothing|not at all|0|didnt|did not|no)\W*$", norm)
    ):
        hours, quality = 0.0, quality or "poor"
    return hours, quality


def parse_mood(text: str) -> str | None:
    """Answer to "how is your mood?" -> "good" | "ok" | "low" | None.

    "good", "great", "happy" -> good; "ok", "fine", "meh", "not bad" -> ok;
    "low", "down", "not great", "rubbish", "anxious" -> low; "7/10" -> good.
    """
    norm = normalize(text)
    toks = norm.split()
    if re.search(
        r"\bnot (very |too |so |that |really )?(good|great|happy|well|brilliant|positive|the best)\b"
        r"|\bcould be better\b",
        norm,
    ):
        return "low"
    if re.search(r"\bnot (too |that |so |very )?(bad|low|down|depressed|terrible|awful)\b|\bcould be worse\b", norm):
        return "ok"
    phrase, _ = _adj_lookup(toks, lx.MOOD_ADJ)
    if phrase is not None:
        return lx.MOOD_ADJ[phrase]
    val = _first_match(lx.MOOD_PATTERNS, norm)
    if val:
        return val
    if re.search(r"\b(anxious|stressed|worried|irritable|angry|cross|tearful)\b", norm):
        return "low"
    if re.search(r"\b(well|calm|relaxed|peaceful|chilled|cheery)\b", norm):
        return "good"
    nums = [n for n in scan_numbers(toks) if n.unit in (None, "scale") and 0 <= n.hi <= 10]
    if nums:
        return _mood_from_number(_scale_value(nums[0]))
    return None


def parse_yes_no(text: str) -> bool | None:
    """Yes/no answer -> True / False / None (unclear, or "don't know").

    "yes", "yeah", "yep", "I think so" -> True; partial affirmatives
    ("a bit", "slightly", "kind of", "mild one") -> True (see module doc);
    "no", "nope", "nah", "not really", "no flare" -> False.
    """
    if is_skip(text):
        return None
    norm = normalize(text)
    if not norm:
        return None
    if re.search(r"\byes and no\b|\bmaybe\b(?! (a bit|a little|slightly))|\bpossibly\b|\bnot sure\b", norm):
        return None
    for pat in lx.NO_PATTERNS:
        if re.search(pat, norm):
            return False
    for pat in lx.YES_PATTERNS:
        if re.search(pat, norm):
            return True
    return None


def parse_activity(text: str) -> tuple[Activity, ...]:
    """Answer to "what activity did you do?" -> activities with minutes.

    "walked 15 mins" -> (walking 15,); "20 min of stretching and a short swim
    of half an hour" -> (stretching 20, swimming 30); a duration with no
    activity named ("20 mins") -> (other 20,); explicit "nothing" /
    "rested all day" / "no walk" -> (Activity("none", 0),); an activity with
    no duration ("a walk") -> () (see ``activity_mentions``).
    """
    if not text or not text.strip():
        return ()
    return _extract(text, mode="activity").activities


def activity_mentions(text: str) -> tuple[str, ...]:
    """Activity kinds named in ``text`` without a duration ("went for a walk" -> ("walking",))."""
    if not text or not text.strip():
        return ()
    return _extract(text, mode="activity").mentioned_activities


def _short(norm: str, limit: int) -> bool:
    return len(re.findall(r"[a-z]+", norm)) <= limit and not re.search(r"\d", norm)


def is_skip(text: str) -> bool:
    """The person wants to skip this question ("skip", "pass", "dunno", "not sure", "next", "no idea")."""
    norm = normalize(text)
    if not norm or not _short(norm, 10):
        return False
    return any(re.search(p, norm) for p in lx.SKIP_PATTERNS)


def is_stop(text: str) -> bool:
    """The person wants to end the check-in now ("stop", "later", "that's enough", "not now", "cancel")."""
    norm = normalize(text)
    if not norm or not _short(norm, 12):
        return False
    if re.search(r"\b(dont|didnt|cant|couldnt|wont|never|not) (stop|finish|end)\b", norm):
        return False
    return any(re.search(p, norm) for p in lx.STOP_PATTERNS)


def parse_correction(text: str) -> int | float | None:
    """A correction of the last answer -> the new value, else None.

    "actually make that 7" -> 7, "sorry, I meant 5" -> 5, "no wait, 4" -> 4,
    "change that to 3" -> 3, "I meant 5 not 6" -> 5, "should be 6.5" -> 6.5.
    The number is returned in the unit the person used ("actually 7 hours"
    -> 7, "make it 20 mins" -> 20); hours plus minutes ("1h20") come back as
    minutes (80). Use ``parse_duration_minutes`` on the same text when the
    corrected field is a duration. None if it is not a correction or has no
    number ("7" alone, "actually I'm tired").
    """
    norm = normalize(text)
    if not any(re.search(p, norm) for p in lx.CORRECTION_PATTERNS):
        return None
    toks = norm.split()
    cands = []
    for n in scan_numbers(toks):
        if n.unit in ("time", "other") or n.invalid:
            continue
        before = " ".join(toks[max(0, n.start - 2) : n.start])
        if re.search(r"(\bnot|\bfrom|\binstead of|\brather than|\bthan|\bwasnt|\bisnt)$", before):
            continue
        cands.append(n)
    if not cands:
        return None
    n = cands[-1]
    if n.unit == "dur":
        whole_hours = n.hours_unit and abs((n.hi / 60) * 2 - round((n.hi / 60) * 2)) < 1e-9
        value = n.hi / 60 if whole_hours else n.hi
    else:
        value = n.hi
    value = value * n.mult
    return int(value) if float(value).is_integer() else float(value)


__all__ = [
    "FIELDS",
    "MAX_ACTIVITY_MINUTES",
    "Activity",
    "CheckinParse",
    "activity_mentions",
    "activity_out_of_range",
    "has_non_value",
    "is_skip",
    "is_stop",
    "parse_activity",
    "parse_checkin",
    "parse_correction",
    "parse_duration_minutes",
    "parse_mood",
    "parse_scale",
    "parse_sleep",
    "parse_yes_no",
    "sleep_out_of_range",
]
