"""Emergency numbers and crisis lines by country (documented in docs/helplines.md).

    helplines_for(country) -> Helplines(country, emergency, crisis_line)

``country`` is an ISO 3166-1 alpha-2 code, case-insensitive ("gb", "US");
"UK" is accepted for GB and "EU" for the generic European entry.  Other EU /
EEA countries not listed get 112 plus the European 116 123 line.  None or an
unknown code gives the common numbers at once, so nobody is left without a
number.  Keep this table and docs/helplines.md in step (a unit test checks).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Helplines:
    country: str | None
    emergency: str
    crisis_line: str


GENERIC = Helplines(
    country=None,
    emergency="112 (EU and most countries), 911 (US/Canada), 999 (UK)",
    crisis_line=("988 in the US, Samaritans 116 123 in the UK and Ireland, or your local crisis line"),
)

_EU_CRISIS = "116 123 (emotional support line in many European countries), or your local crisis line"

TABLE: dict[str, Helplines] = {
    "US": Helplines("US", "911", "988 Suicide & Crisis Lifeline (call or text 988)"),
    "CA": Helplines("CA", "911", "9-8-8 Suicide Crisis Helpline (call or text 988)"),
    "GB": Helplines("GB", "999", "Samaritans on 116 123 (free, day or night), or text SHOUT to 85258"),
    "IE": Helplines("IE", "112 or 999", "Samaritans on 116 123 (free, day or night), or text HELLO to 50808"),
    "AU": Helplines("AU", "000", "Lifeline on 13 11 14 (call, or text 0477 13 11 14)"),
    "NZ": Helplines("NZ", "111", "1737 (free call or text, any time), or Lifeline on 0800 543 354"),
    "DE": Helplines("DE", "112", "TelefonSeelsorge on 0800 111 0 111 or 0800 111 0 222 (free, day or night)"),
    "FR": Helplines("FR", "112 (or 15 for SAMU)", "3114 (national suicide prevention line, free, day or night)"),
    "ES": Helplines("ES", "112", "024 (suicide prevention line, free, day or night)"),
    "NL": Helplines("NL", "112", "113 Zelfmoordpreventie: call 113 or 0800 0113"),
    "JM": Helplines(
        "JM",
        "110 (ambulance and fire) or 119 (police)",
        "the Mental Health and Suicide Prevention Helpline on 888-NEW-LIFE (888-639-5433, free, day or night)",
    ),
    "EU": Helplines("EU", "112", _EU_CRISIS),
}

# EU / EEA members (plus CH) without their own row: 112 works everywhere here.
EU_112 = frozenset(
    {
        "AT",
        "BE",
        "BG",
        "HR",
        "CY",
        "CZ",
        "DK",
        "EE",
        "FI",
        "GR",
        "HU",
        "IT",
        "LV",
        "LT",
        "LU",
        "MT",
        "PL",
        "PT",
        "RO",
        "SK",
        "SI",
        "SE",
        "IS",
        "LI",
        "NO",
        "CH",
    }
)

ALIASES = {
    "UK": "GB",
    "EN": "GB",
    "ENGLAND": "GB",
    "SCOTLAND": "GB",
    "WALES": "GB",
    "USA": "US",
    "NIR": "GB",
    "EL": "GR",
}


def helplines_for(country: str | None) -> Helplines:
    """Numbers for *country*; None/unknown -> the common numbers at once."""
    if not country or not isinstance(country, str):
        return GENERIC
    code = country.strip().upper()
    code = ALIASES.get(code, code)
    if code in TABLE:
        return TABLE[code]
    if code in EU_112:
        return Helplines(code, "112", _EU_CRISIS)
    return GENERIC
