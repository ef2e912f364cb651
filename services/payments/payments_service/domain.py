"""Payments rules that need no I/O."""

from __future__ import annotations

from datetime import date

from clientarea_shared.errors import Invalid

STATUSES = frozenset({"open", "paid", "void"})


def status_filter(status: str) -> str:
    """A list filter on status: empty (all) or one of STATUSES."""
    if status and status not in STATUSES:
        raise Invalid.field("status", "invalid", f"status must be one of: {', '.join(sorted(STATUSES))}")
    return status


def is_unpaid(status: str, amount_due_minor: int) -> bool:
    return status == "open" and amount_due_minor > 0


def is_overdue(status: str, amount_due_minor: int, due_on: date, today: date) -> bool:
    return is_unpaid(status, amount_due_minor) and due_on < today
