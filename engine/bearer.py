"""The one check of a shared secret sent as `Authorization: Bearer <token>` between our processes.

Standard library only, so both virtualenvs import it: Rasa's (engine/secured_rest.py, Python 3.10) and the app's
(actions/server.py). The comparison takes the same time whatever the guess. No token configured refuses everything.
"""

from __future__ import annotations

import hmac

PREFIX = "Bearer "


def bearer_matches(header: str | None, token: str | None) -> bool:
    if not token or not header or not header.startswith(PREFIX):
        return False
    return hmac.compare_digest(header[len(PREFIX) :].encode(), token.encode())
