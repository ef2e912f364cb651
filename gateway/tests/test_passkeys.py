"""Passkeys end to end through the gateway on the in-process platform (PostgreSQL, RabbitMQ, the
notification worker, a real SMTP server), answered by a software authenticator that builds real
WebAuthn registration and assertion responses: adding one (a fresh login or the password),
listing, renaming and removing, logging in with one with or without the user name, as the second
step of a login and under a firm's two-factor rule; and the attacks: replayed and cross-origin
answers, a counter that goes back, no user verification, enumeration by user name."""

from __future__ import annotations

import secrets
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from clientarea_shared.db import utcnow
from clientarea_shared.testing import wait_until

from .conftest import login
from .soft_authenticator import SoftAuthenticator
from .test_identity_journeys import PASSWORD, _address, csrf_headers, mail_to, new_portal_user
from .test_mfa import enrol, next_code

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]


@pytest.fixture()
def origin(platform) -> str:
    return platform.public_base_url  # identity's RP: PUBLIC_BASE_URL (http://portal.test)


def add_passkey(http, origin: str, name: str = "Mi portátil", **reauth: str) -> tuple[SoftAuthenticator, dict]:
    """Through the security page's calls, on a logged-in (cookie) client."""
    options = http.post("/api/v1/me/mfa/passkeys/options", json=reauth, headers=csrf_headers(http))
    assert options.status_code == 200, options.json
    authenticator = SoftAuthenticator(origin)
    added = http.post("/api/v1/me/mfa/passkeys", json={"name": name, "credential": authenticator.create(
        options.json["options"])}, headers=csrf_headers(http))
    assert added.status_code == 201, added.json
    return authenticator, added.json


def passkey_login(client, authenticator: SoftAuthenticator, *, login_name: str = "", **bent):
    options = client.post("/api/v1/auth/passkey/options", json={"tenant": "demo", "login": login_name},
                          environ_base=_address())
    assert options.status_code == 200, options.json
    return client.post("/api/v1/auth/passkey", json={"credential": authenticator.get(options.json["options"], **bent)},
                       environ_base=_address())


def audit_rows(platform, user_id: str, action: str) -> list:
    from identity_service.models import AuditEvent

    with platform.services["identity"].runtime.db.read() as db:
        return list(db.scalars(select(AuditEvent).where(AuditEvent.user_id == user_id, AuditEvent.action == action)
                               .order_by(AuditEvent.created_at)))


def user_id_of(http) -> str:
    return http.get("/api/v1/me").json["user_id"]


# --- adding and using one --------------------------------------------------------------------
def test_a_customer_adds_a_passkey_and_logs_in_with_it_alone(http, staff, app, origin, mailbox, platform):
    username, email = new_portal_user(http, staff, PASSWORD)
    assert login(http, username, PASSWORD).status_code == 200
    user_id = user_id_of(http)
    options = http.post("/api/v1/me/mfa/passkeys/options", json={}, headers=csrf_headers(http)).json["options"]
    assert options["rp"]["id"] == "portal.test" and options["user"]["name"] == username
    assert options["attestation"] == "none" and options["excludeCredentials"] == []
    assert options["authenticatorSelection"]["residentKey"] == "preferred"
    authenticator, added = add_passkey(http, origin, name="  Mi   portátil ")
    assert added["name"] == "Mi portátil" and added["last_used_at"] is None and added["transports"] == ["internal"]
    # The same authenticator is excluded next time.
    again = http.post("/api/v1/me/mfa/passkeys/options", json={}, headers=csrf_headers(http)).json["options"]
    assert [c["id"] for c in again["excludeCredentials"]] == [authenticator.id]

    # The alert: by e-mail and in the app.
    mail_to(mailbox, email, r"llave de acceso")
    from notification_service.models import Notification

    def notice() -> bool:
        with platform.services["notification"].runtime.db.read() as db:
            titles = db.scalars(select(Notification.title).where(Notification.user_id == user_id)).all()
        return any("llave de acceso" in t for t in titles)

    wait_until(notice, 30, "the in-app notice of the new passkey")
    assert audit_rows(platform, user_id, "passkey_added")[-1].outcome == "success"

    # A new browser: no user name, no password; the passkey alone.
    fresh = app.test_client()
    discoverable = fresh.post("/api/v1/auth/passkey/options", json={"tenant": "demo"}).json["options"]
    assert discoverable["allowCredentials"] == [] and discoverable["userVerification"] == "required"
    answer = authenticator.get(discoverable)
    done = fresh.post("/api/v1/auth/passkey", json={"credential": answer})
    assert done.status_code == 200 and done.json["access_token"]
    assert fresh.get("/api/v1/me").json["username"] == username
    # The answer is spent with its challenge.
    replayed = app.test_client().post("/api/v1/auth/passkey", json={"credential": answer})
    assert replayed.status_code == 401 and replayed.json["code"] == "passkey_challenge_invalid"
    listed = http.get("/api/v1/me/mfa/passkeys").json["items"]
    assert [p["id"] for p in listed] == [added["id"]] and listed[0]["last_used_at"]
    used = [r for r in audit_rows(platform, user_id, "login") if r.detail.get("method") == "passkey"]
    assert used and used[-1].outcome == "success" and used[-1].detail["passkey_id"] == added["id"]
    # A password login is unchanged for a customer: the passkey is another way in, not a second step.
    assert login(app.test_client(), username, PASSWORD).json["access_token"]


def test_the_user_name_first_lists_the_accounts_passkeys_and_alike_decoys_for_others(http, staff, app, origin):
    username, _ = new_portal_user(http, staff, PASSWORD)
    login(http, username, PASSWORD)
    authenticator, _ = add_passkey(http, origin)
    without, _ = new_portal_user(http, staff, PASSWORD)

    def allowed(login_name: str) -> list[dict]:
        answer = app.test_client().post("/api/v1/auth/passkey/options", json={"tenant": "demo", "login": login_name})
        assert answer.status_code == 200
        return answer.json["options"]["allowCredentials"]

    assert [c["id"] for c in allowed(username.upper())] == [authenticator.id]
    ghost = f"ghost{secrets.token_hex(3)}@example.test"
    for other in (ghost, without):
        decoys = allowed(other)
        assert 1 <= len(decoys) <= 2 and decoys == allowed(other)  # stable, like real ones
        assert {d["type"] for d in decoys} == {"public-key"} and all(d["transports"] for d in decoys)
    assert allowed(ghost) != allowed(f"{ghost}x")
    # Username first, then the passkey.
    assert passkey_login(app.test_client(), authenticator, login_name=username).status_code == 200


def test_answers_from_another_origin_without_verification_or_with_a_counter_going_back_are_refused(
        http, staff, app, origin, platform):
    username, _ = new_portal_user(http, staff, PASSWORD)
    login(http, username, PASSWORD)
    user_id = user_id_of(http)
    authenticator, _ = add_passkey(http, origin)
    phished = passkey_login(app.test_client(), authenticator, origin="http://portal.test.evil.example")
    assert phished.status_code == 401 and phished.json["code"] == "passkey_refused"
    unverified = passkey_login(app.test_client(), authenticator, user_verified=False)
    assert unverified.status_code == 401
    assert passkey_login(app.test_client(), authenticator).status_code == 200  # counter now 3
    cloned = passkey_login(app.test_client(), authenticator, count=2)
    assert cloned.status_code == 401 and "Set-Cookie" not in cloned.headers
    assert [r.outcome for r in audit_rows(platform, user_id, "login") if r.detail.get("method") == "passkey"][-1] \
        == "counter_regressed"
    stranger = SoftAuthenticator(origin)  # a key the server never saw
    stranger.user_handle = authenticator.user_handle
    assert passkey_login(app.test_client(), stranger).status_code == 401
    garbage = app.test_client().post("/api/v1/auth/passkey", json={"credential": {"id": "x"}})
    assert garbage.status_code == 401


# --- managing them ---------------------------------------------------------------------------
def age_sessions(platform, user_id: str, minutes: int = 10) -> None:
    """Make the user's logins look older than the re-authentication window."""
    from identity_service.models import Session

    with platform.services["identity"].runtime.db.session() as db:
        db.execute(update(Session).where(Session.user_id == user_id)
                   .values(created_at=utcnow() - timedelta(minutes=minutes)))


def test_adding_and_removing_need_a_fresh_login_or_the_password(http, staff, app, origin, mailbox, platform):
    username, email = new_portal_user(http, staff, PASSWORD)
    login(http, username, PASSWORD)
    user_id = user_id_of(http)
    _, first = add_passkey(http, origin)  # a fresh login: no password needed
    age_sessions(platform, user_id)
    stale = http.post("/api/v1/me/mfa/passkeys/options", json={}, headers=csrf_headers(http))
    assert stale.status_code == 422
    assert stale.json["errors"][0] == {"field": "current_password", "code": "reauthentication_required",
                                       "message": "Confirm it is you: enter your current password"}
    wrong = http.post("/api/v1/me/mfa/passkeys/options", json={"current_password": "Not-It-At-All-9"},
                      headers=csrf_headers(http))
    assert wrong.status_code == 422 and wrong.json["errors"][0]["code"] == "wrong"
    _, second = add_passkey(http, origin, name="Teléfono", current_password=PASSWORD)

    renamed = http.patch(f"/api/v1/me/mfa/passkeys/{first['id']}", json={"name": "Portátil del trabajo"},
                         headers=csrf_headers(http))
    assert renamed.status_code == 200 and renamed.json["name"] == "Portátil del trabajo"
    blank = http.patch(f"/api/v1/me/mfa/passkeys/{first['id']}", json={"name": "   "}, headers=csrf_headers(http))
    assert blank.status_code == 422 and blank.json["errors"][0]["field"] == "name"

    refused = http.post(f"/api/v1/me/mfa/passkeys/{first['id']}/remove", json={}, headers=csrf_headers(http))
    assert refused.status_code == 422 and refused.json["errors"][0]["field"] == "current_password"
    removed = http.post(f"/api/v1/me/mfa/passkeys/{first['id']}/remove", json={"current_password": PASSWORD},
                        headers=csrf_headers(http))
    assert removed.status_code == 204
    assert [p["name"] for p in http.get("/api/v1/me/mfa/passkeys").json["items"]] == ["Teléfono"]
    mail_to(mailbox, email, r"se ha quitado una llave de acceso|Se ha quitado una llave de acceso")
    assert audit_rows(platform, user_id, "passkey_removed")[-1].outcome == "success"

    # Nobody else's passkeys: another customer gets 404 for them and sees none.
    other, _ = new_portal_user(http, staff, PASSWORD)
    intruder = app.test_client()
    login(intruder, other, PASSWORD)
    assert intruder.get("/api/v1/me/mfa/passkeys").json["items"] == []
    assert intruder.patch(f"/api/v1/me/mfa/passkeys/{second['id']}", json={"name": "mío"},
                          headers=csrf_headers(intruder)).status_code == 404
    assert intruder.post(f"/api/v1/me/mfa/passkeys/{second['id']}/remove", json={"current_password": PASSWORD},
                         headers=csrf_headers(intruder)).status_code == 404
    # And a registration answer made for one user's ceremony does not land on another's account.
    options = http.post("/api/v1/me/mfa/passkeys/options", json={"current_password": PASSWORD},
                        headers=csrf_headers(http)).json["options"]
    stolen = intruder.post("/api/v1/me/mfa/passkeys", json={"name": "robada", "credential": SoftAuthenticator(
        origin).create(options)}, headers=csrf_headers(intruder))
    assert stolen.status_code == 422 and stolen.json["errors"][0]["field"] == "credential"
    assert http.get("/api/v1/me/mfa/passkeys").status_code == 200
    assert app.test_client().get("/api/v1/me/mfa/passkeys").status_code == 401


# --- the second step -------------------------------------------------------------------------
def test_a_passkey_completes_the_second_step_of_a_login_with_two_factor(http, staff, app, origin, platform):
    username, _ = new_portal_user(http, staff, PASSWORD)
    secret, _, _ = enrol(http, username)  # logged in (cookie) with TOTP on
    authenticator, _ = add_passkey(http, origin, current_password=PASSWORD)

    client = app.test_client()
    first = login(client, username, PASSWORD).json
    assert first["mfa_required"] is True and first["mfa_methods"] == ["totp", "recovery_code", "passkey"]
    ticket = first["mfa_ticket"]
    options = client.post("/api/v1/auth/login/mfa/passkey/options", json={"mfa_ticket": ticket})
    assert options.status_code == 200
    assert [c["id"] for c in options.json["options"]["allowCredentials"]] == [authenticator.id]
    answer = authenticator.get(options.json["options"], user_verified=False)  # presence is enough here
    other_ticket = login(app.test_client(), username, PASSWORD).json["mfa_ticket"]
    crossed = client.post("/api/v1/auth/login/mfa/passkey", json={"mfa_ticket": other_ticket, "credential": answer})
    assert crossed.status_code == 401  # the options were for another login
    options = client.post("/api/v1/auth/login/mfa/passkey/options", json={"mfa_ticket": ticket}).json["options"]
    answer = authenticator.get(options, user_verified=False)
    done = client.post("/api/v1/auth/login/mfa/passkey", json={"mfa_ticket": ticket, "credential": answer})
    assert done.status_code == 200 and done.json["access_token"]
    assert client.get("/api/v1/me").json["username"] == username
    # Ticket and answer are spent.
    replay = app.test_client().post("/api/v1/auth/login/mfa/passkey", json={"mfa_ticket": ticket, "credential": answer})
    assert replay.status_code == 401
    assert client.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": next_code(secret)}).status_code \
        == 401
    # A passkey login needs no second step even with TOTP on (user verification is required).
    assert passkey_login(app.test_client(), authenticator).status_code == 200
    # A wrong passkey spends one of the ticket's tries, as a wrong code does.
    ticket = login(app.test_client(), username, PASSWORD).json["mfa_ticket"]
    options = client.post("/api/v1/auth/login/mfa/passkey/options", json={"mfa_ticket": ticket}).json["options"]
    stranger = SoftAuthenticator(origin, user_handle=authenticator.user_handle)
    wrong = client.post("/api/v1/auth/login/mfa/passkey", json={"mfa_ticket": ticket,
                                                                "credential": stranger.get(options)})
    assert wrong.status_code == 422 and wrong.json["errors"][0]["field"] == "credential"


def test_a_passkey_satisfies_the_firms_two_factor_rule_for_staff(http, app, origin, platform):
    from identity_service.models import Tenant
    from identity_service.testing import add_tenant_with_staff

    firm = add_tenant_with_staff(platform.services["identity"].runtime, f"pk{secrets.token_hex(3)}")
    with platform.services["identity"].runtime.db.session() as db:
        db.execute(update(Tenant).where(Tenant.id == firm["tenant_id"]).values(require_staff_mfa=True))
    agent = app.test_client()
    assert login(agent, firm["agent"], firm["password"], firm["slug"]).status_code == 200
    assert agent.get("/api/v1/me").json["mfa_enrolment_required"] is True
    assert agent.get("/api/v1/clients").json["code"] == "mfa_enrolment_required"
    authenticator, added = add_passkey(agent, origin)  # allowed under /me/mfa/ before anything else

    client = app.test_client()
    first = login(client, firm["agent"], firm["password"], firm["slug"]).json
    assert first["mfa_required"] is True and first["mfa_methods"] == ["passkey"]
    options = client.post("/api/v1/auth/login/mfa/passkey/options", json={"mfa_ticket": first["mfa_ticket"]})
    done = client.post("/api/v1/auth/login/mfa/passkey", json={
        "mfa_ticket": first["mfa_ticket"], "credential": authenticator.get(options.json["options"])})
    assert done.status_code == 200
    assert client.get("/api/v1/me").json["mfa_enrolment_required"] is False
    assert client.get("/api/v1/clients").status_code == 200
    # The last second factor cannot go while the firm requires one.
    kept = client.post(f"/api/v1/me/mfa/passkeys/{added['id']}/remove", json={"current_password": firm["password"]},
                       headers=csrf_headers(client))
    assert kept.status_code == 409 and kept.json["code"] == "mfa_required_by_firm"
    # The passkey belongs to its firm: another firm's login does not accept it.
    other = app.test_client().post("/api/v1/auth/passkey/options", json={"tenant": "demo"}).json["options"]
    assert app.test_client().post("/api/v1/auth/passkey", json={
        "credential": authenticator.get(other)}).status_code == 401
