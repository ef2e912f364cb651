"""Importing clients from a CSV or .xlsx file, and exporting the client list to .xlsx (staff).

Import: `POST /client-imports` (multipart/form-data, `file`) answers a preview (the first rows
mapped, every row's problems, the counts); `POST /client-imports/{id}/confirm {mode}` writes
(`all`: only if every row is valid; `valid_only`: the valid ones) and answers the report;
`GET /client-imports/template.xlsx` is the template. crm checks and keeps the batch.

Export: up to the direct limit (`POST /client-exports/count` says it) the file comes straight
back (`POST /client-exports/file {selection}`, or `GET /clients/export.xlsx?<filter>`); larger
selections are a job (`POST /client-exports`), polled with `GET /client-exports/{id}` and
downloaded from `GET /client-exports/{id}/file`, streamed chunk by chunk from crm.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Literal

from flask import Response, g, stream_with_context
from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2
from clientarea_shared.context import Principal, current_principal, request_context
from clientarea_shared.errors import Invalid
from gateway.api import operation
from gateway.routes.client_filter import ClientFilterIn, SelectionIn
from gateway.services import call, services
from gateway.uploads import MiB, content_disposition, one_file, parse_form

IMPORT_REQUEST_MAX = 6 * MiB  # a 5 MiB file and the form
SLOW_CALL_SECONDS = 120  # checking 10,000 rows, or writing a 5,000-row workbook, takes seconds


class ImportForm(BaseModel):
    model_config = ConfigDict(extra="forbid")
    preview_rows: int = Field(default=50, ge=1, le=500)


class ImportRowError(BaseModel):
    row: int = Field(description="The row number in the file (the header is row 1)")
    field: str = Field(description="The column's field (tax_id, phone, postal_code...) or the file's")
    code: str
    message: str


class ImportRow(BaseModel):
    row: int
    values: dict[str, str]
    valid: bool


class ImportOut(BaseModel):
    id: str
    file_name: str
    status: str = Field(description="previewed | imported | discarded | expired")
    row_count: int
    valid_count: int
    invalid_count: int
    columns: list[str]
    rows: list[ImportRow] = Field(description="The first rows, mapped to the clients' fields")
    errors: list[ImportRowError] = Field(description="Every problem of every row")
    created_at: str
    expires_at: str
    uploaded_by: str


class ConfirmIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    mode: Literal["all", "valid_only"]


class ReportOut(BaseModel):
    id: str
    created: int
    client_ids: list[str]
    skipped: list[ImportRowError]


def error_out(error: crm_pb2.ImportRowError) -> ImportRowError:
    return ImportRowError(row=error.row, field=error.field, code=error.code, message=error.message)


def import_out(batch: crm_pb2.ClientImport) -> ImportOut:
    invalid = len({e.row for e in batch.errors})
    return ImportOut(
        id=batch.id, file_name=batch.file_name, status=batch.status, row_count=batch.row_count,
        valid_count=batch.valid_count, invalid_count=invalid, columns=list(batch.columns),
        rows=[ImportRow(row=r.row, values=dict(r.values), valid=r.valid) for r in batch.rows],
        errors=[error_out(e) for e in batch.errors], created_at=batch.created_at, expires_at=batch.expires_at,
        uploaded_by=batch.uploaded_by)


def file_download(chunk: crm_pb2.FileChunk) -> Response:
    response = Response(chunk.content, mimetype=chunk.content_type or "application/octet-stream")
    response.headers["Content-Disposition"] = content_disposition("attachment", chunk.file_name)
    response.headers["Cache-Control"] = "private, no-store"
    return response


# --- import -------------------------------------------------------------------------------------------

@operation("/client-imports", "POST", summary="Staff: upload a CSV or .xlsx file of clients (multipart/form-data, "
           "`file`, at most 5 MiB and 10,000 rows) and get its preview: rows mapped, problems per row, counts",
           tag="clients", response=ImportOut, status=201, errors=(422, 403, 413))
def preview_import():  # noqa: ANN201
    form = parse_form(ImportForm, IMPORT_REQUEST_MAX)
    file = one_file("file")
    if file is None:
        raise Invalid.field("file", "required", "Choose a CSV or .xlsx file")
    return import_out(call(services().crm.PreviewClientImport, crm_pb2.PreviewClientImportRequest(
        file_name=file.file_name, content=file.content, preview_rows=form.preview_rows), timeout=SLOW_CALL_SECONDS))


@operation("/client-imports/template.xlsx", "GET", summary="Staff: the import template (.xlsx)", tag="clients")
def import_template():  # noqa: ANN201
    return file_download(call(services().crm.GetClientImportTemplate,
                              crm_pb2.GetClientImportTemplateRequest(locale=g.get("locale", "es"))))


@operation("/client-imports/{import_id}", "GET", summary="Staff: an import's preview and state", tag="clients",
           response=ImportOut, errors=(404,))
def get_import(import_id: str):  # noqa: ANN201
    return import_out(call(services().crm.GetClientImport, crm_pb2.GetClientImportRequest(id=import_id)))


@operation("/client-imports/{import_id}/confirm", "POST", summary="Staff: import the batch, once, in one "
           "transaction: `all` (refused with the rows' problems if any is invalid) or `valid_only`",
           tag="clients", body=ConfirmIn, response=ReportOut, errors=(422, 404, 409))
def confirm_import(import_id: str, body: ConfirmIn):  # noqa: ANN201
    report = call(services().crm.ConfirmClientImport, crm_pb2.ConfirmClientImportRequest(
        id=import_id, mode=body.mode), timeout=SLOW_CALL_SECONDS)
    return ReportOut(id=report.id, created=report.created, client_ids=list(report.client_ids),
                     skipped=[error_out(e) for e in report.skipped])


# --- export -------------------------------------------------------------------------------------------

class CountOut(BaseModel):
    count: int
    direct_limit: int = Field(description="Up to this many clients the file is downloaded at once; more: a job")


class ExportOut(BaseModel):
    id: str
    status: str = Field(description="queued | running | done | failed | expired")
    rows: int
    error: str
    created_at: str
    finished_at: str | None
    expires_at: str
    file_name: str | None


class ExportsOut(BaseModel):
    items: list[ExportOut]


def export_out(job: crm_pb2.ClientExport) -> ExportOut:
    return ExportOut(id=job.id, status=job.status, rows=job.rows, error=job.error, created_at=job.created_at,
                     finished_at=job.finished_at or None, expires_at=job.expires_at, file_name=job.file_name or None)


def export_request(selection: crm_pb2.ClientSelection) -> crm_pb2.ExportClientsRequest:
    return crm_pb2.ExportClientsRequest(selection=selection, locale=g.get("locale", "es"))


@operation("/client-exports/count", "POST", summary="Staff: how many clients a selection has, and the direct "
           "download's limit", tag="clients", body=SelectionIn, response=CountOut, errors=(422,))
def count_selection(body: SelectionIn):  # noqa: ANN201
    answer = call(services().crm.CountClientSelection,
                  crm_pb2.CountClientSelectionRequest(selection=body.message()))
    return CountOut(count=answer.count, direct_limit=answer.direct_limit)


@operation("/client-exports/file", "POST", summary="Staff: the selection as .xlsx, at once (up to the direct "
           "limit; more: 412 export_too_large, start a job)", tag="clients", body=SelectionIn, errors=(422, 412))
def export_file(body: SelectionIn):  # noqa: ANN201
    return file_download(call(services().crm.ExportClients, export_request(body.message()),
                              timeout=SLOW_CALL_SECONDS))


@operation("/clients/export.xlsx", "GET", summary="Staff: the clients matching the list's filters as .xlsx "
           "(up to the direct limit)", tag="clients", query=ClientFilterIn, errors=(422, 412))
def export_filtered(query: ClientFilterIn):  # noqa: ANN201
    selection = crm_pb2.ClientSelection(filter=query.message())
    return file_download(call(services().crm.ExportClients, export_request(selection), timeout=SLOW_CALL_SECONDS))


@operation("/client-exports", "POST", summary="Staff: export a large selection in the background; poll the job",
           tag="clients", body=SelectionIn, response=ExportOut, status=202, errors=(422,))
def start_export(body: SelectionIn):  # noqa: ANN201
    return export_out(call(services().crm.StartClientExport, export_request(body.message())))


@operation("/client-exports", "GET", summary="Staff: my exports, newest first", tag="clients", response=ExportsOut)
def list_exports():  # noqa: ANN201
    answer = call(services().crm.ListClientExports, crm_pb2.ListClientExportsRequest())
    return ExportsOut(items=[export_out(j) for j in answer.items])


@operation("/client-exports/{export_id}", "GET", summary="Staff: an export job's state (its requester and the "
           "firm's admins)", tag="clients", response=ExportOut, errors=(404,))
def get_export(export_id: str):  # noqa: ANN201
    return export_out(call(services().crm.GetClientExport, crm_pb2.GetClientExportRequest(id=export_id)))


def _chunks(export_id: str, first: crm_pb2.FileChunk, principal: Principal | None) -> Iterator[bytes]:
    """The file, chunk after chunk: each next chunk is asked of crm as the response is sent, with
    the caller's identity (the view's request context is gone by then)."""
    locale = g.get("locale", "es")
    chunk = first
    yield chunk.content
    while chunk.next_offset < chunk.total_size and chunk.content:
        with request_context(principal, g.get("request_id", ""), locale):
            chunk = call(services().crm.DownloadClientExport,
                         crm_pb2.DownloadClientExportRequest(id=export_id, offset=chunk.next_offset))
        yield chunk.content


@operation("/client-exports/{export_id}/file", "GET", summary="Staff: a finished export's .xlsx (its requester "
           "and the firm's admins)", tag="clients", errors=(404, 412))
def download_export(export_id: str):  # noqa: ANN201
    first = call(services().crm.DownloadClientExport, crm_pb2.DownloadClientExportRequest(id=export_id))
    chunks = _chunks(export_id, first, current_principal())
    response = Response(stream_with_context(chunks), mimetype=first.content_type)
    response.headers["Content-Disposition"] = content_disposition("attachment", first.file_name)
    response.headers["Content-Length"] = str(first.total_size)
    response.headers["Cache-Control"] = "private, no-store"
    return response
