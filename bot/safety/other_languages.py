"""Crisis said in other languages, as people type them in a mostly English chat (often without accents, often
transliterated). Wishes to die, to kill oneself, not to want to live, suicide, and self-harm.

Written from general knowledge of each language, not from any evaluation set. Matched on text already passed through
``textmatch.normalise`` (lower case); accents are optional where people often leave them out.
"""

from __future__ import annotations

import re

_SUICIDAL = [
    # Spanish
    r"\b(?:me\s+)?quiero\s+morir(?:me)?\b",
    r"\b(?:me\s+quiero|quiero|voy\s+a)\s+(?:matar(?:me)?|suicidar(?:me)?)\b",
    r"\bno\s+quiero\s+(?:vivir|seguir\s+viviendo)\b",
    r"\bquitarme\s+la\s+vida\b",
    # Portuguese
    r"\bquero\s+morrer\b",
    r"\b(?:quero|vou)\s+me\s+matar\b",
    r"\bn[aã]o\s+quero\s+(?:mais\s+)?viver\b",
    r"\btirar\s+(?:a\s+)?minha\s+(?:pr[oó]pria\s+)?vida\b",
    # French
    r"\bje\s+veux\s+mourir\b",
    r"\b(?:je\s+veux|je\s+vais)\s+(?:me\s+suicider|me\s+tuer|en\s+finir)\b",
    r"\bje\s+ne\s+veux\s+plus\s+vivre\b",
    # Italian
    r"\bvoglio\s+morire\b",
    r"\b(?:voglio|sto\s+per)\s+(?:uccidermi|ammazzarmi|farla\s+finita|togliermi\s+la\s+vita)\b",
    r"\bnon\s+voglio\s+pi[uù]\s+vivere\b",
    # German
    r"\bich\s+will\s+(?:nur\s+noch\s+)?sterben\b",
    r"\bich\s+(?:will|werde)\s+mich\s+umbringen\b",
    r"\bich\s+will\s+nicht\s+mehr\s+leben\b",
    r"\bselbstmord\b",
    # Polish
    r"\bchc[eę]\s+umrze[cć]\b",
    r"\bchc[eę]\s+si[eę]\s+zabi[cć]\b",
    r"\bnie\s+chc[eę]\s+(?:ju[zż]\s+)?[zż]y[cć]\b",
    r"\bsamob[oó]j\w*",
    # Romanian
    r"\bvreau\s+s[aă]\s+mor\b",
    r"\bs[aă]\s+m[aă]\s+sinucid\b|\bsinucid\w*",
    # Dutch / Afrikaans
    r"\bik\s+wil\s+dood\b",
    r"\bwil\s+(?:net\s+)?doodgaan\b",
    r"\bzelfmoord\b",
    # Tagalog
    r"\bgusto\s+ko\s+(?:na(?:ng)?\s+)?mamatay\b",
    r"\bmagpakamatay\b",
    r"\bayoko\s+(?:na(?:ng)?\s+)?mabuhay\b",
    # Hindi / Urdu / Punjabi (romanised)
    r"\bmarna\s+(?:hai|chahta|chahti|chaunda|chaundi)\b",
    r"\bmar\s+jana\s+(?:hai|chahta|chahti)\b",
    r"\bkhud\s*ku(?:s|sh)hi\b",
    r"\bjeena\s+nahi\s+(?:hai|chahta|chahti)\b",
    r"\bzindagi\s+(?:khatam|khatm)\s+(?:karna|kar\s+dun|kar\s+doon)\b",
    # Bengali (romanised)
    r"\bmore\s+jete\s+chai\b",
    r"\batm[oa]hot+(?:a|ya)\b",
    # Arabic (romanised)
    r"\b(?:abi|abghi|bidi|areed|arid)\s+(?:an\s+)?amoo?t\b",
    r"\bintihar\b",
    # Turkish
    r"\b[oö]lmek\s+istiyorum\b",
    r"\bkendimi\s+[oö]ld[uü]r\w*",
    # Swahili
    r"\bnataka\s+kufa\b",
    r"\bkujiua\b",
    # Yoruba / Nigerian Pidgin
    r"\bmo\s+fe\s+ku\b",
    r"\bi\s+(?:wan|wan\s+just)\s+die\b",
    r"\bmake\s+i\s+(?:just\s+)?die\b",
    # Mandarin / Cantonese (pinyin, jyutping-ish, characters)
    r"\bwo\s+xiang\s+si\b",
    r"\bbu\s+xiang\s+huo\s+(?:le|xia\s+qu)\b",
    r"\bzi\s*sha\b",
    r"\bngo\s+(?:seung|soeng)\s+sei\b",
    "我想死|不想活|想自杀|自殺|我想死咗佢",
    # Vietnamese
    r"\bt[oô]i\s+mu[oố]n\s+ch[eế]t\b",
    r"\btự\s+tử\b",
    # Malay / Indonesian
    r"\b(?:aku|saya)\s+(?:nak|mau|ingin|pengen)\s+mati\b",
    r"\bbunuh\s+diri\b",
]

_SELF_HARM = [
    r"\bme\s+(?:cort[eé]|estoy\s+cortando|lastim[eé]|quem[eé])\b",
    r"\bme\s+cortei\b|\bme\s+machuquei\s+de\s+prop[oó]sito\b",
    r"\bje\s+me\s+(?:suis\s+)?(?:coup|scarifi)\w*",
    r"\bmi\s+(?:sono\s+)?tagliat[oa]\b|\bautolesion\w*",
    r"\bich\s+(?:ritze|schneide)\s+mich\b|\bselbstverletz\w*",
    r"\btn[eę]\s+si[eę]\b|\bsamookalecz\w*",
    r"\bnimejikata\b",
    r"\bblade\s+chala\w*",
    r"\bzi\s*can\b|自残|自殘",
]

SUICIDAL = [re.compile(p) for p in _SUICIDAL]
SELF_HARM = [re.compile(p) for p in _SELF_HARM]
