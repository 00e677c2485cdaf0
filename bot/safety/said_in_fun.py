"""Signs that a message talks of death or violence in fun: a laugh, harm wished on someone or something else, or
one of the everyday idioms of dying and killing.

These never decide anything alone. When only the learned layer reads a crisis, such a sign asks it to be surer
(bot.safety.understand); the rules still catch a crisis said with a laugh or beside an idiom.
"""

from __future__ import annotations

import re

from bot.safety.textmatch import normalise

LAUGHING = re.compile(
    "[\U0001f602\U0001f923\U0001f606\U0001f639\U0001f643\U0001f60e\U0001f605\U0001f480\u2620]"
    "|\\b(?:lol+|lmf?ao+|haha\\w*|jk|rofl|hehe\\w*|dead+ass|crying laughing)\\b",
    re.IGNORECASE,
)

# violence or death wished on someone or something else, in fun ("her mother's going to kill her", "I will end
# her", "the kids will be the death of me", "heart near stopped at the second goal", "Emmerdale killed off another")
AT_SOMEONE_ELSE = re.compile(
    r"\b(?:kill|killing|murder|murdering|strangle|throttle|shoot|shooting|swing for|wring)\s+"
    r"(?:her|him|them|you|whoever|"
    r"(?:the|his|that)\s+(?!pain\b|suffering\b)\w+|my\s+(?!self\b|life\b|own\b|elf\b)\w+)\b|"
    r"\b(?:end|ending)\s+(?:her|him|them)\b|"
    r"\b(?:be|been|is|'s|are)\s+the\s+death\s+of\s+(?:me|her|him|us|them)\b|"
    r"\b(?:killed|kills|killing)\s+off\b|"
    r"\bheart\s+(?:\w+\s+)?(?:stopped|nearly stopped|near stopped|skipped)\s+(?:at|when|during)\b|"
    r"\b(?:ticker|heart)\s+(?:would|nearly|almost)\s+(?:give|gave)\s+out\b|"
    r"\b(?:should|ought to|wants? to|needs? to)\s+be\s+(?:shot|hanged|strung up|locked up|taken out|sacked)\b",
    re.IGNORECASE,
)

# the everyday idioms of dying, killing and war: exhaustion, laughter, weather, sport, family rows
EVERYDAY_IDIOM = re.compile(
    r"\b(?:finish\w*|polish\w*)\s+(?:me|us|him|her|them)\s+off\b|"
    r"\b(?:i'?m|i am|im|me)\s+(?:a\s+)?goner\b|"
    r"\b(?:i'?m|i am|im)\s+(?:literally\s+|actually\s+|officially\s+|so\s+|just\s+)?(?:dead|deceased|ded|deaded)\b"
    r"(?!\s+inside)"
    r"(?=\s*(?:$|[.,!?;]|\U0001f480|\U0001f602|lol|from|at|after|of|haha))|"
    r"\b(?:take|taking|took)\s+(?:me|us)\s+out\b|"
    r"\bbone\s+to\s+pick\b|\bif\s+looks\s+could\s+kill\b|"
    r"\b(?:there\s+will\s+be|there'?ll\s+be)\s+(?:blood|murders?|war|trouble)\b|"
    r"\bheads?\s+(?:will|are going to|gonna)\s+roll\b|"
    r"\bknives\s+(?:are\s+)?out\b|\b(?:gone|went|go|going|declared|declaring)\s+(?:to\s+)?war\b|"
    r"\bworld\s+war\s+(?:three|3|iii)\b|"
    r"\b(?:fright|scare|shock)\s+of\s+(?:my|me|her|his)\s+life\b|"
    r"\bto\s+die\s+for\b|\bdying\s+(?:to|for)\s+(?:a|an|some|the|my|get|see|try|know|hear|go)\b|"
    r"\bdead\s+(?:on\s+(?:my|me|our)\s+feet|tired|beat|easy|good|chuffed|proud|funny|jealous|excited|keen|lucky)\b|"
    r"\b(?:bored|scared|worried|frozen|freezing|stuffed|sick|worked|cleaned|tickled|loved)\s+(?:\w+\s+)?to\s+death\b|"
    r"\b(?:nearly|almost|near|practically)\s+(?:died|dead|killed me|had a heart attack|gave me a heart attack|"
    r"had kittens)\b|"
    r"\b(?:gave|give|giving|gives)\s+me\s+a\s+heart\s+attack\b|"
    r"\b(?:i'?m|i am|im|i feel|feeling|totally|absolutely|completely|utterly)\s+(?:\w+\s+)?"
    r"(?:destroyed|wrecked|shattered|"
    r"knackered|banjaxed|bolloxed|cream crackered|broken|in bits|kaput|done in|spent|cooked|fried)\b|"
    r"\b(?:kill|killing|kills|killed)\s+(?:it|mi|meh|me\s+softly|me\s+slowly|two birds)\b|"
    r"\bkilled\s+myself\s+(?:laughing|\w+ing)\b|"
    r"\b(?:murder|murders|murderous|bloody murder)\b"
    r"(?=[^.!?]{0,30}\b(?:weather|traffic|day|rain|wind|queue|on my|the day|out there)\b)|"
    r"\b(?:biblical|apocalyptic|apocalypse|end of the world|armageddon|hell on earth)\b|"
    r"\bover\s+my\s+dead\s+body\b|\b(?:rip|r\.i\.p\.?|rest in peace)\s+(?:to\s+)?(?:my|me|the|our)\s+\w+|"
    r"\bghost(?:s|ed|ing|ly)?\b|\bhaunt\w*\b|"
    r"\b(?:living|live|lives)\s+on\s+borrowed\s+time\b|\b(?:one|a)\s+foot\s+in\s+the\s+grave\b|"
    r"\bturn(?:ing|ed)?\s+in\s+(?:her|his|their)\s+grave\b|\b(?:death\s+stare|death\s+trap|death\s+wish\s+of\s+a)\b|"
    r"\bcould\s+have\s+killed\s+(?:him|her|them|you)\b|"
    r"\bwill\s+(?:be\s+)?(?:the\s+)?end\s+of\s+(?:him|her|them|the\s+\w+)\b",
    re.IGNORECASE,
)


# a death that is someone else's or an animal's: grief, a funeral, a pet put to sleep
ANOTHER_DEATH = re.compile(
    r"\b(?:was|were|had to be|had to have|got|is being|been|having)\s+(?:\w+\s+){0,3}put\s+(?:to\s+sleep|down)\b|"
    r"\bput\s+(?:her|him|them|our\s+\w+|my\s+\w+)\s+(?:to\s+sleep|down)\b(?!\s+(?:for a nap|for the night|in|on))|"
    r"\b(?:funeral|janazah|memorial|cremation|burial|hospice|passed away|passed on|lost (?:my|our) (?:mum|dad|mam|"
    r"cat|dog|horse|husband|wife|nan|gran|friend|pal|brother|sister))\b",
    re.IGNORECASE,
)


def said_in_fun(text: str, plain: str | None = None) -> bool:
    """plain: the text already through bot.safety.textmatch.normalise (curly apostrophes, common typos), when the
    caller has it; the laugh is looked for in the raw text, where the emoji still are."""
    plain = normalise(text) if plain is None else plain
    return bool(
        LAUGHING.search(text)
        or AT_SOMEONE_ELSE.search(plain)
        or EVERYDAY_IDIOM.search(plain)
        or ANOTHER_DEATH.search(plain)
    )
