"""The action server as an attacker on loopback meets it: it listens on loopback only and runs nothing without
the shared secret (before: 0.0.0.0, and a forged call exported, deleted or consented for anyone)."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import httpx
import pytest

from bot.onboarding import CONSENT_AGREE
from bot.storage import models, repo
from bot.storage.db import get_engine, migrate, session_scope
from ops.stack import free_port
from tests.conftest import ROOT


def listening_addresses(port: int) -> set[str]:
    """The local addresses a TCP port listens on, read from the kernel's tables."""
    found = set()
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        with open(table) as rows:
            for row in list(rows)[1:]:
                local, state = row.split()[1], row.split()[3]
                address, hex_port = local.split(":")
                if state == "0A" and int(hex_port, 16) == port:
                    found.add(
                        address if width == 32 else ".".join(str(int(address[i : i + 2], 16)) for i in (6, 4, 2, 0))
                    )
    return found


@pytest.fixture(scope="module")
def action_server(tmp_path_factory):
    folder = tmp_path_factory.mktemp("actions")
    url = f"sqlite:///{folder / 'app.db'}"
    migrate(url)
    port = free_port()
    token = "a-shared-secret-for-this-test"
    env = {**os.environ, "DATABASE_URL": url, "ACTION_SERVER_TOKEN": token}
    env.pop("ACTION_SERVER_HOST", None)
    with open(folder / "actions.log", "wb") as log:  # the server keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [sys.executable, "-m", "actions.server", "--port", str(port)],
            cwd=ROOT,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    for _ in range(120):
        try:
            if httpx.get(f"{base}/health", timeout=1).status_code == 200:
                break
        except httpx.HTTPError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail((folder / "actions.log").read_text()[-2000:])
    yield base, token, url, port
    proc.terminate()
    proc.wait(10)
    get_engine(url).dispose()


def consent_call(sender: str) -> dict:
    return {
        "next_action": "action_consent_agree",
        "sender_id": sender,
        "version": "3.6.21",
        "tracker": {
            "sender_id": sender,
            "slots": {},
            "latest_message": {"text": "/consent_agree"},
            "events": [],
            "paused": False,
            "followup_action": None,
            "active_loop": {},
            "latest_action_name": "action_listen",
        },
        "domain": {"responses": {}, "intents": [], "entities": [], "slots": {}, "forms": {}, "actions": []},
    }


def test_the_action_server_listens_on_loopback_only(action_server):
    _, _, _, port = action_server
    assert listening_addresses(port) == {"127.0.0.1"}


@pytest.mark.parametrize("header", [None, "Bearer wrong", "Basic YTpi", "a-shared-secret-for-this-test"])
def test_a_forged_action_call_is_refused_and_changes_nothing(action_server, header):
    base, _, url, _ = action_server
    headers = {"Authorization": header} if header else {}
    r = httpx.post(f"{base}/webhook", json=consent_call("web:victim"), headers=headers, timeout=30)
    assert r.status_code == 401
    with session_scope(url) as session:
        assert session.query(models.User).filter_by(external_id="victim").count() == 0


def test_rasa_with_the_secret_still_runs_actions(action_server):
    base, token, url, _ = action_server
    with session_scope(url) as session:  # carol was shown the consent message
        repo.set_offered_payloads(session, repo.get_or_create_user(session, "web", "carol"), [CONSENT_AGREE])
    r = httpx.post(
        f"{base}/webhook", json=consent_call("web:carol"), headers={"Authorization": f"Bearer {token}"}, timeout=30
    )
    assert r.status_code == 200, r.text
    with session_scope(url) as session:
        assert repo.find_user(session, "web", "carol").consented


def test_a_failing_action_call_does_not_echo_the_conversation(action_server):
    base, token, _, _ = action_server
    call = consent_call("web:dave") | {"next_action": "no_such_action"}
    call["tracker"]["latest_message"]["text"] = "my private words"
    r = httpx.post(f"{base}/webhook", json=call, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    assert r.status_code >= 400
    assert "private" not in r.text


def test_without_a_secret_the_action_server_does_not_start():
    env = {k: v for k, v in os.environ.items() if k != "ACTION_SERVER_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "actions.server", "--port", str(free_port())],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode != 0 and "ACTION_SERVER_TOKEN" in done.stderr
