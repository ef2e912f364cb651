"""Login, refresh, logout and the second step while Keycloak holds the credentials (CREDENTIAL_PROVIDER=keycloak).

Identity still does around Keycloak's answers what it does for the built-in provider: the tenant and user
lookup (user name or e-mail), its own throttles, the audit trail, the new-device alert, and a row in its
sessions table for every Keycloak session, keyed by Keycloak's session id (the tokens' `sid`). That row is what
`CheckSession`, the sessions list and "sign out elsewhere" act on, and a refresh goes to Keycloak only while the
row is live: revoking a session in identity ends it for the platform (the gateway within 30 s, refreshes at
once), while Keycloak's own session times out by itself.

**The second factor.** An authenticator app set up through Keycloak (CONFIGURE_TOTP) lives in Keycloak, and the
realm's direct-grant flow wants its code together with the password; without it Keycloak answers exactly as for
a wrong password. So a refused password of a user who has an OTP credential gets the second step's ticket
without identity knowing whether the password was right, and the second step sends password and code together.
Between the two steps the password travels inside the ticket, sealed (AES-256-GCM under a key derived from the
client secret, bound to the user): identity stores nothing but the ticket's hash, and the ticket is worth
nothing without the key, the code and the 5 minutes it lives. The price: anyone who knows a user name can learn
that its account has an authenticator app (they get the code prompt for any password), and the second step's
error cannot say whether the code or the password was wrong.

A second factor identity itself holds (a passkey, an authenticator app set up before the switch to Keycloak)
keeps working: after Keycloak's password grant the Keycloak session is ended and the built-in second step
(journeys/mfa.py) finishes with identity-signed tokens. Those, like every token identity signs (registration's
first session, passkeys, quick access, service tokens), keep their refresh tokens in identity's own table, so
Refresh and Logout try that table first (journeys/login.py).
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import secrets
from datetime import timedelta

import jwt
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import (
    DomainError,
    FailedPrecondition,
    Invalid,
    TooManyRequests,
    Unauthenticated,
    Unavailable,
)
from identity_service.credentials import CredentialProvider, IssuedTokens
from identity_service.domain import second_factor, tokens
from identity_service.journeys import mfa
from identity_service.journeys.attempts import clear_failures, record_failure, required_wait, too_many_attempts
from identity_service.journeys.common import (
    Identity,
    address_key,
    login_key,
    mask_login,
    must_enrol_mfa,
    start_session,
)
from identity_service.journeys.security import own_user, reauthentication_failure
from identity_service.models import MfaChallenge, User
from identity_service.providers import session_row_id
from identity_service.repository import IdentityRepository

BAD_LOGIN = "The user name or the password is not correct"
SESSION_ENDED = "The session has ended"
SEALED_PREFIX = "kc1."  # a second-step ticket carrying the sealed password (version 1 of the format)
CONFIGURE_TOTP = "CONFIGURE_TOTP"
ENROLMENT_LINK_LIFESPAN = timedelta(hours=12)  # Keycloak's default for execute-actions links
_EXPIRED = "The sign-in has expired; enter your password again"
# The audit outcome of a login Keycloak refused for another reason than the password.
_AUDIT_OUTCOMES = {"account_locked": "locked", "account_setup_required": "setup_pending"}
_NONCE_BYTES = 12


# --- tokens -----------------------------------------------------------------------------------------
def is_provider_token(refresh_token: str) -> bool:
    """Keycloak's refresh tokens are JWTs; identity's own are opaque (no dots)."""
    return refresh_token.count(".") == 2


def _session_of_refresh_token(refresh_token: str) -> str:
    """The session a Keycloak refresh token names (`sid`), read without verifying it: only ever used to refuse
    or to find identity's row before Keycloak itself checks the token."""
    try:
        claims = jwt.decode(refresh_token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return ""
    return str(claims.get("sid") or claims.get("session_state") or "")


def token_pair(issued: IssuedTokens) -> pb.TokenPair:
    return pb.TokenPair(access_token=issued.access_token, refresh_token=issued.refresh_token,
                        token_type="Bearer",  # noqa: S106 - the OAuth token type, not a secret
                        expires_in=issued.expires_in, session_id=issued.session_id)


def _end_quietly(provider: CredentialProvider, refresh_token: str) -> None:
    """End a Keycloak session identity will not hand out; it times out by itself if Keycloak is away."""
    with contextlib.suppress(DomainError):
        provider.logout(refresh_token)


def _signed_in(repo: IdentityRepository, user: User, issued: IssuedTokens, request: pb.LoginRequest |
               pb.CompleteMfaLoginRequest, **detail: str) -> pb.TokenPair:
    if not issued.session_id:
        raise Unavailable("The sign-in service is unavailable", "keycloak_misconfigured")
    session = start_session(repo, user, user_agent=request.user_agent, source_address=request.source_address,
                            device_id=request.device_id, session_id=session_row_id(issued.session_id))
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="success",
               session_id=session.id, source_address=request.source_address, user_agent=request.user_agent,
               credentials="keycloak", **detail)
    return token_pair(issued)


# --- the sealed password of the second step ------------------------------------------------------------
def is_sealed(ticket: str) -> bool:
    return ticket.startswith(SEALED_PREFIX)


def _ticket_key(idn: Identity, provider: CredentialProvider) -> bytes:
    """AES-256 key for the tickets, derived from the Keycloak client secret every identity replica has (a
    rotated secret voids the tickets of the last 5 minutes, nothing else)."""
    def derive(_runtime: object) -> bytes:
        secret = str(getattr(getattr(provider, "settings", None), "client_secret", "") or "")
        if not secret:
            raise Unavailable("The sign-in service is unavailable", "keycloak_misconfigured")
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None,
                    info=b"clientarea identity: keycloak second-step ticket v1").derive(secret.encode())

    return idn.runtime.component("keycloak_ticket_key", derive)


def _seal(key: bytes, user_id: str, password: str) -> str:
    nonce = secrets.token_bytes(_NONCE_BYTES)
    sealed = AESGCM(key).encrypt(nonce, password.encode(), user_id.encode())
    return SEALED_PREFIX + base64.urlsafe_b64encode(nonce + sealed).decode().rstrip("=")


def _unseal(key: bytes, user_id: str, ticket: str) -> str | None:
    body = ticket.removeprefix(SEALED_PREFIX)
    try:
        raw = base64.urlsafe_b64decode(body + "=" * (-len(body) % 4))
        return AESGCM(key).decrypt(raw[:_NONCE_BYTES], raw[_NONCE_BYTES:], user_id.encode()).decode()
    except (binascii.Error, ValueError, InvalidTag):
        return None


def _sealed_challenge(idn: Identity, provider: CredentialProvider, repo: IdentityRepository, user: User,
                      password: str) -> pb.TokenPair:
    ticket = _seal(_ticket_key(idn, provider), user.id, password)
    repo.add(MfaChallenge(id=new_id(), user_id=user.id, ticket_hash=tokens.token_hash(ticket), attempts=0,
                          expires_at=utcnow() + second_factor.MFA_TICKET_TTL))
    return pb.TokenPair(mfa_ticket=ticket, mfa_methods=["totp"])


# --- login -----------------------------------------------------------------------------------------------
def login(idn: Identity, provider: CredentialProvider, request: pb.LoginRequest) -> pb.TokenPair:
    failure: DomainError
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        tenant = repo.tenant_by_slug(request.tenant)
        tenant_id = tenant.id if tenant else f"unknown:{request.tenant.strip().lower()[:60]}"
        keys = (login_key(tenant_id, request.username), address_key(request.source_address))
        audit = {"source_address": request.source_address, "user_agent": request.user_agent}
        user = repo.user_by_login(tenant.id, request.username) if tenant else None
        wait = required_wait(repo, keys)
        if wait > timedelta(0):
            # Refused before Keycloak is asked: a locked account cannot be guessed at.
            if tenant is not None:
                repo.audit(tenant_id=tenant.id, user_id=user.id if user else None, action="login",
                           outcome="throttled", **audit)
            record_failure(repo, keys, while_waiting=True)
            failure = too_many_attempts(wait)
        else:
            outcome = _password_step(idn, provider, repo, user, request)
            if isinstance(outcome, pb.TokenPair):
                if not is_sealed(outcome.mfa_ticket):  # a sealed ticket: the password is not known right yet
                    clear_failures(repo, keys[0])
                return outcome
            failure = outcome
            if failure.code == "invalid_credentials":
                _count_failure(repo, keys, tenant_id if tenant else "", user, request)
            elif user is not None:
                repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login",
                           outcome=_AUDIT_OUTCOMES.get(failure.code, "refused"), **audit)
    raise failure  # after the commit, so the attempt stays counted and audited


def _password_step(idn: Identity, provider: CredentialProvider, repo: IdentityRepository, user: User | None,
                   request: pb.LoginRequest) -> pb.TokenPair | DomainError:
    """Keycloak's password grant, then whatever comes between a right password and the tokens."""
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    # An unknown account costs a Keycloak round trip too (a user name that cannot exist), so that the answer's
    # timing does not tell unknown accounts from wrong passwords.
    try:
        issued = provider.password_login(user.id if user else f"unknown-{new_id()}", request.password)
    except Unauthenticated as refused:
        if user is not None and refused.code == "invalid_credentials" and provider.has_second_factor(user.id):
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="mfa_required", **audit)
            return _sealed_challenge(idn, provider, repo, user, request.password)
        return refused
    except TooManyRequests as locked:
        return locked  # Keycloak's brute-force detection
    if user is None:  # cannot happen: nobody has that user name
        _end_quietly(provider, issued.refresh_token)
        return Unauthenticated(BAD_LOGIN, "invalid_credentials")
    if mfa.second_step_due(repo, user):
        # A second factor identity holds (a passkey, an app set up before Keycloak): its step signs the tokens.
        _end_quietly(provider, issued.refresh_token)
        repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login", outcome="mfa_required", **audit)
        return mfa.challenge(repo, user)
    if must_enrol_mfa(repo, user):
        _end_quietly(provider, issued.refresh_token)
        return _enrolment_required(provider, user)
    return _signed_in(repo, user, issued, request)


def _enrolment_required(provider: CredentialProvider, user: User) -> DomainError:
    """Staff of a firm that requires two-factor, with none set up: Keycloak's CONFIGURE_TOTP, by e-mail. Until
    it is done Keycloak refuses the password grant ("account_setup_required")."""
    provider.require_totp(user.id)
    provider.send_required_actions(user.id, [CONFIGURE_TOTP], int(ENROLMENT_LINK_LIFESPAN.total_seconds()))
    return Unauthenticated("Your firm requires two-factor authentication: follow the link we have e-mailed you "
                           "to set up an authenticator app, then sign in again", "account_setup_required")


def _count_failure(repo: IdentityRepository, keys: tuple[str, str], tenant_id: str, user: User | None,
                   request: pb.LoginRequest) -> None:
    """A wrong password (or unknown account) counts on identity's throttles and in the audit trail, exactly as
    with the built-in provider; Keycloak's brute-force detection counts it too."""
    locked = record_failure(repo, keys)
    if not tenant_id:
        return
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    detail = {} if user else {"login": mask_login(request.username)}
    repo.audit(tenant_id=tenant_id, user_id=user.id if user else None, action="login", outcome="failure",
               **audit, **detail)
    for kind in locked:
        repo.audit(tenant_id=tenant_id, user_id=user.id if user else None, action="lockout", outcome=kind,
                   **audit, **detail)


# --- the second step ---------------------------------------------------------------------------------
def complete_second_step(idn: Identity, provider: CredentialProvider,
                         request: pb.CompleteMfaLoginRequest) -> pb.TokenPair:
    """The code of the authenticator app set up in Keycloak, sent with the sealed password."""
    failure: DomainError
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        row = repo.mfa_challenge(tokens.token_hash(request.mfa_ticket))
        user = db.get(User, row.user_id) if row is not None else None
        if row is None or user is None or row.used_at or row.expires_at <= utcnow() or user.status != "active":
            raise Unauthenticated(_EXPIRED, "mfa_ticket_invalid")
        password = _unseal(_ticket_key(idn, provider), user.id, request.mfa_ticket)
        if password is None:
            raise Unauthenticated(_EXPIRED, "mfa_ticket_invalid")
        keys = (login_key(user.tenant_id, user.username), address_key(request.source_address))
        wait = required_wait(repo, keys)
        if wait > timedelta(0):
            record_failure(repo, keys, while_waiting=True)
            failure = too_many_attempts(wait)
        else:
            row.attempts += 1
            try:
                issued = provider.password_login(user.id, password, otp=request.code.strip().replace(" ", ""))
            except (Unauthenticated, TooManyRequests) as refused:
                failure = _second_step_refused(repo, row, user, keys, refused, audit)
            else:
                row.used_at = utcnow()
                clear_failures(repo, keys[0])
                return _signed_in(repo, user, issued, request, second_factor="totp")
    raise failure  # after the commit: the try is counted


def _second_step_refused(repo: IdentityRepository, row: MfaChallenge, user: User, keys: tuple[str, str],
                         refused: DomainError, audit: dict[str, str]) -> DomainError:
    repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="login_second_factor", outcome="failure", **audit)
    if refused.code != "invalid_credentials":
        row.used_at = utcnow()  # locked, or steps pending in Keycloak: this ticket cannot succeed
        return refused
    record_failure(repo, keys)  # it may have been the password: it counts like a wrong password
    if row.attempts >= second_factor.MFA_TRIES:
        row.used_at = utcnow()
        return Unauthenticated(_EXPIRED, "mfa_ticket_invalid")
    # Keycloak does not say which was wrong (the password was never checked alone).
    return Invalid.field("code", "wrong_code", "The code, or the password before it, is not correct")


# --- refresh and logout -------------------------------------------------------------------------------
def refresh(idn: Identity, provider: CredentialProvider, request: pb.RefreshRequest) -> pb.TokenPair:
    """A Keycloak refresh token: only while identity's row of its session is live and its user active."""
    session_id = _session_of_refresh_token(request.refresh_token)
    failure: DomainError
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        session = repo.login_session(session_row_id(session_id)) if session_id else None
        user = repo.user(session.tenant_id, session.user_id) if session is not None else None
        now = utcnow()
        if session is None or session.revoked_at is not None or session.expires_at <= now:
            failure = Unauthenticated(SESSION_ENDED, "session_expired")
        elif user is None or user.status != "active":
            failure = Unauthenticated(SESSION_ENDED, "user_inactive")
        else:
            issued = provider.refresh(request.refresh_token)
            if session_row_id(issued.session_id) != session.id:  # Keycloak's answer is about another session
                _end_quietly(provider, issued.refresh_token)
                failure = Unauthenticated(SESSION_ENDED, "session_expired")
            else:
                session.last_used_at = now
                return token_pair(issued)
    if session_id:
        _end_quietly(provider, request.refresh_token)  # identity ended it: Keycloak's session goes too
    raise failure


def logout(idn: Identity, provider: CredentialProvider, request: pb.LogoutRequest) -> pb.LogoutResponse:
    """Keycloak ends the session first; identity's row is revoked only when Keycloak took the token (its `sid`
    is read unverified, and a made-up token must not end somebody else's session)."""
    session_id = _session_of_refresh_token(request.refresh_token)
    if not session_id or not provider.logout(request.refresh_token):
        return pb.LogoutResponse()
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        session = repo.login_session(session_row_id(session_id))
        if session is not None and session.revoked_at is None:
            repo.revoke_session(session.id)
            repo.audit(tenant_id=session.tenant_id, user_id=session.user_id, action="logout", outcome="success",
                       session_id=session.id)
    return pb.LogoutResponse()


# --- enrolment ---------------------------------------------------------------------------------------
def begin_enrolment(idn: Identity, provider: CredentialProvider, request: pb.BeginTotpEnrolmentRequest) -> DomainError:
    """The authenticator app is set up on Keycloak's own page (CONFIGURE_TOTP), reached through a link Keycloak
    e-mails, so there is no QR code to return: the answer (raised after the commit, the audit row kept) says
    the link is on its way, or why not."""
    audit = {"source_address": request.source_address, "user_agent": request.user_agent}
    with idn.db.session() as db:
        repo = IdentityRepository(db)
        user = own_user(repo)
        if user.totp_secret or provider.has_second_factor(user.id):
            raise FailedPrecondition("Two-factor authentication is already on", "mfa_already_enabled")
        failure = reauthentication_failure(repo, user, request.current_password, action="mfa_enrolment",
                                           provider=provider, **audit)
        if failure is None:
            provider.require_totp(user.id)
            provider.send_required_actions(user.id, [CONFIGURE_TOTP], int(ENROLMENT_LINK_LIFESPAN.total_seconds()))
            repo.audit(tenant_id=user.tenant_id, user_id=user.id, action="mfa_enrolment", outcome="link_sent",
                       **audit)
            failure = FailedPrecondition(
                "We have e-mailed you a link to set up your authenticator app; your next sign-in asks you to "
                "finish it first", "mfa_setup_by_email")
    return failure
