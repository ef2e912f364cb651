"""Two-step verification and closing an account in a real browser against the running platform:
a customer turns on an authenticator app (codes computed with pyotp from the key the page
shows), logs in with a code and with a recovery code, and turns it off; a customer with nothing
contracted closes their account, and the demo customer is shown what is still active; an admin
requires two-step verification of the staff, and the agent is kept on the set-up page until it
is done (the token's limited scope ends with a refresh). axe-core on every new state, on a
desktop and on a phone."""

from __future__ import annotations

import re
import secrets
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyotp
import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login, new_context

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
RECOVERY_CODE = re.compile(r"^[a-z0-9]{5}-[a-z0-9]{5}$")


def valid_nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def unique_word() -> str:
    return "".join(secrets.choice("bcdfghjklmnprstvz") + secrets.choice("aeiou") for _ in range(4))


def new_password() -> str:
    return f"Faro-{unique_word().capitalize()}-{secrets.randbelow(9000) + 1000}"


def assert_no_sideways_scroll(page: Any, where: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{where} scrolls sideways on a phone ({width}px)"


def code_at(secret: str, offset: float = 0) -> str:
    return pyotp.TOTP(secret).at(time.time() + offset)


def next_code(secret: str) -> str:
    """The code of the next 30-second step: accepted (one step of drift) and never used yet,
    while the current step's code may already have been spent (codes work once)."""
    return code_at(secret, 30)


def wrong_code(secret: str) -> str:
    valid = {code_at(secret, offset) for offset in (-60, -30, 0, 30, 60)}
    return next(c for c in ("000000", "111111", "222222", "333333") if c not in valid)


@pytest.fixture(scope="module")
def staff(system: Any) -> ApiDevice:
    """An agent logged in through the API, to create the customers the journeys need."""
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def new_customer(staff: ApiDevice) -> dict[str, str]:
    """A client of the demo firm with nothing contracted and a portal user whose password staff
    chose (so no e-mail round trip is needed)."""
    first, last = unique_word().capitalize(), f"Dospasos {unique_word().capitalize()}"
    nif = valid_nif()
    status, client = staff.call("POST", "/clients", {
        "kind": "person", "first_name": first, "last_name": last, "tax_id": nif,
        "email": f"{first.lower()}.{nif.lower()}@correo.test", "locale": "es"})
    assert status == 201, (status, client)
    password = new_password()
    status, user = staff.call("POST", f"/clients/{client['id']}/portal-user", {"password": password})
    assert status == 201, (status, user)
    return {"username": user["username"], "password": password, "name": f"{first} {last}",
            "user_id": user["user_id"]}


@pytest.fixture
def second_page(browser: Any, system: Any) -> Iterator[Any]:
    context = new_context(browser, system)
    yield context.new_page()
    context.close()


def log_out(page: Any) -> None:
    page.get_by_role("navigation", name="Su cuenta").get_by_role("button", name="Cerrar sesión").click()
    expect(page).to_have_url(re.compile(r"/login$"))


def password_step(page: Any, username: str, password: str) -> None:
    """The login's first step; the page then asks for the code."""
    page.goto("/login")
    page.get_by_label("Entidad").fill("demo")
    page.get_by_label("Usuario o correo electrónico").fill(username)
    page.get_by_label("Contraseña", exact=True).fill(password)
    page.get_by_role("button", name="Acceder").click()
    expect(page.get_by_role("heading", level=2, name="Verificación en dos pasos")).to_be_visible()


def enrol_in_the_browser(page: Any, password: str, region: Any, heading_level: int) -> tuple[str, list[str]]:
    """Steps 1-3 of the set-up from the password form on: returns the key and the recovery codes."""
    first = region.get_by_role("heading", level=heading_level, name="Paso 1 de 3: Confirme que es usted")
    expect(first).to_be_visible()
    region.get_by_label("Contraseña actual").fill(password)
    region.get_by_role("button", name="Continuar").click()
    step = region.get_by_role("heading", level=heading_level, name="Paso 2 de 3: Vincule la aplicación")
    expect(step).to_be_focused()
    secret = re.sub(r"\s", "", region.get_by_test_id("mfa-secret").inner_text())
    assert re.fullmatch(r"[A-Z2-7]{16,}", secret), secret
    region.get_by_label("Código de la aplicación").fill(code_at(secret))
    region.get_by_role("button", name="Activar").click()
    expect(region.get_by_role("heading", level=heading_level,
                              name="Paso 3 de 3: Guarde los códigos de recuperación")).to_be_focused()
    codes = [c.strip() for c in region.get_by_test_id("recovery-codes").locator("li").all_inner_texts()]
    assert len(codes) == 10 and all(RECOVERY_CODE.fullmatch(c) for c in codes), codes
    return secret, codes


# --- a customer's two-step verification ---------------------------------------------------------

def test_customer_turns_on_two_step_verification_and_logs_in_with_a_code_and_a_recovery_code(
        page: Any, phone_page: Any, staff: ApiDevice) -> None:
    customer = new_customer(staff)
    login(page, customer["username"], customer["password"])
    page.get_by_role("navigation", name="Su cuenta").get_by_role("link", name="Seguridad de la cuenta").click()
    region = page.get_by_role("region", name="Verificación en dos pasos")
    expect(region).to_contain_text("Estado: Desactivada")
    expect(region).to_contain_text("Ahora entra solo con la contraseña.")
    assert_accessible(page, "the security page with two-step verification off")

    region.get_by_role("button", name="Activar la verificación en dos pasos").click()
    step = region.get_by_role("heading", level=3, name="Paso 1 de 3: Confirme que es usted")
    expect(step).to_be_focused()
    expect(region.get_by_role("list", name="Pasos para activar la verificación").locator("[aria-current=step]")
           ).to_have_text(re.compile("Confirme que es usted"))
    region.get_by_label("Contraseña actual").fill("no-es-la-actual")
    region.get_by_role("button", name="Continuar").click()
    expect(page.locator("#mfa-current-error")).to_have_text(re.compile("La contraseña actual no es correcta."))
    expect(region.get_by_role("alert")).to_be_focused()
    assert_accessible(page, "the two-step set-up with a wrong password")

    region.get_by_label("Contraseña actual").fill(customer["password"])
    region.get_by_role("button", name="Continuar").click()
    expect(region.get_by_role("heading", level=3, name="Paso 2 de 3: Vincule la aplicación")).to_be_focused()
    # The QR code is an image of the API's SVG (a data: address), never markup in the page.
    qr = region.get_by_role("img", name="Código QR para añadir su cuenta de")
    expect(qr).to_be_visible()
    assert qr.get_attribute("src").startswith("data:image/svg+xml;base64,")
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=qr.element_handle())
    expect(region.locator("svg")).to_have_count(0)
    shown = region.get_by_test_id("mfa-secret").inner_text()
    assert re.fullmatch(r"([A-Z2-7]{4} )+[A-Z2-7]{1,4}", shown.strip()), shown  # blocks of four
    secret = shown.replace(" ", "")
    expect(region.get_by_role("link", name=re.compile("Añada la cuenta directamente"))).to_have_attribute(
        "href", re.compile(rf"^otpauth://totp/.*secret={secret}"))
    code_field = region.get_by_label("Código de la aplicación")
    expect(code_field).to_have_attribute("autocomplete", "one-time-code")
    expect(code_field).to_have_attribute("inputmode", "numeric")
    assert_accessible(page, "the two-step set-up's QR code")

    code_field.fill(wrong_code(secret))
    region.get_by_role("button", name="Activar").click()
    expect(page.locator("#mfa-code-error")).to_have_text(re.compile("El código no es correcto"))
    code_field.fill(code_at(secret))
    region.get_by_role("button", name="Activar").click()
    expect(region.get_by_role("heading", level=3, name="Paso 3 de 3: Guarde los códigos de recuperación")
           ).to_be_focused()
    codes = [c.strip() for c in region.get_by_test_id("recovery-codes").locator("li").all_inner_texts()]
    assert len(codes) == 10 and len(set(codes)) == 10 and all(RECOVERY_CODE.fullmatch(c) for c in codes), codes
    assert_accessible(page, "the recovery codes")

    with page.expect_download() as download_info:
        region.get_by_role("link", name="Descargar los códigos (.txt)").click()
    download = download_info.value
    name = download.suggested_filename
    assert name.startswith("recovery-codes-demo-") and name.endswith(".txt"), name
    text = Path(download.path()).read_text(encoding="utf-8")
    assert "Área Cliente: códigos de recuperación" in text and customer["username"] in text
    assert all(code in text for code in codes)

    region.get_by_role("button", name="Terminar").click()
    expect(page.locator("#mfa-saved-error")).to_have_text(re.compile("Confirme que ha guardado"))
    region.get_by_label("He guardado los códigos de recuperación en un lugar seguro").check()
    region.get_by_role("button", name="Terminar").click()
    expect(region.get_by_role("status").filter(has_text="Verificación en dos pasos activada")).to_be_visible()
    expect(region).to_contain_text("Estado: Activada")
    assert_accessible(page, "the security page with two-step verification on")

    # Log in again: the password, then the app's code (a wrong one first).
    log_out(page)
    password_step(page, customer["username"], customer["password"])
    field = page.get_by_label("Código de verificación")
    expect(field).to_be_focused()
    expect(field).to_have_attribute("autocomplete", "one-time-code")
    expect(field).to_have_attribute("inputmode", "numeric")
    expect(page.locator("#login-code-hint")).to_contain_text("Las seis cifras")
    expect(page.get_by_label("Contraseña", exact=True)).to_have_count(0)
    assert_accessible(page, "the login's second step")
    field.fill(wrong_code(secret))
    page.get_by_role("button", name="Verificar y entrar").click()
    expect(page.locator("#login-code-error")).to_have_text(re.compile("El código no es correcto."))
    assert_accessible(page, "the login's second step with a wrong code")
    field.fill(next_code(secret))
    page.get_by_role("button", name="Verificar y entrar").click()
    expect(page).to_have_url(re.compile(r"/app$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")

    # …and with a recovery code instead.
    log_out(page)
    password_step(page, customer["username"], customer["password"])
    page.get_by_role("button", name="Usar un código de recuperación").click()
    expect(page.locator("#login-code-hint")).to_contain_text("abcde-fghjk")
    expect(field).to_have_attribute("inputmode", "text")
    expect(field).to_be_focused()
    expect(page.get_by_role("button", name="Usar el código de la aplicación")).to_be_visible()
    field.fill(codes[0].upper())
    page.get_by_role("button", name="Verificar y entrar").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")

    # The second step on a phone.
    password_step(phone_page, customer["username"], customer["password"])
    expect(phone_page.get_by_label("Código de verificación")).to_be_focused()
    assert_no_sideways_scroll(phone_page, "the login's second step")
    assert_accessible(phone_page, "the login's second step on a phone")
    phone_page.get_by_role("button", name="Usar un código de recuperación").click()
    phone_page.get_by_label("Código de verificación").fill(codes[0])  # already used
    phone_page.get_by_role("button", name="Verificar y entrar").click()
    expect(phone_page.locator("#login-code-error")).to_have_text(re.compile("El código no es correcto."))
    phone_page.get_by_label("Código de verificación").fill(codes[1])
    phone_page.get_by_role("button", name="Verificar y entrar").click()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")
    phone_page.goto("/app/account/security")
    expect(phone_page.get_by_role("region", name="Verificación en dos pasos")).to_contain_text("Estado: Activada")
    assert_no_sideways_scroll(phone_page, "the security page with two-step verification on")
    assert_accessible(phone_page, "the security page with two-step verification on, on a phone")

    # Turn it off: the password again; then the password alone opens the account.
    page.goto("/app/account/security")
    region.get_by_role("button", name="Desactivar la verificación en dos pasos").click()
    expect(region.get_by_role("heading", level=3, name="Desactivar la verificación en dos pasos")).to_be_focused()
    expect(region).to_contain_text("sus códigos de recuperación dejarán de valer")
    assert_accessible(page, "turning two-step verification off")
    region.get_by_label("Contraseña actual").fill(customer["password"])
    region.get_by_role("button", name="Sí, desactivarla").click()
    expect(region.get_by_role("status").filter(has_text="Verificación en dos pasos desactivada.")).to_be_visible()
    expect(region).to_contain_text("Estado: Desactivada")
    log_out(page)
    login(page, customer["username"], customer["password"])
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")


def test_a_spent_second_step_sends_the_user_back_to_the_password(page: Any, staff: ApiDevice, system: Any) -> None:
    customer = new_customer(staff)
    device = ApiDevice(system)
    device.login(customer["username"], customer["password"])
    status, enrolment = device.call("POST", "/me/mfa/totp", {"current_password": customer["password"]})
    assert status == 200, (status, enrolment)
    status, _ = device.call("POST", "/me/mfa/totp/confirm", {"code": code_at(enrolment["secret"])})
    assert status == 200

    password_step(page, customer["username"], customer["password"])
    field = page.get_by_label("Código de verificación")
    for _ in range(5):  # five wrong codes spend the ticket
        field.fill(wrong_code(enrolment["secret"]))
        page.get_by_role("button", name="Verificar y entrar").click()
        # Answered: the code is cleared after a wrong one, and the password is empty once back.
        expect(page.locator("#login-code, #login-password")).to_have_value("")
    summary = page.get_by_role("alert").filter(has_text="No ha sido posible entrar")
    expect(summary).to_contain_text("La verificación ha caducado o ha tenido demasiados intentos.")
    expect(summary).to_be_focused()
    expect(page.get_by_label("Contraseña", exact=True)).to_have_value("")
    expect(page.get_by_label("Usuario o correo electrónico")).to_have_value(customer["username"])
    assert_accessible(page, "the login page after a spent second step")

    # "Log in as someone else" goes back to the password too.
    page.get_by_label("Contraseña", exact=True).fill(customer["password"])
    page.get_by_role("button", name="Acceder").click()
    page.get_by_role("button", name="Entrar con otro usuario").click()
    expect(page.get_by_label("Contraseña", exact=True)).to_be_focused()


# --- closing the account ------------------------------------------------------------------------

def test_customer_with_nothing_contracted_closes_their_account(page: Any, staff: ApiDevice) -> None:
    customer = new_customer(staff)
    login(page, customer["username"], customer["password"])
    page.goto("/app/account/security")
    region = page.get_by_role("region", name="Cerrar mi cuenta")
    expect(region).to_contain_text("cuando ya no tenga nada contratado con su entidad")
    assert_accessible(page, "the security page with the account closure")

    submit = region.get_by_role("button", name="Cerrar mi cuenta")
    submit.click()
    expect(page.locator("#close-account-current-error")).to_have_text(re.compile("Escriba su contraseña actual."))
    expect(page.get_by_role("dialog")).to_have_count(0)
    region.get_by_label("Contraseña actual").fill(customer["password"])
    submit.click()
    dialog = page.get_by_role("dialog", name="¿Cerrar su cuenta definitivamente?")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("No se puede deshacer")
    expect(dialog.get_by_role("button", name="Cancelar")).to_be_focused()
    assert_accessible(page, "the account closure's confirmation")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(submit).to_be_focused()

    submit.click()
    dialog.get_by_role("button", name="Sí, cerrar mi cuenta").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("status")).to_contain_text("Su cuenta está cerrada.")
    assert_accessible(page, "the login page after closing the account")

    # No way back in.
    page.get_by_label("Usuario o correo electrónico").fill(customer["username"])
    page.get_by_label("Contraseña", exact=True).fill(customer["password"])
    page.get_by_role("button", name="Acceder").click()
    expect(page.get_by_role("alert")).to_contain_text("El usuario o la contraseña no son correctos.")
    page.goto("/app")
    expect(page).to_have_url(re.compile(r"/login$"))


def test_demo_customer_is_shown_what_is_still_active(page: Any, phone_page: Any) -> None:
    login(phone_page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    phone_page.goto("/app/account/security")
    region = phone_page.get_by_role("region", name="Cerrar mi cuenta")
    region.get_by_label("Contraseña actual").fill(demo.CLIENT_PASSWORD)
    region.get_by_role("button", name="Cerrar mi cuenta").click()
    assert_accessible(phone_page, "the account closure's confirmation on a phone")
    phone_page.get_by_role("dialog").get_by_role("button", name="Sí, cerrar mi cuenta").click()
    active = region.get_by_test_id("active-products")
    expect(active).to_be_focused()
    expect(active).to_contain_text("Su cuenta sigue abierta")
    expect(active).to_contain_text("Ciérrelos primero o contacte con su entidad")
    items = active.get_by_role("listitem")
    expect(items.filter(has_text="Póliza CR-2025-000117")).to_have_count(1)
    expect(items.filter(has_text="Expediente EXP-2026-00311")).to_have_count(1)
    expect(items.filter(has_text="Factura F-2026-000981")).to_have_count(1)
    expect(items.filter(has_text=re.compile(r"^(policy|case|invoice) "))).to_have_count(0)
    assert_no_sideways_scroll(phone_page, "the account closure with active products")
    assert_accessible(phone_page, "the account closure with active products on a phone")
    # Still logged in; nothing changed.
    phone_page.reload()
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Seguridad de la cuenta")

    # Staff have no such section; the desktop shows the same list.
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    page.goto("/app/account/security")
    desktop = page.get_by_role("region", name="Cerrar mi cuenta")
    desktop.get_by_label("Contraseña actual").fill("no-es-la-actual")
    desktop.get_by_role("button", name="Cerrar mi cuenta").click()
    page.get_by_role("dialog").get_by_role("button", name="Sí, cerrar mi cuenta").click()
    expect(page.locator("#close-account-current-error")).to_have_text(
        re.compile("La contraseña actual no es correcta."))
    assert_accessible(page, "the account closure with a wrong password")


def test_staff_are_not_offered_to_close_their_account(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/account/security")
    expect(page.get_by_role("region", name="Verificación en dos pasos")).to_be_visible()
    expect(page.get_by_role("region", name="Cerrar mi cuenta")).to_have_count(0)


# --- the firm requires two-step verification of its staff --------------------------------------

def agent_without_two_step(system: Any, secret: str, codes: list[str]) -> None:
    """Cleanup: the demo agent logs in (with a recovery code or a fresh app code when asked) and
    turns two-step verification off, so the other tests log in with the password alone."""
    agent = ApiDevice(system)
    status, body = agent.call("POST", "/auth/login", {"tenant": "demo", "username": demo.AGENT_USERNAME,
                                                      "password": demo.AGENT_PASSWORD})
    assert status == 200, (status, body)
    if not body.get("mfa_required"):
        return
    attempts = [*codes[-2:], *([next_code(secret), code_at(secret, 60)] if secret else [])]
    for code in attempts:
        status, _ = agent.call("POST", "/auth/login/mfa", {"mfa_ticket": body["mfa_ticket"], "code": code})
        if status == 200:
            break
    assert status == 200, "the agent could not log in to turn two-step verification off"
    status, answer = agent.call("POST", "/me/mfa/totp/disable", {"current_password": demo.AGENT_PASSWORD})
    assert status == 204, (status, answer)


def test_firm_requires_two_step_verification_of_its_staff(page: Any, second_page: Any, phone_page: Any,
                                                          system: Any) -> None:
    # An admin session from before the rule: its token is not limited, so the cleanup can use it.
    admin_api = ApiDevice(system)
    admin_api.login(demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    secret, codes = "", []
    try:
        login(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
        nav = page.get_by_role("navigation", name="Navegación principal")
        nav.get_by_role("link", name="Seguridad de la entidad").click()
        expect(page).to_have_url(re.compile(r"/app/admin/security$"))
        expect(page.get_by_role("heading", level=1)).to_have_text("Seguridad de la entidad")
        toggle = page.get_by_label("Exigir la verificación en dos pasos al personal")
        expect(toggle).not_to_be_checked()
        assert_accessible(page, "the firm security page")
        toggle.check()
        expect(page.get_by_role("main")).to_contain_text("Usted tampoco la tiene activada")
        page.get_by_role("button", name="Guardar").click()
        expect(page.get_by_role("status").filter(has_text="Guardado: ahora se exige")).to_be_visible()
        assert_accessible(page, "the firm security page with the rule on")
        page.reload()
        expect(toggle).to_be_checked()

        # The agent logs in and is taken to the set-up, and nowhere else.
        second_page.goto("/login")
        second_page.get_by_label("Usuario o correo electrónico").fill(demo.AGENT_USERNAME)
        second_page.get_by_label("Contraseña", exact=True).fill(demo.AGENT_PASSWORD)
        second_page.get_by_role("button", name="Acceder").click()
        expect(second_page).to_have_url(re.compile(r"/app/account/two-factor$"))
        expect(second_page.get_by_role("heading", level=1)).to_have_text("Verificación en dos pasos")
        expect(second_page.get_by_role("main")).to_contain_text("Su entidad exige la verificación en dos pasos")
        expect(second_page.get_by_role("navigation", name="Navegación principal")).to_have_count(0)
        expect(second_page.get_by_role("link", name="Seguridad de la cuenta")).to_have_count(0)
        expect(second_page.get_by_role("button", name="Cerrar sesión")).to_be_visible()
        assert_accessible(second_page, "the set-up page the firm requires")
        second_page.goto("/app/clients")
        expect(second_page).to_have_url(re.compile(r"/app/account/two-factor$"))
        expect(second_page.get_by_role("table")).to_have_count(0)
        answer = second_page.request.get("/api/v1/clients")
        assert answer.status == 403 and answer.json()["code"] == "mfa_enrolment_required", answer.status

        phone_page.goto("/login")
        phone_page.get_by_label("Usuario o correo electrónico").fill(demo.AGENT_USERNAME)
        phone_page.get_by_label("Contraseña", exact=True).fill(demo.AGENT_PASSWORD)
        phone_page.get_by_role("button", name="Acceder").click()
        expect(phone_page).to_have_url(re.compile(r"/app/account/two-factor$"))
        expect(phone_page.get_by_role("heading", level=2, name="Paso 1 de 3: Confirme que es usted")).to_be_visible()
        assert_no_sideways_scroll(phone_page, "the set-up page the firm requires")
        assert_accessible(phone_page, "the set-up page the firm requires, on a phone")

        # The agent sets it up; the session's token is refreshed and the app opens.
        main = second_page.get_by_role("main")
        secret, codes = enrol_in_the_browser(second_page, demo.AGENT_PASSWORD, main, heading_level=2)
        assert_accessible(second_page, "the recovery codes on the required set-up page")
        main.get_by_label("He guardado los códigos de recuperación en un lugar seguro").check()
        main.get_by_role("button", name="Terminar").click()
        expect(second_page).to_have_url(re.compile(r"/app/clients"))
        expect(second_page.get_by_role("heading", level=1)).to_have_text("Clientes")
        expect(second_page.get_by_role("table").locator("tbody tr").first).to_be_visible()
        expect(second_page.get_by_role("navigation", name="Navegación principal")).to_be_visible()
        assert second_page.request.get("/api/v1/clients").status == 200
        # While the firm requires it, staff cannot turn it off.
        second_page.goto("/app/account/security")
        region = second_page.get_by_role("region", name="Verificación en dos pasos")
        expect(region).to_contain_text("Estado: Activada")
        region.get_by_role("button", name="Desactivar la verificación en dos pasos").click()
        region.get_by_label("Contraseña actual").fill(demo.AGENT_PASSWORD)
        region.get_by_role("button", name="Sí, desactivarla").click()
        expect(region.get_by_role("alert")).to_contain_text("no puede desactivarla")
    finally:
        status, body = admin_api.call("PUT", "/tenant/security", {"require_staff_mfa": False})
        assert status == 200 and body == {"require_staff_mfa": False}, (status, body)
        agent_without_two_step(system, secret, codes)

    # The rule is off again, and the agent logs in with the password alone.
    page.reload()
    expect(page.get_by_label("Exigir la verificación en dos pasos al personal")).not_to_be_checked()
    status, tokens = ApiDevice(system).call("POST", "/auth/login", {
        "tenant": "demo", "username": demo.AGENT_USERNAME, "password": demo.AGENT_PASSWORD})
    assert status == 200 and tokens["access_token"] and not tokens.get("mfa_required"), (status, tokens)


def test_only_admins_are_offered_the_firm_security_page(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    expect(page.get_by_role("link", name="Seguridad de la entidad")).to_have_count(0)
    page.goto("/admin/security")
    expect(page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")
    assert page.request.get("/api/v1/tenant/security").status == 403
