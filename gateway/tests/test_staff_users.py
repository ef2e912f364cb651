"""Staff users through the gateway: an admin invites a colleague, who chooses a password from the
e-mailed link and works with the given role; admins change roles and disable; nobody else may."""

from __future__ import annotations

import re
import secrets
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from clientarea_shared import demo

from .conftest import login
from .test_identity_journeys import mail_to

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]
PASSWORD = "Nova-Companya-Feina-2026"


@pytest.fixture()
def admin(app):
    return {"Authorization": "Bearer " + login(app.test_client(), demo.ADMIN_USERNAME,
                                                demo.ADMIN_PASSWORD).json["access_token"]}


def test_an_invited_colleague_sets_a_password_and_works_with_the_given_role(http, app, admin, mailbox):
    email = f"colega{secrets.token_hex(4)}@demo.test"
    invited = http.post("/api/v1/staff-users", json={"email": email, "display_name": "Pau Colega",
                                                     "roles": ["salesperson"], "locale": "ca"}, headers=admin)
    assert invited.status_code == 201 and invited.json["roles"] == ["salesperson"]
    assert invited.json["status"] == "active" and invited.json["mfa_enabled"] is False
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail_to(mailbox, email, r"set-password")["text"]).group(0)
    token = unquote(parse_qs(urlparse(link).query)["token"][0])
    chosen = http.post("/api/v1/auth/set-password",
                       json={"token": token, "password": PASSWORD, "password_confirmation": PASSWORD})
    assert chosen.status_code == 200 and chosen.json["username"] == email
    colleague = {"Authorization": "Bearer " + login(app.test_client(), email, PASSWORD).json["access_token"]}
    assert http.get("/api/v1/me", headers=colleague).json["roles"] == ["salesperson"]
    assert http.get("/api/v1/staff-users", headers=colleague).status_code == 403  # not an admin

    listed = http.get("/api/v1/staff-users?limit=200", headers=admin).json["items"]
    assert email in {u["email"] for u in listed} and demo.ADMIN_USERNAME in {u["username"] for u in listed}
    assert demo.CLIENT_USERNAME not in {u["username"] for u in listed}  # customers are not staff

    promoted = http.patch(f"/api/v1/staff-users/{invited.json['id']}", json={"roles": ["agent", "salesperson"]},
                          headers=admin)
    assert promoted.status_code == 200 and promoted.json["roles"] == ["agent", "salesperson"]
    disabled = http.patch(f"/api/v1/staff-users/{invited.json['id']}", json={"status": "disabled"}, headers=admin)
    assert disabled.status_code == 200 and disabled.json["status"] == "disabled"
    assert login(app.test_client(), email, PASSWORD).status_code == 401


def test_staff_management_refuses_bad_input_and_other_callers(http, admin, staff, customer):
    bad = http.post("/api/v1/staff-users", json={"email": "x@demo.test", "display_name": "X", "roles": ["client"]},
                    headers=admin)
    assert bad.status_code == 422 and bad.json["errors"][0]["field"] == "roles"
    taken = http.post("/api/v1/staff-users", json={"email": demo.AGENT_USERNAME, "display_name": "Dup",
                                                   "roles": ["agent"]}, headers=admin)
    assert taken.status_code == 409
    assert http.patch("/api/v1/staff-users/no-such-user", json={"status": "disabled"}, headers=admin).status_code == 404
    wrong_status = http.patch("/api/v1/staff-users/no-such-user", json={"status": "gone"}, headers=admin)
    assert wrong_status.status_code == 422
    for caller in (staff, customer):
        assert http.get("/api/v1/staff-users", headers=caller).status_code == 403
        assert http.post("/api/v1/staff-users", json={"email": "y@demo.test", "display_name": "Y",
                                                      "roles": ["agent"]}, headers=caller).status_code == 403
