"""Symptom triage for activity pacing: normal / assess / stop (+ emergency).

    triage(text, answers=None) -> FollowUp | Outcome

Levels (from the "normal discomfort vs warning signs" table plus standard
exercise guidance):

normal  (carry on, pace)   tired muscles during effort; mild rise in usual pain;
                           effort and warmth; stiffness after rest that eases with
                           movement; muscle soreness 12-72 h after that is easing
assess  (see a clinician   pain worsening progressively; pain lasting > 24 h and
        before doing more) not easing (> 48 h clearly); new pain radiating into a
                           limb; joint swelling; sharp/stabbing pain; a limp;
                           the same pain every session; severe pain; a new pain
                           unlike the usual; a pop/strain/twist injury; new
                           numbness; dark urine alone
stop    (stop now)         chest pain/pressure; severe breathlessness; dizziness or
                           (near) fainting; sudden weakness or numbness; a joint
                           giving way / unstable; can't bear weight; palpitations
emergency=True on top      every rule in bot.safety.redflags (heart attack and
                           stroke signs, fainting, breathlessness that won't settle
                           with rest, saddle numbness, bladder/bowel loss, dark
                           urine with severe muscle pain, thunderclap headache)

Rule ids are listed in ``RULE_IDS``; emergency ids are shared with the screen.

Follow-up keys (``FollowUp.key``; option values in brackets):
    swelling   asked first for joint pain      (swollen | unstable | no | unsure)
    spreading  asked first for back/neck pain  (leg | arm | no | unsure)
    trend      easing, same or worse           (easing | same | worse | unsure)
    timing     how long since the activity     (under_24h | 1_2_days | 3_days | over_3_days | unsure)
Answers may also be loose text ("getting better", "2 days"); they are mapped
onto these values, anything unrecognised counts as "unsure".

Behaviour
  * A stop/emergency finding anywhere decides at once; so does any assess
    finding (the level can only go up, and stop signs are already checked).
  * Plain, clearly normal descriptions are answered at once (tired muscles,
    effort/warmth, stiffness that loosens, a mild rise in usual pain, muscle
    soreness with no sign of lasting > 24 h without easing).
  * Otherwise a FollowUp is returned, at most 3 across calls: the site
    question (swelling for joints, spreading for back/neck), then trend, then
    timing; questions already answered by the text are skipped.  When the
    text describes nothing recognisable we also ask trend then timing, and
    decide by the answers.
  * Missing or "not sure" answers default toward caution (assess).  When in
    doubt between two levels, the higher one wins.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from bot.safety.redflags import emergency_rules
from bot.safety.textmatch import normalise
from bot.triage.findings import Findings, extract, timing_from_text
from bot.triage.messages import QUESTIONS, assess_message, normal_message, stop_message

MAX_FOLLOWUPS = 3


@dataclass(frozen=True)
class FollowUp:
    key: str  # "swelling" | "spreading" | "trend" | "timing"
    question: str
    options: tuple[tuple[str, str], ...]  # (button title, value)


@dataclass(frozen=True)
class Outcome:
    level: str  # "normal" | "assess" | "stop"
    emergency: bool
    rules: tuple[str, ...]
    message: str


RULE_IDS = (
    "normal.tired_muscles",
    "normal.effort_warmth",
    "normal.stiffness_eases",
    "normal.mild_pain_rise",
    "normal.muscle_soreness",
    "normal.settling",
    "normal.effort_ache",
    "assess.worsening",
    "assess.persisting",
    "assess.radiating",
    "assess.swelling",
    "assess.sharp_pain",
    "assess.limp",
    "assess.recurring",
    "assess.severe_pain",
    "assess.new_pain",
    "assess.injury",
    "assess.numbness",
    "assess.dark_urine",
    "assess.uncertain",
    "stop.dizziness",
    "stop.severe_breathlessness",
    "stop.sudden_weakness_numbness",
    "stop.joint_instability",
    "stop.cannot_bear_weight",
    "stop.palpitations",
    "stop.sudden_severe_pain",
    "stop.clot_signs",
    "stop.possible_fracture_or_rupture",
    "stop.dark_urine_after_effort",
    "stop.foot_drop",
    "stop.heat_exhaustion",
    "stop.pain_stops_movement",
    "stop.rapid_swelling",
    "stop.joint_locking",
    "stop.weakness_that_stays",
    "stop.spreading_infection",
    "stop.eye_warning",
    "stop.cold_injury",
    "stop.testicle_warning",
    "stop.deep_wound",
    "stop.sudden_hearing_loss",
    "stop.pregnancy_warning",
    "stop.blood_thinner_warning",
    "stop.red_flag_reported",
    "stop.red_flag_unsure",
)

# ---------------------------------------------------------------- answers
_ANSWER_MAP: dict[str, tuple[tuple[str, str], ...]] = {
    "red_flags": (
        (
            r"^(?:no+|none|nope|nah|naw|nae|na|nay|negative|neither|nothing|not any|"
            r"none of (?:these|those|them|that))\b"
            r"(?!\s+(?:wait|actually))",
            "none",
        ),
        (
            r"\b(?:yes|yeah|yep|yup|one of|some of|a few|chest|faint\w*|pass\w* out|black\w* out|droop\w*|slur\w*|"
            r"numb\w*|bladder|bowel|dark|breath\w*|weak\w*)\b",
            "yes",
        ),
        (r"\b(?:no|not really|don't think so|all fine|fine)\b", "none"),
    ),
    "trend": (
        (r"\b(?:worse|worsening|(?<!no )(?<!any )more|increas\w*|building|up)\b", "worse"),
        # a pattern that passes ("same as always, it goes by tuesday", "went back to normal") is easing
        (
            r"\b(?:goes|went|wears|wore|passes|passed|clears|cleared)\s+(?:off|away|by|back|straight|after|in|quick\w*)\b|"
            r"\bback to normal\b|\b(?:bit|little|lot|much|slightly)\s+better\b",
            "easing",
        ),
        (r"\b(?:same|no change|unchanged|no better|not easing|steady|stable|similar|about the same)\b", "same"),
        (
            r"\b(?:eas\w*|better|improv\w*|less|settl\w*|fading|going|goes|down|gone|fine|ok|okay|alright|grand|good|"
            r"normal|passing|passed)\b",
            "easing",
        ),
    ),
    "swelling": (
        (r"\b(?:unstable|wobbl\w*|give|gives|gave|giving|buckl\w*|loose)\b", "unstable"),
        (r"\b(?:neither|no|nope|none|not swollen|fine)\b", "no"),
        (r"\b(?:swollen|swell\w*|puff\w*|yes|big|bigger)\b", "swollen"),
    ),
    "spreading": (
        (r"\b(?:no|nope|stays|doesn't|does not|not really|just there|only there)\b", "no"),
        (r"\b(?:arm|arms|hand|hands|fingers|elbow)\b", "arm"),
        (r"\b(?:leg|legs|thigh|calf|foot|feet|knee|bum|buttock|yes)\b", "leg"),
    ),
}
_VALUES = {k: {v for _, v in opts} for k, (_, opts) in QUESTIONS.items()}


_UNSURE = re.compile(r"\b(?:not sure|unsure|don't know|dunno|no idea|maybe|can't tell|idk)\b")
# typed answers to "how long has it lasted?" that mean less than a day
_TODAY = re.compile(
    r"\bminutes?\b|\bmins?\b|\bhalf (?:an )?hour\b|\bthis (?:morning|afternoon|evening)\b|\blast night\b|\btonight\b|"
    r"\bonly (?:while|when)\b|\bafter class\b|\bstraight away\b"
)


def _answer(answers: Mapping[str, str] | None, key: str) -> str | None:
    """The normalised answer for *key*: a value, "unsure", or None if not asked."""
    if not answers or key not in answers:
        return None
    raw = answers.get(key)
    val = normalise(str(raw)) if raw is not None else ""
    if val in _VALUES.get(key, ()):
        return val
    if key == "trend" and _UNSURE.search(val):
        # "same, maybe a bit better": a definite word beside a hedge counts ("worse" is matched first: caution)
        return next((value for rx, value in _ANSWER_MAP["trend"] if re.search(rx, val)), "unsure")
    if not val or _UNSURE.search(val):
        return "unsure"
    if key == "timing":
        if re.search(r"\bless than a day\b|\bhours?\b|\btoday\b|\bjust\b", val):
            return "under_24h"
        got = timing_from_text(val) or ("under_24h" if _TODAY.search(val) else None)
        if got is None:
            m = re.search(r"\b(\d+|one|two|three|four|five)\b", val)
            if m:
                got = timing_from_text(m.group(1) + " days")
        if got is None and re.search(r"\blonger\b|\bweek", val):
            got = "over_3_days"
        return got or "unsure"
    for rx, value in _ANSWER_MAP.get(key, ()):
        if re.search(rx, val):
            return value
    return "unsure"


# ---------------------------------------------------------------- decisions
def _outcome(level: str, rules: list[str], emergency: bool = False) -> Outcome:
    seen: list[str] = []
    for r in rules:
        if r not in seen:
            seen.append(r)
    rules_t = tuple(seen)
    if level == "stop":
        msg = stop_message(rules_t, emergency)
    elif level == "assess":
        msg = assess_message(rules_t)
    else:
        msg = normal_message(rules_t)
    return Outcome(level=level, emergency=emergency, rules=rules_t, message=msg)


def _followup(key: str) -> FollowUp:
    q, opts = QUESTIONS[key]
    return FollowUp(key=key, question=q, options=opts)


def _time_level(trend: str | None, timing: str | None, muscle: bool) -> tuple[str, str] | None:
    """Level from trend + timing, or None when more information is needed.
    Returns (level, rule)."""
    if trend == "worse":
        return "assess", "assess.worsening"
    if timing == "over_3_days":
        return "assess", "assess.persisting"
    if trend == "unsure" or timing == "unsure":
        return "assess", "assess.uncertain"
    if timing == "3_days":
        if trend == "easing" and muscle:
            return "normal", "normal.muscle_soreness"
        if trend is None:
            return None
        return "assess", "assess.persisting"
    if timing == "1_2_days":
        if trend == "easing":
            return "normal", "normal.muscle_soreness" if muscle else "normal.settling"
        if trend == "same":
            return "assess", "assess.persisting"
        return None
    if timing == "under_24h":
        if trend in ("easing", "same"):
            return "normal", "normal.muscle_soreness" if muscle else "normal.settling"
        return None if trend is None else ("assess", "assess.uncertain")
    return None


def triage(text: str, answers: Mapping[str, str] | None = None, hint: str | None = None) -> FollowUp | Outcome:
    """hint: the learned layer's reading of the text ("normal" | "assess" | "stop"), when there is one."""
    red_flags = _answer(answers, "red_flags")
    if red_flags == "yes":
        return _outcome("stop", ["stop.red_flag_reported"], emergency=True)
    if red_flags == "unsure":
        return _outcome("stop", ["stop.red_flag_unsure"])
    result = _triage_by_rules(text, answers)
    if red_flags is None and (isinstance(result, FollowUp) or (hint == "stop" and result.level != "stop")):
        return _followup("red_flags")  # once, before anything else, when the text alone cannot rule them out
    if isinstance(result, Outcome) and hint in ("assess", "stop") and result.level == "normal" and red_flags:
        return _outcome("assess", ["assess.uncertain"])  # the words read as more than effort: err toward caution
    return result


def _triage_by_rules(text: str, answers: Mapping[str, str] | None) -> FollowUp | Outcome:
    t = normalise(text or "")
    f: Findings = extract(t)
    emergency = list(emergency_rules(t))
    a_swelling = _answer(answers, "swelling")
    a_spreading = _answer(answers, "spreading")
    a_trend = _answer(answers, "trend")
    a_timing = _answer(answers, "timing")

    # 1. red flags decide at once
    stop = emergency + [r for r in f.rules if r.startswith("stop.")]
    if a_swelling == "unstable":
        stop.append("stop.joint_instability")
    if stop:
        return _outcome("stop", stop, emergency=bool(emergency))

    # 2. assess findings in the text decide at once
    assess = [r for r in f.rules if r.startswith("assess.")]
    trend = f.trend or a_trend
    timing = f.timing or a_timing
    muscle_only = bool(f.regions) and all(r == "muscle" for r in f.regions)
    if f.trend == "same" and f.timing in ("1_2_days", "3_days", "over_3_days"):
        assess.append("assess.persisting")
    if f.timing == "over_3_days" and (f.pain or f.regions):
        assess.append("assess.persisting")
    if a_swelling in ("swollen", "unsure"):
        assess.append("assess.swelling" if a_swelling == "swollen" else "assess.uncertain")
    if a_spreading in ("leg", "arm", "unsure"):
        assess.append("assess.radiating" if a_spreading != "unsure" else "assess.uncertain")
    if a_trend == "worse":
        assess.append("assess.worsening")
    if assess:
        return _outcome("assess", assess)

    normal = [r for r in f.rules if r.startswith("normal.")]
    site = next((r for r in f.regions if r != "muscle"), None)

    # 3. a familiar pain or a short-lived effort sign that has already settled
    if "normal.settling" in normal and trend not in ("worse", "same") and timing not in ("3_days", "over_3_days"):
        return _outcome("normal", normal)

    # 4. stiffness that loosens with movement
    if f.stiffness and trend == "easing" and timing in (None, "under_24h", "1_2_days"):
        return _outcome("normal", ["normal.stiffness_eases", *normal])

    # 5. a mild rise in the usual pain, tired muscles, effort: clearly normal
    if "normal.mild_pain_rise" in normal and trend != "same":
        return _outcome("normal", normal)
    if site is None and normal and not (f.stiffness and trend is None):
        if "normal.muscle_soreness" in normal or (f.pain and "muscle" in f.regions):
            lvl = _time_level(trend, timing, muscle=True)
            if lvl is None:
                if timing in ("1_2_days", "3_days") or (trend == "same" and timing is None):
                    # soreness that may be lasting: ask what we don't know
                    key = "trend" if trend is None else "timing"
                    if key not in (answers or {}):
                        return _followup(key)
                    return _outcome("assess", ["assess.uncertain"])
                return _outcome("normal", normal)
            level, rule = lvl
            return _outcome(level, [rule] + (normal if level == "normal" else []))
        if f.pain and not f.regions and "normal.tired_muscles" not in normal:
            pass  # unexplained pain words: fall through to questions
        else:
            return _outcome("normal", normal)

    # 6. follow-up questions: site question, then trend, then timing
    needed: list[str] = []
    if site == "joint" and not re.search(r"\bswell|\bswollen|\bpuff", t):
        needed.append("swelling")
    elif site == "spine" and not re.search(r"\bshoot|\bradiat|\bspread|\bdown my\b|\bdown the\b", t):
        needed.append("spreading")
    if f.trend is None:
        needed.append("trend")
    if f.timing is None:
        needed.append("timing")
    needed = needed[:MAX_FOLLOWUPS]
    asked = set(answers or {})
    for key in needed:
        if key not in asked:
            return _followup(key)

    # 7. decide from what we have (missing -> caution)
    muscle = "normal.muscle_soreness" in normal or muscle_only
    lvl = _time_level(trend, timing, muscle=muscle)
    if lvl is None:
        return _outcome("assess", ["assess.uncertain"])
    level, rule = lvl
    return _outcome(level, [rule] + (normal if level == "normal" else []))
