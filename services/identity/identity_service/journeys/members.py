"""A company customer's people (issue 3, journey 9): the client's admins invite colleagues by
e-mail, give each a role within the client (domain/client_members.py) and remove them, without the
firm's staff. Each colleague has their own login; staff may list a client's people.

Who may manage is read from the database, not from the caller's token: a role change reaches the
token only at its next refresh, and a just-demoted admin must not keep managing people meanwhile.
Everything is scoped to the caller's own tenant and client; another client's person is answered
exactly like a missing one.
"""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import datetime

import grpc

from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import CLIENT, Principal, current_principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FieldError, Forbidden, Invalid, NotFound, from_rpc_error
from clientarea_shared.permissions import CLIENT_ADMIN, Permission, allows, permissions_of
from clientarea_shared.text import normalise_email
from identity_service.domain import tokens
from identity_service.domain.client_members import checked_role, last_admin, leaves_no_admin, successor
from identity_service.journeys.closure import erase_login
from identity_service.journeys.common import Identity, new_set_password_link, publish
from identity_service.journeys.security import own_user
from identity_service.models import User
from identity_service.providers import register_credentials, sync_user
from identity_service.repository import IdentityRepository

log = logging.getLogger(__name__)

CLIENT_NAME_TIMEOUT_SECONDS = 2.0
_NOT_FOUND = "Person not found"


# --- who is asking ----------------------------------------------------------------------------
def as_stored(principal: Principal, user: User) -> Principal:
    """The caller with the roles the database holds now (the token's may be minutes old)."""
    return replace(principal, roles=frozenset(user.roles), client_id=user.client_id or "",
                   client_role=user.client_role if user.client_id else "")


def permissions_of_user(principal: Principal, user: User) -> list[str]:
    """What the user may do now, as permission strings (for GetMe and the web client's menus)."""
    return sorted(permissions_of(as_stored(principal, user)))


def _managing_admin(repo: IdentityRepository) -> User:
    """The caller, if they are an active person of a client who may manage its people now."""
    user = own_user(repo)
    if not user.client_id or not allows(as_stored(current_principal(), user), Permission.CLIENT_MEMBERS_MANAGE):
        raise Forbidden("Your role does not allow this action", "role_forbidden")
    return user


def _colleague(people: list[User], user_id: str) -> User:
    person = next((p for p in people if p.id == user_id), None) if user_id else None
    if person is None:
        raise NotFound(_NOT_FOUND, "member_not_found")
    return person


# --- answers ----------------------------------------------------------------------------------
def _iso(moment: datetime | None) -> str:
    return moment.isoformat(timespec="seconds") if moment else ""


def _members(repo: IdentityRepository, tenant_id: str, people: list[User]) -> list[pb.ClientMember]:
    """Admins first, then by name; with each one's last login and who invited them."""
    last_logins = repo.last_logins([p.id for p in people])
    inviters = repo.display_names(tenant_id, {p.invited_by for p in people if p.invited_by})
    ordered = sorted(people, key=lambda p: (p.client_role != CLIENT_ADMIN, p.display_name.lower(), p.id))
    return [_member(p, last_logins.get(p.id), inviters.get(p.invited_by or "", "")) for p in ordered]


def _member(user: User, last_login: datetime | None, invited_by_name: str = "") -> pb.ClientMember:
    return pb.ClientMember(
        id=user.id, display_name=user.display_name, email=user.email, client_role=user.client_role,
        # "invited" until a password is chosen (with Keycloak, identity keeps only when it was set)
        status="active" if user.password_hash or user.password_changed_at else "invited",
        last_login_at=_iso(last_login),
        added_at=_iso(user.created_at), invited_by=user.invited_by or "", invited_by_name=invited_by_name)


# --- the journeys -----------------------------------------------------------------------------
def list_members(idn: Identity, request: pb.ListClientMembersRequest) -> pb.ListClientMembersResponse:
    """A customer's admin: their own client's people. Staff who manage portal users: any client of
    their firm, read only (the firm gives a client its first login; the client runs the rest)."""
    principal = current_principal()
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        if request.client_id and CLIENT not in principal.roles and allows(principal, Permission.PORTAL_USERS_MANAGE):
            client_id = request.client_id
        else:  # their own client's people (staff have none: refused like any caller who may not manage)
            client_id = _managing_admin(repo).client_id or ""
            if request.client_id and request.client_id != client_id:
                raise NotFound("Client not found", "client_not_found")
        people = repo.client_people(principal.tenant_id, client_id)
        return pb.ListClientMembersResponse(items=_members(repo, principal.tenant_id, people))


def invite(idn: Identity, request: pb.InviteClientMemberRequest) -> pb.ClientMember:
    """A new login of the caller's client: user name = e-mail, no password yet; the invitation
    e-mail carries the one-time set-password link (72 h; afterwards "forgot password" works)."""
    email, display_name, role = _invitation_fields(request)
    client_name = _callers_client_name(idn)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        admin = _managing_admin(repo)
        if repo.email_in_use(admin.tenant_id, email):
            raise Conflict("A user with this e-mail already exists", "email_taken",
                           [FieldError("email", "taken", "A user with this e-mail already exists")])
        user = User(id=new_id(), tenant_id=admin.tenant_id, username=email, email=email, display_name=display_name,
                    password_hash=None, roles=[CLIENT], client_id=admin.client_id, client_role=role,
                    invited_by=admin.id, locale=request.locale or admin.locale, status="active",
                    created_at=utcnow())
        repo.add(user)
        register_credentials(idn.provider, user, None)  # the password comes with the link
        _announce_invitation(repo, admin, user, new_set_password_link(repo, user), client_name)
        return _member(user, None, admin.display_name)


def update(idn: Identity, request: pb.UpdateClientMemberRequest) -> pb.ClientMember:
    """A colleague's new role; it reaches their token at its next refresh (10 minutes at most)."""
    role = checked_role(request.client_role)
    client_name = _callers_client_name(idn)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        admin = _managing_admin(repo)
        people = repo.client_people(admin.tenant_id, admin.client_id or "", lock=True)
        person = _colleague(people, request.user_id)
        if role != person.client_role:
            if role != CLIENT_ADMIN and leaves_no_admin(people, person):
                raise last_admin()
            previous, person.client_role = person.client_role, role
            sync_user(idn.provider, person)  # with Keycloak, its tokens' `crole` follows
            repo.audit(tenant_id=admin.tenant_id, user_id=person.id, action="client_role_changed",
                       outcome="success", changed_by=admin.id, client_id=admin.client_id or "",
                       previous_role=previous, client_role=role)
            _announce_change(repo, admin, person, "role_changed", client_name)
        names = repo.display_names(admin.tenant_id, {person.invited_by} if person.invited_by else set())
        return _member(person, repo.last_logins([person.id]).get(person.id), names.get(person.invited_by or "", ""))


def remove(idn: Identity, request: pb.RemoveClientMemberRequest) -> pb.RemoveClientMemberResponse:
    """The colleague's login closes as in an account closure (credentials and sessions gone,
    personal data anonymised, the audit trail kept); the client's affairs go on with the others."""
    client_name = _callers_client_name(idn)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        admin = _managing_admin(repo)
        client_id = admin.client_id or ""  # read first: an admin may remove themself
        people = repo.client_people(admin.tenant_id, client_id, lock=True)
        person = _colleague(people, request.user_id)
        if leaves_no_admin(people, person):
            raise last_admin()
        # Told before the erasure takes their address and name away.
        _announce_change(repo, admin, person, "removed", client_name)
        erase_login(repo, person, provider=idn.provider)
        others = [p for p in people if p.id != person.id]
        repo.audit(tenant_id=admin.tenant_id, user_id=person.id, action="account_closed", outcome="success",
                   closed_by=admin.id, client_id=client_id, origin="client_member_removed",
                   source_address=request.source_address, user_agent=request.user_agent)
        publish(db, admin.tenant_id, "identity.account_closed", pb.AccountClosed(
            user_id=person.id, client_id=client_id, closed_by=admin.id, remaining_user_id=successor(others)))
        return pb.RemoveClientMemberResponse()


# --- helpers ----------------------------------------------------------------------------------
def _invitation_fields(request: pb.InviteClientMemberRequest) -> tuple[str, str, str]:
    """The e-mail, name and role of an invitation, every mistake reported at once."""
    errors: list[FieldError] = []
    email = display_name = role = ""
    try:
        email = normalise_email(request.email)
        if not email:
            errors.append(FieldError("email", "required", "The e-mail address is required"))
    except Invalid as invalid:
        errors.extend(invalid.errors)
    display_name = request.display_name.strip()
    if not display_name:
        errors.append(FieldError("display_name", "required", "The name is required"))
    try:
        role = checked_role(request.client_role)
    except Invalid as invalid:
        errors.extend(invalid.errors)
    if errors:
        raise Invalid(errors=errors)
    return email, display_name, role


def _callers_client_name(idn: Identity) -> str:
    """The name of the caller's client for the e-mails, asked of crm with the caller's own token
    and outside any transaction (no row stays locked while crm answers). Only a caller who may
    manage people gets this far; the e-mail goes out without the name when crm does not answer."""
    with idn.db.read() as db:
        client_id = _managing_admin(IdentityRepository(db)).client_id or ""
    stub = crm_pb2_grpc.CrmServiceStub(idn.runtime.channels.get("crm"))
    try:
        return stub.GetClient(crm_pb2.GetClientRequest(id=client_id), timeout=CLIENT_NAME_TIMEOUT_SECONDS).display_name
    except grpc.RpcError as exc:
        error = from_rpc_error(exc)
        log.warning("client members: no client name from crm (%s: %s)", type(error).__name__, error.code)
        return ""


def _announce_invitation(repo: IdentityRepository, admin: User, user: User, link: str, client_name: str) -> None:
    tenant = repo.tenant(admin.tenant_id)
    publish(repo.session, admin.tenant_id, "identity.client_member_invited", pb.ClientMemberInvited(
        user_id=user.id, email=user.email, display_name=user.display_name, locale=user.locale,
        set_password_token=link, tenant_name=tenant.name if tenant else "", client_name=client_name,
        invited_by=admin.display_name, client_role=user.client_role,
        valid_hours=int(tokens.SET_PASSWORD_TTL.total_seconds() // 3600)))
    publish(repo.session, admin.tenant_id, "identity.user_created", pb.UserCreated(
        user_id=user.id, client_id=user.client_id or "", username=user.username, origin="client_member"))
    repo.audit(tenant_id=admin.tenant_id, user_id=user.id, action="account_created", outcome="success",
               origin="client_invitation", created_by=admin.id, client_id=user.client_id or "",
               client_role=user.client_role)


def _announce_change(repo: IdentityRepository, admin: User, person: User, change: str, client_name: str) -> None:
    tenant = repo.tenant(admin.tenant_id)
    publish(repo.session, admin.tenant_id, "identity.client_member_changed", pb.ClientMemberChanged(
        user_id=person.id, email=person.email, display_name=person.display_name, locale=person.locale,
        change=change, client_role=person.client_role, client_name=client_name, changed_by=admin.display_name,
        tenant_name=tenant.name if tenant else "", occurred_at=utcnow().isoformat(timespec="seconds")))
