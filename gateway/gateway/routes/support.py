"""Support tickets (issue 4; seeds 000 and 003): customers open tickets and review requests
("¿Falta algún proceso o expediente? Solicite una revisión") with attachments and talk with the
firm's staff; staff answer from their inbox, write internal notes, assign and change the status.
crm's SupportService decides who sees what (a customer: their own client's tickets only, never an
internal note; another client's ticket is 404) and checks every file.

Opening a ticket and replying take multipart/form-data (fields and `attachments` files) or, without
files, JSON."""

from __future__ import annotations

from typing import Literal, TypeVar, cast

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import support_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.permissions import Permission, require
from gateway.api import operation, parse_body
from gateway.services import call, services
from gateway.uploads import MiB, file_response, files_of, is_multipart, parse_form

# Three attachments of 4 MiB (crm's limits) and the form's text; larger requests are refused (413).
TICKET_REQUEST_MAX = 13 * MiB
M = TypeVar("M", bound=BaseModel)
Status = Literal["open", "awaiting_staff", "awaiting_customer", "resolved", "closed"]


class AttachmentOut(BaseModel):
    id: str
    file_name: str
    content_type: str
    size: int


class TicketOut(BaseModel):
    id: str
    number: int
    type: str = Field(description="question | complaint | request_review | other")
    subject: str
    status: str = Field(description="open | awaiting_staff | awaiting_customer | resolved | closed")
    client_id: str
    client_name: str
    opened_by_name: str
    assignee_id: str | None = Field(description="Staff only; customers see the assignee's name")
    assignee_name: str | None
    created_at: str
    updated_at: str
    last_message_at: str
    message_count: int


class MessageOut(BaseModel):
    id: str
    kind: str = Field(description="message | note (internal, staff only) | event (status:<s>, assigned:<name>, "
                                   "unassigned)")
    author_side: str = Field(description="customer | staff")
    author_name: str
    body: str
    created_at: str
    attachments: list[AttachmentOut]


class ThreadOut(BaseModel):
    ticket: TicketOut
    messages: list[MessageOut]


class TicketPage(BaseModel):
    items: list[TicketOut]
    next_cursor: str | None


class TicketQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Literal["", "active", "open", "awaiting_staff", "awaiting_customer", "resolved", "closed"] = ""
    type: Literal["", "question", "complaint", "request_review", "other"] = ""
    assigned: Literal["", "me", "none"] = Field(default="", description="staff: my tickets, or unassigned ones")
    client_id: str = Field(default="", max_length=36, description="staff: one client's tickets")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=20, ge=1, le=100)


class TicketIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    type: str = Field(default="question", max_length=30, description="question | complaint | request_review | other")
    subject: str = Field(max_length=400)
    description: str = Field(max_length=20_000)


class MessageIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    body: str = Field(default="", max_length=20_000)
    internal: bool = Field(default=False, description="staff: an internal note, never shown to the customer")


class TicketUpdateIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    status: Status | None = None
    assignee_id: str | None = Field(default=None, max_length=80,
                                    description="a staff user's id; null unassigns; absent leaves it")


class AssigneeOut(BaseModel):
    id: str
    display_name: str


class AssigneeList(BaseModel):
    items: list[AssigneeOut]


def ticket_out(ticket: support_pb2.Ticket) -> TicketOut:
    return TicketOut(
        id=ticket.id, number=ticket.number, type=ticket.type, subject=ticket.subject, status=ticket.status,
        client_id=ticket.client_id, client_name=ticket.client_name, opened_by_name=ticket.opened_by_name,
        assignee_id=ticket.assignee_id or None, assignee_name=ticket.assignee_name or None,
        created_at=ticket.created_at, updated_at=ticket.updated_at, last_message_at=ticket.last_message_at,
        message_count=ticket.message_count)


def message_out(message: support_pb2.TicketMessage) -> MessageOut:
    return MessageOut(
        id=message.id, kind=message.kind, author_side=message.author_side, author_name=message.author_name,
        body=message.body, created_at=message.created_at,
        attachments=[AttachmentOut(id=a.id, file_name=a.file_name, content_type=a.content_type, size=a.size)
                     for a in message.attachments])


def _form_or_json(model: type[M]) -> tuple[M, list[support_pb2.UploadedFile]]:
    if is_multipart():
        return parse_form(model, TICKET_REQUEST_MAX), files_of("attachments")
    return cast(M, parse_body(model)), []


@operation("/tickets", "GET", summary="Support tickets: a customer's own client's; staff's inbox with filters",
           tag="support", query=TicketQuery, response=TicketPage)
def list_tickets(query: TicketQuery):  # noqa: ANN201
    answer = call(services().support.ListTickets, support_pb2.ListTicketsRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit), status=query.status, type=query.type,
        assigned=query.assigned, client_id=query.client_id))
    return TicketPage(items=[ticket_out(t) for t in answer.items], next_cursor=answer.page.next_cursor or None)


@operation("/tickets", "POST", summary="Open a ticket or a review request (customers); multipart/form-data with "
           "`type`, `subject`, `description` and up to 3 `attachments` (PDF, images, Office, text; 4 MB each), or JSON",
           tag="support", response=TicketOut, status=201, errors=(413,))
def open_ticket():  # noqa: ANN201
    form, files = _form_or_json(TicketIn)
    return ticket_out(call(services().support.OpenTicket, support_pb2.OpenTicketRequest(
        type=form.type, subject=form.subject, description=form.description, attachments=files)))


@operation("/tickets/{ticket_id}", "GET", summary="A ticket and its conversation (customers: no internal notes)",
           tag="support", response=ThreadOut, errors=(404,))
def get_ticket(ticket_id: str):  # noqa: ANN201
    thread = call(services().support.GetTicket, support_pb2.GetTicketRequest(id=ticket_id))
    return ThreadOut(ticket=ticket_out(thread.ticket), messages=[message_out(m) for m in thread.messages])


@operation("/tickets/{ticket_id}/messages", "POST", summary="Reply (customer or staff) or write an internal note "
           "(staff); multipart/form-data with `body`, `internal` and up to 3 `attachments`, or JSON. The other side "
           "is told by e-mail and in the app", tag="support", response=MessageOut, status=201,
           errors=(404, 409, 413))
def post_message(ticket_id: str):  # noqa: ANN201
    form, files = _form_or_json(MessageIn)
    return message_out(call(services().support.PostTicketMessage, support_pb2.PostTicketMessageRequest(
        ticket_id=ticket_id, body=form.body, internal=form.internal, attachments=files)))


@operation("/tickets/{ticket_id}", "PATCH", summary="Staff: change a ticket's status or assignee",
           tag="support", body=TicketUpdateIn, response=TicketOut, errors=(404,))
def update_ticket(ticket_id: str, body: TicketUpdateIn):  # noqa: ANN201
    change_assignee = "assignee_id" in body.model_fields_set
    return ticket_out(call(services().support.UpdateTicket, support_pb2.UpdateTicketRequest(
        id=ticket_id, status=body.status or "", change_assignee=change_assignee,
        assignee_id=body.assignee_id or "")))


@operation("/tickets/{ticket_id}/attachments/{attachment_id}", "GET",
           summary="Download an attachment (the firm's staff and the ticket's client)", tag="support", errors=(404,))
def download_attachment(ticket_id: str, attachment_id: str):  # noqa: ANN201
    return file_response(call(services().support.GetTicketAttachment, support_pb2.GetTicketAttachmentRequest(
        ticket_id=ticket_id, attachment_id=attachment_id)))


@operation("/support/assignees", "GET", summary="Staff: the active colleagues a ticket may be assigned to",
           tag="support", response=AssigneeList)
def list_assignees():  # noqa: ANN201
    require(Permission.SUPPORT_MANAGE)
    directory = call(services().identity.ListStaffDirectory, identity_pb2.ListStaffDirectoryRequest())
    people = sorted((e for e in directory.items if e.active), key=lambda e: e.display_name.casefold())
    return AssigneeList(items=[AssigneeOut(id=e.id, display_name=e.display_name) for e in people])

