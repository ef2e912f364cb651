"""Client records end to end through the gateway on PostgreSQL: the three kinds, each bad input
as problem+json field errors with nothing written, edits with 409 on a stale version, the history
tab with old → new values, contacts, tasks and "my tasks", categories, the staff directory, the
tabs of other services, the customer's profile; other firms get 404 and customers 403."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

import pytest

from clientarea_shared import demo

from .conftest import ADMIN_ID, AGENT_ID, cif, headers_of, nif

pytestmark = pytest.mark.integration
API = "/api/v1"


def address(**overrides) -> dict:
    return {"street": "Gran Vía", "number": "28", "floor_door": "5º A", "postal_code": "28013", "city": "Madrid",
            "province": "Madrid", "country": "ES", **overrides}


def person_body(**overrides) -> dict:
    return {"kind": "person", "first_name": "Elena", "last_name": "Navarro Gil", "tax_id": nif(),
            "email": "elena.navarro@correo.test", "phones": [{"label": "mobile", "number": "644 55 66 77"}],
            "addresses": [address()], "birth_date": "1979-10-05", "salesperson_id": AGENT_ID,
            "alerts": {"email_collections": True, "email_renewals": False, "sms_collections": False,
                       "sms_renewals": True}, **overrides}


def company_body(**overrides) -> dict:
    return {"kind": "company", "legal_name": "Frutas Segura S.L.", "trade_name": "Frusegura", "tax_id": cif(),
            "phones": [{"label": "work", "number": "968 20 30 40"}],
            "addresses": [address(street="Avenida Libertad", number="9", floor_door="", postal_code="30009",
                                  city="Murcia", province="Murcia")], "birth_date": "2008-03-01", **overrides}


def create(http, headers, body) -> dict:
    answer = http.post(f"{API}/clients", json=body, headers=headers)
    assert answer.status_code == 201, answer.json
    return answer.json


def field_codes(answer) -> dict[str, str]:
    assert answer.mimetype == "application/problem+json", answer.data
    return {e["field"]: e["code"] for e in answer.json["errors"]}


def found(http, headers, q: str) -> list[dict]:
    return http.get(f"{API}/clients", query_string={"q": q}, headers=headers).json["items"]


def history(http, headers, client_id: str) -> list[dict]:
    answer = http.get(f"{API}/clients/{client_id}/history", headers=headers)
    assert answer.status_code == 200, answer.json
    return answer.json["items"]


def changes(entry: dict) -> dict[str, tuple[str, str]]:
    return {c["field"]: (c["old"], c["new"]) for c in entry["changes"]}


# --- the three kinds ------------------------------------------------------------------------------

def test_staff_create_a_person_a_company_and_a_consortium_made_of_companies(http, staff):
    category = http.post(f"{API}/categories", json={"name": f"Campo {secrets.token_hex(3)}"}, headers=staff)
    assert category.status_code == 201, category.json
    elena = create(http, staff, person_body(category_ids=[category.json["id"]]))
    assert elena["display_name"] == "Elena Navarro Gil" and elena["tax_id_type"] == "es_nif"
    assert elena["phones"] == [{"label": "mobile", "number": "+34644556677", "formatted": "644 55 66 77"}]
    assert elena["addresses"][0]["is_main"] and elena["salesperson_name"] == "Marta Agente"
    assert elena["categories"] == [{"id": category.json["id"], "name": category.json["name"]}]
    assert elena["alerts"]["sms_renewals"] and elena["version"] == 1
    first = create(http, staff, company_body())
    second = create(http, staff, company_body(legal_name="Riegos Vega S.A."))
    ute = create(http, staff, {"kind": "consortium", "legal_name": "UTE Regadíos del Segura", "tax_id": cif("U"),
                               "members": [{"client_id": first["id"], "share": 70},
                                           {"client_id": second["id"], "share": "30"}]})
    assert [(m["display_name"], m["share"]) for m in ute["members"]] == [("Frutas Segura S.L.", "70"),
                                                                          ("Riegos Vega S.A.", "30")]
    assert http.get(f"{API}/clients/{ute['id']}", headers=staff).json["members"] == ute["members"]


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"tax_id": "12345678B"}, {"tax_id": "invalid"}),
    ({"phones": [{"label": "mobile", "number": "600"}]}, {"phones.0.number": "invalid"}),
    ({"addresses": [address(postal_code="60001")]}, {"addresses.0.postal_code": "invalid"}),
    ({"salesperson_id": demo.demo_id(f"user:{demo.CLIENT_USERNAME}")}, {"salesperson_id": "unknown"}),
    ({"category_ids": ["0190c0de-0000-7000-8000-00000000beef"]}, {"category_ids": "unknown"}),
    ({"first_name": "C:\\Windows\\system32"}, {"first_name": "invalid"}),
    ({"birth_date": "2999-01-01", "email": "@"}, {"birth_date": "in_future", "email": "invalid"}),
    ({"kind": "consortium", "first_name": "", "last_name": "", "legal_name": "UTE X", "tax_id": "U12345678",
      "members": [{"client_id": demo.CLIENT_ID, "share": "100"}]}, {"tax_id": "invalid", "members": "too_few"}),
])
def test_bad_client_data_is_a_422_with_field_errors_and_nothing_is_written(http, staff, overrides, expected):
    body = person_body(**overrides)
    answer = http.post(f"{API}/clients", json=body, headers=staff)
    assert answer.status_code == 422
    assert field_codes(answer) == expected
    assert not found(http, staff, body["tax_id"])


def test_a_duplicate_document_number_is_a_409_on_the_field(http, staff):
    existing = create(http, staff, person_body())
    answer = http.post(f"{API}/clients", json=person_body(tax_id=existing["tax_id"]), headers=staff)
    assert answer.status_code == 409 and field_codes(answer) == {"tax_id": "duplicate"}


# --- edits, concurrency and history ----------------------------------------------------------------

def test_an_edit_with_a_phone_and_an_address_shows_in_the_history_and_a_stale_one_is_a_409(http, app, staff):
    client = create(http, staff, company_body())
    edited = http.patch(f"{API}/clients/{client['id']}", headers=staff, json={
        "version": client["version"],
        "phones": [{"label": "work", "number": client["phones"][0]["number"]},
                   {"label": "mobile", "number": "+34 611 22 33 44"}],
        "addresses": [address(street="Calle Platería", number="3", floor_door="", postal_code="30004", city="Murcia",
                              province="Murcia", is_main=True)],
    })
    assert edited.status_code == 200, edited.json
    assert edited.json["legal_name"] == client["legal_name"] and edited.json["version"] == client["version"] + 1
    assert [p["formatted"] for p in edited.json["phones"]] == ["968 20 30 40", "611 22 33 44"]
    [latest, _created] = history(http, staff, client["id"])
    assert latest["action"] == "updated" and latest["actor_name"] == "Marta Agente"
    assert changes(latest) == {
        "phones": ("work: 968 20 30 40", "work: 968 20 30 40\nmobile: 611 22 33 44"),
        "addresses": ("main: Avenida Libertad 9, 30009 Murcia (Murcia), ES",
                      "main: Calle Platería 3, 30004 Murcia (Murcia), ES"),
    }
    # Another editor still holding the first version: refused, nothing overwritten.
    admin = headers_of(app.test_client(), demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    stale = http.patch(f"{API}/clients/{client['id']}", json={"version": client["version"], "trade_name": "Otra"},
                       headers=admin)
    assert stale.status_code == 409 and stale.json["code"] == "edit_conflict"
    assert http.get(f"{API}/clients/{client['id']}", headers=staff).json["trade_name"] == "Frusegura"


def test_bad_edits_are_422_and_write_nothing(http, staff):
    client = create(http, staff, person_body())
    for body, expected in (
        ({"version": 1, "kind": "company"}, {"kind": "extra_forbidden"}),
        ({"trade_name": "X"}, {"version": "missing"}),
        ({"version": 1, "phones": [{"label": "pager", "number": "612345678"}]}, {"phones.0.label": "invalid"}),
        ({"version": 1, "addresses": [address(), address(is_main=True), address(is_main=True)]},
         {"addresses": "several_main"}),
        ({"version": 1, "salesperson_id": "no-such-user"}, {"salesperson_id": "unknown"}),
    ):
        answer = http.patch(f"{API}/clients/{client['id']}", json=body, headers=staff)
        assert answer.status_code == 422, body
        assert field_codes(answer) == expected
    assert http.get(f"{API}/clients/{client['id']}", headers=staff).json == client
    assert len(history(http, staff, client["id"])) == 1


# --- contacts, tasks, categories, staff directory -------------------------------------------------

def test_contacts_of_a_client(http, staff):
    client = create(http, staff, company_body())
    added = http.post(f"{API}/clients/{client['id']}/contacts", headers=staff, json={
        "role": "accountant", "first_name": "Pilar", "last_name": "Sáez", "emails": ["pilar@asesoria.test"],
        "phones": [{"label": "work", "number": "968 11 22 33"}]})
    assert added.status_code == 201, added.json
    bad = http.post(f"{API}/clients/{client['id']}/contacts", headers=staff,
                    json={"role": "boss", "first_name": "", "emails": ["nope"]})
    assert bad.status_code == 422 and field_codes(bad) == {"role": "invalid", "first_name": "required",
                                                           "emails.0": "invalid"}
    changed = http.put(f"{API}/contacts/{added.json['id']}", headers=staff, json={
        "version": added.json["version"], "role": "manager", "first_name": "Pilar", "last_name": "Sáez Ruiz"})
    assert changed.status_code == 200 and changed.json["phones"] == []
    stale = http.put(f"{API}/contacts/{added.json['id']}", headers=staff,
                     json={"version": added.json["version"], "role": "other", "first_name": "P"})
    assert stale.status_code == 409
    listed = http.get(f"{API}/clients/{client['id']}/contacts", headers=staff).json["items"]
    assert [c["last_name"] for c in listed] == ["Sáez Ruiz"]
    assert http.delete(f"{API}/contacts/{added.json['id']}", headers=staff).status_code == 204
    assert [(e["entity"], e["action"]) for e in history(http, staff, client["id"])[:3]] == [
        ("contact", "deleted"), ("contact", "updated"), ("contact", "created")]


def test_tasks_my_tasks_and_comments(http, staff):
    client = create(http, staff, person_body())
    late = http.post(f"{API}/clients/{client['id']}/tasks", headers=staff, json={
        "title": "Reclamar el DNI escaneado", "assignee_id": AGENT_ID,
        "due_on": (date.today() - timedelta(days=1)).isoformat()})
    assert late.status_code == 201 and late.json["overdue"] is True, late.json
    bad = http.post(f"{API}/clients/{client['id']}/tasks", headers=staff,
                    json={"title": "", "assignee_id": "someone", "due_on": "31/12/2026"})
    assert bad.status_code == 422 and field_codes(bad) == {"title": "required", "due_on": "invalid"}
    unknown = http.post(f"{API}/clients/{client['id']}/tasks", headers=staff,
                        json={"title": "X", "assignee_id": "someone", "due_on": date.today().isoformat()})
    assert unknown.status_code == 422 and field_codes(unknown) == {"assignee_id": "unknown"}
    overdue = http.get(f"{API}/me/tasks", query_string={"overdue": "true", "limit": 100}, headers=staff).json
    assert late.json["id"] in {t["id"] for t in overdue["items"]}
    comment = http.post(f"{API}/tasks/{late.json['id']}/comments", json={"body": "Enviado recordatorio."},
                        headers=staff)
    assert comment.status_code == 201
    done = http.patch(f"{API}/tasks/{late.json['id']}", json={"version": late.json["version"], "status": "done"},
                      headers=staff)
    assert done.status_code == 200 and done.json["status"] == "done" and not done.json["overdue"]
    assert [c["body"] for c in done.json["comments"]] == ["Enviado recordatorio."]
    assert http.patch(f"{API}/tasks/{late.json['id']}", json={"version": 1, "status": "open"},
                      headers=staff).status_code == 409
    assert http.patch(f"{API}/tasks/{late.json['id']}", json={"version": 2, "status": "someday"},
                      headers=staff).status_code == 422
    tab = http.get(f"{API}/clients/{client['id']}/tasks", headers=staff).json["items"]
    assert [t["title"] for t in tab] == ["Reclamar el DNI escaneado"]
    assert [e["action"] for e in history(http, staff, client["id"]) if e["entity"] == "task"] == [
        "updated", "commented", "created"]


def test_categories_admin_and_the_staff_directory(http, staff, customer):
    name = f"Hostelería {secrets.token_hex(2)}"
    created = http.post(f"{API}/categories", json={"name": name}, headers=staff)
    assert created.status_code == 201
    duplicate = http.post(f"{API}/categories", json={"name": name.upper()}, headers=staff)
    assert duplicate.status_code == 409 and field_codes(duplicate) == {"name": "duplicate"}
    renamed = http.patch(f"{API}/categories/{created.json['id']}", json={"name": name + " y ocio"}, headers=staff)
    assert renamed.status_code == 200 and renamed.json["name"] == name + " y ocio"
    assert http.delete(f"{API}/categories/{created.json['id']}", headers=staff).json == {"clients_updated": 0}
    assert created.json["id"] not in {c["id"] for c in http.get(f"{API}/categories", headers=staff).json["items"]}
    directory = http.get(f"{API}/staff-directory", headers=staff).json["items"]
    names = {(c["id"], c["display_name"]) for c in directory}
    assert names >= {(AGENT_ID, "Marta Agente"), (ADMIN_ID, "Alberto Admin")}
    for method, path in (("GET", "/staff-directory"), ("POST", "/categories"), ("GET", "/categories")):
        assert http.open(f"{API}{path}", method=method, json={"name": "x"}, headers=customer).status_code == 403


# --- tabs of other services ------------------------------------------------------------------------

def test_the_tabs_of_other_services_for_a_client(http, staff):
    policies = http.get(f"{API}/clients/{demo.CLIENT_ID}/policies", headers=staff)
    assert policies.status_code == 200
    assert {"CR-2025-000117", "HG-2024-003391"} <= {p["number"] for p in policies.json["items"]}
    assert http.get(f"{API}/clients/{demo.CLIENT_ID}/claims", headers=staff).json == {"items": [], "next_cursor": None}
    log = http.get(f"{API}/clients/{demo.CLIENT_ID}/collection-log", headers=staff)
    assert log.status_code == 200 and all(c["status"] in ("open", "closed") for c in log.json["items"])
    statement = http.get(f"{API}/clients/{demo.CLIENT_ID}/account-statement", headers=staff)
    assert statement.status_code == 200 and set(statement.json) == {"balance", "invoices", "next_cursor"}
    empty = create(http, staff, person_body())
    for tab in ("policies", "claims", "collection-log"):
        assert http.get(f"{API}/clients/{empty['id']}/{tab}", headers=staff).json["items"] == []
    assert http.get(f"{API}/clients/{empty['id']}/account-statement", headers=staff).json == {
        "balance": {"owed": [], "overdue": []}, "invoices": [], "next_cursor": None}


# --- isolation --------------------------------------------------------------------------------------

def test_another_firm_gets_404_for_every_record_of_this_firm(http, staff, other_firm):
    client = create(http, staff, person_body())
    contact = http.post(f"{API}/clients/{client['id']}/contacts", headers=staff,
                        json={"role": "family", "first_name": "Tomás"}).json
    task = http.post(f"{API}/clients/{client['id']}/tasks", headers=staff, json={
        "title": "Llamar", "assignee_id": AGENT_ID, "due_on": date.today().isoformat()}).json
    for method, path, body in (
        ("GET", f"/clients/{client['id']}", None), ("PATCH", f"/clients/{client['id']}", {"version": 1, "email": ""}),
        ("GET", f"/clients/{client['id']}/history", None), ("GET", f"/clients/{client['id']}/contacts", None),
        ("PUT", f"/contacts/{contact['id']}", {"version": 1, "role": "family", "first_name": "T"}),
        ("DELETE", f"/contacts/{contact['id']}", None), ("GET", f"/clients/{client['id']}/tasks", None),
        ("GET", f"/tasks/{task['id']}", None), ("PATCH", f"/tasks/{task['id']}", {"version": 1, "status": "done"}),
        ("POST", f"/tasks/{task['id']}/comments", {"body": "hola"}),
        ("GET", f"/clients/{client['id']}/policies", None), ("GET", f"/clients/{client['id']}/claims", None),
        ("GET", f"/clients/{client['id']}/collection-log", None),
        ("GET", f"/clients/{client['id']}/account-statement", None),
    ):
        answer = http.open(f"{API}{path}", method=method, json=body, headers=other_firm)
        assert answer.status_code == 404, (method, path, answer.json)


def test_a_customer_reads_no_tasks_no_history_and_no_other_clients_tabs(http, staff, customer):
    other = create(http, staff, person_body())
    for path in (f"/clients/{demo.CLIENT_ID}/tasks", f"/clients/{demo.CLIENT_ID}/history", "/me/tasks",
                 f"/clients/{demo.CLIENT_ID}/contacts", f"/clients/{demo.CLIENT_ID}/policies",
                 f"/clients/{other['id']}/account-statement"):
        assert http.get(f"{API}{path}", headers=customer).status_code == 403, path
    assert http.get(f"{API}/clients/{other['id']}", headers=customer).status_code == 404
    assert http.patch(f"{API}/clients/{demo.CLIENT_ID}", json={"version": 1, "email": "x@y.test"},
                      headers=customer).status_code == 403


# --- the customer's profile ---------------------------------------------------------------------------

def test_the_customer_edits_their_phone_in_the_profile_and_staff_see_it_in_the_history(http, staff, customer):
    mine = http.get(f"{API}/me/profile", headers=customer).json
    assert mine["id"] == demo.CLIENT_ID and mine["categories"] == [] and mine["salesperson_id"] is None
    phones = [{"label": p["label"], "number": p["number"]} for p in mine["phones"]]
    changed = http.patch(f"{API}/me/profile", headers=customer, json={
        "version": mine["version"], "phones": [*phones, {"label": "work", "number": "911 222 333"}]})
    assert changed.status_code == 200, changed.json
    assert changed.json["phones"][-1]["formatted"] == "911 22 23 33"
    latest = history(http, staff, demo.CLIENT_ID)[0]
    assert latest["actor_kind"] == "customer" and latest["actor_name"] == "Lucía Fernández Ruiz"
    assert changes(latest)["phones"][1].endswith("work: 911 22 23 33")
    refused = http.patch(f"{API}/me/profile", headers=customer, json={"version": changed.json["version"],
                                                                     "legal_name": "Otra"})
    assert refused.status_code == 422 and field_codes(refused) == {"legal_name": "extra_forbidden"}
    bad = http.patch(f"{API}/me/profile", headers=customer, json={
        "version": changed.json["version"], "phones": [{"label": "mobile", "number": "12"}]})
    assert bad.status_code == 422 and field_codes(bad) == {"phones.0.number": "invalid"}
    stale = http.patch(f"{API}/me/profile", headers=customer, json={"version": mine["version"], "phones": phones})
    assert stale.status_code == 409
    restored = http.patch(f"{API}/me/profile", headers=customer, json={"version": changed.json["version"],
                                                                      "phones": phones})
    assert restored.status_code == 200
    assert http.get(f"{API}/me/profile", headers=staff).status_code == 403
