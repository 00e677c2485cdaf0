"""Word lists and word -> value mappings for the check-in parser.

Everything here is data; the logic lives in ``text.py`` (normalising) and
``parse.py`` (extraction). All words are in the normalised form produced by
``text.normalize``: lower case, apostrophes removed ("didn't" -> "didnt",
"pain's" -> "pains"), number words already turned into digits.

Descriptions become numbers ONLY when the person gave no number for that
field. The mappings (0-10 scales, 10 = worst) are deliberately coarse:

Fatigue (no number given)
    "completely/totally/utterly exhausted" (and the same for wiped out,
      shattered, drained ...)                                        -> 9
    "exhausted", "wiped out", "shattered", "knackered", "drained",
      "worn out", "running on empty", "no energy", "burnt out",
      "extremely tired", "fatigue is terrible/severe"                -> 8
    "very/really/so tired", "fatigue is bad/high", "very low energy" -> 7
    "tired", "fatigued", "weary", "low energy", "energy is low",
      "pretty/quite tired"                                           -> 6
    "fatigue moderate"                                               -> 5
    "a bit/little/slightly tired", "tired-ish"                       -> 4
    "fatigue mild/low", "energy ok"                                  -> 3
    "not (too) tired", "good energy", "energy good/decent"           -> 2
    "lots of/full of energy", "energetic"                            -> 1
    "no fatigue"                                                     -> 0
    "energy N/10" is the inverse scale: fatigue = 10 - N.
Stress (no number given)
    "stress through the roof / off the charts / terrible"            -> 8
    "very/really/so stressed", "stressed out", "stress high/bad",
      "very anxious"                                                 -> 7
    "stressed", "anxious", "stressful day"                           -> 6
    "a bit stressed", "slightly anxious"                             -> 4
    "stress low", "not stressed", "calm", "relaxed"                  -> 2
    "no stress", "stress free"                                       -> 0
Pain (no number given): only "no pain" / "pain free" / "zero pain" -> 0.
    Words like "bad" or "awful" are NOT turned into a pain number.
Mood is one of "good" | "ok" | "low" (numbers: 0-3 low, 4-6 ok, 7-10 good).
Sleep quality is one of "good" | "ok" | "poor" (a 0-10 sleep score maps
    0-3 poor, 4-6 ok, 7-10 good).
"""

from __future__ import annotations

# --------------------------------------------------------------------------
# Spelling: common typos / texting forms -> canonical word
# --------------------------------------------------------------------------
TYPOS: dict[str, str] = {
    # tired / fatigue
    "tierd": "tired",
    "tird": "tired",
    "tyred": "tired",
    "tiered": "tired",
    "tiresd": "tired",
    "fatique": "fatigue",
    "fatige": "fatigue",
    "fatgue": "fatigue",
    "fatiuge": "fatigue",
    "fatigure": "fatigue",
    "fatiged": "fatigued",
    "exausted": "exhausted",
    "exhusted": "exhausted",
    "exahusted": "exhausted",
    "exhaused": "exhausted",
    "exhasted": "exhausted",
    "exaughsted": "exhausted",
    "exhaustd": "exhausted",
    "exhuasted": "exhausted",
    "shatterd": "shattered",
    "shatered": "shattered",
    "knackerd": "knackered",
    "knakered": "knackered",
    "nackered": "knackered",
    "cream-crackered": "knackered",
    "drainned": "drained",
    "draind": "drained",
    # sleep
    "sleept": "slept",
    "sleeped": "slept",
    "slep": "slept",
    "slpt": "slept",
    "sleapt": "slept",
    "sleeep": "sleep",
    "sleap": "sleep",
    "slepp": "sleep",
    "sleeo": "sleep",
    "sleepp": "sleep",
    "sleeeping": "sleeping",
    "nite": "night",
    "nigth": "night",
    "nihgt": "night",
    # pain
    "pian": "pain",
    "pane": "pain",
    "pai": "pain",
    "paine": "pain",
    "painn": "pain",
    "apin": "pain",
    # flare
    "flair": "flare",
    "flaire": "flare",
    "flairing": "flaring",
    "flareing": "flaring",
    "flairs": "flares",
    "flareup": "flare",
    "flareups": "flare",
    "flarey": "flare",
    # stress / mood
    "stres": "stress",
    "stresss": "stress",
    "stresed": "stressed",
    "strest": "stressed",
    "stressd": "stressed",
    "anxius": "anxious",
    "mod": "mood",
    "moood": "mood",
    "mooood": "mood",
    "depresed": "depressed",
    # walking etc.
    "walkd": "walked",
    "wlked": "walked",
    "wakled": "walked",
    "walkef": "walked",
    "walkde": "walked",
    "walkign": "walking",
    "walkin": "walking",
    "wlak": "walk",
    "wak": "walk",
    "walj": "walk",
    "wlk": "walk",
    "strech": "stretch",
    "streches": "stretches",
    "streched": "stretched",
    "streching": "stretching",
    "strtching": "stretching",
    "stetching": "stretching",
    "stretchs": "stretches",
    "swum": "swam",
    "swimm": "swim",
    "physiotherapy": "physio",
    "phsyio": "physio",
    "physo": "physio",
    "fisio": "physio",
    "phisio": "physio",
    "excercise": "exercise",
    "excercises": "exercises",
    "exercize": "exercise",
    "exercizes": "exercises",
    "excersize": "exercise",
    "excersizes": "exercises",
    "excercised": "exercised",
    "hoovred": "hoovered",
    "hooverd": "hoovered",
    "hoovring": "hoovering",
    "hovering": "hoovering",
    "hoovereing": "hoovering",
    "vaccuming": "vacuuming",
    "vacumming": "vacuuming",
    "vaccumming": "vacuuming",
    "vacuming": "vacuuming",
    "vaccumed": "vacuumed",
    "vacumed": "vacuumed",
    "gardning": "gardening",
    "gardenning": "gardening",
    "taichi": "tai chi",
    "tai-chi": "tai chi",
    "yogga": "yoga",
    "pilattes": "pilates",
    "pialtes": "pilates",
    # units
    "mins": "min",
    "minutes": "min",
    "minute": "min",
    "mints": "min",
    "minits": "min",
    "minuts": "min",
    "minuets": "min",
    "mintues": "min",
    "mintes": "min",
    "minites": "min",
    "mns": "min",
    "mn": "min",
    "mts": "min",
    "mis": "min",
    "m": "min",
    "hrs": "hours",
    "hr": "hours",
    "hour": "hours",
    "hous": "hours",
    "hurs": "hours",
    "hors": "hours",
    "houres": "hours",
    "hourz": "hours",
    "horus": "hours",
    "hoursa": "hours",
    "h": "hours",
    # time / misc
    "yday": "yesterday",
    "yest": "yesterday",
    "yesterdy": "yesterday",
    "yesteday": "yesterday",
    "yestarday": "yesterday",
    "ystdy": "yesterday",
    "yesturday": "yesterday",
    "yesterda": "yesterday",
    "2day": "today",
    "tday": "today",
    "tdy": "today",
    "todya": "today",
    "abt": "about",
    "arnd": "around",
    "approx": "about",
    "roughly": "about",
    "bout": "about",
    "abit": "a bit",
    "alil": "a little",
    "lil": "little",
    "v": "very",
    "rly": "really",
    "realy": "really",
    "reallly": "really",
    "sooo": "so",
    "soooo": "so",
    "sooooo": "so",
    "okay": "ok",
    "okey": "ok",
    "oki": "ok",
    "okish": "ok",
    "alright": "ok",
    "allright": "ok",
    "aight": "ok",
    "gud": "good",
    "goood": "good",
    "gd": "good",
    "ya": "yeah",
    "yah": "yeah",
    "yeh": "yeah",
    "yea": "yeah",
    "yh": "yeah",
    "nah": "no",
    "naw": "no",
    "nope": "no",
    "nop": "no",
    "skipp": "skip",
    "sikp": "skip",
    "skp": "skip",
    "skipe": "skip",
    "dunno": "dont know",
    "idk": "dont know",
    "dno": "dont know",
    "didn": "didnt",
    "didint": "didnt",
    "didt": "didnt",
    "dint": "didnt",
    "couldn": "couldnt",
    "cudnt": "couldnt",
    "coudnt": "couldnt",
    "havnt": "havent",
    "havn": "havent",
    "wasn": "wasnt",
    "wen": "went",
    "wnt": "went",
}

# Words that look like typos of a vocabulary word but are real words and
# must never be "corrected" by the fuzzy matcher.
PROTECTED_WORDS: frozenset[str] = frozenset(
    """
waking woken woke talking talked taking making baking raking shaking
walker walkers tried tries trying tiring tiresome sleepy asleep sleeper
sleeve sweeping slipped slipping stressful stretchy stretcher swimmer
swimmers exercising exercised exhaust exhausting exhaustion restful
terribly horribly depressing painful painless painting painted paining
flaring glaring fairing faring staring sharing cleaning clearing
gardener garden gardens hoover hovered covered coloured colored cooked
cooking booked looked hooked walking walked shattering chattering
started starting stared minute minutes moment hourly houses mourning
morning evening sitting setting getting better bitter butter tiredness
fatigued fatigue drained trained rained stained pained strained
brained sprained knackered shattered exhausted tired stressed
bathing breathing breathe watched washing wishing dishes
""".split()
)

# Long words the fuzzy matcher may correct towards (edit-distance typos of
# these, e.g. "exahusted", "streching", "gardenning", are common).
FUZZY_VOCAB: tuple[str, ...] = tuple(
    """
exhausted shattered knackered drained fatigue fatigued tiredness
stretching stretched stretches swimming walking walked yesterday
stressed physio exercises exercise gardening hoovering hoovered housework
vacuuming cleaning flaring pilates sleeping restless terrible horrible
miserable depressed anxious anxiety hydrotherapy meditation barely hardly
properly thankfully
""".split()
)

# --------------------------------------------------------------------------
# Units
# --------------------------------------------------------------------------
HOUR_UNITS = frozenset({"hours", "hrs", "hr", "h", "hour"})
MIN_UNITS = frozenset({"min", "mins", "minute", "minutes"})
TIME_UNITS = frozenset({"am", "pm", "oclock", "ish_time"})
OTHER_UNITS = frozenset(
    """
day days week weeks month months year years yrs times time miles mile km
kms k steps step mg kg kgs lbs lb stone percent % pills pill tablets tablet
cups cup glasses glass people laps lap reps rep sets set floors floor
flights flight metres meters m2 ml calories cal nights
""".split()
) - {"m"}

# Words allowed between a number and its unit ("5 ish hours", "7 solid hours")
NUM_UNIT_FILLERS = frozenset({"ish", "whole", "solid", "full", "straight", "good", "odd"})

# Words allowed between an activity word and a unit-less number ("walked for about 20")
ACT_NUM_FILLERS = frozenset(
    {
        "for",
        "about",
        "around",
        "like",
        "maybe",
        "just",
        "only",
        "nearly",
        "almost",
        "over",
        "under",
        "a",
        "an",
        "~",
        "approximately",
        "some",
        "of",
        "roughly",
        "again",
        "today",
        "this",
        "morning",
        "bout",
    }
)

# --------------------------------------------------------------------------
# Field labels (a number in the label's stretch of text belongs to it)
# --------------------------------------------------------------------------
LABELS: dict[str, str] = {
    # pain
    "pain": "pain",
    "pains": "pain",
    "painful": "pain",
    "hurt": "pain",
    "hurts": "pain",
    "hurting": "pain",
    "ache": "pain",
    "aches": "pain",
    "aching": "pain",
    "achy": "pain",
    "sore": "pain",
    "soreness": "pain",
    # fatigue
    "fatigue": "fatigue",
    "fatigued": "fatigue",
    "tired": "fatigue",
    "tiredness": "fatigue",
    "exhaustion": "fatigue",
    "exhausted": "fatigue",
    "weary": "fatigue",
    # energy: inverse of fatigue
    "energy": "energy",
    # stress
    "stress": "stress",
    "stressed": "stress",
    "stressful": "stress",
    "anxiety": "stress",
    "anxious": "stress",
    # mood
    "mood": "mood",
    "spirits": "mood",
    "mentally": "mood",
    "emotionally": "mood",
    # sleep
    "sleep": "sleep",
    "slept": "sleep",
    "sleeping": "sleep",
    "kip": "sleep",
    "night": "sleep",
    "nights": "sleep",
    # flare (only bounds the stretches of other labels)
    "flare": "flare",
    "flares": "flare",
    "flaring": "flare",
    "flared": "flare",
}

SCALE_FIELDS = ("pain", "fatigue", "stress")

# Adjectives after a label ("fatigue bad", "mood rubbish", "sleep poor",
# "energy low", "stress high"). Values are 0-10 for scales.
FATIGUE_ADJ: dict[str, int] = {
    "through the roof": 8,
    "terrible": 8,
    "awful": 8,
    "severe": 8,
    "horrendous": 8,
    "horrible": 8,
    "really bad": 8,
    "very bad": 8,
    "extreme": 8,
    "dreadful": 8,
    "unbearable": 9,
    "very high": 8,
    "really high": 8,
    "bad": 7,
    "high": 7,
    "heavy": 7,
    "rough": 7,
    "moderate": 5,
    "medium": 5,
    "manageable": 4,
    "mild": 3,
    "low": 3,
    "light": 3,
    "better": 4,
}
ENERGY_ADJ: dict[str, int] = {  # value is the FATIGUE score
    "zero": 8,
    "none": 8,
    "nil": 8,
    "non existent": 8,
    "nonexistent": 8,
    "gone": 8,
    "empty": 8,
    "very low": 7,
    "really low": 7,
    "super low": 7,
    "so low": 7,
    "rock bottom": 8,
    "low": 6,
    "poor": 6,
    "bad": 6,
    "rubbish": 6,
    "not great": 6,
    "not good": 6,
    "lowish": 5,
    "meh": 5,
    "ok": 3,
    "fine": 3,
    "not bad": 3,
    "average": 4,
    "good": 2,
    "great": 2,
    "decent": 2,
    "high": 2,
    "better": 3,
}
STRESS_ADJ: dict[str, int] = {
    "through the roof": 8,
    "off the charts": 8,
    "terrible": 8,
    "awful": 8,
    "very high": 8,
    "really high": 8,
    "massive": 8,
    "extreme": 8,
    "high": 7,
    "bad": 7,
    "really bad": 8,
    "very bad": 8,
    "moderate": 5,
    "medium": 5,
    "low": 2,
    "minimal": 1,
    "none": 0,
    "zero": 0,
}
MOOD_ADJ: dict[str, str] = {
    "not great": "low",
    "not good": "low",
    "not so good": "low",
    "not too good": "low",
    "not the best": "low",
    "could be better": "low",
    "not bad": "ok",
    "not too bad": "ok",
    "could be worse": "ok",
    "good": "good",
    "great": "good",
    "happy": "good",
    "positive": "good",
    "better": "ok",
    "cheerful": "good",
    "upbeat": "good",
    "high": "good",
    "fab": "good",
    "brilliant": "good",
    "excellent": "good",
    "lovely": "good",
    "decent": "good",
    "pretty good": "good",
    "really good": "good",
    "ok": "ok",
    "fine": "ok",
    "meh": "ok",
    "so so": "ok",
    "average": "ok",
    "neutral": "ok",
    "stable": "ok",
    "steady": "ok",
    "mixed": "ok",
    "up and down": "ok",
    "middling": "ok",
    "fair": "ok",
    "low": "low",
    "down": "low",
    "bad": "low",
    "rubbish": "low",
    "awful": "low",
    "terrible": "low",
    "poor": "low",
    "crap": "low",
    "shit": "low",
    "flat": "low",
    "sad": "low",
    "grim": "low",
    "horrible": "low",
    "miserable": "low",
    "depressed": "low",
    "dark": "low",
    "lousy": "low",
    "pants": "low",
    "blah": "ok",
}
SLEEP_ADJ: dict[str, str] = {
    "not great": "poor",
    "not good": "poor",
    "not well": "poor",
    "not too bad": "ok",
    "not bad": "ok",
    "well": "good",
    "good": "good",
    "great": "good",
    "brilliant": "good",
    "amazing": "good",
    "lovely": "good",
    "solid": "good",
    "soundly": "good",
    "sound": "good",
    "deep": "good",
    "decent": "good",
    "really well": "good",
    "like a log": "good",
    "like a baby": "good",
    "excellent": "good",
    "through": "good",
    "right through": "good",
    "restful": "good",
    "ok": "ok",
    "fine": "ok",
    "average": "ok",
    "so so": "ok",
    "meh": "ok",
    "reasonably": "ok",
    "reasonable": "ok",
    "fair": "ok",
    "patchy": "poor",
    "badly": "poor",
    "bad": "poor",
    "poor": "poor",
    "poorly": "poor",
    "terrible": "poor",
    "terribly": "poor",
    "awful": "poor",
    "awfully": "poor",
    "rubbish": "poor",
    "crap": "poor",
    "crappy": "poor",
    "shit": "poor",
    "horrible": "poor",
    "horribly": "poor",
    "restless": "poor",
    "broken": "poor",
    "disturbed": "poor",
    "rough": "poor",
    "lousy": "poor",
    "dreadful": "poor",
    "shocking": "poor",
    "fitful": "poor",
    "little": "poor",
    "interrupted": "poor",
    "light": "poor",
}

# --------------------------------------------------------------------------
# Activities: phrase (token sequence) -> normalised kind. Longest match wins.
# --------------------------------------------------------------------------
ACTIVITY_PHRASES: dict[str, str] = {
    # walking
    "walk": "walking",
    "walks": "walking",
    "walked": "walking",
    "walking": "walking",
    "stroll": "walking",
    "strolled": "walking",
    "strolling": "walking",
    "dog walk": "walking",
    "hike": "walking",
    "hiked": "walking",
    "hiking": "walking",
    "ramble": "walking",
    "wander": "walking",
    "wandered": "walking",
    "took the dog out": "walking",
    "walkies": "walking",
    "dog out": "walking",
    # stretching
    "stretch": "stretching",
    "stretches": "stretching",
    "stretched": "stretching",
    "stretching": "stretching",
    # swimming
    "swim": "swimming",
    "swims": "swimming",
    "swam": "swimming",
    "swimming": "swimming",
    "pool": "swimming",
    # hydrotherapy
    "hydro": "hydrotherapy",
    "hydrotherapy": "hydrotherapy",
    "aqua aerobics": "hydrotherapy",
    "aquafit": "hydrotherapy",
    "water aerobics": "hydrotherapy",
    "aqua": "hydrotherapy",
    # cycling
    "cycle": "cycling",
    "cycled": "cycling",
    "cycling": "cycling",
    "bike": "cycling",
    "biked": "cycling",
    "biking": "cycling",
    "bike ride": "cycling",
    "exercise bike": "cycling",
    "spin": "cycling",
    "bicycle": "cycling",
    # mind-body
    "yoga": "yoga",
    "tai chi": "tai chi",
    "qigong": "qigong",
    "qi gong": "qigong",
    "pilates": "pilates",
    # housework
    "housework": "housework",
    "house work": "housework",
    "chores": "housework",
    "cleaning": "housework",
    "cleaned": "housework",
    "hoover": "housework",
    "hoovered": "housework",
    "hoovering": "housework",
    "vacuum": "housework",
    "vacuumed": "housework",
    "vacuuming": "housework",
    "tidying": "housework",
    "tidied": "housework",
    "tidy up": "housework",
    "dusting": "housework",
    "dusted": "housework",
    "mopping": "housework",
    "mopped": "housework",
    "laundry": "housework",
    "ironing": "housework",
    "ironed": "housework",
    "washing up": "housework",
    "dishes": "housework",
    "hanging washing": "housework",
    "changed the bed": "housework",
    "changing the bed": "housework",
    "changed the sheets": "housework",
    # gardening
    "gardening": "gardening",
    "garden": "gardening",
    "gardened": "gardening",
    "weeding": "gardening",
    "weeded": "gardening",
    "mowing": "gardening",
    "mowed": "gardening",
    "mowed the lawn": "gardening",
    "pruning": "gardening",
    "planting": "gardening",
    "allotment": "gardening",
    # physio
    "physio": "physio exercises",
    "physio exercises": "physio exercises",
    "exercises": "physio exercises",
    "pt": "physio exercises",
    "rehab": "physio exercises",
    "home exercises": "physio exercises",
    "strengthening": "physio exercises",
    "physio routine": "physio exercises",
    # relaxation
    "meditation": "meditation",
    "meditated": "meditation",
    "meditating": "meditation",
    "mindfulness": "meditation",
    "breathing exercises": "meditation",
    "body scan": "meditation",
    "relaxation": "meditation",
    # other named kinds
    "cooking": "cooking",
    "cooked": "cooking",
    "baking": "cooking",
    "baked": "cooking",
    "made dinner": "cooking",
    "made lunch": "cooking",
    "meal prep": "cooking",
    "shopping": "shopping",
    "supermarket": "shopping",
    "food shop": "shopping",
    "grocery shop": "shopping",
    "groceries": "shopping",
    "big shop": "shopping",
    "gym": "gym",
    "weights": "gym",
    "workout": "gym",
    "work out": "gym",
    "worked out": "gym",
    "dancing": "dancing",
    "danced": "dancing",
    "dance": "dancing",
    "worked": "work",
    "working": "work",
    "desk work": "work",
    "exercise": "other",
    "exercised": "other",
    "exercising": "other",
    "on my feet": "other",
    "out and about": "other",
    "errands": "other",
    "played": "other",
    "playing": "other",
}

# Verbs that make a duration without a named activity count as "other".
ACTIVITY_VERBS = frozenset(
    {
        "did",
        "done",
        "do",
        "spent",
        "went",
        "been",
        "active",
        "managed",
        "busy",
        "moving",
        "movement",
        "out",
    }
)

# Words before an activity that negate it ("no walk", "didnt stretch").
NEGATORS = frozenset(
    {
        "no",
        "not",
        "didnt",
        "couldnt",
        "cant",
        "cannot",
        "wont",
        "havent",
        "hadnt",
        "never",
        "skipped",
        "skip",
        "missed",
        "without",
        "dont",
        "wasnt",
        "nothing",
        "zero",
        "0",
    }
)

# A message that explicitly says no activity at all -> Activity("none", 0).
NONE_ACTIVITY_PATTERNS = (
    r"\bdid nothing\b",
    r"\bdone nothing\b",
    r"\b(didnt|did not|havent|have not|couldnt|could not|cant|cannot|wasnt able to|not able to) (do|done|manage|managed) (anything|a thing|any)\b",
    r"\bnot done anything\b",
    r"\bnothing (today|at all|really|much today)\b",
    r"\bno (activity|activities|exercise|exercising|movement|moving|exercises)\b",
    r"\b(rested|resting|rest) all day\b",
    r"\brest day\b",
    r"\bresting today\b",
    r"^\W*(rested|resting|just rested|rest|just rest|just resting)( today| all day| mostly)?\W*$",
    r"\bstayed in bed\b",
    r"\b(in|on|stuck in) (bed|the sofa|the couch|sofa|couch) (all|most of the|the whole|the entire) day\b",
    r"\b(bed|sofa|couch) (all day|day)\b",
    r"\bbed ?bound\b",
    r"\bzero activity\b",
    r"\bdidnt move\b",
    r"\bnot moved\b",
    r"\bhavent moved\b",
    r"^\W*(nothing|none|nada|nil|zilch|zero)\W*$",
)

# --------------------------------------------------------------------------
# Fatigue / stress / pain / mood / sleep descriptions anywhere in a message.
# Ordered: the FIRST pattern that matches anywhere wins (most specific first).
# --------------------------------------------------------------------------
_EXH = r"(exhausted|wiped out|wiped|shattered|knackered|drained|worn out|wrecked|done in|burnt out|burned out|zonked|pooped|running on empty|dead on my feet|running on fumes|like a zombie)"
FATIGUE_PATTERNS: tuple[tuple[str, int], ...] = (
    (r"\bno (fatigue|tiredness)\b", 0),
    (r"\b(lots of|full of|plenty of|bags of|loads of) energy\b|\benergetic\b", 1),
    (r"\bnot (very |too |that |so |overly |especially |really |as |super )?(tired|fatigued|exhausted|weary)\b", 2),
    (r"\b(good|great|decent|better|more|high) energy\b", 2),
    (r"\b(no|zero) energy\b", 8),
    (r"\b(very|really|super|so|extremely) low energy\b", 7),
    (r"\b(low|little|poor|not much|hardly any) energy\b", 6),
    (r"\b(completely|totally|utterly|absolutely|beyond|so so|extremely|incredibly) " + _EXH, 9),
    (r"\b" + _EXH + r"\b", 8),
    (
        r"\b(extremely|incredibly|insanely|ridiculously|unbelievably|seriously|horribly|terribly|dead) (tired|fatigued)\b",
        8,
    ),
    (r"\b(very|really|super|so|soo+|proper|rly|v|too|properly) (tired|fatigued|sleepy|weary)\b", 7),
    (
        r"\b(a (little )?bit|bit|little|a little|slightly|somewhat|mildly|kinda|kind of|sort of|a tad|abit) (tired|fatigued|sleepy|weary)\b|\btired ?ish\b",
        4,
    ),
    (r"\b(pretty|quite|fairly|rather) (tired|fatigued)\b", 6),
    (r"\b(tired|fatigued|weary)\b(?! of)", 6),
)
STRESS_PATTERNS: tuple[tuple[str, int], ...] = (
    (r"\b(no stress|stress ?free|zero stress)\b", 0),
    (r"\bnot (very |too |that |so |really )?(stressed|anxious)\b", 2),
    (r"\b(calm|relaxed|chilled)\b", 2),
    (r"\bstress (is |was |levels? )?(through the roof|off the charts)\b", 8),
    (r"\b(very|really|so|super|extremely|incredibly|massively) (stressed|anxious)\b|\bstressed out\b", 7),
    (r"\b(a (little )?bit|bit|little|a little|slightly|somewhat|mildly|kinda|kind of) (stressed|anxious)\b", 4),
    (r"\b(stressed|anxious|stressful day|stressful|anxiety)\b", 6),
)
PAIN_ZERO_PATTERNS = (
    r"\bno pain\b",
    r"\bpain ?free\b",
    r"\bzero pain\b",
    r"\bpain (is )?gone\b",
    r"\bnot in (any )?pain\b",
)

MOOD_PATTERNS: tuple[tuple[str, str], ...] = (
    (r"\bnot (depressed|sad|down|low)\b", ""),  # negated: say nothing
    (r"\b(good|great|positive|happy|cheerful) mood\b|\bin good spirits\b|\bgood spirits\b|\bhigh spirits\b", "good"),
    (r"\b(low|bad|foul|awful|terrible|rubbish|crap|grumpy|shit|lousy|dark) (mood|spirits)\b|\bin low spirits\b", "low"),
    (r"\b(ok|okay|alright|average|so so|meh) mood\b", "ok"),
    (
        r"\b(feel|feeling|felt|feels|im|i am|am|bit|a bit|quite|very|really|pretty|so|rather|little|a little|kinda|kind of|abit|getting|bit of a) (down|low|flat|blue|rubbish emotionally|weepy)\b",
        "low",
    ),
    (
        r"\b(depressed|depressing|sad|teary|tearful|weepy|miserable|fed up|hopeless|gloomy|crying|cried|upset|frustrated|irritable|grumpy|cranky|lonely|overwhelmed|despair|despondent|low mood)\b",
        "low",
    ),
    (r"\b(happy|cheerful|positive|upbeat|optimistic|chirpy|hopeful|content|uplifted|in a good place)\b", "good"),
    (r"\bfeeling (good|great|fab|brilliant|amazing|fantastic|positive|well)\b", "good"),
    (r"\bfeeling (ok|fine|not bad|so so|meh|average)\b", "ok"),
)

# Sleep quality phrases anywhere. Ordered: negated forms first.
SLEEP_QUALITY_PATTERNS: tuple[tuple[str, str], ...] = (
    (
        r"\b(didnt|did not|couldnt|could not|cant|cannot|wasnt able to|not able to) (really |properly |get to |)?(sleep|get to sleep|fall asleep|stay asleep)\b",
        "poor",
    ),
    (r"\bsleep (was |is )?(not|wasnt|isnt) (great|good|good at all|brilliant|the best)\b", "poor"),
    (r"\bnot (a |the )?(great|good|brilliant) (night|sleep|nights sleep)\b", "poor"),
    (r"\bnot (much|a lot of|enough|nearly enough) (sleep|kip)\b", "poor"),
    (r"\b(barely|hardly|scarcely) (slept|any sleep|sleep)\b|\b(barely|hardly) (got any|had any) sleep\b", "poor"),
    (
        r"\b(no|zero|little|very little|hardly any|barely any) sleep\b|\bhavent slept\b|\bnot slept\b|\bsleepless\b|\binsomnia\b",
        "poor",
    ),
    (
        r"\b(kept|keep|keeps|kept on) (waking|wakeing|getting up)\b|\b(woke|waking|woken|wake) (up )?(loads|lots|a lot|often|constantly|every hour|all night|several times|multiple times|frequently|repeatedly|so much|\d+ times)\b",
        "poor",
    ),
    (r"\btoss(ed|ing) and turn(ed|ing)\b|\bup (all|most of the) night\b|\bawake (all|most of the) night\b", "poor"),
    (
        r"\b(bad|poor|awful|terrible|rough|horrible|rubbish|crap|crappy|shit|restless|broken|disturbed|interrupted|fitful|shocking|dreadful|lousy|sleepless|long|hard|patchy|shallow|light) (night|sleep|nights sleep|nights|kip)\b",
        "poor",
    ),
    (
        r"\bslept (so |really |very |pretty |quite )?(badly|bad|poorly|terribly|awfully|rubbish|horribly|awful|terrible|crap|shit|lousy|fitfully|restlessly|not great|not well)\b",
        "poor",
    ),
    (
        r"\b(ok|okay|average|so so|alright|not bad|not too bad|reasonable|fair|decentish|meh) (night|sleep|nights sleep|nights)\b",
        "ok",
    ),
    (r"\bslept (ok|okay|alright|fine|so so|not bad|not too bad|reasonably|average|a bit|on and off|meh)\b", "ok"),
    (
        r"\b(good|great|decent|solid|restful|lovely|sound|full|amazing|brilliant|proper|deep|fab|fantastic|excellent|better) (night|sleep|nights sleep|nights|kip)\b",
        "good",
    ),
    (
        r"\bslept (so |really |very |pretty |quite )?(well|good|great|brilliantly|soundly|like a log|like a baby|through|right through|solidly|amazingly|deeply)\b",
        "good",
    ),
)
# "No sleep at all" -> 0 hours (unless hours are given).
SLEEP_ZERO_PATTERNS = (
    r"\b(no|zero) sleep( at all| whatsoever)?\b",
    r"\bhavent slept\b",
    r"\bhave not slept\b",
    r"\bnot slept( at all)?\b",
    r"\b(didnt|did not|couldnt|could not) sleep at all\b",
    r"\b(didnt|did not|couldnt|could not) sleep\b(?! ?(well|much|great|good|properly|long|enough|that|very|too|brilliantly|till|until|past|before|after|for|in|through))",
    r"\b(didnt|did not) get any sleep\b",
    r"\bup all night\b",
    r"\bawake all night\b",
)

FLARE_NEGATIVE = (
    r"\b(no|not|isnt|wasnt|without|never|zero|not in|not in a|no sign of a?|no sign of|out of|out of the|out of my|over the|over my|free of|not having a|not had a|no more) ?(fibro )?(flare|flares|flaring|flared)\b",
    r"\b(flare|flares) ?free\b",
    r"\b(since|after) (my|the|our) (last|previous|latest) (fibro )?(flare|flare up)\b",
    r"\b(flare|flares)( is| has| has now| seems)? (over|gone|passed|settled|finished|ended|done)\b",
)
FLARE_POSITIVE = r"\b(flare|flares|flaring|flared)\b"

# "yesterday" that does NOT move the log ("better than yesterday")
YESTERDAY_EXCLUDE = r"\byesterday (was|were|felt|is) (worse|better|harder|easier|bad|good|awful|rough|the same)\b|\b(than|as|like|since|from|compared to|compared with|vs|versus|after|unlike|to)( the)? yesterday\b|\byesterdays (walk|swim|activity|exercise|efforts?|session|class|physio|gardening|housework)\b"

# --------------------------------------------------------------------------
# Short step-by-step answers
# --------------------------------------------------------------------------
SKIP_PATTERNS = (
    r"\bskip\b",
    r"\bpass\b",
    r"\bdont know\b",
    r"\bdo not know\b",
    r"\bnot sure\b",
    r"\bunsure\b",
    r"^\W*next\b",
    r"\bnext (one|question|q)\b",
    r"\bno idea\b",
    r"\bno clue\b",
    r"\bnot a clue\b",
    r"\brather not( say| answer)?\b",
    r"\bprefer not\b",
    r"\bpreferably not\b",
    r"\b(cant|can not|cannot|dont) (remember|recall|say|tell)\b",
    r"\bforgot\b",
    r"\bforget (it|that one|this one)\b",
    r"\bno comment\b",
    r"\bnot telling\b",
    r"\bmove on\b",
    r"\bleave (that|this) (one|blank)\b",
    r"\bleave it blank\b",
    r"\bblank\b",
    r"\bhard to say\b",
    r"\bcant answer\b",
    r"^\W*\?+\W*$",
    r"^\W*(na|n a|n/a)\W*$",
    r"\bwho knows\b",
    r"\bno answer\b",
)
STOP_PATTERNS = (
    r"^\W*(please )?(stop|cancel|quit|exit|end|enough|finish|finished|halt|abort|bye|goodbye|ttyl|later|laters)(\W+(please|now|it|this|thanks|thank you|for now|for today))*\W*$",
    r"\b(stop|cancel|quit|exit|end|abort) (this|it|the check ?in|the log|checking in|now|please|for now|for today|here|asking|the questions|questions)\b",
    r"^\W*(can|could) (we|i) (stop|finish|end|quit|leave it|pause|do (this|it|the rest) later|carry on later|continue later)\b",
    r"\b(lets|let us|lets just|we can|i want to|i wanna|i need to|i have to|i need to) (stop|finish|end|quit|leave it|call it a day|pause)\b",
    r"\bnot now\b",
    r"\bdone for (now|today|the day)\b",
    r"\b(thats|that is|that will do|thats all|that|this is) (enough|all for now|all for today)\b",
    r"\benough for (now|today|the day)\b",
    r"\b(im|i am) done\b",
    r"\bcall it a day\b",
    r"\b(maybe|ask me|do it|do this|finish|finish it|finish this|continue|carry on|the rest|talk|speak|catch you) later\b",
    r"\blater (please|thanks|thank you|ok)\b",
    r"\banother time\b",
    r"\bno more( questions)?\b",
    r"\bleave it( there| for now| for today)?\W*$",
    r"\b(too tired|too foggy|too sore|cant|can not) (for|to do) (this|it|questions|more)\b",
    r"\bcant do (this|any more|anymore|more) (now|today|right now)\b",
    r"\bnot today\W*$",
    r"\bthats it( for (now|today))?\W*$",
    r"\bgot to go\b",
    r"\bgotta go\b",
    r"\bhave to go\b",
)

YES_PATTERNS = (
    r"^\W*(yes|yeah|yep|yup|yeh|y|ye|yea|aye|sure|definitely|absolutely|certainly|correct|affirmative|of course|indeed|totally|100%?)\b",
    r"^\W*(i am|im|it is|its|i do|i did|i think so|afraid so|i guess so|i suppose so|think so|sadly|unfortunately|yes sadly)\b",
    r"\b(a (little )?bit|bit|little|a little|slightly|kind of|sort of|kinda|sorta|mildly|somewhat|a touch|minor|small one|mild|starting|beginning|i think)\b",
    r"\b(flaring|flare|bad one|big one|in a flare)\b",
)
NO_PATTERNS = (
    r"^\W*(no|nope|nah|na|n|nay|never|negative|none|not at all|not really|not today|no flare|not flaring|not this time|dont think so|i dont think so|thankfully not|luckily not|happily not|fortunately not)\b",
    r"\b(not at all|not really|no flare|not flaring|flare ?free|dont think so|thankfully not|luckily not)\b",
)

CORRECTION_PATTERNS = (
    r"\bactually\b",
    r"\bsorry\b",
    r"\bi meant\b",
    r"\bmeant\b",
    r"\bi mean\b",
    r"\bwait\b",
    r"\bmake (that|it)\b",
    r"\bchange (that|it|this)\b",
    r"\bcorrection\b",
    r"\bscratch that\b",
    r"\boops\b",
    r"\bwhoops\b",
    r"\btypo\b",
    r"\bshould (be|have been|say|have said|read)\b",
    r"\binstead\b",
    r"\bmy (bad|mistake)\b",
    r"\bupdate (that|it)\b",
    r"\bnot \d+(\.\d+)?\b",
    r"\bwrong\b",
    r"\bmistake\b",
    r"\bfix (that|it)\b",
    r"\bedit\b",
    r"\bcorrect (that|it)\b",
    r"\bit (was|is) \d+(\.\d+)? not\b",
    r"^\W*no\W+(its |it was |it is |i meant |more like |)\d",
    r"\bmore like\b",
    r"\bhang on\b",
    r"\bhold on\b",
)
