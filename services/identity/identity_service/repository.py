"""Identity's queries. Every lookup of a user is scoped to its tenant."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session as DbSession

from clientarea_shared.db import new_id, utcnow
from clientarea_shared.paging import keyset_page
from identity_service.domain.throttling import Attempts
from identity_service.models import (
    AuditEvent,
    LoginCode,
    LoginThrottle,
    MfaChallenge,
    Passkey,
    PasswordToken,
    RecoveryCode,
    RefreshToken,
    Registration,
    Session,
    SigningKey,
    Tenant,
    User,
    WebauthnChallenge,
)


class IdentityRepository:
    def __init__(self, session: DbSession):
        self.session = session

    def tenant_by_slug(self, slug: str) -> Tenant | None:
        return self.session.scalars(select(Tenant).where(Tenant.slug == slug.strip().lower())).first()

    def tenant(self, tenant_id: str) -> Tenant | None:
        return self.session.get(Tenant, tenant_id)

    def user_by_login(self, tenant_id: str, login: str) -> User | None:
        login = login.strip().lower()
        return self.session.scalars(
            select(User).where(
                User.tenant_id == tenant_id,
                User.status == "active",
                or_(User.username == login, User.email == login),
            ).order_by(User.username != login)  # an exact user-name match wins over an e-mail
        ).first()

    def user(self, tenant_id: str, user_id: str) -> User | None:
        user = self.session.get(User, user_id)
        return user if user is not None and user.tenant_id == tenant_id else None

    def username_taken(self, tenant_id: str, username: str) -> bool:
        return bool(self.session.scalar(
            select(func.count()).select_from(User)
            .where(User.tenant_id == tenant_id, User.username == username.lower())
        ))

    def add(self, row: object) -> None:
        self.session.add(row)
        self.session.flush()

    def refresh_token(self, token_hash: str) -> RefreshToken | None:
        return self.session.scalars(
            select(RefreshToken).where(RefreshToken.token_hash == token_hash)
        ).first()

    def login_session(self, session_id: str) -> Session | None:
        return self.session.get(Session, session_id)

    def revoke_session(self, session_id: str) -> None:
        self.session.execute(
            update(Session).where(Session.id == session_id, Session.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )

    def revoke_all_sessions(self, user_id: str, *, keep: str = "") -> int:
        """End every live session of the user (but `keep`); returns how many ended."""
        query = update(Session).where(Session.user_id == user_id, Session.revoked_at.is_(None))
        if keep:
            query = query.where(Session.id != keep)
        return self.session.execute(query.values(revoked_at=utcnow())).rowcount or 0

    def is_new_device(self, user_id: str, *, device_hash: str, user_agent: str) -> bool:
        """Whether the user has logged in before, but never from this device (revoked and
        expired sessions count: they are the account's history)."""
        sessions = select(Session.id).where(Session.user_id == user_id)
        if self.session.scalar(sessions.limit(1)) is None:
            return False  # the very first login is not news
        same = Session.device_hash == device_hash if device_hash else Session.user_agent == user_agent
        return self.session.scalar(sessions.where(same).limit(1)) is None

    def live_sessions(self, user_id: str) -> list[Session]:
        now = utcnow()
        return list(self.session.scalars(
            select(Session).where(Session.user_id == user_id, Session.revoked_at.is_(None),
                                  Session.expires_at > now)
            .order_by(Session.last_used_at.desc())
        ))

    # --- one-time links and codes -------------------------------------------------------
    def unused_password_tokens_since(self, user_id: str, purpose: str, since: datetime) -> int:
        return self.session.scalar(
            select(func.count()).select_from(PasswordToken).where(
                PasswordToken.user_id == user_id, PasswordToken.purpose == purpose,
                PasswordToken.created_at >= since)
        ) or 0

    def void_password_tokens(self, user_id: str, purpose: str) -> None:
        """A newer link replaces the older ones, and a used one ends its siblings."""
        self.session.execute(
            update(PasswordToken).where(PasswordToken.user_id == user_id, PasswordToken.purpose == purpose,
                                        PasswordToken.used_at.is_(None))
            .values(used_at=utcnow())
        )

    def registration(self, registration_id: str, *, for_update: bool = False) -> Registration | None:
        query = select(Registration).where(Registration.id == registration_id)
        return self.session.scalars(query.with_for_update() if for_update else query).first()

    def user_by_email(self, tenant_id: str, email: str) -> User | None:
        return self.session.scalars(
            select(User).where(User.tenant_id == tenant_id, User.email == email.strip().lower(),
                               User.status == "active")
        ).first()

    # --- staff --------------------------------------------------------------------------
    def staff_page(self, tenant_id: str, *, after: str | None, limit: int) -> list[User]:
        """Staff users are the firm's users linked to no client (closed accounts left out)."""
        query = select(User).where(User.tenant_id == tenant_id, User.client_id.is_(None), User.status != "closed")
        return keyset_page(self.session, query, User.id, after, limit)

    def active_admins(self, tenant_id: str) -> int:
        staff = self.session.scalars(select(User.roles).where(
            User.tenant_id == tenant_id, User.client_id.is_(None), User.status == "active"))
        return sum(1 for roles in staff if "admin" in roles)

    # --- second factor ------------------------------------------------------------------
    def mfa_challenge(self, ticket_hash: str) -> MfaChallenge | None:
        return self.session.scalars(
            select(MfaChallenge).where(MfaChallenge.ticket_hash == ticket_hash).with_for_update()).first()

    def recovery_code(self, user_id: str, code_hash: str) -> RecoveryCode | None:
        return self.session.scalars(select(RecoveryCode).where(
            RecoveryCode.user_id == user_id, RecoveryCode.code_hash == code_hash, RecoveryCode.used_at.is_(None))
        ).first()

    # --- login throttles ----------------------------------------------------------------
    def attempts(self, key: str) -> Attempts:
        row = self.session.get(LoginThrottle, key)
        return _attempts(row) if row is not None else Attempts()

    def lock_attempts(self, key: str) -> Attempts:
        """The key's counter, row-locked until the transaction ends (concurrent failures count
        one by one); the row is created on first use."""
        row = self.session.scalars(select(LoginThrottle).where(LoginThrottle.key == key).with_for_update()).first()
        if row is None:
            try:
                with self.session.begin_nested():
                    self.session.add(LoginThrottle(key=key, failures=0, locks=0))
            except IntegrityError:
                pass  # created by a concurrent attempt: lock theirs
            row = self.session.scalars(select(LoginThrottle).where(LoginThrottle.key == key).with_for_update()).one()
        return _attempts(row)

    def save_attempts(self, key: str, state: Attempts) -> None:
        self.session.execute(update(LoginThrottle).where(LoginThrottle.key == key).values(
            failures=state.failures, last_failure_at=state.last_failure_at,
            locked_until=state.locked_until, locks=state.locks))

    # --- audit --------------------------------------------------------------------------
    def audit_page(self, tenant_id: str, *, after: str | None, limit: int, user_id: str = "",
                   action: str = "", outcome: str = "", since: datetime | None = None,
                   until: datetime | None = None) -> list[AuditEvent]:
        query = select(AuditEvent).where(AuditEvent.tenant_id == tenant_id)
        if user_id:
            query = query.where(AuditEvent.user_id == user_id)
        if action:
            query = query.where(AuditEvent.action == action)
        if outcome:
            query = query.where(AuditEvent.outcome == outcome)
        if since is not None:
            query = query.where(AuditEvent.created_at >= since)
        if until is not None:
            query = query.where(AuditEvent.created_at < until)
        return keyset_page(self.session, query, AuditEvent.id, after, limit, newest_first=True)

    def password_token(self, token_hash: str, purpose: str) -> PasswordToken | None:
        return self.session.scalars(
            select(PasswordToken).where(
                PasswordToken.token_hash == token_hash, PasswordToken.purpose == purpose
            )
        ).first()

    def audit(
        self, *, tenant_id: str, user_id: str | None, action: str, outcome: str,
        source_address: str = "", user_agent: str = "", **detail: str,
    ) -> None:
        self.session.add(AuditEvent(
            id=new_id(), tenant_id=tenant_id, user_id=user_id, action=action, outcome=outcome,
            source_address=source_address[:64], user_agent=user_agent[:400],
            created_at=utcnow(), detail=detail,
        ))

    # --- passwordless and passkeys --------------------------------------------------------
    def login_code(self, ticket_hash: str) -> LoginCode | None:
        return self.session.scalars(
            select(LoginCode).where(LoginCode.ticket_hash == ticket_hash).with_for_update()).first()

    def login_codes_sent_since(self, user_id: str, since: datetime) -> int:
        return self.session.scalar(
            select(func.coalesce(func.sum(LoginCode.sends), 0))
            .where(LoginCode.user_id == user_id, LoginCode.created_at >= since)) or 0

    def passkeys(self, user_id: str) -> list[Passkey]:
        return list(self.session.scalars(
            select(Passkey).where(Passkey.user_id == user_id).order_by(Passkey.created_at)))

    def has_passkey(self, user_id: str) -> bool:
        return self.session.scalar(select(Passkey.id).where(Passkey.user_id == user_id).limit(1)) is not None

    def passkey_by_credential(self, tenant_id: str, credential_id: str) -> Passkey | None:
        return self.session.scalars(select(Passkey).where(
            Passkey.tenant_id == tenant_id, Passkey.credential_id == credential_id).with_for_update()).first()

    def credential_registered(self, credential_id: str) -> bool:
        return self.session.scalar(
            select(Passkey.id).where(Passkey.credential_id == credential_id).limit(1)) is not None

    def webauthn_challenge(self, challenge_hash: str) -> WebauthnChallenge | None:
        return self.session.scalars(select(WebauthnChallenge).where(
            WebauthnChallenge.challenge_hash == challenge_hash).with_for_update()).first()

    def forget_second_factors(self, user_id: str) -> None:
        """Recovery codes and passkeys (the TOTP seed is a column of the user)."""
        self.session.execute(delete(RecoveryCode).where(RecoveryCode.user_id == user_id))
        self.session.execute(delete(Passkey).where(Passkey.user_id == user_id))

    def forget_passwordless(self, user_id: str) -> None:
        """A closed account keeps no way in: its passkeys go, its login codes are spent."""
        self.session.execute(delete(Passkey).where(Passkey.user_id == user_id))
        self.session.execute(update(LoginCode).where(LoginCode.user_id == user_id, LoginCode.used_at.is_(None))
                             .values(used_at=utcnow()))

    def first_signing_key_pem(self) -> str:
        """The oldest signing key (keys are retired, never deleted): stable secret material."""
        return self.session.scalar(select(SigningKey.private_pem).order_by(SigningKey.created_at).limit(1)) or ""
    # --- end passwordless and passkeys ----------------------------------------------------

    # --- client members -------------------------------------------------------------------
    def client_people(self, tenant_id: str, client_id: str, *, lock: bool = False) -> list[User]:
        """The active logins of a client (a company customer's people), oldest first. `lock`
        row-locks them until the transaction ends, so two admins changing people at once are
        checked one after the other (the "one active admin" rule holds)."""
        query = (select(User).where(User.tenant_id == tenant_id, User.client_id == client_id,
                                    User.status == "active").order_by(User.created_at, User.id))
        return list(self.session.scalars(query.with_for_update() if lock else query))

    def last_logins(self, user_ids: list[str]) -> dict[str, datetime]:
        """When each user last started a session (never: absent)."""
        if not user_ids:
            return {}
        rows = self.session.execute(select(Session.user_id, func.max(Session.created_at))
                                    .where(Session.user_id.in_(user_ids)).group_by(Session.user_id))
        return {user_id: started for user_id, started in rows}

    def display_names(self, tenant_id: str, user_ids: set[str]) -> dict[str, str]:
        if not user_ids:
            return {}
        rows = self.session.execute(select(User.id, User.display_name)
                                    .where(User.tenant_id == tenant_id, User.id.in_(user_ids)))
        return {user_id: name for user_id, name in rows}

    def email_in_use(self, tenant_id: str, email: str) -> bool:
        """Whether any login of the firm (active or disabled; closed ones are anonymised) has this
        e-mail as its address or its user name."""
        email = email.strip().lower()
        return self.session.scalar(select(User.id).where(
            User.tenant_id == tenant_id, or_(User.email == email, User.username == email)).limit(1)) is not None
    # --- end client members ---------------------------------------------------------------

    # --- client records (staff directory) ----------------------------------------------------
    def staff_directory(self, tenant_id: str, *, ids: list[str], include_disabled: bool) -> list[User]:
        """The firm's staff users (linked to no client, never closed ones) by name; only `ids` when
        given."""
        statuses = ["active", "disabled"] if include_disabled else ["active"]
        query = select(User).where(User.tenant_id == tenant_id, User.client_id.is_(None), User.status.in_(statuses))
        if ids:
            query = query.where(User.id.in_(ids))
        return list(self.session.scalars(query.order_by(User.display_name, User.id)))
    # --- end client records (staff directory) ------------------------------------------------


def _attempts(row: LoginThrottle) -> Attempts:
    return Attempts(failures=row.failures, last_failure_at=row.last_failure_at,
                    locked_until=row.locked_until, locks=row.locks)
