"""Schemathesis against the app's own OpenAPI schema, in process: no 5xx, and every answer is one the schema names.

The app runs as in production (all channels on, the operator API on) with Rasa and the messaging platforms replaced
by in-memory fakes and a fresh SQLite database. Schemathesis's engine runs its examples, coverage and fuzzing
phases with a fixed seed and deterministic generation (valid and invalid requests alike), once sending the operator
token and once without it. A request that takes longer than schemathesis's 10 s read timeout fails the run too.
Run with `-s` to see the figures: operations, requests, and the answers by status code.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import httpx
import pytest
import schemathesis
from schemathesis import engine
from schemathesis.engine import Status, events

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.diary import import_file
from bot.storage import repo
from bot.storage.db import migrate, session_scope
from tests.unit.test_api import FakeRasa

OPERATOR_TOKEN = "fuzz-operator-token"
KNOWN_USER = "fuzz-user"
SEED = 20240611
MAX_EXAMPLES = 150  # per operation and phase; keeps both runs within about 3 minutes on 2 cores
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
]


def platform_api(request: httpx.Request) -> httpx.Response:
    """Telegram, Meta and Twilio accept whatever the bot sends."""
    return httpx.Response(200, json={"ok": True})


def fuzz_settings(database_url: str) -> Settings:
    return Settings(
        database_url=database_url,
        rasa_token="t",
        operator_token=OPERATOR_TOKEN,
        reminder_poll_seconds=0,
        web_session_secret="fuzz-session-secret",
        action_server_url="http://127.0.0.1:9",
        telegram_bot_token="tg",
        telegram_webhook_secret="tg-secret",
        whatsapp_access_token="wa",
        whatsapp_app_secret="wa-secret",
        whatsapp_verify_token="wa-verify",
        whatsapp_phone_number_id="1",
        messenger_page_token="ms",
        messenger_app_secret="ms-secret",
        messenger_verify_token="ms-verify",
        twilio_account_sid="AC1",
        twilio_auth_token="tw",
        twilio_from_number="+15550001111",
        public_base_url="https://coach.example.org",
    )


def add_known_user(database_url: str) -> None:
    """A consented web user with a week of diary, so plans, summaries and exports have something to show."""
    migrate(database_url)
    days = "\n".join(f"2024-06-{day:02d},walking,{15 + day},{3 + day % 4},5,no" for day in range(1, 8))
    with session_scope(database_url) as session:
        user = repo.get_or_create_user(session, "web", KNOWN_USER)
        repo.record_consent(session, user)
        import_file(session, user, f"date,activity,minutes,pain,fatigue,flare\n{days}\n".encode(), "diary.csv")


def schemathesis_config(send_operator_token: bool) -> schemathesis.Config:
    checks = {"enabled": False, **{name: {"enabled": True} for name in CHECKS}}
    config = {
        "seed": SEED,
        "generation": {"mode": "all", "deterministic": True, "max-examples": MAX_EXAMPLES, "database": "none"},
        "checks": checks,
        "phases": {"stateful": {"enabled": False}},
        # half the time a user who exists, so the pacing and operator routes answer with data, not only 404
        "dictionaries": {"known-channels": {"values": ["web"]}, "known-users": {"values": [KNOWN_USER]}},
        "parameters": {
            "path.channel": {"dictionary": "known-channels", "probability": 0.5},
            "path.external_id": {"dictionary": "known-users", "probability": 0.5},
        },
        # a 503 from /healthz is its documented "not ready" answer (the fuzz has no action server), not a crash
        "operations": [
            {
                "include-path": "/healthz",
                "checks": {"not_a_server_error": {"expected-statuses": ["2xx", "3xx", "4xx", 503]}},
            }
        ],
    }
    if send_operator_token:
        config["auth"] = {"openapi": {"OperatorToken": {"bearer": OPERATOR_TOKEN}}}
    return schemathesis.Config.from_dict(config)


@dataclass
class FuzzResult:
    operations: set[str] = field(default_factory=set)
    requests: int = 0
    statuses: Counter = field(default_factory=Counter)  # (operation, status code) -> how many answers
    failures: Counter = field(default_factory=Counter)  # (operation, check, status code) -> how many failed checks
    errors: list[str] = field(default_factory=list)  # requests that got no answer (timeouts), crashes of the run

    def report(self) -> str:
        lines = [
            f"{len(self.operations)} operations, {self.requests} requests, "
            f"{sum(self.failures.values())} failed checks, {len(self.errors)} errors"
        ]
        lines += [
            f"  {n:4d} x {check} failed on {op} ({status})"
            for (op, check, status), n in sorted(self.failures.items(), key=str)
        ]
        lines += [f"  error: {error}" for error in self.errors]
        lines += [f"  {n:4d} x {status} from {op}" for (op, status), n in sorted(self.statuses.items(), key=str)]
        return "\n".join(lines)


def status_of(recorder, case_id: str) -> int | None:
    interaction = recorder.interactions.get(case_id)
    return interaction.response.status_code if interaction and interaction.response else None


def run_fuzzer(schema) -> FuzzResult:
    result = FuzzResult()
    for event in engine.from_schema(schema).execute():
        if isinstance(event, events.ScenarioFinished):
            recorder = event.recorder
            result.operations.add(recorder.label)
            result.requests += len(recorder.interactions)
            for case_id in recorder.interactions:
                result.statuses[(recorder.label, status_of(recorder, case_id))] += 1
            for case_id, checks in recorder.checks.items():
                for check in checks:
                    if check.status == Status.FAILURE:
                        result.failures[(recorder.label, check.name, status_of(recorder, case_id))] += 1
        elif isinstance(event, events.NonFatalError):
            result.errors.append(f"{event.label}: {event.value}")
        elif isinstance(event, events.FatalError):
            result.errors.append(f"the run: {event.exception}")
    return result


def documented_operations(app) -> set[str]:
    return {f"{method.upper()} {path}" for path, item in app.openapi()["paths"].items() for method in item}


@pytest.mark.parametrize("send_operator_token", [True, False], ids=["operator token sent", "no operator token"])
def test_every_answer_is_documented_and_none_is_a_server_error(send_operator_token, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'fuzz.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = fuzz_settings(url)
    add_known_user(url)
    platform = httpx.MockTransport(platform_api)
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(FakeRasa().handler)),
        telegram_transport=platform,
        whatsapp_transport=platform,
        messenger_transport=platform,
        sms_transport=platform,
    )
    schema = schemathesis.openapi.from_asgi("/openapi.json", app, config=schemathesis_config(send_operator_token))
    try:
        result = run_fuzzer(schema)
    finally:
        schemathesis.python.asgi.shutdown_lifespans()
    print("\n" + result.report())
    assert result.operations == documented_operations(app)
    assert not result.errors and not result.failures, result.report()
