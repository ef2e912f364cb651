"""The client's portal user id in the gateway's client answers: staff need it to act on the
customer's account (close it: `POST /users/{id}/close`), which the client list alone could not
give them. It is the user's id for staff of the client's own firm and for the customer themself,
null for a client without a portal user, and null again once crm has heard the account closed."""

from __future__ import annotations

import secrets

import pytest

from clientarea_shared import demo
from clientarea_shared.testing import wait_until

from .conftest import login
from .test_identity_journeys import PASSWORD, new_client, new_portal_user

pytestmark = pytest.mark.integration


def bearer(http, username: str, password: str = PASSWORD, tenant: str = "demo") -> dict:
    answer = login(http, username, password, tenant)
    assert answer.status_code == 200, answer.json
    return {"Authorization": f"Bearer {answer.json['access_token']}"}


def listed(http, headers: dict, q: str) -> dict:
    answer = http.get("/api/v1/clients", query_string={"q": q}, headers=headers)
    assert answer.status_code == 200, answer.json
    [client] = answer.json["items"]
    return client


def test_staff_see_the_portal_user_id_of_a_client_in_the_list_and_the_detail(http, app, staff):
    username, email = new_portal_user(http, staff, PASSWORD)
    me = http.get("/api/v1/me", headers=bearer(app.test_client(), username)).json
    client = listed(http, staff, email)
    assert client["id"] == me["client_id"]
    assert client["has_portal_user"] is True and client["portal_user_id"] == me["user_id"]
    detail = http.get(f"/api/v1/clients/{client['id']}", headers=staff).json
    assert detail["portal_user_id"] == me["user_id"]


def test_a_client_without_a_portal_user_has_none(http, staff):
    email = f"sin-acceso-{secrets.token_hex(4)}@example.test"
    created = new_client(http, staff, email)
    assert created["has_portal_user"] is False and created["portal_user_id"] is None
    assert http.get(f"/api/v1/clients/{created['id']}", headers=staff).json["portal_user_id"] is None


def test_the_customer_sees_their_own_id_and_nobody_else_sees_it(http, app, staff, customer, other_tenant):
    mine = http.get("/api/v1/me", headers=customer).json
    assert mine["client"]["portal_user_id"] == mine["user_id"]
    username, email = new_portal_user(http, staff, PASSWORD)
    client_id = listed(http, staff, email)["id"]
    # Another customer of the same firm, and the staff of another firm, do not get the client.
    assert http.get(f"/api/v1/clients/{client_id}", headers=customer).status_code == 404
    other_agent = bearer(app.test_client(), other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert http.get(f"/api/v1/clients/{client_id}", headers=other_agent).status_code == 404
    others = http.get("/api/v1/clients", query_string={"q": email}, headers=other_agent).json["items"]
    assert others == []
    assert http.get("/api/v1/clients", headers=customer).status_code == 403


def test_staff_close_the_account_by_that_id_and_the_client_loses_it(http, app, staff):
    username, email = new_portal_user(http, staff, PASSWORD)
    user_id = listed(http, staff, email)["portal_user_id"]
    closed = http.post(f"/api/v1/users/{user_id}/close", headers=staff)
    assert closed.status_code == 200 and closed.json == {"closed": True}
    assert login(app.test_client(), username, PASSWORD).status_code == 401
    wait_until(lambda: listed(http, staff, email)["portal_user_id"] is None, 30,
               "crm to clear the closed portal user")
    assert listed(http, staff, email)["has_portal_user"] is False


def test_the_demo_customer_with_active_products_is_refused_by_that_id(http, staff):
    demo_client = http.get(f"/api/v1/clients/{demo.CLIENT_ID}", headers=staff).json
    refused = http.post(f"/api/v1/users/{demo_client['portal_user_id']}/close", headers=staff)
    assert refused.status_code == 409 and refused.json["code"] == "active_products"
    assert login(http, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD).status_code == 200
