"""Authentication and the caller's own account: login, refresh, logout, me."""

from __future__ import annotations

import secrets
import time

from flask import current_app, g, make_response, request
from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.errors import DomainError, Unauthenticated
from gateway.api import operation
from gateway.auth import client_address, store
from gateway.routes.clients import ClientOut, client_out
from gateway.services import call, gather, services
from gateway.sessions import CSRF_COOKIE, SESSION_COOKIE, WebSession, new_session_id


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    username: str = Field(min_length=1, max_length=254, description="User name or e-mail")
    password: str = Field(min_length=1, max_length=1024)


class TokensOut(BaseModel):
    access_token: str
    refresh_token: str
    token_type: str = "Bearer"  # noqa: S105 - the OAuth token type
    expires_in: int


class RefreshIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    refresh_token: str = Field(default="", max_length=256)


class SetPasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1, max_length=256)
    password: str = Field(min_length=1, max_length=1024)


class UsernameOut(BaseModel):
    username: str


class TenantOut(BaseModel):
    id: str
    slug: str
    name: str


class MeOut(BaseModel):
    user_id: str
    username: str
    display_name: str
    email: str
    tenant: TenantOut
    roles: list[str]
    client_id: str | None
    client: ClientOut | None
    locale: str
    notices: list[str] = Field(default_factory=list, description="Parts that could not be loaded")


def _tokens(pair: identity_pb2.TokenPair) -> TokensOut:
    return TokensOut(access_token=pair.access_token, refresh_token=pair.refresh_token,
                     expires_in=pair.expires_in)


def _start_web_session(pair: identity_pb2.TokenPair, body: dict) -> object:
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


@operation("/auth/login", "POST", summary="Log in with user name (or e-mail) and password",
           tag="auth", body=LoginIn, response=TokensOut, public=True, errors=(401, 429))
def login(body: LoginIn):  # noqa: ANN201
    pair = call(services().identity.Login, identity_pb2.LoginRequest(
        tenant=body.tenant, username=body.username, password=body.password,
        user_agent=request.user_agent.string[:400], source_address=client_address()))
    return _start_web_session(pair, _tokens(pair).model_dump())


@operation("/auth/refresh", "POST", summary="Exchange a refresh token for new tokens (rotated)",
           tag="auth", body=RefreshIn, response=TokensOut, public=True, errors=(401,))
def refresh(body: RefreshIn):  # noqa: ANN201
    cookie = request.cookies.get(SESSION_COOKIE, "")
    session = store().get(cookie) if cookie and not body.refresh_token else None
    token = body.refresh_token or (session.refresh_token if session else "")
    if not token:
        raise Unauthenticated("No session to refresh", "no_session")
    pair = call(services().identity.Refresh, identity_pb2.RefreshRequest(
        refresh_token=token, user_agent=request.user_agent.string[:400],
        source_address=client_address()))
    if session is not None:
        store().put(cookie, WebSession(pair.access_token, pair.refresh_token,
                                       time.time() + pair.expires_in, session.csrf_token),
                    current_app.config["SESSION_IDLE_SECONDS"])
    return _tokens(pair)


@operation("/auth/logout", "POST", summary="End the session (revokes its refresh tokens)",
           tag="auth", body=RefreshIn, status=204, public=True)
def logout(body: RefreshIn):  # noqa: ANN201
    cookie = request.cookies.get(SESSION_COOKIE, "")
    session = store().get(cookie) if cookie else None
    token = body.refresh_token or (session.refresh_token if session else "")
    if token:
        call(services().identity.Logout, identity_pb2.LogoutRequest(refresh_token=token))
    if cookie:
        store().delete(cookie)
    response = make_response("", 204)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@operation("/auth/set-password", "POST", summary="Choose the first password with the e-mailed link",
           tag="auth", body=SetPasswordIn, response=UsernameOut, public=True)
def set_password(body: SetPasswordIn):  # noqa: ANN201
    answer = call(services().identity.SetPassword,
                  identity_pb2.SetPasswordRequest(token=body.token, password=body.password))
    return UsernameOut(username=answer.username)


@operation("/me", "GET", summary="Who am I: user, roles, firm and client", tag="account",
           response=MeOut)
def me():  # noqa: ANN201
    principal = g.principal
    calls = [lambda: services().identity.GetMe.future(identity_pb2.GetMeRequest())]
    if principal.client_id:
        calls.append(lambda: services().crm.GetClient.future(
            crm_pb2.GetClientRequest(id=principal.client_id)))
    results = gather(*calls)
    user = results[0]
    if isinstance(user, DomainError):
        raise user
    notices, client = [], None
    if len(results) > 1:
        if isinstance(results[1], DomainError):
            notices.append("client_unavailable")
        else:
            client = client_out(results[1])
    return MeOut(
        user_id=user.id, username=user.username, display_name=user.display_name,
        email=user.email, tenant=TenantOut(id=user.tenant.id, slug=user.tenant.slug,
                                           name=user.tenant.name),
        roles=list(user.roles), client_id=user.client_id or None, client=client,
        locale=user.locale, notices=notices,
    )
