"""Talks to the Rasa server over its HTTP API. The app never imports rasa."""

from __future__ import annotations

from typing import Any

import httpx

from api.settings import Settings


class RasaUnavailable(RuntimeError):
    pass


class RasaClient:
    def __init__(self, settings: Settings, transport: httpx.BaseTransport | None = None):
        self.settings = settings
        # The REST channel wants the token as a bearer header (engine/secured_rest.py); Rasa's HTTP API as ?token=.
        headers = {"Authorization": f"Bearer {settings.rasa_token}"} if settings.rasa_token else {}
        self.http = httpx.Client(
            base_url=settings.rasa_url, timeout=settings.rasa_timeout_seconds, transport=transport, headers=headers
        )

    def _params(self) -> dict[str, str]:
        return {"token": self.settings.rasa_token} if self.settings.rasa_token else {}

    def send(self, sender: str, text: str, metadata: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Sends one user message through Rasa's REST channel; returns the bot's messages."""
        try:
            r = self.http.post(
                "/webhooks/rest/webhook", json={"sender": sender, "message": text, "metadata": metadata or {}}
            )
            r.raise_for_status()
            return r.json()
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(str(exc)) from exc

    def end_active_form(self, sender: str, timeout: float | None = None) -> None:
        """Ends whatever form the user is in (used when the safety screen takes over)."""
        events = [{"event": "active_loop", "name": None}, {"event": "slot", "name": "requested_slot", "value": None}]
        try:
            self.http.post(
                f"/conversations/{sender}/tracker/events",
                params=self._params(),
                json=events,
                timeout=timeout or self.settings.rasa_timeout_seconds,
            ).raise_for_status()
        except httpx.HTTPError as exc:
            raise RasaUnavailable(str(exc)) from exc

    def trigger_intent(self, sender: str, intent: str, entities: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        try:
            r = self.http.post(
                f"/conversations/{sender}/trigger_intent",
                params={**self._params(), "output_channel": "latest"},
                json={"name": intent, "entities": entities or {}},
            )
            r.raise_for_status()
            return r.json().get("messages", [])
        except (httpx.HTTPError, ValueError) as exc:
            raise RasaUnavailable(str(exc)) from exc

    def ready(self) -> bool:
        try:
            r = self.http.get("/status", params=self._params(), timeout=3.0)
            return r.status_code == 200 and bool(r.json().get("model_file"))
        except (httpx.HTTPError, ValueError):
            return False
