"""Client imports: a CSV or .xlsx file → a preview batch → confirmed once → a report.

Every row is checked with the same rules as a create (`validate_client`, `check_references`), plus
duplicates of the document number within the file and against the firm's clients. Categories
are named in the file (the firm's, case and accents aside) and the salesperson by name (an
active colleague, from identity's staff directory, asked once per file). The batch is kept for
`BATCH_TTL`; confirming it checks every row again (the firm's data may have changed since) and
writes in ONE transaction: `all` only when every row is valid, `valid_only` the valid rows; a
row failing at write time (a race on a document number) refuses the whole import.
"""

from __future__ import annotations

import dataclasses
import io
from dataclasses import dataclass
from datetime import timedelta

import grpc
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.context import Principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound, from_rpc_error
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import CSV, XLSX, safe_display_name, sniff_type, upload_problems
from clientarea_shared.text import normalise_text
from crm_service.domain import imports as rules
from crm_service.domain.clients import ClientData, validate_client
from crm_service.handlers.clients import DUPLICATE_TAX_ID, References, check_references
from crm_service.handlers.history import record_changes
from crm_service.import_export_repository import ImportExportRepository
from crm_service.models import Category, ClientImport
from crm_service.repository import ClientRepository

BATCH_TTL = timedelta(hours=24)
FORGET_AFTER = timedelta(days=7)
MODES = ("all", "valid_only")
# A refusal's errors travel in the gRPC status (trailing metadata, a few KiB at most): the first
# ones are answered, the preview lists them all.
MAX_REFUSAL_ERRORS = 50
XLSX_TYPE = XLSX.mime


@dataclass(frozen=True)
class CheckedRow:
    row: int
    data: ClientData
    refs: References


@dataclass
class Checked:
    valid: list[CheckedRow]
    errors: list[FieldError]  # field = "<row>.<column>"; see row_error()


def row_error(row: int, error: FieldError) -> FieldError:
    return FieldError(f"{row}.{rules.column_of(error.field)}", error.code, error.message)


def split_field(field: str) -> tuple[int, str]:
    row, _, column = field.partition(".")
    return int(row), column


# --- resolving names to the firm's records --------------------------------------------------------

class Names:
    """The firm's categories and active colleagues by name, read once per file."""

    def __init__(self, runtime: Runtime, session: Session, principal: Principal, rows: list[dict]):
        self.categories: dict[str, Category] = ImportExportRepository(session, principal.tenant_id).categories_by_key()
        self.staff: dict[str, list[identity_pb2.StaffDirectoryEntry]] = {}
        if any(r["values"].get("salesperson") for r in rows):
            for entry in _staff_directory(runtime):
                if entry.active:
                    self.staff.setdefault(normalise_text(entry.display_name), []).append(entry)

    def category_ids(self, raw: str) -> tuple[tuple[str, ...], list[FieldError]]:
        ids, errors = [], []
        for name in rules.split_list(raw):
            found = self.categories.get(normalise_text(" ".join(name.split())))
            if found is None:
                errors.append(FieldError("categories", "unknown", f"The firm has no category {name[:60]}"))
            else:
                ids.append(found.id)
        return tuple(dict.fromkeys(ids)), errors

    def salesperson(self, raw: str) -> tuple[identity_pb2.StaffDirectoryEntry | None, list[FieldError]]:
        if not raw.strip():
            return None, []
        found = self.staff.get(normalise_text(" ".join(raw.split())), [])
        if len(found) > 1:
            return None, [FieldError("salesperson", "ambiguous", "Several colleagues have this name")]
        if not found:
            return None, [FieldError("salesperson", "unknown", "Name an active staff user of the firm")]
        return found[0], []


def _staff_directory(runtime: Runtime) -> list[identity_pb2.StaffDirectoryEntry]:
    identity = identity_pb2_grpc.IdentityServiceStub(runtime.channels.get("identity"))
    try:
        return list(identity.ListStaffDirectory(identity_pb2.ListStaffDirectoryRequest()).items)
    except grpc.RpcError as exc:
        raise from_rpc_error(exc) from exc


# --- checking rows ----------------------------------------------------------------------------------

def _check_row(runtime: Runtime, session: Session, principal: Principal, names: Names,
               row: dict) -> tuple[CheckedRow | None, list[FieldError]]:
    values = row["values"]
    category_ids, errors = names.category_ids(values.get("categories", ""))
    colleague, salesperson_errors = names.salesperson(values.get("salesperson", ""))
    errors.extend(salesperson_errors)
    # The salesperson was found in the directory just read: the data goes to check_references
    # without it, so identity is not asked again once per row.
    raw = rules.row_input(values, category_ids=category_ids, salesperson_id="")
    try:
        data = validate_client(raw)
    except Invalid as exc:
        return None, errors + exc.errors
    try:
        refs = check_references(runtime, session, principal, data)
    except Invalid as exc:
        return None, errors + exc.errors
    if errors:
        return None, errors
    if colleague is not None:
        data = dataclasses.replace(data, salesperson_id=colleague.id)
        refs.salesperson_name = colleague.display_name
    return CheckedRow(row["row"], data, refs), []


def check_rows(runtime: Runtime, session: Session, principal: Principal, rows: list[dict]) -> Checked:
    """Every row checked as a create would be, and no document number twice (in the file or the firm)."""
    names = Names(runtime, session, principal, rows)
    checked = Checked([], [])
    first_row_of: dict[str, int] = {}
    for row in rows:
        good, problems = _check_row(runtime, session, principal, names, row)
        checked.errors.extend(row_error(row["row"], p) for p in problems)
        if good is None:
            continue
        if good.data.tax_id in first_row_of:
            checked.errors.append(row_error(good.row, FieldError(
                "tax_id", "duplicate_in_file", f"The same document number is in row {first_row_of[good.data.tax_id]}")))
            continue
        first_row_of[good.data.tax_id] = good.row
        checked.valid.append(good)
    existing = ImportExportRepository(session, principal.tenant_id).existing_tax_ids(first_row_of)
    if existing:
        for good in [g for g in checked.valid if g.data.tax_id in existing]:
            checked.errors.append(row_error(good.row, FieldError("tax_id", "duplicate", DUPLICATE_TAX_ID)))
        checked.valid = [g for g in checked.valid if g.data.tax_id not in existing]
    checked.errors.sort(key=lambda e: split_field(e.field)[0])
    return checked


# --- messages -----------------------------------------------------------------------------------

def error_message(error: dict) -> pb.ImportRowError:
    return pb.ImportRowError(row=error["row"], field=error["field"], code=error["code"], message=error["message"])


def error_dict(error: FieldError) -> dict:
    row, column = split_field(error.field)
    return {"row": row, "field": column, "code": error.code, "message": error.message}


def status_of(batch: ClientImport) -> str:
    return "expired" if batch.status == "previewed" and batch.expires_at <= utcnow() else batch.status


def import_message(batch: ClientImport, preview_rows: int) -> pb.ClientImport:
    limit = min(preview_rows or rules.PREVIEW_ROWS, rules.MAX_PREVIEW_ROWS)
    bad_rows = {e["row"] for e in batch.errors}
    return pb.ClientImport(
        id=batch.id, file_name=batch.file_name, status=status_of(batch), row_count=batch.row_count,
        valid_count=batch.valid_count, columns=batch.columns,
        rows=[pb.ImportRow(row=r["row"], values=r["values"], valid=r["row"] not in bad_rows)
              for r in batch.rows[:limit]],
        errors=[error_message(e) for e in batch.errors], created_at=batch.created_at.isoformat(timespec="seconds"),
        expires_at=batch.expires_at.isoformat(timespec="seconds"), uploaded_by=batch.uploaded_by_name,
    )


# --- RPCs -----------------------------------------------------------------------------------------

def parse_upload(file_name: str, content: bytes) -> rules.ParsedFile:
    problems = upload_problems(file_name, content, max_bytes=rules.MAX_BYTES, allowed=(CSV, XLSX))
    if problems:
        raise Invalid(errors=problems)
    kind = sniff_type(content[:8192], ".csv")
    return rules.parse_file("xlsx" if kind == XLSX else "csv", content)


def preview(runtime: Runtime, request: pb.PreviewClientImportRequest) -> pb.ClientImport:
    principal = require(Permission.CLIENTS_WRITE)
    parsed = parse_upload(request.file_name, request.content)
    rows = [{"row": r.row, "values": r.values} for r in parsed.rows]
    now = utcnow()
    with runtime.db.session() as session:
        checked = check_rows(runtime, session, principal, rows)
        repo = ImportExportRepository(session, principal.tenant_id)
        repo.forget_old_imports(now - FORGET_AFTER)
        batch = ClientImport(
            id=new_id(), tenant_id=principal.tenant_id, uploaded_by=principal.user_id,
            uploaded_by_name=principal.display_name[:200], file_name=safe_display_name(request.file_name)[:200],
            status="previewed", row_count=len(rows), valid_count=len(checked.valid), created_count=0,
            columns=list(parsed.columns), rows=rows, errors=[error_dict(e) for e in checked.errors],
            created_at=now, expires_at=now + BATCH_TTL,
        )
        repo.add_import(batch)
        return import_message(batch, request.preview_rows)


def get(runtime: Runtime, request: pb.GetClientImportRequest) -> pb.ClientImport:
    principal = require(Permission.CLIENTS_WRITE)
    with runtime.db.read() as session:
        batch = ImportExportRepository(session, principal.tenant_id).get_import(request.id)
        if batch is None:
            raise NotFound("Import not found")
        return import_message(batch, request.preview_rows)


def _confirmable(batch: ClientImport | None, mode: str) -> ClientImport:
    if batch is None:
        raise NotFound("Import not found")
    if mode not in MODES:
        raise Invalid.field("mode", "invalid", "Choose all or valid_only")
    status = status_of(batch)
    if status == "expired":
        raise Conflict("This import expired: upload the file again", "import_expired")
    if status != "previewed":
        raise Conflict("This import was already confirmed", "import_done")
    return batch


def _write(session: Session, principal: Principal, rows: list[CheckedRow]) -> list[str]:
    repo = ClientRepository(session, principal.tenant_id)
    created = []
    for good in rows:
        try:
            client = repo.add(good.data, categories=good.refs.categories, salesperson_name=good.refs.salesperson_name)
        except IntegrityError as exc:
            # Another save took the document number since the check: the whole import is refused.
            raise Conflict(DUPLICATE_TAX_ID, "duplicate_tax_id",
                           [FieldError(f"rows.{good.row}.tax_id", "duplicate", DUPLICATE_TAX_ID)]) from exc
        record_changes(session, tenant_id=principal.tenant_id, client_id=client.id, entity="client",
                       entity_id=client.id, label=client.display_name, before={}, after=good.refs.snapshot(good.data),
                       actor=principal)
        created.append(client.id)
    return created


def confirm(runtime: Runtime, request: pb.ConfirmClientImportRequest) -> pb.ClientImportReport:
    principal = require(Permission.CLIENTS_WRITE)
    with runtime.db.session() as session:
        repo = ImportExportRepository(session, principal.tenant_id)
        batch = _confirmable(repo.get_import(request.id, for_update=True), request.mode)
        checked = check_rows(runtime, session, principal, batch.rows)
        if checked.errors and request.mode == "all":
            raise Invalid(f"{len(checked.errors)} problems in the rows: nothing was imported", code="import_invalid",
                          errors=[FieldError(f"rows.{e.field}", e.code, e.message)
                                  for e in checked.errors[:MAX_REFUSAL_ERRORS]])
        if not checked.valid:
            raise Invalid.field("mode", "nothing_valid", "No row is valid: nothing to import")
        created = _write(session, principal, checked.valid)
        batch.status, batch.created_count, batch.finished_at = "imported", len(created), utcnow()
        batch.valid_count, batch.errors = len(checked.valid), [error_dict(e) for e in checked.errors]
        return pb.ClientImportReport(id=batch.id, created=len(created), client_ids=created,
                                     skipped=[error_message(e) for e in batch.errors])


def template(request: pb.GetClientImportTemplateRequest) -> pb.FileChunk:
    """The template workbook: the header row in Spanish (English for en and pt readers) and, on
    a second sheet, two example rows (kept apart so that they are never imported by mistake)."""
    require(Permission.CLIENTS_WRITE)
    import xlsxwriter

    headers = rules.TEMPLATE_HEADERS["en" if request.locale in ("en", "pt") else "es"]
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    bold = workbook.add_format({"bold": True})
    for sheet_name, rows in (("Clientes", ()), ("Ejemplo", rules.TEMPLATE_EXAMPLES)):
        sheet = workbook.add_worksheet(sheet_name)
        sheet.write_row(0, 0, headers, bold)
        sheet.set_column(0, len(headers) - 1, 18)
        for index, row in enumerate(rows, start=1):
            sheet.write_row(index, 0, row)
    workbook.close()
    return pb.FileChunk(content=buffer.getvalue(), file_name="plantilla-clientes.xlsx", content_type=XLSX_TYPE)
