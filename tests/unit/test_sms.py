"""SMS through Twilio against a fake Rasa: signatures (Twilio's own validator), duplicates, numbered options."""

from __future__ import annotations

import datetime as dt
from xml.etree import ElementTree

import httpx
import pytest
from fastapi.testclient import TestClient
from twilio.request_validator import RequestValidator

from api.channels.common import country_of
from api.inbound import NOT_TEXT
from api.main import create_app
from api.rasa_client import RasaClient
from api.scheduler import fire_due
from api.settings import Settings
from bot import reminders
from bot.safety.helplines import GENERIC, helplines_for
from bot.storage import repo
from bot.storage.db import session_scope
from tests.unit.platform_payloads import payload
from tests.unit.test_api import FakeRasa

TOKEN = "twilio-token"
URL = "https://coach.example/webhooks/sms"


class FakeTwilio:
    def __init__(self):
        self.sent: list[dict] = []

    def handler(self, request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/2010-04-01/Accounts/AC123/Messages.json"
        self.sent.append(dict(httpx.QueryParams(request.content.decode())))
        return httpx.Response(201, json={"sid": "SMout"})


@pytest.fixture
def fakes():
    return FakeRasa(), FakeTwilio()


@pytest.fixture
def client(tmp_path, monkeypatch, fakes):
    rasa, twilio = fakes
    url = f"sqlite:///{tmp_path / 'sms.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(
        database_url=url,
        rasa_token="t",
        reminder_poll_seconds=0,
        twilio_account_sid="AC123",
        twilio_auth_token=TOKEN,
        twilio_from_number="+15005550006",
        public_base_url="https://coach.example",
        twilio_api_url="http://twilio.test",
    )
    app = create_app(
        settings,
        RasaClient(settings, transport=httpx.MockTransport(rasa.handler)),
        sms_transport=httpx.MockTransport(twilio.handler),
    )
    with TestClient(app) as c:
        yield c


def sms(client, body, sid, sender="+447700900123", token=TOKEN):
    params = {"From": sender, "Body": body, "MessageSid": sid, "To": "+15005550006"}
    signature = RequestValidator(token).compute_signature(URL, params)
    return client.post("/webhooks/sms", data=params, headers={"X-Twilio-Signature": signature})


def test_a_forged_signature_is_refused(client, fakes):
    assert sms(client, "hi", "SM1", token="forged").status_code == 403
    assert fakes[0].received == []


def test_a_text_gets_a_twiml_reply_with_numbered_options_and_a_number_picks_one(client, fakes):
    rasa, _ = fakes
    r = sms(client, "hi", "SM2")
    assert r.headers["content-type"].startswith("application/xml")
    assert "<Message>Hello!\nReply 1 for I agree</Message>" in r.text
    assert rasa.received[0]["sender"] == "sms:+447700900123"
    sms(client, "1", "SM3")
    assert rasa.received[-1]["message"] == "/consent_agree"


def test_answer_buttons_are_listed_and_a_number_stays_an_answer(client, fakes):
    rasa, _ = fakes
    rasa.reply = [
        {
            "recipient_id": "x",
            "text": "Pain 0-10?",
            "buttons": [{"title": t, "payload": t} for t in ["2", "4", "6", "8", "Skip"]],
        }
    ]
    r = sms(client, "check in", "SM4")
    assert "(2 / 4 / 6 / 8 / Skip)" in r.text
    sms(client, "1", "SM5")
    assert rasa.received[-1]["message"] == "1"  # a pain of 1, not the first option


def test_a_duplicate_is_answered_once(client, fakes):
    assert "<Message>" in sms(client, "hi", "SM6").text
    assert "<Message>" not in sms(client, "hi", "SM6").text
    assert len(fakes[0].received) == 1


def test_crisis_by_sms_gets_the_help_line_of_the_callers_country(client, fakes):
    r = sms(client, "I want to end my life", "SM7", sender="+14155550123")
    assert fakes[0].received == [] and "988" in r.text


def nudge_at_nine(client, external_id):
    """A consenting person with a 09:00 reminder, and the scheduler run just after: how many were fired."""
    now = dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC)
    with session_scope() as s:
        user = repo.get_or_create_user(s, "sms", external_id)
        repo.record_consent(s, user)
        reminders.set_reminders(s, user, ["09:00"], now)
    rasa = RasaClient(
        client.app.state.settings,
        transport=httpx.MockTransport(lambda r: httpx.Response(200, json={"messages": [{"text": "A gentle nudge"}]})),
    )
    return fire_due(rasa, now + dt.timedelta(hours=1, minutes=5), client.app.state.push)


def test_reminders_by_sms_go_out_through_twilio(client, fakes):
    _, twilio = fakes
    assert nudge_at_nine(client, "+447700900123") == 1
    assert twilio.sent == [{"From": "+15005550006", "To": "+447700900123", "Body": "A gentle nudge"}]


def replies(response):
    return [m.text for m in ElementTree.fromstring(response.content).iter("Message")]


def signed(client, params, query="", token=TOKEN):
    url = f"{URL}?{query}" if query else URL
    signature = RequestValidator(token).compute_signature(url, params)
    path = f"/webhooks/sms?{query}" if query else "/webhooks/sms"
    return client.post(path, data=params, headers={"X-Twilio-Signature": signature})


def test_the_signature_is_checked_against_the_configured_url_with_its_query_string(client, fakes):
    params = payload("twilio", "mms_picture_with_words", BODY="hi")
    assert signed(client, params, query="account=clinic-7&v=2").status_code == 200
    assert len(fakes[0].received) == 1
    other = {**params, "MessageSid": "MM-other"}
    signature = RequestValidator(TOKEN).compute_signature(URL, other)  # signed without the query string
    r = client.post("/webhooks/sms?account=clinic-7&v=2", data=other, headers={"X-Twilio-Signature": signature})
    assert r.status_code == 403 and len(fakes[0].received) == 1


def test_numbered_options_run_on_across_two_lists_in_one_reply(client, fakes):
    rasa, _ = fakes
    rasa.reply = [
        {"recipient_id": "x", "text": "Log it?", "buttons": [{"title": "Yes", "payload": "/affirm"}]},
        {
            "recipient_id": "x",
            "text": "Or:",
            "buttons": [{"title": "See my plan", "payload": "/plan"}, {"title": "Help", "payload": "/help"}],
        },
    ]
    r = sms(client, "walked 10 minutes", "SM20")
    assert "Log it?\nReply 1 for Yes</Message>" in r.text
    assert "Or:\nReply 2 for See my plan\nReply 3 for Help</Message>" in r.text
    sms(client, "3", "SM21")
    assert rasa.received[-1]["message"] == "/help"


def test_a_number_naming_an_answer_option_stays_the_persons_answer_beside_numbered_commands(client, fakes):
    rasa, _ = fakes
    rasa.reply = [
        {"recipient_id": "x", "text": "Pain 0-10?", "buttons": [{"title": t, "payload": t} for t in ["2", "4"]]},
        {"recipient_id": "x", "text": "Or:", "buttons": [{"title": "Skip", "payload": "/skip"}]},
    ]
    assert "Reply 3 for Skip" in sms(client, "check in", "SM22").text
    sms(client, "2", "SM23")
    assert rasa.received[-1]["message"] == "2"
    sms(client, "3", "SM24")
    assert rasa.received[-1]["message"] == "/skip"


def test_a_picture_without_words_gets_the_text_only_note_and_words_with_it_are_read(client, fakes):
    assert replies(signed(client, payload("twilio", "mms_picture"))) == [NOT_TEXT]
    assert fakes[0].received == []
    signed(client, payload("twilio", "mms_picture_with_words", BODY="pain 3 today"))
    assert fakes[0].received[0]["message"] == "pain 3 today"


def test_whatsapp_through_twilio_gets_the_country_buttons_as_numbers_and_replies_from_the_whatsapp_number(
    client, fakes
):
    rasa, twilio = fakes
    r = signed(client, payload("twilio", "whatsapp_text", BODY="I want to end my life"))
    assert "888-639-5433" in r.text and "988" not in r.text and rasa.received == []  # a +1 876 number: Jamaica
    r = signed(client, {**payload("twilio", "whatsapp_text", BODY="hi"), "MessageSid": "SMWA-2"})
    assert rasa.received[0]["sender"] == "sms:whatsapp:+18765550123" and "Reply 1 for I agree" in r.text
    signed(client, payload("twilio", "whatsapp_button_tap", BUTTON_TEXT="I agree", BUTTON_PAYLOAD="agree"))
    assert rasa.received[-1]["message"] == "I agree"  # a tapped quick reply is read, not "I didn't catch anything"
    assert nudge_at_nine(client, "whatsapp:+18765550123") == 1
    assert twilio.sent[-1] == {"From": "whatsapp:+15005550006", "To": "whatsapp:+18765550123", "Body": "A gentle nudge"}


@pytest.mark.parametrize(
    ("number", "country"),
    [
        ("+18765550123", "JM"),  # +1 876: Jamaica, not the US
        ("whatsapp:+18765550123", "JM"),
        ("+14165550123", "CA"),
        ("+14155550123", "US"),
        ("+447624123456", "IM"),
        ("4915123456789", "DE"),
        ("+15555550100", None),  # a +1 number no country claims: not guessed to be the US
        ("not a number", None),
    ],
)
def test_the_country_comes_from_the_whole_number(number, country):
    assert country_of(number) == country


def test_a_number_no_country_claims_gets_the_common_numbers():
    assert helplines_for(country_of("+15555550100")) == GENERIC
