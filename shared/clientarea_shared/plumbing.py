"""Tables every service has for its events: the outbox and the processed-event ledger.

Services add them to their own MetaData with `plumbing_tables(metadata)`; Alembic's
autogenerate then writes them into the service's migrations like any other table.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Column, Integer, LargeBinary, MetaData, String, Table, Text

from clientarea_shared.db import UTCDateTime


@dataclass(frozen=True)
class PlumbingTables:
    outbox: Table
    processed_events: Table


def _outbox_columns() -> list:
    return [
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("event_id", String(36), nullable=False, unique=True),
        Column("tenant_id", String(36), nullable=False),
        Column("routing_key", String(200), nullable=False),
        Column("body", LargeBinary, nullable=False),
        Column("headers", Text, nullable=False, server_default="{}"),
        Column("created_at", UTCDateTime, nullable=False),
        Column("published_at", UTCDateTime, nullable=True, index=True),
    ]


def _processed_columns() -> list:
    return [
        Column("consumer", String(100), primary_key=True),
        Column("event_id", String(36), primary_key=True),
        Column("processed_at", UTCDateTime, nullable=False),
    ]


def plumbing_tables(metadata: MetaData) -> PlumbingTables:
    return PlumbingTables(
        outbox=Table("outbox", metadata, *_outbox_columns()),
        processed_events=Table("processed_events", metadata, *_processed_columns()),
    )
