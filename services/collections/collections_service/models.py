"""Collections' tables. Every row carries `tenant_id`; every query filters on it."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import BigInteger, Date, Index, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Case(Base):
    """A debt-collection case or an administrative/legal process run for a client."""

    __tablename__ = "cases"
    __table_args__ = (
        UniqueConstraint("tenant_id", "number", name="uq_cases_tenant_number"),
        Index("ix_cases_tenant_client", "tenant_id", "client_id", "id"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    tenant_id: Mapped[str] = mapped_column(String(36))
    client_id: Mapped[str] = mapped_column(String(36))
    number: Mapped[str] = mapped_column(String(40))  # the process number used for quick access
    kind: Mapped[str] = mapped_column(String(20))  # debt | process
    status: Mapped[str] = mapped_column(String(20))  # open | closed
    phase: Mapped[str] = mapped_column(String(40))
    debtor_name: Mapped[str] = mapped_column(String(250), default="")
    debtor_tax_id_type: Mapped[str] = mapped_column(String(20), default="")
    debtor_tax_id: Mapped[str] = mapped_column(String(32), default="")
    currency: Mapped[str] = mapped_column(String(3))
    amount_minor: Mapped[int] = mapped_column(BigInteger)
    opened_on: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    # Quick access: the scrypt hash of the access key e-mailed to the client (access_keys.py);
    # empty while the case has none. Never the key itself.
    access_key_hash: Mapped[str] = mapped_column(String(200), default="", server_default="")
    access_key_issued_at: Mapped[datetime | None] = mapped_column(UTCDateTime, nullable=True)
