"""A stand-in for a messaging platform's send API on loopback (Telegram's Bot API shape, and an answer every
client can read its message id from). It counts what it is sent per chat, answers with message ids, can follow a
script of faults (answer slowly, 429 with Retry-After, 500, hang past the client's timeout, refuse), and can kill a
sender process the moment it has received a given number of messages (before answering)."""

from __future__ import annotations

import json
import os
import signal
import threading
import time
import urllib.parse
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass(frozen=True)
class Fault:
    """One answer from the script: a status, body and headers, after `delay` seconds (a hang: longer than the
    client waits). status 200 is a slow success."""

    status: int = 200
    body: dict = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0


def too_many(retry_after: str = "1") -> Fault:
    return Fault(
        429, {"ok": False, "error_code": 429, "description": "Too Many Requests"}, {"Retry-After": retry_after}
    )


SERVER_ERROR = Fault(500, {"ok": False, "error_code": 500, "description": "Internal Server Error"})
HANG = Fault(delay=1.0)  # longer than the tests' client timeout


def _recipient(body: dict) -> str:
    """chat_id (Telegram), to (WhatsApp), recipient.id (Messenger), To (Twilio)."""
    return str(body.get("chat_id") or body.get("to") or (body.get("recipient") or {}).get("id") or body.get("To"))


class StandInPlatform:
    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.accepted: list[dict] = []  # the bodies answered 200, in order
        self.requests = 0
        self.script: list[Fault] = []  # faults answered first, one per request, then plain acceptance
        self.kill_pid: int | None = None
        self.kill_after: int | None = None
        self._lock = threading.Lock()
        self._next_id = 1000
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                raw = self.rfile.read(int(self.headers.get("content-length") or 0)) or b"{}"
                if self.headers.get("content-type", "").startswith("application/x-www-form-urlencoded"):
                    body: dict = dict(urllib.parse.parse_qsl(raw.decode()))
                else:
                    body = json.loads(raw)
                with platform._lock:
                    platform.requests += 1
                    fault = platform.script.pop(0) if platform.script else Fault()
                    if fault.status == 200 and not fault.delay:
                        platform.received[_recipient(body)] += 1
                    platform._next_id += 1
                    message_id = platform._next_id
                    total = sum(platform.received.values())
                    kill = (
                        platform.kill_pid if platform.kill_after is not None and total == platform.kill_after else None
                    )
                if kill is not None:
                    os.kill(kill, signal.SIGKILL)  # the sender dies with this message received, unacknowledged
                    return
                if fault.delay:
                    time.sleep(fault.delay)
                    if fault.delay >= HANG.delay:
                        return  # hung: the client gave up long ago, and the platform never took it
                answer = fault.body or {
                    "ok": True,
                    "result": {"message_id": message_id},  # Telegram
                    "messages": [{"id": f"wamid.{message_id}"}],  # WhatsApp
                    "message_id": f"m.{message_id}",  # Messenger
                    "sid": f"SM{message_id}",  # Twilio
                }
                if fault.status == 200:
                    with platform._lock:
                        platform.accepted.append(body)
                encoded = json.dumps(answer).encode()
                try:
                    self.send_response(fault.status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(encoded)))
                    for name, value in fault.headers.items():
                        self.send_header(name, value)
                    self.end_headers()
                    self.wfile.write(encoded)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandInPlatform:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
