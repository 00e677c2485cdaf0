"""Unit tests for bot.safety.screen.screen_message (runs on every message)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.safety.redflags import EMERGENCY_RULE_IDS
from bot.safety.screen import ScreenResult, screen_message

# ------------------------------------------------------------------ crisis

CRISIS_SUICIDAL = [
    # the brief's examples
    "I don't see the point of living",
    "I want to end it all",
    "better off dead",
    "I wish I wouldn't wake up",
    "kill myself",
    "kms",
    # more, in other words
    "sometimes I think about ending my own life",
    "They'd all be better off if I was dead",
    "i wanna die tbh",
    "I've been having suicidal thoughts since the flare started",
    "no point going on like this",  # pattern: no point ... going on
    "I hope I never wake up again",
    "I'm so tired of life",
    "I have no reason to live",
    "I've lost the will to live",
    "Honestly I'd rather be dead",
    "i want to kil myslef",  # misspelt
    "having sucidal thoughts",  # misspelt
    "Im thinkin bout ending it",  # chat spelling
    "Life is not worth living with fibro",
]

CRISIS_SELF_HARM = [
    "cutting myself",
    "hurting myself on purpose",
    "I get the urge to hurt myself when the pain is bad",
    "I started self-harming again",
    "I burn myself with a lighter",
    "put the razor to my arm again last night",  # described, no "myself"
    "been sh'ing since my mum died",  # community shorthand
    "clean for three months but it ended on saturday",
    "relapse 🩹 dont tell anyone",
]

CRISIS_OVERDOSE = [
    "how many pills would it take",
    "take all my pills",
    "how many pregabalin would it take to die",
    "I've been stockpiling my tablets",
    "I want to overdose tonight",
    "what is a fatal dose of amitriptyline",
    "i have swallowed 40 of my gabapentin",  # already taken
]

CRISIS_SIDEWAYS = [
    "⚰️⚰️",
    "pain 7. 🪦",
    "skull emoji 💀 and not the joke kind tonight",
    "used up all my lives, not playing any more",
    "logging off for good after this one",
    "if i dont reply by monday you'll know i did it",
    "the edge of the platform is so tempting when the train comes in",
    "if you drop off a multi storey car park would you survive",
    "sat in the car with the engine running and the garage door shut",
    "stood on the bridge railing for ages on the way home",
    "my family would cope fine without me",
    "me waan dead fi real",
    "#selfharm again",
]

CHECK_IN_CRISIS = [
    "pain 8, slept 3 hours, honestly I don't see the point of living",
    "Steps 900. Pain 7/10. Mood awful. I keep wanting to kill myself.",
    "did 5 min of stretching, fatigue 9, I want it all to be over",
]


@pytest.mark.parametrize("text", CRISIS_SUICIDAL)
def test_suicidal_ideation_is_crisis(text):
    r = screen_message(text)
    assert r.kind == "crisis", (text, r)
    assert "crisis.suicidal_ideation" in r.rules
    assert r.urgent


@pytest.mark.parametrize("text", CRISIS_SIDEWAYS)
def test_crisis_said_in_emoji_gaming_words_farewells_and_heights(text):
    assert screen_message(text).kind == "crisis", text


@pytest.mark.parametrize("text", CRISIS_SELF_HARM)
def test_self_harm_is_crisis(text):
    r = screen_message(text)
    assert r.kind == "crisis", (text, r)
    assert "crisis.self_harm" in r.rules


@pytest.mark.parametrize("text", CRISIS_OVERDOSE)
def test_overdose_intent_is_crisis(text):
    r = screen_message(text)
    assert r.kind == "crisis", (text, r)
    assert "crisis.overdose" in r.rules or "crisis.suicidal_ideation" in r.rules


@pytest.mark.parametrize("text", CHECK_IN_CRISIS)
def test_crisis_inside_a_check_in(text):
    assert screen_message(text).kind == "crisis"


def test_crisis_ignores_denial_on_purpose():
    # Cautious by design: a denial still gets the caring reply.
    assert screen_message("I'm not suicidal, just so fed up").kind == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "I'm worried I'll hurt myself if I do too much",
        "I hurt myself tripping on the kerb",
        "I cut myself chopping carrots",
        "I don't want to die from this, I want to get better",
        "I can't go on the long walk this week",
    ],
)
def test_not_crisis_when_not_self_directed_intent(text):
    assert screen_message(text).kind != "crisis", text


# ------------------------------------------------------------------ emergency

EMERGENCY = {
    "emergency.chest_pain": [
        "chest pain while hoovering",
        "it feels like a tight band round my chest",
        "I think I'm having a heart attack",
    ],
    "emergency.arm_jaw_spread": [
        "the ache is spreading up into my jaw",
        "pain moving down into my left arm",
    ],
    "emergency.face_droop": ["my mum's face is drooping on one side"],
    "emergency.slurred_speech": ["I'm slurring my words"],
    "emergency.one_sided_weakness": [
        "my left side went numb",
        "suddenly my right arm is weak",
        "my face feels numb",
    ],
    "emergency.vision_loss": [
        "I suddenly lost the sight in one eye",
        "got up off the kneeler and the room went all spinny, now im seeing double",
    ],
    "emergency.thunderclap_headache": ["the worst headache of my life just hit me"],
    "emergency.fainting": ["I passed out in the bathroom", "my dad collapsed in the garden"],
    "emergency.breathless_at_rest": [
        "I'm still short of breath after resting for half an hour",
        "I can't breathe",
    ],
    "emergency.saddle_numbness": ["I've got no feeling around my genitals"],
    "emergency.bladder_bowel": ["I've lost control of my bladder and my back is agony"],
    "emergency.rhabdo": ["cola coloured urine and my thighs are in agony"],
    "emergency.racing_heart_faint": [
        "heart still hammering and all over the place an hour after the walk, very light-headed"
    ],
    "emergency.heat_illness": [
        "skin's gone hot and dry and i stopped sweating an hour into the hike, feel muddled",
        "mum has been out in the sun all afternoon and she's talking nonsense",
    ],
    "emergency.clot_in_lung": [
        "all of a sudden I'm breathless and it hurts when I breathe in, leg swollen since the flight",
        "my right calf has gone red and puffy and feels hot, and now i get winded just walking to the loo",
        "lower leg swollen and tender since last week and this morning i coughed up some blood",
    ],
    "emergency.deformity": [
        "you can see the bone coming through the skin on his leg",
        "my finger is bent at a funny angle",
        "came off my bike and there's a lump on my shin where the bone shouldn't be",
    ],
    "emergency.aortic_tear": [
        "a ripping pain went through my back into my belly when i lifted the bin and now i'm clammy and grey",
    ],
    "emergency.allergic_reaction": [
        "got stung by a wasp on the walk and now my lips are swelling and I'm wheezy",
        "ate a cereal bar after the class, throat feels tight and thick and I've come out in welts",
    ],
    "emergency.broken_limb_or_torn_tendon": [
        "slipped on the wet decking, heard a crunch in my ankle and now I can't put any weight on it",
        "something snapped at badminton and I can't lift my leg straight, there's a dip above the kneecap",
    ],
    "emergency.limb_blood_supply": [
        "halfway round the shops my left leg went cold and white and it's agony, toes numb",
    ],
    "emergency.internal_bleeding": [
        "on blood thinners and my stools have been black like tar, nearly fainted getting up",
        "came off the bike onto the handlebars, belly is agony now and I'm pale and woozy",
    ],
}
_EMERGENCY_CASES = [(rid, t) for rid, ts in EMERGENCY.items() for t in ts]


def test_every_emergency_rule_has_a_test():
    assert set(EMERGENCY) == set(EMERGENCY_RULE_IDS)


@pytest.mark.parametrize("rule,text", _EMERGENCY_CASES)
def test_emergency_red_flags(rule, text):
    r = screen_message(text)
    assert r.kind == "emergency", (text, r)
    assert rule in r.rules
    assert r.urgent


@pytest.mark.parametrize(
    "text",
    [
        "no chest pain",
        "no chest pain today, just tired",
        "I didn't faint",
        "haven't had any numbness on one side",
        "without any slurred speech",
        "chest pain: none",
        "my chest isn't hurting",
    ],
)
def test_negated_red_flags_do_not_fire(text):
    assert screen_message(text).kind == "none", text


@pytest.mark.parametrize(
    "text",
    [
        "What should I do if I get chest pain while walking?",
        "I passed out on the sofa after tea",
        "blackout curtains help me sleep",
        "my bum went numb on the exercise bike seat",
    ],
)
def test_hypotheticals_and_sleep_are_not_emergencies(text):
    assert screen_message(text).kind == "none", text


# ------------------------------------------------------------------ dose requests


@pytest.mark.parametrize(
    "text,rule",
    [
        ("how much pregabalin should I take", "dose_request.amount"),
        ("can I double my tramadol", "dose_request.change"),
        ("what dose of amitriptyline", "dose_request.amount"),
        ("should I up my duloxetine to 60mg", "dose_request.change"),
        ("can I stop my gabapentin", "dose_request.change"),
        ("how many paracetamol can I have in a day", "dose_request.amount"),
        ("is it ok to miss a dose of my cymbalta", "dose_request.change"),
        ("I'm thinking of coming off my sertraline", "dose_request.change"),
    ],
)
def test_dose_requests(text, rule):
    r = screen_message(text)
    assert r.kind == "dose_request", (text, r)
    assert rule in r.rules
    assert not r.urgent


@pytest.mark.parametrize(
    "text",
    [
        "I took my pregabalin this morning",
        "How much should I walk on a bad day?",
        "Should I stop my walk if it hurts?",
        "what dose of exercise should I aim for",
    ],
)
def test_not_dose_requests(text):
    assert screen_message(text).kind == "none", text


# ------------------------------------------------------------------ figures of speech


@pytest.mark.parametrize(
    "text",
    [
        "this pain is killing me",
        "dead tired",
        "I could kill for a nap",
        "I'm dying to go swimming",
        "my legs are dead",
        "I nearly died laughing",
        "this heat will be the death of me",
        "killing it at tai chi today",
        "I'm so done with this weather",
        "I'm sick to death of flares",
        "I'd rather die than do burpees",
        "I thought I was going to die on that hill lol",
        "coffin dodger, that's me ⚰️😂",
        "almost lost the will to live in the post office queue",
        "going to hang myself out to dry after the rain walk",
        "i jumped off the last stair and my knee complained",
        "i took 2 of my paracetamol with breakfast",
        "I've taken 28 of my tablets this month, every day as prescribed",
        "mi back waan dead after di market",
        "the grandkids ran suicide sprints at basketball camp",
        "we did suicides in PE and I still remember the burn",
        "I take every opportunity to rest between jobs",
        "my knees let me down every time on the stairs",
        "my daughter is updating my will with the solicitor since we remortgaged",
        "I hit myself on the elbow on the cupboard door, hard",
        "I attempted the longer walk today and managed 12 minutes",
        "my first attempt at tai chi was wobbly",
        "I've got a stash of heat pads in the car",
        "the ironing makes me want to die lol",
        "I've been starving myself of sleep with this flare",
        "pain 2 out of 10 today, lovely",
        "I'll be gone by 3 for the physio",
        "is my pillow high enough for my neck?",
        "I shot myself in the foot booking two classes in one day",
        "cut my leg on the garden gate, it's fine",
        "I won't be around next week, we're away at my sister's",
        "the gardening took everything out of me",
        "gave my granddaughter my old bike, she's learning to ride",
        "I can't do this anymore, the early shifts I mean",
        "I looked up how many steps is a mile",
        "need to top myself up with water after the walk",
        "I'd jump off a bridge for a bacon roll right now lol",
        "the grandkids headbutted me during the pillow fight, no harm done",
        "overdosed on bake off reruns this weekend",
        "our batting collapsed again, 60 all out",
        "since I decided to do shorter walks I feel calmer",
    ],
)
def test_figures_of_speech_are_none(text):
    assert screen_message(text) == ScreenResult("none", ()), text


@pytest.mark.parametrize(
    "text",
    [
        "pain 6, sleep 5 hours, walked 12 minutes",
        "How do I pace on a good day?",
        "",
        "   ",
    ],
)
def test_ordinary_messages_are_none(text):
    assert screen_message(text).kind == "none"


# ------------------------------------------------------------------ priority


def test_priority_crisis_over_emergency_over_dose():
    r = screen_message("I've got chest pain and honestly I want to die")
    assert r.kind == "crisis"
    assert r.rules[0].startswith("crisis.")
    assert "emergency.chest_pain" in r.rules

    r = screen_message("crushing chest pain, how much paracetamol can I take?")
    assert r.kind == "emergency"
    assert "dose_request.amount" in r.rules
    assert r.rules.index("emergency.chest_pain") < r.rules.index("dose_request.amount")


def test_screen_result_is_frozen_and_urgent_property():
    r = ScreenResult("emergency", ("emergency.fainting",))
    assert r.urgent
    assert not ScreenResult("dose_request", ("dose_request.amount",)).urgent
    assert not ScreenResult("none").urgent
    with pytest.raises(dataclasses.FrozenInstanceError):
        r.kind = "none"  # type: ignore[misc]


@pytest.mark.parametrize(
    "text,kind",
    [
        ("I have been hurting myself again", "crisis"),
        ("started hurting myself again last week", "crisis"),
        ("I keep hurting myself at the gym", "none"),
        ("am I hurting myself by walking every day?", "none"),
    ],
)
def test_self_harm_without_an_exercise_context_is_caught(text, kind):
    assert screen_message(text).kind == kind


@pytest.mark.parametrize(
    "text",
    [
        "sorted out my will and the funeral plan this week, feels like a weight off",
        "found a new home for my dog, my sister will have him for good",
        "would it look like an accident if the car came off the road",
        "sat at the edge of the quarry for a while tonight",
        "burned my wrist with the iron on purpose",
        "keep hitting my head on the wall when the pain gets too much",
        "I keep imagining my own funeral and it feels like peace",
        "after i'm gone can someone give the cat to my niece",
        "would hanging be quick, asking for me",
        "what's the most painless way to go",
        "if I walked in front of that lorry it would all stop",
        "been slapping myself round the head till it stings",
        "how do I keep these cuts from getting infected, nobody can know",
        "living on 400 calories a day to punish myself",
        "a part of me wants to die tonight",
        "I attempted once in 2019 and the same thoughts are back",
        "after my last attempt they kept me in hospital a week",
        "knocking my head against the wall over and over when the pain peaks",
        "i keep putting my hand under the boiling tap to feel something",
        "got a little stash in the drawer now, just in case",
        "weirdly peaceful now that I've made my decision",
        "i wnt 2 die tbh",
        "I'll be gone before christmas, I've worked out how",
        "I know I'm a millstone round my family's necks",
        "starved myself all weekend again, pain 6",
        "attempted again last night, didn't work",
        "gutted that i woke up again this morning",
        "can't see myself still here by the spring",
        "would the top floor of the multi-storey be high enough",
        "if there was a gun in the house i'd have shot myself already",
        "gave the cat to my sister, i won't be around to look after her",
        "pushing myself on purpose until I drop because I deserve the pain",
        "had a bad night and cut my arms again",
        "quiero matarme, no puedo más",
        "my si has been awful, I've picked a method",
        "what's even the point any more",
        "nobody would even notice me gone, nobody would miss me",
        "been giving most of my things away lately",
        "googled how many of my tablets, just to know",
        "walked down to the level crossing and sat there for ages",
        "I've cut again last night",
        "if ah had the guts ah'd top masel",
        "drove up to the cliff edge and sat at the edge for hours",
        "my sister's been giving her clothes away and saying goodbye to everyone",
        "rehomed my dog with my cousin, he'll have a better life without me",
        "🔪 again last night 😔",
        "dad's gun is loaded and in my hand",
        "me corté otra vez, pain 7",
        "been reading about ways to go that look peaceful",
        "my son has been googling painless ways to go, I found it on the laptop",
        "handed my good china and most of my jewellery to my nieces, it's time",
        "pain 6, sh x2 since monday, slept badly",
        "honestly wanna die, pain 9",
        "tied the dressing gown cord round my neck last night",
        "me quiero morir, pain 8 again",
        "sui thoughts again today, sorry",
        "I'm only a burden to my family now",
        "keep stopping at the cliff edge on my walks, a bit longer every day",
        "hiding my fresh cuts under a bandage so mum won't ask",
    ],
)
def test_affairs_in_order_methods_and_deliberate_injury_are_crisis(text):
    assert screen_message(text).kind == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "we made a will when we bought the house",
        "i wrote a letter to my gp about the tablets",
        "the physio says the stairs are a good test of my knees",
    ],
)
def test_ordinary_mentions_of_wills_and_letters_stay_quiet(text):
    assert screen_message(text).kind == "none"


@pytest.mark.parametrize(
    "text",
    [
        "passive si all day, pain 8",
        "having SI again, sorry to dump this",
        "im not safe with myself right now",
        "dont feel safe to be left alone tonight",
        "I'm not safe.",
        "it only ever gets worse so why carry on",
        "what for. why even keep trying",
        "honestly cant wait to be gone for good",
        "can't wait till i'm dead tbh",
    ],
)
def test_clinic_shorthand_not_being_safe_and_why_go_on_are_crisis(text):
    assert screen_message(text).kind == "crisis"


@pytest.mark.parametrize(
    "text",
    [
        "why keep going to physio if nothing changes",
        "is it safe to walk on ice with a stick? im not safe to drive on these tablets",
        "can't wait to dye my hair, can't wait to be dead to the world on the sofa tonight",
        "si, walked 10 min today",
    ],
)
def test_ordinary_uses_of_the_same_words_stay_quiet(text):
    assert screen_message(text).kind == "none"


@pytest.mark.parametrize(
    "text",
    [
        "my team got knocked out in the 90th minute, gutted",
        "we were knocked out of the cup in the semis again",
    ],
)
def test_a_team_knocked_out_is_not_a_faint(text):
    assert screen_message(text).kind == "none"


def test_a_person_knocked_out_is_still_an_emergency():
    assert screen_message("walked into the door frame and got knocked out, came round on the floor").kind == "emergency"


@pytest.mark.parametrize(
    "text",
    [
        "i whacked my thighs with a hairbrush till they bruised, pain 8",
        "keep banging my head with my fists when it flares",
    ],
)
def test_striking_ones_own_body_with_something_is_self_harm(text):
    assert screen_message(text).kind == "crisis"


def test_knocking_a_limb_by_accident_is_not_self_harm():
    assert screen_message("hit my knee on the table leg getting up, ouch").kind == "none"


@pytest.mark.parametrize(
    "text",
    [
        "been holding grandad's old rifle in my lap most of the night, thinking of using it on myself",
        "my brother says he's fixing to kill himself after the funeral",
        "honestly I might not bother with waking up tomorrow",
        "he keeps cutting himself and hiding it under his hoodie",
    ],
)
def test_a_weapon_turned_on_oneself_someone_elses_plan_and_no_tomorrow_are_crisis(text):
    assert screen_message(text).kind == "crisis"


@pytest.mark.parametrize(
    "text",
    ["bit my own arm so hard it left purple marks", "razors came back out this weekend, 6 months clean before that"],
)
def test_biting_oneself_hard_and_the_blades_back_out_are_self_harm(text):
    assert "crisis.self_harm" in screen_message(text).rules


@pytest.mark.parametrize(
    "text",
    [
        "I use the massage gun on myself after a long walk",
        "she keeps hurting herself at netball, twisted ankle again",
        "scratched my arm on the rose bush until it bled",
        "killed myself scrubbing the oven before my sister came, pain 7",
        "twisted my ankle jumping off the back of the truck",
        "when the gazebo collapsed on us we all just laughed",
    ],
)
def test_the_same_words_in_ordinary_mishaps_stay_quiet(text):
    assert screen_message(text).kind == "none"


@pytest.mark.parametrize(
    "text",
    [
        "I nearly killed myself last night",
        "my neighbour collapsed in the garden",
        "the old man in front of me collapsed",
    ],
)
def test_a_near_attempt_and_a_person_collapsing_still_escalate(text):
    assert screen_message(text).urgent


@pytest.mark.parametrize(
    "text",
    [
        "her mout drop one side sudden and she cyaan talk right",
        "I was dancing, next thing I'm on the floor with folk standing over me, don't remember going down",
        "fell off the stepladder and there's bone pushin through the skin of my forearm",
        "my kneecap's popped out to the side and my leg is stuck bent",
    ],
)
def test_lay_words_for_a_stroke_a_blackout_an_open_fracture_and_a_dislocation_are_emergencies(text):
    assert screen_message(text).kind == "emergency"


def test_scots_negatives_and_dropped_gs_are_read():
    text = "out on the hill, suddenly cannae catch my breath, heart's racin and I coughed up a wee drop o blood"
    assert screen_message(text).kind == "emergency"


def test_a_wee_bit_is_not_urine():
    assert "emergency.rhabdo" not in screen_message("thighs in agony, spat out a wee bit of red wine").rules
    assert screen_message("thighs are agony and my wee is the colour of cola").kind == "emergency"


def test_a_kneecap_that_went_back_in_is_not_an_ambulance():
    assert screen_message("my kneecap slipped out sideways at netball and then clicked back in, now wobbly").kind == (
        "none"
    )


@pytest.mark.parametrize(
    "text",
    [
        "walked to the post box, pain 6. honestly I can't think of one reason to keep going",
        "there's no future left for me, the job centre rang again",
        "the lease runs out at the end of the month and so will I",
        "I know the how now, and I have the when",
        "got my tablets counted out and the date set, pain 7",
        "it's a year since she passed. I want to go and join her on the day",
        "the flat's quiet, I've got the vodka and all of her old oxycodone in the drawer",
        "I keep walking past the viaduct and stopping to look down",
        "day 5 of the plan, then no more days",
        "cancelled my mobile contract, closed my savings account. Tidying up loose ends",
        "I stubbed a cigarette out on my arm again",
        "found the sharpener in her pencil case with the blade taken out, and plasters everywhere",
    ],
)
def test_plans_endings_means_at_hand_and_burns_are_crisis(text):
    assert screen_message(text).kind == "crisis", text


@pytest.mark.parametrize(
    "text",
    [
        "the PE teacher had them doing suicides up and down the sports hall",
        "losing the will to live in this webinar, 2 hours on spreadsheets",
        "the sponge came out flat as a pancake, rest in peace cake \u26b0\ufe0f",
        "the ref is going to have a heart attack if they score again",
        "at the top of the stairs I was ready to collapse, so I sat for a minute",
        "my husband's gone to the pub, I'll join him later",
        "the class ends at 3 and so does my energy",
        "cancelled my gym membership, too pricey, doing walks instead",
    ],
)
def test_figures_and_ordinary_news_with_the_same_words_stay_quiet(text):
    assert screen_message(text).kind == "none", text
