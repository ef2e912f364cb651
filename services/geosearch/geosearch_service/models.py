"""Geosearch's tables: the company directory.

The directory is reference data licensed to the platform, the same for every firm, so its
rows carry no `tenant_id`; who may search it is still checked on every call.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, Index, String, UniqueConstraint
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

from clientarea_shared.db import UTCDateTime, new_metadata
from clientarea_shared.plumbing import plumbing_tables


class Base(DeclarativeBase):
    metadata = new_metadata()


PLUMBING = plumbing_tables(Base.metadata)


class Company(Base):
    __tablename__ = "companies"
    __table_args__ = (
        UniqueConstraint("tax_id_type", "tax_id", name="uq_companies_tax_id"),
        Index("ix_companies_lat_lon", "latitude", "longitude"),
        Index("ix_companies_sector", "sector"),
    )
    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    name: Mapped[str] = mapped_column(String(250))
    search_text: Mapped[str] = mapped_column(String(600))  # normalised name and tax id
    tax_id_type: Mapped[str] = mapped_column(String(20))
    tax_id: Mapped[str] = mapped_column(String(32))
    sector: Mapped[str] = mapped_column(String(60))
    size: Mapped[str] = mapped_column(String(10))  # micro | small | medium | large
    revenue_band: Mapped[str] = mapped_column(String(30))
    rating: Mapped[str] = mapped_column(String(5))
    latitude: Mapped[float] = mapped_column(Float)  # WGS84 degrees: coordinates, not money
    longitude: Mapped[float] = mapped_column(Float)
    address_line1: Mapped[str] = mapped_column(String(200), default="")
    postal_code: Mapped[str] = mapped_column(String(10), default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    region: Mapped[str] = mapped_column(String(100), default="")
    country: Mapped[str] = mapped_column(String(2), default="ES")
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
