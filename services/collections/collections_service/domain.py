"""Collections rules that need no I/O."""

from __future__ import annotations

from clientarea_shared.errors import Invalid

KINDS = frozenset({"debt", "process"})
STATUSES = frozenset({"open", "closed"})


def status_filter(status: str) -> str:
    """A list filter on status: empty (all) or one of STATUSES."""
    if status and status not in STATUSES:
        raise Invalid.field("status", "invalid", f"status must be one of: {', '.join(sorted(STATUSES))}")
    return status
