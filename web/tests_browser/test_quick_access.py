"""Quick access by process number (seed 003) in a real browser against the running platform: staff
open a case, the client follows the e-mail's link, types the key and sees that one case and the
firm's news, and nothing else (the app's pages send them to the login, the API refuses); logging
out ends it. Also the demo's case and key from the login page, on a phone. axe-core on each page."""

from __future__ import annotations

import re
import secrets
from typing import Any
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, wait_for_mail_matching

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
KEY = r"Clave de acceso: ([2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2})"
LINK = r"https?://\S+/quick-access\?\S+"


@pytest.fixture(scope="module")
def staff(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def client_with_case(staff: ApiDevice) -> tuple[str, dict]:
    """A new client (with an e-mail) and a case opened for them: (e-mail, case)."""
    number = secrets.randbelow(89_999_999) + 10_000_000
    email = f"consulta{secrets.token_hex(4)}@example.test"
    status, client = staff.call("POST", "/clients", {
        "kind": "person", "first_name": "Pau", "last_name": "Ferrer Gil", "email": email,
        "tax_id": f"{number}{NIF_LETTERS[number % 23]}"})
    assert status == 201, client
    status, case = staff.call("POST", "/cases", {
        "client_id": client["id"], "kind": "debt", "debtor_name": "Muebles Turia S.L.",
        "amount": {"minor_units": 1_234_567, "currency": "EUR"}, "phase": "amicable"})
    assert status == 201, case
    return email, case


def test_a_client_follows_the_email_reads_the_case_and_news_and_reaches_nothing_else(page: Any, system: Any,
                                                                                    staff: ApiDevice):
    email, case = client_with_case(staff)
    key = wait_for_mail_matching(system, email, KEY).group(1)
    link = urlsplit(wait_for_mail_matching(system, email, LINK).group(0))
    page.goto(f"{link.path}?{link.query}")

    expect(page.get_by_role("heading", level=1)).to_have_text("Consulta rápida")
    expect(page.get_by_label("Entidad")).to_have_value("demo")
    expect(page.get_by_label("Número de proceso")).to_have_value(case["number"])
    assert_accessible(page, "the quick-access form")

    # A wrong key: the same message as for an unknown number, and the key field is emptied.
    page.get_by_label("Clave de acceso").fill("AAAA-AAAA-AA")
    page.get_by_role("button", name="Consultar").click()
    wrong = "El número de proceso o la clave de acceso no son correctos."
    expect(page.get_by_role("alert").filter(has_text=wrong)).to_be_visible()
    expect(page.get_by_label("Clave de acceso")).to_have_value("")

    # Typed loosely: lower case and without dashes; the field groups it as in the e-mail.
    page.get_by_label("Clave de acceso").press_sequentially(key.replace("-", "").lower())
    expect(page.get_by_label("Clave de acceso")).to_have_value(key)
    page.get_by_role("button", name="Consultar").click()

    expect(page).to_have_url(re.compile(r"/quick-access/case$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Proceso {case['number']}")
    details = page.get_by_test_id("quick-access-case")
    expect(details).to_contain_text("Muebles Turia S.L.")
    expect(details).to_contain_text("Vía amistosa")
    expect(details).to_contain_text("12.345,67")
    nav = page.get_by_role("navigation", name="Navegación principal")
    expect(nav.get_by_role("link")).to_have_text(["Mi proceso", "Noticias"])
    expect(page.get_by_role("link", name="Seguridad de la cuenta")).to_have_count(0)
    assert_accessible(page, "the quick-access case")

    nav.get_by_role("link", name="Noticias").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Noticias")
    expect(page.get_by_role("heading", level=2, name="Consulte su proceso con el número de proceso")).to_be_visible()
    expect(page.get_by_role("heading", level=2, name="Nuevo horario de atención")).to_be_visible()
    assert_accessible(page, "the news")

    # Nothing else: the app's pages are not open to it, and the API refuses the session.
    for path in ("/app", "/app/clients", "/app/account/security"):
        page.goto(path)
        expect(page).to_have_url(re.compile(r"/login$"))
    answer = page.evaluate("""async () => {
        const r = await fetch('/api/v1/me', {credentials: 'same-origin'});
        return {status: r.status, body: await r.json()};
    }""")
    assert answer["status"] == 403 and answer["body"]["code"] == "quick_access_forbidden"
    assert email not in str(answer)

    # The session is still there for its own pages; logging out ends it.
    page.goto("/quick-access/case")
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Proceso {case['number']}")
    page.get_by_role("button", name="Cerrar sesión").click()
    expect(page).to_have_url(re.compile(r"/quick-access$"))
    expect(page.get_by_role("status").filter(has_text="Ha cerrado la sesión.")).to_be_visible()
    page.goto("/quick-access/case")
    expect(page).to_have_url(re.compile(r"/quick-access$"))
    expect(page.get_by_text("La consulta rápida ha terminado.")).to_be_visible()


def test_the_demo_case_opens_from_the_login_page_on_a_phone(phone_page: Any, system: Any):
    page = phone_page
    page.goto("/login")
    page.get_by_role("link", name="Consulta rápida por número de proceso").click()
    expect(page).to_have_url(re.compile(r"/quick-access\?tenant=demo$"))
    page.get_by_label("Número de proceso").fill(demo.QUICK_ACCESS_PROCESS_NUMBER.lower())
    page.get_by_label("Clave de acceso").fill(demo.QUICK_ACCESS_KEY)
    page.get_by_role("button", name="Consultar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Proceso {demo.QUICK_ACCESS_PROCESS_NUMBER}")
    expect(page.get_by_test_id("quick-access-case")).to_contain_text("Reformas Costa Azul S.L.")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the quick-access case scrolls sideways on a phone ({width}px)"
    assert_accessible(page, "the quick-access case on a phone")
