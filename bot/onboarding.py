"""What the bot says when people meet it: who it is, what it stores and why, and what it can do."""

from __future__ import annotations

INTRO = (
    "Hi, I'm your pacing coach. I help you find a steady, kind rhythm of movement when you live with "
    "fibromyalgia or other long-lasting pain. I'm not a clinician, and I don't replace one."
)

CONSENT = (
    "Before we start: if you agree, I'll store your check-ins (pain, tiredness, sleep, mood, activity) with a "
    "random id for this chat, so I can build your pacing plan and show your trends. You can export or delete "
    'all of it at any time by saying "export my data" or "delete my data".'
)

CONSENT_AGREE = "/consent_agree"
CONSENT_BUTTONS = [
    {"title": "I agree", "payload": CONSENT_AGREE},
    {"title": "No thanks", "payload": "/consent_decline"},
]

CONSENT_THANKS = "Thank you. Your data stays yours. Shall we start with a quick check-in? It takes under a minute."

CONSENT_DECLINED = (
    "That's completely fine. I won't store anything about your health. You can still ask me "
    'questions, like "what is pacing?" or "is it normal to ache after a walk?". If you change '
    'your mind, just say "I agree".'
)

NEEDS_CONSENT = "I'd love to log that for you, but I need your okay first, because it's health information."

WELCOME_BACK = "Welcome back. How can I help today?"

MENU_TEXT = (
    "Here's what I can do:\n"
    "- a daily check-in in under a minute\n"
    "- your pacing plan for today, and how your week went\n"
    '- "is this sensation normal?" after exercise\n'
    "- answers about pain, movement, sleep and stress\n"
    '- a report of your diary for your doctor or physio ("make a report for my doctor")\n'
    "Just type, or tap a button."
)

MENU_BUTTONS = [
    {"title": "Check in", "payload": "/start_checkin"},
    {"title": "Today's plan", "payload": "/ask_plan_today"},
    {"title": "My week", "payload": "/ask_progress"},
    {"title": "Is this sensation normal?", "payload": "/ask_sensation"},
]
