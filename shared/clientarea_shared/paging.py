"""Cursor pagination: opaque cursors over a stable, unique sort key (UUIDv7 ids)."""

from __future__ import annotations

import base64
import binascii
import json
from collections.abc import Callable, Sequence
from typing import TypeVar

from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import Session

from clientarea.common.v1 import common_pb2
from clientarea_shared.errors import Invalid

T = TypeVar("T")

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


def after_id(page: common_pb2.PageRequest) -> str | None:
    """The id the requested page starts after, for pages ordered by id alone."""
    key = decode_cursor(page.cursor)
    if key is None:
        return None
    if len(key) != 1:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid")
    return key[0]


def keyset_page(session: Session, query: Select, id_column: ColumnElement[str], after: str | None,
                limit: int, *, newest_first: bool = False) -> list:
    """One page of `query` in id order (UUIDv7: creation order), resuming after the id of the
    cursor, with one row more than `limit` so that `cut_page` can tell whether more follow."""
    if after:
        query = query.where(id_column < after if newest_first else id_column > after)
    order = id_column.desc() if newest_first else id_column.asc()
    return list(session.scalars(query.order_by(order).limit(limit + 1)))


def cut_page(rows: Sequence[T], limit: int, key: Callable[[T], str]) -> tuple[list[T], common_pb2.PageInfo]:
    """Rows fetched with `limit + 1` → the page and its PageInfo (a cursor when more follow)."""
    items = list(rows[:limit])
    more = len(rows) > limit
    return items, common_pb2.PageInfo(next_cursor=encode_cursor(key(items[-1])) if more else "")
