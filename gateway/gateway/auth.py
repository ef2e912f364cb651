"""Who is calling the gateway: a bearer token (mobile, integrators) or the web session cookie.

Cookie sessions keep the tokens server-side; unsafe methods must echo the CSRF token; an
access token about to expire is refreshed transparently (rotating the refresh token). A token
whose session was revoked (sign-out elsewhere, password change, account closed) stops working
within `SESSION_CHECK_SECONDS`, not only when it expires.
"""

from __future__ import annotations

import hmac
import threading
import time

from flask import current_app, g, request

from clientarea.identity.v1 import identity_pb2
from clientarea_shared.auth import TokenVerifier
from clientarea_shared.context import MFA_ENROLMENT_SCOPE, QUICK_ACCESS, Principal
from clientarea_shared.errors import DomainError, Forbidden, Unauthenticated, Unavailable
from gateway.api import API_PREFIX
from gateway.services import call, services
from gateway.sessions import CSRF_HEADER, SESSION_COOKIE, SessionStore, WebSession

_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
_REFRESH_MARGIN_SECONDS = 30
SESSION_CHECK_SECONDS = 30.0


class SessionLiveness:
    """Whether a token's session is still active, asked of identity at most every
    `SESSION_CHECK_SECONDS` per session. A revoked session is remembered as such. When identity
    cannot answer, the last known state holds (or the verified token is trusted), so an identity
    blip does not log everybody out."""

    def __init__(self, check_seconds: float = SESSION_CHECK_SECONDS):
        self._check_seconds = check_seconds
        self._known: dict[str, tuple[float, bool]] = {}  # session id -> (checked at, active)
        self._lock = threading.Lock()

    def active(self, principal: Principal) -> bool:
        if not principal.session_id:
            return True
        now = time.monotonic()
        with self._lock:
            known = self._known.get(principal.session_id)
        if known is not None and (not known[1] or now - known[0] < self._check_seconds):
            return known[1]
        try:
            state = call(services().identity.CheckSession, identity_pb2.CheckSessionRequest(),
                         metadata=[("authorization", f"Bearer {principal.token}")])
        except Unavailable:
            return known[1] if known is not None else True
        with self._lock:
            if len(self._known) > 100_000:
                self._known.clear()  # a bound; a miss costs one call
            self._known[principal.session_id] = (now, state.active)
        return state.active


def liveness() -> SessionLiveness:
    return current_app.extensions["clientarea.session_liveness"]


def verifier() -> TokenVerifier:
    return current_app.extensions["clientarea.verifier"]


def store() -> SessionStore:
    return current_app.extensions["clientarea.sessions"]


def client_address() -> str:
    return request.remote_addr or ""


def request_origin() -> dict[str, str]:
    """Where the request came from (identity's `user_agent` and `source_address` fields), for
    login throttling, device alerts and the audit trail."""
    return {"user_agent": request.user_agent.string[:400], "source_address": client_address()}


def _bearer() -> str:
    header = request.headers.get("Authorization", "")
    return header[7:].strip() if header.lower().startswith("bearer ") else ""


def _refresh_web_session(session_id: str, session: WebSession) -> WebSession:
    pair = call(services().identity.Refresh, identity_pb2.RefreshRequest(
        refresh_token=session.refresh_token, user_agent=request.user_agent.string,
        source_address=client_address()))
    renewed = WebSession(pair.access_token, pair.refresh_token, time.time() + pair.expires_in,
                         session.csrf_token)
    store().put(session_id, renewed, current_app.config["SESSION_IDLE_SECONDS"])
    return renewed


def _from_cookie(session_id: str) -> Principal:
    session = store().get(session_id)
    if session is None:
        raise Unauthenticated("The session has ended", "session_expired")
    if request.method in _UNSAFE:
        sent = request.headers.get(CSRF_HEADER, "")
        if not sent or not hmac.compare_digest(sent, session.csrf_token):
            raise Forbidden("Missing or wrong CSRF token", "csrf_failed")
    if session.access_expires_at - _REFRESH_MARGIN_SECONDS < time.time():
        try:
            session = _refresh_web_session(session_id, session)
        except DomainError:
            store().delete(session_id)
            raise
    else:  # sliding idle timeout
        store().put(session_id, session, current_app.config["SESSION_IDLE_SECONDS"])
    return verifier().verify(session.access_token)


def _enrolment_only(principal: Principal) -> bool:
    """A staff login of a firm that requires two-factor, not set up yet: only /me and the set-up."""
    if MFA_ENROLMENT_SCOPE not in principal.scope:
        return False
    path = request.path.removeprefix(API_PREFIX)
    return not (path == "/me" or path.startswith("/me/mfa/"))


# --- quick access ---
# What a quick-access session (process number + access key) may reach: its case and the firm's
# news, read-only. Logging out is public. Everything else is refused here, before any service is
# asked, whatever the route's own checks (and collections checks the case scope again).
QUICK_ACCESS_PATHS = frozenset({("GET", "/quick-access/case"), ("GET", "/news"),
                                ("POST", "/feedback")})  # seed 003: the feedback box after either login


def quick_access_allowed(principal: Principal) -> bool:
    if QUICK_ACCESS not in principal.roles:
        return True
    return (request.method, request.path.removeprefix(API_PREFIX).rstrip("/")) in QUICK_ACCESS_PATHS
# --- end quick access ---


def authenticate() -> Principal:
    """Resolve the caller into `g.principal`; raises Unauthenticated/Forbidden."""
    token = _bearer()
    if token:
        principal = verifier().verify(token)
    elif request.cookies.get(SESSION_COOKIE):
        principal = _from_cookie(request.cookies[SESSION_COOKIE])
    else:
        raise Unauthenticated()
    if not liveness().active(principal):
        raise Unauthenticated("The session has ended", "session_revoked")
    if _enrolment_only(principal):
        raise Forbidden("Set up two-factor authentication to continue", "mfa_enrolment_required")
    if not quick_access_allowed(principal):
        raise Forbidden("A quick access by process number shows only its case and the firm's news",
                        "quick_access_forbidden")
    g.principal = principal
    g.context_token = None
    return principal
