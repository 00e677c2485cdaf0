"""Unit tests for bot.triage.rules.triage (normal / assess / stop + emergency)."""

from __future__ import annotations

import itertools
import re

import pytest

from bot.safety.redflags import EMERGENCY_RULE_IDS
from bot.safety.screen import screen_message
from bot.safety.textmatch import normalise
from bot.triage import FollowUp, Outcome, triage
from bot.triage.findings import extract
from bot.triage.messages import QUESTIONS
from bot.triage.rules import RULE_IDS

DOSE_RX = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|milligram|mcg|ml|pills?|tablets?)\b", re.I)
BANNED = ("all in your head", "push through", "push on through", "no pain no gain")


def outcome(text, answers=None, hint=None) -> Outcome:
    r = triage(text, answers, hint=hint)
    assert isinstance(r, Outcome), (text, answers, r)
    _check_message(r)
    return r


def _check_message(r: Outcome) -> None:
    low = r.message.lower()
    assert not DOSE_RX.search(r.message)
    for phrase in BANNED:
        assert phrase not in low
    if r.level == "normal":
        assert "hurt isn't the same as harm" in low
        assert "same as this one, or a little less" in low
        assert "not more" in low
    if r.level == "assess":
        assert "before you do more" in low
        assert "no substitute for a clinician" in low
    if r.level == "stop":
        assert low.startswith("please stop now")
    if r.emergency:
        assert "call your emergency number" in low
        for n in ("112", "911", "999"):
            assert n in r.message
        assert "don't drive yourself" in low


# ------------------------------------------------------------------ normal


@pytest.mark.parametrize(
    "text,rule",
    [
        ("my muscles feel tired after my walk", "normal.tired_muscles"),
        ("my legs went heavy near the end of the swim", "normal.tired_muscles"),
        ("I got quite warm and sweaty on the bike", "normal.effort_warmth"),
        ("stiff after sitting but it loosens up", "normal.stiffness_eases"),
        ("my fibro pain is a little higher than usual after the shopping", "normal.mild_pain_rise"),
        ("my calves ache from yesterday's class but they're easing", "normal.muscle_soreness"),
        ("no chest pain, just sore calves", "normal.muscle_soreness"),
    ],
)
def test_normal_answered_at_once(text, rule):
    r = outcome(text)
    assert r.level == "normal" and not r.emergency
    assert rule in r.rules


# ------------------------------------------------------------------ assess


@pytest.mark.parametrize(
    "text,rule",
    [
        ("my hip pain got worse and worse as I walked", "assess.worsening"),
        ("my shoulder has hurt for 5 days since the class", "assess.persisting"),
        ("my knee is still sore three days later and no better", "assess.persisting"),
        ("a pain shoots down my left leg since the stretches", "assess.radiating"),
        ("my chest isn't hurting but my knee is swollen", "assess.swelling"),
        ("I get a stabbing pain in my wrist", "assess.sharp_pain"),
        ("I've been limping since yesterday's walk", "assess.limp"),
        ("my ankle hurts after every session", "assess.recurring"),
        ("the pain in my foot is unbearable", "assess.severe_pain"),
        ("a pain in my side I've never had before", "assess.new_pain"),
        ("I think I twisted my ankle on the path", "assess.injury"),
        ("my toes have been numb since the walk", "assess.numbness"),
        ("my pee was dark after the hike", "assess.dark_urine"),
    ],
)
def test_assess_rules(text, rule):
    r = outcome(text)
    assert r.level == "assess" and not r.emergency, (text, r)
    assert rule in r.rules


# ------------------------------------------------------------------ stop


@pytest.mark.parametrize(
    "text,rule",
    [
        ("I got dizzy on the exercise bike", "stop.dizziness"),
        ("I went really lightheaded doing squats", "stop.dizziness"),
        ("I almost passed out in the class", "stop.dizziness"),
        ("I was gasping and couldn't catch my breath on the stairs", "stop.severe_breathlessness"),
        ("my legs suddenly went numb on the walk", "stop.sudden_weakness_numbness"),
        ("my knee gave way when I stood up", "stop.joint_instability"),
        ("I can't put weight on my foot", "stop.cannot_bear_weight"),
        ("my heart was skipping beats on the treadmill", "stop.palpitations"),
        ("my pulse has been hammering away for half an hour since the bike", "stop.palpitations"),
        ("heart goes beat beat pause beat after the swim", "stop.palpitations"),
        ("my shoulder feels like it could slip out when i lift the bag", "stop.joint_instability"),
        ("my ankle won't hold me since the step class", "stop.joint_instability"),
        ("i couldn't put my foot on the ground after the hike", "stop.cannot_bear_weight"),
        ("had the head spins on the rowing machine", "stop.dizziness"),
        ("my heart rate hasn't come down in 20 mins since the walk", "stop.palpitations"),
        ("my watch flagged afib during aqua", "stop.palpitations"),
        ("my knee clunked out and back in on the stairs", "stop.joint_instability"),
        (
            "out of nowhere an excruciating pain ripped through my shoulder on the rowing machine",
            "stop.sudden_severe_pain",
        ),
        ("my left calf is puffy and red and warm since the walk", "stop.clot_signs"),
        ("sore calf since I got back off the long-haul flight", "stop.clot_signs"),
        ("heard a crack in my wrist when I landed on it", "stop.possible_fracture_or_rupture"),
        ("something twanged at the back of my heel and now I can't go on my toes", "stop.possible_fracture_or_rupture"),
        ("my wee is like cola and my thighs ache after the spin class", "stop.dark_urine_after_effort"),
        ("my heart did a strange racing thing again in aqua", "stop.palpitations"),
        ("my hip collapsed under me on the stairs", "stop.joint_instability"),
        ("I was a bit out of breath on the hill, my calf is tight after the flight", "stop.clot_signs"),
        (
            "mowed the lawn in the blazing sun and now I'm dizzy and feel sick, sitting in the shade",
            "stop.heat_exhaustion",
        ),
        ("since lifting the box my left foot drags and I can't lift my toes up", "stop.foot_drop"),
        ("my knee just folded under me on the bus step", "stop.joint_instability"),
        ("went down on the ice onto my hand and the wrist is up like a balloon", "stop.possible_fracture_or_rupture"),
        (
            "bent to tie my shoe and got a stabbing pain in my lower back, now i can't stand up straight",
            "stop.pain_stops_movement",
        ),
        (
            "something went in my neck reaching for the top shelf and i cant turn my head now",
            "stop.pain_stops_movement",
        ),
        ("my elbow came up like an egg within minutes of banging it on the door", "stop.rapid_swelling"),
        ("finger's swollen after catching it in the drawer and my ring won't come off", "stop.rapid_swelling"),
        ("knee keeps locking on me halfway up the stairs", "stop.joint_locking"),
        ("been kneeling to weed and now my knee won't straighten", "stop.joint_locking"),
        ("hand still weak and tingly since the pottery class two days ago, dropping cups", "stop.weakness_that_stays"),
        ("my right leg's numb and weak since digging yesterday and not getting better", "stop.weakness_that_stays"),
        ("keep scuffing my toes on the pavement since the long hike, that foot won't lift right", "stop.foot_drop"),
        (
            "scratched my shin on a bramble and now there's a red streak going up towards my knee",
            "stop.spreading_infection",
        ),
        (
            "my ankle has gone red, hot and puffy since the blister and I've had the shivers all night",
            "stop.spreading_infection",
        ),
        (
            "seeing little flashes at the edge of my left eye and a load of new floaters since the run",
            "stop.eye_warning",
        ),
        ("28 weeks pregnant and the baby hasn't moved much since my swim this morning", "stop.pregnancy_warning"),
        ("I take warfarin and bumped my head on the cupboard door, feel fine", "stop.blood_thinner_warning"),
        ("on apixaban, cut my finger pruning and it's still bleeding after half an hour", "stop.blood_thinner_warning"),
        ("out sledging in the snow, two toes went waxy white and they're still numb tonight", "stop.cold_injury"),
        ("took a cricket ball to the balls, one side's swollen up and I feel sick", "stop.testicle_warning"),
        (
            "sliced my thumb open on the mandoline, a deep cut that keeps bleeding through the plaster",
            "stop.deep_wound",
        ),
        (
            "type 2 diabetic and my big toe has gone hot, red and swollen since the long walk",
            "stop.spreading_infection",
        ),
        (
            "felt something tear in my calf on the lunge and now there's a dent and a big bruise coming",
            ("stop.possible_fracture_or_rupture"),
        ),
        ("went over on my foot at the fair, couldn't walk more than a few steps after", "stop.cannot_bear_weight"),
        (
            "after my swim class I woke up and can't hear out of my right ear, no cold or earache",
            "stop.sudden_hearing_loss",
        ),
        ("fell off the bike onto my hand and now my thumb feels loose when I grip the bar", "stop.joint_instability"),
        ("32 wks and the baby has barely moved since I got back from aquanatal", "stop.pregnancy_warning"),
        (
            "three weeks since my caesarean and my left calf aches and is swollen on the walk to the shop",
            ("stop.clot_signs"),
        ),
    ],
)
def test_stop_rules_not_emergency(text, rule):
    r = outcome(text)
    assert r.level == "stop" and not r.emergency, (text, r)
    assert rule in r.rules
    assert "call" in r.message.lower()  # says when to call


EMERGENCY_TEXTS = {
    "emergency.chest_pain": "there's a heavy pressure on my chest when I climb",
    "emergency.arm_jaw_spread": "a pain spreading into my jaw on the hill",
    "emergency.face_droop": "my face has drooped on the left",
    "emergency.slurred_speech": "my words are coming out slurred",
    "emergency.one_sided_weakness": "my right side feels weak and numb",
    "emergency.vision_loss": "I suddenly have double vision",
    "emergency.thunderclap_headache": "I had a sudden severe headache on the bike",
    "emergency.fainting": "I fainted after my session",
    "emergency.breathless_at_rest": "I'm breathless even at rest",
    "emergency.saddle_numbness": "I have saddle numbness since lifting the box",
    "emergency.bladder_bowel": "I can't pee and my back really hurts",
    "emergency.rhabdo": "my wee is brown and my legs are in agony after the spin class",
    "emergency.racing_heart_faint": "pulse pounding and uneven for 40 minutes since the class, I feel faint",
    "emergency.deformity": "fell on the ice and my ankle is pointing the wrong way",
    "emergency.heat_illness": "walked in the heatwave and now I'm confused and not sweating",
    "emergency.clot_in_lung": "suddenly really short of breath on the stairs, my calf has ached since the operation",
    "emergency.aortic_tear": "sudden tearing pain in my back after lifting the wardrobe, i feel faint",
    "emergency.allergic_reaction": "new resistance band and now hives everywhere and my tongue is swelling up",
    "emergency.internal_bleeding": "threw up blood after the walk and I feel dizzy and clammy",
    "emergency.broken_limb_or_torn_tendon": "fell off the kerb and my wrist is all crooked now, can't move it",
    "emergency.limb_blood_supply": "my right hand suddenly went pale and cold on the walk, it's numb and hurts",
}


def test_every_emergency_rule_has_a_triage_test():
    assert set(EMERGENCY_TEXTS) == set(EMERGENCY_RULE_IDS)


@pytest.mark.parametrize("rule,text", sorted(EMERGENCY_TEXTS.items()))
def test_emergency_rules_stop_with_flag_and_match_screen(rule, text):
    r = outcome(text)
    assert r.level == "stop" and r.emergency, (text, r)
    assert rule in r.rules
    # the message screen catches the same message with the same rule id
    s = screen_message(text)
    assert s.kind == "emergency" and rule in s.rules


def test_red_flag_decides_even_with_normal_words_and_answers():
    r = outcome("legs just tired but I had chest pain halfway", {"trend": "easing"})
    assert r.level == "stop" and r.emergency
    r = outcome("my knee hurts", {"swelling": "unstable"})
    assert r.level == "stop" and "stop.joint_instability" in r.rules


# ------------------------------------------------------------------ negation


@pytest.mark.parametrize(
    "text,level",
    [
        ("no chest pain, just sore calves", "normal"),
        ("not dizzy at all, legs a bit tired", "normal"),
        ("I wasn't short of breath, my arms were just tired", "normal"),
        ("never fainted, only felt warm", "normal"),
        ("my chest isn't hurting but my knee is swollen", "assess"),
        ("no swelling but a sharp pain in my heel", "assess"),
        ("no chest pain but I did get dizzy", "stop"),
        ("I'm not sure if it was chest pain", "stop"),  # a hedge is not a negation
    ],
)
def test_negation_scope(text, level):
    assert outcome(text).level == level


def test_not_dizzy_does_not_fire_dizziness():
    r = triage("not dizzy")
    assert isinstance(r, FollowUp) or "stop.dizziness" not in r.rules


# ------------------------------------------------------------------ follow-ups


def test_follow_up_shapes_and_documented_values():
    r = triage("my elbow hurts")
    assert isinstance(r, FollowUp)
    assert r.key == "red_flags"  # the safety check comes first, once
    assert [v for _, v in r.options] == ["none", "yes", "unsure"]
    r = triage("my elbow hurts", {"red_flags": "none"})
    assert isinstance(r, FollowUp) and r.key == "swelling"
    assert r.question.endswith("?")
    for _, opts in QUESTIONS.values():
        assert all(isinstance(t, str) and isinstance(v, str) for t, v in opts)
        assert "unsure" in [v for _, v in opts]


def test_joint_pain_asks_swelling_then_trend_then_timing_then_decides():
    a: dict[str, str] = {}
    keys = []
    for value in ("none", "no", "easing", "under_24h"):
        r = triage("my knee aches", a or None)
        assert isinstance(r, FollowUp)
        keys.append(r.key)
        a[r.key] = value
    assert keys == ["red_flags", "swelling", "trend", "timing"]
    r = outcome("my knee aches", a)
    assert r.level == "normal"
    assert "normal.settling" in r.rules


def test_back_pain_asks_spreading_first_and_leg_means_assess():
    r = triage("my lower back hurts", {"red_flags": "no"})
    assert isinstance(r, FollowUp) and r.key == "spreading"
    r = outcome("my lower back hurts", {"spreading": "leg"})
    assert r.level == "assess" and "assess.radiating" in r.rules


def test_nothing_recognisable_asks_trend_then_decides_by_answers():
    r = triage("hmm not sure how to describe it", {"red_flags": "none of these"})
    assert isinstance(r, FollowUp) and r.key == "trend"
    assert outcome("hmm not sure how to describe it", {"trend": "worse"}).level == "assess"
    assert outcome("hmm", {"trend": "easing", "timing": "under_24h"}).level == "normal"


def test_lasting_soreness_asks_then_is_cautious():
    r = triage("my legs are still sore", {"red_flags": "nope"})
    assert isinstance(r, FollowUp) and r.key == "timing"
    assert outcome("my legs are still sore", {"timing": "1_2_days"}).level == "assess"


@pytest.mark.parametrize("text", ["my knee hurts", "my back aches", "it hurts", "my wrist is sore", "hello"])
def test_red_flag_check_then_at_most_three_follow_ups_for_every_answer_combination(text):
    keys = ("red_flags", "swelling", "spreading", "trend", "timing")
    values = {k: [v for _, v in opts] + [None] for k, (_, opts) in QUESTIONS.items()}
    for combo in itertools.product(*[values[k] for k in keys]):
        script = dict(zip(keys, combo, strict=True))
        given: dict[str, str] = {}
        asked = 0
        while True:
            r = triage(text, given or None)
            if isinstance(r, Outcome):
                break
            asked += 1
            assert asked <= 4, (text, script)
            assert asked > 1 or r.key == "red_flags"
            assert r.key not in given
            # a missing answer is sent as "not sure"
            given[r.key] = script.get(r.key) or "not sure"
        if "unsure" in given.values() or "not sure" in given.values():
            assert r.level != "normal", (text, given)


def test_loose_text_answers_are_understood():
    assert outcome("my ankle is sore", {"swelling": "a bit puffy"}).level == "assess"
    r = outcome("my ankle is sore", {"swelling": "nope", "trend": "getting better", "timing": "today"})
    assert r.level == "normal"
    assert (
        outcome("my ankle is sore", {"swelling": "no", "trend": "about the same", "timing": "4 days"}).level == "assess"
    )
    assert outcome("my ankle is sore", {"swelling": "no", "trend": "dunno", "timing": "today"}).level == "assess"


def test_red_flag_answers_typed_or_tapped():
    assert outcome("my knee aches", {"red_flags": "yes"}).emergency
    assert outcome("my knee aches", {"red_flags": "yeah my chest feels tight"}).emergency
    r = outcome("my knee aches", {"red_flags": "not sure"})
    assert r.level == "stop" and not r.emergency
    after_none = triage("my knee aches", {"red_flags": "no none of those"})
    assert isinstance(after_none, FollowUp) and after_none.key == "swelling"


def test_a_learned_stop_reading_asks_the_red_flag_check_even_when_the_rules_say_normal():
    assert outcome("legs a bit tired after the walk").level == "normal"
    r = triage("legs a bit tired after the walk", hint="stop")
    assert isinstance(r, FollowUp) and r.key == "red_flags"
    assert outcome("legs a bit tired after the walk", {"red_flags": "yes"}).emergency


def test_missing_answers_default_to_caution():
    # the caller gave up answering: an empty answer counts as "not sure"
    r = outcome("my shoulder hurts", {"swelling": "", "trend": "", "timing": ""})
    assert r.level == "assess"


# ------------------------------------------------------------------ misc


def test_typos_and_uk_us_spelling():
    assert outcome("i got realy dizy on the bike").level == "stop"
    assert outcome("my ankel is swolen").level == "assess"
    assert outcome("my muscels are tierd").level == "normal"
    assert outcome("colour of my urine is dark brown and my muscles are so sore").emergency
    assert outcome("color of my urine is dark brown and my muscles are so sore").emergency


def test_rule_ids_are_documented():
    seen = set()
    texts = ["my muscles feel tired after my walk", "my knee is swollen", "I got dizzy", "a pain I've never had before"]
    for t in texts:
        r = triage(t)
        if isinstance(r, Outcome):
            seen.update(r.rules)
    assert seen <= set(RULE_IDS) | set(EMERGENCY_RULE_IDS)


def test_empty_text_does_not_crash():
    assert isinstance(triage(""), FollowUp)


@pytest.mark.parametrize(
    "text",
    [
        "my heart was pounding on the hill for a few minutes but it settled when i stopped",
        "heart racing during the class, back to normal after a sit down",
    ],
)
def test_a_racing_heart_that_settles_is_effort_not_palpitations(text):
    assert "stop.palpitations" not in extract(normalise(text)).rules


@pytest.mark.parametrize(
    "text",
    [
        "my hip started aching halfway round the park, is that normal?",
        "is this usual? my wrist hurts after the band exercises",
    ],
)
def test_asking_whether_it_is_normal_is_not_saying_it_is_familiar(text):
    assert isinstance(triage(text), FollowUp)  # the bot asks; it does not answer "that's your usual" on its own


@pytest.mark.parametrize(
    "text",
    [
        "the usual widespread ache after the big shop, settling with a heat pack",
        "legs burned on the last few sit-to-stands, stopped as soon as I sat down",
        "neck a touch stiffer after the class, gone by teatime",
    ],
)
def test_a_familiar_pain_or_a_sign_that_has_settled_is_normal(text):
    r = outcome(text)
    assert r.level == "normal", (text, r)


@pytest.mark.parametrize(
    "text",
    [
        "knees are stiff after kneeling in the garden but they straightened out after a minute",
        "legs felt weak after the spin class, fine after a sit down",
        "bit of a sharp twinge in my calf on the hill, it went and i walked home fine",
        "ankles puffy in the evenings after a long day, go down overnight",
    ],
)
def test_ordinary_after_effort_is_not_stop(text):
    rules = extract(normalise(text)).rules
    assert not [r for r in rules if r.startswith("stop.")], rules


@pytest.mark.parametrize(
    "trend,how_long",
    [
        ("fine", "since this afternoon"),
        ("went back to normal", "5 minutes"),
        ("same as always, goes by tuesday", "today"),
    ],
)
def test_typed_answers_that_it_passes_give_a_normal_outcome(trend, how_long):
    answers = {"red_flags": "no", "trend": trend, "timing": how_long, "spreading": "no", "swelling": "no"}
    result = triage("neck a bit stiff after the swim", answers)
    assert isinstance(result, Outcome) and result.level == "normal", result


def test_a_hedged_worse_still_counts_as_worse():
    answers = {"red_flags": "no", "trend": "not sure, maybe worse", "timing": "today"}
    result = triage("my shoulder aches after the swim", answers)
    assert isinstance(result, Outcome) and result.level == "assess", result


@pytest.mark.parametrize(
    "text",
    [
        "playing tennis and it felt like somebody kicked me in the back of the ankle, nobody there, can't push off",
        "slipped on ice and came down on my tailbone, sharp pain, can hardly sit on the bus",
        "ankle swelled up so much after the fall I can't get my boot back on",
        "fell onto my hand on the path and the wrist is really sore at the base of my thumb",
        "a netball caught my finger and now the tip is bent down, won't straighten",
        "after carrying the heavy bags my hand flops at the wrist, I can't lift it back up",
    ],
)
def test_lay_descriptions_of_a_tear_a_break_and_a_nerve_palsy_are_stop(text):
    assert triage(text).level == "stop"


@pytest.mark.parametrize(
    "text",
    [
        "line dancing at the community centre, shoulders a bit achy tonight",
        "did the big clean of the conservatory, wrists sore and back aching",
        "pilates reformer class and my traps r fried lol",
        "gym legs day, quads like wet cement now",
    ],
)
def test_an_ache_where_the_work_was_done_is_normal_and_reaches_triage(text):
    r = outcome(
        text, {"red_flags": "none", "swelling": "no", "trend": "easing", "timing": "under_24h", "spreading": "no"}
    )
    assert r.level == "normal", (text, r)


@pytest.mark.parametrize(
    "text",
    [
        "my brother kicked me in the nuts with that quiz question",
        "toes were cold after the swim but pink again in a minute",
    ],
)
def test_the_same_words_without_the_danger_are_not_stop(text):
    assert not [r for r in extract(normalise(text)).rules if r.startswith("stop.")], text
