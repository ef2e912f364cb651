"""Notification's tables: deliveries over external channels, and the in-app inbox."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Delivery(Base):
    """One message to one recipient over one channel, with its sending status."""

    __tablename__ = "deliveries"
    __table_args__ = (Index("ix_deliveries_tenant_created", "tenant_id", "created_at"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    event_id: Mapped[str] = mapped_column(String(36), index=True)
    channel: Mapped[str] = mapped_column(String(20))  # email | sms | voice
    recipient: Mapped[str] = mapped_column(String(254))
    template: Mapped[str] = mapped_column(String(50))
    locale: Mapped[str] = mapped_column(String(10))
    subject: Mapped[str] = mapped_column(String(250), default="")
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(20), default="pending")  # pending|sent|failed
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    last_error: Mapped[str] = mapped_column(String(500), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
    # --- campaigns ---
    # crm's campaign the delivery is part of (template "campaign"); null for every other message.
    campaign_id: Mapped[str | None] = mapped_column(String(36), nullable=True, index=True)
    # --- end campaigns ---


class Notification(Base):
    """An in-app notice for one user."""

    __tablename__ = "notifications"
    __table_args__ = (Index("ix_notifications_user", "tenant_id", "user_id", "id"),)
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    user_id: Mapped[str] = mapped_column(String(36))
    title: Mapped[str] = mapped_column(String(250))
    body: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    read_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
