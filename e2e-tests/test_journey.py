"""The foundation's journey through the running platform, as a firm and its customer live it:
staff log in → create a client → create the client's portal user → the e-mail arrives at the
SMTP server → the customer sets a password with its link, logs in and sees their dashboard
data. Then: the journey is one trace across gateway, crm, identity and notification, and every
process's /metrics shows the calls."""

from __future__ import annotations

import re
import uuid
from urllib.parse import parse_qs, unquote, urlparse

import pytest
import requests
from prometheus_client.parser import text_string_to_metric_families
from stdnum.es import dni

from clientarea_shared import demo
from clientarea_shared.testing import wait_until

pytestmark = pytest.mark.e2e


def unique_dni() -> str:
    digits = str(uuid.uuid4().int % 10**8).zfill(8)
    return digits + dni.calc_check_digit(digits)


def staff_session(base_url: str) -> requests.Session:
    """A browser-like session: the HttpOnly cookie plus the CSRF header on unsafe requests."""
    session = requests.Session()
    answer = session.post(f"{base_url}/api/v1/auth/login", json={
        "tenant": demo.TENANT_SLUG, "username": demo.AGENT_USERNAME, "password": demo.AGENT_PASSWORD})
    assert answer.status_code == 200, answer.text
    session.headers["X-CSRF-Token"] = session.cookies["csrf_token"]
    return session


@pytest.fixture(scope="module")
def journey(system):
    """Walk the journey once; the tests below check what it left behind."""
    base = system.base_url
    staff = staff_session(base)
    email = f"e2e-{uuid.uuid4().hex[:8]}@correo.test"
    client = staff.post(f"{base}/api/v1/clients", json={
        "kind": "person", "first_name": "Carmen", "last_name": "Ortega Ruiz",
        "tax_id": unique_dni(), "email": email, "phone": "+34 611 222 333", "locale": "es"})
    assert client.status_code == 201, client.text
    listed = staff.get(f"{base}/api/v1/clients", params={"q": "ortega carmen"}).json()["items"]
    assert client.json()["id"] in [c["id"] for c in listed]

    portal = staff.post(f"{base}/api/v1/clients/{client.json()['id']}/portal-user", json={})
    assert portal.status_code == 201, portal.text

    mail = wait_until(lambda: next((m for m in requests.get(f"{system.mail_url}/api/messages").json()
                                    if email in m["to"]), None), 60, f"the welcome e-mail to {email}")
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail["text"]).group(0)
    token = unquote(parse_qs(urlparse(link).query)["token"][0])
    chosen = requests.post(f"{base}/api/v1/auth/set-password",
                           json={"token": token, "password": "Mi-Clave-Nueva-2026",
                                 "password_confirmation": "Mi-Clave-Nueva-2026"})
    assert chosen.status_code == 200, chosen.text

    customer = requests.Session()
    login = customer.post(f"{base}/api/v1/auth/login", json={
        "tenant": "demo", "username": portal.json()["username"], "password": "Mi-Clave-Nueva-2026"})
    assert login.status_code == 200, login.text
    me = customer.get(f"{base}/api/v1/me")
    return {"client": client.json(), "portal": portal.json(), "mail": mail, "me": me}


def test_the_customer_logs_in_with_the_emailed_access_and_sees_their_data(journey):
    me = journey["me"]
    assert me.status_code == 200
    assert me.json()["client"]["id"] == journey["client"]["id"]
    assert me.json()["client"]["display_name"] == "Carmen Ortega Ruiz"
    assert me.json()["tenant"]["name"] == demo.TENANT_NAME
    assert journey["mail"]["subject"] and "Carmen" in journey["mail"]["text"]


def test_the_journey_is_one_trace_across_gateway_crm_identity_and_notification(journey, otlp):
    def portal_user_trace():
        for span in otlp.spans:
            if span.service == "crm" and span.name.endswith("CreatePortalUser"):
                services = {s.service for s in otlp.trace(span.trace_id)}
                if {"gateway", "crm", "identity", "notification"} <= services:
                    return span.trace_id
        return None

    trace_id = wait_until(portal_user_trace, 30, "the portal-user trace to reach the receiver")
    spans = otlp.trace(trace_id)
    by_id = {s.span_id: s for s in spans}
    edges = {(by_id[s.parent_span_id].service, s.service) for s in spans if s.parent_span_id in by_id}
    # Each hop is a parent→child edge in the same trace, not just the same id by chance.
    assert ("gateway", "crm") in edges
    assert ("crm", "identity") in edges
    assert ("crm", "notification") in edges  # through the outbox, RabbitMQ and the consumer
    # The e-mail task the consumer queued ran in the worker within the same trace.
    assert any(s.service == "notification" and "send_delivery" in s.name for s in spans)


def _metrics(system, process: str) -> list:
    if process == "gateway":
        url = f"{system.base_url}/metrics"
    else:
        url = f"http://127.0.0.1:{system.metrics_port(process)}/metrics"
    return [sample for family in text_string_to_metric_families(requests.get(url, timeout=5).text)
            for sample in family.samples]


def _value(samples: list, name: str, **labels: str) -> float:
    """The sum of the samples of `name` whose labels include `labels`."""
    return sum(s.value for s in samples if s.name == name and labels.items() <= s.labels.items())


def test_every_process_exposes_metrics_of_the_calls(journey, system):
    gateway = _metrics(system, "gateway")
    assert _value(gateway, "clientarea_http_requests_total", route="/api/v1/clients/<client_id>/portal-user",
                  method="POST", status="201") >= 1
    assert _value(gateway, "clientarea_grpc_client_calls_total", target="crm", method="CreatePortalUser",
                  code="OK") >= 1
    crm = _metrics(system, "crm")
    assert _value(crm, "clientarea_grpc_server_handled_total", method="CreatePortalUser") >= 1
    assert _value(crm, "clientarea_events_published_total", service="crm", type="crm.portal_user_created") >= 1
    assert _value(_metrics(system, "identity"), "clientarea_grpc_server_handled_total", method="Login") >= 1
    assert _value(_metrics(system, "notification"), "clientarea_events_consumed_total",
                  type="crm.portal_user_created", outcome="handled") >= 1
    for service in ("policy", "collections", "payments", "geosearch"):
        assert _value(_metrics(system, service), "clientarea_dependency_up", service=service,
                      dependency="database") == 1
