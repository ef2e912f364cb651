"""The web client in a real browser against the running platform: pages, accessibility (axe-core,
WCAG 2.x A/AA: no serious or critical finding), language switch, errors from the API, the
staff's client list and form, the e-mailed set-password link, and the PWA files."""

from __future__ import annotations

import json
import re
import secrets
import time
import urllib.request
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import assert_accessible, login, mail_messages, new_context

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def valid_nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def unique_word() -> str:
    # Letters only: names may not carry some characters, and digits look odd in a name.
    return "".join(secrets.choice("bcdfghjklmnprstvz") + secrets.choice("aeiou") for _ in range(4))


def focused_element(page: Any) -> dict[str, str]:
    return page.evaluate("""() => ({tag: document.activeElement.tagName.toLowerCase(),
        id: document.activeElement.id, text: document.activeElement.textContent.trim()})""")


# --- public pages ------------------------------------------------------------------------------

def test_login_page_is_accessible_and_defaults_to_spanish_and_the_demo_firm(page: Any) -> None:
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_have_text("Acceso al Área Cliente")
    assert page.evaluate("document.documentElement.lang") == "es"
    expect(page.get_by_label("Entidad")).to_have_value("demo")
    expect(page.get_by_role("main")).to_be_visible()
    expect(page.get_by_role("banner")).to_be_visible()
    expect(page.get_by_role("contentinfo")).to_be_visible()
    assert_accessible(page, "the login page")


def test_skip_link_is_the_first_tab_stop_and_moves_to_main(page: Any) -> None:
    page.goto("/login")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Saltar al contenido principal")
    expect(skip).to_be_focused()
    expect(skip).to_be_visible()
    page.keyboard.press("Enter")
    assert focused_element(page)["id"] == "main"


def test_login_shows_the_apis_error_for_a_wrong_password(page: Any) -> None:
    page.goto("/login")
    page.get_by_label("Usuario o correo electrónico").fill(demo.CLIENT_USERNAME)
    page.get_by_label("Contraseña", exact=True).fill("not-the-password")
    page.get_by_role("button", name="Acceder").click()
    summary = page.get_by_role("alert").filter(has_text="No ha sido posible entrar")
    expect(summary).to_contain_text("El usuario o la contraseña no son correctos.")
    expect(summary).to_be_focused()
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_label("Contraseña", exact=True)).to_have_value("")
    assert_accessible(page, "the login page with an error")


def test_login_checks_empty_fields_before_asking_the_api(page: Any) -> None:
    page.goto("/login")
    page.get_by_role("button", name="Acceder").click()
    username = page.get_by_label("Usuario o correo electrónico")
    expect(username).to_have_attribute("aria-invalid", "true")
    error_id = username.get_attribute("aria-describedby")
    assert error_id and "login-username-error" in error_id.split()
    expect(page.locator("#login-username-error")).to_have_text(re.compile("Escriba su usuario"))
    assert_accessible(page, "the login page with field errors")


def test_language_switch_changes_text_and_html_lang_and_is_remembered(page: Any) -> None:
    page.goto("/login")
    page.get_by_label("Idioma").select_option("ca")
    expect(page.get_by_role("heading", level=1)).to_have_text("Accés a l'Àrea Client")
    expect(page.get_by_role("button", name="Accedeix")).to_be_visible()
    assert page.evaluate("document.documentElement.lang") == "ca"
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Accés a l'Àrea Client")
    assert page.evaluate("document.documentElement.lang") == "ca"
    assert_accessible(page, "the login page in Catalan")
    for code, heading in (("en", "Log in to the Client Area"), ("pt", "Acesso à Área de Cliente"),
                          ("es", "Acceso al Área Cliente")):
        page.get_by_label(re.compile("^(Idioma|Language)$")).select_option(code)
        expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        assert page.evaluate("document.documentElement.lang") == code


def test_set_password_page_without_token_and_with_a_bad_token(page: Any) -> None:
    page.goto("/set-password")
    expect(page.get_by_role("alert")).to_contain_text("Este enlace no está completo")
    assert_accessible(page, "the set-password page without a token")
    page.goto("/set-password?token=not-a-real-token")
    assert_accessible(page, "the set-password page")
    page.get_by_label("Nueva contraseña").fill("Una-Clave-Larga-2026")
    page.get_by_label("Repita la contraseña").fill("Otra-Clave-Larga-2026")
    page.get_by_role("button", name="Guardar la contraseña").click()
    expect(page.locator("#set-password-repeat-error")).to_have_text(
        re.compile("no coinciden"))
    page.get_by_label("Repita la contraseña").fill("Una-Clave-Larga-2026")
    page.get_by_role("button", name="Guardar la contraseña").click()
    expect(page.get_by_role("alert").filter(has_text="No se ha podido guardar")).to_contain_text(
        "Este enlace ya no es válido")
    assert_accessible(page, "the set-password page with errors")


def test_app_pages_need_a_session(page: Any) -> None:
    page.goto("/app/clients")
    expect(page).to_have_url(re.compile(r"/login$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Acceso al Área Cliente")


# --- customer --------------------------------------------------------------------------------

def test_customer_dashboard_shows_name_firm_and_profile(page: Any) -> None:
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    expect(page).to_have_url(re.compile(r"/app$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Hola, Lucía Fernández Ruiz")
    main = page.get_by_role("main")
    expect(main).to_contain_text(demo.TENANT_NAME)
    expect(main).to_contain_text("12345678Z")
    expect(main).to_contain_text("14 de marzo de 1985")
    nav = page.get_by_role("navigation", name="Navegación principal")
    expect(nav.get_by_role("link", name="Inicio")).to_have_attribute("aria-current", "page")
    expect(nav).to_contain_text("Pólizas")
    expect(nav.get_by_role("link", name="Clientes")).to_have_count(0)
    # GET /dashboard: policies, open cases and balance as cards named by their headings.
    policies = main.get_by_role("region", name="Mis pólizas")
    expect(policies.get_by_role("heading", level=3, name="CR-2025-000117")).to_be_visible()
    expect(policies).to_contain_text("Seguro de crédito")
    expect(policies).to_contain_text("En vigor")
    expect(policies).to_contain_text("1.840,00 €")
    cases = main.get_by_role("region", name="Expedientes abiertos")
    expect(cases.get_by_role("heading", level=3, name="EXP-2026-00311")).to_be_visible()
    expect(cases).to_contain_text("Reformas Costa Azul S.L.")
    expect(cases).to_contain_text("Vía amistosa")
    expect(cases).to_contain_text("10 de febrero de 2026")
    balance = main.get_by_role("region", name="Saldo")
    expect(balance.locator("dt:text-is('Vencido') + dd")).to_have_text("460,00 €")
    expect(balance.locator("dt:text-is('Pendiente de pago') + dd")).to_have_text("920,00 €")
    expect(main.get_by_role("status")).to_have_count(0)
    assert_accessible(page, "the customer dashboard")
    page.get_by_label("Idioma").select_option("en")
    expect(page.get_by_role("heading", level=1)).to_have_text("Hello, Lucía Fernández Ruiz")
    expect(main).to_contain_text("14 March 1985")
    expect(main.get_by_role("region", name="My policies")).to_contain_text("€1,840.00")
    expect(main.get_by_role("region", name="Balance").locator("dt:text-is('Overdue') + dd")).to_have_text(
        "€460.00")
    page.get_by_role("button", name="Log out").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    page.goto("/app")
    expect(page).to_have_url(re.compile(r"/login$"))


def test_customer_cannot_open_the_staff_pages(page: Any) -> None:
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    page.goto("/app/clients")
    expect(page).to_have_url(re.compile(r"/app$"))


def test_customer_dashboard_on_a_phone(phone_page: Any) -> None:
    login(phone_page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    expect(phone_page.get_by_role("heading", level=1)).to_have_text("Hola, Lucía Fernández Ruiz")
    main = phone_page.get_by_role("main")
    expect(main.get_by_role("region", name="Saldo")).to_contain_text("460,00 €")
    expect(main.get_by_role("region", name="Mis pólizas")).to_contain_text("CR-2025-000117")
    # The cards stack: one column, each below the one before.
    boxes = [main.get_by_role("region", name=name).bounding_box()
             for name in ("Mis pólizas", "Expedientes abiertos", "Saldo")]
    assert all(box is not None for box in boxes)
    assert boxes[0]["x"] == boxes[1]["x"] == boxes[2]["x"]
    assert boxes[0]["y"] < boxes[1]["y"] < boxes[2]["y"]
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways on a phone ({width}px)"
    assert_accessible(phone_page, "the customer dashboard on a phone")


def test_customer_dashboard_degrades_per_section(page: Any) -> None:
    # The API answers with one section missing, no cases and nothing owed (as when a service is
    # down): that section says so politely, the others still show.
    degraded = {"display_name": "Lucía Fernández Ruiz",
                "tenant": {"id": demo.TENANT_ID, "slug": "demo", "name": demo.TENANT_NAME},
                "client": None, "policies": None, "open_cases": [],
                "balance": {"owed": [], "overdue": []}, "notices": ["policies_unavailable"]}
    page.route("**/api/v1/dashboard", lambda route: route.fulfill(
        status=200, content_type="application/json", body=json.dumps(degraded)))
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    main = page.get_by_role("main")
    expect(main.get_by_role("region", name="Mis pólizas").get_by_role("status")).to_contain_text(
        "Ahora mismo no podemos mostrar sus pólizas")
    expect(main.get_by_role("region", name="Expedientes abiertos")).to_contain_text(
        "No tiene expedientes abiertos.")
    expect(main.get_by_role("region", name="Saldo")).to_contain_text("no tiene nada pendiente de pago")
    expect(main.get_by_role("status")).to_have_count(1)
    assert_accessible(page, "the dashboard with a section unavailable")
    page.unroute("**/api/v1/dashboard")
    page.route("**/api/v1/dashboard", lambda route: route.fulfill(
        status=503, content_type="application/problem+json",
        body=json.dumps({"type": "about:blank", "title": "Unavailable", "status": 503,
                         "code": "unavailable"})))
    page.reload()
    expect(main.get_by_role("status")).to_have_count(3)
    expect(main.get_by_role("region", name="Saldo")).to_contain_text("no podemos mostrar su saldo")
    page.unroute("**/api/v1/dashboard")
    main.get_by_role("button", name="Reintentar").click()
    expect(main.get_by_role("region", name="Saldo")).to_contain_text("460,00 €")
    expect(main.get_by_role("button", name="Reintentar")).to_have_count(0)


# --- staff -----------------------------------------------------------------------------------

def test_staff_client_list_search_and_portal_user_column(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    expect(page).to_have_url(re.compile(r"/app/clients$"))
    table = page.get_by_role("table")
    expect(table.locator("tbody tr").first).to_be_visible()  # the first page (other tests add clients)
    assert_accessible(page, "the staff client list")
    page.get_by_role("searchbox", name="Buscar clientes").fill("fernández ruiz")
    page.get_by_role("button", name="Buscar", exact=True).click()
    lucia = table.get_by_role("row").filter(has_text="Lucía Fernández Ruiz")
    expect(lucia).to_contain_text("Con acceso")
    page.get_by_role("searchbox", name="Buscar clientes").fill("talleres")
    page.get_by_role("button", name="Buscar", exact=True).click()
    expect(page).to_have_url(re.compile(r"q=talleres"))
    expect(table.get_by_role("row")).to_have_count(2)  # header + one client
    expect(page.get_by_role("status").filter(has_text="mostrado")).to_have_text("1 cliente mostrado")


def test_staff_client_list_loads_more_pages(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients?limit=2")
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(2)
    page.get_by_role("button", name="Cargar más").click()
    expect(rows).to_have_count(4)
    assert focused_element(page)["tag"] == "tr"  # the first new row, to read on from there


def test_staff_client_list_becomes_cards_on_a_phone(phone_page: Any) -> None:
    login(phone_page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    phone_page.goto("/app/clients?q=talleres")  # a known client, wherever other tests' clients put it
    row = phone_page.get_by_role("row").filter(has_text="Talleres Martín Hermanos S.L.")
    expect(row).to_be_visible()
    assert phone_page.locator("thead").evaluate("e => e.getBoundingClientRect().width") <= 1
    assert phone_page.locator("tbody tr").first.evaluate("e => getComputedStyle(e).display") == "block"
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the list scrolls sideways on a phone ({width}px)"
    assert_accessible(phone_page, "the staff client list on a phone")


def test_client_form_shows_the_apis_field_errors_next_to_the_fields(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.get_by_role("link", name="Nuevo cliente").click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text("Nuevo cliente")
    expect(heading).to_be_focused()  # focus follows the route change
    assert_accessible(page, "the client form")
    page.get_by_label("Nombre", exact=True).fill("Ana")
    page.get_by_label("Apellidos").fill("Prueba Errores")
    page.get_by_label("Documento (NIF, NIE o CIF)").fill("12345678A")  # wrong check letter
    page.get_by_label("Correo electrónico").fill("no-es-un-correo")
    page.locator("#client-phones-0-number").fill("12")  # the first of the client's phones
    page.get_by_role("button", name="Crear cliente").click()
    summary = page.get_by_role("alert").filter(has_text="campos por revisar")
    expect(summary).to_be_focused()
    for field, message in (("tax_id", "El número de documento no es válido."),
                           ("email", "La dirección de correo no es válida."),
                           ("phones-0-number", "El número de teléfono no es válido.")):
        control = page.locator(f"#client-{field}")
        expect(control).to_have_attribute("aria-invalid", "true")
        described = (control.get_attribute("aria-describedby") or "").split()
        assert f"client-{field}-error" in described
        expect(page.locator(f"#client-{field}-error")).to_have_text(re.compile(re.escape(message)))
    expect(page.locator("#client-first_name")).not_to_have_attribute("aria-invalid", "true")
    assert_accessible(page, "the client form with errors")
    summary.get_by_role("link", name="La dirección de correo no es válida.").click()
    expect(page.locator("#client-email")).to_be_focused()


def test_client_form_kind_switch_changes_the_name_fields(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients/new")
    expect(page.get_by_label("Apellidos")).to_be_visible()
    page.get_by_role("radio", name="Empresa").check()
    expect(page.get_by_label("Razón social")).to_be_visible()
    expect(page.get_by_label("Apellidos")).to_have_count(0)
    expect(page.get_by_label("Fecha de constitución")).to_be_visible()
    page.get_by_role("button", name="Crear cliente").click()
    expect(page.locator("#client-legal_name-error")).to_have_text(re.compile("obligatorio"))
    assert_accessible(page, "the company form with errors")


def test_client_form_on_a_phone(phone_page: Any) -> None:
    login(phone_page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    phone_page.goto("/app/clients/new")
    phone_page.get_by_role("button", name="Crear cliente").click()
    expect(phone_page.locator("#client-tax_id-error")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the form scrolls sideways on a phone ({width}px)"
    assert_accessible(phone_page, "the client form with errors on a phone")


def wait_for_mail(system: Any, to: str, timeout: float = 30.0) -> dict[str, Any]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mail_messages(system):
            if to in message["to"]:
                return message
        time.sleep(0.5)
    raise AssertionError(f"no e-mail to {to} within {timeout} s")


def test_staff_creates_a_client_and_its_portal_user_who_sets_a_password_and_logs_in(
    page: Any, browser: Any, system: Any,
) -> None:
    first, last, nif = unique_word().capitalize(), f"Navegador {unique_word().capitalize()}", valid_nif()
    email = f"{first.lower()}.{nif.lower()}@correo.test"
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.get_by_role("link", name="Nuevo cliente").click()
    page.get_by_label("Nombre", exact=True).fill(first)
    page.get_by_label("Apellidos").fill(last)
    page.get_by_label("Documento (NIF, NIE o CIF)").fill(nif)
    page.get_by_label("Correo electrónico").fill(email)
    page.locator("#client-phones-0-number").fill("600123456")
    page.get_by_label("Fecha de nacimiento").fill("1990-05-17")
    page.get_by_role("button", name="Crear cliente").click()

    expect(page).to_have_url(re.compile(r"/app/clients$"))
    expect(page.get_by_role("status").filter(has_text="creado")).to_contain_text(f"{first} {last}")
    page.get_by_role("searchbox", name="Buscar clientes").fill(nif)
    page.get_by_role("button", name="Buscar", exact=True).click()
    row = page.get_by_role("row").filter(has_text=f"{first} {last}")
    expect(row).to_contain_text("Sin acceso")
    expect(row).to_contain_text(nif)

    row.get_by_role("button", name=f"Crear acceso al portal para {first} {last}").click()
    expect(row).to_contain_text("Con acceso")
    expect(page.get_by_role("status").filter(has_text="Acceso creado")).to_be_visible()

    message = wait_for_mail(system, email)
    link = re.search(r"https?://\S+/set-password\?token=[^\s\"'<>]+", message["text"])
    assert link, message["text"]
    path = link.group(0).split(system.base_url, 1)[-1]

    customer = new_context(browser, system)
    try:
        tab = customer.new_page()
        tab.goto(path)
        expect(tab.get_by_role("heading", level=1)).to_have_text("Elija su contraseña")
        assert_accessible(tab, "the set-password page from the e-mail")
        password = "Mi-Clave-Segura-2026"  # noqa: S105 - a test user's new password
        tab.get_by_label("Nueva contraseña").fill(password)
        tab.get_by_label("Repita la contraseña").fill(password)
        tab.get_by_role("button", name="Guardar la contraseña").click()
        done = tab.get_by_role("status").filter(has_text="Contraseña guardada")
        expect(done).to_be_visible()
        username = re.search(r"usuario (\S+?)\.?$", done.inner_text().strip())
        assert username, done.inner_text()
        tab.get_by_role("link", name="Ir al acceso").click()
        login(tab, username.group(1), password)
        expect(tab.get_by_role("heading", level=1)).to_have_text(f"Hola, {first} {last}")
        expect(tab.get_by_role("main")).to_contain_text("17 de mayo de 1990")
    finally:
        customer.close()


def test_portal_user_needs_the_clients_email_and_says_so(page: Any) -> None:
    first, last, nif = unique_word().capitalize(), f"Sincorreo {unique_word().capitalize()}", valid_nif()
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients/new")
    page.get_by_label("Nombre", exact=True).fill(first)
    page.get_by_label("Apellidos").fill(last)
    page.get_by_label("Documento (NIF, NIE o CIF)").fill(nif)
    page.get_by_role("button", name="Crear cliente").click()
    expect(page).to_have_url(re.compile(r"/app/clients$"))
    page.get_by_role("searchbox", name="Buscar clientes").fill(nif)
    page.get_by_role("button", name="Buscar", exact=True).click()
    row = page.get_by_role("row").filter(has_text=f"{first} {last}")
    row.get_by_role("button", name=re.compile("^Crear acceso al portal")).click()
    expect(page.get_by_role("alert")).to_contain_text(
        "El cliente necesita un correo electrónico para recibir el acceso.")
    expect(row).to_contain_text("Sin acceso")


# --- the app shell under the real Content-Security-Policy, and the PWA -------------------------

def test_app_runs_under_the_gateway_csp(browser: Any, system: Any) -> None:
    context = new_context(browser, system, bypass_csp=False)
    try:
        tab = context.new_page()
        problems: list[str] = []
        tab.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: problems.append(str(e)))
        login(tab, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
        expect(tab.get_by_role("heading", level=1)).to_have_text("Hola, Lucía Fernández Ruiz")
        assert not [p for p in problems if "Content Security Policy" in p], problems
    finally:
        context.close()


def test_manifest_and_service_worker_are_served(page: Any, system: Any) -> None:
    with urllib.request.urlopen(f"{system.base_url}/manifest.webmanifest", timeout=5) as answer:  # noqa: S310
        manifest = json.loads(answer.read())
    assert manifest["start_url"] == "/app"
    assert manifest["display"] == "standalone"
    sizes = {icon["sizes"] for icon in manifest["icons"]}
    assert {"192x192", "512x512"} <= sizes
    assert any(icon.get("purpose") == "maskable" for icon in manifest["icons"])
    for icon in manifest["icons"]:
        with urllib.request.urlopen(f"{system.base_url}{icon['src']}", timeout=5) as answer:  # noqa: S310
            assert answer.status == 200

    with urllib.request.urlopen(f"{system.base_url}/sw.js", timeout=5) as answer:  # noqa: S310
        assert "javascript" in answer.headers["Content-Type"]
        source = answer.read().decode()
    assert '"/api/"' in source  # the never-cached prefixes

    page.goto("/login")
    assert page.locator('link[rel="manifest"]').get_attribute("href") == "/manifest.webmanifest"
    scope = page.evaluate("""async () => {
        const registration = await navigator.serviceWorker.ready;
        return registration.scope; }""")
    assert scope == f"{system.base_url}/"
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    cached = page.evaluate("""async () => {
        const urls = [];
        for (const key of await caches.keys()) {
            for (const request of await (await caches.open(key)).keys()) urls.push(request.url);
        }
        return urls; }""")
    assert any(url.endswith("/index.html") for url in cached), cached
    assert not [url for url in cached if "/api/" in url], cached
