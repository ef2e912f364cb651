"""Rules of a client's files (seed 002, "Archivos"): the kinds of document, who may upload which,
the name shown, the size cap and the accepted types, and a file as the change history shows it.
Free of I/O: the bytes are checked by clientarea_shared.storage."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict

from clientarea_shared.errors import FieldError
from clientarea_shared.storage import DOCUMENT_TYPES, FileType, safe_display_name

KINDS = ("identity_document", "financial_statements", "aml_form", "contract", "power_of_attorney", "other")
# What a customer sends the firm; contracts and powers of attorney are the firm's to file.
CUSTOMER_KINDS = ("identity_document", "financial_statements", "aml_form", "other")
STAFF, CUSTOMER = "staff", "customer"
NAME_MAX = 200
FILE_TYPES: tuple[FileType, ...] = DOCUMENT_TYPES
# A file travels to crm inside one gRPC message, which crm accepts up to 16 MiB.
HARD_MAX_BYTES = 15 * 1024 * 1024
UPDATABLE = ("name", "kind", "visible_to_client")


class ClientFileSettings(BaseSettings):
    """`CLIENT_FILE_MAX_BYTES`: the size cap of one client file (10 MiB; at most 15 MiB)."""

    model_config = SettingsConfigDict(env_prefix="CLIENT_FILE_", extra="ignore", case_sensitive=False)

    max_bytes: int = 10 * 1024 * 1024

    @property
    def cap(self) -> int:
        return max(1, min(self.max_bytes, HARD_MAX_BYTES))


def _has_forbidden_characters(name: str) -> bool:
    return any(c in '/\\:*?"<>|' or unicodedata.category(c) in {"Cc", "Cf", "Zl", "Zp"} for c in name)


def clean_name(raw: str, field: str = "name") -> tuple[str, list[FieldError]]:
    """The name to show: NFC, whitespace collapsed; no path or control characters, no leading dots
    (a crafted name such as "../x" is refused, not silently repaired), at most NAME_MAX."""
    name = " ".join(unicodedata.normalize("NFC", raw).split())
    if not name:
        return "", [FieldError(field, "required", "Give the file a name")]
    if _has_forbidden_characters(raw) or name.startswith("."):
        return name, [FieldError(field, "invalid_name",
                                 "The name may not contain folders, control characters or any of / \\ : * ? \" < > |")]
    if len(name) > NAME_MAX:
        return name, [FieldError(field, "too_long", f"At most {NAME_MAX} characters")]
    return name, []


def default_name(file_name: str) -> str:
    """A file uploaded without a name is shown by its own name, without the extension."""
    safe = safe_display_name(file_name, NAME_MAX)
    return Path(safe).stem if Path(safe).suffix else safe


def kind_problems(kind: str, side: str) -> list[FieldError]:
    allowed = CUSTOMER_KINDS if side == CUSTOMER else KINDS
    if kind not in allowed:
        return [FieldError("kind", "invalid", "Choose the kind of document: " + ", ".join(allowed))]
    return []


def extensions_of(content_type: str) -> tuple[str, ...]:
    """The extensions of an accepted type (the first is the one given to downloads)."""
    return next((t.extensions for t in FILE_TYPES if t.mime == content_type), ("",))


def download_name(name: str, extensions: tuple[str, ...]) -> str:
    """The shown name with its type's extension (once): "DNI Marina" → "DNI Marina.pdf"."""
    if not extensions[0] or Path(name).suffix.lower() in extensions:
        return name
    return safe_display_name(name + extensions[0], NAME_MAX + 10)


@dataclass(frozen=True)
class FileSnapshot:
    name: str
    kind: str
    original_file_name: str
    visible_to_client: bool

    def fields(self) -> dict[str, str]:
        """The file as the history shows it (its kind as "type", a code the web client names)."""
        return {"name": self.name, "type": self.kind, "file": self.original_file_name,
                "visible_to_client": "on" if self.visible_to_client else "off"}
