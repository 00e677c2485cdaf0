"""Logs without the people's words: exceptions are logged by kind and place, never by message.

An exception's message can carry what someone typed ("invalid literal for int(): 'my knee is swollen'"), and
tracebacks go to log files. `WithoutExceptionText` rewrites a record that carries an exception into one line: the
log message, the exception's type and the last frames (file, line, function), with no exception text.
`keep_exception_text_out_of_logs()` puts it on every handler the process logs through.
"""

from __future__ import annotations

import logging
import traceback
from pathlib import Path


def describe_exception(error: BaseException) -> str:
    frames = traceback.extract_tb(error.__traceback__)[-6:]
    where = " < ".join(f"{Path(f.filename).name}:{f.lineno} {f.name}" for f in reversed(frames))
    return f"{type(error).__name__} at {where or 'unknown place'}"


class WithoutExceptionText(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.getMessage()} [{describe_exception(record.exc_info[1])}]"
            record.args = None
            record.exc_info = None
            record.exc_text = None
            record.stack_info = None
        return True


def keep_exception_text_out_of_logs(*logger_names: str) -> None:
    """Filters the root logger's handlers and those of the named loggers (uvicorn and sanic keep their own)."""
    guard = WithoutExceptionText()
    for name in (None, *logger_names):
        for handler in logging.getLogger(name).handlers:
            if not any(isinstance(f, WithoutExceptionText) for f in handler.filters):
                handler.addFilter(guard)
