"""Staff users through the gateway: an admin invites a colleague, who chooses a password from the
e-mailed link and works with the given role; admins change roles and disable; nobody else may."""

from __future__ import annotations

import re
import secrets
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from clientarea_shared import demo

from .conftest import login
from .test_identity_journeys import PASSWORD as JOURNEY_PASSWORD
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


def invited_colleague(http, admin, mailbox, password: str = PASSWORD) -> tuple[str, str]:
    """A new agent of the demo firm who has chosen their password: (user id, e-mail)."""
    email = f"colega{secrets.token_hex(4)}@demo.test"
    invited = http.post("/api/v1/staff-users", json={"email": email, "display_name": "Iria Colega",
                                                     "roles": ["agent"]}, headers=admin)
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail_to(mailbox, email, r"set-password")["text"]).group(0)
    http.post("/api/v1/auth/set-password", json={"token": unquote(parse_qs(urlparse(link).query)["token"][0]),
                                                 "password": password, "password_confirmation": password})
    return invited.json["id"], email


def test_an_admin_clears_the_second_factors_of_a_colleague_who_lost_their_phone(http, app, admin, mailbox):
    from .test_mfa import enrol  # with the journeys' password

    user_id, email = invited_colleague(http, admin, mailbox, JOURNEY_PASSWORD)
    lost_phone = app.test_client()
    enrol(lost_phone, email)  # logged in there, with an authenticator app now
    assert login(app.test_client(), email, JOURNEY_PASSWORD).json["mfa_required"] is True

    cleared = http.post(f"/api/v1/staff-users/{user_id}/second-factors/reset", headers=admin)
    assert cleared.status_code == 200 and cleared.json["mfa_enabled"] is False
    assert lost_phone.post("/api/v1/auth/refresh", json={}).status_code == 401  # its session ended
    assert "access_token" in login(app.test_client(), email, JOURNEY_PASSWORD).json  # no second step any more
    alert = mail_to(mailbox, email, r"ha borrado la verificación en dos pasos")  # the colleague's language: es
    assert "entidad" in alert["subject"]
    again = http.post(f"/api/v1/staff-users/{user_id}/second-factors/reset", headers=admin)
    assert again.status_code == 409 and again.json["code"] == "no_second_factor"
    audit = http.get(f"/api/v1/audit-events?action=second_factors_reset&user_id={user_id}", headers=admin).json
    assert [e["outcome"] for e in audit["items"]] == ["success"]


def test_only_admins_clear_second_factors_and_never_their_own_or_another_firms(http, app, admin, staff,
                                                                               other_tenant):
    me = http.get("/api/v1/me", headers=admin).json["user_id"]
    own = http.post(f"/api/v1/staff-users/{me}/second-factors/reset", headers=admin)
    assert own.status_code == 409 and own.json["code"] == "cannot_reset_self"
    assert http.post(f"/api/v1/staff-users/{me}/second-factors/reset", headers=staff).status_code == 403
    elsewhere = login(app.test_client(), other_tenant["agent"], other_tenant["password"], tenant=other_tenant["slug"])
    foreign_id = http.get("/api/v1/me", headers={"Authorization": f"Bearer {elsewhere.json['access_token']}"}
                          ).json["user_id"]
    assert http.post(f"/api/v1/staff-users/{foreign_id}/second-factors/reset", headers=admin).status_code == 404
    assert http.post("/api/v1/staff-users/no-such-user/second-factors/reset", headers=admin).status_code == 404
