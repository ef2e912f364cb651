"""CRM's tables. Every row carries `tenant_id`; every query filters on it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, Index, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Client(Base):
    __tablename__ = "clients"
    __table_args__ = (
        UniqueConstraint("tenant_id", "tax_id", name="uq_clients_tenant_tax_id"),
        Index("ix_clients_tenant_id_id", "tenant_id", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    kind: Mapped[str] = mapped_column(String(20))  # person | company | consortium
    first_name: Mapped[str] = mapped_column(String(100), default="")
    last_name: Mapped[str] = mapped_column(String(150), default="")
    legal_name: Mapped[str] = mapped_column(String(250), default="")
    display_name: Mapped[str] = mapped_column(String(250))
    # Lower-case, accent-free copy of names, e-mail, tax id and phone for free-text search.
    search_text: Mapped[str] = mapped_column(String(1000), default="")
    tax_id_type: Mapped[str] = mapped_column(String(20))
    tax_id: Mapped[str] = mapped_column(String(32))
    email: Mapped[str] = mapped_column(String(254), default="")
    phone: Mapped[str] = mapped_column(String(20), default="")
    birth_date: Mapped[date | None] = mapped_column(Date, nullable=True)
    locale: Mapped[str] = mapped_column(String(10), default="es")
    portal_user_id: Mapped[str | None] = mapped_column(String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
