"""The operator and pacing service endpoints: token, export/delete, diary import, plan, triage."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.main import create_app
from api.rasa_client import RasaClient
from api.settings import Settings

DIARIES = Path(__file__).resolve().parent.parent / "data" / "diaries"
AUTH = {"Authorization": "Bearer s3cret"}


def make_client(tmp_path, monkeypatch, token="s3cret"):
    url = f"sqlite:///{tmp_path / 'svc.db'}"
    monkeypatch.setenv("DATABASE_URL", url)
    settings = Settings(database_url=url, operator_token=token)
    app = create_app(settings, RasaClient(settings, transport=httpx.MockTransport(lambda r: httpx.Response(503))))
    return TestClient(app), url


@pytest.fixture
def client(tmp_path, monkeypatch):
    c, _ = make_client(tmp_path, monkeypatch)
    with c:
        yield c


def test_operator_api_is_off_without_a_token(tmp_path, monkeypatch):
    c, _ = make_client(tmp_path, monkeypatch, token=None)
    with c:
        r = c.get("/operator/users/web/x/export", headers=AUTH)
    assert r.status_code == 503 and "OPERATOR_TOKEN" in r.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": "Basic s3cret"}])
def test_wrong_or_missing_token_is_refused(client, headers):
    assert client.get("/operator/users/web/x/export", headers=headers).status_code in (401, 403)


def test_operator_pages_are_documented_with_the_token_scheme(client):
    spec = client.get("/openapi.json").json()
    assert "/operator/users/{channel}/{external_id}/export" in spec["paths"]
    assert "/pacing/users/{channel}/{external_id}/diary" in spec["paths"]
    assert "OperatorToken" in spec["components"]["securitySchemes"]


def test_import_a_diary_then_read_plan_history_summary_export_and_delete(client):
    r = client.post(
        "/pacing/users/web/ann/diary",
        headers=AUTH,
        files={"file": ("diary.csv", (DIARIES / "good.csv").read_bytes(), "text/csv")},
    )
    assert r.status_code == 200, r.text
    imported = r.json()
    assert imported["days"] > 0 and imported["activity_entries"] > 0
    last = dt.date.fromisoformat(imported["last_day"])
    plan = client.get(
        "/pacing/users/web/ann/plan", headers=AUTH, params={"day": (last + dt.timedelta(days=1)).isoformat()}
    ).json()
    assert plan and all(p["reason"] for p in plan)
    history = client.get(
        "/pacing/users/web/ann/history",
        headers=AUTH,
        params={"start": imported["first_day"], "end": imported["last_day"]},
    ).json()
    assert len({h["day"] for h in history}) == (last - dt.date.fromisoformat(imported["first_day"])).days + 1
    summary = client.get("/pacing/users/web/ann/summary", headers=AUTH, params={"day": imported["last_day"]}).json()
    assert summary["text"]
    export = client.get("/operator/users/web/ann/export", headers=AUTH).json()
    assert len(export["activities"]) == imported["activity_entries"]
    assert all(a["source"] == "import" for a in export["activities"])
    csv_text = client.get("/operator/users/web/ann/checkins.csv", headers=AUTH).text
    assert csv_text.startswith("date,pain")
    assert client.delete("/operator/users/web/ann", headers=AUTH).json() == {"status": "deleted"}
    assert client.get("/operator/users/web/ann/export", headers=AUTH).status_code == 404


@pytest.mark.parametrize("name", ["absurd_minutes.csv", "pain_out_of_range.json"])
def test_an_implausible_row_is_left_out_and_counted(client, name):
    r = client.post(
        "/pacing/users/web/bob/diary",
        headers=AUTH,
        files={"file": (name, (DIARIES / name).read_bytes(), "application/octet-stream")},
    )
    assert r.status_code == 200 and r.json()["skipped_rows"] == 1 and r.json()["skipped"]


@pytest.mark.parametrize("name", ["bad_date.csv", "empty.csv", "wrong_columns.csv"])
def test_a_bad_diary_gets_a_clear_error_and_stores_nothing(client, name):
    r = client.post(
        "/pacing/users/web/bob/diary",
        headers=AUTH,
        files={"file": (name, (DIARIES / name).read_bytes(), "application/octet-stream")},
    )
    assert r.status_code == 422 and r.json()["detail"]
    export = client.get("/operator/users/web/bob/export", headers=AUTH)
    assert export.status_code == 404 or export.json()["checkins"] == []


def test_triage_endpoint_gives_a_level_or_a_follow_up(client):
    r = client.post("/triage", headers=AUTH, json={"text": "crushing chest pain and I feel faint"}).json()
    assert r["outcome"]["level"] == "stop" and r["outcome"]["emergency"] is True
    r = client.post(
        "/triage", headers=AUTH, json={"text": "no chest pain, my calves are just a bit sore after my walk"}
    ).json()
    assert "follow_up" in r or (r["outcome"]["level"] == "normal" and r["outcome"]["emergency"] is False)
