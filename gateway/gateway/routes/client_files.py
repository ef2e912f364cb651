"""A client's files (issue 4, seed 002 "Archivos"): the client page's Files tab for staff, and the
customer's "My documents" under `/me/files`.

crm decides everything about a file: who may see it (staff of the firm; the client's own
customers only the files shared with them, another client's is 404), whether it may be kept
(size cap, type sniffed from the content, safe names: field errors on `file`, `name`, `kind`)
and records each change in the client's history. The gateway reads the multipart form, bounds the
request and answers downloads as attachments (RFC 6266 name, the sniffed type, `nosniff`, no
caching, a sandboxing CSP).
"""

from __future__ import annotations

from flask import make_response
from pydantic import BaseModel, ConfigDict, Field

from clientarea.crm.v1 import crm_pb2
from gateway.api import operation
from gateway.services import call, services
from gateway.uploads import MiB, file_response, one_file, parse_form

# crm refuses files past its cap (10 MiB by default, 15 MiB at most) with a field error; a request
# larger than the largest cap and the form's text is refused here (413) before it is read.
FILE_REQUEST_MAX = 15 * MiB + 64 * 1024
KINDS_DESCRIPTION = ("identity_document | financial_statements | aml_form | contract | power_of_attorney | other "
                     "(customers: the first three and other)")


class ClientFileOut(BaseModel):
    id: str
    client_id: str
    name: str = Field(description="The name shown")
    kind: str = Field(description=KINDS_DESCRIPTION)
    file_name: str = Field(description="The name the download gets: the shown name with the type's extension")
    original_file_name: str
    content_type: str = Field(description="Sniffed from the content")
    size: int
    uploaded_by_id: str | None = Field(description="Staff only")
    uploaded_by_name: str
    uploaded_by_kind: str = Field(description="staff | customer")
    uploaded_at: str
    visible_to_client: bool = Field(description="Shared with the client's customers (staff's files may be internal)")
    updated_at: str


class ClientFileList(BaseModel):
    items: list[ClientFileOut]


class ClientFileIn(BaseModel):
    """The text fields of the upload form; the file itself is the part named `file`."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(default="", max_length=400, description="Empty: the file's own name without extension")
    kind: str = Field(default="", max_length=40, description=KINDS_DESCRIPTION)
    visible_to_client: bool = Field(default=True, description="Staff: false keeps the file internal")


class ClientFileUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = Field(default=None, max_length=400)
    kind: str | None = Field(default=None, max_length=40)
    visible_to_client: bool | None = None


def file_out(file: crm_pb2.ClientFile) -> ClientFileOut:
    return ClientFileOut(
        id=file.id, client_id=file.client_id, name=file.name, kind=file.kind, file_name=file.file_name,
        original_file_name=file.original_file_name, content_type=file.content_type, size=file.size,
        uploaded_by_id=file.uploaded_by_id or None, uploaded_by_name=file.uploaded_by_name,
        uploaded_by_kind=file.uploaded_by_kind, uploaded_at=file.uploaded_at,
        visible_to_client=file.visible_to_client, updated_at=file.updated_at)


def _list(client_id: str) -> ClientFileList:
    answer = call(services().crm.ListClientFiles, crm_pb2.ListClientFilesRequest(client_id=client_id))
    return ClientFileList(items=[file_out(f) for f in answer.items])


def _upload(client_id: str) -> ClientFileOut:
    form = parse_form(ClientFileIn, FILE_REQUEST_MAX)
    file = one_file("file")  # none: crm answers `file: required` with the form's other errors
    return file_out(call(services().crm.UploadClientFile, crm_pb2.UploadClientFileRequest(
        client_id=client_id, name=form.name, kind=form.kind, internal=not form.visible_to_client,
        file_name=file.file_name if file else "", content=file.content if file else b"")))


def _download(client_id: str, file_id: str):  # noqa: ANN202
    return file_response(call(services().crm.GetClientFile,
                              crm_pb2.GetClientFileRequest(client_id=client_id, id=file_id)))


def _delete(client_id: str, file_id: str):  # noqa: ANN202
    call(services().crm.DeleteClientFile, crm_pb2.DeleteClientFileRequest(client_id=client_id, id=file_id))
    return make_response("", 204)


# --- staff: the client page's Files tab ---------------------------------------------------------

@operation("/clients/{client_id}/files", "GET", summary="A client's files, newest first (staff; customers: their "
           "own client's shared files)", tag="clients", response=ClientFileList, errors=(404,))
def list_client_files(client_id: str):  # noqa: ANN201
    return _list(client_id)


@operation("/clients/{client_id}/files", "POST", summary="Upload a client's file: multipart/form-data with `file`, "
           "`name`, `kind` and `visible_to_client` (PDF, images, Office, OpenDocument, text, CSV; 10 MB)",
           tag="clients", response=ClientFileOut, status=201, errors=(404, 413))
def upload_client_file(client_id: str):  # noqa: ANN201
    return _upload(client_id)


@operation("/clients/{client_id}/files/{file_id}/content", "GET",
           summary="Download a client's file (staff of the firm and the client's own customers)", tag="clients",
           errors=(404,))
def download_client_file(client_id: str, file_id: str):  # noqa: ANN201
    return _download(client_id, file_id)


@operation("/clients/{client_id}/files/{file_id}", "PATCH",
           summary="Staff: rename a file, change its kind, share it with the client or keep it internal",
           tag="clients", body=ClientFileUpdateIn, response=ClientFileOut, errors=(404,))
def update_client_file(client_id: str, file_id: str, body: ClientFileUpdateIn):  # noqa: ANN201
    fields = sorted(f for f in body.model_fields_set if getattr(body, f) is not None)
    return file_out(call(services().crm.UpdateClientFile, crm_pb2.UpdateClientFileRequest(
        client_id=client_id, id=file_id, fields=fields, name=body.name or "", kind=body.kind or "",
        visible_to_client=bool(body.visible_to_client))))


@operation("/clients/{client_id}/files/{file_id}", "DELETE", summary="Delete a client's file (staff)",
           tag="clients", status=204, errors=(404,))
def delete_client_file(client_id: str, file_id: str):  # noqa: ANN201
    return _delete(client_id, file_id)


# --- customers: "My documents" -------------------------------------------------------------------

@operation("/me/files", "GET", summary="The customer's documents: the files of their client shared with them",
           tag="account", response=ClientFileList)
def list_my_files():  # noqa: ANN201
    return _list("")


@operation("/me/files", "POST", summary="Send the firm a document (the client's admin): multipart/form-data with "
           "`file`, `name` and `kind` (identity_document | financial_statements | aml_form | other)",
           tag="account", response=ClientFileOut, status=201, errors=(413,))
def upload_my_file():  # noqa: ANN201
    return _upload("")


@operation("/me/files/{file_id}/content", "GET", summary="Download one of the customer's documents",
           tag="account", errors=(404,))
def download_my_file(file_id: str):  # noqa: ANN201
    return _download("", file_id)


@operation("/me/files/{file_id}", "DELETE", summary="Remove a document the customer's side sent (not the firm's)",
           tag="account", status=204, errors=(404,))
def delete_my_file(file_id: str):  # noqa: ANN201
    return _delete("", file_id)
