"""Notification's queries, scoped to the tenant (and to the user for the inbox)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientarea_shared.paging import keyset_page
from notification_service.models import Delivery, Notification


class NotificationRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def inbox_page(self, user_id: str, before_id: str | None, limit: int) -> list[Notification]:
        query = select(Notification).where(
            Notification.tenant_id == self.tenant_id, Notification.user_id == user_id
        )
        return keyset_page(self.session, query, Notification.id, before_id, limit, newest_first=True)

    def deliveries_page(self, event_id: str, before_id: str | None, limit: int) -> list[Delivery]:
        query = select(Delivery).where(Delivery.tenant_id == self.tenant_id)
        if event_id:
            query = query.where(Delivery.event_id == event_id)
        return keyset_page(self.session, query, Delivery.id, before_id, limit, newest_first=True)
