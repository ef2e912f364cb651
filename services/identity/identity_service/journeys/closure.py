"""Account deletion (seed 000): the customer closes their own account (current password required),
or the firm's staff close a customer's.

Nothing closes while the client has something active: identity first asks policy, collections and
payments, in parallel and with its own service token, and a refusal lists every item. A service
that does not answer also refuses (never close on missing information). A closure removes the
credentials, ends every session and anonymises the user; the audit trail stays (append-only) and
`identity.account_closed` tells crm to free the client for a new portal user.

A company customer with several people (journey 9): while other people of the client stay, a
person's closure ends only their own login (the client's affairs go on with the others, so
nothing is asked of the other services), and the client's last admin cannot leave them without
one. The products decide when the client's last person closes.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

import grpc
from sqlalchemy import func, update

from clientarea.collections.v1 import collections_pb2_grpc
from clientarea.common.v1 import common_pb2
from clientarea.identity.v1 import identity_pb2 as pb
from clientarea.payments.v1 import payments_pb2_grpc
from clientarea.policy.v1 import policy_pb2_grpc
from clientarea_shared.context import CLIENT, STAFF_ROLES
from clientarea_shared.db import utcnow
from clientarea_shared.errors import DomainError, Forbidden, NotFound, Unauthenticated, Unavailable, from_rpc_error
from clientarea_shared.permissions import Permission, require
from identity_service.credentials import CredentialProvider
from identity_service.domain.client_members import last_admin, leaves_no_admin, successor
from identity_service.journeys.common import Identity, publish
from identity_service.journeys.security import own_user, reauthentication_failure
from identity_service.models import MfaChallenge, RecoveryCode, Registration, User
from identity_service.providers import forget_credentials
from identity_service.repository import IdentityRepository

log = logging.getLogger(__name__)

PRODUCTS_TIMEOUT_SECONDS = 3.0
CLOSED_DISPLAY_NAME = "Closed account"


@dataclass(frozen=True)
class _Target:
    """The account to close, as read before asking the other services."""

    user_id: str
    tenant_id: str
    client_id: str


def _is_customer(user: User) -> bool:
    return CLIENT in user.roles and not set(user.roles) & STAFF_ROLES


def close_own_account(idn: Identity, request: pb.CloseAccountRequest) -> pb.AccountClosure:
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    failure: DomainError | None
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        if not _is_customer(user):
            raise Forbidden("Staff accounts are closed by the firm's administrators", "not_a_customer")
        failure = reauthentication_failure(repo, user, request.current_password, action="account_closure",
                                           provider=idn.provider, **audit)
        target = _Target(user.id, user.tenant_id, user.client_id or "")
    if failure is not None:
        raise failure  # after the commit: the wrong password stays counted by the login throttle
    return _close(idn, target, closed_by=target.user_id,
                  gone=Unauthenticated("The session has ended", "user_inactive"), **audit)


def close_customer_account(idn: Identity, request: pb.CloseCustomerAccountRequest) -> pb.AccountClosure:
    principal = require(Permission.CUSTOMER_ACCOUNTS_CLOSE)
    not_found = NotFound("User not found", "user_not_found")
    with idn.db.read() as db:
        # Scoped to the caller's firm: another firm's user is answered exactly like a missing one.
        user = IdentityRepository(db).user(principal.tenant_id, request.user_id) if request.user_id else None
        if user is None or user.status != "active":
            raise not_found
        if not _is_customer(user):
            raise Forbidden("Only customers' accounts can be closed", "not_a_customer")
        target = _Target(user.id, user.tenant_id, user.client_id or "")
    return _close(idn, target, closed_by=principal.user_id, gone=not_found)


def _close(idn: Identity, target: _Target, *, closed_by: str, gone: DomainError,
           source_address: str = "", user_agent: str = "") -> pb.AccountClosure:
    # Asked outside any transaction: no row stays locked while three services answer. Nothing is
    # asked when other people of the client stay (checked again below, under lock).
    products = None if _others_stay(idn, target) else _active_products(idn, target)
    audit = {"source_address": source_address, "user_agent": user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = db.get(User, target.user_id, with_for_update=True)
        if user is None or user.tenant_id != target.tenant_id or user.status != "active":
            raise gone  # closed meanwhile (a second click, or staff at the same time)
        people = repo.client_people(user.tenant_id, target.client_id, lock=True) if target.client_id else [user]
        others = [person for person in people if person.id != user.id]
        if others or products is not None:
            if others and leaves_no_admin(people, user):
                raise last_admin()
            return _close_now(repo, user, target, [] if others else products or [],
                              closed_by=closed_by, remaining_user_id=successor(others), provider=idn.provider,
                              **audit)
    # The others left while we looked: the products decide after all.
    return _close(idn, target, closed_by=closed_by, gone=gone, **audit)


def _others_stay(idn: Identity, target: _Target) -> bool:
    """Whether other active people of the target's client stay after it (a company customer)."""
    if not target.client_id:
        return False
    with idn.db.read() as db:
        people = IdentityRepository(db).client_people(target.tenant_id, target.client_id)
    return any(person.id != target.user_id for person in people)


def _close_now(repo: IdentityRepository, user: User, target: _Target, products: list[str], *, closed_by: str,
               remaining_user_id: str, source_address: str, user_agent: str,
               provider: CredentialProvider | None = None) -> pb.AccountClosure:
    """Refused while something is active; otherwise closed, in the caller's transaction."""
    audit = {"source_address": source_address, "user_agent": user_agent}
    if products:
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="account_closure", outcome="refused",
                   closed_by=closed_by, active_products=str(len(products)), **audit)
        return pb.AccountClosure(closed=False, active_products=products)
    erase_login(repo, user, provider=provider)
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="account_closed", outcome="success",
               closed_by=closed_by, client_id=target.client_id, **audit)
    publish(repo.session, user.tenant_id, "identity.account_closed", pb.AccountClosed(
        user_id=user.id, client_id=target.client_id, closed_by=closed_by, remaining_user_id=remaining_user_id))
    return pb.AccountClosure(closed=True)


def _active_products(idn: Identity, target: _Target) -> list[str]:
    """Everything still active for the client, from the three services at once; Unavailable when
    any of them does not answer."""
    if not target.client_id:
        return []  # a customer without a client has nothing contracted
    channels = idn.runtime.channels
    methods = {
        "policy": policy_pb2_grpc.PolicyServiceStub(channels.get("policy")).GetActiveProducts,
        "collections": collections_pb2_grpc.CollectionsServiceStub(channels.get("collections")).GetActiveProducts,
        "payments": payments_pb2_grpc.PaymentsServiceStub(channels.get("payments")).GetActiveProducts,
    }
    ref = common_pb2.ClientRef(client_id=target.client_id)
    metadata = [("authorization", f"Bearer {idn.service_token(target.tenant_id)}")]
    futures = {name: method.future(ref, timeout=PRODUCTS_TIMEOUT_SECONDS, metadata=metadata)
               for name, method in methods.items()}
    items: list[str] = []
    missing: list[str] = []
    for name, future in futures.items():
        try:
            items.extend(future.result().items)
        except grpc.RpcError as exc:
            error = from_rpc_error(exc)
            log.warning("account closure: %s did not list active products (%s: %s)", name,
                        type(error).__name__, error.code)
            missing.append(name)
    if missing:
        raise Unavailable("We cannot check your products right now, so the account stays open; try again later",
                          "products_unavailable")
    return items


def erase_login(repo: IdentityRepository, user: User, *, provider: CredentialProvider | None = None) -> None:
    """Credentials gone (with Keycloak, the Keycloak user too: `provider` is the journey's
    `idn.provider`), every session and one-time link void, personal data anonymised."""
    now, email = utcnow(), user.email
    forget_credentials(provider, user)  # before the anonymisation: Keycloak knows the user by its id
    user.status, user.closed_at = "closed", now
    user.username, user.email, user.display_name = f"closed-{user.id}", "", CLOSED_DISPLAY_NAME
    user.client_id = None  # kept only in the account_closed audit row
    session = repo.session
    session.execute(update(RecoveryCode).where(RecoveryCode.user_id == user.id, RecoveryCode.used_at.is_(None))
                    .values(used_at=now))
    session.execute(update(MfaChallenge).where(MfaChallenge.user_id == user.id, MfaChallenge.used_at.is_(None))
                    .values(used_at=now))
    for purpose in ("set", "reset"):
        repo.void_password_tokens(user.id, purpose)
    if email:
        session.execute(
            update(Registration).where(Registration.tenant_id == user.tenant_id, Registration.email == email)
            .values(completed_at=func.coalesce(Registration.completed_at, now), email="", display_name=""))
    repo.revoke_all_sessions(user.id)
    repo.forget_passwordless(user.id)  # passkeys and login codes
