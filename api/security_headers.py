"""Security headers on every response, pages and API alike (with the `secure` package's ASGI middleware).

Strict-Transport-Security is only sent on a request that came over https: the scheme the server saw, or
X-Forwarded-Proto from a proxy in front when TRUST_FORWARDED_PROTO says that header can be believed.
"""

from __future__ import annotations

from secure import (
    ContentSecurityPolicy,
    ReferrerPolicy,
    Secure,
    StrictTransportSecurity,
    XContentTypeOptions,
    XFrameOptions,
)
from secure.middleware import SecureASGIMiddleware
from starlette.types import ASGIApp, Receive, Scope, Send

HSTS_MAX_AGE = 365 * 24 * 3600


def content_security_policy() -> ContentSecurityPolicy:
    """Our own scripts, styles and images only (charts may be data: URLs); no inline script, no framing."""
    return (
        ContentSecurityPolicy()
        .default_src("'self'")
        .script_src("'self'")
        .style_src("'self'")
        .img_src("'self'", "data:")
        .connect_src("'self'")
        .frame_ancestors("'none'")
        .base_uri("'none'")
        .form_action("'self'")
    )


def security_headers(https: bool) -> Secure:
    return Secure(
        csp=content_security_policy(),
        xcto=XContentTypeOptions(),
        referrer=ReferrerPolicy().no_referrer(),
        xfo=XFrameOptions().deny(),
        hsts=StrictTransportSecurity().max_age(HSTS_MAX_AGE) if https else None,
    )


def came_over_https(scope: Scope, trust_forwarded_proto: bool) -> bool:
    if scope.get("scheme") == "https":
        return True
    if not trust_forwarded_proto:
        return False
    forwarded = next((v for k, v in scope.get("headers", []) if k == b"x-forwarded-proto"), b"")
    return forwarded.split(b",")[0].strip().lower() == b"https"  # the proxy nearest the client comes first


class SecurityHeadersMiddleware:
    """Picks the https or the plain set of headers for each request and lets `secure` add them."""

    def __init__(self, app: ASGIApp, trust_forwarded_proto: bool = False):
        self.trust_forwarded_proto = trust_forwarded_proto
        self.over_https = SecureASGIMiddleware(app, secure=security_headers(https=True))
        self.over_http = SecureASGIMiddleware(app, secure=security_headers(https=False))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        https = scope["type"] == "http" and came_over_https(scope, self.trust_forwarded_proto)
        # secure types an ASGI message as `object`, Starlette as a mapping: the same callable either way
        await (self.over_https if https else self.over_http)(scope, receive, send)  # type: ignore[arg-type]
