"""`make run`'s supervisor heals the stack: the action server and Rasa are killed (SIGKILL) and nobody restarts them.

A crisis message is answered with the help line while they are down, other messages get the kind "restarting"
reply, /healthz says what is down and since when, and afterwards the bot answers a question again on its own.
Ctrl-C (SIGINT) then stops every child. Starts its own `python -m ops.run` (a second Rasa: about a minute to load).
"""

from __future__ import annotations

import os
import signal
import subprocess
import time

import httpx
import pytest

from api.conversation import UNAVAILABLE
from ops.paths import APP_PY, ROOT
from ops.stack import free_port
from ops.supervisor_state import read_children
from tests.conftest import Chat

pytestmark = pytest.mark.e2e


def wait_for(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(1.0)
    raise AssertionError(f"not {what} after {timeout:.0f} s")


def health(base_url: str) -> httpx.Response | None:
    try:
        return httpx.get(f"{base_url}/healthz", timeout=10.0)
    except httpx.HTTPError:
        return None


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def supervised(tmp_path):
    port = free_port()
    env = dict(
        os.environ,
        PORT=str(port),
        RASA_PORT=str(free_port()),
        ACTION_PORT=str(free_port()),
        DATABASE_URL=f"sqlite:///{tmp_path / 'pacing.db'}",
        LOG_DIR=str(tmp_path / "logs"),
        SUPERVISOR_STATE_FILE=str(tmp_path / "supervisor.json"),
        REMINDER_POLL_SECONDS="0",
        START_TIMEOUT_SECONDS="600",  # the machine may be shared
        RATE_LIMIT_PER_IP="100000/minute",
        RATE_LIMIT_PER_SENDER="100000/minute",
    )
    env.pop("RASA_TOKEN", None)
    with open(tmp_path / "run.out", "wb") as out:
        run = subprocess.Popen([str(APP_PY), "-m", "ops.run"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    base_url = f"http://127.0.0.1:{port}"
    try:
        ready = lambda: (r := health(base_url)) is not None and r.status_code == 200  # noqa: E731
        wait_for(lambda: ready() or run.poll() is not None, 660, "ready")
        assert run.poll() is None, (tmp_path / "run.out").read_text()
        yield run, base_url, tmp_path / "supervisor.json"
    finally:
        if run.poll() is None:
            run.send_signal(signal.SIGINT)
            try:
                run.wait(60)
            except subprocess.TimeoutExpired:
                run.kill()


def test_the_bot_answers_again_after_rasa_and_the_action_server_are_killed(supervised):
    run, base_url, state_file = supervised
    chat = Chat(base_url, country="GB")
    chat.consent()
    chat.say("what is pacing")
    before = chat.text()
    assert before and UNAVAILABLE not in before

    children = read_children(state_file)
    for name in ("actions", "rasa"):
        os.kill(children[name]["pid"], signal.SIGKILL)

    chat.say("I don't see the point of living any more")
    assert "116 123" in chat.text()  # Samaritans, at once, with Rasa gone
    chat.say("what is pacing")
    assert chat.text() == UNAVAILABLE

    down = wait_for(
        lambda: (r := health(base_url)) is not None and {"rasa", "actions"} <= set(r.json()["down"]) and r.json(),
        30,
        "reported down",
    )
    assert down["ready"] is False and down["down"]["rasa"]["since"]

    wait_for(lambda: (r := health(base_url)) is not None and r.status_code == 200, 600, "healed")
    chat.say("what is pacing")
    assert chat.text() == before
    restarted = read_children(state_file)
    assert restarted["rasa"]["restarts"] == 1 and restarted["actions"]["restarts"] == 1
    assert restarted["api"]["restarts"] == 0

    pids = [child["pid"] for child in restarted.values()]
    run.send_signal(signal.SIGINT)
    assert run.wait(60) == 0
    assert not any(alive(pid) for pid in pids)
