"""Symptom detectors for triage (free text -> findings).

Everything here works on text already passed through
``bot.safety.textmatch.normalise`` and honours negation ("no swelling").
Emergency detectors live in ``bot.safety.redflags`` and are shared with the
message screen.

``extract(norm_text) -> Findings`` gives:
    rules      rule ids that fired (stop.*, assess.*, normal.*; emergency.* are
               added by rules.py from redflags)
    regions    body regions with pain/soreness words: "muscle" | "joint" |
               "spine" | "other" (in order of appearance)
    pain       any pain/soreness/stiffness/flare word at all
    trend      "easing" | "same" | "worse" | None (from the text)
    timing     "under_24h" | "1_2_days" | "3_days" | "over_3_days" | None
    stiffness  stiffness mentioned
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from bot.checkin.lexicon import ACTIVITY_PHRASES
from bot.safety.redflags import CLOT_SIGN as _CLOT_SIGN
from bot.safety.redflags import (
    arm_spread_matches,
    breathless_matches,
    dark_urine,
    fainting_matches,
    in_the_heat,
    leg_clot_signs,
    leg_windows,
)
from bot.safety.textmatch import any_affirmed, compile_all, gap, is_negated, iter_affirmed, sentence_of

G1, G2, G3, G4, G6 = gap(1), gap(2), gap(3), gap(4), gap(6)
POSS = r"(?:my|the|his|her|both|their)\s+"

# ------------------------------------------------------------------ words
MUSCLE = (
    r"(?:muscles?|calf|calves|thighs?|quads?|quadriceps|hamstrings?|glutes?|biceps?|triceps?|forearms?|"
    r"upper arms?|arms|legs?|shins?|abs|core|pecs|lats|body|whole body|everything)"
)
JOINT = (
    r"(?:knees?|knee ?caps?|ankles?|hips?|shoulders?|wrists?|elbows?|feet|foot|hands?|fingers?|toes?|"
    r"joints?|achilles|heels?|thumbs?)"
)
SPINE = r"(?:back|lower back|upper back|neck|spine|coccyx|tailbone|sciatic\w*)"
OTHER = r"(?:ribs?|side|groin|stomach|tummy|belly|head|jaw|buttocks?|bum|bottom|pelvis)"
PAIN = (
    r"(?:pain\w*|hurt\w*|ach\w*|sore\w*|tender\w*|twinge\w*|flar\w*|throb\w*|niggl\w*|discomfort|agony|"
    r"stiff\w*|sting\w*|killing me|playing up|doms)"
)
_PAIN_RX = re.compile(rf"\b{PAIN}")

# ------------------------------------------------------------------ stop (non-emergency)
_DIZZY = compile_all(
    [
        r"\bdizz\w*",
        r"\blightheaded\w*",
        r"\bwoozy\b|\bwoozi\w*",
        r"\bvertigo\b",
        rf"\b(?:room|world|everything|head|my head)\s+{G2}(?:spinning|spun|spin|spins|started spinning|going round|whirling)",
        r"\b(?:seeing|saw|see)\s+stars\b",
        r"\b(?:vision|eyes|everything|sight)\s+(?:went|going|goes|turned|started going|was going)\s+(?:all\s+)?(?:grey|gray|black|dark|blurry|fuzzy|white|funny|spotty)",
        r"\b(?:feel|felt|feeling|feels|went|got|go|getting|very|really|bit|little|quite|so|and|was|am|'m)\s+(?:\w+\s+)?faint\b(?!\s+(?:ache|pain|twinge|line|smell|sound|hope|idea|memory))",
        r"\bfaint(?:ness|ish|y)\b",
        r"\bunsteady on (?:my|his|her) feet\b",
        r"\bhead rush\b",
        r"\b(?:swimmy|giddy|spinny|woozy|muzzy-headed|off balance|off-balance)\b",
        r"\b(?:head|room|everything|world)\s+(?:\w+\s+){0,2}(?:swimming|swam|swirling|tilting|tilted|lurching)\b",
        r"\b(?:grab|grabbed|hold onto|held onto|hold on to|held on to|clutch\w*|lean on|leaned on|leant on)\s+(?:\w+\s+){0,2}"
        r"(?:rail|railing|wall|chair|bannister|banister|table|counter|something)\b.{0,30}\b(?:steady|balance|fall|falling|keep upright|stay up)\b",
        r"\b(?:swimmy|spinny|giddy|wobbly|woozy|dizzy|funny|strange|weird)\b[^.!?]{0,40}\b(?:grab|grabbed|hold onto|held onto|hold on to|held on to)\b",
        r"\b(?:got|get|gets|getting|had|have|having)\s+(?:the\s+)?(?:spins|head spins|whirlies)\b",
    ]
)
_SEVERE_BREATH = compile_all(
    [
        r"\b(?:can't|cannot|couldn't|could not|struggl\w* to|hard to|difficult to|unable to|trouble|difficulty)\s+"
        r"(?:catch\w*\s+(?:my|a|his|her)\s+breath|get\w*\s+(?:my\s+|a\s+|enough\s+)?(?:breath|air)|breathe?|breathing)\b",
        r"\bgasp\w*\b",
        r"\b(?:severe(?:ly)?|very|really|extremely|badly|seriously|terribly|so|too|completely|totally|dangerously|horribly|massively|awfully)\s+"
        r"(?:\w+\s+)?(?:short of breath|breathless|out of breath|winded)\b",
        r"\b(?:severe|extreme|bad|terrible|awful|serious|scary|frightening)\s+(?:shortness of breath|breathlessness|breathing)\b",
        r"\bfight\w* for (?:breath|air)\b",
        r"\bair hunger\b",
        r"\bsuffocat\w*",
        r"\bstruggl\w* for (?:breath|air)\b",
    ]
)
# plain "short of breath" / "breathless" without a mild qualifier or settling -> cautious stop
_PLAIN_SOB = re.compile(r"\b(?:short of breath|shortness of breath|breathless\w*|wheez\w*)")
_MILD = re.compile(
    r"\b(?:a bit|a little|bit|slightly|mildly|little|a tad|tad|bit more|normal|usual|nicely|a touch|somewhat)\b"
)
_SETTLED = re.compile(
    r"\b(?:settled|settles|settling|eased|eases|passed|calmed|recovered|got my breath back|caught my breath|"
    r"back to normal|went away|goes away|in a minute|in a moment|quickly|after a minute|when i stopped|once i stopped|"
    r"when i stop|once i stop)\b"
)
_SUDDEN_WEAK = compile_all(
    [
        rf"\b(?:sudden|suddenly|all of a sudden|out of nowhere|without warning|abruptly)\s+{G6}(?:weak\w*|numb\w*|"
        r"can't feel|couldn't feel|could not feel|went dead|gone dead|gave out|paraly[sz]\w*|can't move|couldn't move|lost (?:the )?feeling)",
        rf"\b(?:weak\w*|numb\w*)\s+{G2}(?:suddenly|all of a sudden|out of nowhere)",
        rf"\b(?:legs?|foot|feet|hands?|knees?)\s+{G2}(?:suddenly\s+)?(?:went|gone|going|turned|just went)\s+(?:all\s+|completely\s+|totally\s+)?"
        r"(?:numb|dead|weak|limp|floppy)\b",
        r"\b(?:can't|couldn't|cannot|could not)\s+feel\s+(?:my\s+|his\s+|her\s+)?(?:legs?|feet|foot|hands?)\b",
    ]
)
_GRADUAL = re.compile(
    r"\b(?:slowly|gradually|bit by bit|little by little|over (?:the )?(?:weeks|months)|for (?:weeks|months)|"
    r"\d+\s+(?:weeks|months)|(?:two|three|four|six) (?:weeks|months)|on and off|comes and goes)\b"
)
_POSTURE = re.compile(
    r"\b(?:slept|sleeping|lying|lay|lain|leaning|leant|sat|sitting|cross-legged|kneeling)\s+on\b|\bcross-legged\b"
)
_INSTABILITY = compile_all(
    [
        r"\b(?:gave|give|gives|giving|given)\s+(?:way|out)\b",
        r"\bbuckl\w*",
        r"\b(?:unstable|instability|not stable)\b",
        rf"\b(?:knee|ankle|hip|shoulder|joint|leg|kneecap|knee cap|elbow|wrist)\s+{G3}(?:wobbly|loose|slip\w* out|pop\w* out|came out|comes out|"
        r"coming out|dislocat\w*|collaps\w*|going from under|went from under)",
        r"\bdislocat\w*",
        r"\bsubluxat\w*",
        r"\b(?:slipping|slipped|slips|popping|popped|pops|coming|came|comes)\s+out\s+of\s+(?:the\s+|its\s+)?(?:socket|joint|place)",
        r"\bwon't (?:hold|take) my weight\b",
        r"\b(?:thumb|finger|knee|ankle|wrist|elbow|shoulder|kneecap)\b[^!?]{0,100}\b(?:feels?|felt|is|gone|went)\s+(?:all\s+|really\s+|"
        r"a bit\s+)?(?:floppy|loose|unstable|wobbly)\b",
        r"\bwouldn't (?:hold|take) my weight\b",
        r"\b(?:knee|ankle|hip|shoulder|joint|kneecap|knee cap|elbow|wrist)\b[^.!?]{0,40}\b(?:slip\w*|going to come|gonna come)\s+out\b",
        rf"\b(?:{JOINT}|kneecap)\b[^.!?]{{0,30}}\b(?:clunk\w*|slid|slides|sliding|rolls?|rolling|rolled)\s+(?:out|under me|under)\b",
        r"\bpop\w*\s+(?:back\s+)?(?:out\s+and\s+)?(?:back\s+)?in\b[^.!?]{0,40}\b(?:loose|unstable|go again|wobbly|hurts)\b|"
        r"\b(?:slid|slipped|popped|clunked)\s+out\s+and\s+(?:popped|slid|went|clunked)\s+back\s+in\b",
        rf"\b(?:{JOINT})\b[^.!?]{{0,40}}\b(?:will|gonna|going to|might)\s+go\s+again\b",
        r"\bnot screwed on\b",
        r"\b(?:knee|knees|ankle|ankles|leg|legs|hip)\s+(?:\w+\s+){0,2}(?:folded|fold|folds|went completely|keeps going over|"
        r"kept going over|keeps going|went from under me|goes from under me)\b",
        # "my knee feels like it won't hold me"
        rf"\b(?:{JOINT}|legs?)\b[^.!?]{{0,30}}\b(?:won't|wont|wouldn't|doesn't|didn't|isn't going to)\s+(?:hold|support|take)\s+(?:me|my weight)\b",
    ]
)
_GIVE_BODY = re.compile(rf"\b(?:{JOINT}|legs?|back)\b")
_NO_WEIGHT = compile_all(
    [
        r"\b(?:can't|cannot|couldn't|could not|unable to|can not)\s+(?:put\s+(?:any\s+)?weight|bear\s+(?:any\s+)?weight|stand\s+on|walk\s+on|weight\s*-?bear)",
        r"\bnon-?weight-?bearing\b",
        r"\b(?:can't|cannot|couldn't|could not|cant|couldnt)\s+(?:even\s+)?walk\s+(?:\d+|two|three|four|five|a few|more than "
        r"(?:\d+|two|three|four|a few))\s+steps\b|\bwithout\s+hopping\b|\bwalk\s+(?:a\s+)?few\s+steps\s+only\b",
        r"\b(?:can't|cannot|couldn't|could not|unable to|can not)\s+put\s+(?:it|(?:my|the|me) (?:foot|heel|leg|ankle))\s+"
        r"(?:down|on the (?:floor|ground))\b",
    ]
)
_PALPITATIONS = compile_all(
    [
        r"\bpalpitation\w*",
        rf"\bheart\s+{G3}(?:flutter\w*|skipp\w*|skip\w* (?:a\s+)?beats?|irregular\w*|missing beats?|missed beats?|all over the place|jump\w* around|"
        r"out of rhythm|won't slow|wouldn't slow|not slowing|didn't slow|won't calm|wouldn't calm|flip\w*|thud\w* irregular\w*)",
        r"\b(?:irregular|erratic|fluttering|skipped|missed|extra)\s+(?:heart ?beats?|pulse|beats?)",
        rf"\b(?:heart|pulse)\s+{G3}(?:irregular\w*|erratic\w*)",
        r"\b(?:heart|pulse)\b[^.!?;]{0,50}\b(?:irregular\w*|erratic\w*|out of rhythm)",
        r"\b(?:heart|pulse)\b[^.!?;]{0,60}\b(?:won't|wouldn't|didn't|doesn't|isn't|not)\s+(?:slow\w*|calm\w*|settl\w*)",
        r"\b(?:thump|beat|bang|thud)\w*\s+(?:then\s+)?(?:a\s+)?(?:pause|gap|stop)\b",
        r"\b(?:heart ?beat|heart rate|heartbeat|pulse)\b[^.!?;]{0,40}\b(?:skipp\w*|irregular\w*|erratic\w*|flutter\w*|trip\w* over)",
        r"\b(?:a-?fib|atrial fibrillation)\b",
    ]
)
# a racing heart that is still racing long after the effort ("heart racing since the walk, 45 mins on the couch")
_HEART_FAST = re.compile(
    r"\b(?:heart|pulse|heart rate|heartbeat)\b[^.!?;]{0,40}\b(?:racing|races|raced|pounding|thumping|"
    r"hammering|banging|going like|going mad|going fast|beating fast|so fast|racing thing|went to \d{3}|"
    r"still (?:fast|high|racing|pounding|going)|(?:hasn't|hasnt|not|won't|didn't) come down)"
)
_STILL_GOING = re.compile(
    r"\b(?:still|since|an hour|hours?|\d+\s*(?:min\w*|mins)|(?:twenty|thirty|forty|fifty)\s+min\w*|"
    r"all (?:evening|night|day|afternoon|morning)|on and off|won't stop|not stopping|keeps|for ages|"
    r"come down|came down)\b"
)

# a sudden, severe pain ("sudden awful pain in my groin", "stabbing pain shot through my hip, took my breath away")
_SUDDEN = re.compile(
    r"\b(?:sudden\w*|all of a sudden|out of nowhere|without warning|shot through|took my breath away|took the breath out of me|"
    r"like i'?d been (?:shot|kicked|stabbed)|like a gunshot)\b"
)
_SEVERE_WORD = re.compile(
    r"\b(?:severe|excruciating|agon\w*|unbearable|awful|terrible|horrendous|horrific|really bad|very bad|so bad|"
    r"stabbing|tearing|ripping|searing|electric|[89]\s*/\s*10|10\s*/\s*10|took my breath away)\b"
)
# one calf or leg swollen, hot, red or tender, or sore after a flight, an operation, a cast or on the pill: a clot sign
_TIGHT = re.compile(r"\btight\w*")
_CLOT_RISK = re.compile(
    r"\b(?:flight(?!s? of (?:stairs|steps))|flew|flying|long[- ]haul|plane|long drive|coach trip|op|operation|surgery|cast|plaster|boot|"
    r"on the pill|contracepti\w*|hrt|pregnan\w*|had a baby|bed ?rest|laid up|c-?section|caesarean|cesarean|post-?partum|"
    r"gave birth|given birth|newborn)\b"
)
# a bone or tendon that may have gone: a crack or snap, a crooked toe, a pop and can't push off
_FRACTURE_OR_RUPTURE = compile_all(
    [
        r"\b(?:heard|felt)\s+(?:a\s+|it\s+|something\s+)?(?:crack|snap|crunch)\w*",
        r"\b(?:crooked|out of line|misshapen|deformed|wonky|pointing sideways|points sideways|went sideways|bent sideways|"
        r"pointing the wrong way)\b",
        r"\bwent\s+(?:crunch|crack|snap)\b|\b(?:feel|felt)\s+(?:something|it)\s+(?:break|broke|go crack|crack)\b",
        r"\b(?:cracked|broke|broken|bust|busted)\s+(?:a|one|my|me)\s+ribs?\b",
        r"\b(?:fell|fall|landed|landing|came down|went down)\b[^.!?]{0,25}\b(?:on|onto)\s+(?:my|me|the)\s+(?:outstretched\s+)?"
        r"(?:hand|wrist)\b"
        r"[^.!?]{0,80}\b(?:swollen|swell\w*|up like|tender|can't move|kills|agony|hurts like|really sore|very sore|so sore|"
        r"base of (?:my|me|the) thumb|can't grip|cant grip|can't open|cant open|can't hold|cant hold|cannot hold|worse when i grip)\b",
        r"\b(?:thin bones|osteoporo\w*|brittle bones|osteopenia)\b.{0,120}\b(?:fell|fall|tripped|trip|slipped|landed)\b|"
        r"\b(?:fell|fall|tripped|trip|slipped|landed)\b.{0,120}\b(?:thin bones|osteoporo\w*|brittle bones|osteopenia)\b",
        r"\b(?:droop\w*|hangs? down)\b[^.!?]{0,30}\b(?:won't|wont|can't|cant|doesn't|does not)\s+straighten\b",
        # a fingertip that droops or won't straighten after a knock
        r"\b(?:tip|end)\s+(?:of\s+(?:my|me|the|his|her)\s+(?:\w+\s+)?(?:finger|thumb)\s+)?(?:is\s+|'s\s+|has\s+)?(?:bent down|"
        r"drooping|droops|dropped|won't straighten|wont straighten|can't straighten|cant straighten|won't go straight)\b",
        # a blow felt from nowhere at the back of the leg ("like someone chucked a stone at my calf")
        r"\blike\s+(?:someone|somebody|some one|sum1|a person|i'd been|i was)\s+(?:had\s+)?(?:kicked|hit|threw|thrown|chucked|flicked|shot|"
        r"whacked|struck|kicked me|hit me)\b[^.!?]{0,40}\b(?:calf|heel|ankle|achilles|back of (?:my|me|the) (?:leg|ankle|heel))\b|"
        r"\b(?:calf|heel|ankle|achilles|back of (?:my|me|the) (?:leg|ankle|heel))\b[^.!?]{0,60}\blike\s+(?:someone|somebody|some one|"
        r"sum1)\s+(?:had\s+)?(?:kicked|hit|threw|chucked|flicked|shot|whacked|struck)\b",
        # a hard landing on the tailbone that stops sitting or standing
        r"\b(?:landed|fell|came down|went down)\b[^.!?]{0,30}\b(?:on|onto)\s+(?:my|me|the)\s+(?:tailbone|coccyx|bum|backside|"
        r"bottom|butt|behind|arse|ass)\b[^.!?]{0,80}\b(?:sharp|can hardly|can barely|can't sit|cant sit|can't stand|cant stand|agony|"
        r"excruciating|cannot sit)\b",
        r"\b(?:pop|popped|pops|snap|snapped|ping|pinged|twang\w*|went pop|go pop)\b[^.!?]{0,80}\b(?:can't|cant|cannot|couldn't|unable to)\s+"
        r"(?:tiptoe|tip ?toe|go on (?:my |me )?(?:tip ?toes?|toes)|push off|push up|stand on (?:my |me )?toes|lift|raise|straighten|bend|move)\b",
        r"\b(?:one|a)\s+(?:spot|point|place)\b[^.!?]{0,50}\b(?:press|touch)\b",
        r"\bcan't put no weight\b|\bcant put no weight\b",
        # a sudden ping, twang or tear, or a pop heard, then swelling or bruising ("ping in the back of my thigh like
        # being shot, limping and it's starting to bruise", "heard a pop in my finger on the crimp, now swollen")
        r"\b(?:ping|pinged|twang\w*|tear|tearing|tore|ripp?\w*|like (?:being|i'?d been|i was) shot|like a (?:stone|bullet|rock) hit)\b"
        r"[^!?]{0,120}\bbruis\w*",
        r"\bheard\s+(?:a\s+|it\s+)?(?:pop|snap|crack|ping)\b[^!?]{0,100}\b(?:swollen|swelling|swell\w*|bruis\w*)",
        r"\b(?:calf|calves|thigh|hamstring|groin)\b[^.!?]{0,60}\blike\s+(?:a\s+)?(?:stone|rock|bullet|something|someone)\s+"
        r"(?:hit|had hit|struck|shot)\b|\blike\s+(?:being|i'?d been|i was)\s+shot\b",
        # a tear or rip felt, then a bulge, dent or big bruise ("sharp tearing in my upper arm, now a bulge by my elbow")
        r"\b(?:felt|heard|feel)\s+(?:a\s+|my\s+|the\s+|something\s+|it\s+)?(?:\w+\s+){0,2}(?:tear|tearing|tore|rip|ripping|ripped|"
        r"snap|snapped|pop|popped)\b[^!?]{0,120}\b(?:bulge|bulging|lump|dent|gap|huge bruise|massive bruise|big bruise|"
        r"bruis\w*\s+(?:is\s+|are\s+|has\s+)?(?:coming|came|spreading|appear\w*|com\w* (?:out|up|down)))\b",
    ]
)
_FOOT_DROP = re.compile(
    r"\bfoot\s+(?:\w+\s+){0,3}(?:slaps?|slapping|drags?|dragging|flops?|flopping)\b|\bfoot drop\b|"
    # the hand's version: a wrist that drops or flops and will not lift
    r"\b(?:hand|wrist)\s+(?:\w+\s+){0,3}(?:drops|dropping|flops|flopping|hangs|hanging|droops|drooping)\b(?!\s+(?:the|a|things|stuff|cups?|it)\b)|"
    r"\bwrist drop\b|\b(?:can't|cannot|cant|unable to)\s+lift\s+(?:my\s+|me\s+|the\s+)?(?:hand|wrist)\s+(?:back\s+)?up\b|"
    r"\b(?:can't|cannot|cant|unable to)\s+lift\s+(?:my\s+|me\s+|the\s+)?(?:toes|foot|front of my foot)\s+up\b"
)
# a sharp, sudden or tearing pain that stops movement ("stabbing pain bending down, can't straighten up")
_ACUTE_ONSET = re.compile(
    r"\b(?:sharp\w*|stabb\w*|sudden\w*|tear\w*|tore|torn|ripp\w*|pop(?:ped|s)?|went pop|snapp?\w*|spasm\w*|"
    r"(?:went|goes|gone)\s+(?:click|clunk|crunch|ping)|cricked|ricked|seized|something\s+(?:went|gave|tore|popped)|"
    r"(?:put|threw|chucked)\s+(?:my|me)\s+back\s+out|agony|excruciating)\b"
)
_STOPS_MOVEMENT = compile_all(
    [
        r"\b(?:can't|cannot|cant|couldn't|could not|unable to|can not|won't|wont)\s+(?:even\s+|really\s+|properly\s+)?"
        r"(?:straighten(?:\s+up)?|stand\s+(?:up\s+)?straight|get\s+(?:up|off)|move(?!\s+on\b)|lift\s+(?:my|me|the|that|her|his)\s+"
        r"(?:\w+\s+)?(?:leg|arm|foot)|turn\s+(?:my|me|her|his)?\s*(?:head|neck)|put\s+(?:that|my|the|me|her|his)\s+(?:\w+\s+)?foot\s+down|"
        r"take\s+(?:any|my|the|its|her|his)?\s*weight|bend\s+(?:it|my|me|the)|push\s+off|grip|walk(?!\s+(?:as\s+)?far)|stand\s+up)\b",
        r"\b(?:stuck|locked)\s+(?:half\s+)?(?:bent|bent over|on the (?:bed|floor|sofa|couch))\b|\bstuck\s+(?:on|in)\s+(?:the\s+)?(?:bed|floor)\b",
        r"\bcries out if (?:she|he|i) moves?\b|\bevery (?:move|step)\b[^.!?]{0,20}\b(?:agony|sharp|kills)\b",
        r"\b(?:barely|hardly)\s+(?:walk|move|stand)\b|\bcan only hobble\b",
    ]
)
# a joint that swells up fast, or a ring stuck on a swollen finger
_RAPID_SWELLING = compile_all(
    [
        r"\b(?:swell\w*|swollen|blew up|blown up|balloon\w*|puffed up|came up)\b(?![^.!?]{0,25}\b(?:went|goes|gone|going)\s+down)[^.!?]{0,40}\b"
        r"(?:within\s+(?:about\s+)?(?:minutes|seconds|the hour|an hour|half an hour|\d+\s*min\w*)|in\s+(?:about\s+|like\s+)?(?:minutes|seconds|"
        r"half an hour|an hour|\d+\s*min\w*)|fast|straight away|right away|immediately|instantly|huge|massive|tight as a drum)\b",
        r"\b(?:suddenly|quickly|instantly|immediately|straight away)\s+(?:\w+\s+){0,3}(?:swell\w*|swollen|blew up|balloon\w*)\b",
        r"\b(?:so|too)\s+swollen\s+(?:that\s+)?(?:i|it)\s+(?:can't|cant|cannot|won't|wont)\b",
        r"\bswo(?:llen|lled)\s+(?:up\s+)?(?:so much|so bad|that much|that bad)\b|\b(?:can't|cant|cannot|couldn't)\s+get\s+(?:my|me|the)\s+"
        r"(?:shoe|trainer|boot|sock|sandal|slipper)s?\s+(?:back\s+)?on\b",
        r"\bring\b[^.!?]{0,30}\b(?:stuck|won't come off|wont come off|cutting in|digging in)\b",
    ]
)
# a knee that locks, or won't straighten
_LOCKING = compile_all(
    [
        r"\b(?:knee|knees|elbow|hip|ankle|joint|jaw)\s+(?:\w+\s+){0,3}(?:locked|locks|locking|lock up|locked up|jammed|stuck)\b",
        r"\b(?:knee|elbow)\b[^.!?]{0,40}\b(?:won't|wont|can't|cant|cannot|doesn't|does not)\s+(?:\w+\s+){0,2}straighten\b",
    ]
)
# weakness or numbness in a limb that stays: a nerve to be checked today ("can't grip the kettle since yesterday")
_LIMB = r"(?:arm|arms|hand|hands|wrist|fingers?|thumb|leg|legs|foot|feet|toes|elbow)"
_WEAK_LIMB = re.compile(
    rf"\b(?:weak\w*|numb\w*|dead)\b[^.!?]{{0,40}}\b{_LIMB}\b|\b{_LIMB}\b[^.!?]{{0,40}}\b(?:weak\w*|numb\w*)\b"
)
_LOST_FUNCTION = re.compile(
    r"\b(?:can't|cant|cannot|couldn't|unable to)\s+(?:\w+\s+)?(?:grip|hold (?:a|my|the|onto)|do (?:up\s+)?(?:my\s+)?buttons|lift (?:my|me|the)\s+"
    r"(?:hand|wrist|arm|foot|leg)|lift (?:it|my hand|my wrist) up|pick (?:things|stuff) up)\b|\bdropping (?:things|stuff|cups|my phone)\b|"
    r"\b(?:wrist|hand)\s+(?:just\s+)?(?:drops|flops|hangs|droops)\b"
)
_STAYS = re.compile(
    r"\b(?:since\s+(?:yesterday|last|the|this|monday|tuesday|wednesday|thursday|friday|saturday|sunday|i)|still|not getting better|"
    r"isn't getting better|won't go|hasn't gone|\d+\s*(?:hrs|hours|days)\s+(?:later|now)|(?:two|three|four|\d+)\s+days|all day)\b"
)
_DRAGGING_TOES = re.compile(
    r"\b(?:dragging|drag|catching|catch|scuffing|scuff|tripping over)\s+(?:my\s+|me\s+|the\s+|his\s+|her\s+)?toes\b|"
    r"\bfoot\b[^.!?]{0,60}\bflopp?(?:ing|s|y)\b"
)


def _pain_stops_movement(t: str) -> bool:
    return any_affirmed([_ACUTE_ONSET], t) and any_affirmed(_STOPS_MOVEMENT, t)


def _weakness_that_stays(t: str) -> bool:
    if not any_affirmed([_WEAK_LIMB], t):
        return False
    return any_affirmed([_LOST_FUNCTION], t) or (bool(re.search(r"\bweak\w*", t)) and any_affirmed([_STAYS], t))


# worn out by the heat: dizzy, sick, headachy, cramping, pale, clammy (stop, cool down, get checked today)
_HEAT_EXHAUSTION = re.compile(
    r"\b(?:dizz\w*|light-?headed|woozy|sick|nause\w*|vomit\w*|throw(?:ing)? up|headache\w*|cramp\w*|pale|clammy|faint\w*|"
    r"wobbly|shaky|drained|sweating (?:buckets|loads|a lot)|drenched)\b"
)
_WEIRD_HEART = re.compile(
    r"\b(?:heart|pulse|heartbeat)\s+(?:\w+\s+){0,2}(?:weird|funny|strange|odd)\s+(?:\w+\s+)?(?:fast|racing|skippy|fluttery|thing)\b"
)


def _sudden_severe_pain(t: str) -> bool:
    for m in iter_affirmed([_SUDDEN], t):
        sent = sentence_of(t, m.start(), m.end())
        if (_SEVERE_WORD.search(sent) and _PAIN_RX.search(sent)) or _SEVERE_WORD.search(m.group(0)):
            return True
    return False


def _clot_signs(t: str) -> bool:
    if leg_clot_signs(t) >= 2:
        return True
    return bool(_CLOT_RISK.search(t)) and any(
        any_affirmed(list(_CLOT_SIGN.values()), w) or _PAIN_RX.search(w) or _TIGHT.search(w) for w in leg_windows(t)
    )


# ------------------------------------------------------------------ assess
_WORSENING = compile_all(
    [
        r"\b(?:worse|sorer|more painful|more)\s+and\s+(?:worse|sorer|more)\b",
        rf"\b(?:kept|keeps|keep|kept on|getting|got|get|gets|went|going|grew|growing|grows|build\w*|built|increas\w*|ramp\w*|"
        rf"escalat\w*|climb\w*|creep\w*|steadily|progressively|gradually)\s+{G2}(?:worse|getting worse|building|increasing|stronger|more painful|"
        r"sorer|higher|up and up|worse and worse)\b",
        r"\b(?:built|building|build|builds|crept|creeping|ramped|ramping)\s+up\b",
        r"\bworsen\w*",
        r"\bthe longer i\b",
        r"\bworse (?:with|on|at) (?:each|every) (?:step|lap|rep|length|minute|set|mile|stroke)",
        r"\b(?:each|every) (?:lap|length|rep|set|step|minute|mile|stroke)\b.{0,40}\b(?:worse|more|sorer)\b",
        r"\bgetting worse\b",
        r"\bworse (?:each|every) day\b",
        r"\bworse by the (?:day|hour)\b",
        r"\bworse than (?:yesterday|this morning|last night|before|earlier)\b",
    ]
)
_NOT_EASING = compile_all(
    [
        r"\b(?:isn't|not|hasn't|haven't|won't|doesn't|didn't|wasn't|no sign of|never)\s+(?:\w+\s+)?(?:easing|eased|eases|easing off|improving|improved|"
        r"settling|settled|getting better|got better|going away|gone away|go away|fading|calming|letting up|shifting|loosening|loosened|wearing off|worn off|"
        r"wore off|any better|better)\b",
        r"\bno better\b",
        r"\bno easier\b",
        r"\bno improvement\b",
        r"\bjust as (?:much|bad|sore|painful)\b",
        r"\bsame as (?:yesterday|before|the day|day one)\b",
        r"\bstill as (?:bad|sore|painful)\b",
        r"\bunchanged\b",
        r"\bstill\s+(?:really\s+|very\s+|so\s+|quite\s+)?(?:hurting|sore|painful|aching|in pain|there|bad|hurts|stiff|swollen)\b",
        r"\bhasn't (?:changed|shifted|budged)\b",
        r"\bwon't (?:shift|budge|go)\b",
    ]
)
_EASING = compile_all(
    [
        r"\b(?:easing|eased|eases|ease off|easing off|eased off|improving|improved|settling|settled|settles|getting better|got better|"
        r"gets better|going away|gone away|goes away|went away|fading|faded|fades|calming down|calmed down|wearing off|wore off|"
        r"worn off|wears off|loosen\w*|subsid\w*|less sore|less painful|less stiff|easier|better than|better now|better today|"
        r"better already|much better|a lot better|bit better|little better|on the mend|passing|passed|lifting|loosens|"
        r"looser|freer|less tight|settling down|dying down|died down|going down|gone down|clearing|cleared|"
        r"(?:fine|ok|okay|better|good|easier) (?:once|after|when) (?:i|i've|i 'd|i had)\s+(?:got|get|gotten|warmed|started|moving|been)|"
        r"once i (?:got|get) (?:going|moving))\b",
    ]
)
_STIFF = re.compile(r"\bstiff\w*|\btight(?:ness)?\b|\bcreak\w*|\bseized up\b|\brusty\b|\bseizing up\b")
_RADIATING = compile_all(
    [
        rf"\b(?:shoot\w*|radiat\w*|spread\w*|travel\w*|run\w*|ran|goes|going|went|moving|moves|shooting|zing\w*|referr\w*|extend\w*)\s+{G6}"
        rf"(?:down|into|to|along|through|round)\s+(?:to\s+|into\s+)?(?:the\s+(?:back|front|side|outside|inside)\s+of\s+)?(?:{POSS})?(?:left\s+|right\s+)?"
        r"(?:legs?|thighs?|calf|calves|foot|feet|toes|knees?|buttocks?|bum|arms?|hands?|fingers|shins?|ankles?|heels?)\b",
        rf"\b(?:pins and needles|tingl\w*|numb\w*|electric\w*|burning|pain|pains|ache|aching|sensation)\s+{G3}(?:down|into)\s+"
        rf"(?:the\s+(?:back|front|side|outside|inside)\s+of\s+)?(?:{POSS})?(?:left\s+|right\s+)?"
        r"(?:legs?|thighs?|calf|calves|foot|feet|toes|arms?|hands?|fingers|shins?|buttocks?|bum|glutes?)\b",
        r"\bsciatic\w*",
    ]
)
_SWELLING = compile_all(
    [
        r"\bswollen\b",
        r"\bswell\w*",
        r"\bpuff(?:y|ed up|iness)\b",
        r"\bpuffed\b(?!\s+(?:out|and|after|on|up the|going|walking|climbing))(?=[^.!?]{0,30}\b(?:up|swollen|bigger|ankles?|feet|fingers?|hands?|knees?)\b)",
        r"\bballoon\w*",
        r"\b(?:fluid|effusion)\b",
        r"\bblown up like\b",
    ]
)
_SHARP = compile_all(
    [
        r"\b(?:sharp\w*|stabb\w*|stab|knife\w*|lancinating|searing|jabbing|jab|piercing)\b",
        r"\b(?:like a knife|like an electric shock|electric shock\w*)\b",
        r"\bshooting\s+(?:pain|pains)\b",
    ]
)
_LIMP = compile_all(
    [
        r"\blimp(?:ing|ed|s)?\b(?!\s+(?:arm|hand|and floppy))",
        r"\bhobbl\w*",
        r"\b(?:barely|hardly|struggl\w* to|can only just)\s+(?:put|bear|walk|stand|weight)",
    ]
)
_RECURRING = compile_all(
    [
        r"(?<!better )(?<!easier )(?<!looser )(?<!less )\b(?:every|each)\s+(?:single\s+)?(?:time|session|class|walk|swim|ride|workout|exercise session|lap session|swim session|run|"
        r"yoga session|pilates session|time i)\b",
        r"\bsame\s+(?:spot|place|pain|ache|area|way|thing|side|point)\b.{0,60}\b(?:every|each|always|again)\b",
        r"\b(?:every|each|always)\b.{0,60}\bsame\s+(?:spot|place|pain|ache|area|way|side|point)\b",
        r"\b(?:keeps|kept|keep)\s+(?:on\s+)?(?:coming back|returning|happening|recurring|flaring|hurting)\b",
        r"\bcomes back (?:after|every|each|whenever)\b",
        r"\balways\s+(?:hurts|happens|aches|flares|get|gets)\b.{0,30}\b(?:after|when|during)\b",
        r"\bwhenever i\b",
    ]
)
_SEVERE_PAIN = compile_all(
    [
        rf"\b(?:severe|severely|excruciating|agoni[sz]ing|unbearable|intolerable|horrendous|horrific|crippling|extreme|extremely|"
        rf"worst|screaming|searing|tremendous|intense|immense|incredible|awful|terrible|horrible|blinding|really bad|very bad)\s+{G2}"
        rf"(?:pain|pains|ache|aching|hurt\w*|agony|sore|soreness|painful)",
        r"\b(?:in|pure|absolute)\s+agony\b",
        r"\bagony\b",
        rf"\b(?:pain|pains|ache|aching|hurt\w*|it|soreness)\s+{G4}(?:is|was|'s|feels|felt|are|were|getting|got)\s+(?:\w+\s+)?"
        r"(?:unbearable|excruciating|agoni[sz]ing|severe|intolerable|horrendous|horrific|crippling|extreme|awful|terrible|horrible|"
        r"too much|through the roof|off the scale|off the charts)\b",
        r"\b(?:pain|pain level|pain score|pain is|pain was|it 's|it is|it was|score)\s*(?:is|was|at|of|:|=|about|around)?\s*(?:a\s+)?(?:8|9|10|eight|nine|ten)\s*(?:/\s*10|out of\s*10)",
        r"\b(?:8|9|10)\s*(?:/|out of)\s*10\b",
        r"\b(?:much|way|far|a lot|loads|significantly|massively|lots)\s+(?:worse|more painful|sorer|higher)\s+than\s+(?:my\s+)?(?:usual|normal|baseline)",
        r"\bcan't (?:sleep|move|sit|stand|function) (?:because|for|from) (?:of )?(?:the )?pain\b",
        r"\b(?:worst|worse)\s+(?:pain|flare)\s+(?:ever|i'?ve ever|of my life|in years)",
    ]
)
_NEW_PAIN = compile_all(
    [
        r"\bnever\s+(?:had|felt|experienced|known)\s+(?:this|that|it|anything like|a pain like|pain like|this kind)\b",
        r"\b(?:pain|ache|feeling|sensation)\s+i\s*(?:'ve|have|'d|had)?\s*never\s+(?:had|felt)",
        r"\b(?:different|unlike|not like)\s+(?:from\s+|to\s+)?(?:my\s+)?(?:usual|normal|fibro|regular|typical)\b",
        r"\bdifferent\s+(?:\w+\s+){1,2}(?:to|from|than)\s+(?:my\s+)?(?:usual|normal|fibro|regular|typical)\b",
        r"\b(?:fibro|it|my pain)\s+(?:doesn't|does not|doesnt|don't|never)\s+usually\b",
        r"\b(?:isn't|is not|not|wasn't|doesn't feel like)\s+(?:like\s+)?my\s+(?:usual|normal|regular|typical|fibro)\b",
        r"\bnever\s+(?:had|felt|experienced|known)\s+(?:\w+\s+){0,3}before\b",
        r"\bbrand new\s+(?:pain|ache)",
        r"\bnew\s+(?:kind|type|sort)\s+of\s+(?:pain|ache)",
        r"\b(?:it 's|it is|this is|feels)\s+different\b",
    ]
)
_INJURY = compile_all(
    [
        rf"\b(?:felt|heard|something|a)\s+{G3}(?:pop|popped|snap|snapped|tear|tore|rip|ripped|crack|cracked|ping|pinged)\b",
        r"\b(?:popped|snapped|tore|torn|ripped|pulled|strained|sprained|twisted|tweaked|wrenched|rolled|jarred)\s+(?:\w+\s+)?(?:something|a muscle|my|it|the)\b",
        r"\b(?:sprain\w*|strain(?:ed)?|torn|tear in)\b",
        r"\bfell\s+(?:over|down|on)\b",
        r"\bhad a fall\b",
    ]
)
_NUMB = compile_all(
    [r"\bnumb\w*", r"\blost (?:the )?feeling\b", r"\bno feeling\b", r"\bpins (?:and|n|&) needles\b", r"\btingl\w*"]
)
_DARK_URINE_WORD = None  # uses redflags.dark_urine

# ------------------------------------------------------------------ normal
_TIRED = compile_all(
    [
        rf"\b{MUSCLE}\s+{G3}(?:tired|heavy|fatigued|worked|weary|drained|jelly|like jelly|shaky|wobbly|burn\w*|pumped|worn out|"
        r"knackered|done in|spent|exhausted|trembl\w*|shak\w*|feel heavy|like lead)",
        rf"\b(?:tired|heavy|weary|jelly|shaky|wobbly|fatigued|worked|burning|leaden)\s+{G1}{MUSCLE}\b",
        r"\b(?:i'm|i 'm|i am|i was|i feel|i felt|feeling|felt|feel|so|really|bit|a bit|quite|very|pretty)\s+(?:\w+\s+)?"
        r"(?:tired|exhausted|fatigued|knackered|worn out|wiped out|drained|shattered|weary|pooped|sleepy)\b",
        r"\b(?:tired|fatigue|tiredness)\b",
        rf"\b(?:{MUSCLE})\s+{G3}(?:burn\w*|on fire|buzzing|glowing)",
    ]
)
_EFFORT = compile_all(
    [
        r"\b(?:warm|warmer|warmth|warmed up|hot|sweat\w*|flushed|red in the face|red-faced|face went red|went red|glow\w*)\b",
        rf"\bheart\s+{G3}(?:going faster|beating faster|beat faster|racing|pumping|pounding|thumping|working|going|faster|up)\b",
        r"\bbreathing\s+(?:\w+\s+)?(?:harder|heavier|faster|heavily|hard|quicker|deeper)\b",
        r"\b(?:puff\w*|panting|out of breath|breathless|short of breath|winded)\b",
        r"\b(?:felt|feel|feeling)\s+(?:the\s+)?effort\b",
        r"\b(?:effort|exertion)\b",
    ]
)
_MILD_RISE = compile_all(
    [
        rf"\b(?:bit|little|tad|touch|slightly|mildly|somewhat|fraction|smidge)\s+{G3}(?:more|worse|higher|up|sorer|achier|more achy|"
        r"more sore|more painful|increased|stiffer|elevated|raised)\b",
        rf"\b(?:usual|normal|fibro|habitual|everyday|baseline|regular|background|typical)\s+(?:\w+\s+){{0,3}}(?:pain|aches?|soreness|"
        rf"symptoms?)\s+{G3}(?:a\s+)?(?:bit|little|tad|slightly|touch|mildly)",
        r"\bmild\s+(?:increase|rise|flare|uptick|bump|spike)\b",
        rf"\b(?:pain|aches?|soreness)\s+{G2}(?:a\s+)?(?:bit|little|tad|slightly|touch)\s+(?:higher|up|more|worse|raised)\b",
        r"\b(?:more|sorer|achier|stiffer)\s+than\s+(?:my\s+)?(?:usual|normal|baseline|my baseline|usual level)\b",
        r"\bsorer than usual\b",
    ]
)
# the person's own, familiar pain or a short-lived effort sign that has settled: "same old pain, calming down",
# "puffed out but back to normal after a few minutes", "usual flare after the shopping, settling with rest"
_FAMILIAR = re.compile(
    r"\b(?:usual|normal|same old|same as (?:always|usual|ever)|like usual|as usual|as always|like always|my fibro|the fibro|"
    r"fibro|baseline|familiar|typical|regular|the same (?:pain|ache|aches|places|spots)|like before|usual for (?:her|him|me|them)|"
    r"same spot as always|like that for years|(?:don't|doesn't|dont|doesnt|didn't) hurt|not sharp|just sore|small small|"
    r"nothing strange|nothing unusual|nothing new)\b|\b(?:out of breath|puffed|breathing hard|"
    r"red[- ]faced|beetroot|sweaty|stitch|burn\w*)\b"
)
_SETTLED_NOW = re.compile(
    r"\b(?:settl\w*|calm\w* (?:down|with)|calming|eas(?:ed|es|ing)|back to (?:my\s+)?(?:normal|usual|baseline)|"
    r"(?:fine|ok|okay|better|good|normal|right) (?:after|by|once|when|within|in)\b|goes away|went away|gone away|"
    r"stops? (?:when|once|as soon as)|stopped (?:when|once|as soon as)|dropping off|loads better|much better|mostly back|"
    r"wore off|wears off|passed|came right|fine now|ok now|okay now|all good|good now|sorted (?:it|them|me)|it went|went after|"
    r"gone by|gone now|fine since|back down|back to where|goes when|go down|goes down|came down|comes down|better now|"
    r"fine by|fine today|(?:they|it) (?:are|is|'re|'s) fine|loosened|stretched (?:it|them) out|feeling ok|feel ok|felt fine|"
    r"feel fine|can walk well|walking fine|moving fine|it'?ll be (?:fine|right|reet|ok) by)"
)
# words that say this is not the familiar pain, or not going away
_UNFAMILIAR = re.compile(
    r"\b(?:different|unlike|not like|not my usual|new|never had|never felt|doesn'?t usually|does not usually|don'?t usually|"
    r"specific|not easing|still sore|proper sore|but since|since (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|"
    r"on n off|on and off|comes on|keeps? coming|every time|each time|worse)\b"
)
# "is that normal?", "is this usual for fibro?": a question about the sensation, not a statement that it is familiar
_ASKED_BEFORE = re.compile(r"(?:\b(?:is|was|are|were)\s+(?:that|this|it|these|they)|\bnot|\bun)\s*(?:\w+\s+)?$")
_ASKED_AFTER = re.compile(r"^\s*(?:\?|or\b|for (?:fibro|me|someone)\b[^.!]*\?)")


def _familiar(t: str) -> bool:
    for m in iter_affirmed([_FAMILIAR], t):
        if _ASKED_BEFORE.search(t[max(0, m.start() - 20) : m.start()]) or _ASKED_AFTER.match(t[m.end() :]):
            continue
        return True
    return False


_MUSCLE_SORE = compile_all(
    [
        rf"\b{MUSCLE}\s+{G3}(?:sore\w*|ach\w*|stiff\w*|tender\w*|tight\w*|hurt\w*|doms|throb\w*|feel\s+(?:it|worked))",
        rf"\b(?:sore\w*|ach\w*|stiff|tender|tight)\s+{G1}{MUSCLE}\b",
        r"\bdoms\b",
        # slang for sore after effort ("calves are cooked", "knees are munted", "glutes are suing me")
        r"\b(?:legs?|calves|calfs|thighs|glutes|bum|arms?|knees?|hips?|feet|back|shoulders|quads|hamstrings|body|muscles?|"
        r"everything|traps|delts|lats|pecs|abs|forearms|hands|fingers)\s+(?:are|is|'re|'s|r|feel|feels|felt)?\s*(?:\w+\s+){0,2}"
        r"(?:cooked|munted|wrecked|jelly|toast|destroyed|in bits|cactus|dead|shot|fried|hanging|"
        r"suing|fussin\w*|fussing|complaining|moaning|barking|screaming|protesting|grumbling|telling me about it|on fire|"
        r"knackered|done in|ruined|filed a (?:formal )?complaint|hates? me|hating me|not speaking to me|"
        r"like (?:wet )?(?:concrete|lead|cement|jelly|noodles|spaghetti))\b",
        r"\bmuscle\s+(?:soreness|ache|aches|pain|stiffness)\b",
        rf"\b(?:soreness|stiffness|aching|ache|aches|pain)\s+(?:in|across)\s+(?:{POSS})?(?:\w+\s+)?{MUSCLE}\b",
    ]
)

# ------------------------------------------------------------------ regions
_REGION_RX = [
    ("muscle", re.compile(rf"\b{MUSCLE}\b")),
    ("joint", re.compile(rf"\b{JOINT}\b")),
    ("spine", re.compile(rf"\b{SPINE}\b")),
    ("other", re.compile(rf"\b{OTHER}\b")),
]
_CLAUSE_SPLIT = re.compile(r"[.;!?\n]|,|\bbut\b|\band\b|\bthough\b|\bwhile\b")

# ------------------------------------------------------------------ timing
_NUM = {
    "one": 1,
    "a": 1,
    "an": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "couple of": 2,
    "a couple of": 2,
    "few": 3,
    "a few": 3,
    "several": 4,
    "ten": 10,
}
_DAYS_RX = re.compile(
    r"\b(\d+|one|two|three|four|five|six|seven|ten|a couple of|couple of|a few|few|several)\s+"
    r"(days?|nights?|weeks?|hours?|hrs?|h|months?)\b"
)
_WEEK_RX = re.compile(r"\b(?:a|one|last|over a|for a|since last)\s+(?:week|month|fortnight)\b|\bweeks\b|\bmonths\b")
_UNDER_RX = re.compile(
    r"\b(?:today|tonight|this (?:morning|afternoon|evening)|earlier|just now|an hour|hours ago|during|while|halfway|"
    r"the last set|after (?:my|the|a) (?:walk|swim|class|session|ride|workout)|when i (?:walk|swim|cycle|exercise)|at the end|"
    r"towards the end|in the middle|on the (?:bike|treadmill|stairs|hill|walk))\b"
)
_ONE_DAY_RX = re.compile(
    r"\b(?:yesterday|yesterday 's|last night|the day after|next day|the next morning|day after|since yesterday|overnight|"
    r"this morning after yesterday)\b"
)
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_WEEKDAY_RX = re.compile(r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b")
# "first swim in months", "every 2 days", "in 3 weeks' time": not how long it has lasted
_NOT_A_DURATION = re.compile(r"(?:\bin|\bevery|\bper|\bonce a|\btimes a|\bnext)\s+$")
_DAY_N_RX = re.compile(r"\bday\s+(\d+|two|three|four|five|six|seven)\b")


def _to_num(s: str) -> int:
    return int(s) if s.isdigit() else _NUM.get(s, 2)


def timing_from_text(t: str) -> str | None:
    days: float | None = None
    for m in _DAYS_RX.finditer(t):
        if _NOT_A_DURATION.search(t[max(0, m.start() - 12) : m.start()]):
            continue
        n, unit = _to_num(m.group(1)), m.group(2)
        if unit.startswith(("h",)):
            d = n / 24.0
        elif unit.startswith("week"):
            d = 7.0 * n
        elif unit.startswith("month"):
            d = 30.0 * n
        else:
            d = float(n)
        days = d if days is None else max(days, d)
    for m in _WEEK_RX.finditer(t):
        if not _NOT_A_DURATION.search(t[max(0, m.start() - 12) : m.start()]):
            days = max(days or 0, 7.0)
            break
    m = _DAY_N_RX.search(t)
    if m:
        days = max(days or 0, float(_to_num(m.group(1)) - 1))
    wd = _WEEKDAY_RX.findall(t)
    if len(wd) >= 2:
        diff = (_WEEKDAYS.index(wd[-1]) - _WEEKDAYS.index(wd[0])) % 7
        if diff:
            days = max(days or 0, float(diff))
    if days is None:
        if _ONE_DAY_RX.search(t):
            days = 1.0
        elif _UNDER_RX.search(t):
            days = 0.0
    if days is None:
        return None
    if days < 1:
        return "under_24h"
    if days <= 2:
        return "1_2_days"
    if days <= 3:
        return "3_days"
    return "over_3_days"


def trend_from_text(t: str) -> str | None:
    if any_affirmed(_WORSENING, t):
        return "worse"
    if any(rx.search(t) for rx in _NOT_EASING):
        return "same"
    if any_affirmed(_EASING, t):
        return "easing"
    return None


@dataclass
class Findings:
    rules: list[str] = field(default_factory=list)
    regions: list[str] = field(default_factory=list)
    pain: bool = False
    trend: str | None = None
    timing: str | None = None
    stiffness: bool = False
    arm_radiation: bool = False


def _add(f: Findings, rid: str) -> None:
    if rid not in f.rules:
        f.rules.append(rid)


def _regions(t: str) -> list[str]:
    """Body regions mentioned in a clause that also has a pain word (not negated)."""
    out: list[str] = []
    pos = 0
    for piece in _CLAUSE_SPLIT.split(t):
        start = t.find(piece, pos)
        pos = start + len(piece)
        pm = [m for m in _PAIN_RX.finditer(piece) if not is_negated(t, start + m.start(), start + m.end())]
        if not pm:
            continue
        muscle_clause = re.search(r"\bmuscle", piece) is not None
        for name, rx in _REGION_RX:
            for m in rx.finditer(piece):
                if is_negated(t, start + m.start(), start + m.end()):
                    continue
                # "muscle soreness in my shoulders": the site is a muscle
                name_here = "muscle" if muscle_clause and name in ("joint", "spine", "other") else name
                if name_here not in out:
                    out.append(name_here)
    return out


def _heart_still_racing(t: str) -> bool:
    for m in iter_affirmed([_HEART_FAST], t):
        after = t[m.start() : m.end() + 80]
        if _STILL_GOING.search(after) and not _SETTLED.search(after):
            return True
    return False


def _heat_exhaustion(t: str) -> bool:
    return in_the_heat(t) and len({m.group(0)[:4] for m in iter_affirmed([_HEAT_EXHAUSTION], t)}) >= 2


# an infection spreading: a red line tracking up a limb, or a hot red swollen joint or wound with a fever
_FEVER = re.compile(
    r"\b(?:fever\w*|temperature|temp of|shiver\w*|shivery|chills|rigors|feverish|hot and cold|38|39|40)\b"
)
_DIABETIC = re.compile(r"\b(?:diabet\w*|type (?:1|2|one|two)|insulin|my sugars?)\b")
_RED_LINE_SPREADING = re.compile(
    r"\bred\s+(?:line|streak|lines|streaks)\b[^.!?]{0,60}\b(?:up|going|spreading|tracking|towards)\b"
)
_HOT_RED_SWELLING = re.compile(
    r"\b(?:knee|elbow|ankle|wrist|hip|shoulder|joint|foot|hand|arm|leg|cut|wound|graze|blister|bite|toes?|heel|finger|calf|shin)\b[^.!?]{0,60}"
    r"\b(?:hot|red|swollen)\b[^.!?]{0,40}\b(?:hot|red|swollen|spreading)\b"
)
# the eye: a flash of lights, a shower of floaters, a curtain or shadow over the sight, a blow with blurred sight
_EYE_WARNING = compile_all(
    [
        r"\b(?:flash\w*|flicker\w*|sparkl\w*)\b[^.!?]{0,60}\b(?:floaters|curtain|shadow|shade|veil|vision|sight|eye)\b",
        r"\b(?:floaters|curtain|shadow|veil)\b[^.!?]{0,40}\b(?:eye|vision|sight|across|over|coming)\b",
        r"\b(?:hit|whacked|smacked|caught|struck|poked)\b[^.!?]{0,30}\beye\b[^.!?]{0,80}\b(?:blurr\w*|can't see|cant see|"
        r"vision|red bit|blood)\b",
    ]
)
# pregnancy: a baby moving less, waters leaking, a bad headache with flashing sight or sudden swelling, bleeding
_PREGNANT = re.compile(r"\b(?:pregnan\w*|\d{2}\s*(?:weeks|wks?)|expecting|aqua ?natal|antenatal|bump|baby)\b")
_PREGNANCY_WARNING = compile_all(
    [
        r"\bbaby\b[^.!?]{0,40}\b(?:quiet|not moving|stopped moving|moving less|less movement|hasn't moved|hasnt moved|"
        r"not kicking|no kicks|stopped kicking|hardly moved|barely moved|not moved|hardly moving|barely moving|"
        r"hasn't kicked|hasnt kicked|fewer kicks|quieter than usual|not felt (?:her|him|it|them) move)\b",
        r"\b(?:gush|trickl\w*|leak\w*)\b[^.!?]{0,40}\b(?:water|fluid)\b|\bwaters\b[^.!?]{0,20}\b(?:broke|broken|gone|going)\b",
        r"\b(?:headache)\b[^.!?]{0,80}\b(?:zigzag\w*|sparkl\w*|flashing|blurr\w*|puff\w*|swell\w*|swollen)\b",
        r"\b(?:bleeding|blood)\b[^.!?]{0,30}\b(?:down there|vagina\w*|spotting|from below)\b",
    ]
)
# on a blood thinner: a knock to the head, or bleeding that won't stop
_BLOOD_THINNER = re.compile(
    r"\b(?:warfarin|apixaban|eliquis|rivaroxaban|xarelto|edoxaban|dabigatran|pradaxa|clopidogrel|blood thinners?|"
    r"anticoagulants?)\b"
)
_HEAD_KNOCK = re.compile(
    r"\b(?:bang\w*|hit|knock\w*|bump\w*|clonk\w*|smack\w*|whack\w*)\s+(?:my|me|his|her)\s+head\b|\bhead\s+(?:injury|knock|bump)\b|"
    r"\bhit\s+(?:my|me)\s+head\b"
)
_BLEEDING_GOING_ON = re.compile(
    r"\b(?:still|won't|wont|not|keeps?)\s+(?:\w+\s+)?(?:going|stop\w*|bleeding|pouring)\b[^.!?]{0,20}"
    r"|\b(?:pouring|gushing|soaked)\b"
)


_GROWING_LUMP = re.compile(
    r"\b(?:lump|swelling|bruise|bump)\b[^.!?]{0,40}\b(?:getting|growing|grown|bigger|larger|tighter|spreading|rising)\b"
)


def _blood_thinner_warning(t: str) -> bool:
    if not _BLOOD_THINNER.search(t):
        return False
    if _GROWING_LUMP.search(t):
        return True
    return bool(_HEAD_KNOCK.search(t)) or bool(
        re.search(r"\b(?:bleed\w*|nose|blood)\b", t) and _BLEEDING_GOING_ON.search(t)
    )


def _spreading_infection(t: str) -> bool:
    # with diabetes a hot, red, swollen foot is urgent even without a temperature (and may not hurt much)
    unwell_or_diabetic = bool(_FEVER.search(t) or _DIABETIC.search(t))
    return any_affirmed([_RED_LINE_SPREADING], t) or (any_affirmed([_HOT_RED_SWELLING], t) and unwell_or_diabetic)


# frostbite: fingers, toes, nose or ears white, grey or waxy after the cold, numb or blistering for hours
_COLD_INJURY = re.compile(
    r"\b(?:fingers?|fingertips?|finger tips?|toes?|nose|ears?)\b[^.!?]{0,60}\b(?:white|grey|gray|waxy|blue|black|purple)\b"
    r"[^!?]{0,80}\b(?:numb|blister\w*|hard|no feeling|can't feel|cant feel)\b"
)
_COLD = re.compile(
    r"\b(?:minus|freezing|frozen|frost\w*|snow\w*|ski\w*|ice|icy|sub-?zero|below zero|cold|winter|-\d+)\b"
)
# a testicle swollen or in agony after a knock or on its own: urgent (a twist cannot wait)
_TESTICLE = re.compile(r"\b(?:testicles?|testes|testis|balls|nuts|scrotum|ball ?sack|family jewels)\b")
_TESTICLE_WARNING = re.compile(
    r"\b(?:swollen|swelling|swelled|agony|excruciating|severe|unbearable|sick|vomit\w*|throw(?:ing|n)? up|threw up|"
    r"hard lump|twisted|really painful)\b"
)


# a deep cut that bleeds a lot or gapes: stitches or glue today
_DEEP_WOUND = re.compile(
    r"\b(?:deep|big|nasty|bad|long)\s+(?:\w+\s+)?(?:cut|gash|wound|slice)\b[^!?]{0,80}\b(?:bleed\w*|blood|gaping|gapes|"
    r"open|stitches|see (?:the )?(?:fat|bone|inside))\b|\b(?:bleeding|bled)\s+(?:a lot|loads|heavily|like mad|everywhere|through)\b|"
    # a puncture through a boot or shoe (a fork, a nail) and a tetanus jab in doubt
    r"\b(?:through|thru|intae|into)\s+(?:my|ma|me|the)\s+(?:welly|wellies|wellie|boot|shoe|trainer|sole)\b|\btetanus\b|"
    r"\bgaping\b"
)


# hearing gone in one ear overnight or in minutes, without a cold: an ear check the same day
_SUDDEN_HEARING_LOSS = re.compile(
    r"\b(?:can't|cannot|cant|can not|couldn't)\s+hear\s+(?:anything\s+)?(?:out of|in|from|with)\s+(?:my|me|the)\s+(?:left|right|one)?\s*ear\b|"
    r"\b(?:lost|lost the|no)\s+hearing\s+in\s+(?:my|me|one|the)\s+(?:left|right)?\s*ear\b|\bwent\s+deaf\s+in\b"
)
_EAR_COLD = re.compile(r"\b(?:cold|flu|wax|earache|ear infection|swimm\w*|water in)\b")


def _sudden_hearing_loss(t: str) -> bool:
    return bool(_SUDDEN_HEARING_LOSS.search(t)) and (
        not _EAR_COLD.search(t) or bool(re.search(r"\bno (?:cold|earache)\b", t))
    )


def _testicle_warning(t: str) -> bool:
    return bool(_TESTICLE.search(t)) and bool(_TESTICLE_WARNING.search(t))


# stop signs checked in this order after the clot signs (the first one found gives the reply its reason)
_MORE_STOP_SIGNS: tuple[tuple[str, Callable[[str], bool]], ...] = (
    ("stop.heat_exhaustion", _heat_exhaustion),
    ("stop.foot_drop", lambda t: any_affirmed([_FOOT_DROP, _DRAGGING_TOES], t)),
    ("stop.pain_stops_movement", _pain_stops_movement),
    ("stop.rapid_swelling", lambda t: any_affirmed(_RAPID_SWELLING, t)),
    ("stop.joint_locking", lambda t: any_affirmed(_LOCKING, t)),
    ("stop.weakness_that_stays", _weakness_that_stays),
    ("stop.spreading_infection", _spreading_infection),
    ("stop.eye_warning", lambda t: any_affirmed(_EYE_WARNING, t)),
    ("stop.cold_injury", lambda t: bool(_COLD.search(t)) and any_affirmed([_COLD_INJURY], t)),
    ("stop.testicle_warning", _testicle_warning),
    ("stop.deep_wound", lambda t: any_affirmed([_DEEP_WOUND], t)),
    ("stop.sudden_hearing_loss", _sudden_hearing_loss),
    ("stop.pregnancy_warning", lambda t: bool(_PREGNANT.search(t)) and any_affirmed(_PREGNANCY_WARNING, t)),
    ("stop.blood_thinner_warning", _blood_thinner_warning),
    ("stop.possible_fracture_or_rupture", lambda t: any_affirmed(_FRACTURE_OR_RUPTURE, t)),
)
# something the person did: the check-in's activities and a few more sports and jobs
_ACTIVITY = re.compile(
    r"\b(?:"
    + "|".join(sorted((re.escape(p) for p in ACTIVITY_PHRASES), key=len, reverse=True))
    + r"|run|ran|parkrun|jog\w*|climb\w*|boulder\w*|football|footy|netball|rugby|hockey|tennis|squash|badminton|golf|boxing|"
    r"class|session|training|match|carried|carrying|lifting|lifted|digging|dug|deadhead\w*|mow\w*|hoover\w*|shift|"
    r"aerobics|zumba|spin|hiit|squats?|lunges?|push-?ups|pull-?ups|stairs|hill|laps?|lengths)\b"
)
_ORDINARY_EFFORT: tuple[tuple[str, list[re.Pattern[str]]], ...] = (
    ("normal.tired_muscles", _TIRED),
    ("normal.effort_warmth", _EFFORT),
    ("normal.mild_pain_rise", _MILD_RISE),
    ("normal.muscle_soreness", _MUSCLE_SORE),
)


def extract(t: str) -> Findings:
    f = Findings()
    # ---- stop level
    _fainted, near_faint = fainting_matches(t)
    if near_faint or any_affirmed(_DIZZY, t):
        _add(f, "stop.dizziness")
    severe_breath = any_affirmed(_SEVERE_BREATH, t)
    if not severe_breath:
        for m in breathless_matches(t):
            if not _PLAIN_SOB.match(m.group(0)):
                continue
            sent = sentence_of(t, m.start(), m.end())
            if not (_MILD.search(t[max(0, m.start() - 25) : m.start()]) or _SETTLED.search(sent)):
                severe_breath = True
                break
    if severe_breath:
        _add(f, "stop.severe_breathlessness")
    for m in iter_affirmed(_SUDDEN_WEAK, t):
        sent = sentence_of(t, m.start(), m.end())
        if not _POSTURE.search(sent) and not _GRADUAL.search(t):
            _add(f, "stop.sudden_weakness_numbness")
            break
    for m in iter_affirmed(_INSTABILITY, t):
        g = m.group(0)
        if g.startswith(("gave", "give", "giving", "given")) and not _GIVE_BODY.search(
            sentence_of(t, m.start(), m.end())
        ):
            continue
        _add(f, "stop.joint_instability")
        break
    if any_affirmed(_NO_WEIGHT, t):
        _add(f, "stop.cannot_bear_weight")
    if any_affirmed(_PALPITATIONS, t) or _heart_still_racing(t) or any_affirmed([_WEIRD_HEART], t):
        _add(f, "stop.palpitations")
    if _sudden_severe_pain(t):
        _add(f, "stop.sudden_severe_pain")
    if _clot_signs(t):
        _add(f, "stop.clot_signs")
    for rule_id, seen in _MORE_STOP_SIGNS:
        if seen(t):
            _add(f, rule_id)
    if dark_urine(t) and _PAIN_RX.search(t):
        _add(f, "stop.dark_urine_after_effort")
    # ---- assess level
    f.trend = trend_from_text(t)
    f.timing = timing_from_text(t)
    if any_affirmed(_WORSENING, t) and _PAIN_RX.search(t):
        _add(f, "assess.worsening")
    for _match, cardiac in arm_spread_matches(t):
        if not cardiac:
            f.arm_radiation = True
    if any_affirmed(_RADIATING, t) or f.arm_radiation:
        _add(f, "assess.radiating")
    if any_affirmed(_SWELLING, t):
        _add(f, "assess.swelling")
    if any_affirmed(_SHARP, t):
        _add(f, "assess.sharp_pain")
    if any_affirmed(_LIMP, t):
        _add(f, "assess.limp")
    if any_affirmed(_RECURRING, t) and _PAIN_RX.search(t):
        _add(f, "assess.recurring")
    if any_affirmed(_SEVERE_PAIN, t):
        _add(f, "assess.severe_pain")
    if any_affirmed(_NEW_PAIN, t, negatable=False):
        _add(f, "assess.new_pain")
    if any_affirmed(_INJURY, t):
        _add(f, "assess.injury")
    if "stop.sudden_weakness_numbness" not in f.rules:
        for m in iter_affirmed(_NUMB, t):
            sent = sentence_of(t, m.start(), m.end())
            if _POSTURE.search(sent) and _SETTLED_NOW.search(sent):
                continue  # "pins and needles after sitting cross-legged, went after a minute"
            _add(f, "assess.numbness")
            break
    if dark_urine(t):
        _add(f, "assess.dark_urine")
    # ---- normal level
    for rule_id, patterns in _ORDINARY_EFFORT:
        if any_affirmed(patterns, t):
            _add(f, rule_id)
    if (_familiar(t) or any_affirmed([_SETTLED_NOW], t)) and not _UNFAMILIAR.search(t):
        _add(f, "normal.settling")
    f.stiffness = any(not is_negated(t, m.start(), m.end()) for m in _STIFF.finditer(t))
    f.pain = any(not is_negated(t, m.start(), m.end()) for m in _PAIN_RX.finditer(t))
    f.regions = _regions(t)
    if f.regions and not f.rules and _ACTIVITY.search(t):
        _add(
            f, "normal.effort_ache"
        )  # "took mum to aqua aerobics, shoulders a bit achy": an ache where the work was done
    return f
