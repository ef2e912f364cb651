"""Campaigns end to end through the gateway on PostgreSQL and RabbitMQ: a draft for a selection
(picked ids or a filter) with its recipients, skipped clients and preview; the launch travelling
crm's outbox and the bus to notification, whose worker e-mails each recipient and whose counts the
list shows; every bad input as problem+json field errors with nothing written; 409 on a second
launch, 404 for another firm, 403 for customers."""

from __future__ import annotations

import secrets

import pytest

from clientarea_shared.testing import wait_until

from .conftest import nif

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]
API = "/api/v1"


def new_client(http, staff, first_name: str, last_name: str, **fields) -> dict:
    answer = http.post(f"{API}/clients", headers=staff, json={
        "kind": "person", "first_name": first_name, "last_name": last_name, "tax_id": nif(), **fields})
    assert answer.status_code == 201, answer.json
    return answer.json


def field_codes(answer) -> dict[str, str]:
    assert answer.mimetype == "application/problem+json", answer.data
    return {e["field"]: e["code"] for e in answer.json["errors"]}


def campaign_body(*clients: dict, **overrides) -> dict:
    return {"name": "Renovación de hogar", "channel": "email", "subject": "{nombre}, su póliza de hogar",
            "body": "Hola {nombre}:\n\nSu póliza de hogar se renueva el mes que viene.",
            "selection": {"client_ids": [c["id"] for c in clients]}, **overrides}


def campaigns_in_list(http, headers) -> list[dict]:
    answer = http.get(f"{API}/campaigns", headers=headers, query_string={"limit": 100})
    assert answer.status_code == 200, answer.json
    return answer.json["items"]


def test_a_launched_email_campaign_reaches_each_client_by_name_and_the_list_counts_it_sent(http, staff, mailbox):
    tag = secrets.token_hex(3)
    elena = new_client(http, staff, "Elena", "Navarro Gil", email=f"elena.{tag}@correo.test")
    tomas = new_client(http, staff, "Tomás", "Ruiz Peña", email=f"tomas.{tag}@correo.test", locale="ca")
    nadia = new_client(http, staff, "Nadia", "Sin Correo", phones=[{"label": "mobile", "number": "655 44 33 22"}])

    created = http.post(f"{API}/campaigns", headers=staff, json=campaign_body(elena, tomas, nadia))
    assert created.status_code == 201, created.json
    draft = created.json
    assert (draft["status"], draft["recipient_count"], draft["skipped_count"], draft["launched_at"]) == (
        "draft", 2, 1, None)
    assert draft["skipped"] == [{"client_id": nadia["id"], "display_name": "Nadia Sin Correo", "reason": "no_email"}]
    assert draft["preview"] == {"recipient_name": "Elena Navarro Gil", "address": f"elena.{tag}@correo.test",
                                "subject": "Elena Navarro Gil, su póliza de hogar",
                                "body": "Hola Elena Navarro Gil:\n\nSu póliza de hogar se renueva el mes que viene."}

    launched = http.post(f"{API}/campaigns/{draft['id']}/launch", headers=staff)
    assert launched.status_code == 200, launched.json
    assert launched.json["status"] == "launched" and launched.json["launched_at"]

    to_tomas = mailbox.wait_for(f"tomas.{tag}@correo.test")
    assert to_tomas["subject"] == "Tomás Ruiz Peña, su póliza de hogar"
    assert to_tomas["text"].startswith("Hola Tomás Ruiz Peña:")
    mailbox.wait_for(f"elena.{tag}@correo.test")
    listed = wait_until(lambda: next((c for c in campaigns_in_list(http, staff)
                                      if c["id"] == draft["id"] and c["stats"]["sent"] == 2), None), 30,
                        "the list counting both e-mails sent")
    assert listed["stats"] == {"queued": 0, "sent": 2, "failed": 0}
    one = http.get(f"{API}/campaigns/{draft['id']}", headers=staff).json
    assert one["stats"] == {"queued": 0, "sent": 2, "failed": 0} and one["skipped_count"] == 1

    again = http.post(f"{API}/campaigns/{draft['id']}/launch", headers=staff)
    assert again.status_code == 409 and again.json["code"] == "already_launched"


def test_a_selection_by_filter_takes_every_matching_client(http, staff):
    surname = f"Filtro{secrets.token_hex(3)}"
    for first in ("Ana", "Berta"):
        new_client(http, staff, first, surname, phones=[{"label": "mobile", "number": "622 11 22 33"}])
    answer = http.post(f"{API}/campaigns", headers=staff, json={
        "name": "Aviso por SMS", "channel": "sms", "body": "Hola {nombre}, su recibo ya está disponible.",
        "selection": {"filter": {"q": surname}}})
    assert answer.status_code == 201, answer.json
    assert (answer.json["recipient_count"], answer.json["skipped_count"]) == (2, 0)
    assert answer.json["preview"]["address"] == "+34622112233"


@pytest.mark.parametrize(("overrides", "errors"), [
    ({"channel": "fax"}, {"channel": "unknown"}),
    ({"body": ""}, {"body": "required"}),
    ({"channel": "sms", "subject": "", "body": "Hola {nombre}. " + "Texto largo " * 40}, {"body": "too_long"}),
    ({"channel": "voice", "subject": "", "body": " ".join(["palabra"] * 80)}, {"body": "too_long"}),
    ({"subject": ""}, {"subject": "required"}),
    ({"body": "Hola {nombre}, le debemos {importe}"}, {"body": "unknown_placeholder"}),
    ({"selection": {"client_ids": ["no-such-client"]}}, {"selection": "empty"}),
    ({"selection": {"filter": {"birthday_from": "2026-06-01", "birthday_to": "2026-05-01"}}},
     {"filter.birthday_to": "before_from"}),
])
def test_bad_campaigns_are_field_errors_and_nothing_is_written(http, staff, overrides, errors):
    client = new_client(http, staff, "Rosa", "Prueba Errores", email="rosa@correo.test")
    before = len(campaigns_in_list(http, staff))
    answer = http.post(f"{API}/campaigns", headers=staff, json=campaign_body(client, **overrides))
    assert answer.status_code == 422, answer.json
    assert field_codes(answer) == errors
    assert len(campaigns_in_list(http, staff)) == before


def test_another_firms_campaign_is_not_found_and_customers_are_forbidden(app, http, staff, customer, other_firm):
    client = new_client(http, staff, "Luis", "Ajeno Firma", email="luis@correo.test")
    draft = http.post(f"{API}/campaigns", headers=staff, json=campaign_body(client)).json
    assert http.get(f"{API}/campaigns/{draft['id']}", headers=other_firm).status_code == 404
    assert http.post(f"{API}/campaigns/{draft['id']}/launch", headers=other_firm).status_code == 404
    assert draft["id"] not in {c["id"] for c in campaigns_in_list(http, other_firm)}
    assert http.get(f"{API}/campaigns", headers=customer).status_code == 403
    assert http.post(f"{API}/campaigns", headers=customer, json=campaign_body(client)).status_code == 403
    assert app.test_client().get(f"{API}/campaigns").status_code == 401  # no login (nor its cookie)
