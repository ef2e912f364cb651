"""Login by user name or e-mail, with back-off and lockout; refresh with rotation; logout.

The same answer for an unknown user and a wrong password (both run one argon2 verification);
unknown accounts are throttled exactly like real ones, so a lockout says nothing either.
"""

from __future__ import annotations

from datetime import timedelta

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.db import utcnow
from clientarea_shared.errors import DomainError, Unauthenticated
from identity_service.domain import passwords, tokens
from identity_service.journeys import keycloak_login, mfa
from identity_service.journeys.attempts import clear_failures, record_failure, required_wait, too_many_attempts
from identity_service.journeys.common import (
    Identity,
    address_key,
    issue_tokens,
    login_key,
    mask_login,
    start_session,
)
from identity_service.repository import IdentityRepository

BAD_LOGIN = "The user name or the password is not correct"


def login(idn: Identity, request: pb.LoginRequest) -> pb.TokenPair:
    if idn.provider is not None:  # Keycloak holds the passwords (journeys/keycloak_login.py)
        return keycloak_login.login(idn, idn.provider, request)
    failure: DomainError
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant_by_slug(request.tenant)
        tenant_id = tenant.id if tenant else f"unknown:{request.tenant.strip().lower()[:60]}"
        keys = (login_key(tenant_id, request.username), address_key(request.source_address))
        audit = {"source_address": request.source_address, "user_agent": request.user_agent}
        wait = required_wait(repo, keys)
        if wait > timedelta(0):
            # Refused before the password is checked: a locked account cannot be guessed at.
            user = repo.user_by_login(tenant.id, request.username) if tenant else None
            if tenant is not None:
                repo.audit(tenant_id=tenant.id, user_id=user.id if user else None, action="login",
                           outcome="throttled", **audit)
            record_failure(repo, keys, while_waiting=True)
            failure = too_many_attempts(wait)
        else:
            user = repo.user_by_login(tenant.id, request.username) if tenant else None
            # Verify even without a user so unknown users and wrong passwords take as long.
            valid = passwords.verify_password(user.password_hash if user else None, request.password)
            if valid and user is not None:
                clear_failures(repo, keys[0])
                if passwords.needs_rehash(user.password_hash or ""):
                    user.password_hash = passwords.hash_password(request.password)
                if mfa.second_step_due(repo, user):
                    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="mfa_required",
                               **audit)
                    return mfa.challenge(repo, user)
                session = start_session(repo, user, user_agent=request.user_agent,
                                        source_address=request.source_address, device_id=request.device_id)
                repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="success",
                           session_id=session.id, **audit)
                return issue_tokens(idn, repo, user, session)
            locked = record_failure(repo, keys)
            if tenant is not None:
                detail = {} if user else {"login": mask_login(request.username)}
                repo.audit(tenant_id=tenant.id, user_id=user.id if user else None, action="login",
                           outcome="failure", **audit, **detail)
                for kind in locked:
                    repo.audit(tenant_id=tenant.id, user_id=user.id if user else None,
                               action="lockout", outcome=kind, **audit, **detail)
            failure = Unauthenticated(BAD_LOGIN, "invalid_credentials")
    raise failure  # after the commit, so the attempt stays counted and audited


def refresh(idn: Identity, request: pb.RefreshRequest) -> pb.TokenPair:
    if idn.provider is not None and keycloak_login.is_provider_token(request.refresh_token):
        return keycloak_login.refresh(idn, idn.provider, request)
    failure: DomainError
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        token = repo.refresh_token(tokens.token_hash(request.refresh_token))
        session = repo.login_session(token.session_id) if token else None
        now = utcnow()
        if token is None or session is None:
            failure = Unauthenticated("The session has ended", "invalid_refresh_token")
        elif token.used_at is not None:
            # A rotated token came back: someone holds a copy. End the whole family.
            repo.revoke_session(session.id)
            repo.audit(tenant_id=session.tenant_id, user_id=session.user_id,
                       action="refresh_token_reuse", outcome="revoked", session_id=session.id,
                       source_address=request.source_address, user_agent=request.user_agent)
            failure = Unauthenticated("The session has ended", "refresh_token_reused")
        elif session.revoked_at is not None or token.expires_at <= now or session.expires_at <= now:
            failure = Unauthenticated("The session has ended", "session_expired")
        else:
            user = repo.user(session.tenant_id, session.user_id)
            if user is None or user.status != "active":
                failure = Unauthenticated("The session has ended", "user_inactive")
            else:
                token.used_at = now
                session.last_used_at = now
                return issue_tokens(idn, repo, user, session)
    raise failure


def logout(idn: Identity, request: pb.LogoutRequest) -> pb.LogoutResponse:
    if idn.provider is not None and keycloak_login.is_provider_token(request.refresh_token):
        return keycloak_login.logout(idn, idn.provider, request)
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        token = repo.refresh_token(tokens.token_hash(request.refresh_token))
        session = repo.login_session(token.session_id) if token else None
        if session is not None:
            repo.revoke_session(session.id)
            repo.audit(tenant_id=session.tenant_id, user_id=session.user_id, action="logout",
                       outcome="success", session_id=session.id)
    return pb.LogoutResponse()
