"""The clinician report through the running bot: asked for in the person's own words, handed over as a PDF link."""

from __future__ import annotations

import httpx
import pytest

from tests.e2e.test_telegram_channel import press, text

pytestmark = pytest.mark.e2e
CHECKIN = "pain 5, tiredness 6, slept 7 hours, stress 3, mood ok, walked 10 minutes, no flare"


def report_links(chat) -> list[str]:
    return [c["download"]["url"] for c in chat.custom() if "download" in c]


def test_make_a_report_for_my_doctor_returns_the_pdf_link_on_the_web_chat(chat, stack):
    chat.consent()
    chat.say(CHECKIN)
    chat.say("make a report for my doctor")
    assert "last 4 weeks" in chat.text()
    links = report_links(chat)
    pdf = next(link for link in links if link.endswith(".pdf"))
    r = chat.http.get(pdf)
    assert r.status_code == 200 and r.headers["content-type"] == "application/pdf" and r.content[:5] == b"%PDF-"
    assert any(link.endswith(".csv") for link in links)
    assert httpx.get(stack.config.api_url + pdf).status_code == 404  # this browser's only, like the other files


@pytest.mark.parametrize(
    ("said", "weeks"),
    [("pdf for my GP", 4), ("can I get a summary for my physio", 4), ("12 week report", 12)],
)
def test_other_ways_of_asking(new_chat, said, weeks):
    chat = new_chat()
    chat.consent()
    chat.say(CHECKIN)
    chat.say(said)
    assert f"last {weeks} weeks" in chat.text()
    assert any(f"-{weeks}-weeks-" in link and link.endswith(".pdf") for link in report_links(chat))


def test_a_telegram_user_gets_the_report_too(stack, telegram_api):
    chat_id = 777301
    text(stack, chat_id, "hi")
    press(stack, telegram_api, chat_id, "I agree")
    text(stack, chat_id, CHECKIN)
    text(stack, chat_id, "make a report for my doctor")
    # the links go out as full links where PUBLIC_BASE_URL is set (tests/unit/test_telegram.py); not set here
    assert any("last 4 weeks" in b["text"] for b in telegram_api.sent_to(str(chat_id))[-3:])
