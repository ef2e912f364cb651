"""Support tickets, review requests and the feedback box end to end through the gateway, on the
in-process platform (PostgreSQL, RabbitMQ, the notification worker and a real SMTP server):
customers open tickets with attachments and talk with staff, each reply reaches the other side by
e-mail, staff assign, note and close; customers and firms never see each other's tickets or files;
bad files are field errors and nothing is written."""

from __future__ import annotations

import io
import re
import secrets

import pytest

from clientarea_shared import demo
from clientarea_shared.testing import wait_until

from .conftest import login
from .test_identity_journeys import PASSWORD, new_portal_user

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


# --- factories ---------------------------------------------------------------------------------
def signed_in(http, username: str, password: str = PASSWORD, tenant: str = "demo") -> dict:
    answer = login(http, username, password, tenant)
    assert answer.status_code == 200, answer.json
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


def new_customer(http, staff) -> tuple[dict, str]:
    """A new client of the demo firm with its own login: (bearer headers, e-mail)."""
    username, email = new_portal_user(http, staff, PASSWORD)
    return signed_in(http, username), email


def open_ticket(http, customer, files=(), **fields) -> dict:
    form = {"type": "question", "subject": f"Consulta {secrets.token_hex(3)}",
            "description": "¿Pueden revisar el recargo de la última factura?", **fields}
    answer = http.post("/api/v1/tickets", headers=customer, content_type="multipart/form-data",
                       data={**form, "attachments": [(io.BytesIO(content), name) for name, content in files]})
    assert answer.status_code == 201, answer.json
    return answer.json


def reply(http, headers, ticket_id: str, body: str, files=(), **fields):
    return http.post(f"/api/v1/tickets/{ticket_id}/messages", headers=headers, content_type="multipart/form-data",
                     data={"body": body, **fields, "attachments": [(io.BytesIO(c), n) for n, c in files]})


def mail_to(mailbox, recipient: str, pattern: str) -> dict:
    return wait_until(lambda: next((m for m in mailbox.messages if recipient in m["to"]
                                    and re.search(pattern, m["subject"] + m["text"])), None), 30,
                      f"an e-mail to {recipient} matching {pattern!r}")


def ticket_ids(http, headers, **query) -> set[str]:
    answer = http.get("/api/v1/tickets", headers=headers, query_string={"limit": 100, **query})
    assert answer.status_code == 200, answer.json
    return {t["id"] for t in answer.json["items"]}


def files_on_disk(platform) -> set:
    from crm_service.blobs import blob_store

    root = blob_store(platform.services["crm"].runtime).root
    return {p for p in root.rglob("*") if p.is_file()} if root.exists() else set()


# --- the conversation --------------------------------------------------------------------------
def test_a_customer_opens_a_ticket_with_a_file_staff_reply_and_each_side_is_told(http, staff, mailbox):
    customer, email = new_customer(http, staff)
    ticket = open_ticket(http, customer, files=[("factura octubre.pdf", PDF)])
    assert ticket["status"] == "open" and ticket["number"] > 0 and ticket["assignee_name"] is None
    assert ticket["assignee_id"] is None and ticket["message_count"] == 1

    inbox = http.get("/api/v1/tickets", headers=staff, query_string={"assigned": "none", "status": "active"})
    assert ticket["id"] in {t["id"] for t in inbox.json["items"]}
    thread = http.get(f"/api/v1/tickets/{ticket['id']}", headers=staff).json
    [first] = thread["messages"]
    [attachment] = first["attachments"]
    assert attachment["file_name"] == "factura octubre.pdf" and attachment["content_type"] == "application/pdf"
    download = http.get(f"/api/v1/tickets/{ticket['id']}/attachments/{attachment['id']}", headers=staff)
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"].startswith('attachment; filename="factura octubre.pdf"')

    answered = reply(http, staff, ticket["id"], "Es el recargo por pago fuera de plazo.")
    assert answered.status_code == 201, answered.json
    assert answered.json["author_side"] == "staff" and answered.json["author_name"] == "Marta Agente"
    # The first to answer takes the ticket; the customer now has to answer.
    seen = http.get(f"/api/v1/tickets/{ticket['id']}", headers=customer).json
    assert seen["ticket"]["status"] == "awaiting_customer" and seen["ticket"]["assignee_name"] == "Marta Agente"
    assert seen["ticket"]["assignee_id"] is None  # staff ids stay in the back office
    assert [m["kind"] for m in seen["messages"]] == ["message", "event", "message"]
    told = mail_to(mailbox, email, rf"#{ticket['number']}\b")
    assert "Marta Agente" in told["text"] and f"/app/support/tickets/{ticket['id']}" in told["text"]
    assert "recargo por pago" not in told["text"]  # the reply itself stays in the portal

    again = reply(http, customer, ticket["id"], "Gracias, ¿y si ya lo pagué?")
    assert again.status_code == 201
    assert http.get(f"/api/v1/tickets/{ticket['id']}", headers=staff).json["ticket"]["status"] == "awaiting_staff"
    # The agent is told at the address identity has for them.
    mail_to(mailbox, demo.AGENT_USERNAME, rf"#{ticket['number']}\b.*{ticket['subject']}")


def test_internal_notes_and_their_files_never_reach_the_customer(http, staff, mailbox):
    customer, email = new_customer(http, staff)
    ticket = open_ticket(http, customer)
    note = reply(http, staff, ticket["id"], "Cliente con impagos previos.", internal="true",
                 files=[("informe.pdf", PDF)])
    assert note.status_code == 201 and note.json["kind"] == "note"
    seen = http.get(f"/api/v1/tickets/{ticket['id']}", headers=customer).json
    assert "impagos previos" not in str(seen) and seen["ticket"]["status"] == "open"
    attachment_id = note.json["attachments"][0]["id"]
    assert http.get(f"/api/v1/tickets/{ticket['id']}/attachments/{attachment_id}",
                    headers=customer).status_code == 404
    assert http.get(f"/api/v1/tickets/{ticket['id']}/attachments/{attachment_id}", headers=staff).status_code == 200
    # A customer cannot write one.
    refused = reply(http, customer, ticket["id"], "nota", internal="true")
    assert refused.status_code == 422 and refused.json["errors"][0]["field"] == "internal"


def test_staff_assign_a_colleague_change_the_status_and_a_closed_ticket_takes_no_replies(http, app, staff):
    customer, _ = new_customer(http, staff)
    ticket = open_ticket(http, customer, type="complaint")
    colleagues = http.get("/api/v1/support/assignees", headers=staff).json["items"]
    admin = next(c for c in colleagues if c["display_name"] == "Alberto Admin")
    assigned = http.patch(f"/api/v1/tickets/{ticket['id']}", headers=staff, json={"assignee_id": admin["id"]})
    assert assigned.status_code == 200 and assigned.json["assignee_id"] == admin["id"]
    admin_headers = signed_in(app.test_client(), demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    assert ticket["id"] in ticket_ids(http, admin_headers, assigned="me")
    assert ticket["id"] not in ticket_ids(http, staff, assigned="me")

    unknown = http.patch(f"/api/v1/tickets/{ticket['id']}", headers=staff, json={"assignee_id": demo.CLIENT_ID})
    assert unknown.status_code == 422 and unknown.json["errors"][0]["field"] == "assignee_id"
    bad = http.patch(f"/api/v1/tickets/{ticket['id']}", headers=staff, json={"status": "lost"})
    assert bad.status_code == 422

    resolved = http.patch(f"/api/v1/tickets/{ticket['id']}", headers=staff, json={"status": "resolved"})
    assert resolved.json["status"] == "resolved"
    assert reply(http, customer, ticket["id"], "Sigue sin funcionar").status_code == 201  # reopens it
    assert http.get(f"/api/v1/tickets/{ticket['id']}", headers=staff).json["ticket"]["status"] == "awaiting_staff"
    http.patch(f"/api/v1/tickets/{ticket['id']}", headers=staff, json={"status": "closed", "assignee_id": None})
    closed = reply(http, customer, ticket["id"], "¿Hola?")
    assert closed.status_code == 409 and closed.json["code"] == "ticket_closed"
    events = [m["body"] for m in http.get(f"/api/v1/tickets/{ticket['id']}", headers=staff).json["messages"]
              if m["kind"] == "event"]
    assert events == ["assigned:Alberto Admin", "status:resolved", "status:closed", "unassigned"]
    # Only staff change a ticket.
    assert http.patch(f"/api/v1/tickets/{ticket['id']}", headers=customer, json={"status": "open"}).status_code == 403


def test_a_review_request_is_a_ticket_of_its_own_type_listed_by_type(http, staff):
    customer, _ = new_customer(http, staff)
    review = http.post("/api/v1/tickets", headers=customer, json={
        "type": "request_review", "subject": "Falta el expediente de Construcciones Norte",
        "description": "Lo enviamos en noviembre y no aparece."})
    assert review.status_code == 201 and review.json["type"] == "request_review"
    assert ticket_ids(http, customer, type="request_review") == {review.json["id"]}
    assert review.json["id"] in ticket_ids(http, staff, type="request_review")
    assert review.json["id"] not in ticket_ids(http, staff, type="question")


# --- who sees what -----------------------------------------------------------------------------
def test_a_customer_never_reaches_another_clients_tickets_or_files(http, staff):
    alice, _ = new_customer(http, staff)
    bob, _ = new_customer(http, staff)
    ticket = open_ticket(http, alice, files=[("nomina.pdf", PDF)])
    attachment = http.get(f"/api/v1/tickets/{ticket['id']}", headers=alice).json["messages"][0]["attachments"][0]
    assert ticket["id"] not in ticket_ids(http, bob)
    assert ticket_ids(http, bob, client_id=ticket["client_id"]) == set()  # a customer cannot widen the filter
    for method, path in (("get", f"/api/v1/tickets/{ticket['id']}"),
                         ("get", f"/api/v1/tickets/{ticket['id']}/attachments/{attachment['id']}"),
                         ("post", f"/api/v1/tickets/{ticket['id']}/messages")):
        answer = getattr(http, method)(path, headers=bob, json={"body": "hola"} if method == "post" else None)
        assert answer.status_code == 404, path
    # Nor can a customer open a ticket for staff nor staff for a customer.
    assert http.post("/api/v1/tickets", headers=staff, json={"subject": "x", "description": "y"}).status_code == 403


def test_another_firms_staff_see_nothing_of_this_firms_tickets(http, staff, other_tenant):
    customer, _ = new_customer(http, staff)
    ticket = open_ticket(http, customer, files=[("a.pdf", PDF)])
    theirs = signed_in(http, other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert ticket["id"] not in ticket_ids(http, theirs)
    assert http.get(f"/api/v1/tickets/{ticket['id']}", headers=theirs).status_code == 404
    assert http.patch(f"/api/v1/tickets/{ticket['id']}", headers=theirs, json={"status": "closed"}).status_code == 404


def test_without_a_login_nothing_answers(app):
    anonymous = app.test_client()
    assert anonymous.get("/api/v1/tickets").status_code == 401
    assert anonymous.post("/api/v1/feedback", json={"rating": 5}).status_code == 401


# --- bad input ---------------------------------------------------------------------------------
@pytest.mark.parametrize(("name", "content", "code"), [
    ("factura.pdf", WINDOWS_EXE, "forbidden_type"),
    ("../../etc/passwd.pdf", PDF, "invalid_name"),
    ("foto.pdf", PNG, "type_mismatch"),
    ("grande.pdf", PDF + b"0" * (4 * 1024 * 1024), "too_large"),
    ("vacio.pdf", b"", "empty"),
])
def test_bad_files_are_field_errors_and_nothing_is_written(http, staff, platform, name, content, code):
    customer, _ = new_customer(http, staff)
    before_tickets, before_files = ticket_ids(http, customer), files_on_disk(platform)
    answer = http.post("/api/v1/tickets", headers=customer, content_type="multipart/form-data", data={
        "type": "question", "subject": "Con archivo", "description": "Adjunto el documento.",
        "attachments": [(io.BytesIO(PDF), "bueno.pdf"), (io.BytesIO(content), name)]})
    assert answer.status_code == 422, answer.json
    assert [(e["field"], e["code"]) for e in answer.json["errors"]] == [("attachments", code)]
    assert ticket_ids(http, customer) == before_tickets
    assert files_on_disk(platform) == before_files  # not even the good file's bytes


def test_missing_fields_too_many_files_and_a_too_large_request(http, staff):
    customer, _ = new_customer(http, staff)
    empty = http.post("/api/v1/tickets", headers=customer, json={"type": "wish", "subject": " ", "description": ""})
    assert empty.status_code == 422
    assert {e["field"] for e in empty.json["errors"]} == {"type", "subject", "description"}
    many = http.post("/api/v1/tickets", headers=customer, content_type="multipart/form-data", data={
        "subject": "s", "description": "d", "attachments": [(io.BytesIO(PDF), f"{i}.pdf") for i in range(4)]})
    assert many.status_code == 422 and many.json["errors"][0]["code"] == "too_many"
    huge = http.post("/api/v1/tickets", headers=customer, content_type="multipart/form-data", data={
        "subject": "s", "description": "d", "attachments": [(io.BytesIO(b"0" * (14 * 1024 * 1024)), "x.txt")]})
    assert huge.status_code == 413


# --- feedback ----------------------------------------------------------------------------------
def test_feedback_from_any_page_is_listed_for_staff_with_the_average(http, app, staff, customer):
    marker = secrets.token_hex(4)
    given = http.post("/api/v1/feedback", headers=customer, json={
        "rating": 4, "comment": f"Muy clara {marker}", "page": "/app/news?token=secret#top"})
    assert given.status_code == 201, given.json
    assert given.json["page"] == "/app/news"  # never the query: it may hold a token
    http.post("/api/v1/feedback", headers=customer, json={"rating": 2, "comment": f"Lenta {marker}"})
    listed = http.get("/api/v1/feedback", headers=staff, query_string={"limit": 100}).json
    mine = [e for e in listed["items"] if marker in e["comment"]]
    assert [e["rating"] for e in mine] == [2, 4]  # newest first
    assert mine[0]["client_name"] == "Lucía Fernández Ruiz" and mine[0]["author_kind"] == "customer"
    assert listed["total"] >= 2 and 1 <= listed["average_rating"] <= 5
    fours = http.get("/api/v1/feedback", headers=staff, query_string={"rating": 4, "limit": 100}).json
    assert fours["average_rating"] == 4 and all(e["rating"] == 4 for e in fours["items"])
    assert http.get("/api/v1/feedback", headers=customer).status_code == 403


def test_bad_feedback_and_impossible_date_ranges_are_field_errors(http, staff, customer):
    assert http.post("/api/v1/feedback", headers=customer, json={"rating": 6}).status_code == 422
    assert http.post("/api/v1/feedback", headers=customer, json={"rating": 3, "comment": "x" * 2_001}).json[
        "errors"][0]["field"] == "comment"
    backwards = http.get("/api/v1/feedback", headers=staff, query_string={"since": "2026-03-10", "until": "2026-03-01"})
    assert backwards.status_code == 422 and backwards.json["errors"][0]["field"] == "until"
    assert http.get("/api/v1/feedback", headers=staff, query_string={"since": "10/03/2026"}).status_code == 422
