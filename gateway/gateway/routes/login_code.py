"""Login by a six-digit code e-mailed to the account's address (identity's
`journeys/passwordless.py`): ask for a code, ask again, then the code completes the login like a
password (tokens and the web session, or the second step when the user's second factor is due).

The start answers 202 alike for any login. Its ticket binds the code to whoever asked: the
browser keeps it in an HttpOnly cookie scoped to these routes (page scripts never need it), and
API clients send it back from the answer's body. The code alone does nothing.
"""

from __future__ import annotations

from flask import current_app, make_response, request
from pydantic import BaseModel, ConfigDict, Field

from clientarea.identity.v1 import identity_pb2
from clientarea_shared.errors import Unauthenticated
from gateway.api import API_PREFIX, operation
from gateway.auth import request_origin
from gateway.routes.auth import LoginOut
from gateway.services import call, services
from gateway.signin import device_id, remember_device, start_web_session, tokens_out

LOGIN_TICKET_COOKIE = "ca_login_ticket"
_TICKET_COOKIE_PATH = f"{API_PREFIX}/auth/login/code"
_TICKET_COOKIE_SECONDS = 15 * 60  # outlives the code (10 minutes); identity decides validity


class CodeLoginIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    tenant: str = Field(min_length=1, max_length=63, description="The firm's slug")
    login: str = Field(min_length=1, max_length=254, description="User name or e-mail")


class TicketIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    login_ticket: str = Field(default="", max_length=256,
                              description="From the start's answer; browsers may leave it out (cookie)")


class CodeVerifyIn(TicketIn):
    code: str = Field(min_length=1, max_length=12, description="The six digits of the e-mail")


class CodeLoginOut(BaseModel):
    login_ticket: str = Field(description="Binds the code to this client: send it back with the code")
    code_expires_in: int = Field(description="Seconds the current code stays valid")
    resend_after: int = Field(description="Seconds until a new code may be asked for")


def _answer(status: identity_pb2.CodeLoginStatus) -> object:
    body = CodeLoginOut(login_ticket=status.login_ticket, code_expires_in=status.code_expires_in,
                        resend_after=status.resend_after)
    response = make_response(body.model_dump(mode="json"), 202)
    response.set_cookie(LOGIN_TICKET_COOKIE, status.login_ticket, max_age=_TICKET_COOKIE_SECONDS, httponly=True,
                        secure=current_app.config["COOKIE_SECURE"], samesite="Strict", path=_TICKET_COOKIE_PATH)
    return response


def _ticket(body: TicketIn) -> str:
    ticket = body.login_ticket or request.cookies.get(LOGIN_TICKET_COOKIE, "")
    if not ticket:
        raise Unauthenticated("This sign-in has expired; ask for a new code", "login_ticket_invalid")
    return ticket


@operation("/auth/login/code", "POST", summary="Log in by e-mail: send a six-digit code to the account's address",
           tag="auth", body=CodeLoginIn, response=CodeLoginOut, status=202, public=True)
def start_code_login(body: CodeLoginIn):  # noqa: ANN201
    """The same answer, in the same time, whether or not the account exists."""
    return _answer(call(services().identity.StartCodeLogin, identity_pb2.StartCodeLoginRequest(
        tenant=body.tenant, login=body.login, **request_origin())))


@operation("/auth/login/code/resend", "POST", summary="Send a new login code (at most every 60 s, 5 in all)",
           tag="auth", body=TicketIn, response=CodeLoginOut, status=202, public=True, errors=(401, 429))
def resend_login_code(body: TicketIn):  # noqa: ANN201
    return _answer(call(services().identity.ResendLoginCode,
                        identity_pb2.ResendLoginCodeRequest(login_ticket=_ticket(body))))


@operation("/auth/login/code/verify", "POST", summary="Complete the login with the e-mailed code",
           tag="auth", body=CodeVerifyIn, response=LoginOut, public=True, errors=(401, 429))
def verify_login_code(body: CodeVerifyIn):  # noqa: ANN201
    pair = call(services().identity.CompleteCodeLogin, identity_pb2.CompleteCodeLoginRequest(
        login_ticket=_ticket(body), code=body.code, device_id=device_id(), **request_origin()))
    if pair.mfa_ticket:  # no session yet: the second factor comes first (POST /auth/login/mfa)
        second_step = LoginOut(mfa_required=True, mfa_ticket=pair.mfa_ticket, mfa_methods=list(pair.mfa_methods))
        response = make_response(second_step.model_dump(mode="json"), 200)
    else:
        response = start_web_session(pair, LoginOut(**tokens_out(pair).model_dump()).model_dump(mode="json"))
    response.delete_cookie(LOGIN_TICKET_COOKIE, path=_TICKET_COOKIE_PATH)  # spent
    return remember_device(response)
