"""The caller's own account: who am I, change password, sessions and devices."""

from __future__ import annotations

from flask import g, make_response, request
from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.context import MFA_ENROLMENT_SCOPE
from clientarea_shared.errors import Conflict, DomainError, FieldError
from gateway.api import operation
from gateway.auth import request_origin, store
from gateway.routes.clients import ClientOut, client_out
from gateway.services import call, gather, services
from gateway.sessions import CSRF_COOKIE, SESSION_COOKIE


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
    mfa_enabled: bool
    mfa_enrolment_required: bool = Field(description="Firm policy: set up two-factor before anything else")
    client_role: str | None = Field(default=None, description="A customer's role within their client: viewer, "
                                    "cases, payer or admin")
    permissions: list[str] = Field(default_factory=list, description="What I may do, e.g. cases:create, "
                                   "client-members:manage (the permission map), to offer only that")
    notices: list[str] = Field(default_factory=list, description="Parts that could not be loaded")


class ChangePasswordIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: str = Field(min_length=1, max_length=1024)
    password: str = Field(min_length=1, max_length=1024)
    password_confirmation: str = Field(min_length=1, max_length=1024)


class EmailChangeIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: str = Field(min_length=1, max_length=1024)
    new_email: str = Field(min_length=3, max_length=254)


class EmailChangeOut(BaseModel):
    valid_minutes: int = Field(description="How long the link sent to the new address works")


class SessionOut(BaseModel):
    id: str
    created_at: str
    last_used_at: str
    user_agent: str
    source_address: str
    current: bool = Field(description="The session this request belongs to")


class SessionList(BaseModel):
    items: list[SessionOut]


class RevokedOut(BaseModel):
    revoked: int


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
        locale=user.locale, mfa_enabled=user.mfa_enabled,
        mfa_enrolment_required=MFA_ENROLMENT_SCOPE in principal.scope, notices=notices,
        client_role=user.client_role or None, permissions=list(user.permissions),
    )


@operation("/me/password", "POST", summary="Change my password (the current one is required)",
           tag="account", body=ChangePasswordIn, status=204, errors=(429,))
def change_password(body: ChangePasswordIn):  # noqa: ANN201
    """Every other session of the user ends; this one stays."""
    call(services().identity.ChangePassword, identity_pb2.ChangePasswordRequest(
        current_password=body.current_password, password=body.password,
        password_confirmation=body.password_confirmation,
        **request_origin()))
    return make_response("", 204)


@operation("/me/email", "POST", summary="Change my e-mail: a link goes to the new address (password required)",
           tag="account", body=EmailChangeIn, response=EmailChangeOut, status=202, errors=(429,))
def request_email_change(body: EmailChangeIn):  # noqa: ANN201
    answer = call(services().identity.RequestEmailChange, identity_pb2.RequestEmailChangeRequest(
        current_password=body.current_password, new_email=body.new_email,
        **request_origin()))
    return EmailChangeOut(valid_minutes=answer.valid_minutes)


@operation("/me/sessions", "GET", summary="My active sessions and devices", tag="account",
           response=SessionList)
def list_sessions():  # noqa: ANN201
    answer = call(services().identity.ListSessions, identity_pb2.ListSessionsRequest())
    return SessionList(items=[
        SessionOut(id=s.id, created_at=s.created_at, last_used_at=s.last_used_at, user_agent=s.user_agent,
                   source_address=s.source_address, current=s.current) for s in answer.items])


@operation("/me/sessions/{session_id}", "DELETE", summary="Sign out one of my sessions", tag="account",
           status=204, errors=(404,))
def revoke_session(session_id: str):  # noqa: ANN201
    call(services().identity.RevokeSession, identity_pb2.RevokeSessionRequest(session_id=session_id))
    return make_response("", 204)


@operation("/me/sessions/revoke-others", "POST", summary="Sign out everywhere else", tag="account",
           response=RevokedOut)
def revoke_other_sessions():  # noqa: ANN201
    answer = call(services().identity.RevokeOtherSessions, identity_pb2.RevokeOtherSessionsRequest())
    return RevokedOut(revoked=answer.revoked)


class CloseAccountIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    current_password: str = Field(min_length=1, max_length=1024)


class ClosureOut(BaseModel):
    closed: bool


def _closed_or_conflict(answer: identity_pb2.AccountClosure) -> ClosureOut:
    """Closed, or 409 `active_products` listing, one error each, what must be closed first."""
    if not answer.closed:
        raise Conflict("Everything contracted must be closed before the account can be closed",
                       "active_products", [FieldError("active_products", "active", item)
                                           for item in answer.active_products])
    return ClosureOut(closed=True)


@operation("/me/close", "POST", summary="Close my account (nothing may still be active)", tag="account",
           body=CloseAccountIn, response=ClosureOut, errors=(409, 429, 503))
def close_account(body: CloseAccountIn):  # noqa: ANN201
    """Refused with 409 while a policy, case or unpaid invoice is active. On success the web
    session ends like a logout."""
    closed = _closed_or_conflict(call(services().identity.CloseAccount, identity_pb2.CloseAccountRequest(
        current_password=body.current_password, **request_origin())))
    cookie = request.cookies.get(SESSION_COOKIE, "")
    if cookie:
        store().delete(cookie)
    response = make_response(closed.model_dump(), 200)
    response.delete_cookie(SESSION_COOKIE, path="/")
    response.delete_cookie(CSRF_COOKIE, path="/")
    return response


@operation("/users/{user_id}/close", "POST", summary="Close a customer's account (staff admin or agent)",
           tag="account", response=ClosureOut, errors=(404, 409, 503))
def close_customer_account(user_id: str):  # noqa: ANN201
    return _closed_or_conflict(call(services().identity.CloseCustomerAccount,
                                    identity_pb2.CloseCustomerAccountRequest(user_id=user_id)))
