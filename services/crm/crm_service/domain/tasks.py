"""Tasks' rules: a title, an assignee, a due date and a status that moves on; comments."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from clientarea_shared.errors import FieldError, Invalid

STATUSES = ("open", "in_progress", "done", "cancelled")
FINISHED = frozenset({"done", "cancelled"})
TITLE_MAX = 200
DESCRIPTION_MAX = 5000
COMMENT_MAX = 5000
MIN_DUE, MAX_DUE = date(2000, 1, 1), date(2099, 12, 31)
EDITABLE_FIELDS = frozenset({"title", "description", "assignee_id", "due_on", "status"})


@dataclass(frozen=True)
class TaskInput:
    title: str
    description: str
    assignee_id: str
    due_on: str
    status: str = "open"


@dataclass(frozen=True)
class TaskData:
    title: str
    description: str
    assignee_id: str
    due_on: date
    status: str


def is_overdue(due_on: date, status: str, today: date) -> bool:
    return due_on < today and status not in FINISHED


def _due(raw: str) -> tuple[date | None, list[FieldError]]:
    if not raw.strip():
        return None, [FieldError("due_on", "required", "Choose the due date")]
    try:
        return date.fromisoformat(raw.strip()), []
    except ValueError:
        return None, [FieldError("due_on", "invalid", "Use a date as YYYY-MM-DD")]


def validate_task(raw: TaskInput) -> TaskData:
    """A task's fields, all problems at once. A due date already past is allowed: staff also note
    down what is late already (it shows as overdue)."""
    errors: list[FieldError] = []
    title = " ".join(raw.title.split())
    description = raw.description.strip()
    if not title:
        errors.append(FieldError("title", "required", "Write what is to be done"))
    elif len(title) > TITLE_MAX:
        errors.append(FieldError("title", "too_long", f"At most {TITLE_MAX} characters"))
    if len(description) > DESCRIPTION_MAX:
        errors.append(FieldError("description", "too_long", f"At most {DESCRIPTION_MAX} characters"))
    if not raw.assignee_id.strip():
        errors.append(FieldError("assignee_id", "required", "Choose who does it"))
    due, due_errors = _due(raw.due_on)
    errors.extend(due_errors)
    if due is not None and not MIN_DUE <= due <= MAX_DUE:
        errors.append(FieldError("due_on", "out_of_range", "Choose a date between 2000 and 2099"))
    if raw.status not in STATUSES:
        errors.append(FieldError("status", "invalid", "Choose open, in progress, done or cancelled"))
    if errors:
        raise Invalid(errors=errors)
    assert due is not None  # noqa: S101 - no errors means a date
    return TaskData(title=title, description=description, assignee_id=raw.assignee_id.strip(), due_on=due,
                    status=raw.status)


def validate_comment(body: str) -> str:
    text = body.strip()
    if not text:
        raise Invalid.field("body", "required", "Write the comment")
    if len(text) > COMMENT_MAX:
        raise Invalid.field("body", "too_long", f"At most {COMMENT_MAX} characters")
    return text
