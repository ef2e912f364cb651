"""Collections' queries, always scoped to one tenant."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientarea_shared.paging import keyset_page
from collections_service.models import Case


class CaseRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, case_id: str) -> Case | None:
        return self.session.scalars(
            select(Case).where(Case.tenant_id == self.tenant_id, Case.id == case_id)
        ).first()

    def page(self, *, client_id: str, status: str, after_id: str | None, limit: int) -> list[Case]:
        query = select(Case).where(Case.tenant_id == self.tenant_id)
        if client_id:
            query = query.where(Case.client_id == client_id)
        if status:
            query = query.where(Case.status == status)
        return keyset_page(self.session, query, Case.id, after_id, limit)

    def open_of_client(self, client_id: str) -> list[Case]:
        return list(self.session.scalars(
            select(Case)
            .where(Case.tenant_id == self.tenant_id, Case.client_id == client_id,
                   Case.status == "open")
            .order_by(Case.id)
        ))

    # --- quick access ---------------------------------------------------------------------
    def by_number(self, number: str) -> Case | None:
        """The case with this process number (stored upper case, see access_keys.normalise_number)."""
        return self.session.scalars(
            select(Case).where(Case.tenant_id == self.tenant_id, Case.number == number)
        ).first()

    def get_for_update(self, case_id: str) -> Case | None:
        return self.session.scalars(
            select(Case).where(Case.tenant_id == self.tenant_id, Case.id == case_id).with_for_update()
        ).first()

    def numbers_starting(self, prefix: str) -> list[str]:
        return list(self.session.scalars(
            select(Case.number).where(Case.tenant_id == self.tenant_id, Case.number.startswith(prefix))
        ))

    def add(self, case: Case) -> Case:
        self.session.add(case)
        self.session.flush()
        return case
