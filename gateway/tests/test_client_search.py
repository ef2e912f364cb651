"""The client search through the gateway on PostgreSQL: the filtered, sorted list with its total
and cursor pages, the contacts tab, the policy lines, saved filters and bulk alerts; bad input as
problem+json field errors with nothing written; other firms and other users kept apart; customers
refused.

Each test tags its clients with a fresh category so the run's other clients stay out of its results."""

from __future__ import annotations

import secrets

import pytest

from clientarea_shared import demo

from .conftest import AGENT_ID, nif

pytestmark = pytest.mark.integration
API = "/api/v1"


def tag(http, headers) -> str:
    answer = http.post(f"{API}/categories", json={"name": f"Filtro {secrets.token_hex(4)}"}, headers=headers)
    assert answer.status_code == 201, answer.json
    return answer.json["id"]


def person(http, headers, category: str, first: str, last: str, **fields) -> dict:
    body = {"kind": "person", "first_name": first, "last_name": last, "tax_id": nif(), "category_ids": [category],
            **fields}
    answer = http.post(f"{API}/clients", json=body, headers=headers)
    assert answer.status_code == 201, answer.json
    return answer.json


def field_codes(answer) -> dict[str, str]:
    assert answer.mimetype == "application/problem+json", answer.data
    return {e["field"]: e["code"] for e in answer.json["errors"]}


def test_the_list_combines_filters_from_the_query_string_and_answers_the_total(http, staff):
    cat, second = tag(http, staff), tag(http, staff)
    rocio = person(http, staff, cat, "Rocío", "Muñoz Ortega", salesperson_id=AGENT_ID, birth_date="1988-12-30",
                   phones=[{"label": "mobile", "number": "633 21 43 65"}],
                   alerts={"email_collections": True, "email_renewals": False, "sms_collections": False,
                           "sms_renewals": False})
    person(http, staff, second, "Rocio", "Muñoz Ortega", birth_date="1988-06-30")
    person(http, staff, cat, "Pedro", "Muñoz", salesperson_id=AGENT_ID, birth_date="1970-01-02")
    answer = http.get(f"{API}/clients", query_string=[
        ("q", "ROCIO munoz"), ("category_ids", cat), ("category_ids", second), ("salesperson_id", AGENT_ID),
        ("birthday_from", "2026-12-28"), ("birthday_to", "2027-01-03"), ("alerts", "on"), ("portal_user", "no"),
        ("kind", "person")], headers=staff)
    assert answer.status_code == 200, answer.json
    assert [c["id"] for c in answer.json["items"]] == [rocio["id"]] and answer.json["total"] == 1
    item = answer.json["items"][0]
    assert item["has_portal_user"] is False and item["alerts"]["email_collections"] is True
    by_phone = http.get(f"{API}/clients", query_string={"q": "633 21 43 65", "category_ids": cat}, headers=staff)
    assert [c["id"] for c in by_phone.json["items"]] == [rocio["id"]]


def test_sorted_pages_follow_their_cursor_and_refuse_another_sorts(http, staff):
    cat = tag(http, staff)
    for first in ("Úrsula", "berta", "Carmen", "Álex"):
        person(http, staff, cat, first, "Orden")
    seen, cursor = [], ""
    while True:
        page = http.get(f"{API}/clients", query_string={"category_ids": cat, "sort": "-name", "limit": 3,
                                                        "cursor": cursor}, headers=staff).json
        assert page["total"] == 4
        seen += [c["first_name"] for c in page["items"]]
        cursor = page["next_cursor"]
        if not cursor:
            break
    assert seen == ["Úrsula", "Carmen", "berta", "Álex"]
    first = http.get(f"{API}/clients", query_string={"category_ids": cat, "sort": "-name", "limit": 1},
                     headers=staff).json
    wrong = http.get(f"{API}/clients", query_string={"category_ids": cat, "sort": "created_at",
                                                     "cursor": first["next_cursor"]}, headers=staff)
    assert wrong.status_code == 422 and field_codes(wrong) == {"cursor": "invalid"}


def test_bad_filters_are_field_errors(http, staff):
    cases = [
        ({"birthday_from": "2026-03-10", "birthday_to": "2026-03-01"}, {"filter.birthday_to": "before_from"}),
        ({"birthday_from": "10/03/2026", "birthday_to": "2026-03-11"}, {"filter.birthday_from": "invalid"}),
        ({"category_ids": "00000000-0000-0000-0000-000000000000"}, {"filter.category_ids": "unknown"}),
        ({"sort": "email"}, {"sort": "literal_error"}),
        ({"alerts": "maybe"}, {"alerts": "literal_error"}),
    ]
    for query, errors in cases:
        answer = http.get(f"{API}/clients", query_string=query, headers=staff)
        assert answer.status_code == 422, query
        assert field_codes(answer) == errors, query


def test_the_contacts_tab_finds_contacts_of_matching_clients(http, staff):
    cat = tag(http, staff)
    client = person(http, staff, cat, "Ignacio", "Ferrándiz", salesperson_id=AGENT_ID)
    created = http.post(f"{API}/clients/{client['id']}/contacts", json={
        "role": "family", "first_name": "Begoña", "last_name": "Ferrándiz", "emails": ["bego@familia.test"],
        "phones": [{"label": "mobile", "number": "622 00 11 22"}]}, headers=staff)
    assert created.status_code == 201, created.json
    for q in ("begona", "ignacio ferrandiz", "622001122"):
        answer = http.get(f"{API}/clients/contacts", query_string={"q": q, "category_ids": cat}, headers=staff)
        assert answer.status_code == 200, answer.json
        [hit] = answer.json["items"]
        assert (hit["first_name"], hit["client_id"], hit["client_display_name"]) == (
            "Begoña", client["id"], "Ignacio Ferrándiz")
        assert hit["phones"][0]["formatted"] == "622 00 11 22" and hit["emails"] == ["bego@familia.test"]
    assert http.get(f"{API}/clients/contacts", query_string={"q": "begona", "category_ids": cat,
                                                             "portal_user": "yes"}, headers=staff).json["total"] == 0


def test_policy_lines_list_the_lines_the_firm_has(http, staff):
    from clientarea_shared.testing import wait_until

    lines = wait_until(lambda: http.get(f"{API}/policy-lines", headers=staff).json["lines"] or None, 30,
                       "crm to hear of the demo policies")
    assert {"credit", "home", "surety"} <= set(lines)
    with_credit = http.get(f"{API}/clients", query_string={"has_policy_line": "credit",
                                                           "lacks_policy_line": "surety"}, headers=staff).json
    assert demo.CLIENT_ID in [c["id"] for c in with_credit["items"]]
    assert demo.COMPANY_CLIENT_ID not in [c["id"] for c in with_credit["items"]]


def test_saved_filters_are_the_callers_own(http, staff, admin):
    cat = tag(http, staff)
    name = f"Renovaciones {secrets.token_hex(3)}"
    body = {"name": name, "filter": {"category_ids": [cat], "alerts": "off", "kind": "company",
                                     "has_policy_line": "credit", "birthday_from": "2026-01-01",
                                     "birthday_to": "2026-01-31"}}
    created = http.post(f"{API}/saved-filters", json=body, headers=staff)
    assert created.status_code == 201, created.json
    saved = created.json
    assert saved["filter"]["alerts"] == "off" and saved["filter"]["kind"] == "company"
    assert saved["filter"]["category_ids"] == [cat] and saved["filter"]["portal_user"] == ""
    assert saved in http.get(f"{API}/saved-filters", headers=staff).json["items"]
    again = http.post(f"{API}/saved-filters", json={**body, "name": f"  {name.upper()}  "}, headers=staff)
    assert again.status_code == 409 and again.json["code"] == "saved_filter_exists"
    assert saved["id"] not in [f["id"] for f in http.get(f"{API}/saved-filters", headers=admin).json["items"]]
    assert http.delete(f"{API}/saved-filters/{saved['id']}", headers=admin).status_code == 404
    assert http.delete(f"{API}/saved-filters/{saved['id']}", headers=staff).status_code == 204
    assert http.delete(f"{API}/saved-filters/{saved['id']}", headers=staff).status_code == 404


def test_a_bad_saved_filter_is_refused_and_nothing_is_saved(http, staff):
    before = http.get(f"{API}/saved-filters", headers=staff).json["items"]
    bad = http.post(f"{API}/saved-filters", json={"name": "Imposible", "filter": {
        "birthday_from": "2026-05-02", "birthday_to": "2026-05-01"}}, headers=staff)
    assert bad.status_code == 422 and field_codes(bad) == {"filter.birthday_to": "before_from"}
    nameless = http.post(f"{API}/saved-filters", json={"name": "", "filter": {}}, headers=staff)
    assert nameless.status_code == 422 and field_codes(nameless) == {"name": "required"}
    assert http.get(f"{API}/saved-filters", headers=staff).json["items"] == before


def test_bulk_alerts_by_ids_and_by_filter(http, staff):
    cat = tag(http, staff)
    one = person(http, staff, cat, "Uno", "Masivo")
    two = person(http, staff, cat, "Dos", "Masivo", alerts={"email_collections": False, "email_renewals": False,
                                                            "sms_collections": True, "sms_renewals": False})
    by_ids = http.post(f"{API}/clients/bulk/alerts", json={"selection": {"client_ids": [one["id"], two["id"]]},
                                                           "alerts": {"sms_collections": True}}, headers=staff)
    assert by_ids.status_code == 200, by_ids.json
    assert by_ids.json == {"matched": 2, "changed": 1}
    by_filter = http.post(f"{API}/clients/bulk/alerts", json={
        "selection": {"filter": {"category_ids": [cat]}},
        "alerts": {"sms_collections": False, "email_renewals": True}}, headers=staff)
    assert by_filter.json == {"matched": 2, "changed": 2}
    read = http.get(f"{API}/clients/{two['id']}", headers=staff).json
    assert read["alerts"] == {"email_collections": False, "email_renewals": True, "sms_collections": False,
                              "sms_renewals": False}
    history = http.get(f"{API}/clients/{two['id']}/history", headers=staff).json["items"]
    assert {c["field"] for c in history[0]["changes"]} == {"alerts.sms_collections", "alerts.email_renewals"}


def test_bulk_alerts_refuse_bad_input_and_leave_other_firms_alone(http, staff, other_firm):
    theirs = http.post(f"{API}/clients", json={"kind": "person", "first_name": "Otra", "last_name": "Firma",
                                                "tax_id": nif()}, headers=other_firm).json
    answer = http.post(f"{API}/clients/bulk/alerts", json={"selection": {"client_ids": [theirs["id"]]},
                                                           "alerts": {"sms_renewals": True}}, headers=staff)
    assert answer.json == {"matched": 0, "changed": 0}
    assert http.get(f"{API}/clients/{theirs['id']}", headers=other_firm).json["alerts"]["sms_renewals"] is False
    empty = http.post(f"{API}/clients/bulk/alerts", json={"selection": {"client_ids": [theirs["id"]]},
                                                          "alerts": {}}, headers=staff)
    assert empty.status_code == 422 and field_codes(empty) == {"alerts": "empty"}
    unknown = http.post(f"{API}/clients/bulk/alerts", json={"selection": {}, "alerts": {"push_renewals": True}},
                        headers=staff)
    assert unknown.status_code == 422 and "alerts.push_renewals" in field_codes(unknown)


def test_customers_are_refused_every_search_resource(http, customer):
    for method, path, body in (("get", "/clients", None), ("get", "/clients/contacts", None),
                               ("get", "/policy-lines", None), ("get", "/saved-filters", None),
                               ("post", "/saved-filters", {"name": "Mío"}),
                               ("post", "/clients/bulk/alerts", {"selection": {"client_ids": [demo.CLIENT_ID]},
                                                                 "alerts": {"sms_renewals": True}})):
        answer = getattr(http, method)(f"{API}{path}", json=body, headers=customer)
        assert answer.status_code == 403, (path, answer.json)
