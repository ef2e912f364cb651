"""Account deletion end to end through the gateway, on the in-process platform (seed 000: "all
contracted products must be closed first"): the customer's own closure and staff closing a
customer's, refused while anything is active or a service cannot say, and what a closed account
can no longer do."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from sqlalchemy import select

from clientarea_shared import demo
from clientarea_shared.testing import free_port, service_spec, wait_until
from identity_service.models import User

from .conftest import login
from .test_identity_journeys import PASSWORD, _address, csrf_headers, new_portal_user

pytestmark = pytest.mark.integration
PROBLEM = "application/problem+json"
DEMO_ACTIVE = ["case EXP-2026-00311", "invoice F-2026-000981", "invoice F-2026-001204", "policy CR-2025-000117"]


def bearer_of(http, username: str, password: str = PASSWORD, tenant: str = "demo") -> dict:
    answer = login(http, username, password, tenant)
    assert answer.status_code == 200, answer.json
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


def user_id_of(http, headers: dict) -> str:
    return http.get("/api/v1/me", headers=headers).json["user_id"]


def admin(app) -> dict:
    return bearer_of(app.test_client(), demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)


def audit(http, headers: dict, **filters: str) -> list[dict]:
    answer = http.get("/api/v1/audit-events", query_string={**filters, "limit": 200}, headers=headers)
    assert answer.status_code == 200, answer.json
    return answer.json["items"]


def assert_refused_with_demo_products(answer) -> None:
    assert answer.status_code == 409 and answer.content_type == PROBLEM
    assert answer.json["code"] == "active_products"
    assert sorted(e["message"] for e in answer.json["errors"]) == DEMO_ACTIVE
    assert {(e["field"], e["code"]) for e in answer.json["errors"]} == {("active_products", "active")}


def test_the_demo_customer_is_refused_with_everything_active_and_can_still_log_in(http, app, customer):
    refused = http.post("/api/v1/me/close", json={"current_password": demo.CLIENT_PASSWORD}, headers=customer)
    assert_refused_with_demo_products(refused)
    assert login(app.test_client(), demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD).status_code == 200
    mine = audit(http, admin(app), user_id=user_id_of(http, customer), action="account_closure",
                 outcome="refused")
    assert mine and mine[0]["detail"]["active_products"] == "4"


def test_a_customer_with_nothing_active_closes_their_account_for_good(http, app, staff, platform):
    username, email = new_portal_user(http, staff, PASSWORD)
    phone = login(app.test_client(), username, PASSWORD).json  # another session, with a refresh token
    assert login(http, username, PASSWORD).status_code == 200  # this one: the web session cookie
    me = http.get("/api/v1/me").json
    address = _address()

    wrong = http.post("/api/v1/me/close", json={"current_password": "Not-It-At-All-9"},
                      headers=csrf_headers(http), environ_base=address)
    assert wrong.status_code == 422 and wrong.json["errors"][0]["field"] == "current_password"
    closed = http.post("/api/v1/me/close", json={"current_password": PASSWORD}, headers=csrf_headers(http),
                       environ_base=address)
    assert closed.status_code == 200 and closed.json == {"closed": True}
    cleared = closed.headers.getlist("Set-Cookie")
    assert any(c.startswith("ca_session=;") for c in cleared) and any(c.startswith("csrf_token=;") for c in cleared)
    assert http.get("/api/v1/me").status_code == 401  # the web session ended with the account

    # No way back in: the password (the answer of a wrong one), the e-mail, the old refresh token.
    for name in (username, email):
        refused = login(app.test_client(), name, PASSWORD)
        assert refused.status_code == 401 and refused.json["code"] == "invalid_credentials"
    assert app.test_client().post("/api/v1/auth/refresh",
                                  json={"refresh_token": phone["refresh_token"]}).status_code == 401

    # The personal data is gone from identity; its audit trail stays, with who closed it.
    with platform.services["identity"].runtime.db.read() as db:
        user = db.scalars(select(User).where(User.id == me["user_id"])).one()
        assert (user.username, user.email, user.display_name, user.status, user.password_hash) == (
            f"closed-{me['user_id']}", "", "Closed account", "closed", None)
    admin_headers = admin(app)
    [closure] = audit(http, admin_headers, user_id=me["user_id"], action="account_closed")
    assert closure["detail"]["closed_by"] == me["user_id"] and closure["outcome"] == "success"
    assert audit(http, admin_headers, user_id=me["user_id"], action="login", outcome="success")
    assert email not in str(closure)

    # crm frees the client: staff can give it a new portal user.
    wait_until(lambda: not http.get(f"/api/v1/clients/{me['client_id']}", headers=staff).json["has_portal_user"],
               30, "crm to clear the closed portal user")
    again = http.post(f"/api/v1/clients/{me['client_id']}/portal-user", json={"password": PASSWORD}, headers=staff)
    assert again.status_code == 201 and again.json["user_id"] != me["user_id"]


def test_staff_close_a_customers_account_unless_something_is_active(http, app, staff, customer):
    username, _ = new_portal_user(http, staff, PASSWORD)
    user_id = user_id_of(http, bearer_of(app.test_client(), username))
    closed = http.post(f"/api/v1/users/{user_id}/close", headers=staff)
    assert closed.status_code == 200 and closed.json == {"closed": True}
    assert login(app.test_client(), username, PASSWORD).status_code == 401
    assert http.post(f"/api/v1/users/{user_id}/close", headers=staff).status_code == 404  # already gone
    assert_refused_with_demo_products(http.post(f"/api/v1/users/{user_id_of(http, customer)}/close",
                                                headers=staff))
    [closure] = audit(http, admin(app), user_id=user_id, action="account_closed")
    assert closure["detail"]["closed_by"] == user_id_of(http, staff)


def test_nobody_closes_an_account_they_do_not_manage(http, app, staff, customer, other_tenant):
    username, _ = new_portal_user(http, staff, PASSWORD)
    user_id = user_id_of(http, bearer_of(app.test_client(), username))
    other_agent = bearer_of(app.test_client(), other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    answer = http.post(f"/api/v1/users/{user_id}/close", headers=other_agent)
    assert answer.status_code == 404 and answer.content_type == PROBLEM
    assert http.post(f"/api/v1/users/{user_id}/close", headers=customer).status_code == 403
    assert http.post(f"/api/v1/users/{user_id_of(http, staff)}/close", headers=staff).status_code == 403
    assert login(app.test_client(), username, PASSWORD).status_code == 200  # still open


@contextmanager
def identity_that_cannot_reach_payments(platform) -> Iterator[str]:
    """A second, real identity server on the same database whose payments address has nobody
    listening: the gateway in front of it sees what happens while payments is down."""
    from clientarea_shared.runtime import Runtime, build_server

    settings = platform.settings("identity").model_copy(
        update={"grpc_port": free_port(), "payments_addr": f"127.0.0.1:{free_port()}"})
    runtime = Runtime(service_spec("identity"), settings)
    server, _health, _names = build_server(runtime)
    server.start()
    try:
        yield f"127.0.0.1:{settings.grpc_port}"
    finally:
        server.stop(grace=1).wait()
        runtime.close()


def test_a_closure_is_refused_with_503_while_a_service_cannot_say_what_is_active(http, app, staff, platform,
                                                                                  tmp_path):
    from gateway.app import create_app
    from gateway.config import GatewaySettings

    username, _ = new_portal_user(http, staff, PASSWORD)
    customer = bearer_of(app.test_client(), username)
    user_id = user_id_of(http, customer)
    with identity_that_cannot_reach_payments(platform) as identity_addr:
        addresses = {f"{name}_addr": f"127.0.0.1:{port}" for name, port in platform.ports.items()}
        degraded = create_app(GatewaySettings(var_dir=tmp_path, **{**addresses, "identity_addr": identity_addr}))
        for answer in (degraded.test_client().post("/api/v1/me/close", json={"current_password": PASSWORD},
                                                   headers=customer),
                       degraded.test_client().post(f"/api/v1/users/{user_id}/close", headers=staff)):
            assert answer.status_code == 503 and answer.content_type == PROBLEM
            assert answer.json["code"] == "products_unavailable"
    assert login(app.test_client(), username, PASSWORD).status_code == 200  # nothing changed
    assert http.get("/api/v1/me", headers=customer).json["username"] == username
    assert not audit(http, admin(app), user_id=user_id, action="account_closed")
