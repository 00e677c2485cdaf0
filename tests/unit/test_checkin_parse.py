"""Unit tests for bot/checkin/parse.py: realistic check-in phrasings."""

from __future__ import annotations

import pytest

from bot.checkin.parse import (
    FIELDS,
    Activity,
    CheckinParse,
    activity_mentions,
    is_skip,
    is_stop,
    parse_activity,
    parse_checkin,
    parse_correction,
    parse_duration_minutes,
    parse_mood,
    parse_scale,
    parse_sleep,
    parse_yes_no,
)

A = Activity


def check(text: str, **expected) -> CheckinParse:
    """Every field of FIELDS must equal ``expected`` (missing -> unset)."""
    got = parse_checkin(text)
    for name in FIELDS:
        want = expected.get(name, () if name == "activities" else None)
        if name == "activities":
            want = tuple(want)
        assert getattr(got, name) == want, f"{name}: {getattr(got, name)!r} != {want!r} in {text!r} -> {got}"
    assert got.day_offset == expected.get("day_offset", 0), got
    assert tuple(got.out_of_range) == tuple(expected.get("out_of_range", ())), got
    return got


# ---------------------------------------------------------------------------
# One-message reports
# ---------------------------------------------------------------------------

ONE_MESSAGE = [
    (
        "pain 6 today, wiped out, slept about 5 hrs badly, walked 15 mins",
        dict(pain=6, fatigue=8, sleep_hours=5.0, sleep_quality="poor", activities=[A("walking", 15)]),
    ),
    ("flare today, pain 8, no walk", dict(flare=True, pain=8, activities=[A("none", 0)])),
    ("bad night only 4 hours sleep and pain is a 7", dict(sleep_hours=4.0, sleep_quality="poor", pain=7)),
    (
        "pain 5, fatigue 6, slept 7 hours, stress 3, mood ok, walked 20 min",
        dict(pain=5, fatigue=6, sleep_hours=7.0, stress=3, mood="ok", activities=[A("walking", 20)]),
    ),
    (
        "Pain about a six. Really tired. Slept maybe 6 hours but kept waking up.",
        dict(pain=6, fatigue=7, sleep_hours=6.0, sleep_quality="poor"),
    ),
    ("im shattered, pain 7/10, did 10 mins of stretching", dict(fatigue=8, pain=7, activities=[A("stretching", 10)])),
    ("Bad flare day. Pain 9. Couldn't do anything.", dict(flare=True, pain=9, activities=[A("none", 0)])),
    ("pain five, fatigue seven, slept six hours", dict(pain=5, fatigue=7, sleep_hours=6.0)),
    (
        "slept well for once, 8 hours, pain only 3, went swimming for 30 mins",
        dict(sleep_quality="good", sleep_hours=8.0, pain=3, activities=[A("swimming", 30)]),
    ),
    ("pain 5 or 6, bit tired", dict(pain=6, fatigue=4)),
    (
        "20 min of stretching and a short swim of half an hour, pain 4",
        dict(activities=[A("stretching", 20), A("swimming", 30)], pain=4),
    ),
    (
        "walked an hour and a half with the dog, knackered now, pain 6",
        dict(activities=[A("walking", 90)], fatigue=8, pain=6),
    ),
    ("no flare today, pain 3, feeling positive", dict(flare=False, pain=3, mood="good")),
    ("stress 8, pain 6, mood low, slept 5 and a half hours", dict(stress=8, pain=6, mood="low", sleep_hours=5.5)),
    ("Rested all day, pain 7, exhausted", dict(activities=[A("none", 0)], pain=7, fatigue=8)),
    (
        "yesterday I walked 20 minutes and did 15 min of yoga",
        dict(day_offset=-1, activities=[A("walking", 20), A("yoga", 15)]),
    ),
    ("pain worse than yesterday, 7 now", dict(pain=7)),
    ("8/10 pain this morning, fatigue 6", dict(pain=8, fatigue=6)),
    ("did 45 minutes of gardening and 20 mins hoovering", dict(activities=[A("gardening", 45), A("housework", 20)])),
    ("tai chi class 1h, pain 4, energy good", dict(activities=[A("tai chi", 60)], pain=4, fatigue=2)),
    ("energy 3/10, pain 6", dict(fatigue=7, pain=6)),
    (
        "physio exercises 15 mins, bike 10 mins, pain 5",
        dict(activities=[A("physio exercises", 15), A("cycling", 10)], pain=5),
    ),
    (
        "sleep 6 hrs, pain 4, fatigue 5, no flare, walk 30 min",
        dict(sleep_hours=6.0, pain=4, fatigue=5, flare=False, activities=[A("walking", 30)]),
    ),
    ("flaring badly, no sleep at all, pain 9", dict(flare=True, sleep_hours=0.0, sleep_quality="poor", pain=9)),
    (
        "feeling low and teary, pain 7, fatigue 8, didnt sleep much",
        dict(mood="low", pain=7, fatigue=8, sleep_quality="poor"),
    ),
    ("pain 4, a bit stressed, mood good, slept 7.5 hrs", dict(pain=4, stress=4, mood="good", sleep_hours=7.5)),
    ("slept 8 hours walked 30 min pain 3", dict(sleep_hours=8.0, activities=[A("walking", 30)], pain=3)),
    ("walked 10 mins twice today, pain 5", dict(activities=[A("walking", 20)], pain=5)),
    ("pain 6, tossed and turned all night, maybe 4 hours", dict(pain=6, sleep_quality="poor", sleep_hours=4.0)),
    ("no pain today! slept great, swam 40 minutes", dict(pain=0, sleep_quality="good", activities=[A("swimming", 40)])),
    ("pain 7 stress high mood rubbish", dict(pain=7, stress=7, mood="low")),
    ("only 3 hrs kip, pain is 8, drained", dict(sleep_hours=3.0, pain=8, fatigue=8)),
    (
        "Pain: 6\nFatigue: 7\nSleep: 5 hours, poor\nActivity: walked 10 min",
        dict(pain=6, fatigue=7, sleep_hours=5.0, sleep_quality="poor", activities=[A("walking", 10)]),
    ),
    ("pain 6-7 today, stretched for 20", dict(pain=7, activities=[A("stretching", 20)])),
    ("walked for 20 minutes, then did some stretching", dict(activities=[A("walking", 20)])),
    ("forgot yesterday's log: pain 5 fatigue 6", dict(day_offset=-1, pain=5, fatigue=6)),
    ("pain is bad, about 8", dict(pain=8)),
    ("ok night, about 7 hrs, pain 4, not too tired", dict(sleep_quality="ok", sleep_hours=7.0, pain=4, fatigue=2)),
    ("out and about for an hour, pain 5", dict(activities=[A("other", 60)], pain=5)),
    ("slept on and off, maybe 5 hours", dict(sleep_quality="ok", sleep_hours=5.0)),
    ("slept 11pm to 7am, pain 4", dict(sleep_hours=8.0, pain=4)),
    ("pain 6, took the dog out for 30 mins", dict(pain=6, activities=[A("walking", 30)])),
    (
        "not a good day. pain 8 and fatigue 9. in bed most of the day",
        dict(pain=8, fatigue=9, activities=[A("none", 0)]),
    ),
    ("took 2 paracetamol, pain 6 for 3 days now", dict(pain=6)),
    ("it's been 3 weeks since my last flare, pain 4", dict(flare=False, pain=4)),
]


@pytest.mark.parametrize("text,expected", ONE_MESSAGE, ids=[t[:40] for t, _ in ONE_MESSAGE])
def test_one_message_reports(text, expected):
    check(text, **expected)


# typos and texting style
TYPO_CASES = [
    ("tierd, pain 6", dict(fatigue=6, pain=6)),
    ("exausted today, sleept 4 hrs", dict(fatigue=8, sleep_hours=4.0)),
    ("walkd 15 minits, pian 5", dict(activities=[A("walking", 15)], pain=5)),
    ("streching 10 mins, fatique 7", dict(activities=[A("stretching", 10)], fatigue=7)),
    ("flair up, pain 8", dict(flare=True, pain=8)),
    ("soooo tired. slept like 5hrs", dict(fatigue=7, sleep_hours=5.0)),
    ("pain 7 yday, hoovered 15mins", dict(day_offset=-1, pain=7, activities=[A("housework", 15)])),
    ("PAIN 6 FATIGUE 8", dict(pain=6, fatigue=8)),
]


@pytest.mark.parametrize("text,expected", TYPO_CASES, ids=[t for t, _ in TYPO_CASES])
def test_typos(text, expected):
    check(text, **expected)


def test_bare_number_is_not_assigned():
    assert parse_checkin("6").fields() == set()
    assert parse_checkin("6 today").fields() == set()
    # a second number after a labelled one is not guessed either
    got = parse_checkin("pain 6, 7")
    assert got.pain == 6 and got.fields() == {"pain"}


def test_out_of_range_never_stored():
    check("pain 15 today, fatigue 7", fatigue=7, out_of_range=("pain",))
    check("stress 12/10 lol", out_of_range=("stress",))
    check("slept 30 hours", out_of_range=("sleep_hours",))
    check("walked 20 hours", out_of_range=("activities",))


def test_day_offset_not_moved_by_comparisons():
    assert parse_checkin("pain 6, same as yesterday").day_offset == 0
    assert parse_checkin("still sore from yesterday's walk, pain 7").day_offset == 0
    assert parse_checkin("pain 6 since yesterday").day_offset == 0
    assert parse_checkin("yesterday: pain 4").day_offset == -1


def test_flare_words():
    assert parse_checkin("flaring").flare is True
    assert parse_checkin("bad flare day").flare is True
    assert parse_checkin("flare-up started last night").flare is True
    assert parse_checkin("no flare").flare is False
    assert parse_checkin("not flaring thankfully").flare is False
    assert parse_checkin("flare is over now, pain 4").flare is False
    assert parse_checkin("pain 4").flare is None


def test_mentioned_activities_without_duration():
    got = parse_checkin("went for a walk and did some stretching, pain 5")
    assert got.activities == ()
    assert got.mentioned_activities == ("walking", "stretching")
    assert "activities" not in got.fields()


def test_fields_lists_recorded_fields():
    got = parse_checkin("pain 6, no flare")
    assert got.fields() == {"pain", "flare"}
    assert CheckinParse().fields() == set()


def test_empty_and_chatter():
    assert parse_checkin("").fields() == set()
    assert parse_checkin("hello").fields() == set()
    assert parse_checkin("thanks!").fields() == set()


# ---------------------------------------------------------------------------
# Step-by-step answers
# ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text,expected",
    [
        ("6", 6),
        ("about a six", 6),
        ("5 or 6", 6),
        ("five or six", 6),
        ("seven out of ten", 7),
        ("7/10", 7),
        ("a solid 8", 8),
        ("6ish", 6),
        ("6.5", 7),
        ("between 4 and 5", 5),
        ("6, maybe 7", 7),
        ("10", 10),
        ("zero", 0),
        ("none", 0),
        ("pretty bad", None),
        ("not great", None),
        ("15", "out_of_range"),
        ("11/10", "out_of_range"),
        ("-2", "out_of_range"),
    ],
)
def test_parse_scale(text, expected):
    assert parse_scale(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("half an hour", 30),
        ("an hour and a half", 90),
        ("twenty mins", 20),
        ("1h20", 80),
        ("15 min", 15),
        ("90 minutes", 90),
        ("2 hrs", 120),
        ("1.5 hours", 90),
        ("an hour", 60),
        ("quarter of an hour", 15),
        ("about 20-30 mins", 25),
        ("2 hours 15 minutes", 135),
        ("45", 45),
        ("a couple of hours", 120),
        ("not long", None),
        ("20 hours", None),
    ],
)
def test_parse_duration_minutes(text, expected):
    assert parse_duration_minutes(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("5h badly", (5.0, "poor")),
        ("about 7 hours, slept well", (7.0, "good")),
        ("barely slept", (None, "poor")),
        ("6 or 7", (6.5, None)),
        ("7", (7.0, None)),
        ("not great, maybe 5", (5.0, "poor")),
        ("ok", (None, "ok")),
        ("like a log, 9 hours", (9.0, "good")),
        ("didn't sleep at all", (0.0, "poor")),
        ("six and a half hours, restless", (6.5, "poor")),
        ("6h40", (6.5, None)),
        ("woke up loads", (None, "poor")),
    ],
)
def test_parse_sleep(text, expected):
    assert parse_sleep(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("good", "good"),
        ("pretty good actually", "good"),
        ("not great", "low"),
        ("meh", "ok"),
        ("ok", "ok"),
        ("not bad", "ok"),
        ("low", "low"),
        ("really down today", "low"),
        ("a bit anxious", "low"),
        ("happy", "good"),
        ("7/10", "good"),
        ("dunno", None),
    ],
)
def test_parse_mood(text, expected):
    assert parse_mood(text) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("yes", True),
        ("yeah", True),
        ("yep", True),
        ("Y", True),
        ("a bit", True),
        ("slightly", True),
        ("I think so", True),
        ("no", False),
        ("nope", False),
        ("nah", False),
        ("not really", False),
        ("no flare", False),
        ("don't know", None),
        ("maybe", None),
        ("", None),
    ],
)
def test_parse_yes_no(text, expected):
    assert parse_yes_no(text) is expected


@pytest.mark.parametrize(
    "text,expected",
    [
        ("walked 15 mins", (A("walking", 15),)),
        ("20 min of stretching and a short swim of half an hour", (A("stretching", 20), A("swimming", 30))),
        ("nothing today", (A("none", 0),)),
        ("rested all day", (A("none", 0),)),
        ("nothing", (A("none", 0),)),
        ("20 mins", (A("other", 20),)),
        ("2 hours", (A("other", 120),)),
        ("pilates for 25 minutes", (A("pilates", 25),)),
        ("a 10 minute walk and some gardening for an hour", (A("walking", 10), A("gardening", 60))),
        ("a walk", ()),
    ],
)
def test_parse_activity(text, expected):
    assert parse_activity(text) == expected


def test_activity_mentions():
    assert activity_mentions("a walk") == ("walking",)


@pytest.mark.parametrize(
    "text",
    [
        "skip",
        "pass",
        "don't know",
        "dunno",
        "not sure",
        "next",
        "no idea",
        "rather not say",
        "idk",
        "skip this one please",
        "next question",
        "can't remember",
    ],
)
def test_is_skip_true(text):
    assert is_skip(text)


@pytest.mark.parametrize("text", ["6", "pain 6", "yes", "walked 20 min", "I'm not sure, maybe 5"])
def test_is_skip_false(text):
    assert not is_skip(text)


@pytest.mark.parametrize(
    "text",
    [
        "stop",
        "later",
        "that's enough",
        "can we finish",
        "not now",
        "cancel",
        "done for now",
        "let's finish",
        "enough for today",
        "maybe later",
        "I'm done",
        "Stop please",
        "can we do the rest later",
    ],
)
def test_is_stop_true(text):
    assert is_stop(text)


@pytest.mark.parametrize(
    "text",
    [
        "I'll walk later",
        "couldn't stop crying",
        "pain 6",
        "yes",
        "skip",
        "walked to the end of the road",
    ],
)
def test_is_stop_false(text):
    assert not is_stop(text)


@pytest.mark.parametrize(
    "text,expected",
    [
        ("actually make that 7", 7),
        ("sorry, I meant 5", 5),
        ("no wait, 4", 4),
        ("change that to 3", 3),
        ("sorry I meant five", 5),
        ("I meant 5 not 6", 5),
        ("oops, should be 6.5", 6.5),
        ("actually it was 7 hours", 7),
        ("no, it's 8", 8),
        ("7", None),
        ("actually I'm really tired", None),
        ("no flare", None),
    ],
)
def test_parse_correction(text, expected):
    assert parse_correction(text) == expected


# ---------------------------------------------------------------------------
# NLU training data stays consistent with the parser
# ---------------------------------------------------------------------------


def _nlu_examples() -> dict[str, list[str]]:
    from pathlib import Path

    import yaml

    path = Path(__file__).resolve().parents[2] / "data" / "nlu" / "checkin.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["version"] == "3.1"
    out: dict[str, list[str]] = {}
    for block in data["nlu"]:
        out[block["intent"]] = [line[2:].strip() for line in block["examples"].splitlines() if line.strip()]
    return out


def test_nlu_data_shape():
    ex = _nlu_examples()
    for intent in ("start_checkin", "report_checkin", "skip", "stop", "correct_value"):
        assert 25 <= len(ex[intent]) <= 40, (intent, len(ex[intent]))
    assert len(ex["inform"]) >= 40
    seen: dict[str, str] = {}
    for intent, items in ex.items():
        for item in items:
            assert item.lower() not in seen, f"{item!r} in {seen.get(item.lower())} and {intent}"
            seen[item.lower()] = intent


def test_nlu_examples_agree_with_parser():
    ex = _nlu_examples()
    assert all(is_skip(e) for e in ex["skip"]), [e for e in ex["skip"] if not is_skip(e)]
    assert all(is_stop(e) for e in ex["stop"]), [e for e in ex["stop"] if not is_stop(e)]
    assert all(parse_correction(e) is not None for e in ex["correct_value"])
    assert all(len(parse_checkin(e).fields()) >= 2 for e in ex["report_checkin"])
    for intent in ("start_checkin", "report_checkin", "inform", "correct_value"):
        assert not any(is_stop(e) or is_skip(e) for e in ex[intent]), intent
