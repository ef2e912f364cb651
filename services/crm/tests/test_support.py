"""crm's support over gRPC on PostgreSQL, and its rules: how a ticket's status moves, which replies
are announced (the outbox event, and notification's in-app notice from it), what a customer may
reach, and the feedback box's page hygiene."""

from __future__ import annotations

import grpc
import pytest
from sqlalchemy import select

from clientarea.crm.v1 import support_pb2, support_pb2_grpc
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.notification.v1 import notification_pb2, notification_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.errors import FailedPrecondition
from clientarea_shared.testing import bearer, field_errors, wait_until
from crm_service.domain.support import (
    AWAITING_CUSTOMER,
    AWAITING_STAFF,
    CLOSED,
    CUSTOMER,
    OPEN,
    RESOLVED,
    STAFF,
    feedback_page,
    status_after_reply,
    status_filter,
    ticket_problems,
)
from crm_service.models import PLUMBING

PDF = b"%PDF-1.4\n%%EOF\n"


# --- rules (no services) -----------------------------------------------------------------------
@pytest.mark.unit
@pytest.mark.parametrize(("current", "side", "expected"), [
    (OPEN, STAFF, AWAITING_CUSTOMER), (OPEN, CUSTOMER, AWAITING_STAFF),
    (AWAITING_CUSTOMER, CUSTOMER, AWAITING_STAFF), (AWAITING_STAFF, STAFF, AWAITING_CUSTOMER),
    (RESOLVED, CUSTOMER, AWAITING_STAFF),  # the customer's reply reopens a resolved ticket
])
def test_a_reply_hands_the_ticket_to_the_other_side(current, side, expected):
    assert status_after_reply(current, side) == expected


@pytest.mark.unit
def test_a_closed_ticket_takes_no_reply():
    with pytest.raises(FailedPrecondition) as refused:
        status_after_reply(CLOSED, CUSTOMER)
    assert refused.value.code == "ticket_closed"


@pytest.mark.unit
def test_status_filters_and_ticket_fields():
    assert status_filter("active") == (OPEN, AWAITING_STAFF, AWAITING_CUSTOMER)
    assert status_filter("") == ()
    ticket, errors = ticket_problems(" request_review ", "  Falta   un expediente ", "Línea 1\r\n\r\n\r\nLínea 2  ")
    assert not errors and ticket.subject == "Falta un expediente" and ticket.description == "Línea 1\n\nLínea 2"
    _, errors = ticket_problems("wish", "x" * 201, "")
    assert {(e.field, e.code) for e in errors} == {("type", "invalid"), ("subject", "too_long"),
                                                   ("description", "required")}


@pytest.mark.unit
@pytest.mark.parametrize(("raw", "kept"), [
    ("/app/news", "/app/news"), ("/set-password?token=secret", "/set-password"), ("/app#top", "/app"),
    ("https://evil.test/x", ""), ("//evil.test/x", ""), ("app/news", ""),
])
def test_feedback_keeps_only_the_pages_path(raw, kept):
    assert feedback_page(raw) == kept


# --- over gRPC ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def support(platform):
    return support_pb2_grpc.SupportServiceStub(platform.services["crm"].channel())


def reply_events(platform, ticket_id: str) -> list[support_pb2.TicketReplyPosted]:
    with platform.services["crm"].runtime.db.read() as session:
        # In the order written: a row's place on disk moves when the relay marks it published.
        bodies = session.scalars(select(PLUMBING.outbox.c.body).where(
            PLUMBING.outbox.c.routing_key == "crm.ticket_reply_posted").order_by(PLUMBING.outbox.c.id))
        events = []
        for body in bodies:
            payload = support_pb2.TicketReplyPosted()
            EventEnvelope.FromString(body).payload.Unpack(payload)
            if payload.ticket_id == ticket_id:
                events.append(payload)
        return events


@pytest.mark.integration
def test_replies_are_announced_to_the_other_side_and_notes_never(platform, support, staff_token, customer_token):
    ticket = support.OpenTicket(support_pb2.OpenTicketRequest(
        type="question", subject="¿Cuándo vence mi póliza?", description="No encuentro la fecha."),
        metadata=bearer(customer_token))
    assert reply_events(platform, ticket.id) == []  # nobody to tell yet: the inbox shows it
    support.PostTicketMessage(support_pb2.PostTicketMessageRequest(ticket_id=ticket.id, body="Nota", internal=True),
                              metadata=bearer(staff_token))
    assert reply_events(platform, ticket.id) == []
    support.PostTicketMessage(support_pb2.PostTicketMessageRequest(ticket_id=ticket.id, body="Vence el 31 de mayo."),
                              metadata=bearer(staff_token))
    [to_customer] = reply_events(platform, ticket.id)
    assert to_customer.author_side == "staff" and to_customer.recipient_email == demo.CLIENT_USERNAME
    assert to_customer.recipient_user_id == demo.demo_id(f"user:{demo.CLIENT_USERNAME}")
    assert to_customer.status == "awaiting_customer" and to_customer.number == ticket.number
    support.PostTicketMessage(support_pb2.PostTicketMessageRequest(ticket_id=ticket.id, body="Gracias"),
                              metadata=bearer(customer_token))
    to_staff = reply_events(platform, ticket.id)[-1]
    assert to_staff.author_side == "customer" and to_staff.recipient_email == demo.AGENT_USERNAME

    # notification turns the first into an in-app notice for the customer.
    inbox = notification_pb2_grpc.NotificationServiceStub(platform.services["notification"].channel())
    notice = wait_until(lambda: next((n for n in inbox.ListNotifications(
        notification_pb2.ListNotificationsRequest(), metadata=bearer(customer_token)).items
        if f"#{ticket.number}" in n.title), None), 30, "the in-app notice")
    assert "Marta Agente" in notice.body and "31 de mayo" not in notice.body


@pytest.mark.integration
def test_customers_reach_only_their_clients_tickets_and_staff_open_none(platform, support, staff_token,
                                                                         customer_token):
    company = platform.login(demo.COMPANY_ADMIN_USERNAME, demo.COMPANY_ADMIN_PASSWORD)
    ticket = support.OpenTicket(support_pb2.OpenTicketRequest(
        type="other", subject="Privado", description="Solo nuestro.",
        attachments=[support_pb2.UploadedFile(file_name="a.pdf", content=PDF)]), metadata=bearer(customer_token))
    thread = support.GetTicket(support_pb2.GetTicketRequest(id=ticket.id), metadata=bearer(customer_token))
    attachment = thread.messages[0].attachments[0]
    for call, request in (
        (support.GetTicket, support_pb2.GetTicketRequest(id=ticket.id)),
        (support.GetTicketAttachment, support_pb2.GetTicketAttachmentRequest(ticket_id=ticket.id,
                                                                             attachment_id=attachment.id)),
        (support.PostTicketMessage, support_pb2.PostTicketMessageRequest(ticket_id=ticket.id, body="hola")),
    ):
        with pytest.raises(grpc.RpcError) as hidden:
            call(request, metadata=bearer(company))
        assert hidden.value.code() == grpc.StatusCode.NOT_FOUND
    listed = support.ListTickets(support_pb2.ListTicketsRequest(client_id=demo.CLIENT_ID), metadata=bearer(company))
    assert ticket.id not in {t.id for t in listed.items}
    with pytest.raises(grpc.RpcError) as refused:
        support.OpenTicket(support_pb2.OpenTicketRequest(type="other", subject="s", description="d"),
                           metadata=bearer(staff_token))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.integration
def test_bad_attachments_are_field_errors_naming_the_file(support, customer_token):
    with pytest.raises(grpc.RpcError) as refused:
        support.OpenTicket(support_pb2.OpenTicketRequest(
            type="question", subject="s", description="d",
            attachments=[support_pb2.UploadedFile(file_name="x.pdf", content=b"MZ\x90\x00" + b"\x00" * 60)]),
            metadata=bearer(customer_token))
    assert field_errors(refused.value) == {"attachments": "forbidden_type"}
