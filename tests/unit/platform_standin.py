"""A stand-in for Telegram's Bot API on loopback: it counts what it is sent per chat, answers with message ids, and
can kill a sender process the moment it has received a given number of messages (before answering)."""

from __future__ import annotations

import json
import os
import signal
import threading
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class StandInPlatform:
    def __init__(self) -> None:
        self.received: Counter[str] = Counter()
        self.kill_pid: int | None = None
        self.kill_after: int | None = None
        self._lock = threading.Lock()
        self._next_id = 1000
        platform = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                body = json.loads(self.rfile.read(int(self.headers.get("content-length") or 0)) or b"{}")
                with platform._lock:
                    platform.received[str(body.get("chat_id"))] += 1
                    platform._next_id += 1
                    message_id = platform._next_id
                    total = sum(platform.received.values())
                    kill = (
                        platform.kill_pid if platform.kill_after is not None and total == platform.kill_after else None
                    )
                if kill is not None:
                    os.kill(kill, signal.SIGKILL)  # the sender dies with this message received, unacknowledged
                    return
                answer = json.dumps({"ok": True, "result": {"message_id": message_id}}).encode()
                self.send_response(200)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

            def log_message(self, format: str, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> StandInPlatform:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
