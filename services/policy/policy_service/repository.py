"""Policy's queries, always scoped to one tenant."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientarea_shared.paging import keyset_page
from policy_service.models import Policy


class PolicyRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, policy_id: str) -> Policy | None:
        return self.session.scalars(
            select(Policy).where(Policy.tenant_id == self.tenant_id, Policy.id == policy_id)
        ).first()

    def page(self, *, client_id: str, after_id: str | None, limit: int) -> list[Policy]:
        query = select(Policy).where(Policy.tenant_id == self.tenant_id)
        if client_id:
            query = query.where(Policy.client_id == client_id)
        return keyset_page(self.session, query, Policy.id, after_id, limit)

    def of_client(self, client_id: str) -> list[Policy]:
        return list(self.session.scalars(
            select(Policy)
            .where(Policy.tenant_id == self.tenant_id, Policy.client_id == client_id)
            .order_by(Policy.id)
        ))
