"""`make run`: start the whole bot and keep it running until Ctrl-C (or SIGTERM).

A child that exits is started again by the supervisor (ops/supervisor.py); the others keep running meanwhile.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
import time
from pathlib import Path

from ops.model import ensure_model
from ops.paths import VAR
from ops.stack import Stack, StackConfig, default_database_url
from ops.supervisor import Supervisor


class StopRequested(Exception):
    """Ctrl-C or SIGTERM: stop every child, even while they are still starting."""


def _stop_requested(signum: int, frame: object) -> None:
    raise StopRequested


def _config() -> StackConfig:
    log_dir = Path(os.environ.get("LOG_DIR") or VAR / "logs")
    config = StackConfig(
        port=int(os.environ.get("PORT", "8000")),
        rasa_port=int(os.environ.get("RASA_PORT", "5005")),
        action_port=int(os.environ.get("ACTION_PORT", "5055")),
        host=os.environ.get("HOST", "127.0.0.1"),
        database_url=os.environ.get("DATABASE_URL") or default_database_url(),
        log_dir=log_dir,
        state_file=Path(os.environ.get("SUPERVISOR_STATE_FILE") or VAR / "run" / "supervisor.json"),
    )
    if os.environ.get("RASA_TOKEN"):
        config.rasa_token = os.environ["RASA_TOKEN"]
    return config


def _log_to(log_dir: Path) -> None:
    log_dir.mkdir(parents=True, exist_ok=True)
    logging.basicConfig(
        level=logging.WARNING,  # httpx's INFO lines carry Rasa's token in the URL
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        handlers=[logging.StreamHandler(sys.stderr), logging.FileHandler(log_dir / "supervisor.log")],
    )
    logging.getLogger("pacing.supervisor").setLevel(logging.INFO)


def main() -> int:
    model = ensure_model(quiet=True)
    config = _config()
    _log_to(config.log_dir)
    stack = Stack(config, model)
    signal.signal(signal.SIGINT, _stop_requested)
    signal.signal(signal.SIGTERM, _stop_requested)
    print(
        ">> Starting Rasa (loading the model takes about half a minute), the action server and the web app ...",
        flush=True,
    )
    started = time.monotonic()
    try:
        stack.start(timeout=float(os.environ.get("START_TIMEOUT_SECONDS", "240")))
        print(
            f">> Ready in {time.monotonic() - started:.0f} s. Open the web chat: http://localhost:{config.port}/",
            flush=True,
        )
        print(f">> Logs: {config.log_dir}/. Press Ctrl-C to stop.", flush=True)
        assert config.state_file is not None
        supervisor = Supervisor(stack, config.state_file)
        stopping: list[int] = []  # from here a signal only ends the loop, never a restart half done
        signal.signal(signal.SIGINT, lambda signum, frame: stopping.append(signum))
        signal.signal(signal.SIGTERM, lambda signum, frame: stopping.append(signum))
        supervisor.run(should_stop=lambda: bool(stopping))
    except (RuntimeError, TimeoutError) as exc:
        print(f"!! {exc}", file=sys.stderr)
        return 1
    except StopRequested:
        pass
    finally:
        signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not leave children behind
        signal.signal(signal.SIGTERM, signal.SIG_IGN)
        print("\n>> Stopping ...", flush=True)
        stack.stop()
        print(">> Stopped.", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
