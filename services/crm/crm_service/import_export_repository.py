"""Queries of client imports and exports, always scoped to one tenant; and the export itself
(the query read through a server-side cursor into the workbook), kept free of the service's
runtime so that the benchmark runs exactly this code in a lean process."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from sqlalchemy import Select, and_, delete, func, literal, select
from sqlalchemy.orm import Session, aliased

from clientarea.crm.v1 import crm_pb2 as pb
from crm_service.domain import exports as rules
from crm_service.export_workbook import write_xlsx
from crm_service.models import (
    Category,
    Client,
    ClientAddress,
    ClientExport,
    ClientImport,
    client_category_links,
)
from crm_service.search_repository import selected_clients

_IN_CHUNK = 1000
BATCH = 500  # rows per fetch of the export's server-side cursor: 2,000 cost 3 MiB more and no time


class ImportExportRepository:
    def __init__(self, session: Session, tenant_id: str):
        self.session = session
        self.tenant_id = tenant_id

    def categories_by_key(self) -> dict[str, Category]:
        """The firm's categories by name key (lower case, no accents), to read names in a file."""
        rows = self.session.scalars(select(Category).where(Category.tenant_id == self.tenant_id))
        return {c.name_key: c for c in rows}

    def existing_tax_ids(self, tax_ids: Iterable[str]) -> set[str]:
        wanted, found = sorted(set(tax_ids)), set()
        for start in range(0, len(wanted), _IN_CHUNK):
            found.update(self.session.scalars(select(Client.tax_id).where(
                Client.tenant_id == self.tenant_id, Client.tax_id.in_(wanted[start:start + _IN_CHUNK]))))
        return found

    def add_import(self, batch: ClientImport) -> None:
        self.session.add(batch)

    def get_import(self, import_id: str, *, for_update: bool = False) -> ClientImport | None:
        query = select(ClientImport).where(ClientImport.tenant_id == self.tenant_id, ClientImport.id == import_id)
        if for_update:
            query = query.with_for_update()
        return self.session.scalars(query).first()

    def forget_old_imports(self, before: datetime) -> None:
        """Delete batches that expired before `before`: their rows are personal data no one will confirm."""
        self.session.execute(delete(ClientImport).where(ClientImport.tenant_id == self.tenant_id,
                                                        ClientImport.expires_at < before))

    def add_export(self, job: ClientExport) -> None:
        self.session.add(job)

    def get_export(self, export_id: str, *, for_update: bool = False) -> ClientExport | None:
        query = select(ClientExport).where(ClientExport.tenant_id == self.tenant_id, ClientExport.id == export_id)
        if for_update:
            query = query.with_for_update()
        return self.session.scalars(query).first()

    def exports_of(self, user_id: str, limit: int = 20) -> list[ClientExport]:
        return list(self.session.scalars(
            select(ClientExport).where(ClientExport.tenant_id == self.tenant_id, ClientExport.requested_by == user_id)
            .order_by(ClientExport.created_at.desc(), ClientExport.id.desc()).limit(limit)))


def expired_exports(session: Session, now: datetime, *, skip_locked: bool = False) -> list[ClientExport]:
    """Every firm's finished exports past their expiry that still hold a file (the clean-up job),
    locked for update; with `skip_locked` (PostgreSQL), those locked by another clean-up are left."""
    query = select(ClientExport).where(ClientExport.expires_at < now, ClientExport.blob_key.is_not(None))
    return list(session.scalars(query.with_for_update(skip_locked=True) if skip_locked else query))


# --- the export ------------------------------------------------------------------------------------

def export_query(session: Session, tenant_id: str, selection: pb.ClientSelection, *, today: date) -> Select:
    """The selected clients with their main address and categories, one row each, by name."""
    picked = selected_clients(session, tenant_id, selection, today=today).subquery()
    main = aliased(ClientAddress)
    separator = literal(rules.CATEGORY_SEPARATOR)
    names = func.string_agg(Category.name, separator) if session.get_bind().dialect.name == "postgresql" \
        else func.group_concat(Category.name, separator)
    categories = (select(names).select_from(client_category_links)
                  .join(Category, Category.id == client_category_links.c.category_id)
                  .where(client_category_links.c.client_id == picked.c.id).scalar_subquery())
    c = picked.c
    return (select(c.id, c.kind, c.display_name, c.tax_id, c.email, c.phone, c.birth_date, c.salesperson_id,
                   c.salesperson_name, c.portal_user_id, c.alert_email_collections, c.alert_email_renewals,
                   c.alert_sms_collections, c.alert_sms_renewals, main.street, main.number, main.floor_door,
                   main.postal_code, main.city, categories.label("categories"))
            .outerjoin(main, and_(main.client_id == c.id, main.is_main))
            .order_by(c.sort_name, c.id))


def export_to_path(session: Session, tenant_id: str, selection: pb.ClientSelection, *, locale: str, path: Path,
                   today: date) -> int:
    """Write the selection's workbook to `path`; the number of clients. The rows come through a
    server-side cursor in batches of BATCH, so neither side holds the whole list."""
    lang = rules.language(locale)
    query = export_query(session, tenant_id, selection, today=today)
    # Core rows (plain tuples) from the session's connection: the ORM's row loading is not needed.
    result = session.connection().execute(query.execution_options(yield_per=BATCH))
    row_cells = rules.row_cells
    return write_xlsx((row_cells(row, lang) for row in result.tuples()), path, lang)
