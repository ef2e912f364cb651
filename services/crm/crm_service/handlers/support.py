"""Support tickets (issue 4; seeds 000 and 003): customers open tickets and review requests of their
own client, with attachments; customers and staff talk in the ticket's conversation; staff write
internal notes, assign tickets and move their status. Each reply announces itself to the other side
(`crm.ticket_reply_posted`: an e-mail and an in-app notice by notification).

A customer only ever reaches their own client's tickets: another client's ticket or attachment is
NOT_FOUND, exactly like a missing one (no probing by id). Internal notes, and their attachments,
never reach a customer.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

import grpc
from sqlalchemy.exc import IntegrityError

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import support_pb2 as pb
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.context import Principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import FieldError, Forbidden, Invalid, NotFound, from_rpc_error
from clientarea_shared.events import record_event
from clientarea_shared.paging import decode_cursor, encode_cursor, page_limit
from clientarea_shared.permissions import Permission, allows, require
from clientarea_shared.runtime import Runtime
from clientarea_shared.storage import CheckedUpload, check_upload, safe_display_name, upload_problems
from crm_service.blobs import blob_store, read, stored
from crm_service.domain.content import clean_text
from crm_service.domain.support import (
    ATTACHMENT_MAX_BYTES,
    ATTACHMENT_TYPES,
    CUSTOMER,
    EVENT,
    MESSAGE,
    NOTE,
    OPEN,
    STAFF,
    TICKET_TYPES,
    attachment_count_problems,
    body_problems,
    checked_status,
    raise_if,
    status_after_reply,
    status_filter,
    ticket_problems,
)
from crm_service.models import PLUMBING, SupportAttachment, SupportMessage, SupportTicket
from crm_service.support_repository import SupportRepository, TicketFilter

log = logging.getLogger(__name__)

REPLY_EVENT = "crm.ticket_reply_posted"
CONTACT_REFRESH = timedelta(hours=1)
_NUMBER_ATTEMPTS = 3


@dataclass(frozen=True)
class Caller:
    principal: Principal
    side: str  # customer | staff
    client_id: str  # a customer's own client; "" for staff

    @property
    def kinds(self) -> tuple[str, ...]:
        """The conversation entries this caller may see."""
        return (MESSAGE, NOTE, EVENT) if self.side == STAFF else (MESSAGE, EVENT)


def _caller() -> Caller:
    principal = require(Permission.SUPPORT_MANAGE, Permission.SUPPORT_USE)
    if allows(principal, Permission.SUPPORT_MANAGE):
        return Caller(principal, STAFF, "")
    if not principal.client_id:
        raise Forbidden("This login is not linked to a client", "no_client")
    return Caller(principal, CUSTOMER, principal.client_id)


def _identity(runtime: Runtime) -> identity_pb2_grpc.IdentityServiceStub:
    return identity_pb2_grpc.IdentityServiceStub(runtime.channels.get("identity"))


def _iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


# --- messages out ------------------------------------------------------------------------------

def ticket_message(ticket: SupportTicket, client_name: str, count: int, caller: Caller) -> pb.Ticket:
    return pb.Ticket(
        id=ticket.id, number=ticket.number, type=ticket.type, subject=ticket.subject, status=ticket.status,
        client_id=ticket.client_id, client_name=client_name, opened_by_name=ticket.requester_name,
        # Customers see who handles their ticket by name; staff ids stay in the back office.
        assignee_id=(ticket.assignee_id or "") if caller.side == STAFF else "",
        assignee_name=ticket.assignee_name if ticket.assignee_id else "",
        created_at=_iso(ticket.created_at), updated_at=_iso(ticket.updated_at),
        last_message_at=_iso(ticket.last_message_at), message_count=count,
    )


def attachment_message(attachment: SupportAttachment) -> pb.Attachment:
    return pb.Attachment(id=attachment.id, file_name=attachment.file_name, content_type=attachment.content_type,
                         size=attachment.size)


def conversation_message(message: SupportMessage, attachments: Sequence[SupportAttachment]) -> pb.TicketMessage:
    return pb.TicketMessage(
        id=message.id, kind=message.kind, author_side=message.author_side, author_name=message.author_name,
        body=message.body, created_at=_iso(message.created_at),
        attachments=[attachment_message(a) for a in attachments])


# --- checks ------------------------------------------------------------------------------------

def checked_attachments(files: Sequence[pb.UploadedFile]) -> tuple[list[tuple[CheckedUpload, bytes]], list[FieldError]]:
    """The files that may be kept, and a field error (on `attachments`, naming the file) for each
    that may not."""
    errors = attachment_count_problems(len(files))
    if errors:
        return [], errors
    kept: list[tuple[CheckedUpload, bytes]] = []
    for file in files:
        problems = upload_problems(file.file_name, file.content, max_bytes=ATTACHMENT_MAX_BYTES,
                                   allowed=ATTACHMENT_TYPES, field="attachments")
        if problems:
            name = safe_display_name(file.file_name) or "?"
            errors += [FieldError(p.field, p.code, f"{name}: {p.message}") for p in problems]
        else:
            kept.append((check_upload(file.file_name, file.content, max_bytes=ATTACHMENT_MAX_BYTES,
                                      allowed=ATTACHMENT_TYPES, field="attachments"), file.content))
    return kept, errors


@dataclass(frozen=True)
class Contact:
    name: str
    email: str
    locale: str


def whoami(runtime: Runtime, principal: Principal) -> Contact:
    """The caller's name, e-mail and language as identity knows them (the token has no e-mail).
    When identity cannot answer, the ticket still goes ahead, announced in the app only."""
    try:
        me = _identity(runtime).GetMe(identity_pb2.GetMeRequest())
    except grpc.RpcError as exc:
        log.warning("identity did not say who %s is: %s", principal.user_id, from_rpc_error(exc).code)
        return Contact(principal.display_name, "", "es")
    return Contact(me.display_name or principal.display_name, me.email, me.locale or "es")


def remember_staff(runtime: Runtime, principal: Principal) -> Contact | None:
    """Keep the staff member's e-mail where a customer's reply can reach them (at most hourly)."""
    now = utcnow()
    with runtime.db.read() as session:
        known = SupportRepository(session, principal.tenant_id).staff_contact(principal.user_id)
        if known is not None and known.updated_at > now - CONTACT_REFRESH:
            return Contact(known.display_name, known.email, known.locale)
    me = whoami(runtime, principal)
    if me.email:
        with runtime.db.session() as session:
            SupportRepository(session, principal.tenant_id).remember_staff(
                principal.user_id[:80], display_name=me.name, email=me.email, locale=me.locale, now=now)
    return me


def colleague_name(runtime: Runtime, user_id: str) -> str:
    """An active staff member of the caller's firm (identity's staff directory), or Invalid."""
    try:
        directory = _identity(runtime).ListStaffDirectory(identity_pb2.ListStaffDirectoryRequest(ids=[user_id]))
    except grpc.RpcError as exc:
        raise from_rpc_error(exc) from exc
    entry = next((e for e in directory.items if e.id == user_id and e.active), None)
    if entry is None:
        raise Invalid.field("assignee_id", "unknown", "Choose an active colleague of the firm")
    return entry.display_name


def _visible_ticket(repo: SupportRepository, caller: Caller, ticket_id: str, *, for_update: bool = False
                    ) -> SupportTicket:
    ticket = repo.ticket(ticket_id, client_id=caller.client_id, for_update=for_update)
    if ticket is None:
        raise NotFound("Ticket not found", "ticket_not_found")
    return ticket


def _add_message(session, ticket: SupportTicket, caller: Caller, author_name: str, kind: str,  # noqa: ANN001
                 body: str, now: datetime) -> SupportMessage:
    message = SupportMessage(
        id=new_id(), tenant_id=ticket.tenant_id, ticket_id=ticket.id, kind=kind, author_side=caller.side,
        author_id=caller.principal.user_id[:80], author_name=author_name[:200], body=body, created_at=now)
    session.add(message)
    return message


def _add_attachments(session, ticket: SupportTicket, message: SupportMessage,  # noqa: ANN001
                     uploads: Sequence[tuple[CheckedUpload, bytes]], infos: Sequence, now: datetime
                     ) -> list[SupportAttachment]:
    rows = [SupportAttachment(
        id=new_id(), tenant_id=ticket.tenant_id, ticket_id=ticket.id, message_id=message.id, blob_key=info.key,
        file_name=checked.file_name, content_type=checked.content_type, size=info.size, sha256=info.sha256,
        created_at=now) for (checked, _content), info in zip(uploads, infos, strict=True)]
    session.add_all(rows)
    return rows


def _announce(session, repo: SupportRepository, ticket: SupportTicket, caller: Caller, author_name: str) -> None:  # noqa: ANN001
    """Tell the other side of the ticket about a reply: the customer who opened it, or the staff
    member it is assigned to (nobody yet when unassigned: the inbox shows it as new)."""
    if caller.side == STAFF:
        recipient = (ticket.requester_id, ticket.requester_email, ticket.requester_name, ticket.requester_locale)
    elif ticket.assignee_id:
        contact = repo.staff_contact(ticket.assignee_id)
        recipient = (ticket.assignee_id, contact.email if contact else "",
                     contact.display_name if contact else ticket.assignee_name, contact.locale if contact else "es")
    else:
        return
    user_id, email, name, locale = recipient
    record_event(session, PLUMBING, source="crm", tenant_id=ticket.tenant_id, event_type=REPLY_EVENT,
                 payload=pb.TicketReplyPosted(
                     ticket_id=ticket.id, number=ticket.number, subject=ticket.subject, type=ticket.type,
                     author_side=caller.side, author_name=author_name, recipient_user_id=user_id,
                     recipient_email=email, recipient_name=name, locale=locale, status=ticket.status))


# --- RPCs --------------------------------------------------------------------------------------

def open_ticket(runtime: Runtime, request: pb.OpenTicketRequest) -> pb.Ticket:
    caller = _caller()
    if caller.side != CUSTOMER:
        raise Forbidden("Tickets are opened by the firm's customers", "customers_only")
    new, errors = ticket_problems(request.type, request.subject, request.description)
    uploads, file_errors = checked_attachments(request.attachments)
    raise_if(errors + file_errors)
    me = whoami(runtime, caller.principal)
    tenant_id = caller.principal.tenant_id
    with stored(blob_store(runtime), tenant_id, uploads) as infos:
        for attempt in range(_NUMBER_ATTEMPTS):
            try:
                with runtime.db.session() as session:
                    repo = SupportRepository(session, tenant_id)
                    now = utcnow()
                    ticket = SupportTicket(
                        id=new_id(), tenant_id=tenant_id, number=repo.next_number(), client_id=caller.client_id,
                        type=new.type, subject=new.subject, status=OPEN, requester_id=caller.principal.user_id[:80],
                        requester_name=me.name[:200], requester_email=me.email, requester_locale=me.locale,
                        assignee_id=None, assignee_name="", created_at=now, updated_at=now, last_message_at=now)
                    session.add(ticket)
                    message = _add_message(session, ticket, caller, me.name, MESSAGE, new.description, now)
                    _add_attachments(session, ticket, message, uploads, infos, now)
                    client_name = repo.client_names([caller.client_id]).get(caller.client_id, "")
                    return ticket_message(ticket, client_name, 1, caller)
            except IntegrityError:  # another ticket of the firm took the number: take the next
                if attempt == _NUMBER_ATTEMPTS - 1:
                    raise
    raise AssertionError("unreachable")


def _after(cursor: str) -> tuple[datetime, str] | None:
    key = decode_cursor(cursor)
    if key is None:
        return None
    try:
        moment, ticket_id = key
        return datetime.fromisoformat(moment), ticket_id
    except ValueError as exc:
        raise Invalid.field("cursor", "invalid", "The cursor is not valid") from exc


def _ticket_filter(caller: Caller, request: pb.ListTicketsRequest) -> TicketFilter:
    errors: list[FieldError] = []
    if request.type and request.type not in TICKET_TYPES:
        errors.append(FieldError("type", "invalid", "Unknown kind of ticket"))
    assignee: str | None = None
    if caller.side == STAFF and request.assigned:
        if request.assigned not in ("me", "none"):
            errors.append(FieldError("assigned", "invalid", "Choose me or none"))
        assignee = caller.principal.user_id if request.assigned == "me" else ""
    raise_if(errors)
    return TicketFilter(client_id=caller.client_id or request.client_id.strip(),
                        statuses=status_filter(request.status), type=request.type, assignee_id=assignee,
                        visible_kinds=tuple(k for k in caller.kinds if k != EVENT))


def list_tickets(runtime: Runtime, request: pb.ListTicketsRequest) -> pb.ListTicketsResponse:
    caller = _caller()
    where = _ticket_filter(caller, request)
    limit = page_limit(request.page.limit)
    if caller.side == STAFF:
        remember_staff(runtime, caller.principal)
    with runtime.db.read() as session:
        repo = SupportRepository(session, caller.principal.tenant_id)
        rows = repo.page(where, after=_after(request.page.cursor), limit=limit)
        items, more = rows[:limit], len(rows) > limit
        names = repo.client_names([t.client_id for t in items])
        counts = repo.message_counts([t.id for t in items], where.visible_kinds)
    cursor = encode_cursor(items[-1].last_message_at.isoformat(), items[-1].id) if more else ""
    return pb.ListTicketsResponse(
        items=[ticket_message(t, names.get(t.client_id, ""), counts.get(t.id, 0), caller) for t in items],
        page=common_pb2.PageInfo(next_cursor=cursor))


def get_ticket(runtime: Runtime, request: pb.GetTicketRequest) -> pb.TicketThread:
    caller = _caller()
    with runtime.db.read() as session:
        repo = SupportRepository(session, caller.principal.tenant_id)
        ticket = _visible_ticket(repo, caller, request.id)
        messages = repo.messages(ticket.id, caller.kinds)
        by_message: dict[str, list[SupportAttachment]] = defaultdict(list)
        for attachment in repo.attachments(ticket.id):
            by_message[attachment.message_id].append(attachment)
        client_name = repo.client_names([ticket.client_id]).get(ticket.client_id, "")
    count = sum(1 for m in messages if m.kind != EVENT)
    return pb.TicketThread(ticket=ticket_message(ticket, client_name, count, caller),
                           messages=[conversation_message(m, by_message.get(m.id, [])) for m in messages])


def post_message(runtime: Runtime, request: pb.PostTicketMessageRequest) -> pb.TicketMessage:
    caller = _caller()
    if request.internal and caller.side != STAFF:
        raise Invalid.field("internal", "forbidden", "Only the firm's staff write internal notes")
    body = clean_text(request.body)
    uploads, file_errors = checked_attachments(request.attachments)
    raise_if(body_problems(body, has_attachments=bool(request.attachments)) + file_errors)
    me = remember_staff(runtime, caller.principal) if caller.side == STAFF else None
    author = (me.name if me else "") or caller.principal.display_name
    tenant_id = caller.principal.tenant_id
    with stored(blob_store(runtime), tenant_id, uploads) as infos, runtime.db.session() as session:
        repo = SupportRepository(session, tenant_id)
        ticket = _visible_ticket(repo, caller, request.ticket_id, for_update=True)
        if caller.side == CUSTOMER:
            author = author or ticket.requester_name
        now = utcnow()
        if not request.internal:
            ticket.status = status_after_reply(ticket.status, caller.side)
            ticket.last_message_at = now
            if caller.side == STAFF and not ticket.assignee_id:
                # The first to answer an unassigned ticket takes it: customers' replies then reach someone.
                ticket.assignee_id, ticket.assignee_name = caller.principal.user_id[:80], author[:200]
                _add_message(session, ticket, caller, author, EVENT, f"assigned:{author}", now)
        ticket.updated_at = now
        message = _add_message(session, ticket, caller, author, NOTE if request.internal else MESSAGE, body,
                               now + timedelta(microseconds=1))  # after the event above
        attachments = _add_attachments(session, ticket, message, uploads, infos, now)
        if not request.internal:
            _announce(session, repo, ticket, caller, author)
        return conversation_message(message, attachments)


def update_ticket(runtime: Runtime, request: pb.UpdateTicketRequest) -> pb.Ticket:
    principal = require(Permission.SUPPORT_MANAGE)
    caller = Caller(principal, STAFF, "")
    status = checked_status(request.status) if request.status else ""
    if not status and not request.change_assignee:
        raise Invalid.field("status", "required", "Say what to change: the status or the assignee")
    assignee_id = request.assignee_id.strip() if request.change_assignee else None
    assignee_name = colleague_name(runtime, assignee_id) if assignee_id else ""
    me = remember_staff(runtime, principal)
    author = (me.name if me else "") or principal.display_name
    with runtime.db.session() as session:
        repo = SupportRepository(session, principal.tenant_id)
        ticket = _visible_ticket(repo, caller, request.id, for_update=True)
        now = utcnow()
        if status and status != ticket.status:
            ticket.status = status
            _add_message(session, ticket, caller, author, EVENT, f"status:{status}", now)
        if assignee_id is not None and (assignee_id or None) != ticket.assignee_id:
            ticket.assignee_id, ticket.assignee_name = assignee_id or None, assignee_name[:200]
            change = f"assigned:{assignee_name}" if assignee_id else "unassigned"
            _add_message(session, ticket, caller, author, EVENT, change, now + timedelta(microseconds=1))
        ticket.updated_at = now
        session.flush()
        count = repo.message_counts([ticket.id], caller.kinds[:2]).get(ticket.id, 0)
        client_name = repo.client_names([ticket.client_id]).get(ticket.client_id, "")
        return ticket_message(ticket, client_name, count, caller)


def get_attachment(runtime: Runtime, request: pb.GetTicketAttachmentRequest) -> pb.FileContent:
    caller = _caller()
    with runtime.db.read() as session:
        repo = SupportRepository(session, caller.principal.tenant_id)
        ticket = _visible_ticket(repo, caller, request.ticket_id)
        attachment = repo.attachment(ticket.id, request.attachment_id, caller.kinds)
        if attachment is None:
            raise NotFound("Attachment not found", "attachment_not_found")
    return pb.FileContent(file_name=attachment.file_name, content_type=attachment.content_type,
                          content=read(blob_store(runtime), attachment.blob_key))

