"""Symptom triage (normal / assess / stop, plus an emergency flag)."""

from bot.triage.rules import FollowUp, Outcome, triage

__all__ = ["FollowUp", "Outcome", "triage"]
