"""Users and firms: who am I, a firm's public face, portal users created by staff, the audit trail."""

from __future__ import annotations

from datetime import datetime

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import CLIENT, current_principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound, Unauthenticated
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from identity_service.domain import passwords
from identity_service.journeys.common import Identity, new_set_password_link, publish, user_message
from identity_service.journeys.members import permissions_of_user
from identity_service.models import AuditEvent, User
from identity_service.providers import register_credentials
from identity_service.repository import IdentityRepository


def get_tenant(idn: Identity, request: pb.GetTenantRequest) -> pb.Tenant:
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant(request.id) if request.id else repo.tenant_by_slug(request.slug)
        if tenant is None:
            raise NotFound("Unknown firm", "unknown_tenant")
        return pb.Tenant(id=tenant.id, slug=tenant.slug, name=tenant.name, default_locale=tenant.default_locale)


def get_me(idn: Identity) -> pb.User:
    principal = current_principal()
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        user = repo.user(principal.tenant_id, principal.user_id)
        if user is None:
            raise Unauthenticated("The session has ended", "user_inactive")
        message = user_message(user, repo.tenant(user.tenant_id))
        message.permissions.extend(permissions_of_user(principal, user))  # what the web client may offer
        return message


def create_portal_user(idn: Identity, request: pb.CreatePortalUserRequest) -> pb.CreatePortalUserResponse:
    principal = require(Permission.PORTAL_USERS_MANAGE)
    username = request.username.strip().lower()
    email = request.email.strip().lower()
    errors = []
    if not username:
        errors.append(FieldError("username", "required", "A user name is required"))
    if not request.client_id:
        errors.append(FieldError("client_id", "required", "The client is required"))
    if errors:
        raise Invalid(errors=errors)
    if request.password:
        passwords.check_password_policy(request.password, username=username, email=email)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        if repo.username_taken(principal.tenant_id, username):
            raise Conflict("This user name is already in use", "username_taken",
                           [FieldError("username", "taken", "This user name is already in use")])
        now = utcnow()
        user = User(
            id=new_id(), tenant_id=principal.tenant_id, username=username, email=email,
            display_name=request.display_name.strip() or username,
            password_hash=None, roles=[CLIENT], client_id=request.client_id, locale=request.locale or "es",
            status="active", created_at=now,
        )
        repo.add(user)  # flushed: a taken user name fails here, before the credential provider is asked
        register_credentials(idn.provider, user, request.password or None)
        set_token = ""
        if not request.password:
            set_token = new_set_password_link(repo, user)
        repo.audit(tenant_id=principal.tenant_id, user_id=user.id, action="account_created",
                   outcome="success", origin="staff", created_by=principal.user_id)
        # With the user, in one transaction: crm links the client from this event even if crm stops
        # before recording the link itself (it asks identity first, then commits its own change).
        publish(db, principal.tenant_id, "identity.user_created", pb.UserCreated(
            user_id=user.id, client_id=user.client_id or "", username=user.username, origin="staff"))
        return pb.CreatePortalUserResponse(user=user_message(user, repo.tenant(user.tenant_id)),
                                           set_password_token=set_token)


def _instant(value: str, field: str) -> datetime | None:
    if not value:
        return None
    try:
        parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError as exc:
        raise Invalid.field(field, "invalid", "Use an ISO 8601 date or time") from exc
    if parsed.tzinfo is None:
        raise Invalid.field(field, "invalid", "Give the time zone (e.g. Z or +01:00)")
    return parsed


def _audit_message(row: AuditEvent) -> pb.AuditEvent:
    return pb.AuditEvent(id=row.id, user_id=row.user_id or "", action=row.action, outcome=row.outcome,
                         source_address=row.source_address, user_agent=row.user_agent,
                         created_at=row.created_at.isoformat(),
                         detail={str(k): str(v) for k, v in (row.detail or {}).items()})


def list_audit_events(idn: Identity, request: pb.ListAuditEventsRequest) -> pb.ListAuditEventsResponse:
    principal = require(Permission.AUDIT_READ)
    limit = page_limit(request.page.limit)
    since, until = _instant(request.since, "since"), _instant(request.until, "until")
    with idn.db.read() as db:
        rows = IdentityRepository(db).audit_page(
            principal.tenant_id, after=after_id(request.page), limit=limit, user_id=request.user_id,
            action=request.action, outcome=request.outcome, since=since, until=until)
        items, page = cut_page(rows, limit, lambda row: row.id)
        return pb.ListAuditEventsResponse(items=[_audit_message(r) for r in items], page=page)
