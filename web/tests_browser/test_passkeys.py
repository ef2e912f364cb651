"""Passwordless logins in a real browser against the running platform: a customer adds a passkey on
the security page and, logged out, logs in with it alone, through Chromium's virtual authenticator
(CDP WebAuthn: CTAP2, internal transport, resident keys, user verification); and a customer logs in
with a six-digit code read from the test mailbox. axe-core on every new state.

WebAuthn refuses an IP address as the relying party's id, so these pages run at
http://localhost:<port> (a secure context too), which identity derives from PUBLIC_BASE_URL's
loopback address (domain/webauthn_ceremonies.relying_party)."""

from __future__ import annotations

import re
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login, wait_for_mail_matching

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def unique_word() -> str:
    return "".join(secrets.choice("bcdfghjklmnprstvz") + secrets.choice("aeiou") for _ in range(4))


@pytest.fixture(scope="module")
def staff(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def new_customer(staff: ApiDevice) -> dict[str, str]:
    """A client of the demo firm with a portal user whose password staff chose."""
    first, last = unique_word().capitalize(), f"Llave {unique_word().capitalize()}"
    number = secrets.randbelow(89_999_999) + 10_000_000
    nif = f"{number}{NIF_LETTERS[number % 23]}"
    email = f"{first.lower()}.{nif.lower()}@correo.test"
    status, client = staff.call("POST", "/clients", {"kind": "person", "first_name": first, "last_name": last,
                                                     "tax_id": nif, "email": email, "locale": "es"})
    assert status == 201, (status, client)
    password = f"Faro-{unique_word().capitalize()}-{secrets.randbelow(9000) + 1000}"
    status, user = staff.call("POST", f"/clients/{client['id']}/portal-user", {"password": password})
    assert status == 201, (status, user)
    return {"username": user["username"], "email": email, "password": password, "name": f"{first} {last}"}


@pytest.fixture
def local_page(browser: Any, system: Any) -> Iterator[tuple[Any, Callable[[], list[dict]]]]:
    """A page on http://localhost:<port>, where WebAuthn works, with a virtual platform
    authenticator (a passkey provider with biometrics) attached; and what that authenticator
    holds."""
    context = browser.new_context(base_url=system.base_url.replace("127.0.0.1", "localhost"), locale="es-ES",
                                  bypass_csp=True)
    context.set_default_timeout(15_000)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("WebAuthn.enable", {"enableUI": False})
    authenticator = cdp.send("WebAuthn.addVirtualAuthenticator", {"options": {
        "protocol": "ctap2", "transport": "internal", "hasResidentKey": True, "hasUserVerification": True,
        "isUserVerified": True, "automaticPresenceSimulation": True}})

    def stored() -> list[dict]:
        return cdp.send("WebAuthn.getCredentials", {"authenticatorId": authenticator["authenticatorId"]})["credentials"]

    yield page, stored
    context.close()


def log_out(page: Any) -> None:
    page.get_by_role("navigation", name="Su cuenta").get_by_role("button", name="Cerrar sesión").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def test_customer_adds_a_passkey_and_logs_in_with_it_alone(local_page: Any, staff: ApiDevice) -> None:
    page, passkeys = local_page
    customer = new_customer(staff)
    login(page, customer["username"], customer["password"])
    page.get_by_role("navigation", name="Su cuenta").get_by_role("link", name="Seguridad de la cuenta").click()
    region = page.get_by_role("region", name="Llaves de acceso (passkeys)")
    expect(region).to_contain_text("Aún no tiene ninguna llave de acceso.")
    assert_accessible(page, "the security page without passkeys")

    region.get_by_role("button", name="Añadir una llave de acceso").click()
    expect(page.locator("#passkey-name-error")).to_have_text(re.compile("Escriba un nombre para la llave."))
    region.get_by_label("Nombre de la llave").fill("Portátil de pruebas")
    region.get_by_role("button", name="Añadir una llave de acceso").click()  # a fresh login: no password asked
    expect(region.get_by_text("Se ha añadido la llave de acceso «Portátil de pruebas»")).to_be_visible()
    item = region.locator("li.passkey")
    expect(item).to_have_count(1)
    expect(item).to_contain_text("Portátil de pruebas")
    expect(item).to_contain_text("aún no se ha usado")
    stored = passkeys()
    assert len(stored) == 1 and stored[0]["isResidentCredential"] and stored[0]["rpId"] == "localhost"
    assert_accessible(page, "the security page with a passkey")

    item.get_by_role("button", name="Cambiar el nombre de la llave «Portátil de pruebas»").click()
    rename = region.get_by_label("Nombre nuevo")
    expect(rename).to_be_focused()
    rename.fill("Mi portátil")
    region.get_by_role("button", name="Guardar").click()
    expect(item).to_contain_text("Mi portátil")

    # Logged out, the firm is all it takes: the browser offers the passkey (usernameless).
    log_out(page)
    expect(page.get_by_role("region", name="Otras formas de entrar")).to_be_visible()
    assert_accessible(page, "the login page with its other ways in")
    page.get_by_label("Entidad").fill("demo")
    page.get_by_role("button", name="Entrar con una llave de acceso").click()
    expect(page).to_have_url(re.compile(r"/app$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")
    assert passkeys()[0]["signCount"] >= 1

    page.get_by_role("navigation", name="Su cuenta").get_by_role("link", name="Seguridad de la cuenta").click()
    item = page.get_by_role("region", name="Llaves de acceso (passkeys)").locator("li.passkey")
    expect(item).to_contain_text("último uso")
    item.get_by_role("button", name="Quitar la llave «Mi portátil»").click()
    expect(item.get_by_text("¿Quitar la llave de acceso «Mi portátil»?")).to_be_focused()
    assert_accessible(page, "removing a passkey")
    item.get_by_role("button", name="Sí, quitarla").click()  # the passkey login was just now: no password
    expect(page.get_by_text("Se ha quitado la llave de acceso «Mi portátil»")).to_be_visible()
    expect(page.get_by_text("Aún no tiene ninguna llave de acceso.")).to_be_visible()


def test_customer_logs_in_with_a_code_from_the_mailbox(local_page: Any, staff: ApiDevice, system: Any) -> None:
    page, _ = local_page
    customer = new_customer(staff)
    page.goto("/login")
    page.get_by_role("button", name="Enviarme un código por correo").click()
    expect(page.locator("#login-username-error")).to_have_text(re.compile("Escriba su usuario"))
    page.get_by_label("Entidad").fill("demo")
    page.get_by_label("Usuario o correo electrónico").fill(customer["username"])
    page.get_by_role("button", name="Enviarme un código por correo").click()
    expect(page.get_by_role("heading", level=2, name="Código de acceso por correo")).to_be_visible()
    field = page.get_by_label("Código del correo")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    expect(page.get_by_role("button", name="Enviar un código nuevo")).to_be_disabled()
    assert_accessible(page, "the login code step")

    code = wait_for_mail_matching(system, customer["email"], r"^\s*(\d{6})\s*$").group(1)
    field.fill(f"{(int(code) + 1) % 1_000_000:06d}")
    page.get_by_role("button", name="Verificar y entrar").click()
    expect(page.locator("#login-email-code-error")).to_have_text(re.compile("El código no es correcto"))
    assert_accessible(page, "the login code step with a wrong code")
    page.get_by_label("Código del correo").fill(code)
    page.get_by_role("button", name="Verificar y entrar").click()
    expect(page).to_have_url(re.compile(r"/app$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")
