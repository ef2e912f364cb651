"""What every journey shares: the service's resources, sessions and tokens, events, timing."""

from __future__ import annotations

import hashlib
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from google.protobuf.message import Message
from sqlalchemy.orm import Session as DbSession

from clientarea.identity.v1 import identity_pb2 as pb
from clientarea_shared.config import Settings
from clientarea_shared.context import MFA_ENROLMENT_SCOPE, SERVICE, STAFF_ROLES
from clientarea_shared.db import Database, new_id, utcnow
from clientarea_shared.events import record_event
from clientarea_shared.runtime import Runtime
from identity_service.credentials import CredentialProvider
from identity_service.domain import tokens
from identity_service.keys import KeyRing
from identity_service.models import PLUMBING, PasswordToken, RefreshToken, Session, Tenant, User
from identity_service.providers import credential_provider
from identity_service.repository import IdentityRepository

SERVICE_TOKEN_TTL_SECONDS = 120


@dataclass
class Identity:
    """The resources a journey is given (one per process)."""

    runtime: Runtime
    keys: KeyRing
    _service_tokens: dict[str, tuple[float, str]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    @property
    def db(self) -> Database:
        return self.runtime.db

    @property
    def settings(self) -> Settings:
        return self.runtime.settings

    @property
    def provider(self) -> CredentialProvider | None:
        """Keycloak when CREDENTIAL_PROVIDER=keycloak; None: the built-in provider, identity's own tables
        (identity_service/providers.py)."""
        return credential_provider(self.runtime)

    def service_token(self, tenant_id: str) -> str:
        """A short-lived token identity signs for itself, to call another service on behalf of no
        user (self-registration asks crm whether an e-mail is a client's)."""
        now = time.time()
        with self._lock:
            cached = self._service_tokens.get(tenant_id)
            if cached is not None and cached[0] - now > 30:
                return cached[1]
        expires = int(now) + SERVICE_TOKEN_TTL_SECONDS
        token = self.keys.sign({
            "iss": self.settings.token_issuer, "aud": self.settings.token_audience,
            "sub": "service:identity", "tid": tenant_id, "roles": [SERVICE], "iat": int(now),
            "exp": expires, "jti": new_id(),
        })
        with self._lock:
            self._service_tokens[tenant_id] = (expires, token)
        return token


def user_message(user: User, tenant: Tenant | None) -> pb.User:
    message = pb.User(
        id=user.id, tenant_id=user.tenant_id, username=user.username, email=user.email,
        display_name=user.display_name, roles=user.roles, client_id=user.client_id or "",
        client_role=user.client_role if user.client_id else "",
        locale=user.locale, mfa_enabled=bool(user.totp_secret), status=user.status,
    )
    if tenant is not None:
        message.tenant.CopyFrom(pb.Tenant(id=tenant.id, slug=tenant.slug, name=tenant.name,
                                          default_locale=tenant.default_locale))
    return message


def start_session(repo: IdentityRepository, user: User, *, user_agent: str, source_address: str,
                  device_id: str = "", session_id: str = "") -> Session:
    """A new login session. The first one from a device the account has not used before sends a
    security alert (by the client's device id; by the user agent when the client sends none).
    `session_id`: the credential provider's own (Keycloak's `sid`), so its tokens name this row."""
    device_hash = tokens.token_hash(device_id) if device_id else ""
    if repo.is_new_device(user.id, device_hash=device_hash, user_agent=user_agent[:400]):
        publish(repo.session, user.tenant_id, "identity.credentials_changed", credentials_changed(
            user, "new_device_login", source_address=source_address, user_agent=user_agent))
    now = utcnow()
    session = Session(
        id=session_id or new_id(), tenant_id=user.tenant_id, user_id=user.id, created_at=now, last_used_at=now,
        expires_at=now + tokens.SESSION_ABSOLUTE_TTL, user_agent=user_agent[:400],
        source_address=source_address[:64], device_hash=device_hash,
    )
    repo.add(session)
    return session


def issue_tokens(idn: Identity, repo: IdentityRepository, user: User, session: Session) -> pb.TokenPair:
    """A new access token and a new refresh token of the session's family."""
    now = utcnow()
    refresh = tokens.new_opaque_token()
    repo.add(RefreshToken(
        id=new_id(), session_id=session.id, token_hash=tokens.token_hash(refresh),
        created_at=now, expires_at=min(now + tokens.REFRESH_TOKEN_TTL, session.expires_at),
    ))
    claims = {
        "iss": idn.settings.token_issuer, "aud": idn.settings.token_audience, "sub": user.id,
        "tid": user.tenant_id, "roles": list(user.roles), "sid": session.id,
        "iat": int(now.timestamp()),
        "exp": int((now + tokens.ACCESS_TOKEN_TTL).timestamp()), "jti": new_id(),
    }
    if user.client_id:
        claims["cid"] = user.client_id
        claims["crole"] = user.client_role  # their role within the client (permissions.py)
    if user.display_name:
        claims["name"] = user.display_name  # OIDC's claim: pages greet without asking identity
    if must_enrol_mfa(repo, user):
        claims["scope"] = MFA_ENROLMENT_SCOPE
    return pb.TokenPair(
        access_token=idn.keys.sign(claims), refresh_token=refresh,
        token_type="Bearer",  # noqa: S106 - the OAuth token type, not a secret
        expires_in=int(tokens.ACCESS_TOKEN_TTL.total_seconds()), session_id=session.id,
    )


def new_set_password_link(repo: IdentityRepository, user: User) -> str:
    """The one-time token of the link with which a new user chooses their first password (staff
    invitations, portal users created by staff, a customer's invited colleagues): 72 hours, stored
    hashed; /auth/set-password spends it."""
    now, link = utcnow(), tokens.new_opaque_token()
    repo.add(PasswordToken(id=new_id(), user_id=user.id, purpose="set", token_hash=tokens.token_hash(link),
                           created_at=now, expires_at=now + tokens.SET_PASSWORD_TTL))
    return link


def must_enrol_mfa(repo: IdentityRepository, user: User) -> bool:
    """Staff of a firm that requires two-factor, who have set up neither an authenticator app nor
    a passkey yet."""
    if user.totp_secret or not firm_requires_second_factor(repo, user):
        return False
    return not repo.has_passkey(user.id)


def firm_requires_second_factor(repo: IdentityRepository, user: User) -> bool:
    """Staff of a firm that requires two-factor authentication of its staff."""
    if not set(user.roles) & STAFF_ROLES:
        return False
    tenant = repo.tenant(user.tenant_id)
    return tenant is not None and tenant.require_staff_mfa


def publish(db: DbSession, tenant_id: str, event_type: str, payload: Message) -> None:
    record_event(db, PLUMBING, source="identity", tenant_id=tenant_id, event_type=event_type,
                 payload=payload)


def credentials_changed(user: User, change: str, *, source_address: str, user_agent: str) -> pb.CredentialsChanged:
    return pb.CredentialsChanged(
        user_id=user.id, email=user.email, display_name=user.display_name, locale=user.locale,
        change=change, source_address=source_address, user_agent=user_agent,
        occurred_at=utcnow().isoformat(timespec="seconds"),
    )


def mask_login(login: str) -> str:
    """For the audit trail of attempts on unknown accounts: enough to spot a pattern, not the PII."""
    local, at, domain = login.strip().lower().partition("@")
    return f"{local[:2]}***{at}{domain}" if local else "***"


def login_key(tenant_id: str, login: str) -> str:
    """The throttle key of an account as typed (so unknown accounts lock exactly like real ones)."""
    digest = hashlib.sha256(f"{tenant_id}\x00{login.strip().lower()}".encode()).hexdigest()[:40]
    return f"account:{digest}"


def address_key(source_address: str) -> str:
    """Empty when the caller gave no address (a service calling directly): nothing to throttle by."""
    return f"address:{source_address[:64]}" if source_address else ""


@contextmanager
def no_sooner_than(seconds: float) -> Iterator[None]:
    """Pad an answer to a fixed floor, so that whether an e-mail was sent (an account exists)
    cannot be read from how long the answer took."""
    started = time.monotonic()
    try:
        yield
    finally:
        remaining = seconds - (time.monotonic() - started)
        if remaining > 0:
            time.sleep(remaining)
