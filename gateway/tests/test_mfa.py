"""Two-factor authentication through the gateway on the in-process platform: enrolment with a QR
code, the second step of a login (TOTP or a recovery code, each used once), turning it off, and a
firm that requires it of its staff."""

from __future__ import annotations

import time

import pyotp
import pytest

from clientarea_shared import demo

from .conftest import login
from .test_identity_journeys import PASSWORD, csrf_headers, new_portal_user

pytestmark = pytest.mark.integration


def enrol(http, username: str) -> tuple[str, list[str], str]:
    """Log in (cookie), set up TOTP; returns the secret, the recovery codes and the code used."""
    assert login(http, username, PASSWORD).status_code == 200
    wrong = http.post("/api/v1/me/mfa/totp", json={"current_password": "Not-It-At-All-9"}, headers=csrf_headers(http))
    assert wrong.status_code == 422 and wrong.json["errors"][0]["field"] == "current_password"
    started = http.post("/api/v1/me/mfa/totp", json={"current_password": PASSWORD}, headers=csrf_headers(http))
    assert started.status_code == 200
    secret = started.json["secret"]
    uri = started.json["otpauth_uri"]
    assert uri.startswith("otpauth://totp/") and f"secret={secret}" in uri
    assert started.json["qr_svg"].startswith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ')
    bad = http.post("/api/v1/me/mfa/totp/confirm", json={"code": "000000"}, headers=csrf_headers(http))
    assert bad.status_code == 422
    used = pyotp.TOTP(secret).now()
    confirmed = http.post("/api/v1/me/mfa/totp/confirm", json={"code": used}, headers=csrf_headers(http))
    assert confirmed.status_code == 200
    codes = confirmed.json["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    assert http.get("/api/v1/me").json["mfa_enabled"] is True
    return secret, codes, used


def next_code(secret: str) -> str:
    """The code of the next 30-second step (accepted within the one-step drift, never used yet)."""
    return pyotp.TOTP(secret).at(time.time() + 30)


def test_a_login_with_two_factor_needs_a_fresh_code_or_a_recovery_code_once(http, staff, app):
    username, _ = new_portal_user(http, staff, PASSWORD)
    secret, codes, used = enrol(http, username)
    fresh = app.test_client()
    first = login(fresh, username, PASSWORD)
    assert first.status_code == 200 and first.json["mfa_required"] is True and first.json["access_token"] is None
    assert not [c for c in first.headers.getlist("Set-Cookie") if c.startswith("ca_session=")]  # no session yet
    ticket = first.json["mfa_ticket"]
    replayed = fresh.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": used})
    assert replayed.status_code == 422  # the code of the enrolment's time step was already used
    done = fresh.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": next_code(secret)})
    assert done.status_code == 200 and done.json["access_token"]
    assert fresh.get("/api/v1/me").status_code == 200
    assert fresh.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": codes[0]}).status_code == 401

    second = app.test_client()
    ticket = login(second, username, PASSWORD).json["mfa_ticket"]
    spare = second.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": codes[0].upper()})
    assert spare.status_code == 200
    third = app.test_client()
    ticket = login(third, username, PASSWORD).json["mfa_ticket"]
    assert third.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": codes[0]}).status_code == 422


def test_five_wrong_codes_spend_the_ticket(http, staff, app):
    username, _ = new_portal_user(http, staff, PASSWORD)
    secret, _, _ = enrol(http, username)
    client = app.test_client()
    ticket = login(client, username, PASSWORD).json["mfa_ticket"]
    answers = [client.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": "123456"}).status_code
               for _ in range(5)]
    assert answers == [422, 422, 422, 422, 401]
    late = client.post("/api/v1/auth/login/mfa", json={"mfa_ticket": ticket, "code": next_code(secret)})
    assert late.status_code == 401 and late.json["code"] == "mfa_ticket_invalid"


def test_turning_two_factor_off_needs_the_password(http, staff, app):
    username, _ = new_portal_user(http, staff, PASSWORD)
    enrol(http, username)
    wrong = http.post("/api/v1/me/mfa/totp/disable", json={"current_password": "Not-It-At-All-9"},
                      headers=csrf_headers(http))
    assert wrong.status_code == 422
    assert http.post("/api/v1/me/mfa/totp/disable", json={"current_password": PASSWORD},
                     headers=csrf_headers(http)).status_code == 204
    assert login(app.test_client(), username, PASSWORD).json["access_token"]


def test_a_firm_can_require_two_factor_of_its_staff(http, app, customer):
    admin = {"Authorization": "Bearer " + login(app.test_client(), demo.ADMIN_USERNAME,
                                                demo.ADMIN_PASSWORD).json["access_token"]}
    agent_before = {"Authorization": "Bearer " + login(app.test_client()).json["access_token"]}
    refused = http.put("/api/v1/tenant/security", json={"require_staff_mfa": True}, headers=agent_before)
    assert refused.status_code == 403
    assert http.get("/api/v1/tenant/security", headers=customer).status_code == 403
    try:
        assert http.put("/api/v1/tenant/security", json={"require_staff_mfa": True},
                        headers=admin).json == {"require_staff_mfa": True}
        agent = {"Authorization": "Bearer " + login(app.test_client()).json["access_token"]}
        me = http.get("/api/v1/me", headers=agent)
        assert me.status_code == 200 and me.json["mfa_enrolment_required"] is True
        blocked = http.get("/api/v1/clients", headers=agent)
        assert blocked.status_code == 403 and blocked.json["code"] == "mfa_enrolment_required"
        # Customers are not concerned.
        assert http.get("/api/v1/dashboard", headers=customer).status_code == 200
    finally:
        assert http.put("/api/v1/tenant/security", json={"require_staff_mfa": False},
                        headers=admin).status_code == 200
    agent = {"Authorization": "Bearer " + login(app.test_client()).json["access_token"]}
    assert http.get("/api/v1/clients", headers=agent).status_code == 200
