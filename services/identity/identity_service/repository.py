"""Identity's queries. Every lookup of a user is scoped to its tenant."""

from __future__ import annotations

from sqlalchemy import func, or_, select, update
from sqlalchemy.orm import Session as DbSession

from clientarea_shared.db import new_id, utcnow
from identity_service.models import AuditEvent, PasswordToken, RefreshToken, Session, Tenant, User


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

    def revoke_all_sessions(self, user_id: str) -> None:
        self.session.execute(
            update(Session).where(Session.user_id == user_id, Session.revoked_at.is_(None))
            .values(revoked_at=utcnow())
        )

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
