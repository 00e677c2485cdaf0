"""Short-lived files for the user (data exports, charts): written under var/files/<token>/, served by the web app.

The token is 32 random bytes, so a link is as private as the chat that got it; files expire after an hour, and
die at once when their owner erases their data (each folder records its owner's id in an `.owner` file). A file made
for a web conversation also names that conversation: only the browser that holds it may open the link.
"""

from __future__ import annotations

import re
import secrets
import shutil
import time
from pathlib import Path

FILES = Path(__file__).resolve().parents[1] / "var" / "files"
TTL_SECONDS = 3600
_NAME = re.compile(r"^[A-Za-z0-9_.\-]{1,64}$")
_TOKEN = re.compile(r"^[A-Za-z0-9_\-]{20,64}$")


OWNER_FILE = ".owner"


def publish(files: dict[str, bytes], owner: int, web_sender: str | None = None) -> dict[str, str]:
    """Stores the files under one new token for that user (their database id); returns name -> URL path.
    web_sender: the web conversation they were made for (its browser alone may open them)."""
    cleanup()
    token = secrets.token_urlsafe(32)
    folder = FILES / token
    folder.mkdir(parents=True)
    (folder / OWNER_FILE).write_text(str(owner) + (f"\n{web_sender}" if web_sender else ""))
    urls = {}
    for name, content in files.items():
        if not _NAME.match(name):
            raise ValueError(f"bad file name {name!r}")
        (folder / name).write_bytes(content)
        urls[name] = f"/files/{token}/{name}"
    return urls


def lookup(token: str, name: str) -> Path | None:
    if not _TOKEN.match(token) or not _NAME.match(name):
        return None
    path = FILES / token / name
    if not path.is_file() or time.time() - path.stat().st_mtime > TTL_SECONDS:
        return None
    return path


def web_conversation(token: str) -> str | None:
    """The web conversation a link was made for, or None (a link sent to a messaging app)."""
    if not _TOKEN.match(token):
        return None
    lines = _marker_lines(FILES / token)
    return lines[1] if len(lines) > 1 and lines[1] else None


def _marker_lines(folder: Path) -> list[str]:
    marker = folder / OWNER_FILE
    try:
        return marker.read_text().strip().split("\n") if marker.is_file() else []
    except OSError:
        return []


def cleanup() -> None:
    if not FILES.exists():
        return
    now = time.time()
    for folder in FILES.iterdir():
        if folder.is_dir() and now - folder.stat().st_mtime > TTL_SECONDS:
            shutil.rmtree(folder, ignore_errors=True)


def forget_owner(owner: int) -> int:
    """Deletes every published folder of that user at once (their links stop working); returns how many."""
    if not FILES.exists():
        return 0
    gone = 0
    for folder in FILES.iterdir():
        lines = _marker_lines(folder)
        if lines and lines[0] == str(owner):
            shutil.rmtree(folder, ignore_errors=True)
            gone += 1
    return gone
