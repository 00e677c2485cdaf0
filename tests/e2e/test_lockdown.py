"""The running stack as an attacker on loopback meets it: nothing answers without the shared secrets, nothing
listens beyond loopback, and no secret shows in `ps` (before: Rasa's REST channel answered any sender and skipped
the safety floor, the action server ran forged calls on 0.0.0.0, and the Rasa token was on its command line)."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from bot.storage import repo
from bot.storage.db import session_scope
from tests.unit.test_server_lockdown import consent_call, listening_addresses


def test_rasa_rest_channel_refuses_a_message_without_the_secret(stack):
    url = f"{stack.config.rasa_url}/webhooks/rest/webhook"
    for headers in ({}, {"Authorization": "Bearer wrong"}):
        r = httpx.post(url, json={"sender": "web:eve", "message": "hello"}, headers=headers, timeout=30)
        assert r.status_code == 401 and r.json() == {"error": "unauthorized"}


@pytest.mark.parametrize("path", ["/conversations/web:someone/tracker", "/status"])
def test_rasa_http_api_refuses_a_call_without_the_token(stack, path):
    assert httpx.get(f"{stack.config.rasa_url}{path}", timeout=30).status_code == 401


def test_a_forged_action_call_cannot_consent_for_someone(stack):
    r = httpx.post(f"{stack.config.action_url}/webhook", json=consent_call("web:never-spoke"), timeout=30)
    assert r.status_code == 401
    with session_scope(stack.config.database_url) as session:
        assert repo.find_user(session, "web", "never-spoke") is None


def test_every_server_listens_on_loopback_only(stack):
    for port in (stack.config.rasa_port, stack.config.action_port, stack.config.port):
        assert listening_addresses(port) == {"127.0.0.1"}, port


def test_no_secret_is_visible_on_a_command_line(stack):
    secrets = {stack.config.rasa_token, stack.config.action_token}
    for proc in stack.procs.values():
        command_line = Path(f"/proc/{proc.pid}/cmdline").read_bytes().decode(errors="replace")
        assert not any(secret in command_line for secret in secrets), command_line.split("\0")[:3]


def test_the_app_still_talks_to_rasa_with_the_secret(chat):
    chat.say("hi")
    assert chat.buttons(), chat.last
