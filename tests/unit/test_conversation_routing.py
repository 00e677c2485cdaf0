"""The turn pipeline's safety floor and routing, in front of a fake Rasa: what a person in trouble would notice."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.inbound import Inbound
from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.storage import models
from bot.storage.db import get_engine, migrate, session_scope
from tests.unit.test_api import FakeRasa, post


class TriageAwareRasa(FakeRasa):
    """Also answers trigger_intent, and can offer a triage follow-up."""

    def __init__(self):
        super().__init__()
        self.triggered: list[dict] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/trigger_intent"):
            self.triggered.append(json.loads(request.content))
            return httpx.Response(200, json={"messages": [{"recipient_id": "x", "text": "Triage question"}]})
        return super().handler(request)


@pytest.fixture
def fake():
    return TriageAwareRasa()


def make_client(fake, url, monkeypatch):
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, rasa_token="t", reminder_poll_seconds=0)
    return create_app(settings, RasaClient(settings, transport=httpx.MockTransport(fake.handler)))


@pytest.fixture
def client(fake, tmp_path, monkeypatch):
    with TestClient(make_client(fake, f"sqlite:///{tmp_path / 'api.db'}", monkeypatch)) as c:
        yield c


def sent(fake) -> str:
    return fake.received[-1]["message"]


def test_a_sensation_report_goes_to_triage_with_the_persons_words(client, fake):
    post(client, "my knee swelled up after the walk, is that ok?")
    command = sent(fake)
    assert command.startswith("/ask_sensation{")
    entities = json.loads(command[len("/ask_sensation") :])
    assert entities["said"] == "my knee swelled up after the walk, is that ok?"
    assert entities["hint"] in ("assess", "stop")


def test_a_typed_answer_to_a_triage_question_stays_with_the_triage(client, fake):
    fake.reply = [
        {
            "recipient_id": "x",
            "text": "Is it easing?",
            "buttons": [
                {"title": "Getting worse", "payload": '/triage_answer{"triage_key":"trend","triage_value":"worse"}'}
            ],
        }
    ]
    post(client, "my ankle is sore")
    post(client, "getting worse")
    assert json.loads(sent(fake)[len("/ask_sensation") :])["said"] == "getting worse"


def test_a_new_question_after_a_triage_question_is_not_taken_for_an_answer(client, fake):
    fake.reply = [
        {
            "recipient_id": "x",
            "text": "Is it easing?",
            "buttons": [{"title": "Easing", "payload": '/triage_answer{"triage_key":"trend","triage_value":"easing"}'}],
        }
    ]
    post(client, "my ankle is sore")
    post(client, "how does pacing help with flares in the long run?")
    assert sent(fake) == "how does pacing help with flares in the long run?"


def test_a_check_in_with_a_worrying_sensation_is_recorded_then_triaged(client, fake):
    fake.reply = [{"recipient_id": "x", "text": "Thanks, logged."}]
    r = post(client, "pain 6, slept 5 hours, walked 20 min and my knee swelled right up after")
    assert sent(fake).startswith("pain 6")  # the check-in reaches Rasa as it is
    assert fake.triggered and fake.triggered[-1]["name"] == "ask_sensation"
    assert [m["text"] for m in r.json()] == ["Thanks, logged.", "Triage question"]


def test_a_plain_check_in_is_not_triaged(client, fake):
    post(client, "pain 4, slept 7 hours, walked 15 minutes")
    assert sent(fake) == "pain 4, slept 7 hours, walked 15 minutes"
    assert not fake.triggered


def test_crisis_help_goes_out_with_the_database_and_rasa_down(fake, monkeypatch):
    fake.down = True
    app = make_client(fake, "postgresql://nobody@127.0.0.1:1/nothing", monkeypatch)  # nothing listens there
    reply = app.state.conversation.handle(Inbound("web", "alice", "i want to end my life"))
    assert reply.safety == "crisis"
    assert "emergency" in reply.messages[0]["text"]
    reply = app.state.conversation.handle(
        Inbound("web", "alice", "my face has gone droopy on one side and my speech is slurred")
    )
    assert reply.safety == "emergency"


def test_the_safety_event_is_stored_once_the_database_is_back(fake, tmp_path, monkeypatch):
    from sqlalchemy.exc import OperationalError

    import api.safety_aftercare as aftercare

    url = f"sqlite:///{tmp_path / 'api.db'}"
    app = make_client(fake, url, monkeypatch)
    migrate(url)
    failures = {"left": 2}
    real_scope = aftercare.session_scope

    def flaky_scope(*args, **kwargs):
        if failures["left"]:
            failures["left"] -= 1
            raise OperationalError("SELECT 1", {}, Exception("database is locked"))
        return real_scope(*args, **kwargs)

    monkeypatch.setattr(aftercare, "session_scope", flaky_scope)
    reply = app.state.conversation.handle(Inbound("web", "alice", "i want to end my life"))
    assert reply.safety == "crisis"
    assert app.state.conversation.aftercare.drain(timeout=30)
    assert failures["left"] == 0
    with session_scope(url) as session:
        assert [e.kind for e in session.query(models.TriageEvent).all()] == ["crisis"]
    get_engine(url).dispose()


@pytest.mark.parametrize("text", ["i want to die\ud800", "chest pain\x00 and my left arm is numb", "\udc80"])
def test_malformed_text_gets_a_reply_never_a_500(client, text):
    r = client.post(
        "/webhooks/rest/webhook",
        content=json.dumps({"sender": "bob", "message": text}),
        headers={"content-type": "application/json"},
    )
    assert r.status_code == 200
    assert r.json() and r.json()[0]["text"]


def test_a_safety_event_waiting_for_a_dead_database_never_keeps_the_process_from_exiting(tmp_path):
    # The bot is stopped (or a test run ends) while an event waits for the database: the process must still exit.
    script = (
        "import httpx\n"
        "from api.rasa_client import RasaClient\n"
        "from api.settings import Settings\n"
        "from api.safety_aftercare import SafetyAftercare, SafetyEvent\n"
        "down = 'postgresql://nobody@127.0.0.1:1/nothing'\n"
        "settings = Settings(database_url=down, rasa_token='t', reminder_poll_seconds=0)\n"
        "rasa = RasaClient(settings, transport=httpx.MockTransport(lambda r: httpx.Response(503)))\n"
        "care = SafetyAftercare(rasa, down)\n"
        "care.after_reply(SafetyEvent('web', 'a', 'crisis', ('x',), 'text'), 'web:a', end_form=True)\n"
        "assert not care.drain(timeout=1)\n"
        "print('replied')\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=tmp_path,
        env={"PYTHONPATH": str(Path(__file__).resolve().parents[2]), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "replied"
