"""Notification's queries, scoped to the tenant (and to the user for the inbox)."""

from __future__ import annotations

from sqlalchemy import ColumnElement, func, select, update
from sqlalchemy.orm import Session

from clientarea_shared.db import utcnow
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

    def _unread_of(self, user_id: str) -> tuple[ColumnElement[bool], ...]:
        return (Notification.tenant_id == self.tenant_id, Notification.user_id == user_id,
                Notification.read_at.is_(None))

    def unread_count(self, user_id: str) -> int:
        return self.session.scalar(select(func.count()).where(*self._unread_of(user_id))) or 0

    def mark_read(self, user_id: str, ids: list[str] | None) -> None:
        """The user's own notices only (`ids` None: all of them); already read ones keep their time."""
        query = update(Notification).where(*self._unread_of(user_id)).values(read_at=utcnow())
        if ids is not None:
            query = query.where(Notification.id.in_(ids))
        self.session.execute(query)

    def deliveries_page(self, event_id: str, before_id: str | None, limit: int) -> list[Delivery]:
        query = select(Delivery).where(Delivery.tenant_id == self.tenant_id)
        if event_id:
            query = query.where(Delivery.event_id == event_id)
        return keyset_page(self.session, query, Delivery.id, before_id, limit, newest_first=True)

    # --- campaigns ---
    def campaign_stats(self, campaign_ids: list[str]) -> dict[str, dict[str, int]]:
        """{campaign id: {status: count}} of the firm's deliveries of those campaigns."""
        rows = self.session.execute(
            select(Delivery.campaign_id, Delivery.status, func.count())
            .where(Delivery.tenant_id == self.tenant_id, Delivery.campaign_id.in_(campaign_ids))
            .group_by(Delivery.campaign_id, Delivery.status))
        stats: dict[str, dict[str, int]] = {}
        for campaign_id, status, count in rows:
            stats.setdefault(campaign_id, {})[status] = count
        return stats
    # --- end campaigns ---
