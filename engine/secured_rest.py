"""Rasa's REST channel behind a shared secret: only our FastAPI app, which holds it, can talk to the bot.

Rasa's own REST channel answers anyone who can reach its port, under any sender id, and skips the app's safety
floor. This connector keeps the same path (`/webhooks/rest/webhook`) and the same request and response shape, and
refuses (401) every request that does not carry `Authorization: Bearer <RASA_TOKEN>`. With no token in the
environment it refuses everything. It also never logs the message text when a turn fails (Rasa's does).

Loaded by Rasa from credentials.yml (`engine.secured_rest.SecuredRestInput`); runs in the Rasa virtualenv.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Awaitable, Callable
from typing import Any

from rasa.core.channels.channel import CollectingOutputChannel, UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse

from engine.bearer import bearer_matches

logger = logging.getLogger(__name__)


class SecuredRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"  # the same path and output channel name as Rasa's REST channel

    @classmethod
    def from_credentials(cls, credentials: dict[str, Any] | None) -> SecuredRestInput:
        return cls()

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        webhook = Blueprint("secured_rest_webhook", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(request: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not bearer_matches(request.headers.get("authorization"), os.environ.get("RASA_TOKEN")):
                return response.json({"error": "unauthorized"}, status=401)
            body = request.json if isinstance(request.json, dict) else {}
            sender = body.get("sender")
            if not isinstance(sender, str) or not sender:
                return response.json({"error": "a sender is needed"}, status=400)
            text = body.get("message")
            metadata = body.get("metadata") if isinstance(body.get("metadata"), dict) else None
            collector = CollectingOutputChannel()
            try:
                await on_new_message(
                    UserMessage(
                        text if isinstance(text, str) else None,
                        collector,
                        sender,
                        input_channel=self.name(),
                        metadata=metadata,
                    )
                )
            except Exception as error:  # noqa: BLE001 - the kind of failure is logged, never the person's words
                logger.error("a turn failed in the REST channel: %s", type(error).__name__)
            return response.json(collector.messages)

        return webhook
