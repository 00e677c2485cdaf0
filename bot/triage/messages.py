"""Reply texts for triage outcomes and follow-up questions.

Short chat lines, plain words.  Never a diagnosis ("can be a sign of",
"often means"), never "push through", never "all in your head".
"""

from __future__ import annotations

from bot.safety.helplines import helplines_for
from bot.safety.replies import EMERGENCY_WHY

# ---------------------------------------------------------------- follow-ups
QUESTIONS: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {
    "red_flags": (
        "Thanks for telling me. First, a quick safety check: do you have any of these right now? Chest pain or "
        "pressure; fainting or nearly fainting; a drooping face, slurred words or sudden weakness on one side; "
        "numbness between your legs or new bladder or bowel trouble; very dark pee with bad muscle pain; "
        "breathlessness that won't settle with rest.",
        (("None of these", "none"), ("Yes, one of these", "yes"), ("Not sure", "unsure")),
    ),
    "swelling": (
        "Thanks for telling me. Is the joint swollen, or does it feel wobbly, like it might give way?",
        (
            ("It's swollen", "swollen"),
            ("It feels wobbly / gives way", "unstable"),
            ("Neither", "no"),
            ("Not sure", "unsure"),
        ),
    ),
    "spreading": (
        "Does the pain travel anywhere else, like down an arm or a leg?",
        (("Down a leg", "leg"), ("Down an arm", "arm"), ("No, it stays in one place", "no"), ("Not sure", "unsure")),
    ),
    "trend": (
        "Since it started, is it easing, staying about the same, or getting worse?",
        (("Easing", "easing"), ("About the same", "same"), ("Getting worse", "worse"), ("Not sure", "unsure")),
    ),
    "timing": (
        "How long has it been there since your activity?",
        (
            ("Less than a day", "under_24h"),
            ("1 to 2 days", "1_2_days"),
            ("About 3 days", "3_days"),
            ("Longer than that", "over_3_days"),
            ("Not sure", "unsure"),
        ),
    ),
}

# ---------------------------------------------------------------- normal
_NORMAL_LIKELY = {
    "normal.tired_muscles": "tired muscles from the effort you put in",
    "normal.effort_warmth": "your body warming up and working harder, which is what it should do",
    "normal.stiffness_eases": "stiffness after resting that loosens as you move",
    "normal.mild_pain_rise": "a mild rise in your usual pain after doing more",
    "normal.muscle_soreness": "ordinary muscle soreness after activity (it often peaks a day or two later, then fades)",
    "normal.settling": "a short-lived flare after activity that is settling",
    "normal.effort_ache": "an ache in the parts of you that did the work",
}
_NORMAL_NOW = {
    "normal.tired_muscles": "Have a rest, a drink of water, and a few gentle stretches.",
    "normal.effort_warmth": "Cool down slowly and sip some water.",
    "normal.stiffness_eases": "Keep moving gently, little and often.",
    "normal.mild_pain_rise": "Rest breaks, warmth and gentle movement can help it settle.",
    "normal.muscle_soreness": "Gentle movement, warmth and rest breaks usually help it settle.",
    "normal.settling": "Rest breaks, warmth and gentle movement can help it settle.",
    "normal.effort_ache": "Warmth, a gentle stretch and a rest break usually help it ease over a day or two.",
}


def normal_message(rules: tuple[str, ...]) -> str:
    keys = [r for r in rules if r in _NORMAL_LIKELY] or ["normal.settling"]
    likely = _NORMAL_LIKELY[keys[0]]
    if len(keys) > 1:
        likely += " and " + _NORMAL_LIKELY[keys[1]].split(" (")[0]
    return "\n".join(
        [
            f"That sounds like {likely}. That's expected when you're building up activity.",
            "Hurt isn't the same as harm: with a sensitised nervous system the volume on normal "
            "body signals is turned up. It doesn't mean you're damaging yourself.",
            _NORMAL_NOW[keys[0]],
            "Next session: keep it the same as this one, or a little less. Not more yet. "
            "Build up slowly only once it feels comfortable.",
            "If it gets worse, lasts more than 2 days, or you notice swelling, sharp pain or new "
            "numbness, please check with your GP or physio.",
        ]
    )


# ---------------------------------------------------------------- assess
_ASSESS_LIKELY = {
    "assess.worsening": "Pain that keeps building during or after activity is a sign to pause, not to push on.",
    "assess.persisting": (
        "Pain that's still there more than a day or two after activity, and not easing, is worth a check."
    ),
    "assess.radiating": "Pain or tingling that travels down an arm or leg can come from an irritated nerve.",
    "assess.swelling": "Swelling needs checking before you load that area again.",
    "assess.sharp_pain": "Sharp or stabbing pain is different from the dull ache of effort.",
    "assess.limp": "If you're limping, that area needs checking before you do more.",
    "assess.recurring": "The same pain coming back every session is a sign something needs adjusting.",
    "assess.severe_pain": "Pain this strong is more than the usual ache of effort.",
    "assess.new_pain": "A new pain that feels different from your usual pain deserves a check.",
    "assess.injury": "That sounds like it could be a strain or a small injury.",
    "assess.numbness": "New numbness is worth getting checked.",
    "assess.dark_urine": "Dark urine after hard exercise should be checked today. Drink some water meanwhile.",
    "assess.uncertain": "I can't tell from here whether this is the normal ache of effort, so let's be careful.",
}


def assess_message(rules: tuple[str, ...]) -> str:
    keys = [r for r in rules if r in _ASSESS_LIKELY] or ["assess.uncertain"]
    return "\n".join(
        [
            _ASSESS_LIKELY[keys[0]],
            "Please see your GP, doctor or physio before you do more of this activity. "
            "I can't diagnose, and I'm no substitute for a clinician.",
            "Until then, rest that area and keep to gentle movement that doesn't make it worse. "
            "Pause your plan's build-up; you haven't failed, you're being sensible.",
            "If you get chest pain, feel faint, or notice sudden weakness or numbness, stop and call "
            f"{helplines_for(None).emergency}.",
        ]
    )


# ---------------------------------------------------------------- stop
_STOP_NOW = {
    "stop.dizziness": (
        "Dizziness or feeling faint during activity is a sign to stop. Sit or lie down until it passes, "
        "and sip some water."
    ),
    "stop.severe_breathlessness": "Being very short of breath is a sign to stop. Sit down and rest.",
    "stop.sudden_weakness_numbness": "Sudden weakness or numbness needs checking today.",
    "stop.joint_instability": "A joint that gives way or feels unstable needs checking. Don't put weight on it.",
    "stop.cannot_bear_weight": (
        "Not being able to put weight on it needs checking today (GP, urgent care or minor injuries)."
    ),
    "stop.palpitations": "A fluttering or irregular heartbeat is a sign to stop. Sit down and rest.",
    "stop.sudden_severe_pain": (
        "A sudden, severe pain during activity is a sign to stop. Rest it and get it checked today "
        "(GP, urgent care or minor injuries)."
    ),
    "stop.clot_signs": (
        "One calf or leg that is swollen, warm, red or tender can be a sign of a blood clot. Please get it checked "
        "today: ring your GP, 111 or urgent care, and don't massage it."
    ),
    "stop.possible_fracture_or_rupture": (
        "That could be a broken bone or a torn tendon. Keep it still and get it checked today "
        "(urgent care, minor injuries or A&E)."
    ),
    "stop.heat_exhaustion": (
        "Feeling dizzy, sick or headachy in the heat is a sign to stop. Get somewhere cool, sip water, loosen "
        "clothing and rest; if you feel confused or stop sweating, call your emergency number."
    ),
    "stop.foot_drop": (
        "A foot that slaps down or toes you can't lift can mean a nerve is pinched. Please get checked today."
    ),
    "stop.pain_stops_movement": (
        "A sharp or sudden pain that stops you moving is a sign to stop. Rest in the easiest position and get "
        "it checked today (GP, urgent care or minor injuries)."
    ),
    "stop.rapid_swelling": (
        "A joint or finger that swells up fast needs checking today. Rest it, raise it, and take off any rings "
        "while you still can."
    ),
    "stop.joint_locking": (
        "A joint that locks or won't straighten needs checking. Don't force it; rest it and get it looked at soon."
    ),
    "stop.weakness_that_stays": (
        "Weakness or numbness in an arm, hand, leg or foot that hasn't gone can mean a nerve is squeezed. "
        "Please get checked today."
    ),
    "stop.spreading_infection": (
        "Redness spreading up a limb, or a hot, red, swollen joint or wound with a temperature, can be an "
        "infection that needs treating today. If you feel very unwell or confused, call your emergency number."
    ),
    "stop.eye_warning": (
        "New flashes, a shower of floaters, a shadow over your sight or blurred sight after a knock need an eye "
        "check today (an eye casualty, urgent care or your optician's urgent service)."
    ),
    "stop.cold_injury": (
        "Fingers, toes, ears or a nose that stay white, grey or numb after the cold, or blister, can be frostbite. "
        "Warm them gently (no direct heat, don't rub) and get seen today at urgent care or A&E."
    ),
    "stop.testicle_warning": (
        "A testicle that is badly swollen or very painful, especially if you feel sick, needs seeing straight away: "
        "please go to A&E or urgent care now, as some causes can't wait."
    ),
    "stop.deep_wound": (
        "A deep cut that gapes or bleeds a lot needs closing today: press firmly on it with a clean cloth, raise it, "
        "and go to urgent care or A&E. If the bleeding won't slow or spurts, call your emergency number."
    ),
    "stop.sudden_hearing_loss": (
        "Hearing that goes in one ear overnight or within minutes, without a cold or wax, needs an ear check today "
        "(urgent care, A&E or an urgent GP appointment): treatment works best when it starts early."
    ),
    "stop.pregnancy_warning": (
        "In pregnancy, a baby moving less, waters leaking, bleeding, or a bad headache with changes in your sight "
        "or sudden swelling needs a call to your maternity unit or midwife now."
    ),
    "stop.blood_thinner_warning": (
        "On a blood thinner, a knock to the head or bleeding that won't stop needs checking today, even if you "
        "feel fine. If you feel drowsy, sick or confused, call your emergency number."
    ),
    "stop.dark_urine_after_effort": (
        "Dark urine after hard effort needs checking today. Drink some water and rest until you've been seen."
    ),
    "stop.red_flag_unsure": (
        "When it's hard to tell whether one of those signs is there, it's safest to stop, rest, "
        "and get checked today. If anything on that list turns up, call your emergency number."
    ),
}


def stop_message(rules: tuple[str, ...], emergency: bool) -> str:
    numbers = helplines_for(None).emergency
    if emergency:
        why = next(
            (EMERGENCY_WHY[r] for r in rules if r in EMERGENCY_WHY),
            "What you describe can be a sign of something serious.",
        )
        return "\n".join(
            [
                f"Please stop now and call your emergency number: {numbers}. {why}",
                "While you wait: sit or lie down somewhere safe. Don't drive yourself. "
                "If you're alone, unlock the door and tell someone nearby.",
                "I'm a pacing coach and no substitute for a doctor. Please get help first.",
            ]
        )
    first = next((_STOP_NOW[r] for r in rules if r in _STOP_NOW), "Please stop for now and rest.")
    return "\n".join(
        [
            f"Please stop now. {first}",
            "Don't carry on with this activity today, and please get checked by your GP or doctor "
            "before you exercise again. I'm no substitute for a clinician.",
            "If it doesn't settle within a few minutes of rest, gets worse, or you get chest pain, "
            f"faint, or sudden weakness on one side, call {numbers} now.",
        ]
    )
