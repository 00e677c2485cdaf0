"""The one understanding step for what must never be missed, run on every inbound message before anything else.

    understand(text) -> Understanding(kind, rules, level, learned)

Two layers, either one enough to escalate:
1. the rules (bot.safety.screen, bot.triage.findings): precise and auditable;
2. the learned layer (bot.safety.meaning): sentence embeddings and a classifier over an exemplar bank written in
   patients' voices, for the words nobody on the team wrote.

kind, by priority: "crisis" > "emergency" > "dose_request" > "sensation" > "none". A sensation is any body
sensation described in relation to activity, or a new symptom: it goes to hurt-versus-harm triage. `worrying` says
whether it looks like more than ordinary effort (assess or stop), which decides whether a check-in is interrupted.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.safety.meaning.layer import Meaning, learned_layer
from bot.safety.said_in_fun import said_in_fun
from bot.safety.screen import screen_message
from bot.safety.textmatch import normalise
from bot.triage.findings import Findings, extract

LEARNED_CRISIS = "learned.crisis"
MIN_WORDS = 3  # an embedding of one or two words ("👍", "good day") says too little: the rules alone read those
_WORD = re.compile(r"[^\W\d_]{2,}")
# A button payload ("/consent_agree", '/triage_answer{"triage_key":"red_flags","triage_value":"none"}') carries
# identifiers, never a person's words: the learned layer would read "red flags" in it. The rules still see it.
_PAYLOAD = re.compile(r'^/[a-z_]+(\{"[a-z_]+":"[a-z0-9_]+"(,"[a-z_]+":"[a-z0-9_]+")*\})?$')
LEARNED_EMERGENCY = "learned.emergency"
# When the rules already explain a stop-now sign that is not an ambulance matter (a sprain or break to get checked
# today, a clot sign, dizziness that passed), the learned layer must be surer before it turns it into an emergency
# reply. The stop reply still says to call the emergency number if it worsens.
EXPLAINED_BY_RULES = frozenset(
    {
        "stop.cannot_bear_weight",
        "stop.joint_instability",
        "stop.sudden_severe_pain",
        "stop.clot_signs",
        "stop.possible_fracture_or_rupture",
        "stop.dizziness",
        "stop.foot_drop",
        "stop.heat_exhaustion",
        "stop.weakness_that_stays",
        "stop.pain_stops_movement",
        "stop.rapid_swelling",
        "stop.joint_locking",
        "assess.injury",
        "assess.swelling",
        "assess.sharp_pain",
    }
)
# "the drill slipped and went into my hand": an injury said to be an accident reads like self-harm to the learned
# layer alone; it must read surer (the rules still catch self-harm said beside the word "accident")
_AN_ACCIDENT = re.compile(
    r"\b(?:slipped|slips|by accident|accidentally|accidental|caught (?:it|my \w+) on|tripped|went into my)\b"
)
SURER_EMERGENCY = (0.70, 0.90)
SURER_WHEN_LAUGHING = (0.50, 0.90)

_ASKED = re.compile(
    r"\?|^\s*(?:how|why|what|which|when|where|is|are|can|could|should|shall|does|do|will|would|any|tips)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Understanding:
    kind: str  # "crisis" | "emergency" | "dose_request" | "sensation" | "none"
    rules: tuple[str, ...] = ()  # rule ids that fired (learned.* when only the learned layer saw it)
    level: str | None = None  # for a sensation: the cautious guess "normal" | "assess" | "stop"
    learned: Meaning | None = None

    @property
    def urgent(self) -> bool:
        return self.kind in ("crisis", "emergency")

    @property
    def worrying(self) -> bool:
        return self.kind == "sensation" and self.level in ("assess", "stop")


_ORDER = {None: -1, "normal": 0, "assess": 1, "stop": 2}


def _rules_level(rule_ids: list[str]) -> str | None:
    levels = [r.split(".", 1)[0] for r in rule_ids]
    for level in ("stop", "assess", "normal"):
        if level in levels:
            return level
    return None


def _learned_emergency(meaning: Meaning, findings: Findings | None) -> bool:
    if not meaning.is_emergency:
        return False
    if findings is not None and EXPLAINED_BY_RULES.intersection(findings.rules):
        return meaning.emergency.over(SURER_EMERGENCY)
    return True


# an injury the rules already explain ("whacked my shin on the pedal, a deep cut gaping open"): a learned crisis
# reading beside it (cut, bleeding) must be surer
INJURY_RULES = frozenset(
    {
        "stop.deep_wound",
        "stop.possible_fracture_or_rupture",
        "stop.cannot_bear_weight",
        "stop.joint_instability",
        "assess.injury",
    }
)


def _an_injury_explained(findings: Findings | None) -> bool:
    return findings is not None and bool(INJURY_RULES.intersection(findings.rules))


def _aches_somewhere(findings: Findings | None) -> bool:
    """The rules read an ache in a named part of the body ("skin burning on my arms", "thighs burning")."""
    return findings is not None and bool(findings.regions) and findings.pain


def _reads_as_a_body_report(meaning: Meaning) -> bool:
    return meaning.sensation.whole > meaning.crisis.whole


def understand(text: str, wait_for_model: bool = False, use_learned: bool = True) -> Understanding:
    """wait_for_model: block until the learned layer has loaded (evaluation); the bot never waits for it.
    use_learned=False gives the rules alone (to measure what the learned layer adds)."""
    screen = screen_message(text)
    layer = learned_layer(wait=wait_for_model) if use_learned else None
    payload = bool(_PAYLOAD.match(text.strip()))
    readable = len(_WORD.findall(text)) >= MIN_WORDS and not payload
    if screen.kind == "crisis":
        # help never waits for the model, nor for the triage rules, when the rules already know it is a crisis
        return Understanding("crisis", screen.rules, None, None)
    meaning = layer.read(text) if layer is not None and readable else None
    plain = normalise(text)
    findings = extract(plain) if not payload else None
    # a crisis only the learned layer reads does not outrank an emergency the rules are sure of (a faint, a bone
    # through the skin): "didn't hurt myself" read alone looks like self-harm, and the ambulance cannot wait
    learned_crisis = meaning is not None and meaning.is_crisis and screen.kind != "emergency"
    if (
        learned_crisis
        and meaning is not None
        and (
            said_in_fun(text, plain)
            or _reads_as_a_body_report(meaning)
            or _aches_somewhere(findings)
            or bool(_AN_ACCIDENT.search(plain))
            or _an_injury_explained(findings)
        )
    ):
        # a message that laughs, or reads more as a report of aches than anything else, read as a crisis by the
        # learned layer alone, must read surer (on the dev sets: jokes and sore shoulders fewer taken for a crisis,
        # no crisis lost); the rules still catch a crisis said with a laugh or beside a sore back
        learned_crisis = meaning.crisis.over(SURER_WHEN_LAUGHING)
    if learned_crisis:
        return Understanding("crisis", (LEARNED_CRISIS,), None, meaning)
    if screen.kind == "emergency" or (meaning is not None and _learned_emergency(meaning, findings)):
        return Understanding(
            "emergency", screen.rules if screen.kind == "emergency" else (LEARNED_EMERGENCY,), "stop", meaning
        )
    if screen.kind == "dose_request":
        return Understanding("dose_request", screen.rules, None, meaning)
    if findings is None:  # an answer button ("swelling_or_giving_way": "no") is not a sensation report
        return Understanding("none", (), None, None)

    rule_level = _rules_level(findings.rules)
    learned_level = meaning.level if meaning is not None and meaning.is_sensation else None
    if rule_level == "normal" and meaning is not None and learned_level is None and _ASKED.search(text):
        # ordinary-effort words in a question ("is a hot bath good for stiffness?") are not a report when the
        # learned layer reads no sensation; a plain report ("forearms achy tonight, grand otherwise") still is,
        # and assess and stop findings always count
        rule_level = None
    if rule_level is None and learned_level is None:
        return Understanding("none", (), None, meaning)
    level = max(rule_level, learned_level, key=lambda lv: _ORDER[lv])  # the more cautious reading wins
    return Understanding("sensation", tuple(findings.rules), level, meaning)
