"""Text normalisation and negation-aware pattern matching for the safety core.

Pure standard library. Used by ``bot.safety.screen``, ``bot.safety.redflags``
and ``bot.triage``.

normalise(text)
    lower-case, unify quotes and dashes, expand chat spellings ("dont",
    "wanna", "im", "thinkin bout"), fix common typos of the words the rules
    look for ("dizy", "swolen", "sucidal", "tierd"...), collapse letters
    repeated three or more times ("sooo dizzzy" -> "soo dizzy") and split the
    "'s" clitic off a word ("chest's" -> "chest 's").  UK/US spelling
    differences are handled in the patterns themselves (colou?r, an(a)esthesia,
    wee/pee, bum/butt...).

Negation (``is_negated``)
    A match is negated when a negation cue (no, not, never, without, none,
    nor, isn't, don't, didn't, haven't, wasn't, ...) appears among the
    ``NEG_WINDOW`` words before it, inside the same clause.  A clause ends at
    punctuation (, . ; : ! ? ( ) and dashes) and at the words but, just,
    though, although, however, except, yet, and, while, whereas, only,
    instead, still, then, so, because, cos, plus, also.  Hedges are not
    negations: "not sure", "don't know", "don't think", "not just", "no idea",
    "not only", "can't tell" keep the match (cautious).  A cue after the term
    separated by ":", "?" or a dash ("chest pain: none", "dizzy? no") and a
    "-free" suffix ("pain-free") also negate.

Gaps inside a pattern use ``gap(n)``: up to n words that are not themselves a
negation, so "my chest isn't hurting" does not match "chest ... hurting".
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator

NEG_WINDOW = 4

_QUOTES = {
    "\u2018": "'",
    "\u2019": "'",
    "\u201b": "'",
    "\u2032": "'",
    "`": "'",
    "\u00b4": "'",
    "\u201c": '"',
    "\u201d": '"',
    "\u201e": '"',
    "\u2013": " - ",
    "\u2014": " - ",
    "\u2012": " - ",
    "\u2212": "-",
    "\u00a0": " ",
    "\u2026": "...",
}

# Whole-word replacements (applied after lower-casing).  Keys are regexes.
_WORD_FIXES: tuple[tuple[str, str], ...] = (
    # chat contractions without apostrophes
    (r"dont", "don't"),
    (r"doesnt", "doesn't"),
    (r"didnt", "didn't"),
    (r"isnt", "isn't"),
    (r"wasnt", "wasn't"),
    (r"arent", "aren't"),
    (r"werent", "weren't"),
    (r"havent", "haven't"),
    (r"hasnt", "hasn't"),
    (r"hadnt", "hadn't"),
    (r"cant", "can't"),
    (r"couldnt", "couldn't"),
    (r"wouldnt", "wouldn't"),
    (r"shouldnt", "shouldn't"),
    (r"wont", "won't"),
    (r"aint", "ain't"),
    # Scots negatives
    (r"cannae|cannie|canna", "can't"),
    (r"didnae|didna", "didn't"),
    (r"dinnae|dinna|dinny", "don't"),
    (r"doesnae|disnae", "doesn't"),
    (r"wouldnae|wouldna", "wouldn't"),
    (r"couldnae|couldna", "couldn't"),
    (r"shouldnae", "shouldn't"),
    (r"isnae|isna", "isn't"),
    (r"wasnae|wasna", "wasn't"),
    (r"willnae|winnae|wullnae", "won't"),
    (r"havenae|huvnae|havnae", "haven't"),
    (r"arenae", "aren't"),
    (r"cannot", "can't"),
    (r"can not", "can't"),
    (r"im", "i'm"),
    (r"ive", "i've"),
    (r"ill(?= (?:be|go|try|just|never|kill|end|do))", "i'll"),
    (r"id(?= (?:be|rather|love|like|kill|just|never))", "i'd"),
    (r"youre", "you're"),
    (r"theyre", "they're"),
    (r"theyd", "they'd"),
    (r"thats", "that's"),
    (r"whats", "what's"),
    (r"its(?= (?:been|not|getting|so|a|the|just|really|like|all|very|too|still|worse|better|easing))", "it's"),
    (r"wanna", "want to"),
    (r"wnt|wana|wamt|whant", "want"),
    (
        r"2(?= (?:die|kill|end|live|be dead|disappear|not wake|hurt|cut|od|overdose|jump|hang|go to sleep forever))",
        "to",
    ),
    (r"ded(?= (?:by|soon|before|tonight|tomorrow))", "dead"),
    (r"gonna", "going to"),
    (r"gotta", "got to"),
    (r"tryna", "trying to"),
    (r"kinda", "kind of"),
    (r"bout", "about"),
    (r"abt", "about"),
    (r"tho", "though"),
    (r"cuz|coz", "because"),
    (r"u", "you"),
    (r"ur", "your"),
    (r"pls|plz", "please"),
    (r"rn", "right now"),
    (r"b/c", "because"),
    (r"w/o", "without"),
    (r"w/", "with"),
    (r"tbh|tbf|ngl|honestly|literally", ""),
    # g-dropping on verbs the rules care about
    (r"(think|feel|go|try|hav|kill|cutt|hurt|end|gett|do|tak|walk|los|start|plann|hop|wish|sav|los)in", r"\1ing"),
    # and on the words of a body in trouble ("heart's racin", "breathin hard", "throbbin")
    (
        r"(rac|breath|bleed|cough|throb|shak|sweat|spinn|burn|ach|limp|pound|tingl|crush|squeez|stabb|faint|collaps|"
        r"vomit|puk|dragg|tear|ripp|lock|buckl|giv|wheez|gasp|choak|chok)in",
        r"\1ing",
    ),
    # suicide / self-harm spellings
    (r"su+i?c+i+d(?:a|e|i)?l+e?|sucid(?:i)?al|suicidial|suicdal|suisidal|suacidal|sewerslide", "suicidal"),
    (r"su+i?c+i+de|suicde|suiside|sucicide|suacide|sucide|suicid|sewer slide", "suicide"),
    (r"kil", "kill"),
    (r"kiled|killled", "killed"),
    (r"my ?sel(?:f|v)e?|myslef|mysef|myselve|meself|mysefl|myslf|masel|mysel|mahsel|masell", "myself"),
    (r"killmyself", "kill myself"),
    (r"hurtmyself", "hurt myself"),
    (r"self ?harm(ing|ed)?", r"self-harm\1"),
    (r"overdoze|overdos|over dose", "overdose"),
    # symptoms
    (r"dizz?(?:y|ey|ie|i)|dissy|dizy", "dizzy"),
    (r"dizz?(?:y|i)?n+es+", "dizziness"),
    (r"light[- ]?head(?:ed)?|lightheded|lighthead", "lightheaded"),
    (r"feinted|fainterd|fainded|faintd", "fainted"),
    (r"feint(?= (?:and|during|on|at|in|after))", "faint"),
    (r"pased|past(?= out)", "passed"),
    (r"colapsed|collasped|colapssed", "collapsed"),
    (r"unconcious|unconsious", "unconscious"),
    (r"breathles|brethless|breathlesss", "breathless"),
    (r"breth|breat", "breath"),
    (r"swolen|swollon|swolle|swollen", "swollen"),
    (r"sweling|swellin|swellng", "swelling"),
    (r"numbnes|numbess|numness|numbnesss", "numbness"),
    (r"stabing", "stabbing"),
    (r"shootin", "shooting"),
    (r"tierd|tird|tyred|tiered", "tired"),
    (r"mus+c?(?:el|sel)|musle|mucle|mussle", "muscle"),
    (r"mus+c?(?:els|sels|sles)|mussels|mucles|musles|muscels|mussles", "muscles"),
    (r"calfs", "calves"),
    (r"soar|sorre", "sore"),
    (r"achey|akey|achie", "achy"),
    (r"acheing|aking", "aching"),
    (r"ankel", "ankle"),
    (r"sholder|shoudler", "shoulder"),
    (r"chesst|chset|chets", "chest"),
    (r"pian|pani", "pain"),
    (r"presure|pressur", "pressure"),
    (r"tightnes", "tightness"),
    (r"hurst", "hurts"),
    (r"numm", "numb"),
    (r"yesterdays", "yesterday 's"),
    (r"todays", "today 's"),
    (r"yesterdays", "yesterday 's"),
    (r"todays", "today 's"),
    (r"urin", "urine"),
    (r"wee+", "wee"),
    (r"slured|slurd", "slurred"),
    (r"slurrin", "slurring"),
    (r"droopin|droppy", "drooping"),
    # medicines
    (r"paracet(?:e|o)mol", "paracetamol"),
    (r"pregablin|pregabaline|pregabolin", "pregabalin"),
    (r"gabapentine|gabapenton|gabapenitn", "gabapentin"),
    (r"duloxetene|duloxitine|duloxatine", "duloxetine"),
    (r"tramadal|tramidol|tramodol", "tramadol"),
    (r"amitr(?:y|i)pt(?:i|y)l(?:i|y)ne?|amitriptaline|amitryptaline|amytriptyline", "amitriptyline"),
)

_FIX_RX = [(re.compile(r"(?<![\w'])(?:" + k + r")(?![\w'])"), v) for k, v in _WORD_FIXES]

_REPEAT_RX = re.compile(r"([a-z])\1{2,}")
_CLITIC_RX = re.compile(r"([a-z])'s\b")
_SPACE_RX = re.compile(r"[ \t]+")


def normalise(text: str) -> str:
    """Return a lower-cased, spelling-normalised copy of *text* (see module doc)."""
    if not text:
        return ""
    t = unicodedata.normalize("NFKC", text)
    for a, b in _QUOTES.items():
        t = t.replace(a, b)
    t = t.lower()
    t = _REPEAT_RX.sub(r"\1\1", t)
    for rx, repl in _FIX_RX:
        t = rx.sub(repl, t)
    t = _CLITIC_RX.sub(r"\1 's", t)
    t = t.replace("\r", "\n")
    t = _SPACE_RX.sub(" ", t)
    return t.strip()


def gap(n: int) -> str:
    """Regex for up to *n* words (each followed by whitespace) that are not negations."""
    word = r"(?:(?!(?:no|not|never|without|none|nor)\b)[\w'/-]+(?<!n't))"
    return rf"(?:{word}\s+){{0,{n}}}"


NEG_CUES = frozenset(
    {
        "no",
        "not",
        "never",
        "without",
        "none",
        "nor",
        "neither",
        "nothing",
        "zero",
        "isn't",
        "aren't",
        "wasn't",
        "weren't",
        "don't",
        "doesn't",
        "didn't",
        "haven't",
        "hasn't",
        "hadn't",
        "won't",
        "wouldn't",
        "ain't",
        "shouldn't",
        "nope",
        "denies",
    }
)
# words right after a cue that turn it into a hedge, not a negation
_HEDGE_NEXT = frozenset(
    {
        "sure",
        "certain",
        "know",
        "think",
        "just",
        "only",
        "idea",
        "wonder",
        "doubt",
        "tell",
        "quite",
        "even",
        "remember",
        "unlike",
        "until",
    }
)
_CLAUSE_END_WORDS = frozenset(
    {
        "but",
        "just",
        "though",
        "although",
        "however",
        "except",
        "yet",
        "and",
        "while",
        "whereas",
        "only",
        "instead",
        "still",
        "then",
        "so",
        "because",
        "cos",
        "plus",
        "also",
        "apart",
        "besides",
    }
)
_CLAUSE_PUNCT_RX = re.compile(r"[,.;:!?()\n]| - ")
_TOKEN_RX = re.compile(r"[a-z0-9'/-]+")
_POST_NEG_RX = re.compile(
    r"^\s*(?:[:?]|-)\s*(?:no|none|nope|nil|never|not really|not at all|not that i know of)\b"
    r"|^-?free\b|^\s+free\b"
)


def clause_before(text: str, start: int) -> str:
    """The part of *text* before *start* that belongs to the same clause."""
    head = text[:start]
    cut = 0
    for m in _CLAUSE_PUNCT_RX.finditer(head):
        cut = m.end()
    return head[cut:]


def clause_after(text: str, end: int) -> str:
    tail = text[end:]
    m = _CLAUSE_PUNCT_RX.search(tail)
    return tail[: m.start()] if m else tail


def is_negated(text: str, start: int, end: int, window: int = NEG_WINDOW) -> bool:
    """True when the span text[start:end] is negated (see module doc)."""
    tokens = _TOKEN_RX.findall(clause_before(text, start))
    # the clause also ends at a boundary word
    for i in range(len(tokens) - 1, -1, -1):
        if tokens[i] in _CLAUSE_END_WORDS:
            tokens = tokens[i + 1 :]
            break
    tail = tokens[-(window + 1) :]
    for i, tok in enumerate(tail):
        if tok in NEG_CUES:
            nxt = tail[i + 1] if i + 1 < len(tail) else ""
            if nxt in _HEDGE_NEXT:
                continue
            return True
    return bool(_POST_NEG_RX.search(text[end : end + 30]))


def compile_all(patterns: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(p) for p in patterns)


def iter_affirmed(patterns: Iterable[re.Pattern[str]], text: str, negatable: bool = True) -> Iterator[re.Match[str]]:
    """Yield matches of *patterns* in *text* that are not negated."""
    for rx in patterns:
        for m in rx.finditer(text):
            if negatable and is_negated(text, m.start(), m.end()):
                continue
            yield m


def any_affirmed(patterns: Iterable[re.Pattern[str]], text: str, negatable: bool = True) -> bool:
    return next(iter_affirmed(patterns, text, negatable), None) is not None


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence (split on . ! ? ; newline) containing text[start:end]."""
    s = max(text.rfind(c, 0, start) for c in ".!?;\n")
    e_candidates = [i for i in (text.find(c, end) for c in ".!?;\n") if i != -1]
    e = min(e_candidates) if e_candidates else len(text)
    return text[s + 1 : e]
