"""Queries of client imports and exports, always scoped to one tenant; and the export itself:
in this process through a server-side cursor into the workbook (`export_to_path`, the direct
download of a few thousand clients), or compiled to SQL and handed to a process of its own
(`export_spec` + `run_export_child`, the background job; `export_child.py` reads and writes)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import Date, Select, and_, delete, func, literal, select
from sqlalchemy.orm import Session, aliased

from clientarea.crm.v1 import crm_pb2 as pb
from crm_service.domain import exports as rules
from crm_service.export_child import BATCH
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


# --- the export in a process of its own ---------------------------------------------------------

class ExportChildError(RuntimeError):
    """The export's process failed; the message is its stderr."""


def export_spec(session: Session, tenant_id: str, selection: pb.ClientSelection, *, locale: str, path: Path,
                today: date) -> dict[str, Any]:
    """What `export_child` needs to write the selection's workbook to `path`: the database and
    `export_query` compiled for its dialect, the values bound as parameters (never rendered
    into the SQL). Any check of the selection (an unknown category) is raised here."""
    return compiled_spec(session, export_query(session, tenant_id, selection, today=today),
                         lang=rules.language(locale), path=path)


def compiled_spec(session: Session, query: Select, *, lang: str, path: Path) -> dict[str, Any]:
    """`query` (the columns of `export_query`) as the child's spec. `render_postcompile` expands
    the IN lists into one parameter per value."""
    engine = session.get_bind()
    compiled = query.compile(dialect=engine.dialect, compile_kwargs={"render_postcompile": True})
    values = compiled.params
    if engine.dialect.name == "postgresql":
        database = {"driver": "postgresql",
                    "conninfo": engine.url.set(drivername="postgresql").render_as_string(hide_password=False)}
        params: Any = {name: _tagged(value) for name, value in values.items()}
    elif engine.dialect.name == "sqlite" and engine.url.database not in (None, "", ":memory:"):
        database = {"driver": "sqlite", "path": os.path.abspath(engine.url.database)}
        params = [_tagged(values[name]) for name in compiled.positiontup or ()]
    else:
        raise ValueError(f"no export process for the {engine.dialect.name} database {engine.url.database!r}")
    date_columns = [i for i, column in enumerate(query.selected_columns) if isinstance(column.type, Date)]
    return {"database": database, "sql": compiled.string, "params": params, "date_columns": date_columns,
            "path": str(path), "lang": lang}


def _tagged(value: object) -> object:
    """A parameter as JSON: plain values as they are, dates and decimals tagged with their type."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return {"datetime": value.isoformat()}
    if isinstance(value, date):
        return {"date": value.isoformat()}
    if isinstance(value, Decimal):
        return {"decimal": str(value)}
    if isinstance(value, list | tuple):
        return [_tagged(v) for v in value]
    raise TypeError(f"cannot hand a {type(value).__name__} parameter to the export process")


def run_export_child(spec: Mapping[str, Any], *, env: Mapping[str, str] | None = None) -> dict[str, Any]:
    """Run `python -m crm_service.export_child` on `spec` (a new interpreter, not a fork of this
    one: it loads only what the export needs); its answer (`rows`, `seconds`, `peak_rss_mib`).
    The spec goes on stdin: it holds the database's password."""
    done = subprocess.run([sys.executable, "-m", "crm_service.export_child"], input=json.dumps(spec),
                          capture_output=True, text=True, env=None if env is None else dict(env), check=False)
    if done.returncode != 0:
        raise ExportChildError(done.stderr.strip()[-2000:] or f"the export process exited {done.returncode}")
    return json.loads(done.stdout)
