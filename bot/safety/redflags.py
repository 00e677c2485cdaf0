"""Emergency red flags, shared by the message screen and by triage.

``emergency_rules(norm_text)`` takes text already passed through
``textmatch.normalise`` and returns the ids of the emergency rules that fire,
in a stable order.  The same ids appear in ``ScreenResult.rules`` and in
``triage.Outcome.rules`` so the two never disagree.

Rule ids (all mean: call the emergency number now):

    emergency.chest_pain          chest pain, pressure, tightness, heaviness, "heart attack"
    emergency.arm_jaw_spread      pain spreading into the jaw or an arm (not from the neck/back)
    emergency.face_droop          face or mouth drooping on one side
    emergency.slurred_speech      slurred or jumbled speech, sudden loss of words
    emergency.one_sided_weakness  weakness/numbness of one side, the face, or sudden in an arm
    emergency.vision_loss         sudden loss or blurring of vision (one eye)
    emergency.thunderclap_headache  sudden, worst-ever headache
    emergency.fainting            fainted, passed out, blacked out, collapsed
    emergency.breathless_at_rest  breathlessness that does not settle with rest, can't breathe now
    emergency.saddle_numbness     numbness in the saddle area (groin, bottom, inner thighs)
    emergency.bladder_bowel       new loss of bladder or bowel control
    emergency.rhabdo              dark / cola-coloured urine with severe muscle pain
    emergency.racing_heart_faint  a racing or irregular heart that lasts, with faintness or breathlessness
    emergency.deformity           a bone through the skin or a limb out of shape after a fall
    emergency.heat_illness        in the heat: confused, stopped sweating, hot dry skin, a fit
    emergency.clot_in_lung        sudden breathlessness with a sore calf, a recent flight or operation, or pain on breathing;
                                  a swollen hot red calf with any breathlessness or blood coughed up
    emergency.aortic_tear         a tearing pain in the belly or back with faintness, or with a known aneurysm

Negated mentions ("no chest pain") do not fire.  Cautious by design: a
hypothetical ("what if I get chest pain") still fires, because the reply
("call now if this is happening") is safe either way.
"""

from __future__ import annotations

import re

from bot.safety.textmatch import (
    any_affirmed,
    clause_before,
    compile_all,
    gap,
    is_negated,
    iter_affirmed,
    sentence_of,
)

G1, G2, G3, G4, G6 = gap(1), gap(2), gap(3), gap(4), gap(6)
POSS = r"(?:my|the|his|her|their|your|both|me|ma|mah|mi)\s+"
SIDE = r"(?:left|right|l|r)\s+"

# ----------------------------------------------------------------- chest
CHEST = r"(?:chest|breast ?bone|sternum)"
CHEST_FEEL = (
    r"(?:pain|pains|painful|hurt|hurts|hurting|ache|aches|aching|achy|tight|tightness|"
    r"tightening|tighten|pressure|heavy|heaviness|squeez\w*|crush\w*|burning|discomfort|"
    r"sore|soreness|constrict\w*|killing me|gripp\w*|clench\w*|clamp\w*|band)"
)
_CHEST = compile_all(
    [
        rf"\b{CHEST}(?!\s+muscles?)\s+{G3}{CHEST_FEEL}\b",
        rf"\b{CHEST_FEEL}\s+{G3}(?:in|across|on|around|round|over|through|at|behind|inside|of|into|under|within)\s+"
        rf"(?:{POSS})?(?:(?:middle|centre|center|left side|front) of\s+(?:{POSS})?)?{CHEST}\b",
        rf"\b(?:tight|heavy|sore|painful|crushing|squeezing|burning|aching)\s+{CHEST}\b",
        rf"\b{CHEST}\s+{G4}(?:elephant|sitting on|vice|vise|weight on)",
        r"\bangina\b",
        r"\b(?:pain|pains|ache|aching|tightness|pressure)\s+(?:in|around|near|over)\s+my\s+heart\b",
        r"\b(?:having|have|had|is this|could this be|could it be|like|maybe|might be|think it'?s|"
        r"think i'?m having|i'?m having)\s+(?:a\s+)?(?:heart attack|cardiac arrest)",
    ]
)
_NOT_LITERAL_BEFORE = re.compile(
    r"(?:nearly|almost|practically|near|gave me|give me|giving me|gonna give|going to give|"
    r"about to have|will have)\s+(?:\w+\s+){0,2}$"
)

# "he's going to have a heart attack if they don't catch H": a heart attack that would follow only if something happened
_ONLY_IF_AFTER = re.compile(r"\s*(?:if|when|the day|the minute|the moment|once)\s+(?!i\b)")

# ------------------------------------------------------------ arm / jaw spread
SPREAD_V = (
    r"(?:spread\w*|radiat\w*|travel\w*|shoot\w*|going|goes|gone|went|moving|moves|moved|"
    r"runs|running|ran|extend\w*|heading)"
)
_JAW = compile_all(
    [
        rf"\b{SPREAD_V}\s+{G3}(?:up\s+|down\s+)?(?:in)?to\s+(?:{POSS})?(?:jaw|teeth|chin)\b",
        rf"\b{SPREAD_V}\s+up\s+(?:{POSS})?(?:neck\s+(?:and|into|to)\s+(?:{POSS})?)?(?:jaw|chin)\b",
        r"\b(?:jaw|chin)\s+and\s+(?:left\s+)?arm\s+(?:pain|ache|aching|hurt\w*)",
        r"\b(?:pain|ache|aching|tightness|pressure)\s+(?:in|into)\s+(?:my\s+)?(?:jaw|chin)\s+and\s+(?:my\s+)?(?:left\s+)?arm",
    ]
)
_ARM_SPREAD = compile_all(
    [
        rf"\b{SPREAD_V}\s+{G6}(?:down|into|up|to|along|through)\s+(?:into\s+|to\s+)?(?:{POSS})?(?:{SIDE})?arms?\b",
        rf"\b(?:pain|ache|aching|tightness|pressure|heaviness|discomfort)\s+{G2}down\s+(?:{POSS})left\s+arm\b",
        rf"\band\s+down\s+(?:{POSS})?(?:{SIDE})?arms?\b",
    ]
)
# origins that make arm radiation look like a nerve (assess), not the heart
_ARM_ORIGIN = re.compile(
    r"\b(?:neck|back|spine|disc|shoulder|shoulders|shoulder blade|elbow|wrist|hand|hands|"
    r"fingers|collarbone|trap|traps)\b"
)
_NERVE_FEEL = re.compile(r"\b(?:tingl\w*|pins and needles|numb\w*|electric\w*|zing\w*|buzz\w*)\b")

# ------------------------------------------------------------ stroke signs
_FACE_DROOP = compile_all(
    [
        rf"\b(?:face|mouth|mout|mouf|smile|lip|lips|eyelid|cheek)\s+{G4}(?:droop\w*|lopsided|sag\w*|slump\w*|"
        r"(?:dropp(?:ed|ing)|drop|drops|fell|fallen|dropped|gone|went)\s+(?:down\s+)?(?:on\s+|to\s+)?one side)",
        r"\b(?:droop\w*|lopsided|sagging|crooked)\s+(?:\w+\s+)?(?:face|mouth|smile)\b",
        rf"\bone side of\s+{POSS}(?:face|mouth)\s+{G3}(?:droop\w*|dropp\w*|sag\w*|fell|fallen|slump\w*|"
        r"went down|gone down|isn't moving|won't move|not moving)",
        r"\bfacial droop\w*",
        rf"\b(?:half|one half|one side)\s+(?:of\s+)?(?:{POSS})?(?:face|mouth|smile)\s+{G3}(?:droop\w*|dropp\w*|dropped|drops|fell|fallen|sag\w*|slump\w*|"
        r"gone down|went down|gone floppy|gone numb|went numb|looks? different|isn't moving|won't move|not moving|frozen)",
    ]
)
_SPEECH = compile_all(
    [
        rf"\b(?:speech|talking|words|voice|speaking)\s+{G3}(?:slurr?\w*|garbled|jumbled|muddled|gibberish|"
        r"coming out wrong|came out wrong|all wrong)",
        r"\bslurr(?:ed|ing|s)\b",
        rf"\bwords\s+{G3}(?:coming|came|come)\s+out\s+(?:all\s+)?(?:wrong|funny|weird|strange|jumbled|garbled|muddled|mixed up)",
        rf"\b(?:sudden|suddenly|all of a sudden|out of nowhere)\s+{G4}(?:can't|couldn't|unable to|could not)\s+"
        r"(?:speak|talk|get (?:my|the|his|her) words out|find (?:my|the|his|her) words|say (?:what|the))",
        r"\btalking gibberish\b",
        r"\b(?:talking|speaking|speech|voice)\s+(?:is\s+|was\s+|all\s+|really\s+|a bit\s+|sounds?\s+|'s\s+)*(?:funny|strange|weird|odd|drunk|garbled|muddled|slurry|wrong|thick)\b",
        r"\b(?:can't|couldn't|cannot|unable to)\s+(?:talk|speak)\s+(?:properly|clearly|right|normally|straight)\b",
    ]
)
# "puffing at the top of the hill, couldn't talk properly for a minute, went after a breather": out of breath, not
# a stroke. Only this plainest form is let go, and only when the breath is named in the same sentence
_OUT_OF_BREATH = re.compile(
    r"\b(?:puff\w*|out of breath|breather|breathless|panting|winded|catch(?:ing)? my breath|short of breath|gasping)\b"
)


def _speech(t: str) -> bool:
    for m in iter_affirmed(_SPEECH, t):
        plain_form = m.re is _SPEECH[-1]
        if plain_form and _OUT_OF_BREATH.search(
            sentence_of(t, m.start(), m.end()) + " " + t[max(0, m.start() - 60) : m.start()]
        ):
            continue
        return True
    return False


LIMB_UP = r"(?:arm|arms|hand|hands)"
SUDDEN = r"(?:sudden|suddenly|all of a sudden|out of nowhere|without warning|abruptly)"
WEAK = (
    r"(?:weak\w*|numb\w*|paraly[sz]\w*|floppy|limp|dead|heavy|tingl\w*|no feeling|lost (?:the )?feeling|"
    r"can't (?:feel|move|lift|raise|grip|use)|couldn't (?:feel|move|lift|raise|grip|use)|"
    r"unable to (?:feel|move|lift|raise|grip|use)|won't (?:move|work)|wouldn't (?:move|work)|not working)"
)
_ONE_SIDE = compile_all(
    [
        rf"\b(?:one|left|right)\s+side\s+of\s+{POSS}(?:body|face)\s+{G4}{WEAK}",
        rf"\b(?:my|his|her|their|the whole|whole)\s+(?:whole\s+)?(?:left|right)\s+side\s+{G3}{WEAK}",
        rf"\b{WEAK}\s+{G2}(?:down|on|in|along|to|all down|of)\s+(?:{POSS})?(?:left|right|one)\s+side\b",
        rf"\b(?:face|cheek|lip|lips|mouth)\s+{G3}(?:numb\w*|weak\w*|tingl\w*|paraly[sz]\w*|dead|frozen)",
        rf"\b(?:numb\w*|weak\w*|tingl\w*|paraly[sz]\w*|no feeling)\s+{G2}(?:in|on|of|down)\s+(?:{POSS})?(?:{SIDE})?(?:face|cheek|lip|lips)\b",
        rf"\b{SUDDEN}\s+{G6}{WEAK}\s+{G4}{LIMB_UP}\b",
        rf"\b{SUDDEN}\s+{G6}{LIMB_UP}\s+{G3}{WEAK}",
        rf"\barms?\s+{G3}(?:suddenly\s+)?(?:went|gone|going|goes|turned|just went)\s+(?:all\s+|completely\s+|really\s+|totally\s+)?"
        r"(?:numb|weak|dead|limp|floppy|heavy)",
        r"\bhemipleg\w*|\bhemipar\w*",
    ]
)
_ARM_POSTURE = re.compile(r"\b(?:slept|sleeping|lying|lay|lain|leaning|leant|leaned|sat|sitting)\s+on\b")
_VISION = compile_all(
    [
        rf"\b{SUDDEN}\s+{G4}(?:blur\w*|double|lost|loss of|losing|dim\w*|dark\w*|grey|gray|no)\s+{G2}(?:vision|sight|eyesight)\b",
        r"\b(?:seeing double|double vision)\b[^.!?]{0,60}\b(?:dizzy|can't walk straight|cant walk straight|off balance|"
        r"bump\w* into|falling over|staggering|since)\b",
        r"\b(?:spinn\w*|spinny|dizzy|can't walk straight|cant walk straight|off balance|staggering)\b[^.!?]{0,60}\b(?:seeing double|"
        r"double vision|seeing two of everything)\b",
        rf"\b(?:lost|loss of|losing|blurr?\w*|double|dim|dark)\s+(?:the\s+)?(?:vision|sight|eyesight)\s+(?:in|of|from)\s+(?:one|{POSS}(?:left|right))\s+eye\b",
        rf"\b(?:can't|couldn't|unable to)\s+see\s+(?:out of|with|from)\s+(?:one|{POSS}(?:left|right))\s+eye\b",
        r"\b(?:went|gone|going)\s+blind\b",
        rf"\b(?:vision|sight)\s+{G3}(?:one|left|right)\s+eye\s+{G2}(?:went|gone|go|blur\w*|dark|black)",
    ]
)
_HEADACHE = compile_all(
    [
        r"\b(?:worst|worse)\s+headache\s+(?:of|in)\s+(?:my|his|her)\s+life\b",
        rf"\b(?:sudden|suddenly|thunderclap|explosive)\s+{G2}(?:severe|terrible|awful|excruciating|splitting|"
        r"intense|massive|blinding|worst|violent|agonising|agonizing)?\s*headache",
        rf"\bheadache\s+{G3}(?:came on|hit|hit me|started|struck)\s+(?:\w+\s+)?(?:suddenly|like a thunderclap|out of nowhere|all at once|in seconds)",
    ]
)

# ------------------------------------------------------------ fainting
FAINT = (
    r"(?:faint(?:ed|ing)|had a faint|passed out|pass out|passing out|passes out|blacked out|black out|"
    r"blacking out|had a blackout|had blackouts|collapsed|collapse|collapses|collapsing|lost consciousness|lose consciousness|"
    r"losing consciousness|knocked out|was unconscious|keeled over|came round on the floor|came to on the floor|"
    r"woke up on the floor|hit the floor|out cold|went down like a (?:sack|ton|stone|log)\w*|hit the deck|"
    r"dropped like a (?:stone|sack)|came round on the|came to on the|fell unconscious|went unconscious|"
    # no memory of going down, or coming to with people standing over
    r"(?:don't|dont|do not|can't|cant|cannot|didn't|did not)\s+remember\s+(?:\w+\s+)?(?:falling|going down|hitting the (?:floor|ground|deck)|"
    r"the fall|how i (?:got|ended up) (?:on|down))|on the (?:floor|ground) with (?:people|everyone|folk|them|the \w+) (?:round|around|"
    r"over|standing over|looking down at) me)"
)
_FAINT = compile_all([rf"\b{FAINT}\b"])
# "my hip kinda collapsed under me": a joint giving way (triage), not the person fainting
_JOINT_COLLAPSED = re.compile(
    r"\b(?:hip|hips|knee|knees|leg|legs|ankle|ankles|back|arch|arches|foot|feet)\s+(?:\w+\s+){0,2}$"
)

# "england collapsed again, 80 all out", "the tent collapsed"
_NOT_A_PERSON_COLLAPSING = re.compile(
    r"\b(?:all out|wickets?|batting|innings|the team|our team|their team|the side|england|australia|india|scotland|wales|"
    r"the market|economy|the plan|plans|tent|cake|souffl\w*|roof|shelf|chair|deal|talks)\b"
)

# "when that sponge collapsed", "the gazebo collapsed on us": a thing named before the word is not a person fainting;
# a person named ("my husband collapsed", "the lady beside me collapsed") or no one named still is
_PERSON = (
    r"(?:man|woman|lady|guy|gentleman|fella|fellow|bloke|lad|lass|boy|girl|kid|child|baby|toddler|teen|teenager|person|"
    r"husband|wife|hubby|partner|mum|mam|mom|mommy|mummy|mother|dad|da|daddy|father|son|daughter|friend|pal|mate|buddy|"
    r"neighbour|neighbor|nan|nana|nanna|gran|granny|grandma|grandpa|grandad|granddad|grandson|granddaughter|grandkid|aunt|"
    r"auntie|aunty|uncle|cousin|niece|nephew|brother|sister|sis|bro|twin|teacher|instructor|coach|trainer|colleague|boss|"
    r"patient|client|carer|nurse|runner|player|swimmer|walker|dancer|member|one|ones|folk|people|chap|dude|bestie|"
    r"boyfriend|girlfriend|fiance|fiancee|other half|in-law|mother-in-law|father-in-law|stepdad|stepmum|stepmom|sibling)"
)
_A_THING_BEFORE = re.compile(
    rf"\b(?:the|that|this|a|an|our|their|his|her|my)\s+(?!{_PERSON}\b)[a-z]+\s+(?:just\s+|totally\s+|completely\s+|"
    r"fully\s+|had\s+|has\s+|'s\s+)?$"
)

# "my team got knocked out in the 90th minute", "we were knocked out of the cup": a contest lost, not a person out cold
_TEAM_BEFORE = re.compile(
    r"\b(?:team|side|club|squad|we|they|us|lads|girls|boys|united|city|rovers|athletic|wanderers|celtic|rangers)\s+"
    r"(?:\w+\s+)?(?:got|get|gets|were|was|been|are|is|have been|has been)\s+$"
)
_KNOCKED_OUT_OF_A_CONTEST = re.compile(
    r"\bknocked out\s+(?:of|in|at)\s+(?:the\s+)?(?:\w+\s+)?(?:cup|league|competition|tournament|round|semis?|semi-?finals?|"
    r"quarters?|quarter-?finals?|finals?|group|groups|play-?offs?|euros|world cup|minute|\d+\w*\s+minute)\b"
)

# ------------------------------------------------------------ a broken bone out of shape
_DEFORMITY = compile_all(
    [
        r"\bbone(?:\s*'s|s| is)?\s+(?:\w+\s+){0,2}(?:sticking|stickin|poking|pokin|coming|comin|pushing|pushin|showing|"
        r"showin)\s+(?:out|through)\b",
        # a kneecap or shoulder out of place ("kneecap's gone round the side of my knee")
        r"\b(?:knee ?cap|patella|shoulder)\s*(?:'s\s+|\s+is\s+|\s+has\s+)?(?:\w+\s+)?(?:gone|popped|slipped|moved|shifted|sitting|"
        r"slid|come)\s+(?:out|round|around|to the side|sideways|off)\b(?![^.!?]{0,80}\b(?:back in|back into place|clunked back|"
        r"popped back|went back|slid back|slipped back|clicked back|came back)\b)",
        r"\b(?:foot|ankle|leg|arm|wrist|elbow|knee|shoulder)\s+(?:is\s+|'s\s+)?(?:pointing|facing|bent|sticking out)\s+sideways\b",
        r"\b(?:see|seeing|saw|can see)\s+(?:the\s+)?bone\b",
        r"\b(?:pointing|facing|bent|turned|twisted)\s+(?:the\s+)?wrong\s+way\b",
        r"\b(?:bent|bends)\s+(?:at\s+)?(?:a\s+)?(?:weird|funny|strange|odd|wrong)\s+angle\b|\bat\s+a\s+(?:weird|funny|strange|odd|wrong)\s+angle\b",
        r"\b(?:a|the)\s+(?:funny|weird|wrong|strange)\s+shape\s+now\b|\bbent\s+where\s+it\s+shouldn'?t\b",
        r"\bleg\s+(?:\w+\s+){0,4}(?:shorter|turned out|rolled out|turning out|turned in|turning in)\b|\b(?:shorter|turned out|rolled out)\b[^.!?]{0,40}"
        r"\b(?:leg|foot)\b|\blooks\s+shorter\s+and\s+(?:turned|rolled)\s+out\b",
        r"\b(?:popped|pops|came|come|slipped|slid|went)\s+out\b[^.!?]{0,60}\b(?:stuck|sitting (?:all )?wrong|won't go back|"
        r"wont go back|hasn't gone back|hanging|can't straighten|cant straighten|can't move it|cant move it)\b",
        # "a bump on my forearm where the bone shouldn't be"
        r"\b(?:bump|lump|bulge|step|dip)\b[^.!?]{0,40}\bwhere\s+(?:the\s+|a\s+)?bone\s+(?:shouldn't|should not|isn't meant to|is not meant to)\b",
        r"\bbone\b[^.!?]{0,30}\b(?:shouldn't|should not)\s+be\b",
    ]
)

# a foot, leg, hand or arm suddenly cold and white (or blue), painful or numb: its blood supply may be blocked
_LIMB_BLOOD_SUPPLY = re.compile(
    r"\b(?:foot|feet|leg|legs|hand|arm|toes|fingers)\b[^.!?]{0,40}\b(?:cold and (?:white|pale|blue|grey)|(?:white|pale|blue|grey) and "
    r"cold|gone (?:cold|white|pale|blue)[^.!?]{0,20}\b(?:cold|white|pale|blue))\b[^!?]{0,80}\b(?:numb|pain\w*|agony|can't move|"
    r"cannot move|cant move|can't feel|no feeling)"
)
# a limb bone that may be broken, or a big tendon torn, with the limb out of shape or not working: A&E now
# ("heard a crack in my shin, can't put weight on it", "wrist bent like a dinner fork", "felt a pop above the kneecap
# and can't lift my leg straight", "like someone kicked the back of my heel, can't go on tiptoe")
_LIMB = r"(?:ankle|wrist|leg|shin|arm|forearm|elbow|thigh|hip|collar ?bone|lower leg|upper arm)"
_BROKEN_OR_TORN = compile_all(
    [
        rf"\b{_LIMB}\b[^.!?]{{0,40}}\b(?:crooked|out of line|misshapen|deformed|wonky|dinner fork|bent like|"
        r"a bend in it|lump(?:y)? where)\b|\bdinner fork\b",
        r"\b(?:heard|felt)\s+(?:a\s+|it\s+|something\s+)?(?:crack|snap|crunch)\w*[^!?]{0,120}\b(?:can't|cant|cannot|couldn't|"
        r"could not|unable to)\s+(?:put\s+(?:any\s+|no\s+)?weight|bear\s+(?:any\s+)?weight|stand on|walk on|move)\b",
        r"\b(?:pop|popped|snap|snapped|gave|give|went|tore|torn|rip\w*|kicked (?:me\s+)?(?:hard\s+)?in the back of)\b[^!?]{0,140}"
        r"\b(?:(?:can't|cant|cannot|couldn't|unable to)\s+(?:get\s+|go\s+|stand\s+|push\s+)?(?:up\s+)?(?:on|onto)\s+(?:my\s+|me\s+)?"
        r"(?:tip ?toes?|toes)|(?:can't|cant|cannot|couldn't|cyaan)\s+(?:lift|straighten|raise)\s+(?:my\s+|mi\s+|me\s+|the\s+)?"
        r"(?:leg|knee)(?:\s+straight)?|(?:a\s+)?(?:gap|dent|dip|hollow)\s+(?:just\s+)?(?:above|below|in|at)\b|bunched up|popeye)",
    ]
)

# ------------------------------------------------------------ a clot that may have reached the lungs
CALF = re.compile(
    r"\b(?:calf|calves|calfs|back of (?:my|the|his|her) (?:knee|leg)|lower leg|one leg|left leg|right leg|leg)\b"
)
CLOT_SIGN = {
    "swollen": re.compile(r"\b(?:swollen|swell\w*|swole|puff\w*|bigger than|fatter than|balloon\w*)\b"),
    "hot": re.compile(r"\b(?:hot|warm|warmer|burning to (?:the )?touch)\b"),
    "red": re.compile(r"\b(?:red|reddish|shiny|purple)\b"),
    "tender": re.compile(
        r"\b(?:tender|sore to (?:the )?touch|hurts? (?:to touch|when i (?:touch|press|flex|point))|throb\w*)\b"
    ),
}
_SUDDEN_BREATHLESS = re.compile(
    r"\b(?:sudden\w*|all of a sudden|out of nowhere)\s+(?:\S+\s+){0,3}(?:breathless\w*|short of breath|out of breath|"
    r"can't (?:catch my|get my) breath|struggling to breathe|gasping)"
)
_CLOT_CONTEXT = re.compile(
    r"\b(?:calf|calves|leg|flight|flew|long[- ]haul|operation|surgery|op|cast|on the pill|pain (?:when|as|if) i breathe|"
    r"hurts (?:when|to) (?:i )?breathe|breathe in|coughing (?:up )?blood|pregnan\w*)\b"
)

# ------------------------------------------------------------ a racing or irregular heart with faintness
_HEART_AFLUTTER = re.compile(
    r"\b(?:heart|pulse|heartbeat|heart rate)\b[^.!?]{0,50}\b(?:racing|races|pounding|thumping|hammering|fluttering|flutters|"
    r"flip[- ]?flopping|flipping|skipping|skips|irregular|uneven|erratic|all over the place|going like (?:a drum|mad|the clappers)|"
    r"banging|\d{3}\b|(?:went|going|goes|was going|is going)\s+(?:really\s+|so\s+|super\s+)?(?:fast|crazy|nuts|mad|wild)|"
    r"beating\s+(?:really\s+|so\s+)?fast)"
)
_FAINTISH = re.compile(
    r"\b(?:faint\w*|dizzy|dizziness|light-?headed\w*|woozy|grey|gray|clammy|breathless|short of breath|about to pass out|"
    r"going to pass out|gonna pass out|wobbly|spinning)\b"
)
_LASTING = re.compile(
    r"\b(?:still|since|won't settle|wont settle|not settling|hasn't settled|an hour|hours?|\d+\s*(?:min\w*|mins)|"
    r"(?:twenty|thirty|forty|fifty)\s+min\w*|won't stop|wont stop|keeps)\b"
)
# "halfway up the landing I was ready to collapse, so I sat down": worn out, said the way people say "dead on my feet"
_WORN_OUT_BEFORE = re.compile(r"\b(?:ready|fit|about ready|set)\s+to\s+(?:just\s+)?$")
_NEAR_MISS_BEFORE = re.compile(
    r"(?:nearly|almost|close to|about to|going to|gonna|verge of|near to|near|half|"
    r"like i (?:was going to|would|might|could|was about to)|thought i(?:'d| would| was going to| might)|"
    r"as if i (?:would|might|was going to)|scared i(?:'d| would| might)|"
    r"worried i(?:'d| would| might)|in case i|if i|what if i|afraid i(?:'ll| will| might)|or i(?:'ll| will)|"
    r"(?:felt|feel|feeling|feels|felt a bit|feel a bit) (?:like|as if|as though)(?: i)?(?: was| am| would| might| could| 'd| 'm)?)\s+(?:\w+\s+){0,2}$"
)
_SLEEP_SENSE = re.compile(
    r"\b(?:on|onto|into|in|across)\s+(?:the\s+|my\s+)?(?:sofa|couch|settee|bed|armchair|recliner)\b|"
    r"\basleep\b|\bslept\b|\bnap\b|\bdrunk\b|\bfor the night\b|\bwith laughter\b|\blaughing\b|"
    r"\b(?:at|by|before|around)\s+\d{1,2}(?::\d\d)?\s*(?:pm|am|o'clock)?\b|\bin front of the (?:tv|telly|television)\b|"
    r"\bearly night\b|\bwatching\b"
)
# hypothetical / informational framing before a red-flag term ("what if I get chest pain")
_HYPOTHETICAL = re.compile(
    r"\b(?:what if|in case|if i (?:ever\s+)?(?:get|got|have|had|feel|start|notice)|if you (?:get|have|feel)|"
    r"(?:worried|scared|afraid|anxious|nervous|frightened|concerned|fear)\s+(?:that\s+)?i\s*(?:might|may|could|will|'ll|would|'d)\b|"
    r"what (?:should|do|would|shall) i do (?:if|when)|what to do (?:if|when)|signs of|symptoms of|warning signs?|"
    r"how (?:do|would|can) i (?:know|tell)|when (?:should|do) i (?:call|worry|see)|is it (?:an emergency|serious) (?:if|when))"
)


def hypothetical_before(t: str, start: int) -> bool:
    """True when the sentence before *start* frames the term as hypothetical."""
    s = max(t.rfind(c, 0, start) for c in ".!;\n")
    return _HYPOTHETICAL.search(t[s + 1 : start]) is not None


# ------------------------------------------------------------ breathing
BREATHLESS = (
    r"(?:breathless\w*|out of breath|short of breath\w*|shortness of breath|"
    r"(?:can't|couldn't|cannot|unable to|struggl\w* to|hard to|difficult to)\s+(?:catch|get)\s+(?:my|a|his|her)\s+breath(?:\s+back)?|"
    r"(?:can't|couldn't|unable to|struggl\w* to|hard to|difficult to)\s+breathe?|struggl\w* for (?:breath|air)|"
    r"gasp\w*|puffed|puffing|winded|wheez\w*|breathing\s+(?:is\s+|was\s+)?(?:hard|difficult|laboured|labored|rapid|fast|heavy)|"
    r"difficulty breathing|trouble breathing|fighting for (?:breath|air)|can't get enough air|breathlessness)"
)
_BREATHLESS = compile_all([rf"\b{BREATHLESS}"])
_NOT_SETTLING = re.compile(
    r"\b(?:even|still)\s+(?:\w+\s+){0,2}(?:at rest|resting|rested|sitting|sat|lying|laying|after (?:resting|sitting|stopping|a rest|a sit|\d+))|"
    r"\bat rest\b|\bwhile resting\b|\bwhen resting\b|\bsitting still\b|\blying still\b|"
    r"\b(?:won't|isn't|not|hasn't|haven't|doesn't|didn't|wouldn't|never)\s+(?:\w+\s+)?(?:settl\w*|eas\w*|calm\w*|go away|gone away|slow\w* down|stop\w*|improv\w*|recover\w*)|"
    r"\bstill\s+(?:\w+\s+){0,2}(?:can't|cannot|couldn't|struggl\w*|gasp\w*|breathless|short of breath|out of breath|not|hasn't|haven't|won't)|"
    r"\beven though i'?(?:ve|'ve| have)? been (?:sitting|resting|lying)|\bgetting worse\b|\bworse and worse\b|"
    r"\bfor (?:\d+|ten|fifteen|twenty|thirty|several|a few) (?:min\w*|hours?)\b.{0,30}\b(?:still|not|hasn't|won't)\b"
)
# "I can't breathe" in the present, not about a situation ("when I climb stairs")
_CANT_BREATHE_NOW = re.compile(
    r"\b(?:i|he|she|they)\s+(?:can't|cannot|can not)\s+(?:breathe?|get (?:my|his|her|a) breath|catch (?:my|his|her|a) breath)\b"
    r"(?!\s+(?:\w+\s+){0,2}(?:when|whenever|if|during|while|on|after|going|walking|climbing|in the|at the|doing|through))"
)

# ------------------------------------------------------------ cauda equina
AREA = (
    r"(?:groin|genitals?|privates|private parts|bum|butt|buttocks?|bottom|backside|anus|back passage|"
    r"inner thighs?|crotch|perineum|between (?:my|the|his|her) legs|down below|nether regions|vagina|penis|"
    r"saddle area|saddle region)"
)
NUMB = (
    r"(?:numb\w*|no feeling|no sensation|lost (?:the\s+|all\s+)?(?:feeling|sensation)|loss of (?:feeling|sensation)|"
    r"can't feel|cannot feel|couldn't feel|pins and needles|tingl\w*|dead|reduced (?:feeling|sensation)|anaesthesia|anesthesia)"
)
_SADDLE = compile_all(
    [
        r"\bsaddle\s+(?:area\s+|region\s+)?(?:numb\w*|an(?:a)?esthesia|tingl\w*|sensation)",
        rf"\b{NUMB}\s+{G3}(?:(?:in|around|between|on|of|down|across|at)\s+(?:{POSS})?)?{AREA}\b",
        rf"\b{AREA}\s+{G3}(?:is\s+|are\s+|feels?\s+|went\s+|gone\s+|has gone\s+|going\s+)?(?:numb\w*|tingl\w*|dead|no feeling)",
        r"\b(?:can't|cannot|couldn't)\s+feel\s+(?:\w+\s+){0,3}(?:(?:toilet|loo)\s+(?:paper|roll|tissue)|when i wipe|myself when|wiping)",
    ]
)
_SADDLE_BENIGN = re.compile(
    r"\b(?:bike|cycling|cycle|saddle|seats?|sitting|sat|chairs?|toilet seat|long drive|cinema|film|movie|pew|bench|sofa|"
    r"couch|train|coach|plane|flight|car journey)\b"
)
_SADDLE_SERIOUS = re.compile(
    r"\b(?:back|bladder|bowel|wee|pee|urine|poo|legs|still|won't|hasn't|isn't going|not going|days)\b|"
    r"\b(?:for|still|since)\s+(?:\w+\s+)?hours\b"
)
_BUM = re.compile(r"\b(?:bum|butt|bottom|backside|buttocks?)\b")
_BLADDER = compile_all(
    [
        r"\b(?:lost|losing|lose|loss of|no|can't|couldn't)\s+(?:all\s+)?control\s+(?:of|over)\s+(?:my\s+)?(?:bladder|bowels?|wee|pee|poo|toilet|urine)",
        r"\b(?:lost|losing|loss of)\s+(?:my\s+)?(?:bladder|bowel)\s+control\b",
        r"\b(?:can't|cannot|couldn't|unable to|can not)\s+(?:control|hold)\s+(?:in\s+)?(?:my\s+)?(?:bladder|bowels?|wee|pee|poo|urine)",
        r"\b(?:wet|soiled|peed|pooed|pooped|messed|pissed|shat)\s+myself\b",
        r"\b(?:can't|cannot|couldn't|unable to)\s+(?:pee|wee|urinate|pass urine|pass water|empty my bladder|go for a (?:wee|pee))\b",
        r"\b(?:bladder|bowels?)\s+(?:\w+\s+){0,2}(?:stopped working|not working|gone|went|let go|gave way)",
        r"\b(?:new|sudden|suddenly)\s+(?:\w+\s+)?incontinen\w*",
        r"\bincontinen\w*\s+(?:\w+\s+){0,3}(?:new|sudden|since|started)",
    ]
)
_BLADDER_BENIGN = re.compile(r"\blaugh\w*|\bsneez\w*|\bcough\w*|\bas a (?:kid|child)\b|\bdream\b")

# ------------------------------------------------------------ rhabdomyolysis
# "wee" as urine, not the Scots "small" ("a wee bit o blood", "a wee walk")
URINE = (
    r"(?:urine|pee|wee(?!\s+(?:bit|bitty|while|walk|one|ones|drop|dram|dug|dog|lass\w*|lad\w*|man|wumman|woman|nap|rest|chat|"
    r"sit|minute|moment|stroll|daunder|dauner|hill|bairn|boy|girl|wean|thing|spot|touch|cough|pain|ache|twinge|bump|"
    r"lump|cut|graze|fall|slip|jog|swim|run|cycle|stretch|session|class|sore)\b)|wees|pees|piss|widdle)"
)
DARK = r"(?:dark|darker|brown|brownish|cola|coca-?cola|coke|tea|red|reddish|blood|bloody|rusty|black|coffee)"
_DARK_URINE = compile_all(
    [
        rf"\b{DARK}(?:[- ]colou?red)?\s+{G2}{URINE}\b",
        rf"\b{URINE}\s+{G4}(?:is\s+|was\s+|looks\s+|looked\s+|went\s+|turned\s+|came out\s+)?(?:a\s+)?(?:really\s+|very\s+|quite\s+)?"
        rf"{DARK}\b",
        rf"\b{URINE}\s+{G3}(?:like|the colou?r of)\s+(?:cola|coke|tea|coffee|blood)",
    ]
)
MUSCLE_WORD = r"(?:muscles?|thighs?|calf|calves|quads?|legs?|arms?|body|hamstrings?|glutes?|biceps|shoulders?)"
SEVERE = (
    r"(?:agony|agonising|agonizing|severe|severely|extreme|extremely|excruciating|unbearable|"
    r"really sore|so sore|very sore|incredibly sore|insanely sore|swollen|rock hard|killing me|in bits|"
    r"worst|screaming|can't move|couldn't move|horrendous)"
)
_SEVERE_MUSCLE = compile_all(
    [
        rf"\b{MUSCLE_WORD}\b.{{0,40}}\b{SEVERE}",
        rf"\b{SEVERE}\b.{{0,30}}\b{MUSCLE_WORD}\b",
    ]
)


def _chest(t: str) -> bool:
    for m in iter_affirmed(_CHEST, t):
        if ("heart attack" in m.group(0) or "cardiac" in m.group(0)) and (
            _NOT_LITERAL_BEFORE.search(t[max(0, m.start() - 40) : m.start()]) or _ONLY_IF_AFTER.match(t, m.end())
        ):
            continue
        return True
    return False


def arm_spread_matches(t: str) -> list[tuple[re.Match[str], bool]]:
    """Pain travelling into an arm: (match, looks_cardiac).  Nerve-like
    (tingling) or starting at the neck/back/shoulder -> not cardiac."""
    out = []
    for m in iter_affirmed(_ARM_SPREAD, t):
        sent = sentence_of(t, m.start(), m.end())
        before = clause_before(t, m.start()) + m.group(0)
        cardiac = True
        if "chest" not in sent and (_ARM_ORIGIN.search(before) or _NERVE_FEEL.search(sent)):
            cardiac = False
        out.append((m, cardiac))
    return out


def _arm_jaw(t: str) -> bool:
    if any_affirmed(_JAW, t):
        return True
    return any(cardiac for _, cardiac in arm_spread_matches(t))


def _one_side(t: str) -> bool:
    for m in iter_affirmed(_ONE_SIDE, t):
        if _ARM_POSTURE.search(sentence_of(t, m.start(), m.end())):
            continue
        return True
    return False


def fainting_matches(t: str) -> tuple[bool, bool]:
    """(fainted, nearly_fainted)."""
    fainted = near = False
    for m in iter_affirmed(_FAINT, t):
        before = t[max(0, m.start() - 45) : m.start()]
        sent = sentence_of(t, m.start(), m.end())
        if _SLEEP_SENSE.search(sent):
            continue
        if _WORN_OUT_BEFORE.search(before):
            continue
        if _NEAR_MISS_BEFORE.search(before):
            near = True
            continue
        if m.group(0).startswith("collaps") and (
            _JOINT_COLLAPSED.search(before) or _NOT_A_PERSON_COLLAPSING.search(sent) or _A_THING_BEFORE.search(before)
        ):
            continue
        if m.group(0) == "knocked out" and (_TEAM_BEFORE.search(before) or _KNOCKED_OUT_OF_A_CONTEST.search(sent)):
            continue
        fainted = True
    return fainted, near


def breathless_matches(t: str) -> list[re.Match[str]]:
    return list(iter_affirmed(_BREATHLESS, t))


def _breathless_at_rest(t: str) -> bool:
    for m in breathless_matches(t):
        sent = sentence_of(t, m.start(), m.end())
        if _NOT_SETTLING.search(sent):
            return True
    return any(not is_negated(t, m.start(), m.end()) for m in _CANT_BREATHE_NOW.finditer(t))


def _saddle(t: str) -> bool:
    for m in iter_affirmed(_SADDLE, t):
        sent = sentence_of(t, m.start(), m.end())
        g = m.group(0)
        if (
            _BUM.search(g)
            and not g.startswith("saddle")
            and _SADDLE_BENIGN.search(sent)
            and not _SADDLE_SERIOUS.search(t)
        ):
            continue  # "my bum went numb on the bike saddle"
        return True
    return False


def dark_urine(t: str) -> bool:
    return any_affirmed(_DARK_URINE, t)


def _rhabdo(t: str) -> bool:
    return dark_urine(t) and any_affirmed(_SEVERE_MUSCLE, t)


def _bladder(t: str) -> bool:
    for m in iter_affirmed(_BLADDER, t):
        if _BLADDER_BENIGN.search(sentence_of(t, m.start(), m.end())):
            continue
        return True
    return False


_HEAT = re.compile(
    r"\b(?:heat|heatwave|sun|sunny|sunshine|hot day|hot weather|scorching|baking|sauna|hot yoga|humid\w*|greenhouse|"
    r"polytunnel|hot kitchen|sweltering|roasting|boiling hot|"
    r"boiling (?:day|out)|\d{2}\s*(?:degrees|c\b))"
)
_HEAT_SERIOUS = compile_all(
    [
        r"\b(?:confus\w*|not making (?:any )?sense|talking (?:nonsense|rubbish|gibberish)|doesn't know where|didn't know where|"
        r"can't think straight|delirious|drowsy|can't stay awake|fitting|seizure|fit\b|muddled|befuddled|not with it|"
        r"mumbl\w*|rambling|very hot to (?:the )?touch|burning hot to (?:the )?touch|"
        r"don't know where i am)",
        r"\b(?:stopped|stop|not|no longer|isn't|wasn't|hasn't been)\s+sweating\b",
        r"\b(?:keeps?|kept|keep)\s+(?:on\s+)?(?:asking|saying)\s+(?:me\s+)?(?:the\s+)?same\b|\brepeating\s+(?:myself|himself|herself)\b",
        r"\b(?:skin|he|she|i)\b[^.!?]{0,20}\b(?:hot and dry|dry and hot|bone dry|dry as a bone)\b",
    ]
)


def _clot_in_lung(t: str) -> bool:
    if any(_CLOT_CONTEXT.search(t) for _ in iter_affirmed([_SUDDEN_BREATHLESS], t)):
        return True
    # blood coughed up with breathlessness or a racing heart, whatever the leg looks like
    if any_affirmed([_COUGHING_BLOOD], t) and (bool(breathless_matches(t)) or any_affirmed([_HEART_RACING], t)):
        return True
    # a leg that looks clotted (two of swollen, hot, red, tender) and now breathlessness or blood coughed up
    return leg_clot_signs(t) >= 2 and (bool(breathless_matches(t)) or any_affirmed([_COUGHING_BLOOD], t))


_HEART_RACING = re.compile(
    r"\bheart\s*(?:'s|is|was)?\s+(?:\w+\s+)?(?:racing|pounding|going like|hammering|thumping|bouncing)\b"
)
_COUGHING_BLOOD = re.compile(
    r"\bcough\w*\s+(?:up\s+)?(?:\w+\s+){0,4}blood\b"
    r"|\bblood\w*\s+(?:in|when i)\s+(?:my\s+)?(?:cough|spit|phlegm)\b"
)


def leg_windows(t: str) -> list[str]:
    """The text around each mention of a calf or leg that is not negated ("no swelling in my calf")."""
    return [t[max(0, m.start() - 60) : m.end() + 90] for m in CALF.finditer(t) if not is_negated(t, m.start(), m.end())]


def leg_clot_signs(t: str) -> int:
    """How many clot signs (swollen, hot, red, tender) sit around the likeliest mention of a calf or leg."""
    return max(
        (len({name for name, rx in CLOT_SIGN.items() if any_affirmed([rx], window)}) for window in leg_windows(t)),
        default=0,
    )


def in_the_heat(t: str) -> bool:
    return bool(_HEAT.search(t))


def _heat_illness(t: str) -> bool:
    serious = sum(1 for rx in _HEAT_SERIOUS if any_affirmed([rx], t))
    # two signs of heatstroke (stopped sweating and muddled, hot dry skin) are enough without the heat named
    return (in_the_heat(t) and serious >= 1) or serious >= 2


# a tearing pain in the belly or back with faintness, or a known aneurysm with sudden pain: the main artery
_TEARING_BELLY_BACK = re.compile(
    r"\b(?:tearing|ripping|torn)\b[^.!?]{0,60}\b(?:tummy|stomach|belly|abdomen|abdominal|back|chest)\b|"
    r"\b(?:tummy|stomach|belly|abdomen|abdominal|back|chest)\b[^.!?]{0,60}\b(?:tearing|ripping)\b"
)
_FAINT_OR_ANEURYSM = re.compile(
    r"\b(?:faint\w*|light-?headed|dizzy|clammy|grey|gray|collaps\w*|aneurysm|aortic|bulge on (?:the |my )?(?:main )?artery|"
    r"bulge in (?:the |my )?(?:main )?artery)\b"
)


def _aortic(t: str) -> bool:
    return any_affirmed([_TEARING_BELLY_BACK], t) and bool(_FAINT_OR_ANEURYSM.search(t))


_HEART_SETTLED = re.compile(
    r"\b(?:settled|settles|slowing|slowed|calmed|came down|coming down|went back to normal|back to normal|passed|eased)\b"
)


# a severe allergic reaction: swelling of the lips, tongue, throat or eyes with hives or trouble breathing
_AIRWAY_SWELLING = re.compile(
    r"\b(?:lips?|tongue|throat|mouth|face|eyes?|eyelids)\b[^.!?]{0,30}\b(?:swell\w*|swollen|puff\w*|closing|tight\w*|thick\w*)\b|"
    r"\b(?:swell\w*|swollen|puff\w*)\b[^.!?]{0,20}\b(?:lips?|tongue|throat)\b"
)
_ALLERGY_SIGN = re.compile(
    r"\b(?:hives|welts|rash|itch\w*|wheez\w*|can't breathe|hard to breathe|struggling to breathe|short of breath|breathless|"
    r"allerg\w*|anaphyla\w*|epipen|epi ?pen|stung|sting|latex|nuts?|peanuts?|prawns?|shellfish)\b"
)


def _allergic_reaction(t: str) -> bool:
    return any_affirmed([_AIRWAY_SWELLING], t) and bool(_ALLERGY_SIGN.search(t))


# bleeding inside: black tarry stools or vomited blood with faintness, a belly hurt by a blow and now dizzy or pale
_BLEED_SIGN = re.compile(
    r"\b(?:poo|poop|stool|stools|bowel movement|number two)\b[^.!?]{0,30}\b(?:black|tarry|like tar|sticky black)\b|"
    r"\b(?:black|tarry)\s+(?:and\s+\w+\s+)?(?:poo|poop|stools?)\b|\b(?:vomit\w*|threw up|throwing up|sick)\b[^.!?]{0,20}\bblood\b|"
    r"\bcoffee grounds\b"
)
_BLOW_TO_BELLY = re.compile(
    r"\b(?:knee|kick|kicked|elbow|blow|hit|fell|landed|handlebars?|tackle\w*|knock\w*)\b[^.!?]{0,60}\b(?:belly|tummy|stomach|abdomen|"
    r"side|ribs)\b[^.!?]{0,80}\b(?:agony|excruciating|severe|worse|swollen|hard)\b|\bshoulder\s+tip\b|\btip\s+of\s+(?:my|me|the)\s+"
    r"(?:left\s+)?shoulder\b"
)
_FAINTISH_WORDS = re.compile(
    r"\b(?:faint\w*|nearly fainted|light-?headed|dizzy|clammy|pale|grey|gray|collaps\w*|woozy)\b"
)


def _internal_bleeding(t: str) -> bool:
    faintish = bool(_FAINTISH_WORDS.search(t))
    return faintish and (any_affirmed([_BLEED_SIGN], t) or any_affirmed([_BLOW_TO_BELLY], t))


def _racing_heart_faint(t: str) -> bool:
    for m in iter_affirmed([_HEART_AFLUTTER], t):
        window = t[max(0, m.start() - 80) : m.end() + 120]
        if _FAINTISH.search(window) and _LASTING.search(window) and not _HEART_SETTLED.search(window):
            return True
    return False


_CHECKS = (
    ("emergency.chest_pain", _chest),
    ("emergency.arm_jaw_spread", _arm_jaw),
    ("emergency.face_droop", lambda t: any_affirmed(_FACE_DROOP, t)),
    ("emergency.slurred_speech", _speech),
    ("emergency.one_sided_weakness", _one_side),
    ("emergency.vision_loss", lambda t: any_affirmed(_VISION, t)),
    ("emergency.thunderclap_headache", lambda t: any_affirmed(_HEADACHE, t)),
    ("emergency.fainting", lambda t: fainting_matches(t)[0]),
    ("emergency.breathless_at_rest", _breathless_at_rest),
    ("emergency.saddle_numbness", _saddle),
    ("emergency.bladder_bowel", _bladder),
    ("emergency.rhabdo", _rhabdo),
    ("emergency.racing_heart_faint", _racing_heart_faint),
    ("emergency.heat_illness", _heat_illness),
    ("emergency.clot_in_lung", _clot_in_lung),
    ("emergency.deformity", lambda t: any_affirmed(_DEFORMITY, t)),
    ("emergency.broken_limb_or_torn_tendon", lambda t: any_affirmed(_BROKEN_OR_TORN, t)),
    ("emergency.limb_blood_supply", lambda t: any_affirmed([_LIMB_BLOOD_SUPPLY], t)),
    ("emergency.aortic_tear", _aortic),
    ("emergency.allergic_reaction", _allergic_reaction),
    ("emergency.internal_bleeding", _internal_bleeding),
)

EMERGENCY_RULE_IDS: tuple[str, ...] = tuple(rid for rid, _ in _CHECKS)


def _without_hypotheticals(t: str) -> str:
    """Blank out sentences that only ask about a red flag in the abstract
    ("what should I do if I get chest pain?"), so they don't trigger an
    emergency reply.  Real reports in the same message still count."""
    out = []
    for sent in re.split(r"(?<=[.!?;\n])", t):
        if _HYPOTHETICAL.search(sent) and not re.search(
            r"\b(?:right now|now|at the moment|currently|just had|just got)\b", sent
        ):
            out.append(" " * len(sent))
        else:
            out.append(sent)
    return "".join(out)


def emergency_rules(norm_text: str) -> tuple[str, ...]:
    """Ids of the emergency rules firing on already-normalised text."""
    t = _without_hypotheticals(norm_text)
    return tuple(rid for rid, check in _CHECKS if check(t))
