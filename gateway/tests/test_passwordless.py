"""Login by a six-digit code e-mailed to the account, end to end through the gateway on the
in-process platform (PostgreSQL, RabbitMQ, the notification worker and a real SMTP server): the
happy path, the code bound to the browser that asked (its ticket), single use, expiry, five
tries, resend limits, the login throttle counting wrong codes, the second step for a user with
two-factor on, and the same answer (and no e-mail) for an unknown account."""

from __future__ import annotations

import re
import secrets
import statistics
import time
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from clientarea_shared.db import utcnow
from clientarea_shared.testing import wait_until

from .conftest import login
from .test_identity_journeys import PASSWORD, _address, mail_to, new_portal_user
from .test_mfa import enrol, next_code

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]


def start(client, login_name: str, address: dict | None = None):
    return client.post("/api/v1/auth/login/code", json={"tenant": "demo", "login": login_name},
                       environ_base=address or _address())


def code_in_mail(mailbox, email: str, after: int = 0) -> str:
    """The code of the newest login-code e-mail to `email` beyond the first `after` ones."""
    def newest() -> str | None:
        mails = [m for m in mailbox.messages if email in m["to"] and "código para entrar" in m["subject"]]
        return re.search(r"\b(\d{6})\b", mails[-1]["text"]).group(1) if len(mails) > after else None

    return wait_until(newest, 30, f"login code e-mail #{after + 1} to {email}")


def verify(client, code: str, address: dict | None = None, **body: str):
    return client.post("/api/v1/auth/login/code/verify", json={"code": code, **body},
                       environ_base=address or _address())


def other_code(code: str, plus: int = 1) -> str:
    return f"{(int(code) + plus) % 1_000_000:06d}"


def test_a_code_by_email_logs_in_once_in_the_browser_that_asked(http, staff, app, mailbox, platform):
    username, email = new_portal_user(http, staff, PASSWORD)
    browser = app.test_client()
    started = start(browser, username.upper())
    assert started.status_code == 202, started.json
    assert started.json["code_expires_in"] > 500 and started.json["resend_after"] > 50
    cookie = browser.get_cookie("ca_login_ticket", path="/api/v1/auth/login/code")
    assert cookie is not None and cookie.http_only and cookie.value == started.json["login_ticket"]
    code = code_in_mail(mailbox, email)
    mail = mail_to(mailbox, email, code)
    assert "mismo navegador" in mail["text"]

    wrong = verify(browser, other_code(code))
    assert wrong.status_code == 422 and wrong.json["errors"][0]["code"] == "wrong_code"
    assert "4 tries left" in wrong.json["errors"][0]["message"]
    done = verify(browser, code)  # the ticket comes from the cookie
    assert done.status_code == 200 and done.json["access_token"] and done.json["mfa_required"] is False
    assert browser.get("/api/v1/me").json["username"] == username
    # Spent: neither the code nor the ticket works again.
    again = verify(app.test_client(), code, login_ticket=started.json["login_ticket"])
    assert again.status_code == 401 and again.json["code"] == "login_ticket_invalid"

    from identity_service.models import AuditEvent

    with platform.services["identity"].runtime.db.read() as db:
        rows = db.scalars(select(AuditEvent).where(AuditEvent.detail["method"].as_string() == "email_code",
                                                   AuditEvent.created_at > utcnow() - timedelta(minutes=2))).all()
    assert {"failure", "success"} <= {r.outcome for r in rows if r.action == "login"}


def test_the_code_works_only_with_the_ticket_of_the_client_that_asked(http, staff, app, mailbox):
    username, email = new_portal_user(http, staff, PASSWORD)
    victim = app.test_client()
    ticket = start(victim, username).json["login_ticket"]
    code = code_in_mail(mailbox, email)
    phisher = app.test_client()  # has the code (read over a shoulder, phished) but not the ticket
    alone = verify(phisher, code)
    assert alone.status_code == 401 and alone.json["code"] == "login_ticket_invalid"
    own = start(phisher, username)  # its own ticket is bound to another code
    assert own.status_code == 202
    assert verify(phisher, code).status_code == 422
    # The victim's browser still logs in, with the ticket sent by an API client's way (the body).
    assert verify(app.test_client(), code, login_ticket=ticket).status_code == 200


def test_five_wrong_codes_spend_the_code_and_lock_the_account_like_wrong_passwords(http, staff, app, mailbox, platform):
    username, email = new_portal_user(http, staff, PASSWORD)
    client = app.test_client()
    start(client, username)
    code = code_in_mail(mailbox, email)
    answers = []
    for index, pause in enumerate((0, 0, 0, 1.1, 2.1)):  # waiting out the login throttle's back-off
        time.sleep(pause)
        answers.append(verify(client, other_code(code, index + 1)).status_code)
    assert answers == [422] * 5
    locked = verify(client, code)
    assert locked.status_code == 429 and locked.json["code"] == "too_many_attempts"
    # The same counter as the password: the account is locked for both.
    assert login(app.test_client(), username, PASSWORD).status_code == 429

    from identity_service.journeys.common import login_key
    from identity_service.models import LoginThrottle, Tenant

    runtime = platform.services["identity"].runtime
    with runtime.db.session() as db:  # the lock ends (15 minutes later)
        tenant_id = db.scalar(select(Tenant.id).where(Tenant.slug == "demo"))
        db.execute(update(LoginThrottle).where(LoginThrottle.key == login_key(tenant_id, username))
                   .values(failures=0, locked_until=None, last_failure_at=None))
    spent = verify(client, code)
    assert spent.status_code == 422 and spent.json["errors"][0]["code"] == "too_many_tries"


def test_an_expired_code_is_refused_and_resends_are_throttled(http, staff, app, mailbox, platform):
    username, email = new_portal_user(http, staff, PASSWORD)
    client = app.test_client()
    ticket = start(client, username).json["login_ticket"]
    code = code_in_mail(mailbox, email)
    too_soon = client.post("/api/v1/auth/login/code/resend", json={})
    assert too_soon.status_code == 429 and too_soon.json["code"] == "resend_too_soon"
    assert int(too_soon.headers["Retry-After"]) > 0

    from identity_service.domain.tokens import token_hash
    from identity_service.models import LoginCode

    with platform.services["identity"].runtime.db.session() as db:  # ten minutes later
        db.execute(update(LoginCode).where(LoginCode.ticket_hash == token_hash(ticket))
                   .values(expires_at=utcnow() - timedelta(seconds=1), sent_at=utcnow() - timedelta(minutes=10)))
    expired = verify(client, code)
    assert expired.status_code == 422 and expired.json["errors"][0]["code"] == "expired"
    resent = client.post("/api/v1/auth/login/code/resend", json={})
    assert resent.status_code == 202 and resent.json["login_ticket"] == ticket
    new_code = code_in_mail(mailbox, email, after=1)
    assert verify(client, code).status_code == 422  # the old code is replaced
    assert verify(client, new_code).status_code == 200


def test_unknown_accounts_get_the_same_answer_in_the_same_time_and_no_email(http, staff, app, mailbox):
    username, email = new_portal_user(http, staff, PASSWORD)
    ghost = f"ghost{secrets.token_hex(4)}@example.test"

    def timed(login_name: str) -> tuple[float, int, list[str]]:
        started = time.perf_counter()
        answer = start(app.test_client(), login_name)
        return time.perf_counter() - started, answer.status_code, sorted(answer.json)

    known = [timed(username) for _ in range(2)]
    unknown = [timed(ghost) for _ in range(2)]
    assert {(s, tuple(k)) for _, s, k in known + unknown} == {
        (202, ("code_expires_in", "login_ticket", "resend_after"))}
    assert abs(statistics.median(t for t, _, _ in known) - statistics.median(t for t, _, _ in unknown)) < 0.1
    code_in_mail(mailbox, email, after=1)  # both codes for the real account went out...
    time.sleep(1)
    assert not [m for m in mailbox.messages if ghost in m["to"]]  # ...and nothing for the ghost
    # Any code is simply wrong for the ghost, as for a real account.
    client = app.test_client()
    start(client, ghost)
    wrong = verify(client, "123456")
    assert wrong.status_code == 422 and wrong.json["errors"][0]["code"] == "wrong_code"
    missing = app.test_client().post("/api/v1/auth/login/code", json={"tenant": "demo", "login": ""})
    assert missing.status_code == 422 and missing.json["errors"][0]["field"] == "login"


def test_a_user_with_two_factor_still_needs_the_second_step_after_the_code(http, staff, app, mailbox):
    username, email = new_portal_user(http, staff, PASSWORD)
    secret, _, _ = enrol(http, username)
    client = app.test_client()
    start(client, username)
    answer = verify(client, code_in_mail(mailbox, email))
    assert answer.status_code == 200 and answer.json["mfa_required"] is True and answer.json["access_token"] is None
    assert client.get("/api/v1/me").status_code == 401  # no session before the second step
    done = client.post("/api/v1/auth/login/mfa", json={"mfa_ticket": answer.json["mfa_ticket"],
                                                       "code": next_code(secret)})
    assert done.status_code == 200 and client.get("/api/v1/me").json["username"] == username
