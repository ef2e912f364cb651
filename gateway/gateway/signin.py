"""What every sign-in route shares (password, second step, e-mailed code, passkey, quick access):
the browser's device id for new-device alerts, the token answer, and starting the web session."""

from __future__ import annotations

import secrets
import time

from flask import Response, current_app, g, make_response, request
from pydantic import BaseModel

from clientarea.identity.v1 import identity_pb2
from gateway.auth import store
from gateway.sessions import CSRF_COOKIE, SESSION_COOKIE, WebSession, new_session_id

DEVICE_COOKIE = "ca_device"
DEVICE_HEADER = "X-Device-Id"  # apps keep their own id per install
_DEVICE_COOKIE_SECONDS = 400 * 24 * 3600  # the longest browsers keep a cookie


def device_id() -> str:
    """The browser's (or app's) random device id, for "login from a new device" alerts; a new one
    is made when none came, and `remember_device` gives it to the browser."""
    sent = request.cookies.get(DEVICE_COOKIE) or request.headers.get(DEVICE_HEADER, "")
    if sent and len(sent) <= 128:
        return sent
    g.new_device_id = secrets.token_urlsafe(24)
    return g.new_device_id


def remember_device(response: Response) -> Response:
    new = g.get("new_device_id")
    if new:
        response.set_cookie(DEVICE_COOKIE, new, max_age=_DEVICE_COOKIE_SECONDS, httponly=True,
                            secure=current_app.config["COOKIE_SECURE"], samesite="Strict", path="/")
    return response


class TokensOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "Bearer"  # noqa: S105 - the OAuth token type
    expires_in: int


def tokens_out(pair: identity_pb2.TokenPair) -> TokensOut:
    return TokensOut(access_token=pair.access_token, refresh_token=pair.refresh_token,
                     expires_in=pair.expires_in)


def start_web_session(pair: identity_pb2.TokenPair, body: dict) -> object:
    """Answer with the tokens and give the browser a new session cookie (a new id at every
    login) plus the readable CSRF cookie it must echo."""
    session_id, csrf = new_session_id(), secrets.token_urlsafe(24)
    store().put(session_id, WebSession(pair.access_token, pair.refresh_token,
                                       time.time() + pair.expires_in, csrf),
                current_app.config["SESSION_IDLE_SECONDS"])
    response = make_response(body, 200)
    secure = current_app.config["COOKIE_SECURE"]
    response.set_cookie(SESSION_COOKIE, session_id, httponly=True, secure=secure,
                        samesite="Strict", path="/")
    response.set_cookie(CSRF_COOKIE, csrf, httponly=False, secure=secure, samesite="Strict",
                        path="/")
    return response
