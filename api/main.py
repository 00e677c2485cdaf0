"""The FastAPI app: channel webhooks, the web chat, health, and the service endpoints."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from fastapi.staticfiles import StaticFiles

from api import metrics, scheduler
from api.body_limit import BodyLimitMiddleware
from api.channels.registry import CHANNELS
from api.conversation import Conversation
from api.rasa_client import RasaClient
from api.rate_limits import RateLimitMiddleware
from api.routers import files, health, service, upload, webchat
from api.security_headers import SecurityHeadersMiddleware
from api.server_errors import ServerErrorsWithoutText
from api.settings import Settings, get_settings
from api.turns import Turns
from api.web_session import WebSessions, session_secret
from bot.private_logging import keep_exception_text_out_of_logs
from bot.safety.meaning.layer import start_loading
from bot.storage.db import migrate

log = logging.getLogger("pacing.api")


def create_app(
    settings: Settings | None = None,
    rasa: RasaClient | None = None,
    telegram_transport: httpx.BaseTransport | None = None,
    whatsapp_transport: httpx.BaseTransport | None = None,
    messenger_transport: httpx.BaseTransport | None = None,
    sms_transport: httpx.BaseTransport | None = None,
) -> FastAPI:
    settings = settings or get_settings()
    transports = {
        "telegram": telegram_transport,
        "whatsapp": whatsapp_transport,
        "messenger": messenger_transport,
        "sms": sms_transport,
    }
    channels = [(spec, spec.enabled(settings)) for spec in CHANNELS]

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        keep_exception_text_out_of_logs("uvicorn", "uvicorn.error")
        start_loading()  # the learned safety layer loads in the background; the rules screen meanwhile
        migrate(settings.database_url)
        if not settings.operator_token:
            log.warning("OPERATOR_TOKEN is not set: the operator API is off.")
        for spec, enabled in channels:
            if not enabled:
                log.warning("%s channel is off: set %s to enable it.", spec.name, spec.needs)
        task = None
        if settings.reminder_poll_seconds > 0:
            task = asyncio.create_task(
                scheduler.run_forever(app.state.conversation.rasa, settings.reminder_poll_seconds, app.state.push)
            )
        yield
        if task:
            task.cancel()
        app.state.conversation.aftercare.close()

    app = FastAPI(
        title="pacing-coach",
        version="0.1.0",
        lifespan=lifespan,
        description="A chat coach for activity pacing with fibromyalgia and other long-lasting pain. "
        "Not a substitute for a clinician.",
    )
    app.state.settings = settings
    app.state.conversation = Conversation(settings, rasa or RasaClient(settings))
    app.state.turns = Turns(app.state.conversation, settings)
    app.state.web_sessions = WebSessions(session_secret(settings.web_session_secret))
    app.state.push = {}  # channel -> push(external_id, messages), for messages the bot starts (reminders)
    for spec, enabled in channels:
        if enabled:
            client = spec.make_client(settings, transports[spec.key])
            app.state.push[spec.key] = client.push
            app.include_router(spec.make_router(settings, app.state.turns, client))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> JSONResponse:
        """A 422 names what is wrong and where, and never echoes what was sent (it may be health data, or huge)."""
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")} for e in exc.errors()
        ]
        return JSONResponse({"detail": errors}, status_code=422)

    # The last added runs first: headers on every answer, then the body cap, then the rate limits.
    app.add_middleware(RateLimitMiddleware, settings=settings)
    app.add_middleware(BodyLimitMiddleware, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(SecurityHeadersMiddleware, trust_forwarded_proto=settings.trust_forwarded_proto)
    app.add_middleware(ServerErrorsWithoutText)  # a crash anywhere is logged without user text
    app.add_middleware(metrics.WebhookTiming)  # outermost: a webhook's whole time, as the platform waits for it

    app.include_router(webchat.router)
    app.include_router(health.router)
    app.include_router(files.router)
    app.include_router(service.router)
    app.include_router(upload.router)
    app.include_router(metrics.make_router(settings.database_url))
    app.mount("/static", StaticFiles(directory=webchat.STATIC), name="static")
    return app


app = create_app()
