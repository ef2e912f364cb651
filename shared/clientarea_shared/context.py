"""Per-request context: who is calling, which tenant, request id and language.

Set by the server interceptor (from gRPC metadata) or the gateway (from HTTP), read by
domain code and forwarded by the gRPC client interceptor on outgoing calls.
"""

from __future__ import annotations

import contextvars
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from clientarea_shared.errors import Forbidden, Invalid, Unauthenticated

ADMIN = "admin"
AGENT = "agent"
SALESPERSON = "salesperson"
CLIENT = "client"
QUICK_ACCESS = "quick-access"
SERVICE = "service"  # another service calling on its own behalf (e.g. identity asking crm)
# The token scope of a staff login that must set up two-factor authentication before anything else.
MFA_ENROLMENT_SCOPE = "mfa-enrolment"
STAFF_ROLES = frozenset({ADMIN, AGENT, SALESPERSON})


@dataclass(frozen=True)
class Principal:
    """The verified caller of a request (from an access token)."""

    user_id: str
    tenant_id: str
    roles: frozenset[str]
    client_id: str = ""
    # A customer's role within their client (a company's people differ: see permissions.py).
    client_role: str = ""
    session_id: str = ""
    scope: frozenset[str] = field(default_factory=frozenset)
    display_name: str = ""
    token: str = field(default="", repr=False)

    @property
    def is_staff(self) -> bool:
        return bool(self.roles & STAFF_ROLES)

    def has_any(self, roles: frozenset[str] | set[str]) -> bool:
        return bool(self.roles & set(roles))


_principal: contextvars.ContextVar[Principal | None] = contextvars.ContextVar(
    "principal", default=None
)
_request_id: contextvars.ContextVar[str] = contextvars.ContextVar("request_id", default="")
_locale: contextvars.ContextVar[str] = contextvars.ContextVar("locale", default="es")


def current_principal() -> Principal:
    principal = _principal.get()
    if principal is None:
        raise Unauthenticated()
    return principal


def optional_principal() -> Principal | None:
    return _principal.get()


def require_roles(*roles: str) -> Principal:
    """The caller, if it holds one of `roles`; Forbidden otherwise."""
    principal = current_principal()
    if not principal.has_any(set(roles)):
        raise Forbidden("Your role does not allow this action", "role_forbidden")
    return principal


def require_staff() -> Principal:
    return require_roles(*STAFF_ROLES)


def client_scope(requested_client_id: str = "") -> Principal:
    """The caller of a read of client-owned data (policies, cases, invoices).

    Staff may read any client of their tenant; a customer only their own client, whatever
    they ask for (asking for another client's data is refused, not silently narrowed).
    """
    principal = require_roles(*STAFF_ROLES, CLIENT)
    if not principal.is_staff:
        if not principal.client_id:
            raise Forbidden("This login is not linked to a client", "no_client")
        if requested_client_id and requested_client_id != principal.client_id:
            raise Forbidden("You can only see your own data", "other_client")
    return principal


def scoped_client_id(principal: Principal, requested_client_id: str = "") -> str:
    """The client filter to apply: the customer's own id, or the staff's (possibly empty) one."""
    return requested_client_id if principal.is_staff else principal.client_id


def client_or_service_scope(requested_client_id: str) -> tuple[Principal, str]:
    """Like `client_scope` + `scoped_client_id`, and another service of the platform (role
    `service`, e.g. identity before closing an account) may name any client of its tenant."""
    principal = current_principal()
    if SERVICE in principal.roles:
        if not requested_client_id:
            raise Invalid.field("client_id", "required", "Say which client")
        return principal, requested_client_id
    principal = client_scope(requested_client_id)
    return principal, scoped_client_id(principal, requested_client_id)


def may_see(principal: Principal, owner_client_id: str) -> bool:
    """Whether the caller may see a record of client `owner_client_id` in their own tenant.
    Callers answer NotFound otherwise, exactly as for a missing record: no probing by id."""
    return principal.is_staff or owner_client_id == principal.client_id


def request_id() -> str:
    return _request_id.get()


def locale() -> str:
    return _locale.get()


@contextmanager
def request_context(
    principal: Principal | None, request_id_value: str = "", locale_value: str = ""
) -> Iterator[None]:
    principal_token = _principal.set(principal)
    request_id_token = _request_id.set(request_id_value)
    locale_token = _locale.set(locale_value or "es")
    try:
        yield
    finally:
        _locale.reset(locale_token)
        _request_id.reset(request_id_token)
        _principal.reset(principal_token)
