"""CPU time per turn of each process (Rasa, the action server, the web app), for `make bench`.

Reads user + system time from /proc/<pid>/stat (the process and its children, such as the action server's worker)
before and after a run of FAQ turns sent one after another through the web channel.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import httpx

FAQ = ["what is pacing", "tell me about central sensitisation", "what is a flare", "is it safe to exercise"]
TICKS = os.sysconf("SC_CLK_TCK")


def _pids(pid: int) -> list[int]:
    """The process and all its descendants."""
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                queue += [int(p) for p in (task / "children").read_text().split()]
        except OSError:
            pass
    return sorted(set(found))


def cpu_seconds(pid: int) -> float:
    total = 0
    for p in _pids(pid):
        try:
            fields = Path(f"/proc/{p}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime, stime (fields 14 and 15 of proc(5))
    return total / TICKS


def cpu_per_turn(api_url: str, pids: dict[str, int], turns: int = 100) -> dict[str, float]:
    """Milliseconds of CPU per turn for each named process over `turns` FAQ turns."""
    sender = f"cpu{secrets.token_hex(4)}"
    with httpx.Client(timeout=60) as client:
        url = f"{api_url}/webhooks/rest/webhook"
        client.post(url, json={"sender": sender, "message": "hi"}).raise_for_status()
        before = {name: cpu_seconds(pid) for name, pid in pids.items()}
        for i in range(turns):
            client.post(url, json={"sender": sender, "message": FAQ[i % len(FAQ)]}).raise_for_status()
        after = {name: cpu_seconds(pid) for name, pid in pids.items()}
    return {name: (after[name] - before[name]) * 1000 / turns for name in pids}
