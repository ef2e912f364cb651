"""Client exports: the selected clients as an .xlsx workbook.

The selection (`search_repository.selected_clients`: the ids picked or the filter's matches) is
read with a server-side cursor (rows arrive in batches, never all at once) and written by
xlsxwriter in constant-memory mode into a temporary file; an .xlsx is a zip, so it can only be
sent once finished. Up to `direct_limit` clients the file is written in crm's own process and
streamed straight back (`ExportClients`: a few hundred KiB, no process to start); larger
selections are a background job (`StartClientExport`, Celery task in tasks.py) that compiles the
query here and writes the file in a lean process of its own (`crm_service.export_child`: the
worker does not grow by an export, and the export's memory goes back to the system when it
ends), whose file is kept in blob storage for
`EXPORT_TTL` and downloaded, chunk by chunk, by the requester or the firm's admins. A finished
job tells its requester (`crm.client_export_ready`: an in-app notice by notification, in the
job's transaction); `ExportCleanup` removes expired files every `CRM_EXPORT_CLEANUP_SECONDS`.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from datetime import date, timedelta
from pathlib import Path

from google.protobuf import json_format
from pydantic_settings import BaseSettings, SettingsConfigDict
from sqlalchemy.orm import Session

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import ADMIN, Principal
from clientarea_shared.db import Database, new_id, utcnow
from clientarea_shared.errors import FailedPrecondition, Invalid, NotFound
from clientarea_shared.events import BackgroundLoop, record_event
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import BlobStore
from crm_service.blobs import blob_store, discard
from crm_service.domain import exports as rules
from crm_service.import_export_repository import (
    ImportExportRepository,
    expired_exports,
    export_spec,
    export_to_path,
    run_export_child,
)
from crm_service.models import PLUMBING, ClientExport
from crm_service.search_repository import count_of, selected_clients

log = logging.getLogger(__name__)
CHUNK = 1024 * 1024  # a download chunk, well under gRPC's message cap
EXPORT_TTL = timedelta(days=3)
MAX_EXPORT_BYTES = 512 * 1024 * 1024
READY_EVENT = "crm.client_export_ready"


class ExportSettings(BaseSettings):
    """`CRM_EXPORT_DIRECT_LIMIT`: up to how many clients an export is streamed straight back;
    `CRM_EXPORT_CLEANUP_SECONDS`: how often expired exports' files are removed."""

    model_config = SettingsConfigDict(env_prefix="crm_export_", extra="ignore")

    direct_limit: int = 5000
    cleanup_seconds: float = 3600.0


def direct_limit() -> int:
    return ExportSettings().direct_limit


# --- direct exports ---------------------------------------------------------------------------

def count(runtime: Runtime, request: pb.CountClientSelectionRequest) -> pb.CountClientSelectionResponse:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        query = selected_clients(session, principal.tenant_id, request.selection, today=date.today())
        return pb.CountClientSelectionResponse(count=count_of(session, query), direct_limit=direct_limit())


def export(runtime: Runtime, request: pb.ExportClientsRequest) -> pb.FileChunk:
    """The whole workbook in one answer (a few hundred KiB up to `direct_limit` clients). Over
    the limit it is a job's work: FAILED_PRECONDITION `export_too_large`."""
    principal = require(Permission.CLIENTS_READ)
    folder = Path(tempfile.mkdtemp(prefix="crm-export-"))
    try:
        path = folder / "export.xlsx"
        # A transaction, not the autocommit read session: a server-side cursor lives in one.
        with runtime.db.session() as session:
            today = date.today()
            query = selected_clients(session, principal.tenant_id, request.selection, today=today)
            if count_of(session, query) > direct_limit():
                raise FailedPrecondition("Too many clients to download at once: start an export job",
                                         "export_too_large")
            export_to_path(session, principal.tenant_id, request.selection, locale=request.locale, path=path,
                           today=today)
        content = path.read_bytes()
        return pb.FileChunk(content=content, file_name=rules.file_name(today), content_type=rules.XLSX_MIME,
                            total_size=len(content), next_offset=len(content))
    finally:
        shutil.rmtree(folder, ignore_errors=True)


# --- export jobs ------------------------------------------------------------------------------

def status_of(job: ClientExport) -> str:
    return "expired" if job.status == "done" and job.expires_at <= utcnow() else job.status


def job_message(job: ClientExport) -> pb.ClientExport:
    return pb.ClientExport(
        id=job.id, status=status_of(job), rows=job.rows, error=job.error,
        created_at=job.created_at.isoformat(timespec="seconds"),
        finished_at=job.finished_at.isoformat(timespec="seconds") if job.finished_at else "",
        expires_at=job.expires_at.isoformat(timespec="seconds"),
        file_name=rules.file_name(job.created_at.date()) if job.status == "done" else "",
    )


def start(runtime: Runtime, request: pb.ExportClientsRequest) -> pb.ClientExport:
    """Queue an export of the selection (checked now: a bad filter is refused at once)."""
    from crm_service.tasks import enqueue_export

    principal = require(Permission.CLIENTS_READ)
    now = utcnow()
    with runtime.db.session() as session:
        selected_clients(session, principal.tenant_id, request.selection, today=date.today())
        job = ClientExport(id=new_id(), tenant_id=principal.tenant_id, requested_by=principal.user_id,
                           selection=json_format.MessageToJson(request.selection, indent=None),
                           locale=rules.language(request.locale), status="queued", rows=0, error="",
                           created_at=now, expires_at=now + EXPORT_TTL)
        ImportExportRepository(session, principal.tenant_id).add_export(job)
        message = job_message(job)
    enqueue_export(runtime, message.id)
    return message


def _visible_job(session: Session, principal: Principal, export_id: str) -> ClientExport:
    """The requester's job, or any of the firm's for its admins; 404 for everyone else."""
    job = ImportExportRepository(session, principal.tenant_id).get_export(export_id)
    if job is None or (job.requested_by != principal.user_id and ADMIN not in principal.roles):
        raise NotFound("Export not found")
    return job


def get(runtime: Runtime, request: pb.GetClientExportRequest) -> pb.ClientExport:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        return job_message(_visible_job(session, principal, request.id))


def list_mine(runtime: Runtime, request: pb.ListClientExportsRequest) -> pb.ListClientExportsResponse:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        jobs = ImportExportRepository(session, principal.tenant_id).exports_of(principal.user_id)
        return pb.ListClientExportsResponse(items=[job_message(j) for j in jobs])


def download(runtime: Runtime, request: pb.DownloadClientExportRequest) -> pb.FileChunk:
    """One chunk of a finished job's file, from `offset` (the gateway asks chunk after chunk)."""
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        job = _visible_job(session, principal, request.id)
        status, key, name = status_of(job), job.blob_key, rules.file_name(job.created_at.date())
    if status != "done" or not key:
        raise FailedPrecondition("The export's file is not available", f"export_{status}")
    blobs = blob_store(runtime)
    info = blobs.stat(key)
    if info is None:
        raise NotFound("The file is no longer available")
    if request.offset < 0 or request.offset > info.size:
        raise Invalid.field("offset", "out_of_range", "The offset is past the end of the file")
    with blobs.open(key) as handle:
        handle.seek(request.offset)
        content = handle.read(CHUNK)
    return pb.FileChunk(content=content, file_name=name, content_type=rules.XLSX_MIME, total_size=info.size,
                        next_offset=request.offset + len(content))


def run_export(db: Database, blobs: BlobStore, export_id: str) -> str:
    """The job: write the file (in the export's own process, `run_export_child`), keep it in
    blob storage, mark the job done (or failed). Returns the job's final status. Runs in the
    worker; tests call it directly."""
    with db.session() as session:
        job = session.get(ClientExport, export_id, with_for_update=db.is_postgres)
        if job is None or job.status not in ("queued", "running"):
            return job.status if job else "missing"
        job.status = "running"
        tenant_id, locale = job.tenant_id, job.locale
        selection = json_format.Parse(job.selection, pb.ClientSelection())
    folder = Path(tempfile.mkdtemp(prefix="crm-export-"))
    try:
        path = folder / "export.xlsx"
        with db.read() as session:  # the child reads in a connection of its own
            spec = export_spec(session, tenant_id, selection, locale=locale, path=path, today=date.today())
        answer = run_export_child(spec)
        rows = answer["rows"]
        log.info("client export %s: %d rows in %s s, export process peak %s MiB", export_id, rows,
                 answer["seconds"], answer["peak_rss_mib"])
        with path.open("rb") as handle:
            stored = blobs.put(tenant_id, handle, max_bytes=MAX_EXPORT_BYTES)
        outcome = {"status": "done", "rows": rows, "blob_key": stored.key, "error": ""}
    except Exception as exc:  # noqa: BLE001 - a failed job is reported on the job, not lost in a log
        log.exception("client export %s failed", export_id)
        outcome = {"status": "failed", "rows": 0, "blob_key": None, "error": type(exc).__name__}
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    status = _finish(db, export_id, outcome)
    if status != outcome["status"] and outcome["blob_key"]:
        discard(blobs, [str(outcome["blob_key"])])  # another run finished first: its file is the job's
    clean_expired(db, blobs)
    return status


def _finish(db: Database, export_id: str, outcome: dict[str, object]) -> str:
    """Record the outcome on the job, unless another run (a redelivered task beside one still
    running) finished it first: the job is finished once, so its requester is told once."""
    with db.session() as session:
        job = session.get(ClientExport, export_id, with_for_update=db.is_postgres)
        if job.status != "running":
            return job.status
        now = utcnow()
        for name, value in outcome.items():
            setattr(job, name, value)
        job.finished_at, job.expires_at = now, now + EXPORT_TTL
        if job.status == "done":
            _tell_requester(session, job)
        return job.status


def _tell_requester(session: Session, job: ClientExport) -> None:
    """`crm.client_export_ready` in the job's transaction: the notice exists if and only if the
    job is done."""
    record_event(session, PLUMBING, source="crm", tenant_id=job.tenant_id, event_type=READY_EVENT,
                 payload=pb.ClientExportReady(
                     export_id=job.id, user_id=job.requested_by, locale=job.locale, rows=job.rows,
                     file_name=rules.file_name(job.created_at.date()),
                     expires_at=job.expires_at.isoformat(timespec="seconds")))


def clean_expired(db: Database, blobs: BlobStore) -> int:
    """Remove the files of every firm's expired exports (the jobs stay, reading `expired`); the
    number removed. Rows another replica is cleaning at the same moment are skipped."""
    with db.session() as session:
        jobs = expired_exports(session, utcnow(), skip_locked=db.is_postgres)
        keys = [j.blob_key for j in jobs if j.blob_key]
        for job in jobs:
            job.blob_key = None
    discard(blobs, keys)
    return len(keys)


class ExportCleanup(BackgroundLoop):
    """`clean_expired` now and then every `interval_seconds`, in crm's server (started by
    `start_cleanup`, a `ServiceSpec.on_start` hook): expired files go even when no export runs."""

    def __init__(self, db: Database, blobs: BlobStore, interval_seconds: float):
        super().__init__("crm-export-cleanup")
        self.db, self.blobs, self.interval_seconds = db, blobs, interval_seconds

    def step(self) -> int:
        removed = clean_expired(self.db, self.blobs)
        if removed:
            log.info("removed the files of %d expired client exports", removed)
        return removed

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.step()
            self.stop_event.wait(self.interval_seconds)


def start_cleanup(runtime: Runtime) -> ExportCleanup:
    """Start the process's clean-up loop (once, however often it is asked)."""
    def build(rt: Runtime) -> ExportCleanup:
        loop = ExportCleanup(rt.db, blob_store(rt), ExportSettings().cleanup_seconds)
        loop.start()
        return loop

    return runtime.component("export-cleanup", build)
