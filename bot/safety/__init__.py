"""Safety core: message screen, help lines and safety replies.

Run ``screen_message`` on every inbound message before anything else.
"""

from bot.safety.helplines import Helplines, helplines_for
from bot.safety.replies import crisis_reply, dose_refusal_reply, emergency_reply
from bot.safety.screen import ScreenResult, screen_message

__all__ = [
    "Helplines",
    "ScreenResult",
    "crisis_reply",
    "dose_refusal_reply",
    "emergency_reply",
    "helplines_for",
    "screen_message",
]
