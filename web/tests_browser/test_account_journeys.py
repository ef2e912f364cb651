"""Account journeys in a real browser against the running platform: self-registration with the
e-mailed code, the forgotten password, the login lockout's message, the security settings
(change password, sessions, sign out everywhere else) and the admins' audit page; axe-core on
every new page, on a desktop and on a phone."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import (
    ApiDevice,
    assert_accessible,
    login,
    new_context,
    wait_for_mail_matching,
)

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CODE_LINE = r"^\s+(\d{6})\s*$"  # the code stands alone on its line in the e-mail
RESET_LINK = r"https?://\S+/reset-password\?token=[^\s\"'<>]+"
FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0"


def valid_nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def unique_word() -> str:
    return "".join(secrets.choice("bcdfghjklmnprstvz") + secrets.choice("aeiou") for _ in range(4))


def session_ended(device: ApiDevice) -> bool:
    """Whether a device's session is over: its refresh is refused. (Its 15-minute access token
    may still answer until it expires: revoking ends the session, not tokens already issued.)"""
    return device.call("POST", "/auth/refresh", {})[0] == 401


def new_password() -> str:
    return f"Paseo-{unique_word().capitalize()}-{secrets.randbelow(9000) + 1000}"


def assert_no_sideways_scroll(page: Any, where: str) -> None:
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"{where} scrolls sideways on a phone ({width}px)"


@pytest.fixture(scope="module")
def staff(system: Any) -> ApiDevice:
    """An agent logged in through the API, to create the clients the journeys need."""
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def new_client(staff: ApiDevice) -> dict[str, str]:
    """A client of the demo firm with an e-mail and no portal user yet."""
    first, last = unique_word().capitalize(), f"Registro {unique_word().capitalize()}"
    nif = valid_nif()
    email = f"{first.lower()}.{nif.lower()}@correo.test"
    status, body = staff.call("POST", "/clients", {"kind": "person", "first_name": first, "last_name": last,
                                                   "tax_id": nif, "email": email, "locale": "es"})
    assert status == 201, (status, body)
    return {"id": body["id"], "name": f"{first} {last}", "email": email}


def registered_customer(system: Any, staff: ApiDevice, password: str,
                        user_agent: str = FIREFOX_WINDOWS) -> tuple[ApiDevice, dict[str, str]]:
    """A customer who registered through the API on another device (still logged in there)."""
    client = new_client(staff)
    device = ApiDevice(system, user_agent)
    status, registration = device.call("POST", "/auth/registrations",
                                       {"tenant": "demo", "email": client["email"], "locale": "es"})
    assert status == 202, (status, registration)
    code = wait_for_mail_matching(system, client["email"], CODE_LINE).group(1)
    path = f"/auth/registrations/{registration['registration_id']}"
    assert device.call("POST", f"{path}/verify", {"code": code})[0] == 200
    status, body = device.call("POST", f"{path}/complete", {"password": password, "password_confirmation": password})
    assert status == 200, (status, body)
    return device, client


@pytest.fixture
def second_page(browser: Any, system: Any) -> Iterator[Any]:
    context = new_context(browser, system)
    yield context.new_page()
    context.close()


# --- self-registration ------------------------------------------------------------------------

def test_customer_registers_with_the_emailed_code_and_lands_logged_in(page: Any, system: Any,
                                                                      staff: ApiDevice) -> None:
    client = new_client(staff)
    page.goto("/login")
    page.get_by_role("link", name="Regístrese").click()
    expect(page).to_have_url(re.compile(r"/register\?tenant=demo$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrarse en el Área Cliente")
    expect(page.get_by_role("heading", level=2, name="Paso 1 de 3: Su correo electrónico")).to_be_visible()
    expect(page.get_by_label("Entidad")).to_have_value("demo")
    assert_accessible(page, "the registration's e-mail step")

    page.get_by_role("button", name="Enviar el código").click()
    expect(page.locator("#register-email-error")).to_have_text(re.compile("Escriba su correo electrónico"))
    page.get_by_label("Correo electrónico").fill(client["email"])
    page.get_by_role("button", name="Enviar el código").click()

    step = page.get_by_role("heading", level=2, name="Paso 2 de 3: Código de validación")
    expect(step).to_be_focused()
    main = page.get_by_role("main")
    expect(main).to_contain_text(client["email"])
    expect(main).to_contain_text("no su contraseña")
    resend = page.get_by_role("button", name="Enviar un código nuevo")
    expect(resend).to_be_disabled()
    expect(page.locator("#register-resend-wait")).to_have_text(
        re.compile(r"Podrá pedir un código nuevo dentro de \d+ segundos"))
    assert_accessible(page, "the registration's code step")

    code = wait_for_mail_matching(system, client["email"], CODE_LINE).group(1)
    wrong = f"{(int(code) + 1) % 1_000_000:06d}"
    page.get_by_label("Código de validación").fill(wrong)
    page.get_by_role("button", name="Comprobar el código").click()
    expect(page.locator("#register-code-error")).to_have_text(
        re.compile("El código no es correcto. Le quedan 4 intentos."))
    expect(page.get_by_role("alert").filter(has_text="No se ha podido continuar")).to_be_focused()
    assert_accessible(page, "the registration's code step with an error")

    page.get_by_label("Código de validación").fill(f"{code[:3]} {code[3:]}")  # as copied, with a space
    page.get_by_role("button", name="Comprobar el código").click()
    expect(page.get_by_role("heading", level=2, name="Paso 3 de 3: Su contraseña")).to_be_focused()

    password = page.get_by_label("Nueva contraseña")
    meter = page.get_by_role("meter", name="Seguridad de la contraseña")
    password.fill("abc")
    expect(meter).to_have_attribute("aria-valuetext", "Muy débil")
    expect(page.get_by_test_id("password-strength")).to_contain_text("Use al menos 12 caracteres.")
    chosen = new_password()
    password.fill(chosen)
    expect(meter).to_have_attribute("aria-valuetext", re.compile("^(Aceptable|Buena|Fuerte)$"))
    expect(page.get_by_test_id("password-strength")).not_to_contain_text("Use al menos")
    page.get_by_label("Repita la contraseña").fill(chosen)
    assert_accessible(page, "the registration's password step with the strength meter")
    page.get_by_role("button", name="Crear la cuenta y entrar").click()

    expect(page).to_have_url(re.compile(r"/app$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {client['name']}")
    # Logged in for real: a reload keeps the session.
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {client['name']}")


# --- forgotten password -----------------------------------------------------------------------

def test_forgotten_password_link_sets_a_new_password_to_log_in_with(page: Any, system: Any,
                                                                   staff: ApiDevice) -> None:
    old = new_password()
    _, client = registered_customer(system, staff, old)
    page.goto("/login")
    page.get_by_role("link", name="¿Ha olvidado su contraseña?").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Recuperar la contraseña")
    assert_accessible(page, "the forgotten-password page")
    page.get_by_role("button", name="Enviar el enlace").click()
    expect(page.locator("#forgot-login-error")).to_have_text(re.compile("Escriba su usuario"))
    assert_accessible(page, "the forgotten-password page with errors")

    page.get_by_label("Usuario o correo electrónico").fill(client["email"])
    page.get_by_role("button", name="Enviar el enlace").click()
    sent = page.get_by_role("status").filter(has_text="Revise su correo")
    expect(sent).to_contain_text("válido durante 30 minutos")
    assert_accessible(page, "the forgotten-password page once sent")

    # An unknown account gets exactly the same answer.
    page.get_by_role("button", name="Pedir otro enlace").click()
    page.get_by_label("Usuario o correo electrónico").fill(f"nadie-{unique_word()}@correo.test")
    page.get_by_role("button", name="Enviar el enlace").click()
    expect(page.get_by_role("status").filter(has_text="Revise su correo")).to_contain_text("válido durante 30 minutos")

    link = wait_for_mail_matching(system, client["email"], RESET_LINK).group(0)
    page.goto(link.split(system.base_url, 1)[-1])
    expect(page.get_by_role("heading", level=1)).to_have_text("Elija una contraseña nueva")
    assert_accessible(page, "the reset-password page from the e-mail")
    chosen = new_password()
    page.get_by_label("Nueva contraseña").fill(chosen)
    expect(page.get_by_role("meter", name="Seguridad de la contraseña")).to_be_visible()
    page.get_by_label("Repita la contraseña").fill(chosen + "x")
    page.get_by_role("button", name="Guardar la contraseña nueva").click()
    expect(page.locator("#reset-password-repeat-error")).to_have_text(re.compile("no coinciden"))
    page.get_by_label("Repita la contraseña").fill(chosen)
    page.get_by_role("button", name="Guardar la contraseña nueva").click()
    done = page.get_by_role("status").filter(has_text="Contraseña cambiada")
    expect(done).to_contain_text(client["email"])
    page.get_by_role("link", name="Ir al acceso").click()
    login(page, client["email"], chosen)
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {client['name']}")

    # The link worked once: it is spent now, and the page says so and offers a new one.
    fresh = new_context(page.context.browser, system)
    try:
        tab = fresh.new_page()
        tab.goto(link.split(system.base_url, 1)[-1])
        tab.get_by_label("Nueva contraseña").fill(chosen + "-2")
        tab.get_by_label("Repita la contraseña").fill(chosen + "-2")
        tab.get_by_role("button", name="Guardar la contraseña nueva").click()
        expect(tab.get_by_role("alert")).to_contain_text("Este enlace ya no es válido")
        expect(tab.get_by_role("link", name="Pedir un enlace nuevo")).to_be_visible()
    finally:
        fresh.close()


def test_reset_password_page_without_a_token(page: Any) -> None:
    page.goto("/reset-password")
    expect(page.get_by_role("alert")).to_contain_text("Este enlace no está completo")
    expect(page.get_by_role("link", name="Pedir un enlace nuevo")).to_have_attribute("href", "/forgot-password")
    assert_accessible(page, "the reset-password page without a token")


# --- lockout ----------------------------------------------------------------------------------

def test_login_lockout_says_how_long_to_wait_in_the_readers_language(page: Any) -> None:
    # An account nobody uses (unknown accounts are throttled exactly like real ones), so the
    # lock does not get in the way of the other tests. Every failure also counts against the
    # address (127.0.0.1, shared by all the tests), which backs off after 20 in ten minutes:
    # this stops as soon as the lock shows.
    username = f"bloqueo-{unique_word()}@demo.test"
    page.goto("/login")
    page.get_by_label("Usuario o correo electrónico").fill(username)
    summary = page.get_by_role("alert").filter(has_text="No ha sido posible entrar")
    password = page.get_by_label("Contraseña", exact=True)
    for _ in range(10):
        password.fill("no-es-la-clave")
        page.get_by_role("button", name="Acceder").click()
        expect(password).to_have_value("")
        expect(summary).to_be_visible()
        if "15 minutos" in summary.inner_text():
            break
    expect(summary).to_contain_text(
        "Demasiados intentos fallidos. Por seguridad, espere 15 minutos y vuelva a probar.")
    expect(summary).not_to_contain_text("Try again")
    expect(summary).to_be_focused()
    assert_accessible(page, "the login page with the lockout message")

    page.get_by_label("Idioma").select_option("en")
    page.get_by_label("Password", exact=True).fill("still-not-it")
    page.get_by_role("button", name="Log in", exact=True).click()
    expect(page.get_by_role("alert").filter(has_text="We could not log you in")).to_contain_text(
        "Too many failed attempts. For your security, wait 15 minutes and try again.")


# --- security settings -------------------------------------------------------------------------

def test_security_settings_change_password_and_sign_out_other_devices(page: Any, system: Any,
                                                                       staff: ApiDevice) -> None:
    first = new_password()
    firefox, client = registered_customer(system, staff, first)  # a session on "Firefox on Windows"
    script = ApiDevice(system, "curl/8.5.0")
    script.login(client["email"], first)  # and one from a script
    login(page, client["email"], first)

    account = page.get_by_role("navigation", name="Su cuenta")
    account.get_by_role("link", name="Seguridad de la cuenta").click()
    expect(page).to_have_url(re.compile(r"/app/account/security$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Seguridad de la cuenta")
    sessions = page.get_by_role("region", name="Sesiones abiertas")
    table = sessions.get_by_role("table")
    expect(table.locator("tbody tr")).to_have_count(3)
    this_device = table.get_by_role("row").filter(has_text="Este dispositivo")
    expect(this_device).to_contain_text("Chrome en Linux")
    expect(this_device).to_contain_text("ahora")
    expect(this_device.get_by_role("button")).to_have_count(0)
    expect(table.get_by_role("row").filter(has_text="Firefox en Windows")).to_have_count(1)
    assert_accessible(page, "the security page")

    # Sign out one device: the script's.
    table.get_by_role("button", name=re.compile(r"^Cerrar sesión en curl, iniciada el ")).click()
    expect(sessions.get_by_role("status").filter(has_text="Se ha cerrado la sesión en curl.")).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(2)
    assert session_ended(script)

    # Change the password: the current one is checked, the other sessions end, this one stays.
    change = page.get_by_role("region", name="Cambio de contraseña")
    second = new_password()
    change.get_by_label("Contraseña actual").fill("no-es-la-actual")
    change.get_by_label("Nueva contraseña").fill(second)
    expect(change.get_by_role("meter", name="Seguridad de la contraseña")).to_be_visible()
    change.get_by_label("Repita la contraseña").fill(second)
    change.get_by_role("button", name="Cambiar la contraseña").click()
    expect(page.locator("#change-password-current-error")).to_have_text(
        re.compile("La contraseña actual no es correcta."))
    assert_accessible(page, "the security page with errors")
    change.get_by_label("Contraseña actual").fill(first)
    change.get_by_role("button", name="Cambiar la contraseña").click()
    expect(change.get_by_role("status")).to_contain_text("Contraseña cambiada")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(sessions).to_contain_text("No tiene la sesión abierta en ningún otro dispositivo.")
    assert session_ended(firefox)
    expect(page.get_by_role("navigation", name="Su cuenta")).to_be_visible()  # still logged in here

    # Sign out everywhere else, after a confirmation.
    firefox.login(client["email"], second)
    page.reload()
    expect(table.locator("tbody tr")).to_have_count(2)
    sessions.get_by_role("button", name="Cerrar la sesión en los demás dispositivos").click()
    question = sessions.get_by_role("group")
    expect(question).to_contain_text("¿Quiere cerrar la sesión del otro dispositivo?")
    expect(question.locator("p")).to_be_focused()
    assert_accessible(page, "the security page asking to confirm")
    question.get_by_role("button", name="Cancelar").click()
    expect(sessions.get_by_role("button", name="Cerrar la sesión en los demás dispositivos")).to_be_focused()
    assert not session_ended(firefox)
    sessions.get_by_role("button", name="Cerrar la sesión en los demás dispositivos").click()
    sessions.get_by_role("button", name="Sí, cerrar las demás sesiones").click()
    expect(sessions.get_by_role("status").filter(
        has_text="Se ha cerrado 1 sesión en otro dispositivo.")).to_be_visible()
    expect(table.locator("tbody tr")).to_have_count(1)
    assert session_ended(firefox)
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Seguridad de la cuenta")


def test_security_page_for_staff_and_on_a_phone(page: Any, phone_page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/account/security")  # the short address leads to the app's page
    expect(page).to_have_url(re.compile(r"/app/account/security$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Seguridad de la cuenta")
    expect(page.get_by_role("region", name="Sesiones abiertas").get_by_role("row")
           .filter(has_text="Este dispositivo")).to_have_count(1)

    login(phone_page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    phone_page.get_by_role("navigation", name="Su cuenta").get_by_role("link", name="Seguridad de la cuenta").click()
    this_device = phone_page.get_by_role("row").filter(has_text="Este dispositivo")
    expect(this_device).to_be_visible()
    assert phone_page.locator("tbody tr").first.evaluate("e => getComputedStyle(e).display") == "block"
    assert_no_sideways_scroll(phone_page, "the security page")
    assert_accessible(phone_page, "the security page on a phone")
    phone_page.get_by_label("Nueva contraseña").fill("abc")
    expect(phone_page.get_by_role("meter", name="Seguridad de la contraseña")).to_be_visible()
    assert_no_sideways_scroll(phone_page, "the security page with the strength meter")
    assert_accessible(phone_page, "the security page on a phone with the strength meter")


# --- audit (admins) ---------------------------------------------------------------------------

def test_admin_sees_the_login_events_in_the_audit_page(page: Any, second_page: Any) -> None:
    # A failed login of an unknown user, to find among the events.
    stranger = f"intruso-{unique_word()}@demo.test"
    second_page.goto("/login")
    second_page.get_by_label("Usuario o correo electrónico").fill(stranger)
    second_page.get_by_label("Contraseña", exact=True).fill("adivinando")
    second_page.get_by_role("button", name="Acceder").click()
    expect(second_page.get_by_role("alert")).to_contain_text("no son correctos")

    login(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    nav = page.get_by_role("navigation", name="Navegación principal")
    nav.get_by_role("link", name="Auditoría").click()
    expect(page).to_have_url(re.compile(r"/app/admin/audit$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Auditoría de accesos")
    table = page.get_by_role("table")
    expect(table.locator("tbody tr").first).to_be_visible()
    # The newest event is the admin's own login, from this browser.
    newest = table.locator("tbody tr").first
    expect(newest).to_contain_text("Inicio de sesión")
    expect(newest).to_contain_text("Correcto")
    expect(newest).to_contain_text("Chrome en Linux")
    assert_accessible(page, "the audit page")

    page.get_by_label("Acción").select_option("login")
    page.get_by_label("Resultado").select_option("failure")
    page.get_by_role("button", name="Aplicar los filtros").click()
    expect(page).to_have_url(re.compile(r"action=login&outcome=failure"))
    rows = table.locator("tbody tr")
    expect(rows.first).to_contain_text("Fallido")  # the filtered page has replaced the first one
    for text in rows.all_inner_texts():
        assert "Fallido" in text and "Correcto" not in text, text
    intruder = table.get_by_role("row").filter(has_text=f"{stranger[:2]}***@demo.test")
    expect(intruder.first).to_contain_text("Sin usuario")
    expect(intruder.first).to_contain_text("Usuario escrito")
    assert_accessible(page, "the audit page filtered")

    page.get_by_label("Desde el día").fill("2030-01-02")
    page.get_by_label("Hasta el día").fill("2030-01-01")
    page.get_by_role("button", name="Aplicar los filtros").click()
    expect(page.locator("#audit-from-error")).to_have_text(re.compile("no puede ser posterior"))
    page.get_by_role("link", name="Quitar los filtros").click()
    expect(page).to_have_url(re.compile(r"/app/admin/audit$"))

    page.goto("/app/admin/audit?limit=2")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Cargar más").click()
    expect(rows).to_have_count(4)
    assert page.evaluate("document.activeElement.tagName") == "TR"


def test_audit_page_on_a_phone(phone_page: Any) -> None:
    login(phone_page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    phone_page.goto("/admin/audit")
    expect(phone_page).to_have_url(re.compile(r"/app/admin/audit$"))
    expect(phone_page.locator("tbody tr").first).to_be_visible()
    assert phone_page.locator("tbody tr").first.evaluate("e => getComputedStyle(e).display") == "block"
    assert_no_sideways_scroll(phone_page, "the audit page")
    assert_accessible(phone_page, "the audit page on a phone")


def test_only_admins_are_offered_the_audit_page(page: Any, second_page: Any) -> None:
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    expect(page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Auditoría")
           ).to_have_count(0)
    page.goto("/app/admin/audit")
    expect(page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")
    expect(page.get_by_role("table")).to_have_count(0)
    # The API refuses too, whatever the page shows.
    answer = page.request.get("/api/v1/audit-events")
    assert answer.status == 403, answer.status

    login(second_page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    expect(second_page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Clientes")
           ).to_be_visible()
    expect(second_page.get_by_role("link", name="Auditoría")).to_have_count(0)
    second_page.goto("/app/admin/audit")
    expect(second_page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")


# --- the new public pages on a phone -----------------------------------------------------------

@pytest.mark.parametrize("path, heading", [
    ("/login", "Acceso al Área Cliente"),
    ("/forgot-password", "Recuperar la contraseña"),
    ("/reset-password?token=de-prueba", "Elija una contraseña nueva"),
    ("/register", "Registrarse en el Área Cliente"),
])
def test_public_account_pages_on_a_phone(phone_page: Any, path: str, heading: str) -> None:
    phone_page.goto(path)
    expect(phone_page.get_by_role("heading", level=1)).to_have_text(heading)
    assert_no_sideways_scroll(phone_page, path)
    assert_accessible(phone_page, f"{path} on a phone")


def test_public_account_pages_in_catalan(page: Any) -> None:
    page.goto("/login")
    page.get_by_label("Idioma").select_option("ca")
    expect(page.get_by_role("link", name="Ha oblidat la contrasenya?")).to_be_visible()
    page.get_by_role("link", name="Registri's").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Registrar-se a l'Àrea Client")
    expect(page.get_by_role("heading", level=2)).to_have_text("Pas 1 de 3: El seu correu electrònic")
    assert_accessible(page, "the registration page in Catalan")
