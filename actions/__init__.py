"""The rasa_sdk action server: thin actions that call the coaching core in bot/."""

from actions import checkin, data, faq, nudges, onboarding, pacing, reminders, report, triage  # noqa: F401  (registers the actions)
