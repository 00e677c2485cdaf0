"""Text normalisation and number scanning for the check-in parser.

``normalize`` turns a free message into a canonical, space-separated string:
lower case, apostrophes dropped ("didn't" -> "didnt"), common typos fixed,
number words turned into digits ("about a six" -> "about a 6"), duration
phrases turned into numbers ("half an hour" -> "30 min", "an hour and a
half" -> "90 min", "five and a half" -> "5.5"), and punctuation split off
into its own tokens.

``scan_numbers`` walks the tokens and finds every number with what follows
it: a range ("5 or 6", "6-7", "10 to 15"), a unit (hours / minutes /
"/10" / clock time / other), multipliers ("2 x 10 min", "10 min twice").

Numbers nobody means as a symptom score or a duration - a minus sign stuck to a
number ("-5", "minus 5"; the dash of a range "3-4" is not one) or exponent form
("1e9") - become the token ``NOT_A_VALUE``. ``scan_numbers`` reports it as a
number with ``invalid`` set (and a negative value), so every field rejects it
instead of reading "-5" as 5 or "1e9" as 1 and 9.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from text_to_num import alpha2digit

from . import lexicon as lx

NUM_RE = re.compile(r"^\d+(?:\.\d+)?$")
SEPARATOR_TOKENS = frozenset(
    {
        ",",
        ";",
        ".",
        "!",
        "?",
        "|",
        "(",
        ")",
        "[",
        "]",
        "-",
        "and",
        "but",
        "then",
        "also",
        "plus",
        "though",
        "although",
        "because",
        "cos",
        "coz",
        "cause",
        "however",
        "whereas",
        "whilst",
        "while",
        "otherwise",
        "except",
    }
)
RANGE_WORDS = frozenset({"or", "to", "-", "maybe", "/"})
NOT_A_VALUE = "notavalue"
_EXPONENT = re.compile(r"(?<![\w.])[-+]?\d+(?:\.\d+)?e[-+]?\d+(?![\w.])")
_ATTACHED_MINUS = re.compile(r"(?:^|(?<=[\s:=(\[,;/]))-(?=\d)")
_NUMBER_AFTER_MINUS = re.compile(r"-\d+(?:[.,]\d+)?")
_WORD_MINUS = re.compile(r"\b(?:minus|negative) \d+(?:\.\d+)?\b")

_KNOWN: frozenset[str] = frozenset(
    set(lx.TYPOS.values())
    | set(lx.PROTECTED_WORDS)
    | set(lx.FUZZY_VOCAB)
    | set(lx.LABELS)
    | {w for p in lx.ACTIVITY_PHRASES for w in p.split()}
    | {
        w
        for d in (lx.FATIGUE_ADJ, lx.ENERGY_ADJ, lx.STRESS_ADJ, lx.MOOD_ADJ, lx.SLEEP_ADJ)
        for p in d
        for w in p.split()
    }
    | {NOT_A_VALUE}
    | {
        "so",
        "good",
        "too",
        "really",
        "yes",
        "no",
        "all",
        "off",
        "well",
        "free",
        "see",
        "feel",
        "need",
        "week",
        "sleep",
        "been",
        "soon",
        "look",
        "cool",
        "book",
        "food",
        "door",
    }
)


@lru_cache(maxsize=4096)
def _fix_word(w: str) -> str:
    if w in lx.TYPOS:
        return lx.TYPOS[w]
    if re.search(r"(.)\1\1", w):  # "sooooo", "tiiired", "goood"
        two = re.sub(r"(.)\1{2,}", r"\1\1", w)
        one = re.sub(r"(.)\1{2,}", r"\1", w)
        for cand in (two, one):
            if cand in lx.TYPOS:
                return lx.TYPOS[cand]
            if cand in _KNOWN:
                return cand
        w = one
    if len(w) >= 6 and w not in lx.PROTECTED_WORDS and w not in _KNOWN:
        m = difflib.get_close_matches(w, lx.FUZZY_VOCAB, n=1, cutoff=0.86)
        if m:
            return m[0]
    return w


def _fix_token(m: re.Match[str]) -> str:
    word = m.group(0)
    if word in lx.TYPOS:
        return lx.TYPOS[word]
    if "-" in word:
        return " ".join(_fix_word(p) for p in word.split("-") if p)
    return _fix_word(word)


_PHRASES: tuple[tuple[str, str], ...] = (
    (r"\bbetween (\d+(?:\.\d+)?) and (\d+(?:\.\d+)?)\b", r"\1 to \2"),
    (r"\b(\d+) hours and (a )?half\b", r"\1.5 hours"),
    (r"\b(\d+) hours and (a )?quarter\b", r"\1.25 hours"),
    (r"\b(an|a|1) hours and (a )?half\b", "90 min"),
    (r"\bhours and a half\b", "90 min"),
    (r"\b(an|a|1) hours and (a )?quarter\b", "75 min"),
    (r"\b(\d+) and (a )?half\b", r"\1.5"),
    (r"\b(\d+) and (a )?quarter\b", r"\1.25"),
    (r"\b(\d+) and 3 quarters\b", r"\1.75"),
    (r"\b(a )?half (an? )?hours\b", "30 min"),
    (r"\b(a )?quarter (of )?(an? )?hours\b", "15 min"),
    (r"\b3 quarters (of )?(an? )?hours\b", "45 min"),
    (r"\b3 / 4 (of )?(an? )?hours\b", "45 min"),
    (r"\b1 / 2 (an? )?hours\b", "30 min"),
    (r"\b1 / 4 (of )?(an? )?hours\b", "15 min"),
    (r"\b(an|a) hours\b", "1 hours"),
    (r"\b(a )?couple (of )?(hours|min)\b", r"2 \3"),
    (r"\bhalf (a|an) (\d+)\b", r"\2.5"),
    (r"\b(\d+) ?- ?ish\b", r"\1 ish"),
    (r"\b(\d+) or so\b", r"\1"),
    (r"\bno one\b", "nobody"),
)


def _mark_negatives(t: str) -> str:
    """ "-5" -> NOT_A_VALUE where the minus is a sign: not after a number, where it is a range ("5 -6")."""
    out, last = [], 0
    for m in _ATTACHED_MINUS.finditer(t):
        if m.start() < last or t[: m.start()].rstrip()[-1:].isdigit():
            continue
        number = _NUMBER_AFTER_MINUS.match(t, m.start())
        assert number is not None  # _ATTACHED_MINUS matched a "-" before a digit here
        out.append(t[last : m.start()] + f" {NOT_A_VALUE} ")
        last = number.end()
    return "".join(out) + t[last:]


def _mark_non_values(t: str) -> str:
    """Exponent forms and signed numbers -> NOT_A_VALUE (see module doc)."""
    t = _EXPONENT.sub(f" {NOT_A_VALUE} ", t)
    t = _mark_negatives(t)
    return _WORD_MINUS.sub(NOT_A_VALUE, t)


def normalize(text: str) -> str:
    """Canonical lower-case, space-separated form of ``text`` (see module doc)."""
    t = unicodedata.normalize("NFKC", text or "").lower()
    t = (
        t.replace("\u2019", "'")
        .replace("\u2018", "'")
        .replace("`", "'")
        .replace("\u00b4", "'")
        .replace("\u201c", '"')
        .replace("\u201d", '"')
        .replace("\u2013", "-")
        .replace("\u2014", "-")
        .replace("\u2212", "-")
        .replace("\u2026", ".")
    )
    t = re.sub(r"(\d)\s*\u00bd", r"\1.5", t).replace("\u00bd", " half ")
    t = re.sub(r"(\d) 1/2\b", r"\1.5", t)
    t = _mark_non_values(t)
    t = re.sub(r"[\r\n]+", " | ", t)
    t = re.sub(r"(\w)'(\w)", r"\1\2", t).replace("'", " ")
    t = re.sub(r"\b\d{1,2}[:.]\d\d\s*(am|pm)\b", " clocktime ", t)
    t = re.sub(r"\b\d{1,2}:\d\d\b", " clocktime ", t)
    t = re.sub(r"(\d),(\d)\b", r"\1.\2", t)  # "6,5" European decimal
    t = t.replace("~", " about ").replace("&", " and ").replace("+", " and ").replace("@", " at ")
    t = re.sub(r"\b\d+(st|nd|rd|th)\b", " ord ", t)
    t = re.sub(r"(\d)([a-z])", r"\1 \2", t)
    t = re.sub(r"([a-z])(\d)", r"\1 \2", t)
    t = re.sub(r"[a-z]+(?:-[a-z]+)*", _fix_token, t)
    t = re.sub(r"\bno one\b", "nobody", t)
    # "this one", "the next one": a pronoun, not the number 1
    t = re.sub(
        r"\b(this|that|next|the|which|other|another|last|each|every|any|some|good|bad|quick|big|small|short|long|mild|"
        r"rough) one\b",
        r"\1 onex",
        t,
    )
    t = alpha2digit(t, "en", threshold=0)
    t = t.replace("onex", "one")
    t = _mark_non_values(t)  # "minus five" is "minus 5" only now
    t = re.sub(r"\b\d+(st|nd|rd|th)\b", " ord ", t)
    t = re.sub(r"(\d)([a-z])", r"\1 \2", t)
    t = re.sub(r"([a-z])(\d)", r"\1 \2", t)
    # separators (keep decimal points)
    t = re.sub(r"(?<!\d)\.|\.(?!\d)", " . ", t)
    t = re.sub(r"([,;!?|()\[\]{}\"/:=*<>#])", r" \1 ", t)
    t = re.sub(r"-", " - ", t)
    t = " ".join(t.split())
    for pat, rep in _PHRASES:
        t = re.sub(pat, rep, t)
    return " ".join(t.split())


def is_num(tok: str) -> bool:
    return bool(NUM_RE.match(tok))


def _starts_number(tok: str) -> bool:
    return tok == NOT_A_VALUE or is_num(tok)


def _value(tok: str) -> float:
    """The number a token stands for; NOT_A_VALUE is -1 so that every range check rejects it."""
    return -1.0 if tok == NOT_A_VALUE else float(tok)


@dataclass
class Num:
    start: int  # first token index
    end: int  # one past the last token index
    lo: float  # value (minutes when unit == "dur")
    hi: float
    unit: str | None  # None | "scale" | "dur" | "time" | "other"
    hours_unit: bool = False  # the duration was stated in hours
    mult: int = 1
    reversed: bool = False  # a range written high-to-low ("11 to 6": clock times)
    invalid: bool = False  # a negative number or exponent form (NOT_A_VALUE): never a value

    @property
    def is_range(self) -> bool:
        return self.hi != self.lo

    @property
    def high(self) -> float:
        return self.hi * self.mult

    @property
    def mid(self) -> float:
        return (self.lo + self.hi) / 2 * self.mult


def scan_numbers(toks: list[str]) -> list[Num]:
    """Find numbers in the token list with their range, unit and multiplier."""
    out: list[Num] = []
    n = len(toks)
    i = 0

    def at(k: int) -> str:
        return toks[k] if 0 <= k < n else ""

    while i < n:
        if not _starts_number(toks[i]):
            i += 1
            continue
        start = i
        lo = hi = _value(toks[i])
        invalid = toks[i] == NOT_A_VALUE
        j = i + 1
        if at(j) in RANGE_WORDS and _starts_number(at(j + 1)) and not (at(j) == "/" and at(j + 1) == "10"):
            # "5/6" is a range only when it is not "/10"
            hi = _value(at(j + 1))
            invalid = invalid or at(j + 1) == NOT_A_VALUE
            j += 2
            swapped = hi < lo
            if swapped:
                lo, hi = hi, lo
        else:
            swapped = False
        if at(j) == "ish":
            j += 1
        unit: str | None = None
        hours_unit = False
        k = j
        while at(k) in lx.NUM_UNIT_FILLERS:
            k += 1
        if at(j) == "/" and at(j + 1) == "10":
            unit, j = "scale", j + 2
        elif at(j) in ("out", "outta") and (at(j + 1) == "10" or (at(j + 1) == "of" and at(j + 2) == "10")):
            unit, j = "scale", j + (2 if at(j + 1) == "10" else 3)
        elif at(j) == "of" and at(j + 1) == "10" and at(j + 2) not in lx.HOUR_UNITS | lx.MIN_UNITS:
            unit, j = "scale", j + 2
        elif at(k) in lx.HOUR_UNITS:
            unit, hours_unit, j = "dur", True, k + 1
            lo, hi = lo * 60, hi * 60
            # "1 hours 20", "2 hours and 15 min"
            m = j + 1 if at(j) == "and" else j
            if (
                is_num(at(m))
                and float(at(m)) < 60
                and (at(m + 1) in lx.MIN_UNITS or (m == j and at(m + 1) in ("", ",", ".", "|", ";", "!", "?")))
            ):
                extra = float(at(m))
                lo, hi = lo + extra, hi + extra
                j = m + 2 if at(m + 1) in lx.MIN_UNITS else m + 1
        elif at(k) in lx.MIN_UNITS:
            unit, j = "dur", k + 1
        elif at(j) in lx.TIME_UNITS:
            unit, j = "time", j + 1
        elif at(j) in lx.OTHER_UNITS:
            unit, j = "other", j + 1
        if at(j) == "ish":
            j += 1
        num = Num(start, j, lo, hi, unit, hours_unit, reversed=swapped, invalid=invalid)
        # multipliers
        if unit == "dur":
            if at(j) == "x" and is_num(at(j + 1)):
                num.mult, num.end = int(float(at(j + 1))), j + 2
            elif at(j) == "twice":
                num.mult, num.end = 2, j + 1
            elif is_num(at(j)) and at(j + 1) == "times":
                num.mult, num.end = int(float(at(j))), j + 2
            elif out and out[-1].end == start - 1 and at(start - 1) == "x" and out[-1].unit is None:
                prev = out.pop()  # "2 x 10 min"
                num.mult, num.start = int(prev.lo), prev.start
            elif out and out[-1].end == start and out[-1].unit is None and at(start - 1) == "x":
                prev = out.pop()
                num.mult, num.start = int(prev.lo), prev.start
        out.append(num)
        i = max(num.end, i + 1)
    return out


def tokens(norm: str) -> list[str]:
    return norm.split()
