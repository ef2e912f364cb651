"""A firm's staff users, managed by its admins: invite a colleague (the e-mail carries a one-time
link to choose the password), change roles, disable and enable, clear their second factors when
they lose their device. A firm always keeps at least one active admin, and an admin cannot demote
or disable themself."""

from __future__ import annotations

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import ADMIN, STAFF_ROLES, Principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FailedPrecondition, FieldError, Invalid, NotFound
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.text import normalise_email
from identity_service.domain import tokens
from identity_service.journeys.common import (
    Identity,
    credentials_changed,
    new_set_password_link,
    publish,
    user_message,
)
from identity_service.models import User
from identity_service.providers import end_provider_sessions, not_with_keycloak, register_credentials, sync_user
from identity_service.repository import IdentityRepository

STATUSES = ("active", "disabled")


def _roles(requested: list[str]) -> list[str]:
    roles = sorted(set(requested))
    if not roles or not set(roles) <= STAFF_ROLES:
        raise Invalid.field("roles", "invalid", f"Choose one or more of: {', '.join(sorted(STAFF_ROLES))}")
    return roles


def _staff_member(repo: IdentityRepository, principal: Principal, user_id: str) -> User:
    user = repo.user(principal.tenant_id, user_id) if user_id else None
    if user is None or user.client_id or user.status == "closed":
        raise NotFound("Staff user not found", "user_not_found")
    return user


def list_staff(idn: Identity, request: pb.ListStaffUsersRequest) -> pb.ListStaffUsersResponse:
    principal = require(Permission.STAFF_USERS_MANAGE)
    limit = page_limit(request.page.limit)
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        rows = repo.staff_page(principal.tenant_id, after=after_id(request.page), limit=limit)
        items, page = cut_page(rows, limit, lambda user: user.id)
        return pb.ListStaffUsersResponse(items=[user_message(u, None) for u in items], page=page)


def invite(idn: Identity, request: pb.InviteStaffUserRequest) -> pb.User:
    principal = require(Permission.STAFF_USERS_MANAGE)
    email = normalise_email(request.email)
    errors = []
    if not email:
        errors.append(FieldError("email", "required", "The e-mail address is required"))
    if not request.display_name.strip():
        errors.append(FieldError("display_name", "required", "The name is required"))
    if errors:
        raise Invalid(errors=errors)
    roles = _roles(list(request.roles))
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        if repo.username_taken(principal.tenant_id, email) or repo.user_by_email(principal.tenant_id, email):
            raise Conflict("A user with this e-mail already exists", "email_taken",
                           [FieldError("email", "taken", "A user with this e-mail already exists")])
        now = utcnow()
        user = User(id=new_id(), tenant_id=principal.tenant_id, username=email, email=email,
                    display_name=request.display_name.strip(), password_hash=None, roles=roles, client_id=None,
                    locale=request.locale or "es", status="active", created_at=now)
        repo.add(user)
        register_credentials(idn.provider, user, None)  # the password comes with the link
        link = new_set_password_link(repo, user)
        tenant = repo.tenant(principal.tenant_id)
        inviter = repo.user(principal.tenant_id, principal.user_id)
        publish(db, principal.tenant_id, "identity.staff_user_invited", pb.StaffUserInvited(
            user_id=user.id, email=email, display_name=user.display_name, locale=user.locale,
            set_password_token=link, tenant_name=tenant.name if tenant else "",
            invited_by=inviter.display_name if inviter else "", roles=roles,
            valid_hours=int(tokens.SET_PASSWORD_TTL.total_seconds() // 3600)))
        repo.audit(tenant_id=principal.tenant_id, user_id=user.id, action="account_created", outcome="success",
                   origin="staff_invitation", created_by=principal.user_id, roles=",".join(roles))
        return user_message(user, tenant)


def update(idn: Identity, request: pb.UpdateStaffUserRequest) -> pb.User:
    principal = require(Permission.STAFF_USERS_MANAGE)
    if request.status and request.status not in STATUSES:
        raise Invalid.field("status", "invalid", "The status is active or disabled")
    roles = _roles(list(request.roles)) if request.roles else None
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = _staff_member(repo, principal, request.user_id)
        stays_admin = ADMIN in (roles if roles is not None else user.roles) and request.status != "disabled"
        if user.id == principal.user_id and not stays_admin:
            raise FailedPrecondition("You cannot remove your own admin role or disable yourself", "cannot_demote_self")
        if ADMIN in user.roles and not stays_admin and repo.active_admins(principal.tenant_id) <= 1:
            raise FailedPrecondition("The firm must keep at least one active admin", "last_admin")
        changes = {}
        if roles is not None and roles != sorted(user.roles):
            user.roles, changes["roles"] = roles, ",".join(roles)
        if request.status and request.status != user.status:
            user.status, changes["status"] = request.status, request.status
            if request.status == "disabled":
                repo.revoke_all_sessions(user.id)
                end_provider_sessions(idn.provider, user)
        if request.display_name.strip():
            user.display_name = request.display_name.strip()
        if changes or request.display_name.strip():
            sync_user(idn.provider, user)  # Keycloak's tokens carry the roles and the name
        if changes:
            repo.audit(tenant_id=principal.tenant_id, user_id=user.id, action="staff_updated", outcome="success",
                       changed_by=principal.user_id, **changes)
        return user_message(user, None)


def reset_second_factors(idn: Identity, request: pb.ResetStaffSecondFactorsRequest) -> pb.User:
    """A colleague who lost their phone or security key cannot sign in where the firm requires two
    factors: an admin clears them (never their own: that is the security page, with the password).
    Every session ends, so whoever holds the lost device is out; the next login sets them up again."""
    principal = require(Permission.STAFF_USERS_MANAGE)
    origin = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = _staff_member(repo, principal, request.user_id)
        if user.id == principal.user_id:
            raise FailedPrecondition("Change your own second factors on your security page", "cannot_reset_self")
        if idn.provider is not None:
            raise not_with_keycloak("Clearing a colleague's second factors")  # done in Keycloak's console
        if not (user.totp_secret or user.totp_pending_secret or repo.has_passkey(user.id)):
            raise FailedPrecondition("This colleague has no second factor to clear", "no_second_factor")
        user.totp_secret = user.totp_pending_secret = None
        repo.forget_second_factors(user.id)
        repo.revoke_all_sessions(user.id)
        repo.audit(tenant_id=principal.tenant_id, user_id=user.id, action="second_factors_reset", outcome="success",
                   reset_by=principal.user_id, **origin)
        publish(db, user.tenant_id, "identity.credentials_changed",
                credentials_changed(user, "second_factors_reset", **origin))
        return user_message(user, None)
