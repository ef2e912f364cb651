"""Account journeys end to end through the gateway, on the in-process platform (PostgreSQL,
RabbitMQ, the notification worker and a real SMTP server): self-registration by e-mail, forgotten
password, login lockout, password change, sessions and devices, the audit trail, and the attacks
each must withstand (enumeration by answer or time, replayed codes and links, brute force)."""

from __future__ import annotations

import re
import secrets
import statistics
import time
from urllib.parse import parse_qs, unquote, urlparse

import pytest

from clientarea_shared import demo
from clientarea_shared.testing import wait_until

from .conftest import login

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]
PROBLEM = "application/problem+json"
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


# --- factories ------------------------------------------------------------------------------
def _address() -> dict:
    """A source address of its own, so one test's failures never throttle another's."""
    return {"REMOTE_ADDR": f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"}


def new_client(http, staff, email: str) -> dict:
    number = secrets.randbelow(90_000_000) + 10_000_000
    body = {"kind": "person", "first_name": "Nuria", "last_name": "Prats Vidal",
            "tax_id": f"{number}{_DNI_LETTERS[number % 23]}", "email": email}
    created = http.post("/api/v1/clients", json=body, headers=staff)
    assert created.status_code == 201, created.json
    return created.json


def new_portal_user(http, staff, password: str) -> tuple[str, str]:
    """A client with a portal user whose password staff typed: (user name, e-mail)."""
    email = f"u{secrets.token_hex(4)}@example.test"
    client = new_client(http, staff, email)
    made = http.post(f"/api/v1/clients/{client['id']}/portal-user", json={"password": password}, headers=staff)
    assert made.status_code == 201, made.json
    return made.json["username"], email


def mail_to(mailbox, recipient: str, pattern: str) -> dict:
    return wait_until(lambda: next((m for m in mailbox.messages if recipient in m["to"]
                                    and re.search(pattern, m["text"])), None), 30,
                      f"an e-mail to {recipient} matching {pattern!r}")


def csrf_headers(http) -> dict:
    return {"X-CSRF-Token": http.get_cookie("csrf_token").value}


PASSWORD = "Tres-Cigrons-Verds-2026"
NEW_PASSWORD = "Quatre-Gats-Blaus-2027"


# --- self-registration ----------------------------------------------------------------------
def test_a_client_registers_with_their_email_and_is_logged_in(http, staff, mailbox, platform):
    email = f"reg{secrets.token_hex(4)}@example.test"
    client = new_client(http, staff, email)
    started = http.post("/api/v1/auth/registrations", json={"tenant": "demo", "email": email.upper()},
                        environ_base=_address())
    assert started.status_code == 202, started.json
    registration = started.json["registration_id"]
    assert started.json["code_expires_in"] > 500 and started.json["verified"] is False
    code = re.search(r"\b(\d{6})\b", mail_to(mailbox, email, r"\b\d{6}\b")["text"]).group(1)
    base = f"/api/v1/auth/registrations/{registration}"

    wrong = http.post(f"{base}/verify", json={"code": f"{(int(code) + 1) % 1_000_000:06d}"})
    assert wrong.status_code == 422 and wrong.json["errors"][0]["code"] == "wrong_code"
    assert "4 tries left" in wrong.json["errors"][0]["message"]
    early = http.post(f"{base}/complete", json={"password": PASSWORD, "password_confirmation": PASSWORD})
    assert early.status_code == 422 and early.json["errors"][0]["code"] == "not_verified"

    verified = http.post(f"{base}/verify", json={"code": code})
    assert verified.status_code == 200 and verified.json["verified"] is True
    mismatch = http.post(f"{base}/complete", json={"password": "corta", "password_confirmation": "otra"})
    assert {e["field"] for e in mismatch.json["errors"]} == {"password", "password_confirmation"}

    done = http.post(f"{base}/complete", json={"password": PASSWORD, "password_confirmation": PASSWORD})
    assert done.status_code == 200 and done.json["access_token"]
    assert "ca_session" in done.headers.get("Set-Cookie", "")
    me = http.get("/api/v1/me").json  # the new session cookie: logged in
    assert me["username"] == email and me["client"]["id"] == client["id"] and me["roles"] == ["client"]
    # crm learns of the portal user from identity's event.
    wait_until(lambda: http.get(f"/api/v1/clients/{client['id']}", headers=staff).json["has_portal_user"],
               30, "crm to mark the client as having a portal user")
    # The code and the registration are spent.
    assert http.post(f"{base}/verify", json={"code": code}).status_code == 422
    assert http.post(f"{base}/complete", json={"password": PASSWORD,
                                               "password_confirmation": PASSWORD}).status_code == 422
    assert login(http, email, PASSWORD).status_code == 200


def test_registration_answers_alike_for_any_email_and_sends_only_to_clients(http, staff, mailbox):
    client_email = f"reg{secrets.token_hex(4)}@example.test"
    stranger = f"nobody{secrets.token_hex(4)}@example.test"
    new_client(http, staff, client_email)
    answers = [http.post("/api/v1/auth/registrations", json={"tenant": "demo", "email": e},
                         environ_base=_address()) for e in (client_email, stranger)]
    assert [a.status_code for a in answers] == [202, 202]
    assert [sorted(a.json) for a in answers][0] == sorted(answers[1].json)
    assert [a.json["resend_after"] > 50 for a in answers] == [True, True]
    mail_to(mailbox, client_email, r"\b\d{6}\b")
    time.sleep(1)  # the stranger's would have gone out at the same time
    assert not [m for m in mailbox.messages if stranger in m["to"]]
    # Any code is simply wrong for the stranger, exactly as for a client.
    for answer in answers:
        wrong = http.post(f"/api/v1/auth/registrations/{answer.json['registration_id']}/verify",
                          json={"code": "000000"})
        assert wrong.status_code == 422 and wrong.json["errors"][0]["code"] == "wrong_code"
    bad = http.post("/api/v1/auth/registrations", json={"tenant": "demo", "email": "not-an-email"})
    assert bad.status_code == 422 and bad.json["errors"][0]["field"] == "email"


def test_a_registration_code_allows_five_tries_and_resends_are_throttled(http, staff, mailbox):
    email = f"reg{secrets.token_hex(4)}@example.test"
    new_client(http, staff, email)
    started = http.post("/api/v1/auth/registrations", json={"tenant": "demo", "email": email},
                        environ_base=_address()).json
    code = re.search(r"\b(\d{6})\b", mail_to(mailbox, email, r"\b\d{6}\b")["text"]).group(1)
    base = f"/api/v1/auth/registrations/{started['registration_id']}"
    wrong = f"{(int(code) + 7) % 1_000_000:06d}"
    for _ in range(5):
        assert http.post(f"{base}/verify", json={"code": wrong}).status_code == 422
    spent = http.post(f"{base}/verify", json={"code": code})
    assert spent.status_code == 422 and spent.json["errors"][0]["code"] == "too_many_tries"
    too_soon = http.post(f"{base}/resend")
    assert too_soon.status_code == 429 and int(too_soon.headers["Retry-After"]) > 0
    assert http.post("/api/v1/auth/registrations/unknown-id/verify", json={"code": code}).status_code == 422


# --- forgotten password ---------------------------------------------------------------------
def test_a_forgotten_password_is_reset_by_email_link_and_every_session_ends(http, staff, mailbox, app):
    username, email = new_portal_user(http, staff, PASSWORD)
    old = login(http, username, PASSWORD).json
    asked = http.post("/api/v1/auth/password-reset", json={"tenant": "demo", "login": email},
                      environ_base=_address())
    assert asked.status_code == 202 and asked.data == b""
    link = re.search(r"https?://\S+/reset-password\?token=\S+",
                     mail_to(mailbox, email, r"/reset-password\?token=")["text"]).group(0)
    token = unquote(parse_qs(urlparse(link).query)["token"][0])

    weak = http.post("/api/v1/auth/password-reset/confirm",
                     json={"token": token, "password": "qwerty123456", "password_confirmation": "qwerty123456"})
    assert weak.status_code == 422 and weak.json["errors"][0]["code"] == "too_common"
    reset = http.post("/api/v1/auth/password-reset/confirm",
                      json={"token": token, "password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    assert reset.status_code == 200 and reset.json["username"] == username
    replay = http.post("/api/v1/auth/password-reset/confirm",
                       json={"token": token, "password": PASSWORD + "x", "password_confirmation": PASSWORD + "x"})
    assert replay.status_code == 422 and replay.json["errors"][0]["code"] == "invalid_or_expired"

    ended = app.test_client().post("/api/v1/auth/refresh", json={"refresh_token": old["refresh_token"]})
    assert ended.status_code == 401
    assert login(http, username, PASSWORD).status_code == 401
    assert login(http, username, NEW_PASSWORD).status_code == 200
    mail_to(mailbox, email, r"password|contrase|contrasenya|senha")  # the security alert


def test_a_reset_request_answers_alike_and_as_slowly_whether_the_account_exists(http, staff):
    username, _ = new_portal_user(http, staff, PASSWORD)

    def timed(login_name: str) -> float:
        started = time.perf_counter()
        answer = http.post("/api/v1/auth/password-reset", json={"tenant": "demo", "login": login_name},
                           environ_base=_address())
        assert answer.status_code == 202 and answer.data == b""
        return time.perf_counter() - started

    known = [timed(username) for _ in range(3)]
    unknown = [timed(f"ghost{i}@example.test") for i in range(3)]
    # Both are padded to the same floor; the difference must be far below what a probe could use.
    assert abs(statistics.median(known) - statistics.median(unknown)) < 0.1


# --- login: lockout and enumeration ---------------------------------------------------------
def test_a_thousand_wrong_passwords_never_log_in_and_lock_only_that_account(http, staff, app):
    victim, _ = new_portal_user(http, staff, PASSWORD)
    bystander, _ = new_portal_user(http, staff, PASSWORD)
    attacker = _address()
    statuses = [http.post("/api/v1/auth/login", json={"tenant": "demo", "username": victim,
                                                      "password": f"guess-{i:04d}-x"},
                          environ_base=attacker).status_code for i in range(1000)]
    assert 200 not in statuses and set(statuses) <= {401, 429}
    assert statuses[:2] == [401, 401] and statuses[-1] == 429
    # Even the right password is refused while locked, from anywhere, with a clear message.
    locked = app.test_client().post("/api/v1/auth/login", json={"tenant": "demo", "username": victim,
                                                                "password": PASSWORD}, environ_base=_address())
    assert locked.status_code == 429 and locked.json["code"] == "too_many_attempts"
    assert "Try again in" in locked.json["detail"] and int(locked.headers["Retry-After"]) > 60
    assert "Set-Cookie" not in locked.headers
    # Another account, from another address, is not affected.
    assert app.test_client().post("/api/v1/auth/login", json={"tenant": "demo", "username": bystander,
                                                              "password": PASSWORD},
                                  environ_base=_address()).status_code == 200
    # The attacking address is throttled for every account.
    assert app.test_client().post("/api/v1/auth/login", json={"tenant": "demo", "username": bystander,
                                                              "password": PASSWORD},
                                  environ_base=attacker).status_code == 429


def test_unknown_users_and_wrong_passwords_are_alike_in_answer_lockout_and_time(http, staff):
    users = [new_portal_user(http, staff, PASSWORD)[0] for _ in range(3)]

    def attempt(username: str) -> tuple[float, int, dict]:
        started = time.perf_counter()
        answer = login_from(http, username, "Not-The-Password-1", _address())
        return time.perf_counter() - started, answer.status_code, answer.json

    real = [attempt(u) for u in users for _ in range(2)]
    ghosts = [attempt(f"ghost-{secrets.token_hex(3)}") for _ in range(6)]
    assert {(s, b["code"], b["detail"]) for _, s, b in real + ghosts} == {
        (401, "invalid_credentials", "The user name or the password is not correct")}
    # Both run one argon2 verification: an unknown user is not answered measurably faster.
    assert statistics.median(t for t, _, _ in ghosts) > 0.5 * statistics.median(t for t, _, _ in real)
    # Unknown accounts lock exactly like real ones (a lockout tells nothing either).
    ghost = f"ghost-{secrets.token_hex(3)}"
    answers = []
    for _ in range(6):
        answers.append(login_from(http, ghost, "Not-The-Password-1", _address()).status_code)
        time.sleep(0.05)
    assert 429 in answers


def login_from(http, username: str, password: str, address: dict):
    return http.post("/api/v1/auth/login", json={"tenant": "demo", "username": username, "password": password},
                     environ_base=address)


# --- security settings ----------------------------------------------------------------------
def test_changing_the_password_needs_the_current_one_and_ends_the_other_sessions(http, staff, app, mailbox):
    username, email = new_portal_user(http, staff, PASSWORD)
    other = login(app.test_client(), username, PASSWORD).json
    assert login(http, username, PASSWORD).status_code == 200  # this session (cookie) stays
    wrong = http.post("/api/v1/me/password", headers=csrf_headers(http), json={
        "current_password": "Not-It-At-All-9", "password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    assert wrong.status_code == 422 and wrong.json["errors"][0]["field"] == "current_password"
    same = http.post("/api/v1/me/password", headers=csrf_headers(http), json={
        "current_password": PASSWORD, "password": PASSWORD, "password_confirmation": PASSWORD})
    assert same.status_code == 422
    changed = http.post("/api/v1/me/password", headers=csrf_headers(http), json={
        "current_password": PASSWORD, "password": NEW_PASSWORD, "password_confirmation": NEW_PASSWORD})
    assert changed.status_code == 204
    assert app.test_client().post("/api/v1/auth/refresh",
                                  json={"refresh_token": other["refresh_token"]}).status_code == 401
    assert http.post("/api/v1/auth/refresh", headers=csrf_headers(http), json={}).status_code == 200
    assert [s["current"] for s in http.get("/api/v1/me/sessions").json["items"]] == [True]
    mail_to(mailbox, email, r"password|contrase|contrasenya|senha")


def test_an_email_change_is_proven_by_a_link_to_the_new_address_and_the_old_one_is_warned(
        http, staff, app, mailbox):
    username, old_email = new_portal_user(http, staff, PASSWORD)
    new_email = f"nou{secrets.token_hex(4)}@example.test"
    assert login(http, username, PASSWORD).status_code == 200
    wrong = http.post("/api/v1/me/email", headers=csrf_headers(http),
                      json={"current_password": "Not-It-At-All-9", "new_email": new_email})
    assert wrong.status_code == 422 and wrong.json["errors"][0]["field"] == "current_password"
    invalid = http.post("/api/v1/me/email", headers=csrf_headers(http),
                        json={"current_password": PASSWORD, "new_email": "not-an-address"})
    assert invalid.status_code == 422 and invalid.json["errors"][0]["field"] == "new_email"
    asked = http.post("/api/v1/me/email", headers=csrf_headers(http),
                      json={"current_password": PASSWORD, "new_email": new_email})
    assert asked.status_code == 202 and asked.json["valid_minutes"] == 24 * 60
    assert http.get("/api/v1/me").json["email"] == old_email  # nothing changes before the link
    link = re.search(r"https?://\S+/confirm-email\?token=\S+",
                     mail_to(mailbox, new_email, r"/confirm-email\?token=")["text"]).group(0)
    token = unquote(parse_qs(urlparse(link).query)["token"][0])
    confirmed = app.test_client().post("/api/v1/auth/email-change/confirm", json={"token": token})
    assert confirmed.status_code == 200 and confirmed.json["email"] == new_email
    assert http.get("/api/v1/me").json["email"] == new_email
    assert app.test_client().post("/api/v1/auth/email-change/confirm", json={"token": token}).status_code == 422
    mail_to(mailbox, old_email, r"correo electr")  # the warning goes to the old address


def test_sessions_are_listed_and_signed_out_one_by_one_or_everywhere(http, staff, app):
    username, _ = new_portal_user(http, staff, PASSWORD)
    phone = login(app.test_client(), username, PASSWORD).json
    tablet = login(app.test_client(), username, PASSWORD).json
    login(http, username, PASSWORD)
    sessions = http.get("/api/v1/me/sessions").json["items"]
    assert len(sessions) == 3 and sum(s["current"] for s in sessions) == 1
    phone_session = next(s["id"] for s in sessions if not s["current"])
    assert http.delete(f"/api/v1/me/sessions/{phone_session}", headers=csrf_headers(http)).status_code == 204
    assert len(http.get("/api/v1/me/sessions").json["items"]) == 2
    # Somebody else's session is not found (for them it does not exist).
    others = http.get("/api/v1/me/sessions", headers=staff)
    assert others.status_code == 200
    theirs = others.json["items"][0]["id"]
    assert http.delete(f"/api/v1/me/sessions/{theirs}", headers=csrf_headers(http)).status_code == 404
    everywhere = http.post("/api/v1/me/sessions/revoke-others", headers=csrf_headers(http))
    assert everywhere.status_code == 200 and everywhere.json["revoked"] == 1
    for pair in (phone, tablet):
        assert app.test_client().post("/api/v1/auth/refresh",
                                      json={"refresh_token": pair["refresh_token"]}).status_code == 401
    assert http.get("/api/v1/me").status_code == 200


def test_a_revoked_session_stops_working_before_its_access_token_expires(http, staff, app, monkeypatch):
    """The gateway re-checks a session with identity every SESSION_CHECK_SECONDS (30 s); the test
    shortens the interval to zero rather than wait."""
    username, _ = new_portal_user(http, staff, PASSWORD)
    laptop = login(app.test_client(), username, PASSWORD).json
    bearer = {"Authorization": f"Bearer {laptop['access_token']}"}
    assert app.test_client().get("/api/v1/me", headers=bearer).status_code == 200
    login(http, username, PASSWORD)
    assert http.post("/api/v1/me/sessions/revoke-others", headers=csrf_headers(http)).json["revoked"] == 1
    monkeypatch.setattr(app.extensions["clientarea.session_liveness"], "_check_seconds", 0.0)
    ended = app.test_client().get("/api/v1/me", headers=bearer)
    assert ended.status_code == 401 and ended.json["code"] == "session_revoked"
    assert http.get("/api/v1/me").status_code == 200  # the session that signed the others out


def test_a_login_from_a_new_device_sends_an_alert_and_a_known_device_does_not(http, staff, app, mailbox):
    username, email = new_portal_user(http, staff, PASSWORD)
    alert = "desde un dispositivo que no se hab"
    laptop = app.test_client()
    first = login(laptop, username, PASSWORD)
    device_cookie = next(c for c in first.headers.getlist("Set-Cookie") if c.startswith("ca_device="))
    assert "HttpOnly" in device_cookie and "SameSite=Strict" in device_cookie
    assert login(laptop, username, PASSWORD).status_code == 200  # the same browser again
    phone = app.test_client()
    assert login(phone, username, PASSWORD).status_code == 200  # the first login ever was the laptop's
    mail_to(mailbox, email, alert)
    time.sleep(1)  # any alert for the laptop's second login would have gone out by now
    alerts = [m for m in mailbox.messages if email in m["to"] and alert in m["text"]]
    assert len(alerts) == 1


def test_password_check_gives_the_policy_verdict_and_advice(http):
    weak = http.post("/api/v1/auth/password-check", json={"password": "qwertyuiop12"}).json
    assert weak["acceptable"] is False and weak["problems"] and weak["score"] <= 1
    mine = http.post("/api/v1/auth/password-check",
                     json={"password": "nuria.prats-2026", "email": "nuria.prats@example.test"}).json
    assert "contains_user_name" in mine["problems"]
    strong = http.post("/api/v1/auth/password-check", json={"password": "Cavall-Blau-Salta-Tanques"}).json
    assert strong["acceptable"] is True and strong["score"] >= 3 and strong["problems"] == []


# --- audit ----------------------------------------------------------------------------------
def test_admins_read_the_audit_trail_with_filters_and_others_cannot(http, staff, app, other_tenant):
    ghost = f"ghost.person{secrets.token_hex(3)}@example.test"
    login_from(http, ghost, "Not-The-Password-1", {"REMOTE_ADDR": "192.0.2.77"})
    admin = {"Authorization": "Bearer " + login(app.test_client(), demo.ADMIN_USERNAME,
                                                demo.ADMIN_PASSWORD).json["access_token"]}
    failures = http.get("/api/v1/audit-events?action=login&outcome=failure&limit=200", headers=admin)
    assert failures.status_code == 200
    mine = [e for e in failures.json["items"] if e["source_address"] == "192.0.2.77"]
    assert mine and mine[0]["user_id"] is None
    assert ghost not in str(failures.json) and mine[0]["detail"]["login"].startswith("gh***@")
    successes = http.get("/api/v1/audit-events?action=login&outcome=success&limit=5", headers=admin).json
    assert successes["items"] and all(e["outcome"] == "success" for e in successes["items"])
    assert successes["next_cursor"]
    following = http.get(f"/api/v1/audit-events?action=login&outcome=success&limit=5"
                         f"&cursor={successes['next_cursor']}", headers=admin).json
    assert not {e["id"] for e in following["items"]} & {e["id"] for e in successes["items"]}
    bad = http.get("/api/v1/audit-events?since=yesterday", headers=admin)
    assert bad.status_code == 422 and bad.json["errors"][0]["field"] == "since"
    assert http.get("/api/v1/audit-events", headers=staff).status_code == 403  # an agent
    other_admin_denied = http.get("/api/v1/audit-events", headers={
        "Authorization": "Bearer " + login(app.test_client(), other_tenant["agent"], other_tenant["password"],
                                           other_tenant["slug"]).json["access_token"]})
    assert other_admin_denied.status_code == 403
