"""Policy rules that need no I/O."""

from __future__ import annotations

from datetime import date

# A policy in one of these states still binds the firm and the customer.
IN_FORCE_STATUSES = frozenset({"active", "suspended"})
STATUSES = frozenset({"active", "suspended", "expired", "cancelled"})


def is_in_force(status: str, ends_on: date | None, today: date) -> bool:
    """In force: an active or suspended policy whose term has not ended."""
    return status in IN_FORCE_STATUSES and (ends_on is None or ends_on >= today)
