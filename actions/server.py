"""The action server, locked down: loopback only, and only Rasa (which holds the shared secret) may call it.

`python -m rasa_sdk` listens on 0.0.0.0 and runs any action for any sender id it is sent, so anyone who could reach
its port could export, delete or consent for another person. This entry point builds the same rasa_sdk app and:
- listens on 127.0.0.1 (ACTION_SERVER_HOST to change it);
- refuses (401) every call but `/health` without `Authorization: Bearer <ACTION_SERVER_TOKEN>`; Rasa sends it
  (endpoints.yml); without the token in the environment the server does not start;
- answers a failing action with a short error that never echoes the request (it carries the conversation).

Run: `python -m actions.server --port 5055` (ops/stack.py does).
"""

from __future__ import annotations

import argparse
import logging
import os
import sys

from rasa_sdk.endpoint import create_app
from rasa_sdk.executor import ActionExecutor
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from bot.private_logging import keep_exception_text_out_of_logs
from engine.bearer import bearer_matches

log = logging.getLogger("pacing.actions.server")
OPEN_PATHS = frozenset({"/health"})


def is_authorised(request: Request, token: str) -> bool:
    return bearer_matches(request.headers.get("authorization"), token)


def build_app(token: str) -> Sanic:
    executor = ActionExecutor()
    executor.register_package("actions")
    app = create_app(executor, cors_origins=None)

    @app.on_request
    async def require_shared_secret(request: Request) -> HTTPResponse | None:
        if request.path in OPEN_PATHS or is_authorised(request, token):
            return None
        return response.json({"error": "unauthorized"}, status=401)

    @app.on_response
    async def fail_without_echo(request: Request, answer: HTTPResponse) -> HTTPResponse | None:
        """rasa_sdk answers a failing action with the whole request (the conversation, health data) in the body."""
        if answer.status >= 500:
            log.error("an action call failed with %s", answer.status)
            return response.json({"error": "the action failed"}, status=answer.status)
        return None

    return app


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=int(os.environ.get("ACTION_PORT", "5055")))
    args = parser.parse_args(argv)
    token = os.environ.get("ACTION_SERVER_TOKEN")
    if not token:
        print(
            "ACTION_SERVER_TOKEN is not set: the action server would accept anyone's calls, so it is not started.",
            file=sys.stderr,
        )
        return 2
    host = os.environ.get("ACTION_SERVER_HOST", "127.0.0.1")
    logging.basicConfig(level=logging.INFO)
    keep_exception_text_out_of_logs("sanic.root", "sanic.error", "rasa_sdk")
    build_app(token).run(host=host, port=args.port, single_process=True, access_log=False, motd=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
