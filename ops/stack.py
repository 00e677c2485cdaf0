"""Start, watch and stop the three servers: Rasa, the action server and the FastAPI app.

Used by `make run` (ops.run) and by the end-to-end test fixture, so both run
exactly the same thing.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import signal
import subprocess
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx

from bot.storage.rasa_tracker import tracker_store_location
from ops.paths import APP_PY, ENGINE_PY, ROOT, VAR


def free_port() -> int:
    """A port nothing listens on right now (so test runs and a running bot never collide)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


CHILDREN = ("rasa", "actions", "api")


def default_database_url() -> str:
    return f"sqlite:///{VAR / 'pacing.db'}"


@dataclass
class StackConfig:
    port: int = 8000
    rasa_port: int = 5005
    action_port: int = 5055
    host: str = "127.0.0.1"
    database_url: str = field(default_factory=default_database_url)
    rasa_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    action_token: str = field(default_factory=lambda: secrets.token_urlsafe(24))
    log_dir: Path = VAR / "logs"
    state_file: Path | None = None  # the supervisor's view of its children, read by /healthz
    extra_env: dict[str, str] = field(default_factory=dict)

    @property
    def rasa_url(self) -> str:
        return f"http://127.0.0.1:{self.rasa_port}"

    @property
    def action_url(self) -> str:
        return f"http://127.0.0.1:{self.action_port}"

    @property
    def api_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def env(self) -> dict[str, str]:
        dialect, tracker_url = tracker_store_location(self.database_url)
        env = dict(os.environ)
        env.update(
            DATABASE_URL=self.database_url,
            RASA_URL=self.rasa_url,
            RASA_TOKEN=self.rasa_token,
            ACTION_SERVER_TOKEN=self.action_token,
            ACTION_ENDPOINT_URL=f"{self.action_url}/webhook",
            TRACKER_DIALECT=dialect,
            TRACKER_STORE_URL=tracker_url,
            ACTION_SERVER_URL=self.action_url,
            PYTHONUNBUFFERED="1",
            SQLALCHEMY_SILENCE_UBER_WARNING="1",
            TF_CPP_MIN_LOG_LEVEL="3",
            RASA_TELEMETRY_ENABLED="false",
        )
        if self.state_file is not None:
            env["SUPERVISOR_STATE_FILE"] = str(self.state_file)
        env.update(self.extra_env)
        return env


class Stack:
    """The three processes. Use as a context manager, or call start()/stop()."""

    def __init__(self, config: StackConfig, model: Path):
        self.config = config
        self.model = model
        self.procs: dict[str, subprocess.Popen] = {}

    def _spawn(self, name: str, args: list[str]) -> None:
        self.config.log_dir.mkdir(parents=True, exist_ok=True)
        # the child gets its own copy of the descriptor; ours is closed once it is started
        with open(self.config.log_dir / f"{name}.log", "ab") as log:
            self.procs[name] = subprocess.Popen(
                args,
                cwd=ROOT,
                env=self.config.env(),
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )

    def start_rasa(self) -> None:
        c = self.config
        # The token reaches Rasa through RASA_TOKEN (engine/rasa_server.py), never the command line (`ps` shows it).
        self._spawn(
            "rasa",
            [
                str(ENGINE_PY),
                "-m",
                "engine.rasa_server",
                "run",
                "--enable-api",
                "--interface",
                "127.0.0.1",
                "--port",
                str(c.rasa_port),
                "--model",
                str(self.model),
                "--endpoints",
                "endpoints.yml",
                "--credentials",
                "credentials.yml",
            ],
        )

    def start_actions(self) -> None:
        self._spawn("actions", [str(APP_PY), "-m", "actions.server", "--port", str(self.config.action_port)])

    def start_api(self) -> None:
        c = self.config
        self._spawn(
            "api",
            [str(APP_PY), "-m", "uvicorn", "api.main:app", "--host", c.host, "--port", str(c.port), "--no-access-log"],
        )

    def start(self, timeout: float = 240.0) -> None:
        from bot.storage.db import migrate

        os.environ.setdefault("DATABASE_URL", self.config.database_url)
        migrate(self.config.database_url)
        self.start_rasa()
        self.start_actions()
        self.start_api()
        self.wait_ready(timeout)

    def _health_url(self, name: str) -> str:
        c = self.config
        return {
            "rasa": f"{c.rasa_url}/status?token={c.rasa_token}",
            "actions": f"{c.action_url}/health",
            "api": f"{c.api_url}/healthz",
        }[name]

    def _serving(self, client: httpx.Client, name: str, partly: bool = False) -> bool:
        """Rasa with its model loaded, the action server's /health, the web app's /healthz (any answer, when
        partly: the web app answers people while another part is still down)."""
        try:
            r = client.get(self._health_url(name))
            if name == "api" and partly:
                return r.status_code in (200, 503)
            return r.status_code == 200 and (name != "rasa" or bool(r.json().get("model_file")))
        except (httpx.HTTPError, ValueError):
            return False

    def ready(self) -> dict[str, bool]:
        with httpx.Client(timeout=2.0) as client:
            return {name: self._serving(client, name) for name in CHILDREN}

    def answers(self, name: str) -> bool:
        """The child serves again (the supervisor's test after a restart)."""
        with httpx.Client(timeout=2.0) as client:
            return self._serving(client, name, partly=True)

    def start_child(self, name: str) -> None:
        {"rasa": self.start_rasa, "actions": self.start_actions, "api": self.start_api}[name]()

    def reap(self, name: str) -> None:
        """After a child exited: kill what is left of its process group (a worker of a killed parent)."""
        proc = self.procs.get(name)
        if proc is None:
            return
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(proc.pid, signal.SIGKILL)

    def wait_ready(self, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while True:
            for name, proc in self.procs.items():
                if proc.poll() is not None:
                    self.stop()
                    raise RuntimeError(
                        f"{name} exited with {proc.returncode}; see {self.config.log_dir / (name + '.log')}"
                    )
            status = self.ready()
            if all(status.values()):
                return
            if time.monotonic() > deadline:
                self.stop()
                raise TimeoutError(f"not ready after {timeout:.0f} s: {status}; logs in {self.config.log_dir}")
            time.sleep(1.0)

    def stop_one(self, name: str, grace: float = 15.0) -> None:
        proc = self.procs.pop(name, None)
        if proc is None or proc.poll() is not None:
            return
        try:
            os.killpg(proc.pid, signal.SIGINT)
            proc.wait(grace)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)
        except ProcessLookupError:
            pass

    def stop(self) -> None:
        for name in reversed(CHILDREN):
            self.stop_one(name)

    def __enter__(self) -> Stack:
        self.start()
        return self

    def __exit__(self, *exc) -> None:
        self.stop()
