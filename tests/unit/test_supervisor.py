"""The supervisor restarts a child that dies, backs off on repeated crashes, and says what is down in /healthz.

Real child processes (a sleeping Python, or one that exits at once) stand in for Rasa, the action server and the
web app; the end-to-end test (tests/e2e/test_supervisor_heals.py) does the same to the real servers.
"""

from __future__ import annotations

import json
import logging
import os
import signal
import subprocess
import sys

import httpx
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from ops.stack import CHILDREN, StackConfig
from ops.supervisor import Backoff, Supervisor
from ops.supervisor_state import RESTARTING, STARTING, UP, read_children, write_state

SLEEPER = [sys.executable, "-c", "import time; time.sleep(120)"]
CRASHER = [sys.executable, "-c", "raise SystemExit(3)"]


class ChildrenStandIn:
    """What the supervisor uses of ops.stack.Stack, with small processes as the children."""

    def __init__(self, tmp_path, command=SLEEPER):
        self.config = StackConfig(log_dir=tmp_path / "logs")
        self.command = command
        self.procs: dict[str, subprocess.Popen] = {}
        self.started: list[str] = []
        for name in CHILDREN:
            self.procs[name] = subprocess.Popen(SLEEPER, start_new_session=True)

    def start_child(self, name):
        self.started.append(name)
        self.procs[name] = subprocess.Popen(self.command, start_new_session=True)

    def answers(self, name):
        return self.procs[name].poll() is None

    def reap(self, name):
        pass

    def stop(self):
        for proc in self.procs.values():
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                proc.wait(5)


def kill(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGKILL)
    proc.wait(5)


def test_back_off_doubles_up_to_a_ceiling():
    backoff = Backoff(first=1.0, ceiling=60.0)
    assert [backoff.delay(n) for n in range(1, 10)] == [1, 2, 4, 8, 16, 32, 60, 60, 60]


def test_a_killed_child_is_started_again_and_the_others_are_left_alone(tmp_path):
    stack = ChildrenStandIn(tmp_path)
    state_file = tmp_path / "supervisor.json"
    supervisor = Supervisor(stack, state_file, backoff=Backoff(first=0.0, ceiling=0.0))  # type: ignore[arg-type]
    try:
        untouched = {name: stack.procs[name].pid for name in ("rasa", "api")}
        kill(stack.procs["actions"])

        supervisor.tick()
        down = read_children(state_file)["actions"]
        assert down["state"] == RESTARTING and down["last_exit"] == -signal.SIGKILL and down["since"]

        supervisor.tick()
        assert stack.started == ["actions"] and read_children(state_file)["actions"]["state"] == STARTING
        supervisor.tick()
        back = read_children(state_file)["actions"]
        assert back["state"] == UP and back["restarts"] == 1 and back["pid"] == stack.procs["actions"].pid
        assert {name: stack.procs[name].pid for name in ("rasa", "api")} == untouched
    finally:
        stack.stop()


def test_a_child_that_keeps_crashing_waits_longer_each_time_and_it_is_logged(tmp_path, caplog):
    stack = ChildrenStandIn(tmp_path, command=CRASHER)
    state_file = tmp_path / "supervisor.json"
    supervisor = Supervisor(stack, state_file, backoff=Backoff(first=0.0, ceiling=0.0))  # type: ignore[arg-type]
    waits = []
    supervisor.backoff.delay = lambda n: waits.append(n) or 0.0  # type: ignore[method-assign]
    try:
        kill(stack.procs["rasa"])
        with caplog.at_level(logging.WARNING, logger="pacing.supervisor"):
            for _ in range(12):
                supervisor.tick()
                stack.procs["rasa"].wait(5)
        assert waits[:4] == [1, 2, 3, 4]  # each crash in a row asks for the next, longer wait
        rasa = read_children(state_file)["rasa"]
        assert rasa["crashes_in_a_row"] >= 4 and rasa["last_exit"] == 3 and rasa["state"] != UP
        assert "rasa stopped unexpectedly (exit 3" in caplog.text
    finally:
        stack.stop()


def test_health_says_what_the_supervisor_is_restarting_and_since_when(tmp_path, monkeypatch):
    state_file = tmp_path / "supervisor.json"
    write_state(
        state_file,
        {
            "rasa": {"state": RESTARTING, "since": "2026-12-03T15:00:00+00:00", "restarts": 2, "last_exit": -9},
            "actions": {"state": UP, "since": "2026-12-03T14:00:00+00:00", "restarts": 0, "last_exit": None},
        },
    )
    url = f"sqlite:///{tmp_path / 'api.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, rasa_token="t", supervisor_state_file=str(state_file))
    down_rasa = httpx.MockTransport(lambda request: httpx.Response(502))
    with TestClient(create_app(settings, RasaClient(settings, transport=down_rasa))) as client:
        r = client.get("/healthz")
    body = r.json()
    assert r.status_code == 503 and body["rasa"] is False
    assert body["down"]["rasa"] == {
        "since": "2026-12-03T15:00:00+00:00",
        "state": RESTARTING,
        "restarts": 2,
        "last_exit": -9,
    }
    assert body["down"]["actions"]["since"]  # no action server in this test: down since this app first looked
    assert "database" not in body["down"]


def test_the_state_file_holds_no_more_than_names_states_and_numbers(tmp_path):
    stack = ChildrenStandIn(tmp_path)
    state_file = tmp_path / "supervisor.json"
    try:
        Supervisor(stack, state_file)  # type: ignore[arg-type]
        children = json.loads(state_file.read_text())["children"]
        assert set(children) == set(CHILDREN)
        assert all(
            set(child) == {"state", "since", "pid", "restarts", "crashes_in_a_row", "last_exit"}
            for child in children.values()
        )
    finally:
        stack.stop()
