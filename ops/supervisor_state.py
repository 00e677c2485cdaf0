"""The supervisor's view of its children, kept in a small JSON file the web app's /healthz reads.

Written atomically (a temporary file renamed over the old one), so a reader never sees half a file. It holds
names, states, times, exit codes and restart counts only: never anything a person wrote.
"""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

UP = "up"
STARTING = "starting"
RESTARTING = "waiting to restart"


def iso(epoch_seconds: float) -> str:
    return datetime.fromtimestamp(epoch_seconds, UTC).isoformat(timespec="seconds")


def write_state(path: Path, children: dict[str, dict[str, Any]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(json.dumps({"supervisor_pid": os.getpid(), "children": children}, indent=1))
    os.replace(temporary, path)


def read_children(path: Path) -> dict[str, dict[str, Any]]:
    """What the supervisor last wrote about each child; empty when there is no supervisor or no readable file."""
    try:
        children = json.loads(path.read_text()).get("children")
    except (OSError, ValueError, AttributeError):
        return {}
    return children if isinstance(children, dict) else {}
