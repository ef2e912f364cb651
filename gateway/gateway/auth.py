"""Who is calling the gateway: a bearer token (mobile, integrators) or the web session cookie.

Cookie sessions keep the tokens server-side; unsafe methods must echo the CSRF token; an
access token about to expire is refreshed transparently (rotating the refresh token).
"""

from __future__ import annotations

import hmac
import time

from flask import current_app, g, request

from clientarea.identity.v1 import identity_pb2
from clientarea_shared.auth import TokenVerifier
from clientarea_shared.context import MFA_ENROLMENT_SCOPE, Principal
from clientarea_shared.errors import DomainError, Forbidden, Unauthenticated
from gateway.api import API_PREFIX
from gateway.services import call, services
from gateway.sessions import CSRF_HEADER, SESSION_COOKIE, SessionStore, WebSession

_UNSAFE = {"POST", "PUT", "PATCH", "DELETE"}
_REFRESH_MARGIN_SECONDS = 30


def verifier() -> TokenVerifier:
    return current_app.extensions["clientarea.verifier"]


def store() -> SessionStore:
    return current_app.extensions["clientarea.sessions"]


def client_address() -> str:
    return request.remote_addr or ""


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


def authenticate() -> Principal:
    """Resolve the caller into `g.principal`; raises Unauthenticated/Forbidden."""
    token = _bearer()
    if token:
        principal = verifier().verify(token)
    elif request.cookies.get(SESSION_COOKIE):
        principal = _from_cookie(request.cookies[SESSION_COOKIE])
    else:
        raise Unauthenticated()
    if _enrolment_only(principal):
        raise Forbidden("Set up two-factor authentication to continue", "mfa_enrolment_required")
    g.principal = principal
    g.context_token = None
    return principal
