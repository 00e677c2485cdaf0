"""Train the Rasa model only when its inputs changed, and run Rasa's test stories.

The model file is named after a hash of config.yml, domain/ and data/, so the
same content never trains twice and a change always does.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import time
from pathlib import Path

from ops.paths import MODEL_INPUTS, MODELS, RASA, RESULTS, ROOT


def content_hash() -> str:
    digest = hashlib.sha256()
    for name in MODEL_INPUTS:
        path = ROOT / name
        files = [path] if path.is_file() else sorted(p for p in path.rglob("*") if p.is_file())
        for file in files:
            digest.update(str(file.relative_to(ROOT)).encode())
            digest.update(b"\0")
            digest.update(file.read_bytes())
            digest.update(b"\0")
    return digest.hexdigest()[:16]


def model_path() -> Path:
    return MODELS / f"pacing-{content_hash()}.tar.gz"


def ensure_model(quiet: bool = False) -> Path:
    """Return the model for the current content, training it first if missing."""
    target = model_path()
    if target.exists():
        if not quiet:
            print(f">> Model is up to date: {target.relative_to(ROOT)}")
        return target
    MODELS.mkdir(exist_ok=True)
    print(
        ">> Training the Rasa model (domain, data or config changed); this takes a few minutes on 2 cores ...",
        flush=True,
    )
    started = time.monotonic()
    log = RESULTS / "train.log"
    RESULTS.mkdir(exist_ok=True)
    with log.open("w") as out:
        proc = subprocess.run(
            [
                str(RASA),
                "train",
                "--domain",
                "domain",
                "--data",
                "data",
                "--config",
                "config.yml",
                "--out",
                str(MODELS),
                "--fixed-model-name",
                target.name.removesuffix(".tar.gz"),
            ],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    if proc.returncode != 0 or not target.exists():
        print(log.read_text()[-4000:], file=sys.stderr)
        raise SystemExit(f"Training failed (full log: {log})")
    for old in MODELS.glob("pacing-*.tar.gz"):
        if old != target:
            old.unlink()
    print(f">> Trained in {time.monotonic() - started:.0f} s: {target.relative_to(ROOT)}", flush=True)
    return target


def test_stories(model: Path) -> int:
    out = RESULTS / "core"
    out.mkdir(parents=True, exist_ok=True)
    proc = subprocess.run(
        [
            str(RASA),
            "test",
            "core",
            "--model",
            str(model),
            "--stories",
            "tests/stories",
            "--out",
            str(out),
            "--fail-on-prediction-errors",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    report = out / "failed_test_stories.yml"
    if proc.returncode != 0:
        print(proc.stdout[-3000:], proc.stderr[-3000:], sep="\n", file=sys.stderr)
        if report.exists():
            print(report.read_text()[:4000], file=sys.stderr)
        print(">> Rasa test stories FAILED", file=sys.stderr)
        return 1
    stories = sum(
        1
        for p in (ROOT / "tests" / "stories").glob("*.yml")
        for line in p.read_text().splitlines()
        if line.strip().startswith("- story:")
    )
    print(f">> Rasa test stories: {stories} passed, 0 failed")
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--test-stories", action="store_true", help="also run Rasa's test stories")
    args = parser.parse_args()
    model = ensure_model()
    if args.test_stories:
        return test_stories(model)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
