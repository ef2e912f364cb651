"""Cursor pagination: opaque cursors over a stable, unique sort key (UUIDv7 ids)."""

from __future__ import annotations

import base64
import binascii
import json

from clientarea_shared.errors import Invalid

DEFAULT_LIMIT = 25
MAX_LIMIT = 200


def page_limit(requested: int) -> int:
    if requested < 0:
        raise Invalid.field("limit", "out_of_range", f"limit must be between 1 and {MAX_LIMIT}")
    return min(requested or DEFAULT_LIMIT, MAX_LIMIT)


def encode_cursor(*key: str) -> str:
    return base64.urlsafe_b64encode(json.dumps(list(key)).encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[str] | None:
    if not cursor:
        return None
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (binascii.Error, ValueError, UnicodeDecodeError) as exc:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid") from exc
    if not isinstance(key, list) or not all(isinstance(k, str) for k in key):
        raise Invalid.field("cursor", "invalid", "The cursor is not valid")
    return key
