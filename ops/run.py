"""`make run`: start the whole bot and keep it running until Ctrl-C."""

from __future__ import annotations

import os
import signal
import sys
import time

from ops.model import ensure_model
from ops.stack import Stack, StackConfig, default_database_url


def main() -> int:
    model = ensure_model(quiet=True)
    config = StackConfig(
        port=int(os.environ.get("PORT", "8000")),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        action_port=int(os.environ.get("ACTION_PORT", "5055")),
        host=os.environ.get("HOST", "127.0.0.1"),
        database_url=os.environ.get("DATABASE_URL") or default_database_url(),
    )
    if os.environ.get("RASA_TOKEN"):
        config.rasa_token = os.environ["RASA_TOKEN"]
    stack = Stack(config, model)
    print(
        ">> Starting Rasa (loading the model takes about half a minute), the action server and the web app ...",
        flush=True,
    )
    started = time.monotonic()
    try:
        stack.start()
    except (RuntimeError, TimeoutError) as exc:
        print(f"!! {exc}", file=sys.stderr)
        return 1
    print(
        f">> Ready in {time.monotonic() - started:.0f} s. Open the web chat: http://localhost:{config.port}/",
        flush=True,
    )
    print(">> Logs: var/logs/. Press Ctrl-C to stop.", flush=True)

    stopping = False

    def on_signal(signum, frame):
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, on_signal)
    signal.signal(signal.SIGTERM, on_signal)
    try:
        while not stopping:
            for name, proc in list(stack.procs.items()):
                if proc.poll() is not None:
                    print(
                        f"!! {name} stopped unexpectedly (exit {proc.returncode}); see var/logs/{name}.log",
                        file=sys.stderr,
                    )
                    stopping = True
            time.sleep(0.5)
    finally:
        print("\n>> Stopping ...", flush=True)
        stack.stop()
        print(">> Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
