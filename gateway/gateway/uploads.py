"""Files through the gateway: multipart/form-data requests in, downloads out.

The gateway does not judge files: it hands the user's file name and bytes to the service that
keeps them (crm checks names, types sniffed from the content and sizes, and answers field
errors). It only bounds the request (`max_bytes` per route, far above the JSON routes' cap) and
reads form fields through a pydantic model like JSON bodies. Downloads are always attachments
with the service's content type and an RFC 6266 file name, never rendered by the browser as pages.
"""

from __future__ import annotations

from typing import TypeVar
from urllib.parse import quote

from flask import Response, request
from pydantic import BaseModel, ValidationError
from werkzeug.datastructures import FileStorage

from clientarea.crm.v1 import support_pb2
from clientarea_shared.errors import FieldError, Invalid

M = TypeVar("M", bound=BaseModel)
MiB = 1024 * 1024
FORM_FIELDS_MAX = 64 * 1024  # the text fields of a form (a message is at most 10,000 characters)


def is_multipart() -> bool:
    return request.mimetype == "multipart/form-data"


def parse_form(model: type[M], max_bytes: int) -> M:
    """The form's text fields through `model` (field errors as for JSON), with the request bounded
    to `max_bytes` (413 past it, before anything is read into memory)."""
    if not is_multipart():
        raise Invalid("Send the form as multipart/form-data", code="unsupported_media_type")
    request.max_content_length = max_bytes
    request.max_form_memory_size = FORM_FIELDS_MAX
    try:
        return model.model_validate(request.form.to_dict())
    except ValidationError as exc:
        raise Invalid(errors=[FieldError(".".join(str(p) for p in e["loc"]) or "body", e["type"], e["msg"])
                              for e in exc.errors()]) from exc


def uploaded(file: FileStorage) -> support_pb2.UploadedFile:
    return support_pb2.UploadedFile(file_name=file.filename or "", content=file.read())


def files_of(field: str) -> list[support_pb2.UploadedFile]:
    """The files sent under `field` (an empty file input sends one nameless empty part: ignored)."""
    return [uploaded(f) for f in request.files.getlist(field) if f.filename or f.content_length]


def one_file(field: str) -> support_pb2.UploadedFile | None:
    files = files_of(field)
    return files[0] if files else None


def content_disposition(kind: str, file_name: str) -> str:
    """`attachment; filename="ascii"; filename*=UTF-8''utf8`: every browser gets a usable name,
    and no quote or line break of a name can reach the header."""
    fallback = "".join(c if c.isascii() and c.isprintable() and c not in '"\\;' else "_" for c in file_name) or "file"
    return f"{kind}; filename=\"{fallback}\"; filename*=UTF-8''{quote(file_name, safe='')}"


def file_response(file: support_pb2.FileContent, *, inline: bool = False) -> Response:
    response = Response(file.content, mimetype=file.content_type or "application/octet-stream")
    response.headers["Content-Disposition"] = content_disposition("inline" if inline else "attachment",
                                                                  file.file_name)
    response.headers["Cache-Control"] = "private, no-store"
    # The bytes are a user's upload: never let the browser run or frame them as part of the site.
    response.headers["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response
