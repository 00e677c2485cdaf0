"""Erasing a person: their rows, their published files (export links, charts) and their conversation in Rasa.

`erase_user` removes what the app keeps and the files, at once. Rasa's copy of the conversation is erased with
`bot.storage.rasa_tracker.erase_conversation`, by the caller, once Rasa has finished that person's turn (see there).
"""

from __future__ import annotations

from sqlalchemy.orm import Session

from bot import files
from bot.storage import repo
from bot.storage.models import User


def erase_user(session: Session, user: User) -> None:
    files.forget_owner(user.id)
    repo.delete_user(session, user)
