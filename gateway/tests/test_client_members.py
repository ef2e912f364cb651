"""A company customer's people end to end through the gateway, on the in-process platform
(issue 3, journey 9): the client's admin invites a colleague, who chooses a password from the
e-mailed link and signs in with the given role (in the token and in /me); the admin changes the
role and removes them; nobody else may, and never across clients or firms; a client always
keeps an admin; a person's closure ends only their own login while others stay."""

from __future__ import annotations

import base64
import json
import re
import secrets
from urllib.parse import parse_qs, unquote, urlparse

import pytest
from sqlalchemy import func, select

from clientarea_shared import demo
from clientarea_shared.testing import wait_until
from crm_service.models import Client
from identity_service.models import User

from .conftest import login
from .test_identity_journeys import PASSWORD, mail_to, new_portal_user

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]
PROBLEM = "application/problem+json"
MEMBERS = "/api/v1/me/client/members"
COLLEAGUE_PASSWORD = "Cinc-Lleons-Grocs-2027"


# --- helpers ----------------------------------------------------------------------------------
def claims(access_token: str) -> dict:
    payload = access_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def bearer(access_token: str) -> dict:
    return {"Authorization": f"Bearer {access_token}"}


def signed_in(app, username: str, password: str = PASSWORD) -> dict:
    """The JSON answer of a login (access and refresh token)."""
    answer = login(app.test_client(), username, password)
    assert answer.status_code == 200, answer.json
    return answer.json


def company_admin(http, app, staff) -> tuple[dict, str]:
    """A new client whose one login (made by staff) is its admin: (bearer headers, user name)."""
    username, _ = new_portal_user(http, staff, PASSWORD)
    return bearer(signed_in(app, username)["access_token"]), username


def new_email(label: str) -> str:
    return f"{label}{secrets.token_hex(4)}@example.test"


def invite(http, admin: dict, email: str, role: str = "viewer", **extra) -> dict:
    answer = http.post(MEMBERS, json={"email": email, "display_name": "Pau Colega", "client_role": role, **extra},
                       headers=admin)
    assert answer.status_code == 201, answer.json
    return answer.json


def accept(http, mailbox, email: str, password: str = COLLEAGUE_PASSWORD) -> None:
    """The invited colleague chooses a password with the link of their invitation e-mail."""
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail_to(mailbox, email, r"set-password")["text"]).group(0)
    token = unquote(parse_qs(urlparse(link).query)["token"][0])
    chosen = http.post("/api/v1/auth/set-password",
                       json={"token": token, "password": password, "password_confirmation": password})
    assert chosen.status_code == 200 and chosen.json["username"] == email


def member_with_password(http, app, mailbox, admin: dict, role: str = "viewer") -> tuple[dict, dict]:
    """A colleague invited by `admin` who has chosen a password: (their member row, their login)."""
    email = new_email("colega")
    member = invite(http, admin, email, role)
    accept(http, mailbox, email)
    return member, signed_in(app, email, COLLEAGUE_PASSWORD)


def audit(http, app, **filters: str) -> list[dict]:
    firm_admin = bearer(signed_in(app, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)["access_token"])
    answer = http.get("/api/v1/audit-events", query_string={**filters, "limit": 200}, headers=firm_admin)
    assert answer.status_code == 200, answer.json
    return answer.json["items"]


def users_in_identity(platform) -> int:
    with platform.services["identity"].runtime.db.read() as db:
        return db.scalar(select(func.count()).select_from(User))


# --- the journey ------------------------------------------------------------------------------
def test_an_admin_invites_a_colleague_who_signs_in_with_the_role_then_is_re_roled_and_removed(
    http, app, staff, mailbox, platform
):
    admin, admin_username = company_admin(http, app, staff)
    admin_token = admin["Authorization"].removeprefix("Bearer ")
    assert claims(admin_token)["crole"] == "admin"  # a client's first login is its admin
    me = http.get("/api/v1/me", headers=admin).json
    assert me["client_role"] == "admin" and "client-members:manage" in me["permissions"]

    email = new_email("colega")
    invited = invite(http, admin, email.upper(), "viewer", locale="ca")
    assert (invited["email"], invited["client_role"], invited["status"]) == (email, "viewer", "invited")
    assert invited["invited_by"] == me["user_id"] and invited["last_login_at"] is None
    invitation = mail_to(mailbox, email, r"set-password")
    assert "com a persona de Nuria Prats Vidal, amb el perfil «Només consulta»" in invitation["text"]
    accept(http, mailbox, email)

    colleague = signed_in(app, email, COLLEAGUE_PASSWORD)
    token = claims(colleague["access_token"])
    assert (token["crole"], token["cid"], token["roles"]) == ("viewer", me["client_id"], ["client"])
    seen = http.get("/api/v1/me", headers=bearer(colleague["access_token"])).json
    assert seen["client_role"] == "viewer" and seen["client_id"] == me["client_id"]
    assert "own-data:read" in seen["permissions"]
    assert not {"client-members:manage", "cases:create", "invoices:pay"} & set(seen["permissions"])
    assert http.get(MEMBERS, headers=bearer(colleague["access_token"])).status_code == 403

    people = http.get(MEMBERS, headers=admin).json["items"]
    assert [(p["email"], p["client_role"], p["status"]) for p in people] == [
        (me["email"], "admin", "active"), (email, "viewer", "active")]
    assert people[1]["last_login_at"] and people[1]["invited_by_name"] == me["display_name"]

    payer = http.patch(f"{MEMBERS}/{invited['id']}", json={"client_role": "payer"}, headers=admin)
    assert payer.status_code == 200 and payer.json["client_role"] == "payer"
    assert "«Consulta i pagaments»" in mail_to(mailbox, email, r"Consulta i pagaments")["text"]
    refreshed = app.test_client().post("/api/v1/auth/refresh", json={"refresh_token": colleague["refresh_token"]})
    assert refreshed.status_code == 200 and claims(refreshed.json["access_token"])["crole"] == "payer"
    assert "invoices:pay" in http.get("/api/v1/me", headers=bearer(refreshed.json["access_token"])).json["permissions"]

    removed = http.delete(f"{MEMBERS}/{invited['id']}", headers=admin)
    assert removed.status_code == 204
    mail_to(mailbox, email, r"retirat el seu accés")
    refused = login(app.test_client(), email, COLLEAGUE_PASSWORD)
    assert refused.status_code == 401 and refused.json["code"] == "invalid_credentials"
    assert app.test_client().post("/api/v1/auth/refresh",
                                  json={"refresh_token": refreshed.json["refresh_token"]}).status_code == 401
    assert [p["email"] for p in http.get(MEMBERS, headers=admin).json["items"]] == [me["email"]]
    assert login(app.test_client(), admin_username, PASSWORD).status_code == 200

    # The personal data is gone, the audit trail stays with who did what.
    with platform.services["identity"].runtime.db.read() as db:
        gone = db.get(User, invited["id"])
        assert (gone.status, gone.email, gone.username, gone.client_id) == ("closed", "", f"closed-{gone.id}", None)
    trail = {(e["action"], e["detail"].get("origin", "")): e["detail"] for e in audit(http, app, user_id=invited["id"])}
    assert trail[("account_created", "client_invitation")]["created_by"] == me["user_id"]
    assert trail[("client_role_changed", "")]["client_role"] == "payer"
    assert trail[("account_closed", "client_member_removed")]["closed_by"] == me["user_id"]


# --- who may ----------------------------------------------------------------------------------
def test_a_viewer_may_not_invite_change_or_remove_and_nothing_is_written(http, app, staff, mailbox, platform):
    admin, _ = company_admin(http, app, staff)
    member, colleague = member_with_password(http, app, mailbox, admin, "viewer")
    viewer = bearer(colleague["access_token"])
    before = users_in_identity(platform)
    for answer in (http.post(MEMBERS, json={"email": new_email("x"), "display_name": "X", "client_role": "admin"},
                             headers=viewer),
                   http.patch(f"{MEMBERS}/{member['id']}", json={"client_role": "admin"}, headers=viewer),
                   http.delete(f"{MEMBERS}/{member['id']}", headers=viewer)):
        assert answer.status_code == 403 and answer.content_type == PROBLEM
        assert answer.json["code"] == "role_forbidden"
    assert users_in_identity(platform) == before
    assert http.get("/api/v1/me", headers=viewer).json["client_role"] == "viewer"  # not promoted by itself


def test_an_admin_reaches_only_the_people_of_their_own_client_and_firm(http, app, staff, mailbox, other_tenant):
    admin_a, _ = company_admin(http, app, staff)
    admin_b, _ = company_admin(http, app, staff)
    member_b = invite(http, admin_b, new_email("b"))
    client_b = http.get("/api/v1/me", headers=admin_b).json["client_id"]
    for answer in (http.patch(f"{MEMBERS}/{member_b['id']}", json={"client_role": "admin"}, headers=admin_a),
                   http.delete(f"{MEMBERS}/{member_b['id']}", headers=admin_a),
                   http.get(f"/api/v1/clients/{client_b}/members", headers=admin_a),
                   http.patch(f"{MEMBERS}/no-such-person", json={"client_role": "admin"}, headers=admin_a)):
        assert answer.status_code == 404 and answer.content_type == PROBLEM
    assert member_b["email"] not in str(http.get(MEMBERS, headers=admin_a).json)

    # Another firm's customer (their client's admin) and staff are as foreign.
    other = login(app.test_client(), other_tenant["customer"], other_tenant["password"], other_tenant["slug"])
    theirs = bearer(other.json["access_token"])
    assert http.delete(f"{MEMBERS}/{member_b['id']}", headers=theirs).status_code == 404
    other_agent = bearer(login(app.test_client(), other_tenant["agent"], other_tenant["password"],
                               other_tenant["slug"]).json["access_token"])
    assert http.get(f"/api/v1/clients/{client_b}/members", headers=other_agent).status_code == 404
    assert [p["id"] for p in http.get(MEMBERS, headers=admin_b).json["items"]][1:] == [member_b["id"]]


def test_staff_list_a_clients_people_but_manage_none(http, app, staff, customer):
    admin, _ = company_admin(http, app, staff)
    member = invite(http, admin, new_email("s"), "cases")
    client_id = http.get("/api/v1/me", headers=admin).json["client_id"]
    listed = http.get(f"/api/v1/clients/{client_id}/members", headers=staff)
    assert listed.status_code == 200
    assert [(p["client_role"], p["status"]) for p in listed.json["items"]] == [
        ("admin", "active"), ("cases", "invited")]
    demo_company = http.get(f"/api/v1/clients/{demo.COMPANY_CLIENT_ID}/members", headers=staff).json["items"]
    assert demo_company[0]["email"] == demo.COMPANY_ADMIN_USERNAME  # the demo company: its admin first
    assert demo.COMPANY_VIEWER_USERNAME in {p["email"] for p in demo_company}
    assert http.get(MEMBERS, headers=staff).status_code == 403
    assert http.patch(f"{MEMBERS}/{member['id']}", json={"client_role": "admin"}, headers=staff).status_code == 403
    assert http.get(f"/api/v1/clients/{client_id}/members", headers=customer).status_code == 404  # another client
    me = http.get("/api/v1/me", headers=staff).json
    assert me["client_role"] is None and "client-members:manage" not in me["permissions"]
    assert "portal-users:manage" in me["permissions"]


# --- the rules --------------------------------------------------------------------------------
def test_the_last_admin_can_be_neither_demoted_nor_removed_and_a_demoted_token_manages_nobody(
    http, app, staff, mailbox
):
    admin, _ = company_admin(http, app, staff)
    me = http.get("/api/v1/me", headers=admin).json
    for answer in (http.patch(f"{MEMBERS}/{me['user_id']}", json={"client_role": "viewer"}, headers=admin),
                   http.delete(f"{MEMBERS}/{me['user_id']}", headers=admin)):
        assert answer.status_code == 409 and answer.json["code"] == "last_client_admin"

    second, second_login = member_with_password(http, app, mailbox, admin, "admin")
    demoted = http.patch(f"{MEMBERS}/{me['user_id']}", json={"client_role": "cases"}, headers=admin)
    assert demoted.status_code == 200 and demoted.json["client_role"] == "cases"
    # The old token still says "admin" for a few minutes; identity reads the role from its database.
    assert claims(admin["Authorization"].removeprefix("Bearer "))["crole"] == "admin"
    assert http.post(MEMBERS, json={"email": new_email("z"), "display_name": "Z", "client_role": "viewer"},
                     headers=admin).status_code == 403
    assert "client-members:manage" not in http.get("/api/v1/me", headers=admin).json["permissions"]

    second_admin = bearer(second_login["access_token"])
    last = http.delete(f"{MEMBERS}/{second['id']}", headers=second_admin)
    assert last.status_code == 409 and last.json["code"] == "last_client_admin"
    assert http.delete(f"{MEMBERS}/{me['user_id']}", headers=second_admin).status_code == 204


def test_bad_invitations_give_field_errors_and_write_nothing(http, app, staff, platform):
    admin, _ = company_admin(http, app, staff)
    own_email = http.get("/api/v1/me", headers=admin).json["email"]
    before = users_in_identity(platform)
    cases = [
        ({"email": "not-an-address", "display_name": "X", "client_role": "viewer"}, 422, {"email"}),
        ({"email": new_email("r"), "display_name": "X", "client_role": "owner"}, 422, {"client_role"}),
        ({"email": new_email("n"), "display_name": "", "client_role": "viewer"}, 422, {"display_name"}),
        ({"email": demo.AGENT_USERNAME, "display_name": "X", "client_role": "viewer"}, 409, {"email"}),  # staff's
        ({"email": own_email.upper(), "display_name": "X", "client_role": "viewer"}, 409, {"email"}),  # their own
        ({"email": new_email("e"), "display_name": "X", "client_role": "viewer", "roles": ["admin"]}, 422, {"roles"}),
    ]
    for body, status, fields in cases:
        answer = http.post(MEMBERS, json=body, headers=admin)
        assert answer.status_code == status and answer.content_type == PROBLEM, (body, answer.json)
        assert {e["field"] for e in answer.json["errors"]} == fields, (body, answer.json)
    bad_role = http.patch(f"{MEMBERS}/{http.get('/api/v1/me', headers=admin).json['user_id']}",
                          json={"client_role": "root"}, headers=admin)
    assert bad_role.status_code == 422 and bad_role.json["errors"][0]["field"] == "client_role"
    assert users_in_identity(platform) == before
    assert len(http.get(MEMBERS, headers=admin).json["items"]) == 1


# --- closing one's own login ------------------------------------------------------------------
def test_a_person_closes_only_their_own_login_while_others_stay_even_with_active_products(
    http, app, staff, mailbox, platform
):
    """The demo company has a policy in force, an open case and unpaid invoices, and two people."""
    company = bearer(signed_in(app, demo.COMPANY_ADMIN_USERNAME, demo.COMPANY_ADMIN_PASSWORD)["access_token"])
    member, colleague = member_with_password(http, app, mailbox, company, "cases")
    closed = http.post("/api/v1/me/close", json={"current_password": COLLEAGUE_PASSWORD},
                       headers=bearer(colleague["access_token"]))
    assert closed.status_code == 200 and closed.json == {"closed": True}
    assert login(app.test_client(), member["email"], COLLEAGUE_PASSWORD).status_code == 401
    assert member["id"] not in {p["id"] for p in http.get(MEMBERS, headers=company).json["items"]}

    # Its only admin cannot leave the viewer without one.
    last = http.post("/api/v1/me/close", json={"current_password": demo.COMPANY_ADMIN_PASSWORD}, headers=company)
    assert last.status_code == 409 and last.json["code"] == "last_client_admin"
    assert login(app.test_client(), demo.COMPANY_VIEWER_USERNAME, demo.COMPANY_VIEWER_PASSWORD).status_code == 200

    # Staff closing one of several people: that login only, with the products still active.
    other, _ = member_with_password(http, app, mailbox, company, "viewer")
    by_staff = http.post(f"/api/v1/users/{other['id']}/close", headers=staff)
    assert by_staff.status_code == 200 and by_staff.json == {"closed": True}
    with platform.services["crm"].runtime.db.read() as db:
        assert db.scalar(select(Client.portal_user_id).where(Client.id == demo.COMPANY_CLIENT_ID)) == demo.demo_id(
            f"user:{demo.COMPANY_ADMIN_USERNAME}")


def test_the_client_keeps_its_access_through_a_remaining_person_and_loses_it_with_the_last(
    http, app, staff, mailbox, platform
):
    first, _ = company_admin(http, app, staff)
    first_me = http.get("/api/v1/me", headers=first).json
    second, second_login = member_with_password(http, app, mailbox, first, "admin")
    # The client's first login (crm's portal user) removes themself: allowed while another admin stays.
    removed = http.delete(f"{MEMBERS}/{first_me['user_id']}", headers=first)
    assert removed.status_code == 204
    assert login(app.test_client(), first_me["username"], PASSWORD).status_code == 401

    def portal_user() -> str | None:
        with platform.services["crm"].runtime.db.read() as db:
            return db.scalar(select(Client.portal_user_id).where(Client.id == first_me["client_id"]))

    wait_until(lambda: portal_user() == second["id"], 30, "crm to hand the client's access to the colleague")
    # The last person's closure is an ordinary one: nothing active here, so it closes and frees the client.
    closed = http.post("/api/v1/me/close", json={"current_password": COLLEAGUE_PASSWORD},
                       headers=bearer(second_login["access_token"]))
    assert closed.status_code == 200 and closed.json == {"closed": True}
    wait_until(lambda: portal_user() is None, 30, "crm to free the client")
    assert not http.get(f"/api/v1/clients/{first_me['client_id']}", headers=staff).json["has_portal_user"]
