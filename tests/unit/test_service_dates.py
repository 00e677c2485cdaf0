"""The pacing service refuses days it cannot plan for (year 1, year 9999) with a 422, instead of a 500."""

from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings
from bot.diary import import_file
from bot.storage import repo
from bot.storage.db import migrate, session_scope

AUTH = {"Authorization": "Bearer s3cret"}
DIARY = b"date,activity,minutes,pain,fatigue,flare\n2024-06-01,walking,20,4,5,no\n2024-06-02,walking,25,3,5,no\n"


@pytest.fixture
def client(tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'dates.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    migrate(url)
    with session_scope(url) as session:
        import_file(session, repo.get_or_create_user(session, "web", "ann"), DIARY, "diary.csv")
    settings = Settings(database_url=url, operator_token="s3cret", reminder_poll_seconds=0)
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(lambda r: httpx.Response(503))))
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


@pytest.mark.parametrize(
    "query",
    [
        "plan?day=9999-12-31",
        "plan?day=0001-01-01",
        "summary?day=9999-12-31",
        "summary?day=0001-01-01",
        "history?start=9999-01-01&end=9999-12-31",
        "history?start=0001-01-01&end=0001-06-01",
    ],
)
def test_a_day_out_of_range_is_a_422_that_says_which_days_work(client, query):
    r = client.get(f"/pacing/users/web/ann/{query}", headers=AUTH)
    assert r.status_code == 422
    assert r.json() == {"detail": "Dates must fall between 1900 and a year from today."}


@pytest.mark.parametrize(
    "query",
    ["plan?day=2024-06-05", "summary?day=2024-06-05", "history?start=2024-06-01&end=2024-06-30", "plan", "summary"],
)
def test_days_in_range_still_get_a_plan(client, query):
    assert client.get(f"/pacing/users/web/ann/{query}", headers=AUTH).status_code == 200
