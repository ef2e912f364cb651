"""Payments' queries, always scoped to one tenant."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientarea_shared.paging import keyset_page
from payments_service.models import Invoice


class InvoiceRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def page(self, *, client_id: str, status: str, after_id: str | None, limit: int) -> list[Invoice]:
        query = select(Invoice).where(Invoice.tenant_id == self.tenant_id)
        if client_id:
            query = query.where(Invoice.client_id == client_id)
        if status:
            query = query.where(Invoice.status == status)
        return keyset_page(self.session, query, Invoice.id, after_id, limit)

    def open_of_client(self, client_id: str) -> list[Invoice]:
        return list(self.session.scalars(
            select(Invoice)
            .where(Invoice.tenant_id == self.tenant_id, Invoice.client_id == client_id,
                   Invoice.status == "open")
            .order_by(Invoice.id)
        ))
