"""The change history's rule: what changed between two snapshots of a record.

A snapshot is the record as people read it, one text per field ({"legal_name": "Talleres S.L.",
"phones": "mobile 612 34 56 78"}): the history shows old → new values as they were at the time,
even after a category is renamed or a colleague leaves. Fields missing from a snapshot read as
empty, so a creation is a diff from {} and a deletion a diff to {}.
"""

from __future__ import annotations

from dataclasses import dataclass

VALUE_MAX = 1000  # a long description is cut in the history, not in the record


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str


def _shown(value: str) -> str:
    return value if len(value) <= VALUE_MAX else value[: VALUE_MAX - 1] + "…"


def diff(before: dict[str, str], after: dict[str, str]) -> list[FieldChange]:
    """The fields whose value differs, in the snapshots' own field order."""
    names = list(dict.fromkeys([*before, *after]))
    return [FieldChange(name, _shown(before.get(name, "")), _shown(after.get(name, "")))
            for name in names if before.get(name, "") != after.get(name, "")]


def yes_no(value: bool) -> str:
    """Booleans in snapshots: "on" / "off" (the web client translates them)."""
    return "on" if value else "off"
