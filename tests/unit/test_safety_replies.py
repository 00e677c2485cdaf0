"""User-visible safety replies and the help-line table."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.safety.helplines import GENERIC, TABLE, Helplines, helplines_for
from bot.safety.redflags import EMERGENCY_RULE_IDS
from bot.safety.replies import crisis_reply, dose_refusal_reply, emergency_reply

ROOT = Path(__file__).resolve().parents[2]
BANNED = ("all in your head", "push through", "just relax", "man up")
DOSE_RX = re.compile(r"\b\d+(?:\.\d+)?\s*(?:mg|milligram|mcg|ml|pills?|tablets?|capsules?)\b", re.I)


# ------------------------------------------------------------------ helplines


@pytest.mark.parametrize(
    "code,emergency,crisis",
    [
        ("US", "911", "988"),
        ("CA", "911", "988"),
        ("GB", "999", "116 123"),
        ("IE", "112", "116 123"),
        ("AU", "000", "13 11 14"),
        ("NZ", "111", "1737"),
    ],
)
def test_helplines_required_countries(code, emergency, crisis):
    h = helplines_for(code)
    assert isinstance(h, Helplines)
    assert h.country == code
    assert emergency in h.emergency
    assert crisis in h.crisis_line


def test_helplines_case_insensitive_and_aliases():
    assert helplines_for("gb") == helplines_for("GB") == helplines_for(" uk ")
    assert helplines_for("us").emergency == "911"


@pytest.mark.parametrize("code", [None, "", "ZZ", "mars", 42])
def test_unknown_country_gets_common_numbers_at_once(code):
    h = helplines_for(code)  # type: ignore[arg-type]
    assert h == GENERIC
    for number in ("112", "911", "999"):
        assert number in h.emergency
    for number in ("988", "116 123"):
        assert number in h.crisis_line


def test_other_eu_country_gets_112():
    h = helplines_for("it")
    assert h.country == "IT" and h.emergency == "112"
    assert "116 123" in h.crisis_line


def test_docs_table_lists_every_number():
    doc = (ROOT / "docs" / "helplines.md").read_text(encoding="utf-8")
    for h in [*TABLE.values(), GENERIC]:
        for field in (h.emergency, h.crisis_line):
            assert field in doc, field


# ------------------------------------------------------------------ crisis reply


@pytest.mark.parametrize(
    "code,line,emergency",
    [
        ("US", "988", "911"),
        ("GB", "116 123", "999"),
        ("AU", "13 11 14", "000"),
        ("NZ", "1737", "111"),
        ("IE", "116 123", "112"),
        ("CA", "988", "911"),
    ],
)
def test_crisis_reply_gives_line_and_emergency_number(code, line, emergency):
    text = crisis_reply(code)
    assert line in text and emergency in text


def test_crisis_reply_unknown_country_gives_common_numbers():
    text = crisis_reply(None)
    for n in ("988", "116 123", "112", "911", "999"):
        assert n in text


@pytest.mark.parametrize("code", ["US", "GB", None])
def test_crisis_reply_asks_nothing_and_has_no_method_info(code):
    text = crisis_reply(code)
    assert "?" not in text
    assert not DOSE_RX.search(text)
    for word in ("overdose", "lethal", "how many", "method"):
        assert word not in text.lower()
    assert any(w in text.lower() for w in ("glad you told me", "you deserve support"))


# ------------------------------------------------------------------ emergency reply


@pytest.mark.parametrize("code,number", [("US", "911"), ("GB", "999"), ("AU", "000"), ("NZ", "111")])
def test_emergency_reply_says_call_number_now(code, number):
    text = emergency_reply(code, ("emergency.chest_pain",))
    assert text.startswith(f"Please call {number} now")
    assert "heart" in text
    assert "Don't drive yourself" in text
    assert "unlock the door" in text
    assert "sit or lie down" in text


def test_emergency_reply_unknown_country_and_rules():
    text = emergency_reply(None, ())
    for n in ("112", "911", "999"):
        assert n in text
    stroke = emergency_reply("GB", ("emergency.face_droop",))
    assert "stroke" in stroke and "time it started" in stroke


@pytest.mark.parametrize("rule", EMERGENCY_RULE_IDS)
def test_emergency_reply_every_rule_is_short_and_safe(rule):
    text = emergency_reply("US", (rule,))
    assert "911" in text
    assert len(text) < 700
    assert not DOSE_RX.search(text)
    assert "aspirin" not in text.lower()


# ------------------------------------------------------------------ dose refusal


def test_dose_refusal_never_gives_a_number():
    text = dose_refusal_reply()
    assert not re.search(r"\d", text)
    assert "pharmacist" in text and "prescriber" in text
    assert "can't advise" in text


def test_no_banned_phrases_anywhere():
    texts = [crisis_reply(c) for c in ("US", "GB", None)]
    texts += [emergency_reply("GB", (r,)) for r in EMERGENCY_RULE_IDS]
    texts.append(dose_refusal_reply())
    for text in texts:
        for phrase in BANNED:
            assert phrase not in text.lower()
