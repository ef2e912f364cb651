"""Identity's tables: tenants, users, sessions, refresh tokens, signing keys, one-time
password tokens, self-registrations, login throttles and the authentication audit log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables
from identity_service.sealing import SealedText


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Tenant(Base):
    __tablename__ = "tenants"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    slug: Mapped[str] = mapped_column(String(63), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    default_locale: Mapped[str] = mapped_column(String(10), default="es")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    require_staff_mfa: Mapped[bool] = mapped_column(default=False)


class User(Base):
    __tablename__ = "users"
    __table_args__ = (
        UniqueConstraint("tenant_id", "username", name="uq_users_tenant_username"),
        Index("ix_users_tenant_email", "tenant_id", "email"),
        Index("ix_users_tenant_client", "tenant_id", "client_id"),  # a client's people (client members)
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(ForeignKey("tenants.id"))
    username: Mapped[str] = mapped_column(String(254))  # stored lower-case
    email: Mapped[str] = mapped_column(String(254))  # stored lower-case
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(Text, nullable=True)
    roles: Mapped[list[str]] = mapped_column(JSON)
    client_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    locale: Mapped[str] = mapped_column(String(10), default="es")
    status: Mapped[str] = mapped_column(String(20), default="active")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    password_changed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # TOTP: the secret once confirmed; `pending` while the user scans the QR code; the last
    # accepted time step, so a code is never accepted twice. Seeds are sealed (sealing.py).
    totp_secret: Mapped[str | None] = mapped_column(SealedText, nullable=True)
    totp_pending_secret: Mapped[str | None] = mapped_column(SealedText, nullable=True)
    totp_last_step: Mapped[int] = mapped_column(default=0)
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # --- client members ---
    # A customer's role within their client (clientarea_shared.permissions.CLIENT_ROLES). Before a
    # client had several people its one login was the client's own, hence "admin" by default.
    client_role: Mapped[str] = mapped_column(String(20), default="admin", server_default="admin")
    invited_by: Mapped[str | None] = mapped_column(String(36), nullable=True)  # the colleague who invited them
    # --- end client members ---


class Session(Base):
    """A login: one refresh-token family. Revoking it ends every token of the family."""

    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)  # absolute timeout
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    user_agent: Mapped[str] = mapped_column(String(400), default="")
    source_address: Mapped[str] = mapped_column(String(64), default="")
    device_hash: Mapped[str] = mapped_column(String(64), default="", index=True)  # of the client's device id


class RefreshToken(Base):
    """Stored as a SHA-256 hash; `used_at` set on rotation so a replay is recognised."""

    __tablename__ = "refresh_tokens"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class SigningKey(Base):
    __tablename__ = "signing_keys"
    kid: Mapped[str] = mapped_column(String(64), primary_key=True)
    private_pem: Mapped[str] = mapped_column(SealedText)  # sealed: see sealing.py
    public_jwk: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class PasswordToken(Base):
    """One-time token of a set-password or reset link, stored hashed."""

    __tablename__ = "password_tokens"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    purpose: Mapped[str] = mapped_column(String(20))  # "set" | "reset" | "email"
    created_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    new_email: Mapped[str | None] = mapped_column(String(254), nullable=True)  # for purpose "email"
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class RecoveryCode(Base):
    """Single-use second-factor codes, stored hashed; a new set replaces the old one."""

    __tablename__ = "recovery_codes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    code_hash: Mapped[str] = mapped_column(String(64))
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class MfaChallenge(Base):
    """A login whose password was right and whose second factor is due (ticket stored hashed)."""

    __tablename__ = "mfa_challenges"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    ticket_hash: Mapped[str] = mapped_column(String(64), unique=True)
    attempts: Mapped[int] = mapped_column(default=0)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class Registration(Base):
    """A self-registration by e-mail. Rows exist for e-mails that match no client too (with no
    client and no e-mail sent), so every step answers the same whatever the e-mail was."""

    __tablename__ = "registrations"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36), index=True)
    email: Mapped[str] = mapped_column(String(254))
    client_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    display_name: Mapped[str] = mapped_column(String(200), default="")
    locale: Mapped[str] = mapped_column(String(10), default="es")
    code_hash: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(default=0)
    sends: Mapped[int] = mapped_column(default=1)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class LoginThrottle(Base):
    """Failure counter of one account (tenant + hashed login) or one source address."""

    __tablename__ = "login_throttles"
    key: Mapped[str] = mapped_column(String(100), primary_key=True)
    failures: Mapped[int] = mapped_column(default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    locks: Mapped[int] = mapped_column(default=0)


class AuditEvent(Base):
    """Append-only: rows are inserted, never updated or deleted."""

    __tablename__ = "audit_events"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36), index=True)
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    action: Mapped[str] = mapped_column(String(50))
    outcome: Mapped[str] = mapped_column(String(20))
    source_address: Mapped[str] = mapped_column(String(64), default="")
    user_agent: Mapped[str] = mapped_column(String(400), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


# --- passwordless and passkeys ---------------------------------------------------------------
class LoginCode(Base):
    """A login by a six-digit e-mailed code. The code only works with the row's ticket (stored
    hashed), which the browser that asked keeps. Rows exist for unknown accounts too (no user, no
    e-mail sent), so every step answers the same whatever the login was."""

    __tablename__ = "login_codes"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    ticket_hash: Mapped[str] = mapped_column(String(64), unique=True)
    throttle_key: Mapped[str] = mapped_column(String(100))  # the login throttle's key of the login as typed
    code_hash: Mapped[str] = mapped_column(String(64))
    attempts: Mapped[int] = mapped_column(default=0)
    sends: Mapped[int] = mapped_column(default=1)
    sent_at: Mapped[datetime] = mapped_column(UTCDateTime)
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class Passkey(Base):
    """A WebAuthn credential of a user: its public key (COSE, base64url), the authenticator's
    signature counter (a regression means a cloned authenticator) and the user's name for it."""

    __tablename__ = "passkeys"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(ForeignKey("users.id"), index=True)
    credential_id: Mapped[str] = mapped_column(String(1400), unique=True)  # base64url, up to 1023 bytes
    public_key: Mapped[str] = mapped_column(Text)  # base64url of the COSE key
    sign_count: Mapped[int] = mapped_column(default=0)
    transports: Mapped[list[str]] = mapped_column(JSON, default=list)
    name: Mapped[str] = mapped_column(String(100))
    aaguid: Mapped[str] = mapped_column(String(36), default="")
    backed_up: Mapped[bool] = mapped_column(default=False)  # synced by a passkey provider
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)


class WebauthnChallenge(Base):
    """A WebAuthn ceremony in progress: the challenge (stored hashed; it comes back inside the
    signed client data), what it is for, single use and short-lived."""

    __tablename__ = "webauthn_challenges"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    challenge_hash: Mapped[str] = mapped_column(String(64), unique=True)
    purpose: Mapped[str] = mapped_column(String(20))  # "register" | "login" | "second_factor"
    tenant_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # register, second_factor
    mfa_challenge_id: Mapped[str | None] = mapped_column(String(36), nullable=True)  # second_factor
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime)
    used_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
# --- end passwordless and passkeys ---
