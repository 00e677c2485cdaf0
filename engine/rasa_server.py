"""Starts `rasa run` with its API token read from the environment, never from the command line.

`ps` shows a process's command line to every user of the machine, so the token must not be there. This launcher is
started as `python -m engine.rasa_server run ...` by ops/stack.py (in the Rasa virtualenv); it adds
`--auth-token` to its own argument list in memory (the kernel's copy of the command line, which `ps` reads, is not
changed) and hands over to Rasa's own command line entry point.
"""

from __future__ import annotations

import os
import sys


def main() -> None:
    token = os.environ.get("RASA_TOKEN")
    if not token:
        sys.exit("RASA_TOKEN is not set: Rasa's HTTP API would be open to anyone, so it is not started.")
    if "--auth-token" in sys.argv or "-t" in sys.argv:
        sys.exit("Give the Rasa token through RASA_TOKEN, never on the command line.")
    sys.argv = ["rasa", *sys.argv[1:], "--auth-token", token]
    from rasa.__main__ import main as rasa_main

    rasa_main()


if __name__ == "__main__":
    main()
