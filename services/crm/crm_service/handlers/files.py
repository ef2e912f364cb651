"""A client's files (issue 4, seed 002 "Archivos"): identity documents, financial statements, AML
forms, contracts... Staff of the firm upload, list, download, rename, re-kind, share or keep
internal, and delete them. The client's own customers list and download the files shared with
them, and upload (and delete) their own documents; they never reach another client's files or
the firm's internal ones (NOT_FOUND, exactly like a missing file).

Bytes before rows: the upload is checked (size, type sniffed from the content, safe names), its
bytes written, then the row and its history entry in one transaction; a failed transaction
removes the bytes again, and a deleted row's bytes go only after the deletion is committed
(crm_service.blobs).
"""

from __future__ import annotations

from dataclasses import dataclass

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import FieldError, Forbidden, Invalid, NotFound
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import check_upload, upload_problems
from crm_service.blobs import blob_store, discard, read, stored
from crm_service.domain.files import (
    CUSTOMER,
    FILE_TYPES,
    STAFF,
    UPDATABLE,
    ClientFileSettings,
    FileSnapshot,
    clean_name,
    default_name,
    download_name,
    extensions_of,
    kind_problems,
)
from crm_service.files_repository import ClientFileRepository
from crm_service.handlers.history import record_changes
from crm_service.models import ClientFile


@dataclass(frozen=True)
class Caller:
    principal: Principal
    side: str  # staff | customer

    @property
    def shared_only(self) -> bool:
        """Customers reach only the files shared with them (their own uploads always are)."""
        return self.side == CUSTOMER


def _caller(*permissions: Permission) -> Caller:
    principal = require(*permissions)
    if principal.is_staff:
        return Caller(principal, STAFF)
    if not principal.client_id:
        raise Forbidden("This login is not linked to a client", "no_client")
    return Caller(principal, CUSTOMER)


def _reader() -> Caller:
    return _caller(Permission.CLIENTS_READ, Permission.OWN_DATA_READ)


def _writer() -> Caller:
    # A customer's documents are the client's data: its admin sends them, like the profile's.
    return _caller(Permission.CLIENTS_WRITE, Permission.OWN_PROFILE_WRITE)


def _client_id(caller: Caller, requested: str) -> str:
    """The client whose files are asked for: any of the firm's for staff; a customer's own (also
    when not named). Another client is NOT_FOUND, as a missing one."""
    if caller.side == CUSTOMER:
        if requested and requested != caller.principal.client_id:
            raise NotFound("Client not found")
        return caller.principal.client_id
    if not requested:
        raise NotFound("Client not found")
    return requested


def _require_client(repo: ClientFileRepository, client_id: str) -> None:
    if not repo.client_exists(client_id):
        raise NotFound("Client not found")


def _file(repo: ClientFileRepository, caller: Caller, client_id: str, file_id: str, *,
          for_update: bool = False) -> ClientFile:
    found = repo.get(client_id, file_id, shared_only=caller.shared_only, for_update=for_update) if file_id else None
    if found is None:
        raise NotFound("File not found", "file_not_found")
    return found


def file_message(file: ClientFile, caller: Caller) -> pb.ClientFile:
    return pb.ClientFile(
        id=file.id, client_id=file.client_id, name=file.name, kind=file.kind,
        file_name=download_name(file.name, extensions_of(file.content_type)),
        original_file_name=file.original_file_name, content_type=file.content_type, size=file.size,
        uploaded_by_id=file.uploaded_by_id if caller.side == STAFF else "", uploaded_by_name=file.uploaded_by_name,
        uploaded_by_kind=file.uploaded_by_kind, uploaded_at=file.uploaded_at.isoformat(timespec="seconds"),
        visible_to_client=file.visible_to_client, updated_at=file.updated_at.isoformat(timespec="seconds"))


def _snapshot(file: ClientFile) -> dict[str, str]:
    return FileSnapshot(file.name, file.kind, file.original_file_name, file.visible_to_client).fields()


def _record(session, caller: Caller, file: ClientFile, before: dict[str, str], after: dict[str, str]) -> None:  # noqa: ANN001
    record_changes(session, tenant_id=file.tenant_id, client_id=file.client_id, entity="file", entity_id=file.id,
                   label=file.name, before=before, after=after, actor=caller.principal)


def _raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise Invalid(errors=errors)


# --- RPCs --------------------------------------------------------------------------------------

def upload(runtime: Runtime, request: pb.UploadClientFileRequest) -> pb.ClientFile:
    caller = _writer()
    tenant_id = caller.principal.tenant_id
    client_id = _client_id(caller, request.client_id.strip())
    with runtime.db.read() as session:
        _require_client(ClientFileRepository(session, tenant_id), client_id)
    if request.internal and caller.side == CUSTOMER:
        raise Invalid.field("internal", "forbidden", "Only the firm's staff keep files internal")
    max_bytes = ClientFileSettings().cap
    # Without a name the file is shown by its own (made safe, without the extension).
    name, errors = clean_name(request.name) if request.name.strip() else ("", [])
    errors += kind_problems(request.kind.strip(), caller.side)
    errors += upload_problems(request.file_name, request.content, max_bytes=max_bytes, allowed=FILE_TYPES)
    _raise_if(errors)
    checked = check_upload(request.file_name, request.content, max_bytes=max_bytes, allowed=FILE_TYPES)
    name = name or default_name(checked.file_name)
    with stored(blob_store(runtime), tenant_id, [(checked, request.content)]) as [info], \
            runtime.db.session() as session:
        now = utcnow()
        file = ClientFileRepository(session, tenant_id).add(ClientFile(
            id=new_id(), tenant_id=tenant_id, client_id=client_id, name=name, kind=request.kind.strip(),
            original_file_name=checked.file_name, content_type=checked.content_type, size=info.size,
            sha256=info.sha256, blob_key=info.key, uploaded_by_id=caller.principal.user_id[:80],
            uploaded_by_name=caller.principal.display_name[:200], uploaded_by_kind=caller.side,
            visible_to_client=caller.side == CUSTOMER or not request.internal, uploaded_at=now, updated_at=now))
        _record(session, caller, file, {}, _snapshot(file))
        return file_message(file, caller)


def list_files(runtime: Runtime, request: pb.ListClientFilesRequest) -> pb.ListClientFilesResponse:
    caller = _reader()
    client_id = _client_id(caller, request.client_id.strip())
    with runtime.db.read() as session:
        repo = ClientFileRepository(session, caller.principal.tenant_id)
        _require_client(repo, client_id)
        files = repo.of_client(client_id, shared_only=caller.shared_only)
        return pb.ListClientFilesResponse(items=[file_message(f, caller) for f in files])


def get_content(runtime: Runtime, request: pb.GetClientFileRequest) -> pb.ClientFileContent:
    caller = _reader()
    client_id = _client_id(caller, request.client_id.strip())
    with runtime.db.read() as session:
        file = _file(ClientFileRepository(session, caller.principal.tenant_id), caller, client_id, request.id)
        key, content_type = file.blob_key, file.content_type
        name = download_name(file.name, extensions_of(file.content_type))
    return pb.ClientFileContent(file_name=name, content_type=content_type, content=read(blob_store(runtime), key))


def _changes(request: pb.UpdateClientFileRequest) -> dict[str, object]:
    fields = set(request.fields)
    unknown = sorted(fields - set(UPDATABLE))
    if unknown or not fields:
        raise Invalid.field("fields", "invalid", "Name the fields to change: " + ", ".join(UPDATABLE))
    changes: dict[str, object] = {}
    errors: list[FieldError] = []
    if "name" in fields:
        changes["name"], name_errors = clean_name(request.name)
        errors += name_errors
    if "kind" in fields:
        changes["kind"] = request.kind.strip()
        errors += kind_problems(request.kind.strip(), STAFF)
    if "visible_to_client" in fields:
        changes["visible_to_client"] = request.visible_to_client
    _raise_if(errors)
    return changes


def update(runtime: Runtime, request: pb.UpdateClientFileRequest) -> pb.ClientFile:
    caller = _writer()
    if caller.side != STAFF:
        raise Forbidden("Only the firm's staff change a file", "staff_only")
    changes = _changes(request)
    with runtime.db.session() as session:
        repo = ClientFileRepository(session, caller.principal.tenant_id)
        file = _file(repo, caller, _client_id(caller, request.client_id.strip()), request.id, for_update=True)
        before = _snapshot(file)
        for field, value in changes.items():
            setattr(file, field, value)
        if _snapshot(file) != before:
            file.updated_at = utcnow()
            _record(session, caller, file, before, _snapshot(file))
        return file_message(file, caller)


def delete(runtime: Runtime, request: pb.DeleteClientFileRequest) -> pb.DeleteClientFileResponse:
    caller = _writer()
    with runtime.db.session() as session:
        repo = ClientFileRepository(session, caller.principal.tenant_id)
        file = _file(repo, caller, _client_id(caller, request.client_id.strip()), request.id, for_update=True)
        if caller.side == CUSTOMER and file.uploaded_by_kind != CUSTOMER:
            raise Forbidden("Only the firm removes the files it shared with you", "not_your_upload")
        _record(session, caller, file, _snapshot(file), {})
        key = file.blob_key
        session.delete(file)
    discard(blob_store(runtime), [key])  # the bytes, once the row no longer names them
    return pb.DeleteClientFileResponse()
