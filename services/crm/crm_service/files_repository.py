"""Queries of a client's files, always scoped to one tenant (and, for customers, to the files
shared with them)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from crm_service.models import Client, ClientFile


class ClientFileRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def client_exists(self, client_id: str) -> bool:
        return self.session.scalar(
            select(Client.id).where(Client.tenant_id == self.tenant_id, Client.id == client_id)) is not None

    def _of_client(self, client_id: str, *, shared_only: bool):  # noqa: ANN202
        query = select(ClientFile).where(ClientFile.tenant_id == self.tenant_id, ClientFile.client_id == client_id)
        return query.where(ClientFile.visible_to_client.is_(True)) if shared_only else query

    def of_client(self, client_id: str, *, shared_only: bool) -> list[ClientFile]:
        """Newest first."""
        query = self._of_client(client_id, shared_only=shared_only)
        return list(self.session.scalars(query.order_by(ClientFile.uploaded_at.desc(), ClientFile.id.desc())))

    def get(self, client_id: str, file_id: str, *, shared_only: bool, for_update: bool = False) -> ClientFile | None:
        query = self._of_client(client_id, shared_only=shared_only).where(ClientFile.id == file_id)
        return self.session.scalars(query.with_for_update() if for_update else query).first()

    def add(self, file: ClientFile) -> ClientFile:
        self.session.add(file)
        self.session.flush()
        return file
