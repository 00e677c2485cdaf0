"""Benchmark (not a test): the same fixed conversation through the FastAPI web channel and straight to Rasa's
REST channel, in one run; prints p50/p95 latency of each, their ratio, and the resident memory of each process.
Then simulated users chatting at once on both paths (scripts/bench_load.py) and CPU per turn of each process
(scripts/bench_cpu.py). The default run takes about five minutes on 2 cores.

    make bench            (or: .venv/bin/python scripts/bench.py --rounds 20)
    .venv/bin/python scripts/bench.py --users 10,20,30,40,50,60 --step-seconds 60     (a longer step search)
    .venv/bin/python scripts/bench.py --no-load --cpu-turns 0                          (idle latency only)
"""

from __future__ import annotations

import argparse
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from ops.model import ensure_model
from ops.stack import Stack, StackConfig, free_port
from scripts.bench_cpu import cpu_per_turn
from scripts.bench_load import Path as LoadPath
from scripts.bench_load import percentile, run_load

CONVERSATION = [
    "hi",
    "what can you do",
    "what is pacing",
    "tell me about central sensitisation",
    "what should I do today",
    "my calves ache after my walk, is that normal",
    "thanks",
    "bye",
]


def rss_mb(pid: int) -> float:
    """Resident memory of a process and its children, in MB (from /proc)."""
    total = 0
    pids = [pid]
    children = Path(f"/proc/{pid}/task/{pid}/children")
    if children.exists():
        pids += [int(p) for p in children.read_text().split()]
    for p in pids:
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1])
        except FileNotFoundError:
            pass
    return total / 1024


def run_conversation(client: httpx.Client, url: str, sender: str, headers: dict[str, str] | None = None) -> list[float]:
    times = []
    for text in CONVERSATION:
        started = time.perf_counter()
        r = client.post(url, json={"sender": sender, "message": text}, headers=headers)
        r.raise_for_status()
        times.append((time.perf_counter() - started) * 1000)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=15, help="conversations per path (default 15)")
    parser.add_argument("--users", default="10,30,50", help="simulated users per step, comma-separated")
    parser.add_argument("--step-seconds", type=float, default=25.0, help="how long each step runs, per path")
    parser.add_argument("--think", type=float, default=4.0, help="seconds between one user's messages (on average)")
    parser.add_argument("--safety-users", type=int, default=100, help="users chatting while crisis replies are timed")
    parser.add_argument("--no-load", action="store_true", help="skip the simulated users")
    parser.add_argument("--cpu-turns", type=int, default=100, help="FAQ turns for CPU per turn (0 skips it)")
    args = parser.parse_args()
    model = ensure_model(quiet=True)
    with tempfile.TemporaryDirectory() as tmp:
        config = StackConfig(
            port=free_port(),  # the machine may be shared: never a fixed port
            rasa_port=free_port(),
            action_port=free_port(),
            database_url=f"sqlite:///{tmp}/bench.db",
            log_dir=Path(tmp) / "logs",
            extra_env={"RATE_LIMIT_PER_IP": "100000/minute", "RATE_LIMIT_PER_SENDER": "100000/minute"},
        )
        print(f"Starting the stack ({len(CONVERSATION)} messages x {args.rounds} rounds per path) ...", flush=True)
        started = time.monotonic()
        with Stack(config, model) as stack:
            print(f"ready in {time.monotonic() - started:.0f} s", flush=True)
            api, rasa = [], []
            with httpx.Client(timeout=60) as client:
                run_conversation(client, f"{config.api_url}/webhooks/rest/webhook", "warmup")  # warm-up, not counted
                for _ in range(args.rounds):
                    sender = f"bench{secrets.token_hex(4)}"
                    api += run_conversation(client, f"{config.api_url}/webhooks/rest/webhook", sender)
                    rasa += run_conversation(
                        client,
                        f"{config.rasa_url}/webhooks/rest/webhook",
                        f"web:direct-{sender}",
                        headers={"Authorization": f"Bearer {config.rasa_token}"},
                    )
            memory = {name: rss_mb(proc.pid) for name, proc in stack.procs.items()}
            print_latency(api, rasa, memory)
            if not args.no_load:
                paths = [
                    LoadPath("web channel (gateway)", f"{config.api_url}/webhooks/rest/webhook"),
                    LoadPath(
                        "Rasa REST direct",
                        f"{config.rasa_url}/webhooks/rest/webhook",
                        {"Authorization": f"Bearer {config.rasa_token}"},
                        "web:direct-",
                    ),
                ]
                users = [int(n) for n in args.users.split(",")]
                run_load(paths, users, args.step_seconds, args.think, args.safety_users)
            if args.cpu_turns:
                pids = {name: proc.pid for name, proc in stack.procs.items()}
                cpu = cpu_per_turn(config.api_url, pids, args.cpu_turns)
                print(
                    f"\nCPU per turn ({args.cpu_turns} FAQ turns, one after another, through the web channel): "
                    + ", ".join(f"{name} {ms:.1f} ms" for name, ms in cpu.items())
                )
    return 0


def print_latency(api: list[float], rasa: list[float], memory: dict[str, float]) -> None:
    print()
    print(f"{'path':<28}{'n':>5}{'p50 ms':>10}{'p95 ms':>10}{'mean ms':>10}")
    for name, values in (("web channel (FastAPI->Rasa)", api), ("Rasa REST channel direct", rasa)):
        print(
            f"{name:<28}{len(values):>5}{percentile(values, 0.5):>10.1f}{percentile(values, 0.95):>10.1f}"
            f"{statistics.fmean(values):>10.1f}"
        )
    print(
        f"ratio web/direct: p50 {percentile(api, 0.5) / percentile(rasa, 0.5):.2f}x, "
        f"p95 {percentile(api, 0.95) / percentile(rasa, 0.95):.2f}x"
    )
    print("resident memory: " + ", ".join(f"{name} {mb:.0f} MB" for name, mb in memory.items()), flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
