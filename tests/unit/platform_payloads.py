"""The platforms' documented payloads (tests/data/platform_payloads/*.json, each file noting its source), with
their placeholders ("TEXT", "CAPTION", "WA_ID"...) filled in by a test."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

FOLDER = Path(__file__).resolve().parents[1] / "data" / "platform_payloads"


def _fill(value: Any, values: dict[str, Any]) -> Any:
    if isinstance(value, dict):
        return {k: _fill(v, values) for k, v in value.items()}
    if isinstance(value, list):
        return [_fill(v, values) for v in value]
    if isinstance(value, str) and value in values:
        return values[value]
    if isinstance(value, str):
        for placeholder, filled in values.items():
            value = value.replace(placeholder, str(filled)) if placeholder in value else value
    return value


def payload(platform: str, name: str, **values: Any) -> Any:
    """One documented example, e.g. payload("telegram", "photo_with_caption", CAPTION="my knee hurts")."""
    examples = json.loads((FOLDER / f"{platform}.json").read_text(encoding="utf-8"))
    return _fill(examples[name], values)
