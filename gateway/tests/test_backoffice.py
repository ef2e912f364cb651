"""The staff's back-office overview through the gateway: me, the first page of the firm's
clients and the open cases in one request; firms never see each other's data; each section but
`me` degrades alone."""

from __future__ import annotations

import uuid

import pytest
from stdnum.es import dni

from clientarea_shared import demo

from .conftest import login

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"
OVERVIEW = "/api/v1/backoffice/overview"


def _unique_dni() -> str:
    digits = str(uuid.uuid4().int % 10**8).zfill(8)
    return digits + dni.calc_check_digit(digits)


def _bearer(http, username, password, tenant="demo"):
    answer = login(http, username, password, tenant)
    assert answer.status_code == 200, answer.json
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


def test_staff_overview_gathers_me_the_first_clients_and_open_cases(http, staff):
    answer = http.get(OVERVIEW, headers=staff)
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert body["me"]["email"] == demo.AGENT_USERNAME and "agent" in body["me"]["roles"]
    assert body["me"]["tenant"] == {"id": demo.TENANT_ID, "slug": "demo", "name": demo.TENANT_NAME}
    # The firm's first page of clients (which clients depends on what other tests created before).
    ids = [c["id"] for c in body["clients"]["items"]]
    assert ids and len(ids) <= 20 and ids == sorted(ids)
    assert ids == [c["id"] for c in http.get("/api/v1/clients?limit=20", headers=staff).json["items"]]
    assert {"EXP-2026-00311", "PRO-2026-00045"} <= {c["number"] for c in body["open_cases"]}
    assert "EXP-2025-01877" not in {c["number"] for c in body["open_cases"]}  # closed
    assert body["notices"] == []


def test_overview_clients_page_matches_the_client_list_and_its_cursor(http, staff):
    clients = http.get(OVERVIEW, headers=staff).json["clients"]
    listed = http.get("/api/v1/clients?limit=20", headers=staff).json
    assert clients == listed


def test_admin_is_staff_too(http):
    headers = _bearer(http, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    answer = http.get(OVERVIEW, headers=headers)
    assert answer.status_code == 200 and "admin" in answer.json["me"]["roles"]


def test_another_firm_sees_none_of_this_firms_clients_or_cases(http, other_tenant):
    theirs = _bearer(http, other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    view = http.get(OVERVIEW, headers=theirs).json
    assert view["me"]["tenant"]["slug"] == other_tenant["slug"]
    assert view["notices"] == []
    # Other tests of the run may have given that firm clients of its own: none may be ours.
    ours = http.get(OVERVIEW, headers=_bearer(http, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)).json
    our_clients = {c["id"] for c in http.get("/api/v1/clients?limit=200", headers=_bearer(
        http, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)).json["items"]}
    assert our_clients and not our_clients & {c["id"] for c in view["clients"]["items"]}
    assert not {c["id"] for c in ours["open_cases"]} & {c["id"] for c in view["open_cases"]}


def test_this_firm_never_sees_another_firms_clients(http, staff, platform):
    # A firm of this test's own (other tests count the clients of `other_tenant`'s firm).
    from identity_service.testing import add_tenant_with_staff

    firm = add_tenant_with_staff(platform.services["identity"].runtime, f"bo-{uuid.uuid4().hex[:8]}")
    theirs = _bearer(http, firm["agent"], firm["password"], firm["slug"])
    created = http.post("/api/v1/clients", headers=theirs, json={
        "kind": "person", "first_name": "Otra", "last_name": "Firma", "tax_id": _unique_dni()})
    assert created.status_code == 201, created.json
    assert [c["id"] for c in http.get(OVERVIEW, headers=theirs).json["clients"]["items"]] == [created.json["id"]]
    ours = http.get(OVERVIEW, headers=staff).json
    assert created.json["id"] not in {c["id"] for c in ours["clients"]["items"]}
    assert ours["me"]["tenant"]["slug"] == "demo"


def test_customers_get_403_and_no_token_401(http, app, customer):
    refused = http.get(OVERVIEW, headers=customer)
    assert refused.status_code == 403 and refused.content_type == PROBLEM
    assert refused.json["code"] == "role_forbidden"
    anonymous = app.test_client().get(OVERVIEW)  # no token and no session cookie
    assert anonymous.status_code == 401 and anonymous.content_type == PROBLEM


def _gateway_with(platform, tmp_path, down: str):
    from clientarea_shared.testing import free_port
    from gateway.app import create_app
    from gateway.config import GatewaySettings

    addresses = {f"{name}_addr": f"127.0.0.1:{port}" for name, port in platform.ports.items()}
    addresses[f"{down}_addr"] = f"127.0.0.1:{free_port()}"  # nothing listens there
    return create_app(GatewaySettings(var_dir=tmp_path, **addresses)).test_client()


@pytest.mark.parametrize(("down", "section", "kept"), [
    ("collections", "open_cases", "clients"),
    ("crm", "clients", "open_cases"),
])
def test_a_section_degrades_alone_when_its_service_is_down(platform, tmp_path, staff, down, section, kept):
    answer = _gateway_with(platform, tmp_path, down).get(OVERVIEW, headers=staff)
    assert answer.status_code == 200, answer.json
    assert answer.json[section] is None and answer.json["notices"] == [f"{section}_unavailable"]
    assert answer.json[kept] and answer.json["me"]["email"] == demo.AGENT_USERNAME


def test_me_is_required(platform, tmp_path, staff, app):
    # The token was verified with identity's keys already in this gateway (the verifier keeps
    # them); with identity gone, GetMe fails and so does the page: no page without its owner.
    client = _gateway_with(platform, tmp_path, "identity")
    client.application.extensions["clientarea.verifier"] = app.extensions["clientarea.verifier"]
    answer = client.get(OVERVIEW, headers=staff)
    assert answer.status_code == 503 and answer.content_type == PROBLEM


def test_openapi_document_lists_the_overview(http):
    document = http.get("/api/openapi.json").json
    entry = document["paths"][OVERVIEW]["get"]
    assert entry["tags"] == ["backoffice"] and {"401", "403"} <= set(entry["responses"])
    assert "OverviewOut" in document["components"]["schemas"]
