"""Authentication journeys before a session exists: login, refresh, logout, first password,
forgotten password, self-registration by e-mail and password strength feedback.

Every answer that could tell whether an account exists is the same for both cases (identity
makes sure of it); the gateway only shapes HTTP around identity's gRPC calls.
"""

from __future__ import annotations

import time

from flask import current_app, g, make_response, request
from pydantic import BaseModel, ConfigDict, Field

from clientarea.identity.v1 import identity_pb2
from clientarea_shared.errors import Unauthenticated
from gateway.api import operation
from gateway.auth import request_origin, store
from gateway.services import call, services
from gateway.sessions import CSRF_COOKIE, SESSION_COOKIE, WebSession
from gateway.signin import TokensOut, device_id, remember_device, start_web_session, tokens_out


class LoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    username: str = Field(min_length=1, max_length=254, description="User name or e-mail")
    password: str = Field(min_length=1, max_length=1024)


class LoginOut(BaseModel):
    """Either the tokens, or (password right, second factor due) `mfa_required` with a ticket for
    `POST /auth/login/mfa`."""

    access_token: str | None = None
    refresh_token: str | None = None
    token_type: str | None = None
    expires_in: int | None = None
    mfa_required: bool = False
    mfa_ticket: str | None = None
    mfa_methods: list[str] = Field(default_factory=list)


class MfaLoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    # With Keycloak the ticket also carries the password, sealed (identity_service/journeys/keycloak_login.py).
    mfa_ticket: str = Field(min_length=1, max_length=1024)
    code: str = Field(min_length=1, max_length=32, description="The app's six digits or a recovery code")


class RefreshIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    refresh_token: str = Field(default="", max_length=4096)  # Keycloak's refresh tokens are JWTs


class NewPasswordIn(BaseModel):
    """A new password typed twice (the policy is identity's: its field errors come back as 422)."""

    model_config = ConfigDict(extra="forbid")
    password: str = Field(min_length=1, max_length=1024)
    password_confirmation: str = Field(min_length=1, max_length=1024)


class SetPasswordIn(NewPasswordIn):
    token: str = Field(min_length=1, max_length=256, description="From the e-mailed link")


class ResetRequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    login: str = Field(min_length=1, max_length=254, description="User name or e-mail")


class RegistrationIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    email: str = Field(min_length=3, max_length=254, description="The e-mail the firm has on file")
    locale: str = Field(default="", max_length=10)


class CodeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    code: str = Field(min_length=1, max_length=12, description="The six digits of the e-mail")


class RegistrationOut(BaseModel):
    registration_id: str
    code_expires_in: int = Field(description="Seconds the current code stays valid")
    resend_after: int = Field(description="Seconds until a new code may be asked for")
    verified: bool


class PasswordCheckIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    password: str = Field(max_length=1024)
    username: str = Field(default="", max_length=254)
    email: str = Field(default="", max_length=254)


class PasswordVerdictOut(BaseModel):
    acceptable: bool
    score: int = Field(description="zxcvbn's 0 (weakest) to 4")
    warning: str
    suggestions: list[str]
    problems: list[str] = Field(description="Policy rules broken: too_short, too_common, ...")


class UsernameOut(BaseModel):
    username: str


@operation("/auth/login", "POST", summary="Log in with user name (or e-mail) and password",
           tag="auth", body=LoginIn, response=LoginOut, public=True, errors=(401, 429))
def login(body: LoginIn):  # noqa: ANN201
    pair = call(services().identity.Login, identity_pb2.LoginRequest(
        tenant=body.tenant, username=body.username, password=body.password, device_id=device_id(), **request_origin()))
    if pair.mfa_ticket:  # no session yet: the second factor comes first
        second_step = LoginOut(mfa_required=True, mfa_ticket=pair.mfa_ticket, mfa_methods=list(pair.mfa_methods))
        return remember_device(make_response(second_step.model_dump(mode="json"), 200))
    return remember_device(start_web_session(pair, tokens_out(pair).model_dump()))


@operation("/auth/login/mfa", "POST", summary="Second step of a login: the authenticator or a recovery code",
           tag="auth", body=MfaLoginIn, response=TokensOut, public=True, errors=(401,))
def login_second_factor(body: MfaLoginIn):  # noqa: ANN201
    pair = call(services().identity.CompleteMfaLogin, identity_pb2.CompleteMfaLoginRequest(
        mfa_ticket=body.mfa_ticket, code=body.code, device_id=device_id(), **request_origin()))
    return remember_device(start_web_session(pair, tokens_out(pair).model_dump()))


@operation("/auth/refresh", "POST", summary="Exchange a refresh token for new tokens (rotated)",
           tag="auth", body=RefreshIn, response=TokensOut, public=True, errors=(401,))
def refresh(body: RefreshIn):  # noqa: ANN201
    cookie = request.cookies.get(SESSION_COOKIE, "")
    session = store().get(cookie) if cookie and not body.refresh_token else None
    token = body.refresh_token or (session.refresh_token if session else "")
    if not token:
        raise Unauthenticated("No session to refresh", "no_session")
    pair = call(services().identity.Refresh, identity_pb2.RefreshRequest(refresh_token=token, **request_origin()))
    if session is not None:
        store().put(cookie, WebSession(pair.access_token, pair.refresh_token,
                                       time.time() + pair.expires_in, session.csrf_token),
                    current_app.config["SESSION_IDLE_SECONDS"])
    return tokens_out(pair)


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
    answer = call(services().identity.SetPassword, identity_pb2.SetPasswordRequest(
        token=body.token, password=body.password, password_confirmation=body.password_confirmation))
    return UsernameOut(username=answer.username)


@operation("/auth/password-reset", "POST", summary="Forgotten password: e-mail a 30-minute link",
           tag="auth", body=ResetRequestIn, status=202, public=True)
def request_password_reset(body: ResetRequestIn):  # noqa: ANN201
    """202 whether or not the account exists (nobody can probe for accounts)."""
    call(services().identity.RequestPasswordReset, identity_pb2.RequestPasswordResetRequest(
        tenant=body.tenant, login=body.login, **request_origin()))
    return make_response("", 202)


@operation("/auth/password-reset/confirm", "POST", summary="Choose a new password with the reset link",
           tag="auth", body=SetPasswordIn, response=UsernameOut, public=True)
def confirm_password_reset(body: SetPasswordIn):  # noqa: ANN201
    answer = call(services().identity.ResetPassword, identity_pb2.ResetPasswordRequest(
        token=body.token, password=body.password, password_confirmation=body.password_confirmation,
        **request_origin()))
    return UsernameOut(username=answer.username)


class EmailConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    token: str = Field(min_length=1, max_length=256, description="From the link sent to the new address")


class EmailOut(BaseModel):
    email: str


@operation("/auth/email-change/confirm", "POST", summary="Confirm a new e-mail address with its link",
           tag="auth", body=EmailConfirmIn, response=EmailOut, public=True, errors=(409,))
def confirm_email_change(body: EmailConfirmIn):  # noqa: ANN201
    """Public: the link may be opened on another device; the token alone proves the address."""
    answer = call(services().identity.ConfirmEmailChange,
                  identity_pb2.ConfirmEmailChangeRequest(token=body.token, **request_origin()))
    return EmailOut(email=answer.email)


@operation("/auth/password-check", "POST", summary="Strength feedback for a password being chosen",
           tag="auth", body=PasswordCheckIn, response=PasswordVerdictOut, public=True)
def check_password(body: PasswordCheckIn):  # noqa: ANN201
    verdict = call(services().identity.CheckPassword, identity_pb2.CheckPasswordRequest(
        password=body.password, username=body.username, email=body.email))
    return PasswordVerdictOut(acceptable=verdict.acceptable, score=verdict.score, warning=verdict.warning,
                              suggestions=list(verdict.suggestions), problems=list(verdict.problems))


def _registration(status: identity_pb2.RegistrationStatus) -> RegistrationOut:
    return RegistrationOut(registration_id=status.registration_id, code_expires_in=status.code_expires_in,
                           resend_after=status.resend_after, verified=status.verified)


@operation("/auth/registrations", "POST", summary="Self-registration: e-mail a six-digit code",
           tag="auth", body=RegistrationIn, response=RegistrationOut, status=202, public=True,
           errors=(429, 503))
def start_registration(body: RegistrationIn):  # noqa: ANN201
    """The same answer for any e-mail; only a client's e-mail receives a code."""
    return _registration(call(services().identity.StartRegistration, identity_pb2.StartRegistrationRequest(
        tenant=body.tenant, email=body.email, locale=body.locale or g.get("locale", ""), **request_origin())))


@operation("/auth/registrations/{registration_id}/resend", "POST", summary="Send a new code",
           tag="auth", response=RegistrationOut, status=202, public=True, errors=(429,))
def resend_registration_code(registration_id: str):  # noqa: ANN201
    return _registration(call(services().identity.ResendRegistrationCode,
                              identity_pb2.ResendRegistrationCodeRequest(registration_id=registration_id)))


@operation("/auth/registrations/{registration_id}/verify", "POST", summary="Check the e-mailed code",
           tag="auth", body=CodeIn, response=RegistrationOut, public=True)
def verify_registration_code(registration_id: str, body: CodeIn):  # noqa: ANN201
    return _registration(call(services().identity.VerifyRegistrationCode,
                              identity_pb2.VerifyRegistrationCodeRequest(registration_id=registration_id,
                                                                         code=body.code)))


@operation("/auth/registrations/{registration_id}/complete", "POST",
           summary="Choose the password and log in", tag="auth", body=NewPasswordIn, response=TokensOut,
           public=True, errors=(409,))
def complete_registration(registration_id: str, body: NewPasswordIn):  # noqa: ANN201
    pair = call(services().identity.CompleteRegistration, identity_pb2.CompleteRegistrationRequest(
        registration_id=registration_id, password=body.password,
        password_confirmation=body.password_confirmation, device_id=device_id(), **request_origin()))
    return remember_device(start_web_session(pair, tokens_out(pair).model_dump()))


