"""CRM's queries, always scoped to one tenant."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from clientarea_shared.db import new_id, utcnow
from clientarea_shared.paging import keyset_page
from clientarea_shared.text import search_words
from crm_service.domain import NewClient
from crm_service.models import Client


class ClientRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def get(self, client_id: str) -> Client | None:
        return self.session.scalars(
            select(Client).where(Client.tenant_id == self.tenant_id, Client.id == client_id)
        ).first()

    def by_email(self, email: str) -> list[Client]:
        """Clients with this e-mail (case-insensitive), oldest first."""
        return list(self.session.scalars(
            select(Client).where(Client.tenant_id == self.tenant_id,
                                 func.lower(Client.email) == email.strip().lower())
            .order_by(Client.id)
        ))

    def tax_id_exists(self, tax_id: str) -> bool:
        return self.session.scalar(
            select(Client.id).where(Client.tenant_id == self.tenant_id, Client.tax_id == tax_id)
        ) is not None

    def add(self, new: NewClient, client_id: str | None = None) -> Client:
        now = utcnow()
        client = Client(
            id=client_id or new_id(), tenant_id=self.tenant_id, kind=new.kind,
            first_name=new.first_name, last_name=new.last_name, legal_name=new.legal_name,
            display_name=new.display_name, search_text=new.search_text,
            tax_id_type=new.tax_id_type, tax_id=new.tax_id, email=new.email, phone=new.phone,
            birth_date=new.birth_date, locale=new.locale, created_at=now, updated_at=now,
        )
        self.session.add(client)
        self.session.flush()
        return client

    def page(self, *, q: str, after_id: str | None, limit: int) -> list[Client]:
        """One page ordered by id (UUIDv7: creation order), fetching one extra row to tell
        whether another page follows."""
        query = select(Client).where(Client.tenant_id == self.tenant_id)
        for word in search_words(q):
            query = query.where(Client.search_text.contains(word, autoescape=True))
        return keyset_page(self.session, query, Client.id, after_id, limit)
