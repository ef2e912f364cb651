"""Quick access by process number (seed 003) end to end through the gateway, on the in-process
platform (PostgreSQL, RabbitMQ, the notification worker and a real SMTP server): staff open a case,
the client gets the number and key by e-mail, the key opens a limited session that reads that one
case and the firm's news and nothing else; wrong keys are throttled and answer like unknown
numbers; logins and failures are audited. Also the firm's news (staff publish, readers list)."""

from __future__ import annotations

import re
import secrets
import statistics
import time

import grpc
import pytest

from clientarea.collections.v1 import collections_pb2, collections_pb2_grpc
from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.payments.v1 import payments_pb2, payments_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.testing import bearer, wait_until

from .conftest import login

pytestmark = [pytest.mark.integration, pytest.mark.usefixtures("notification_worker")]
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
KEY_PATTERN = r"\b([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2})\b"


# --- factories ------------------------------------------------------------------------------
def _address() -> dict:
    """A source address of its own, so one test's failures never throttle another's."""
    return {"REMOTE_ADDR": f"10.{secrets.randbelow(250)}.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}"}


def new_client(http, staff, email: str, locale: str = "es") -> dict:
    number = secrets.randbelow(90_000_000) + 10_000_000
    created = http.post("/api/v1/clients", headers=staff, json={
        "kind": "person", "first_name": "Marta", "last_name": "Soler Puig", "email": email, "locale": locale,
        "tax_id": f"{number}{_DNI_LETTERS[number % 23]}"})
    assert created.status_code == 201, created.json
    return created.json


def open_case(http, staff, client_id: str, **fields) -> dict:
    body = {"client_id": client_id, "kind": "debt", "debtor_name": "Construcciones Ribera S.L.",
            "debtor_tax_id": "B87654323", "amount": {"minor_units": 350_000, "currency": "EUR"}, **fields}
    opened = http.post("/api/v1/cases", json=body, headers=staff)
    assert opened.status_code == 201, opened.json
    return opened.json


def mail_to(mailbox, recipient: str, pattern: str, after: int = 0) -> dict:
    return wait_until(lambda: next((m for m in mailbox.messages[after:] if recipient in m["to"]
                                    and re.search(pattern, m["text"])), None), 30,
                      f"an e-mail to {recipient} matching {pattern!r}")


def client_with_case(http, staff, mailbox, locale: str = "es") -> tuple[dict, dict, str, str]:
    """A new client with a new case: (client, case, e-mail, the access key from the e-mail)."""
    email = f"qa{secrets.token_hex(4)}@example.test"
    client = new_client(http, staff, email, locale)
    case = open_case(http, staff, client["id"])
    message = mail_to(mailbox, email, re.escape(case["number"]))
    return client, case, email, re.search(KEY_PATTERN, message["text"]).group(1)


def quick_access(http, number: str, key: str, address: dict | None = None, tenant: str = "demo"):
    return http.post("/api/v1/auth/quick-access", json={"tenant": tenant, "process_number": number,
                                                        "access_key": key}, environ_base=address or _address())


def wrong_key(key: str) -> str:
    return key[:-1] + ("B" if key[-1] != "B" else "C")


# --- the journey ----------------------------------------------------------------------------
def test_a_client_reads_their_case_and_the_news_with_the_emailed_number_and_key(http, staff, mailbox, app):
    email = f"qa{secrets.token_hex(4)}@example.test"
    client = new_client(http, staff, email)
    case = open_case(http, staff, client["id"])
    assert re.fullmatch(r"EXP-\d{4}-\d{5}", case["number"]) and case["status"] == "open"
    message = mail_to(mailbox, email, re.escape(case["number"]))
    key = re.search(KEY_PATTERN, message["text"]).group(1)
    assert "Demo Seguros y Recobros" in message["subject"] and case["number"] in message["subject"]
    # The link fills in the firm and the number, never the key (links end up in histories and logs).
    link = re.search(r"http\S+/quick-access\?\S+", message["text"]).group(0)
    assert "tenant=demo" in link and f"process={case['number']}" in link and key not in link

    # Typed loosely (lower case, spaces instead of dashes), in a browser: a cookie session.
    browser = app.test_client()
    answer = quick_access(browser, f" {case['number'].lower()} ", key.lower().replace("-", " "))
    assert answer.status_code == 200, answer.json
    assert answer.json["access_token"] and "refresh_token" not in answer.json
    assert 0 < answer.json["expires_in"] <= 20 * 60
    assert "ca_session" in answer.headers.get("Set-Cookie", "")
    shown = browser.get("/api/v1/quick-access/case")
    assert shown.status_code == 200, shown.json
    assert {k: shown.json[k] for k in ("id", "number", "kind", "status", "phase", "debtor_name")} == {
        "id": case["id"], "number": case["number"], "kind": "debt", "status": "open", "phase": "opened",
        "debtor_name": "Construcciones Ribera S.L."}
    assert shown.json["amount"] == {"minor_units": 350_000, "currency": "EUR"}
    assert shown.json["tenant"]["slug"] == "demo"
    news = browser.get("/api/v1/news")
    assert news.status_code == 200
    assert "Consulte su proceso con el número de proceso" in {n["title"] for n in news.json["items"]}

    # Logging out ends it.
    logout = browser.post("/api/v1/auth/logout", json={},
                          headers={"X-CSRF-Token": browser.get_cookie("csrf_token").value})
    assert logout.status_code == 204
    assert browser.get("/api/v1/quick-access/case").status_code == 401


def test_the_demo_case_opens_with_the_demo_key(http):
    answer = quick_access(http, demo.QUICK_ACCESS_PROCESS_NUMBER, demo.QUICK_ACCESS_KEY)
    assert answer.status_code == 200, answer.json
    case = http.get("/api/v1/quick-access/case",
                    headers={"Authorization": f"Bearer {answer.json['access_token']}"}).json
    assert case["number"] == demo.QUICK_ACCESS_PROCESS_NUMBER and case["debtor_name"] == "Reformas Costa Azul S.L."


# --- the attack: a quick-access token on any other endpoint ---------------------------------
OTHER_ENDPOINTS = [
    ("GET", "/api/v1/me"), ("GET", "/api/v1/dashboard"), ("GET", "/api/v1/clients"),
    ("GET", "/api/v1/clients/{client_id}"), ("POST", "/api/v1/clients/{client_id}/portal-user"),
    ("GET", "/api/v1/backoffice/overview"), ("GET", "/api/v1/audit-events"), ("GET", "/api/v1/staff-users"),
    ("GET", "/api/v1/me/sessions"), ("POST", "/api/v1/me/password"), ("POST", "/api/v1/me/close"),
    ("POST", "/api/v1/me/mfa/totp"), ("GET", "/api/v1/tenant/security"), ("POST", "/api/v1/news"),
    ("POST", "/api/v1/cases"), ("POST", "/api/v1/cases/{case_id}/access-key"),
    ("GET", "/api/v1/quick-access/case/../../clients"), ("DELETE", "/api/v1/quick-access/case"),
]


def test_a_quick_access_token_on_any_other_endpoint_is_refused_and_leaks_nothing(http, staff, mailbox, app):
    client, case, email, key = client_with_case(http, staff, mailbox)
    token = quick_access(http, case["number"], key).json["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    for method, path in OTHER_ENDPOINTS:
        answer = http.open(path.format(client_id=client["id"], case_id=case["id"]), method=method, headers=headers,
                           json={} if method != "GET" else None)
        assert answer.status_code in (403, 404, 405), (method, path, answer.status_code)
        assert answer.content_type == "application/problem+json", (method, path)
        if answer.status_code == 403:
            assert answer.json["code"] == "quick_access_forbidden", (method, path, answer.json)
        for secret in (email, "Soler", client["tax_id"], client["id"]):
            assert secret not in answer.get_data(as_text=True), (method, path, secret)
    # The same token in a browser session cookie is held to the same paths.
    browser = app.test_client()
    quick_access(browser, case["number"], key)
    assert browser.get("/api/v1/me").json["code"] == "quick_access_forbidden"
    assert browser.get("/api/v1/quick-access/case").status_code == 200


def test_services_refuse_a_quick_access_token_except_for_reading_its_case(http, staff, mailbox, platform):
    """Defence in depth: a token that got past the gateway still reads nothing else."""
    client, case, _, key = client_with_case(http, staff, mailbox)
    second = open_case(http, staff, client["id"])  # the same client's other case
    token = bearer(quick_access(http, case["number"], key).json["access_token"])
    cases = platform.stub("collections", collections_pb2_grpc.CollectionsServiceStub)
    assert cases.GetCase(collections_pb2.GetCaseRequest(id=case["id"]), metadata=token).number == case["number"]
    refusals = [
        (lambda: cases.GetCase(collections_pb2.GetCaseRequest(id=second["id"]), metadata=token),
         grpc.StatusCode.NOT_FOUND),
        (lambda: cases.ListCases(collections_pb2.ListCasesRequest(), metadata=token),
         grpc.StatusCode.PERMISSION_DENIED),
        (lambda: cases.VerifyCaseAccess(collections_pb2.VerifyCaseAccessRequest(
            process_number=case["number"], access_key=key), metadata=token), grpc.StatusCode.PERMISSION_DENIED),
        (lambda: cases.OpenCase(collections_pb2.OpenCaseRequest(client_id=client["id"]), metadata=token),
         grpc.StatusCode.PERMISSION_DENIED),
        (lambda: platform.stub("crm", crm_pb2_grpc.CrmServiceStub).GetClient(
            crm_pb2.GetClientRequest(id=client["id"]), metadata=token), grpc.StatusCode.PERMISSION_DENIED),
        (lambda: platform.stub("payments", payments_pb2_grpc.PaymentsServiceStub).GetBalance(
            payments_pb2.GetBalanceRequest(), metadata=token), grpc.StatusCode.PERMISSION_DENIED),
    ]
    for call, expected in refusals:
        with pytest.raises(grpc.RpcError) as refused:
            call()
        assert refused.value.code() == expected


# --- wrong keys ------------------------------------------------------------------------------
def test_unknown_numbers_wrong_keys_and_unknown_firms_get_the_same_answer_in_the_same_time(http, staff, mailbox):
    _, case, _, key = client_with_case(http, staff, mailbox)

    def attempt(number: str, typed: str, tenant: str = "demo") -> tuple[float, int, dict]:
        started = time.perf_counter()
        answer = quick_access(http, number, typed, tenant=tenant)
        return time.perf_counter() - started, answer.status_code, answer.json

    wrong = [attempt(case["number"], wrong_key(key)) for _ in range(2)]
    unknown = [attempt(f"EXP-1999-{secrets.randbelow(99_999):05d}", key) for _ in range(3)]
    no_firm = [attempt(case["number"], key, tenant=f"nofirm{secrets.token_hex(3)}")]
    assert {(s, b["code"], b["detail"]) for _, s, b in wrong + unknown + no_firm} == {
        (401, "invalid_quick_access", "The process number or the access key is not correct")}
    # Both check a key hash in collections: an unknown number is not answered measurably faster.
    assert statistics.median(t for t, _, _ in unknown) > 0.5 * statistics.median(t for t, _, _ in wrong)
    missing = http.post("/api/v1/auth/quick-access", json={"tenant": "demo", "process_number": " ",
                                                           "access_key": ""})
    assert missing.status_code == 422 and {e["field"] for e in missing.json["errors"]} >= {"access_key"}


def test_wrong_keys_are_throttled_like_logins_per_process_number_and_per_address(http, staff, mailbox, app):
    _, case, _, key = client_with_case(http, staff, mailbox)
    _, bystander, _, bystander_key = client_with_case(http, staff, mailbox)
    attacker = _address()
    statuses = [quick_access(http, case["number"], f"AAAA-AAAA-{i:02d}"[:12], attacker).status_code
                for i in range(30)]
    assert 200 not in statuses and set(statuses) <= {401, 429}
    assert statuses[:2] == [401, 401] and statuses[-1] == 429
    # Even the right key is refused while the number is locked, from anywhere, with the same message.
    locked = quick_access(app.test_client(), case["number"], key, _address())
    assert locked.status_code == 429 and locked.json["code"] == "too_many_attempts"
    assert "Try again in" in locked.json["detail"] and int(locked.headers["Retry-After"]) > 60
    assert "Set-Cookie" not in locked.headers
    # Another process number from another address is not affected.
    assert quick_access(app.test_client(), bystander["number"], bystander_key, _address()).status_code == 200
    # An unknown number locks exactly like a real one (a lockout tells nothing either).
    ghost = f"EXP-1999-{secrets.randbelow(99_999):05d}"
    answers = []
    for _ in range(7):
        answers.append(quick_access(http, ghost, "AAAA-AAAA-AA", _address()).status_code)
        time.sleep(0.05)
    assert 429 in answers


def test_an_address_spraying_many_numbers_is_throttled(http):
    sprayer = _address()
    statuses = []
    for _ in range(60):
        statuses.append(quick_access(http, f"EXP-1998-{secrets.randbelow(99_999):05d}", "AAAA-AAAA-AA",
                                     sprayer).status_code)
        if statuses[-1] == 429:
            break
    assert statuses[-1] == 429 and statuses.count(401) >= 20


# --- audit ---------------------------------------------------------------------------------
def test_quick_access_logins_and_failures_are_audited_for_the_firms_admins(http, staff, mailbox, app):
    _, case, _, key = client_with_case(http, staff, mailbox)
    place = {"REMOTE_ADDR": f"192.0.2.{secrets.randbelow(200) + 20}"}
    assert quick_access(http, case["number"], wrong_key(key), place).status_code == 401
    assert quick_access(http, case["number"], key, place).status_code == 200
    admin = {"Authorization": "Bearer " + login(app.test_client(), demo.ADMIN_USERNAME,
                                                demo.ADMIN_PASSWORD).json["access_token"]}
    rows = http.get("/api/v1/audit-events?action=quick_access_login&limit=200", headers=admin).json["items"]
    ours = [r for r in rows if r["source_address"] == place["REMOTE_ADDR"]
            and r["detail"].get("process_number") == case["number"]]
    assert [r["outcome"] for r in ours] == ["success", "failure"]  # newest first
    assert ours[0]["detail"]["case_id"] == case["id"] and ours[0]["user_id"] is None
    assert key not in str(rows) and wrong_key(key) not in str(rows)


# --- staff: opening cases and renewing keys -------------------------------------------------
def test_staff_renew_a_key_the_old_one_stops_and_the_new_one_works(http, staff, mailbox, customer, other_tenant):
    _, case, email, old_key = client_with_case(http, staff, mailbox)
    seen = len(mailbox.messages)
    renewed = http.post(f"/api/v1/cases/{case['id']}/access-key", headers=staff)
    assert renewed.status_code == 202 and renewed.json["sent_to"] == f"q***@{email.split('@')[1]}"
    message = mail_to(mailbox, email, re.escape(case["number"]), after=seen)
    new_key = re.search(KEY_PATTERN, message["text"]).group(1)
    assert new_key != old_key and "nueva clave" in message["subject"].lower()
    assert quick_access(http, case["number"], old_key).status_code == 401
    assert quick_access(http, case["number"], new_key).status_code == 200
    # A customer may not, and another firm's staff find no such case.
    assert http.post(f"/api/v1/cases/{case['id']}/access-key", headers=customer).status_code == 403
    theirs = {"Authorization": "Bearer " + login(http, other_tenant["agent"], other_tenant["password"],
                                                 other_tenant["slug"]).json["access_token"]}
    assert http.post(f"/api/v1/cases/{case['id']}/access-key", headers=theirs).status_code == 404


def test_opening_a_case_checks_every_field_the_client_and_the_number(http, staff, customer, other_tenant):
    bad = http.post("/api/v1/cases", headers=staff, json={
        "client_id": demo.CLIENT_ID, "kind": "loan", "debtor_name": "X", "debtor_tax_id": "B12345678",
        "number": "a", "amount": {"minor_units": 0, "currency": "EUR"}, "opened_on": "2999-01-01"})
    assert bad.status_code == 422
    assert {e["field"] for e in bad.json["errors"]} == {"kind", "number", "debtor_tax_id", "amount", "opened_on"}
    body = {"kind": "debt", "debtor_name": "Deudora S.A.", "amount": {"minor_units": 100, "currency": "EUR"}}
    unknown = http.post("/api/v1/cases", headers=staff, json={**body, "client_id": other_tenant["client_id"]})
    assert unknown.status_code == 422 and unknown.json["errors"][0] == {
        "field": "client_id", "code": "unknown", "message": "There is no such client in your firm"}
    taken = http.post("/api/v1/cases", headers=staff, json={**body, "client_id": demo.CLIENT_ID,
                                                            "number": demo.QUICK_ACCESS_PROCESS_NUMBER.lower()})
    assert taken.status_code == 409 and taken.json["errors"][0]["field"] == "number"
    assert http.post("/api/v1/cases", headers=customer, json={**body, "client_id": demo.CLIENT_ID}).status_code == 403


def test_the_key_email_is_in_the_clients_language(http, staff, mailbox):
    _, case, email, _ = client_with_case(http, staff, mailbox, locale="ca")
    message = mail_to(mailbox, email, re.escape(case["number"]))
    assert "Número de procés" in message["text"] and "Clau d'accés" in message["text"]


# --- the firm's news ------------------------------------------------------------------------
def test_staff_publish_news_and_readers_of_the_firm_see_them_newest_first(http, staff, customer, other_tenant):
    title = f"Cierre por festivo {secrets.token_hex(3)}"
    published = http.post("/api/v1/news", headers=staff, json={
        "title": f"  {title} ", "body": "El día 8 no abrimos.\n\n\n\nGracias.  "})
    assert published.status_code == 201, published.json
    assert published.json["title"] == title and published.json["body"] == "El día 8 no abrimos.\n\nGracias."
    assert published.json["language"] is None
    first = http.get("/api/v1/news?limit=1", headers=customer).json
    assert first["items"][0]["title"] == title and first["next_cursor"]
    following = http.get(f"/api/v1/news?limit=50&cursor={first['next_cursor']}", headers=customer).json
    assert title not in {n["title"] for n in following["items"]} and len(following["items"]) >= 2
    theirs = {"Authorization": "Bearer " + login(http, other_tenant["agent"], other_tenant["password"],
                                                 other_tenant["slug"]).json["access_token"]}
    assert title not in str(http.get("/api/v1/news", headers=theirs).json)


def test_news_in_one_language_reach_only_its_readers(http, staff, customer):
    title = f"Only in English {secrets.token_hex(3)}"
    assert http.post("/api/v1/news", headers=staff, json={"title": title, "body": "Hello.",
                                                          "language": "en"}).status_code == 201
    english = http.get("/api/v1/news", headers={**customer, "Accept-Language": "en"}).json["items"]
    spanish = http.get("/api/v1/news", headers={**customer, "Accept-Language": "es"}).json["items"]
    assert title in {n["title"] for n in english} and title not in {n["title"] for n in spanish}


def test_only_admins_and_agents_publish_news_with_field_errors(http, staff, customer, app):
    assert http.post("/api/v1/news", headers=customer, json={"title": "T", "body": "B"}).status_code == 403
    assert app.test_client().post("/api/v1/news", json={"title": "T", "body": "B"}).status_code == 401
    bad = http.post("/api/v1/news", headers=staff, json={"title": "   ", "body": " \n ", "language": "fr"})
    assert bad.status_code == 422
    assert {(e["field"], e["code"]) for e in bad.json["errors"]} == {
        ("title", "required"), ("body", "required"), ("language", "invalid")}
