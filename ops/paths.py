"""Where things live in the repo. One place, so no other module guesses."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VAR = ROOT / "var"
MODELS = ROOT / "models"
RESULTS = ROOT / "results"
APP_PY = ROOT / ".venv" / "bin" / "python"
ENGINE_BIN = ROOT / ".venv-rasa" / "bin"
RASA = ENGINE_BIN / "rasa"
ENGINE_PY = ENGINE_BIN / "python"

# What the trained model depends on: a change in any of these means retraining.
MODEL_INPUTS = ("config.yml", "domain", "data")
