"""Passwords chosen through a one-time link: the first one ("access granted" e-mail) and a
forgotten one (reset by user name or e-mail, link valid 30 minutes, every session ended)."""

from __future__ import annotations

from datetime import timedelta

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Invalid
from identity_service.domain import passwords, tokens
from identity_service.journeys.attempts import clear_failures
from identity_service.journeys.common import (
    Identity,
    credentials_changed,
    login_key,
    mask_login,
    no_sooner_than,
    publish,
)
from identity_service.models import PasswordToken, User
from identity_service.providers import end_provider_sessions, store_password
from identity_service.repository import IdentityRepository

RESET_ANSWER_FLOOR_SECONDS = 0.3
RESET_LINKS_PER_HOUR = 3
_INVALID_LINK = "This link is no longer valid; ask for a new one"


def _usable_token(repo: IdentityRepository, token: str, purpose: str) -> PasswordToken:
    row = repo.password_token(tokens.token_hash(token), purpose)
    if row is None or row.used_at is not None or row.expires_at <= utcnow():
        raise Invalid.field("token", "invalid_or_expired", _INVALID_LINK)
    return row


def _set_new_password(idn: Identity, repo: IdentityRepository, user: User, row: PasswordToken, password: str) -> None:
    """Store the password (where the credential provider keeps it), spend the link and its siblings, end
    every session (the provider's too), unlock the account."""
    store_password(idn.provider, user, password)
    repo.void_password_tokens(user.id, row.purpose)
    repo.revoke_all_sessions(user.id)
    end_provider_sessions(idn.provider, user)
    for login in {user.username, user.email}:
        clear_failures(repo, login_key(user.tenant_id, login))


def set_password(idn: Identity, request: pb.SetPasswordRequest) -> pb.SetPasswordResponse:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = _usable_token(repo, request.token, "set")
        user = db.get(User, row.user_id)
        assert user is not None
        passwords.check_new_password(request.password, request.password_confirmation,
                                     username=user.username, email=user.email)
        _set_new_password(idn, repo, user, row, request.password)
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="password_set", outcome="success")
        return pb.SetPasswordResponse(username=user.username)


def request_reset(idn: Identity, request: pb.RequestPasswordResetRequest) -> pb.RequestPasswordResetResponse:
    """Same answer, in the same time, whether or not the account exists."""
    with no_sooner_than(RESET_ANSWER_FLOOR_SECONDS), idn.db.session() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant_by_slug(request.tenant)
        user = repo.user_by_login(tenant.id, request.login) if tenant and request.login.strip() else None
        audit = {"source_address": request.source_address, "user_agent": request.user_agent}
        if tenant is None:
            return pb.RequestPasswordResetResponse()
        if user is None or not user.email:
            repo.audit(tenant_id=tenant.id, user_id=None, action="password_reset_requested",
                       outcome="unknown_account", login=mask_login(request.login), **audit)
            return pb.RequestPasswordResetResponse()
        now = utcnow()
        if repo.unused_password_tokens_since(user.id, "reset", now - timedelta(hours=1)) >= RESET_LINKS_PER_HOUR:
            repo.audit(tenant_id=tenant.id, user_id=user.id, action="password_reset_requested",
                       outcome="throttled", **audit)
            return pb.RequestPasswordResetResponse()
        repo.void_password_tokens(user.id, "reset")  # only the newest link works
        token = tokens.new_opaque_token()
        repo.add(PasswordToken(id=new_id(), user_id=user.id, purpose="reset", token_hash=tokens.token_hash(token),
                               created_at=now, expires_at=now + tokens.RESET_PASSWORD_TTL))
        publish(db, tenant.id, "identity.password_reset_requested", pb.PasswordResetRequested(
            user_id=user.id, email=user.email, display_name=user.display_name, locale=user.locale,
            token=token, valid_minutes=int(tokens.RESET_PASSWORD_TTL.total_seconds() // 60)))
        repo.audit(tenant_id=tenant.id, user_id=user.id, action="password_reset_requested", outcome="sent",
                   **audit)
        return pb.RequestPasswordResetResponse()


def reset_password(idn: Identity, request: pb.ResetPasswordRequest) -> pb.ResetPasswordResponse:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = _usable_token(repo, request.token, "reset")
        user = db.get(User, row.user_id)
        if user is None or user.status != "active":
            raise Invalid.field("token", "invalid_or_expired", _INVALID_LINK)
        passwords.check_new_password(request.password, request.password_confirmation,
                                     username=user.username, email=user.email)
        _set_new_password(idn, repo, user, row, request.password)
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="password_reset", outcome="success",
                   source_address=request.source_address, user_agent=request.user_agent)
        publish(db, user.tenant_id, "identity.credentials_changed", credentials_changed(
            user, "password_reset", source_address=request.source_address, user_agent=request.user_agent))
        return pb.ResetPasswordResponse(username=user.username)
