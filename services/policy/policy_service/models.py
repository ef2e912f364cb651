"""Policy's tables. Every row carries `tenant_id`; every query filters on it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Index, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Policy(Base):
    __tablename__ = "policies"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number", name="uq_policies_tenant_number"),
        Index("ix_policies_tenant_client", "tenant_id", "client_id", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(40))
    line: Mapped[str] = mapped_column(String(30))  # credit | surety | home | ...
    status: Mapped[str] = mapped_column(String(20))  # active | suspended | expired | cancelled
    currency: Mapped[str] = mapped_column(String(3))
    premium_minor: Mapped[int] = mapped_column(BigInteger)
    insured_limit_minor: Mapped[int] = mapped_column(BigInteger)
    starts_on: Mapped[date] = mapped_column(Date)
    ends_on: Mapped[date | None] = mapped_column(Date, nullable=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
