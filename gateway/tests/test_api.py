"""The public API through the gateway: the contract, problem+json errors, cookie sessions with
CSRF, bearer tokens, and isolation between firms and between customers."""

from __future__ import annotations

import base64
import json

import jwt
import pytest

from clientarea_shared import demo

from .conftest import login

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"


def test_login_returns_tokens_and_a_hardened_session_cookie(http):
    answer = login(http)
    assert answer.status_code == 200
    assert answer.json["token_type"] == "Bearer" and answer.json["expires_in"] <= 900
    cookies = {c.split("=")[0]: c for c in answer.headers.getlist("Set-Cookie")}
    assert "HttpOnly" in cookies["ca_session"] and "SameSite=Strict" in cookies["ca_session"]
    assert "HttpOnly" not in cookies["csrf_token"]  # the web client reads it to echo it


@pytest.mark.parametrize(("tenant", "username", "password"), [
    ("demo", demo.AGENT_USERNAME, "not-the-password"),
    ("demo", "ghost@demo.test", demo.AGENT_PASSWORD),
    ("unknown-firm", demo.AGENT_USERNAME, demo.AGENT_PASSWORD),
])
def test_failed_logins_are_one_401_problem(http, tenant, username, password):
    answer = login(http, username, password, tenant)
    assert answer.status_code == 401 and answer.content_type == PROBLEM
    assert answer.json["code"] == "invalid_credentials"
    assert "Set-Cookie" not in answer.headers


def test_me_with_a_bearer_token_fans_out_to_identity_and_crm(http, customer):
    me = http.get("/api/v1/me", headers=customer)
    assert me.status_code == 200
    assert me.json["tenant"]["slug"] == "demo" and me.json["roles"] == ["client"]
    assert me.json["client"]["id"] == demo.CLIENT_ID and me.json["notices"] == []


def test_cookie_session_needs_the_csrf_header_on_unsafe_requests(http):
    login(http)
    assert http.get("/api/v1/me").status_code == 200  # safe: the cookie suffices
    body = {"kind": "person", "first_name": "Ana", "last_name": "Sanz", "tax_id": "47222240C"}
    refused = http.post("/api/v1/clients", json=body)
    assert refused.status_code == 403 and refused.json["code"] == "csrf_failed"
    csrf = http.get_cookie("csrf_token").value
    wrong = http.post("/api/v1/clients", json=body, headers={"X-CSRF-Token": "x" + csrf})
    assert wrong.status_code == 403
    created = http.post("/api/v1/clients", json=body, headers={"X-CSRF-Token": csrf})
    assert created.status_code == 201, created.json


def test_logout_ends_the_cookie_session(http):
    login(http)
    csrf = http.get_cookie("csrf_token").value
    assert http.post("/api/v1/auth/logout", json={}, headers={"X-CSRF-Token": csrf}).status_code in (200, 204)
    assert http.get("/api/v1/me").status_code == 401


def test_refresh_rotates_tokens_for_mobile(http):
    first = login(http).json
    second = http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert second.status_code == 200 and second.json["refresh_token"] != first["refresh_token"]
    replay = http.post("/api/v1/auth/refresh", json={"refresh_token": first["refresh_token"]})
    assert replay.status_code == 401 and replay.content_type == PROBLEM


def _b64(data: dict) -> str:
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


def test_forged_tokens_are_refused(http, customer):
    genuine = customer["Authorization"].split()[1]
    claims = jwt.decode(genuine, options={"verify_signature": False})
    claims["roles"] = ["admin"]
    alg_none = f"{_b64({'alg': 'none', 'typ': 'JWT'})}.{_b64(claims)}."
    header, _, signature = genuine.split(".")
    tampered = f"{header}.{_b64(claims)}.{signature}"
    for token in (alg_none, tampered, "not-a-token"):
        answer = http.get("/api/v1/clients", headers={"Authorization": f"Bearer {token}"})
        assert answer.status_code == 401 and answer.content_type == PROBLEM


@pytest.mark.parametrize(("body", "status", "fields"), [
    ({"kind": "person", "first_name": "A", "last_name": "B", "tax_id": "47222240X"}, 422, {"tax_id"}),
    ({"kind": "person", "first_name": "A", "last_name": "B", "tax_id": "47222241K",
      "email": "nope"}, 422, {"email"}),
    ({"kind": "alien", "tax_id": "47222241K"}, 422, {"kind"}),
    ({"kind": "person", "tax_id": "47222241K", "shoe_size": 44}, 422, {"shoe_size"}),
])
def test_invalid_clients_get_field_errors_and_nothing_is_written(http, staff, body, status, fields):
    before = http.get("/api/v1/clients?limit=200", headers=staff).json["items"]
    answer = http.post("/api/v1/clients", json=body, headers=staff)
    assert answer.status_code == status and answer.content_type == PROBLEM
    assert {e["field"] for e in answer.json["errors"]} >= fields
    assert len(http.get("/api/v1/clients?limit=200", headers=staff).json["items"]) == len(before)


def test_malformed_json_wrong_media_type_and_oversized_bodies(http, staff):
    malformed = http.post("/api/v1/clients", data="{not json", headers={**staff, "Content-Type": "application/json"})
    assert malformed.status_code == 400 and malformed.json["code"] == "malformed_json"
    form = http.post("/api/v1/clients", data="kind=person", headers={**staff, "Content-Type": "text/plain"})
    assert form.status_code == 415 and form.content_type == PROBLEM
    huge = http.post("/api/v1/clients", data=json.dumps({"kind": "person", "tax_id": "x" * 100_000}),
                     headers={**staff, "Content-Type": "application/json"})
    assert huge.status_code == 413 and huge.content_type == PROBLEM


def test_customers_cannot_use_staff_endpoints_or_read_other_clients(http, customer):
    assert http.get("/api/v1/clients", headers=customer).status_code == 403
    assert http.get(f"/api/v1/clients/{demo.CLIENT_ID}", headers=customer).status_code == 200
    other = http.get(f"/api/v1/clients/{demo.demo_id('client:talleres')}", headers=customer)
    assert other.status_code == 404 and other.content_type == PROBLEM


def test_a_token_of_firm_a_reads_nothing_of_firm_b(http, other_tenant):
    answer = login(http, other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    theirs = {"Authorization": f"Bearer {answer.json['access_token']}"}
    assert all(c["id"] != demo.CLIENT_ID for c in http.get("/api/v1/clients", headers=theirs).json["items"])
    assert http.get(f"/api/v1/clients/{demo.CLIENT_ID}", headers=theirs).status_code == 404
    portal = http.post(f"/api/v1/clients/{demo.CLIENT_ID}/portal-user", json={}, headers=theirs)
    assert portal.status_code == 404


def test_client_list_pages_with_a_cursor(http, staff):
    first = http.get("/api/v1/clients?limit=2", headers=staff).json
    second = http.get(f"/api/v1/clients?limit=2&cursor={first['next_cursor']}", headers=staff).json
    assert first["next_cursor"] and not {c["id"] for c in first["items"]} & {c["id"] for c in second["items"]}
    bad = http.get("/api/v1/clients?cursor=!!", headers=staff)
    assert bad.status_code == 422 and bad.json["errors"][0]["field"] == "cursor"


def test_unknown_api_paths_are_problems_not_the_web_page(http):
    answer = http.get("/api/v1/nothing-here")
    assert answer.status_code == 404 and answer.content_type == PROBLEM


def test_openapi_document_describes_every_operation(http):
    document = http.get("/api/openapi.json").json
    assert document["openapi"].startswith("3.1")
    for path in ("/api/v1/auth/login", "/api/v1/auth/refresh", "/api/v1/auth/logout", "/api/v1/me",
                 "/api/v1/clients", "/api/v1/clients/{client_id}", "/api/v1/clients/{client_id}/portal-user"):
        assert path in document["paths"], path
    assert "ClientIn" in json.dumps(document["components"])


def test_health_readiness_and_metrics(http):
    assert http.get("/healthz").json == {"status": "ok"}
    ready = http.get("/readyz")
    assert ready.status_code == 200 and all(ready.json["checks"].values())
    assert set(ready.json["checks"]) >= {"identity", "crm", "policy", "notification"}
    http.get("/api/v1/me")
    metrics = http.get("/metrics").get_data(as_text=True)
    assert 'clientarea_http_requests_total{' in metrics and 'route="/api/v1/me"' in metrics


def test_security_headers_on_every_answer(http):
    answer = http.get("/healthz")
    assert answer.headers["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in answer.headers["Content-Security-Policy"]


def test_customer_dashboard_gathers_four_services_and_the_firm(http, customer):
    answer = http.get("/api/v1/dashboard", headers=customer)
    assert answer.status_code == 200, answer.json
    body = answer.json
    assert body["display_name"] == "Lucía Fernández Ruiz"  # from the token's `name` claim
    assert body["tenant"] == {"id": demo.TENANT_ID, "slug": "demo", "name": demo.TENANT_NAME}
    assert body["client"]["id"] == demo.CLIENT_ID
    assert [p["number"] for p in body["policies"]] == ["CR-2025-000117", "HG-2024-003391"]
    assert [c["number"] for c in body["open_cases"]] == ["EXP-2026-00311"]
    assert body["balance"]["owed"] == [{"minor_units": 92_000, "currency": "EUR"}]
    assert body["notices"] == []


def test_dashboard_is_for_customers(http, staff):
    assert http.get("/api/v1/dashboard", headers=staff).status_code == 403


def test_dashboard_degrades_when_one_service_is_down(platform, tmp_path, customer):
    from clientarea_shared.testing import free_port
    from gateway.app import create_app
    from gateway.config import GatewaySettings

    addresses = {f"{name}_addr": f"127.0.0.1:{port}" for name, port in platform.ports.items()}
    addresses["payments_addr"] = f"127.0.0.1:{free_port()}"  # nothing listens there
    app = create_app(GatewaySettings(var_dir=tmp_path, **addresses))
    answer = app.test_client().get("/api/v1/dashboard", headers=customer)
    assert answer.status_code == 200
    assert answer.json["balance"] is None and answer.json["notices"] == ["balance_unavailable"]
    assert answer.json["policies"] and answer.json["client"]


def test_with_a_metrics_port_the_public_port_hides_metrics(platform, tmp_path):
    from gateway.app import create_app
    from gateway.config import GatewaySettings

    addresses = {f"{name}_addr": f"127.0.0.1:{port}" for name, port in platform.ports.items()}
    client = create_app(GatewaySettings(var_dir=tmp_path, metrics_port=9191, **addresses)).test_client()
    public = client.get("/metrics", environ_overrides={"SERVER_PORT": "8080"})
    assert public.status_code == 404 and public.content_type == PROBLEM
    private = client.get("/metrics", environ_overrides={"SERVER_PORT": "9191"})
    assert private.status_code == 200 and b"clientarea_http_requests_total" in private.data
