"""Simulated people chatting at once, for `make bench`: each sends a message every few seconds (think time), in a
mix of check-ins, questions and small talk, first through the web channel (the gateway), then straight to Rasa's
REST channel, at each number of users in turn. Prints p50/p95/p99, throughput and errors per step and path, the
most users sustained at p95 <= 300 ms on each, and crisis replies timed on their own with 100 users chatting.
"""

from __future__ import annotations

import asyncio
import random
import secrets
import time
from dataclasses import dataclass, field

import httpx

P95_TARGET_MS = 300.0
SESSIONS = [
    ["check in", "5", "6", "7 hours", "walked 20 minutes"],  # a daily check-in, answered a field at a time
    ["what is pacing", "tell me about central sensitisation", "what is a flare"],  # questions (FAQ)
    ["hi", "how are you", "thanks", "bye"],  # small talk
    ["what can you do", "what should I do today", "thank you"],
]
CRISIS = "I don't want to be alive any more"


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))] if ordered else float("nan")


@dataclass
class Path:
    name: str
    url: str
    headers: dict[str, str] = field(default_factory=dict)
    sender_prefix: str = ""


@dataclass
class Step:
    latencies_ms: list[float] = field(default_factory=list)
    errors: int = 0
    seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.latencies_ms) / self.seconds if self.seconds else 0.0


async def _turn(client: httpx.AsyncClient, path: Path, sender: str, text: str, step: Step | None) -> list[dict]:
    started = time.perf_counter()
    try:
        r = await client.post(path.url, json={"sender": sender, "message": text}, headers=path.headers)
        r.raise_for_status()
        body = r.json()
    except (httpx.HTTPError, ValueError):
        if step is not None:
            step.errors += 1
        return []
    if step is not None:
        step.latencies_ms.append((time.perf_counter() - started) * 1000)
    return body if isinstance(body, list) else []


async def _person(path: Path, think: float, until: float, step: Step) -> None:
    """One person, with a client of their own: the web chat binds a conversation to its browser's cookie."""
    async with httpx.AsyncClient(timeout=60.0) as client:
        await _chat(client, path, think, until, step)


async def _chat(client: httpx.AsyncClient, path: Path, think: float, until: float, step: Step) -> None:
    sender = f"{path.sender_prefix}load{secrets.token_hex(6)}"
    rng = random.Random(sender)
    await asyncio.sleep(rng.uniform(0, think))  # people do not all arrive in the same second
    reply = await _turn(client, path, sender, "hi", step)
    agree = [b["payload"] for m in reply for b in m.get("buttons") or [] if "agree" in b.get("title", "").lower()]
    if agree:
        await _turn(client, path, sender, agree[0], step)
    while time.monotonic() < until:
        for text in rng.choice(SESSIONS):
            await asyncio.sleep(rng.uniform(0.5 * think, 1.5 * think))
            if time.monotonic() >= until:
                return
            await _turn(client, path, sender, text, step)


async def _crowd(path: Path, users: int, seconds: float, think: float, crisis_every: float = 0.0) -> tuple[Step, Step]:
    """users people chatting for seconds; with crisis_every, one more sends a crisis message that often."""
    step, crisis = Step(), Step()
    async with httpx.AsyncClient(timeout=60.0) as client:  # for the crisis messages, each from a new sender
        until = time.monotonic() + seconds
        started = time.monotonic()
        tasks = [asyncio.create_task(_person(path, think, until, step)) for _ in range(users)]
        if crisis_every:
            await asyncio.sleep(think)  # the crowd is chatting by now
            while time.monotonic() < until:
                await _turn(client, path, f"crisis{secrets.token_hex(6)}", CRISIS, crisis)
                await asyncio.sleep(crisis_every)
        await asyncio.gather(*tasks)
        step.seconds = time.monotonic() - started
    return step, crisis


def _row(label: str, users: int, step: Step) -> str:
    v = step.latencies_ms
    return (
        f"{label:<22}{users:>6}{len(v):>7}{step.errors:>7}{step.throughput:>9.1f}"
        f"{percentile(v, 0.5):>9.0f}{percentile(v, 0.95):>9.0f}{percentile(v, 0.99):>9.0f}"
    )


def run_load(paths: list[Path], user_steps: list[int], seconds: float, think: float, safety_users: int) -> None:
    print(f"\nUsers chatting, a message every ~{think:.0f} s each, {seconds:.0f} s per step and path (alternated):")
    print(f"{'path':<22}{'users':>6}{'turns':>7}{'errors':>7}{'msg/s':>9}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    sustained = {path.name: 0 for path in paths}
    for users in user_steps:
        for path in paths:
            step, _ = asyncio.run(_crowd(path, users, seconds, think))
            print(_row(path.name, users, step), flush=True)
            if step.errors == 0 and percentile(step.latencies_ms, 0.95) <= P95_TARGET_MS:
                sustained[path.name] = max(sustained[path.name], users)
    for name, users in sustained.items():
        most = str(users) if users else f"fewer than {user_steps[0]}"
        print(f"most users sustained at p95 <= {P95_TARGET_MS:.0f} ms, {name}: {most}")
    step, crisis = asyncio.run(_crowd(paths[0], safety_users, seconds, think, crisis_every=1.0))
    v = crisis.latencies_ms
    print(
        f"crisis replies with {safety_users} users chatting ({paths[0].name}): n {len(v)}, errors {crisis.errors}, "
        f"p50 {percentile(v, 0.5):.0f} ms, p95 {percentile(v, 0.95):.0f} ms, max {max(v, default=float('nan')):.0f} ms"
        f"  (the crowd meanwhile: p95 {percentile(step.latencies_ms, 0.95):.0f} ms, {step.errors} errors)"
    )
