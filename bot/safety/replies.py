"""User-facing safety replies.  Short, warm, plain; brain-fog friendly.

    crisis_reply(country)            caring, help line + emergency number at once, asks nothing
    emergency_reply(country, rules)  call <number> now, what to do while waiting
    dose_refusal_reply()             kind refusal, points to prescriber / pharmacist

Rules for anyone editing these texts: never a question in the crisis reply,
never method information, never a medicine dose or pill count, never
"it's all in your head" or "push through".
"""

from __future__ import annotations

from bot.safety.helplines import helplines_for

# One short line per emergency rule: what the sign can mean, never a diagnosis.
EMERGENCY_WHY: dict[str, str] = {
    "emergency.chest_pain": "Chest pain, pressure or tightness can be a sign of a heart problem.",
    "emergency.arm_jaw_spread": "Pain spreading into your arm or jaw can be a sign of a heart problem.",
    "emergency.face_droop": "A face drooping on one side can be a sign of a stroke.",
    "emergency.slurred_speech": "Slurred or mixed-up speech can be a sign of a stroke.",
    "emergency.one_sided_weakness": (
        "Sudden weakness or numbness in the face, an arm or one side can be a sign of a stroke."
    ),
    "emergency.vision_loss": "Sudden loss of vision can be a sign of a stroke.",
    "emergency.thunderclap_headache": "A sudden, very severe headache needs checking straight away.",
    "emergency.fainting": "Fainting or passing out needs checking straight away.",
    "emergency.breathless_at_rest": "Breathlessness that doesn't settle with rest needs help now.",
    "emergency.saddle_numbness": "Numbness around your bottom, groin or inner thighs needs checking today, urgently.",
    "emergency.bladder_bowel": "New loss of bladder or bowel control needs checking today, urgently.",
    "emergency.racing_heart_faint": (
        "A racing or irregular heartbeat that won't settle, with feeling faint or breathless, needs help now."
    ),
    "emergency.heat_illness": (
        "Confusion or hot, dry skin after time in the heat can be heat stroke. Get somewhere cool and call now."
    ),
    "emergency.clot_in_lung": (
        "Breathlessness with a swollen or sore calf, or suddenly after a flight or an operation, "
        "can be a clot in the lung."
    ),
    "emergency.deformity": "A bone out of place or through the skin needs emergency care. Keep it still.",
    "emergency.aortic_tear": (
        "A sudden tearing pain in the belly or back, with feeling faint, can come from the main artery "
        "and needs help now."
    ),
    "emergency.allergic_reaction": (
        "Swelling of the lips, tongue or throat, with hives or wheezing, can be a severe allergic reaction. "
        "Use an adrenaline pen if you have one and call now."
    ),
    "emergency.broken_limb_or_torn_tendon": (
        "A bone that may be broken, or a big tendon that may have torn, with the limb out of shape or not working, "
        "needs A&E now. Keep it still and don't put weight on it."
    ),
    "emergency.limb_blood_supply": (
        "A foot, leg, hand or arm that suddenly goes cold and pale, painful or numb may have lost its blood supply "
        "and needs help now. Keep it still and don't warm it with a heat pad."
    ),
    "emergency.internal_bleeding": (
        "Black, tarry stools or blood brought up, or a hurt belly, with feeling faint or pale, can mean bleeding "
        "inside and needs help now."
    ),
    "emergency.rhabdo": (
        "Dark urine with severe muscle pain after exercise can mean muscle breakdown, which needs treatment quickly."
    ),
}

_STROKE = {"emergency.face_droop", "emergency.slurred_speech", "emergency.one_sided_weakness", "emergency.vision_loss"}
_SPINE = {"emergency.saddle_numbness", "emergency.bladder_bowel"}


def crisis_reply(country: str | None) -> str:
    lines = helplines_for(country)
    return (
        "I'm really glad you told me. Living with pain like this is exhausting, "
        "and you deserve support right now.\n"
        f"Please reach out to {lines.crisis_line}. They're there to listen, any time.\n"
        f"If you might act on these thoughts, or you're in danger, call {lines.emergency} now "
        "or go to your nearest emergency department.\n"
        "If you can, let someone close to you know how you're feeling, and keep anything "
        "you could hurt yourself with out of reach.\n"
        "I'm a pacing coach, not a crisis service, but I'm here when you want to come back."
    )


def emergency_reply(country: str | None, rules: tuple[str, ...] = ()) -> str:
    lines = helplines_for(country)
    rules = tuple(rules or ())
    why = [EMERGENCY_WHY[r] for r in rules if r in EMERGENCY_WHY]
    first = why[0] if why else "What you describe can be a sign of something serious."
    parts = [
        f"Please call {lines.emergency} now. {first}",
        "While you wait: stop what you're doing and sit or lie down somewhere safe. "
        "Don't drive yourself. If you're alone, unlock the door and tell someone nearby.",
    ]
    if any(r in _STROKE for r in rules):
        parts.append("Note the time it started: the team will want to know.")
    if any(r in _SPINE for r in rules):
        parts.append("If you can't get through, go to the emergency department now.")
    parts.append(
        "I'm a pacing coach and no substitute for a doctor. Please get help first; we can talk about pacing later."
    )
    return "\n".join(parts)


def dose_refusal_reply() -> str:
    return (
        "I can't advise on medicine doses or changes, sorry. That needs someone who knows "
        "your health and all your medicines.\n"
        "Please ask your prescriber (your GP or doctor) or a pharmacist. A pharmacist can "
        "often help the same day, without an appointment.\n"
        "Please don't change, stop or double up a medicine before checking with them. "
        "If you've taken more than prescribed or feel unwell after a dose, contact a "
        "doctor or pharmacist now, or your emergency number if you feel very unwell.\n"
        "I'm happy to help with pacing and activity planning in the meantime."
    )
