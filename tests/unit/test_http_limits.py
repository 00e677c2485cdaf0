"""What an attacker (or an over-eager client) on loopback meets at the HTTP edge: the streaming body cap, the
security headers on every answer, and the rate limits on the public routes."""

from __future__ import annotations

import asyncio
import os
import uuid
from html.parser import HTMLParser

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.routers.webchat import STATIC
from api.settings import Settings
from tests.unit.test_api import FakeRasa

MB = 1024 * 1024
CHUNK = 1024
LIMIT = 64 * 1024
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "frame-ancestors 'none'; base-uri 'none'; form-action 'self'"
)
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
WHATSAPP = dict(
    whatsapp_access_token="tok",
    whatsapp_app_secret="app-secret",
    whatsapp_verify_token="verify",
    whatsapp_phone_number_id="123",
)
OPERATOR = {"Authorization": "Bearer op-token"}


@pytest.fixture
def fake():
    return FakeRasa()


@pytest.fixture
def make_app(fake, tmp_path, monkeypatch):
    """An app on a fresh SQLite database in front of the fake Rasa; settings as given."""
    url = f"sqlite:///{tmp_path / 'limits.db'}"
    monkeypatch.setenv("DATABASE_URL", url)

    def make(**overrides):
        settings = Settings(database_url=url, rasa_token="t", reminder_poll_seconds=0, **overrides)
        return create_app(settings, RasaClient(settings, transport=httpx.MockTransport(fake.handler)))

    return make


@pytest.fixture
def client_for(make_app):
    """A started TestClient (migrated database) for an app with the given settings."""
    clients = []

    def start(**overrides):
        client = TestClient(make_app(**overrides))
        client.__enter__()
        clients.append(client)
        return client

    yield start
    for client in clients:
        client.__exit__(None, None, None)


# --- the body cap --------------------------------------------------------------------------------------------------

JSON_START = b'{"sender":"eve","message":"'
MULTIPART_START = b'--b\r\nContent-Disposition: form-data; name="file"; filename="d.csv"\r\n\r\n'


class Attack:
    """A 200 MB body sent in 1 kB chunks, counting how many chunks the app pulled."""

    def __init__(self, start: bytes = JSON_START, total: int = 200 * MB):
        self.start = start
        self.chunks_total = total // CHUNK
        self.chunks_pulled = 0

    async def body(self):
        for _ in range(self.chunks_total):
            chunk = (self.start if self.chunks_pulled == 0 else b"") + b"SECRET-PAYLOAD-" * 80
            self.chunks_pulled += 1
            yield chunk[:CHUNK]


def stream(app, path: str, body, headers: dict | None = None) -> httpx.Response:
    """One request over httpx's ASGI transport, which hands the app the body chunk by chunk as it is pulled."""

    async def go():
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.post(path, content=body, headers=headers or {})

    return asyncio.run(go())


@pytest.fixture
def handled(monkeypatch):
    """Records the conversation turns and Meta signature checks that the app got as far as starting."""
    calls = []
    from api.channels import meta
    from api.conversation import Conversation

    monkeypatch.setattr(Conversation, "handle", lambda self, *a, **k: calls.append("conversation"))
    real_check = meta.signature_ok
    monkeypatch.setattr(meta, "signature_ok", lambda *a: calls.append("signature") or real_check(*a))
    return calls


@pytest.mark.parametrize(
    "path,limit",
    [
        ("/webhooks/rest/webhook", LIMIT),
        ("/webhooks/whatsapp", LIMIT),
        ("/webchat/diary", MB + LIMIT),
        ("/pacing/users/web/eve/diary", MB + LIMIT),
    ],
)
def test_a_chunked_body_past_the_limit_is_cut_off_before_any_parsing_or_signature_work(make_app, handled, path, limit):
    upload = path.endswith("/diary")
    attack = Attack(MULTIPART_START if upload else JSON_START)
    kind = "multipart/form-data; boundary=b" if upload else "application/json"
    r = stream(
        make_app(operator_token="op-token", **WHATSAPP), path, attack.body(), headers={"Content-Type": kind, **OPERATOR}
    )
    assert r.request.headers["transfer-encoding"] == "chunked" and "content-length" not in r.request.headers
    assert r.status_code == 413
    assert attack.chunks_pulled <= limit // CHUNK + 2  # reading stopped just past the limit, not at 200 MB
    assert handled == []  # no conversation turn, no HMAC over the body


def test_the_413_is_short_json_and_never_echoes_the_body(make_app, handled):
    r = stream(make_app(), "/webhooks/rest/webhook", Attack().body())
    assert r.status_code == 413
    assert set(r.json()) == {"detail"} and len(r.content) < 300
    assert b"SECRET-PAYLOAD" not in r.content and b"eve" not in r.content


def test_a_declared_length_over_the_limit_is_refused_without_reading_a_byte(make_app, handled):
    attack = Attack()
    r = stream(make_app(), "/webhooks/rest/webhook", attack.body(), headers={"Content-Length": str(200 * MB)})
    assert r.status_code == 413
    assert attack.chunks_pulled == 0
    assert handled == []


@pytest.mark.parametrize("length", ["12abc", "-1", ""])
def test_a_malformed_content_length_is_a_400(make_app, handled, length):
    r = stream(
        make_app(), "/webhooks/rest/webhook", b'{"sender":"a","message":"hi"}', headers={"Content-Length": length}
    )
    assert r.status_code == 400
    assert handled == []


def test_a_diary_file_over_64_kb_still_reaches_the_upload(client_for):
    client = client_for()
    assert chat(client, "fran").status_code == 200  # the conversation starts in this browser
    diary = b"date,activity,minutes,pain,fatigue,flare\n" + b"2024-01-01,walk,20,5,5,no\n" * 20_000  # about 520 kB
    r = client.post("/webchat/diary", data={"sender": "fran"}, files={"file": ("diary.csv", diary, "text/csv")})
    assert r.status_code == 200
    assert "consent" in r.text.lower()  # the route answered (a new user is asked for consent first)


def test_a_chat_message_within_the_limit_is_still_answered(client_for, fake):
    r = client_for().post("/webhooks/rest/webhook", json={"sender": "alice", "message": "hello " * 100})
    assert r.status_code == 200 and fake.received


# --- security headers ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "method,path",
    [
        ("GET", "/"),
        ("GET", "/healthz"),
        ("GET", "/static/chat.js"),
        ("GET", "/no-such-page"),
        ("POST", "/webhooks/rest/webhook"),
    ],
)
def test_every_answer_carries_the_security_headers(client_for, method, path):
    r = client_for().request(
        method, path, content=b"{}" if method == "POST" else None, headers={"Content-Type": "application/json"}
    )
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "no-referrer"
    assert r.headers["x-frame-options"] == "DENY"
    assert "strict-transport-security" not in r.headers  # plain http: HSTS would be ignored, and wrong


def test_the_413_carries_the_security_headers_too(make_app):
    r = stream(make_app(), "/webhooks/rest/webhook", Attack().body())
    assert r.status_code == 413 and r.headers["content-security-policy"] == CSP


def test_hsts_is_sent_over_https(make_app):
    with TestClient(make_app(), base_url="https://testserver") as client:
        assert client.get("/healthz").headers["strict-transport-security"].startswith("max-age=")


@pytest.mark.parametrize("trusted,expected", [(False, False), (True, True)])
def test_x_forwarded_proto_counts_only_when_trusted(client_for, trusted, expected):
    r = client_for(trust_forwarded_proto=trusted).get("/healthz", headers={"X-Forwarded-Proto": "https"})
    assert ("strict-transport-security" in r.headers) is expected


class InlineFinder(HTMLParser):
    """Collects what the CSP would block: inline scripts, <style> blocks, style="" and on*="" attributes."""

    def __init__(self):
        super().__init__()
        self.blocked: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        names = dict(attrs)
        self._in_script = tag == "script"
        if tag == "script" and not names.get("src"):
            self.blocked.append("inline <script>")
        if tag == "style":
            self.blocked.append("<style>")
        self.blocked += [f"{name}= on <{tag}>" for name in names if name == "style" or name.startswith("on")]

    def handle_data(self, data):
        if self._in_script and data.strip():
            self.blocked.append("script body")

    def handle_endtag(self, tag):
        self._in_script = False


def test_the_chat_page_has_nothing_inline_that_the_csp_would_block():
    finder = InlineFinder()
    finder.feed((STATIC / "index.html").read_text(encoding="utf-8"))
    assert finder.blocked == []
    script = (STATIC / "chat.js").read_text(encoding="utf-8")
    assert 'setAttribute("style"' not in script and "eval(" not in script and "innerHTML" not in script


# --- rate limits ---------------------------------------------------------------------------------------------------


def chat(client, sender, message="hello"):
    return client.post("/webhooks/rest/webhook", json={"sender": sender, "message": message})


def assert_slow_down(r):
    assert r.status_code == 429
    assert int(r.headers["retry-after"]) >= 1
    assert "wait" in r.json()["detail"] and "112" in r.json()["detail"]


def test_a_sender_over_the_limit_gets_a_kind_429_and_other_senders_are_not_affected(client_for, fake):
    client = client_for(rate_limit_per_sender="3/minute")
    assert [chat(client, "alice").status_code for _ in range(3)] == [200, 200, 200]
    r = chat(client, "alice", "my private words")
    assert_slow_down(r)
    assert "private" not in r.text
    assert chat(client, "bob").status_code == 200
    assert [m["sender"] for m in fake.received].count("web:alice") == 3  # the fourth never reached the bot


def test_one_ip_over_its_limit_is_refused_whatever_sender_it_claims(client_for):
    client = client_for(rate_limit_per_ip="3/minute")
    assert [chat(client, f"user{i}").status_code for i in range(3)] == [200, 200, 200]
    assert_slow_down(chat(client, "user4"))
    other_ip = TestClient(client.app, client=("198.51.100.7", 50000))
    assert chat(other_ip, "user5").status_code == 200


def test_a_crisis_message_over_the_limit_still_gets_help(client_for, fake):
    client = client_for(rate_limit_per_sender="1/minute")
    assert chat(client, "carol").status_code == 200
    assert_slow_down(chat(client, "carol"))
    r = client.post(
        "/webhooks/rest/webhook",
        json={"sender": "carol", "message": "I want to kill myself", "metadata": {"country": "US"}},
    )
    assert r.status_code == 200
    assert r.json()[0]["custom"] == {"crisis": True} and "988" in r.json()[0]["text"]


def test_the_outbox_and_the_diary_upload_are_limited_per_sender(client_for):
    client = client_for(rate_limit_per_sender="2/minute")
    assert chat(client, "dan").status_code == 200 and chat(client, "erin").status_code == 200  # conversations begin
    assert [client.get("/webchat/outbox", params={"sender": "dan"}).status_code for _ in range(2)] == [200, 200]
    assert_slow_down(client.get("/webchat/outbox", params={"sender": "dan"}))
    assert client.get("/webchat/outbox", params={"sender": "erin"}).status_code == 200

    def upload(who):
        return client.post(
            "/webchat/diary",
            data={"sender": who},
            files={"file": ("d.csv", b"date,activity,minutes\n", "text/csv")},
        )

    assert [upload("dan").status_code for _ in range(2)] == [200, 200]
    assert_slow_down(upload("dan"))
    assert upload("erin").status_code == 200


def test_platform_webhooks_are_limited_per_ip_before_the_secret_is_checked(client_for):
    client = client_for(telegram_bot_token="T0KEN", telegram_webhook_secret="s", rate_limit_webhook_per_ip="2/minute")
    statuses = [client.post("/webhooks/telegram", json={"update_id": i}).status_code for i in range(3)]
    assert statuses == [401, 401, 429]


def test_a_counter_that_cannot_be_reached_locks_nobody_out(client_for):
    client = client_for(rate_limit_storage_url="redis://127.0.0.1:1/0", rate_limit_per_sender="1/minute")
    assert [chat(client, "gail").status_code for _ in range(2)] == [200, 200]


def _redis_up() -> bool:
    try:
        return bool(redis.Redis.from_url(REDIS_URL, socket_connect_timeout=1).ping())
    except redis.RedisError:
        return False


def test_two_app_processes_share_the_count_in_redis(make_app):
    if not _redis_up():
        if os.environ.get("CI"):
            pytest.fail(f"Redis is not reachable at {REDIS_URL}")
        pytest.skip("Redis is not reachable")
    shared = dict(rate_limit_storage_url=REDIS_URL, rate_limit_per_ip="2/minute")
    address = (f"client-{uuid.uuid4().hex[:12]}", 50000)  # a fresh count, whatever earlier runs left in Redis
    with (
        TestClient(make_app(**shared), client=address) as first,
        TestClient(make_app(**shared), client=address) as second,
    ):
        assert chat(first, "hana").status_code == 200
        assert chat(second, "ivan").status_code == 200
        assert_slow_down(chat(first, "jo"))
        assert_slow_down(chat(second, "kim"))
