"""Rules of support tickets and the feedback box: valid tickets and replies, and how a ticket's
status moves. Free of I/O."""

from __future__ import annotations

from dataclasses import dataclass

from clientarea_shared.errors import FailedPrecondition, FieldError, Invalid
from clientarea_shared.storage import DOCUMENT_TYPES
from crm_service.domain.content import clean_text, one_line

TICKET_TYPES = ("question", "complaint", "request_review", "other")
OPEN, AWAITING_STAFF, AWAITING_CUSTOMER, RESOLVED, CLOSED = (
    "open", "awaiting_staff", "awaiting_customer", "resolved", "closed")
STATUSES = (OPEN, AWAITING_STAFF, AWAITING_CUSTOMER, RESOLVED, CLOSED)
ACTIVE_STATUSES = (OPEN, AWAITING_STAFF, AWAITING_CUSTOMER)
CUSTOMER, STAFF = "customer", "staff"
MESSAGE, NOTE, EVENT = "message", "note", "event"

SUBJECT_MAX = 200
BODY_MAX = 10_000
# Attachments travel to crm inside one gRPC message (16 MiB at most): three of 4 MiB fit.
MAX_ATTACHMENTS = 3
ATTACHMENT_MAX_BYTES = 4 * 1024 * 1024
ATTACHMENT_TYPES = DOCUMENT_TYPES

RATING_MIN, RATING_MAX = 1, 5
COMMENT_MAX = 2_000
PAGE_MAX = 200
FEEDBACK_PER_HOUR = 10  # per person: a box for opinions, not a channel to flood staff's list


@dataclass(frozen=True)
class NewTicket:
    type: str
    subject: str
    description: str


def ticket_problems(type_: str, subject: str, description: str) -> tuple[NewTicket, list[FieldError]]:
    ticket = NewTicket(type_.strip(), one_line(subject), clean_text(description))
    errors: list[FieldError] = []
    if ticket.type not in TICKET_TYPES:
        errors.append(FieldError("type", "invalid", "Choose the kind of request"))
    if not ticket.subject:
        errors.append(FieldError("subject", "required", "Write a subject"))
    elif len(ticket.subject) > SUBJECT_MAX:
        errors.append(FieldError("subject", "too_long", f"The subject has at most {SUBJECT_MAX} characters"))
    errors += body_problems(ticket.description, "description", has_attachments=False)
    return ticket, errors


def body_problems(body: str, field: str = "body", *, has_attachments: bool) -> list[FieldError]:
    """A message needs words, unless it only brings files."""
    if not body and not has_attachments:
        return [FieldError(field, "required", "Write a message")]
    if len(body) > BODY_MAX:
        return [FieldError(field, "too_long", f"At most {BODY_MAX} characters")]
    return []


def attachment_count_problems(count: int) -> list[FieldError]:
    if count > MAX_ATTACHMENTS:
        return [FieldError("attachments", "too_many", f"Attach at most {MAX_ATTACHMENTS} files")]
    return []


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise Invalid(errors=errors)


def status_after_reply(current: str, author_side: str) -> str:
    """A reply hands the ticket to the other side; a customer's reply reopens a resolved ticket.
    A closed ticket takes no more replies (a new ticket starts a new matter)."""
    if current == CLOSED:
        raise FailedPrecondition("This ticket is closed; open a new one", "ticket_closed")
    return AWAITING_CUSTOMER if author_side == STAFF else AWAITING_STAFF


def checked_status(status: str) -> str:
    if status not in STATUSES:
        raise Invalid.field("status", "invalid", "Choose open, awaiting_staff, awaiting_customer, resolved or closed")
    return status


def status_filter(status: str) -> tuple[str, ...]:
    """The statuses a list filter means: one, the active ones, or (empty) any."""
    if not status:
        return ()
    if status == "active":
        return ACTIVE_STATUSES
    return (checked_status(status),)


# --- feedback ----------------------------------------------------------------------------------

def feedback_page(raw: str) -> str:
    """The page the feedback was given on, as a path only: a query string may hold a token
    (/set-password?token=...) and must not end up in staff's list."""
    path = raw.strip().split("?", 1)[0].split("#", 1)[0]
    if not path.startswith("/") or path.startswith("//"):
        return ""
    return "".join(c for c in path if c.isprintable())[:PAGE_MAX]


def feedback_problems(rating: int, comment: str) -> list[FieldError]:
    errors: list[FieldError] = []
    if not RATING_MIN <= rating <= RATING_MAX:
        errors.append(FieldError("rating", "out_of_range", f"Choose from {RATING_MIN} to {RATING_MAX} stars"))
    if len(comment) > COMMENT_MAX:
        errors.append(FieldError("comment", "too_long", f"At most {COMMENT_MAX} characters"))
    return errors
