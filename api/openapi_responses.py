"""The answers besides success that the OpenAPI schema documents, with the bodies the app really sends.

Every error body is `{"detail": ...}` and never echoes what was sent. The 422 body is the one the app's
RequestValidationError handler (api/main.py) builds: where and what is wrong, without the input; a route's own 422
(an unreadable diary, a period that runs backwards) carries a sentence instead. Declaring 422 here replaces FastAPI's
default HTTPValidationError, which would promise fields (`input`, `ctx`) the app leaves out on purpose.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

# the type of FastAPI's `responses=`: status code -> what the schema says about that answer
Responses = dict[int | str, dict[str, Any]]


class ErrorOut(BaseModel):
    model_config = ConfigDict(extra="forbid")  # the schema says: nothing else, so nothing sent comes back
    detail: str


class FieldProblem(BaseModel):
    model_config = ConfigDict(extra="forbid")  # no `input`, no `ctx`: the 422 never echoes the request
    loc: list[str | int] = Field(description='Where the problem is, e.g. ["body", "sender"].')
    msg: str
    type: str


class ValidationErrorOut(BaseModel):
    model_config = ConfigDict(extra="forbid")
    detail: list[FieldProblem] | str = Field(
        description="What is wrong and where; a sentence when the request was well formed but cannot be used."
    )


def error(description: str, **extra: Any) -> dict[str, Any]:
    return {"model": ErrorOut, "description": description, **extra}


def text_success(media_type: str, description: str) -> Responses:
    """A 200 that is text, not JSON. Its route declares `response_class=Response` (no media type of its own) and
    returns the right response itself, so FastAPI documents the JSON error bodies as JSON, not as this type."""
    return {200: {"description": description, "content": {media_type: {"schema": {"type": "string"}}}}}


# api/body_limit.py answers these on every route, before the route sees the request.
BODY_LIMITS: Responses = {
    400: error("The Content-Length header is not a number (or the body could not be parsed)"),
    413: error("The body is larger than this address accepts"),
}
# api/rate_limits.py answers this on the web chat and the platform webhooks.
RATE_LIMITED: Responses = {
    429: error(
        "Too many requests; wait as long as Retry-After says",
        headers={"Retry-After": {"description": "Seconds to wait", "schema": {"type": "integer"}}},
    ),
}
INVALID: Responses = {422: {"model": ValidationErrorOut, "description": "The request does not have the expected shape"}}
OPERATOR: Responses = {
    401: error("Missing or wrong operator token"),
    503: error("The operator API is off (OPERATOR_TOKEN is not set)"),
}
NOT_FOUND: Responses = {404: error("No such user")}
