"""Files users upload (ticket attachments, support materials, client documents): where their bytes
live, and the checks every upload passes before anything is written.

- `BlobStore` is the interface services write to: put a stream (with a size cap), open it again,
  stat it, delete it. Keys are generated here (`<tenant>/<xx>/<32 hex>`), never derived from the
  user's file name, so a name cannot choose a path; the tenant prefix keeps each firm's files
  apart (and lets an operator move or erase one firm's files at once).
- `LocalBlobStore` keeps them on disk under `BLOB_DIR` (default `<VAR_DIR>/blobs`), written
  atomically (a temporary file in the same folder, fsync, rename): a reader never sees half a
  file, and a failed or refused upload leaves nothing behind. `BLOB_STORE` chooses the
  implementation; an S3-compatible store fits the same four methods (put = PutObject with the
  same key, open = a streaming GetObject body, stat = HeadObject, delete = DeleteObject).
- `check_upload` decides whether a file may be kept: not empty, under the cap, a file name
  without path or control characters, and a type sniffed from the content (never from the name
  or the browser's Content-Type) in the allow-list, agreeing with the name's extension.

docs/storage.md says how to use it.
"""

from __future__ import annotations

import hashlib
import os
import re
import tempfile
import unicodedata
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Protocol

import filetype
from pydantic_settings import BaseSettings, SettingsConfigDict

from clientarea_shared.errors import FieldError, Invalid

_CHUNK = 64 * 1024
_TENANT = re.compile(r"^[A-Za-z0-9-]{1,64}$")
_KEY = re.compile(r"^[A-Za-z0-9-]{1,64}/[0-9a-f]{2}/[0-9a-f]{32}$")


class BlobTooLarge(Exception):
    """The stream went past the cap; nothing was kept."""

    def __init__(self, max_bytes: int):
        super().__init__(f"more than {max_bytes} bytes")
        self.max_bytes = max_bytes


@dataclass(frozen=True)
class BlobInfo:
    key: str
    size: int
    sha256: str = ""  # known after a put; a stat does not read the whole file again


class BlobStore(Protocol):
    def put(self, tenant_id: str, stream: BinaryIO, *, max_bytes: int) -> BlobInfo:
        """Store the stream under a new key of the tenant; BlobTooLarge past `max_bytes`."""

    def open(self, key: str) -> BinaryIO:
        """The stored bytes, to read (and close); FileNotFoundError when there are none."""

    def stat(self, key: str) -> BlobInfo | None:
        """The blob's size, or None when it does not exist."""

    def delete(self, key: str) -> None:
        """Remove the blob; deleting a missing one is not an error."""


def new_key(tenant_id: str) -> str:
    if not _TENANT.match(tenant_id):
        raise ValueError("not a tenant id")
    random = uuid.uuid4().hex
    return f"{tenant_id}/{random[:2]}/{random}"


def valid_key(key: str) -> bool:
    return bool(_KEY.match(key))


class LocalBlobStore:
    """Blobs as files under `root` (one folder per tenant, fanned out by the key's first byte)."""

    def __init__(self, root: Path):
        self.root = Path(root).resolve()

    def _path(self, key: str) -> Path:
        # Keys come back from databases: check them again rather than trust them as paths.
        if not valid_key(key):
            raise ValueError("not a blob key")
        return self.root / key

    def put(self, tenant_id: str, stream: BinaryIO, *, max_bytes: int) -> BlobInfo:
        key = new_key(tenant_id)
        path = self._path(key)
        path.parent.mkdir(parents=True, exist_ok=True)
        digest, size = hashlib.sha256(), 0
        handle = tempfile.NamedTemporaryFile(dir=path.parent, prefix=".upload-", delete=False)  # noqa: SIM115
        try:
            with handle:
                while chunk := stream.read(_CHUNK):
                    size += len(chunk)
                    if size > max_bytes:
                        raise BlobTooLarge(max_bytes)
                    digest.update(chunk)
                    handle.write(chunk)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(handle.name, path)
        except BaseException:
            Path(handle.name).unlink(missing_ok=True)
            raise
        return BlobInfo(key=key, size=size, sha256=digest.hexdigest())

    def open(self, key: str) -> BinaryIO:
        return self._path(key).open("rb")

    def stat(self, key: str) -> BlobInfo | None:
        try:
            return BlobInfo(key=key, size=self._path(key).stat().st_size)
        except FileNotFoundError:
            return None

    def delete(self, key: str) -> None:
        self._path(key).unlink(missing_ok=True)


class StorageSettings(BaseSettings):
    """`BLOB_STORE` ("local"; an S3-compatible store is the planned second) and `BLOB_DIR`."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    var_dir: Path = Path("var")
    blob_store: str = "local"
    blob_dir: Path | None = None


def blob_store_from_settings(settings: StorageSettings | None = None) -> BlobStore:
    settings = settings or StorageSettings()
    if settings.blob_store != "local":
        raise ValueError(f"BLOB_STORE={settings.blob_store!r} is not available (only 'local')")
    return LocalBlobStore(settings.blob_dir or settings.var_dir / "blobs")


# --- Upload checks -----------------------------------------------------------------------------

@dataclass(frozen=True)
class FileType:
    mime: str
    extensions: tuple[str, ...]  # the first is the one added to a name without any
    label: str


PDF = FileType("application/pdf", (".pdf",), "PDF")
PNG = FileType("image/png", (".png",), "PNG image")
JPEG = FileType("image/jpeg", (".jpg", ".jpeg"), "JPEG image")
WEBP = FileType("image/webp", (".webp",), "WebP image")
DOCX = FileType("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (".docx",),
                "Word document")
XLSX = FileType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", (".xlsx",), "Excel workbook")
ODT = FileType("application/vnd.oasis.opendocument.text", (".odt",), "OpenDocument text")
TEXT = FileType("text/plain", (".txt",), "text file")
CSV = FileType("text/csv", (".csv",), "CSV file")

DOCUMENT_TYPES = (PDF, PNG, JPEG, WEBP, DOCX, XLSX, ODT, TEXT, CSV)
IMAGE_TYPES = (PNG, JPEG, WEBP)
_BY_MIME = {t.mime: t for t in DOCUMENT_TYPES}
_SNIFF_BYTES = 8192  # filetype reads at most this much; enough for the OOXML entry names

DISPLAY_NAME_MAX = 120
# Path separators, and what Windows forbids in names: a name carrying them is a crafted request.
_PATH_CHARACTERS = set('/\\:*?"<>|')


def _is_control(char: str) -> bool:
    return unicodedata.category(char) in {"Cc", "Cf", "Zl", "Zp"}


def safe_display_name(raw: str, max_length: int = DISPLAY_NAME_MAX) -> str:
    """A file name fit to show and to offer as a download name: Unicode NFC, the last path
    component only, no control or path characters, no leading dots (hidden files), whitespace
    collapsed, at most `max_length` characters with the extension kept. "" when nothing is left."""
    name = unicodedata.normalize("NFC", raw).replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(" " if _is_control(c) else c for c in name if c not in _PATH_CHARACTERS)
    name = " ".join(name.split()).lstrip(". ")
    if len(name) > max_length:
        stem, dot, extension = name.rpartition(".")
        if dot and 0 < len(extension) <= 10:
            name = stem[: max_length - len(extension) - 1].rstrip() + "." + extension
        else:
            name = name[:max_length].rstrip()
    return name


def _decode_text(head: bytes) -> str | None:
    """The sniffed head as UTF-8 (its last character may be cut) or Windows-1252 text (what
    Spanish spreadsheets export), or None."""
    try:
        return head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.reason == "unexpected end of data" and exc.start >= len(head) - 3:
            return head[: exc.start].decode("utf-8", errors="replace")
    try:
        return head.decode("cp1252")
    except UnicodeDecodeError:
        return None


def _looks_like_text(head: bytes) -> bool:
    """Text without NUL or other binary control bytes (tabs, line breaks and form feeds are text)."""
    if b"\x00" in head:
        return False
    text = _decode_text(head)
    if text is None:
        return False
    return not any(unicodedata.category(c) == "Cc" and c not in "\t\r\n\f" for c in text)


def sniff_type(head: bytes, extension: str = "") -> FileType | None:
    """The allowed type the content is, or None (an unknown or a forbidden type). Text has no
    signature: it is a CSV file when so named, plain text otherwise."""
    kind = filetype.guess(head[:_SNIFF_BYTES])
    if kind is not None:
        return _BY_MIME.get(kind.mime)
    if head and _looks_like_text(head[:_SNIFF_BYTES]):
        return CSV if extension == ".csv" else TEXT
    return None


@dataclass(frozen=True)
class CheckedUpload:
    file_name: str  # safe to show and to offer as the download name
    file_type: FileType
    size: int

    @property
    def content_type(self) -> str:
        return self.file_type.mime


def _name_problem(raw: str, field: str) -> FieldError | None:
    if not raw.strip():
        return FieldError(field, "required", "The file has no name")
    if any(c in _PATH_CHARACTERS for c in raw) or any(_is_control(c) for c in raw) or not safe_display_name(raw):
        return FieldError(field, "invalid_name",
                          "The file name may not contain folders, control characters or any of / \\ : * ? \" < > |")
    return None


def upload_problems(raw_name: str, content: bytes, *, max_bytes: int,
                    allowed: tuple[FileType, ...] = DOCUMENT_TYPES, field: str = "file") -> list[FieldError]:
    """Every reason the file may not be kept, as field errors on `field` (empty: it may)."""
    problem = _name_problem(raw_name, field)
    if problem is not None:
        return [problem]
    if not content:
        return [FieldError(field, "empty", "The file is empty")]
    if len(content) > max_bytes:
        return [FieldError(field, "too_large", f"The file is larger than {max_bytes // (1024 * 1024)} MB")]
    extension = Path(safe_display_name(raw_name)).suffix.lower()
    sniffed = sniff_type(content[:_SNIFF_BYTES], extension)
    if sniffed is None or sniffed not in allowed:
        kinds = ", ".join(sorted({t.extensions[0].lstrip(".").upper() for t in allowed}))
        return [FieldError(field, "forbidden_type", f"This kind of file is not accepted; send one of: {kinds}")]
    if extension and extension not in sniffed.extensions:
        return [FieldError(field, "type_mismatch",
                           f"The file is a {sniffed.label}, but its name ends in {extension}")]
    return []


def check_upload(raw_name: str, content: bytes, *, max_bytes: int,
                 allowed: tuple[FileType, ...] = DOCUMENT_TYPES, field: str = "file") -> CheckedUpload:
    """The checked upload, or Invalid with the field error. A name without an extension gets the
    sniffed type's, so the download opens with the right program."""
    problems = upload_problems(raw_name, content, max_bytes=max_bytes, allowed=allowed, field=field)
    if problems:
        raise Invalid(errors=problems)
    name = safe_display_name(raw_name)
    sniffed = sniff_type(content[:_SNIFF_BYTES], Path(name).suffix.lower())
    assert sniffed is not None  # upload_problems checked it
    if not Path(name).suffix:
        name = safe_display_name(name + sniffed.extensions[0])
    return CheckedUpload(file_name=name or f"file{sniffed.extensions[0]}", file_type=sniffed, size=len(content))
