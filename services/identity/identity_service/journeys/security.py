"""The caller's own security settings: change password (current one required), strength feedback,
sessions and devices with "sign out" and "sign out everywhere"."""

from __future__ import annotations

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.context import current_principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, DomainError, FieldError, Invalid, NotFound, Unauthenticated
from clientarea_shared.text import normalise_email
from identity_service.credentials import CredentialProvider
from identity_service.domain import passwords, tokens
from identity_service.journeys.attempts import record_failure, required_wait, too_many_attempts
from identity_service.journeys.common import Identity, address_key, credentials_changed, login_key, publish
from identity_service.models import PasswordToken, User
from identity_service.providers import password_is_right, session_row_id, store_password, sync_user
from identity_service.repository import IdentityRepository


def own_user(repo: IdentityRepository) -> User:
    principal = current_principal()
    user = repo.user(principal.tenant_id, principal.user_id)
    if user is None or user.status != "active":
        raise Unauthenticated("The session has ended", "user_inactive")
    return user


def check_password(request: pb.CheckPasswordRequest) -> pb.PasswordVerdict:
    problems = passwords.policy_errors(request.password[: passwords.MAX_LENGTH + 1],
                                       username=request.username, email=request.email)
    estimate = passwords.strength(request.password, [request.username, request.email])
    return pb.PasswordVerdict(acceptable=not problems, score=estimate.score, warning=estimate.warning,
                              suggestions=estimate.suggestions, problems=[p.code for p in problems])


def reauthentication_failure(repo: IdentityRepository, user: User, password: str, *, action: str,
                             source_address: str, user_agent: str,
                             provider: CredentialProvider | None = None) -> DomainError | None:
    """Check the current password before a sensitive change, throttled like a login. Returns the
    error to raise *after* the transaction commits (so the failure stays counted), or None.
    `provider`: the journey's `idn.provider` (where the password lives; None: identity's hash)."""
    keys = (login_key(user.tenant_id, user.username), address_key(source_address))
    wait = required_wait(repo, keys)
    if wait.total_seconds() > 0:
        return too_many_attempts(wait)
    if password_is_right(provider, user, password):
        return None
    record_failure(repo, keys)
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action=action, outcome="failure",
               source_address=source_address, user_agent=user_agent)
    return Invalid(errors=[FieldError("current_password", "wrong", "The current password is not correct")])


def change_password(idn: Identity, request: pb.ChangePasswordRequest) -> pb.ChangePasswordResponse:
    """Re-authentication by the current password, then every other session ends."""
    failure: DomainError | None
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        audit = {"source_address": request.source_address, "user_agent": request.user_agent}
        failure = reauthentication_failure(repo, user, request.current_password, action="password_change",
                                           provider=idn.provider, **audit)
        if failure is None:
            passwords.check_new_password(request.password, request.password_confirmation,
                                         username=user.username, email=user.email)
            if request.password == request.current_password:
                raise Invalid.field("password", "same_as_current", "Choose a password different from the current one")
            store_password(idn.provider, user, request.password)
            ended = repo.revoke_all_sessions(user.id, keep=session_row_id(current_principal().session_id))
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="password_change", outcome="success",
                       other_sessions_ended=str(ended), **audit)
            publish(db, user.tenant_id, "identity.credentials_changed",
                    credentials_changed(user, "password_changed", **audit))
            return pb.ChangePasswordResponse()
    raise failure


def list_sessions(idn: Identity) -> pb.ListSessionsResponse:
    current = session_row_id(current_principal().session_id)
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        return pb.ListSessionsResponse(items=[
            pb.LoginSession(id=s.id, created_at=s.created_at.isoformat(), last_used_at=s.last_used_at.isoformat(),
                            user_agent=s.user_agent, source_address=s.source_address, current=s.id == current)
            for s in repo.live_sessions(user.id)
        ])


def check_session(idn: Identity) -> pb.SessionState:
    principal = current_principal()
    if not principal.session_id:
        return pb.SessionState(active=True)  # a token without a session (a service's own) has nothing to revoke
    with idn.db.read() as db:
        repo = IdentityRepository(db)
        session = repo.login_session(session_row_id(principal.session_id))
        user = repo.user(principal.tenant_id, principal.user_id)
        active = (session is not None and session.user_id == principal.user_id and session.revoked_at is None
                  and session.expires_at > utcnow() and user is not None and user.status == "active")
        return pb.SessionState(active=active)


def revoke_session(idn: Identity, request: pb.RevokeSessionRequest) -> pb.RevokeSessionResponse:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        session = repo.login_session(request.session_id) if request.session_id else None
        if session is None or session.user_id != user.id or session.revoked_at is not None:
            raise NotFound("Session not found", "session_not_found")
        repo.revoke_session(session.id)
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="session_revoked", outcome="success",
                   session_id=session.id)
        return pb.RevokeSessionResponse(revoked=1)


def revoke_other_sessions(idn: Identity) -> pb.RevokeSessionResponse:
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        ended = repo.revoke_all_sessions(user.id, keep=session_row_id(current_principal().session_id))
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="sessions_revoked", outcome="success",
                   count=str(ended))
        return pb.RevokeSessionResponse(revoked=ended)


def request_email_change(idn: Identity, request: pb.RequestEmailChangeRequest) -> pb.RequestEmailChangeResponse:
    """The current password, then a link to the new address: only its owner can finish the change."""
    failure: DomainError | None
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    new_email = normalise_email(request.new_email, field="new_email")
    if not new_email:
        raise Invalid.field("new_email", "required", "Enter the new e-mail address")
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        failure = reauthentication_failure(repo, user, request.current_password, action="email_change",
                                           provider=idn.provider, **audit)
        if failure is None:
            if new_email == user.email:
                raise Invalid.field("new_email", "unchanged", "This is already your e-mail address")
            now = utcnow()
            repo.void_password_tokens(user.id, "email")  # only the newest link works
            link = tokens.new_opaque_token()
            repo.add(PasswordToken(id=new_id(), user_id=user.id, purpose="email", token_hash=tokens.token_hash(link),
                                   created_at=now, expires_at=now + tokens.EMAIL_CHANGE_TTL, new_email=new_email))
            minutes = int(tokens.EMAIL_CHANGE_TTL.total_seconds() // 60)
            publish(db, user.tenant_id, "identity.email_change_requested", pb.EmailChangeRequested(
                user_id=user.id, new_email=new_email, display_name=user.display_name, locale=user.locale,
                token=link, valid_minutes=minutes))
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="email_change_requested", outcome="sent",
                       **audit)
            return pb.RequestEmailChangeResponse(valid_minutes=minutes)
    raise failure


def confirm_email_change(idn: Identity, request: pb.ConfirmEmailChangeRequest) -> pb.ConfirmEmailChangeResponse:
    """The link from the new address. The old address is warned (it may be the victim's)."""
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = repo.password_token(tokens.token_hash(request.token), "email") if request.token else None
        user = db.get(User, row.user_id) if row is not None else None
        if row is None or user is None or row.used_at or row.expires_at <= utcnow() or user.status != "active":
            raise Invalid.field("token", "invalid_or_expired", "This link is no longer valid; ask for a new one")
        new_email = row.new_email or ""
        if repo.user_by_email(user.tenant_id, new_email) or repo.username_taken(user.tenant_id, new_email):
            raise Conflict("Another account already uses this e-mail address", "email_taken")
        old_email = user.email
        user.email = new_email
        if user.username == old_email:  # those who log in with their e-mail keep doing so
            user.username = new_email
        repo.void_password_tokens(user.id, "email")
        sync_user(idn.provider, user)  # Keycloak's e-mails (required actions) go to the new address too
        audit = {"source_address": request.source_address, "user_agent": request.user_agent}
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="email_changed", outcome="success", **audit)
        warning = credentials_changed(user, "email_changed", **audit)
        warning.email = old_email
        publish(db, user.tenant_id, "identity.credentials_changed", warning)
        return pb.ConfirmEmailChangeResponse(email=new_email)
