"""The web pages of identity's remaining journeys in a real browser against the running platform:
a customer changes their e-mail (the link from the mail catcher, then logging in with the new
address), the admins' staff page (inviting a colleague who chooses a password from the e-mail and
logs in; roles, disabling and enabling; an admin cannot disable or demote themself), and staff
closing a customer's portal access from the client list (refused while something is active).
axe-core on every new page and state."""

from __future__ import annotations

import re
import secrets
from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login, new_context, wait_for_mail_matching

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CONFIRM_LINK = r"https?://\S+/confirm-email\?token=[^\s\"'<>]+"
SET_PASSWORD_LINK = r"https?://\S+/set-password\?token=[^\s\"'<>]+"  # noqa: S105 - a pattern, not a password


def unique_word() -> str:
    return "".join(secrets.choice("bcdfghjklmnprstvz") + secrets.choice("aeiou") for _ in range(4))


def new_password() -> str:
    return f"Faro-{unique_word().capitalize()}-{secrets.randbelow(9000) + 1000}"


def valid_nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def path_of(link: str, system: Any) -> str:
    return link.split(system.base_url, 1)[-1]


@pytest.fixture(scope="module")
def staff(system: Any) -> ApiDevice:
    """An agent logged in through the API, to create the customers the journeys need."""
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


@pytest.fixture(scope="module")
def admin_api(system: Any) -> ApiDevice:
    admin = ApiDevice(system)
    admin.login(demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    return admin


@pytest.fixture
def other_page(browser: Any, system: Any) -> Iterator[Any]:
    """A second browser profile (another person, or the same one on another device)."""
    context = new_context(browser, system)
    yield context.new_page()
    context.close()


def new_customer(staff: ApiDevice) -> dict[str, str]:
    """A client of the demo firm with nothing contracted and a portal user whose user name is its
    e-mail and whose password staff typed."""
    first, last = unique_word().capitalize(), f"Cambio {unique_word().capitalize()}"
    email = f"{first.lower()}.{secrets.token_hex(3)}@correo.test"
    status, client = staff.call("POST", "/clients", {"kind": "person", "first_name": first, "last_name": last,
                                                     "tax_id": valid_nif(), "email": email, "locale": "es"})
    assert status == 201, (status, client)
    password = new_password()
    status, user = staff.call("POST", f"/clients/{client['id']}/portal-user", {"username": email, "password": password})
    assert status == 201, (status, user)
    return {"id": client["id"], "name": f"{first} {last}", "email": email, "password": password,
            "user_id": user["user_id"]}


def can_log_in(system: Any, username: str, password: str) -> bool:
    return ApiDevice(system).call("POST", "/auth/login", {"tenant": "demo", "username": username,
                                                          "password": password})[0] == 200


# --- change of e-mail ----------------------------------------------------------------------------

def test_customer_changes_their_email_with_the_emailed_link_and_logs_in_with_it(page: Any, other_page: Any,
                                                                               system: Any, staff: ApiDevice) -> None:
    customer = new_customer(staff)
    new_email = f"nuevo.{secrets.token_hex(4)}@correo.test"
    login(page, customer["email"], customer["password"])
    page.goto("/app/account/security")
    region = page.get_by_role("region", name="Cambio de correo electrónico")
    expect(region).to_contain_text(f"Su correo electrónico actual es {customer['email']}.")
    assert_accessible(page, "the security page with the e-mail change")

    submit = region.get_by_role("button", name="Enviar el enlace de confirmación")
    submit.click()
    summary = page.get_by_role("alert").filter(has_text="No se ha podido pedir el cambio")
    expect(summary).to_be_focused()
    expect(page.locator("#email-change-current-error")).to_have_text(re.compile("Escriba su contraseña actual."))
    expect(page.locator("#email-change-email-error")).to_have_text(re.compile("Escriba la dirección de correo nueva."))
    assert_accessible(page, "the e-mail change with errors")

    region.get_by_label("Contraseña actual").fill("no-es-la-actual")
    region.get_by_label("Correo electrónico nuevo").fill(new_email)
    submit.click()
    expect(page.locator("#email-change-current-error")).to_have_text(re.compile("La contraseña actual no es correcta."))
    expect(page.locator("#email-change-email-error")).to_have_count(0)
    region.get_by_label("Contraseña actual").fill(customer["password"])
    region.get_by_label("Correo electrónico nuevo").fill("no-es-un-correo@")
    submit.click()
    expect(page.locator("#email-change-email-error")).to_have_text(re.compile("La dirección de correo no es válida."))

    region.get_by_label("Contraseña actual").fill(customer["password"])
    region.get_by_label("Correo electrónico nuevo").fill(new_email)
    submit.click()
    sent = region.get_by_role("status").filter(has_text="Revise su correo nuevo")
    expect(sent).to_contain_text(f"Le hemos enviado un enlace a {new_email}")
    expect(sent).to_contain_text("antes de que pasen 24 horas")
    expect(sent).to_contain_text(f"avisaremos también a {customer['email']}")
    expect(region.locator(".focus-target").filter(has_text="Revise su correo nuevo")).to_be_focused()
    assert_accessible(page, "the e-mail change once sent")

    # The link, opened on another device: the page asks before changing anything.
    link = path_of(wait_for_mail_matching(system, new_email, CONFIRM_LINK).group(0), system)
    other_page.goto(link)
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Confirmar el correo electrónico nuevo")
    assert_accessible(other_page, "the confirm-email page")
    other_page.get_by_role("button", name="Confirmar el correo nuevo").click()
    done = other_page.get_by_role("status").filter(has_text="Correo electrónico cambiado")
    expect(done).to_contain_text(f"su correo electrónico es {new_email}")
    expect(done).to_contain_text(f"entre ahora con {new_email}")
    assert_accessible(other_page, "the confirm-email page once confirmed")
    wait_for_mail_matching(system, customer["email"], "Se ha cambiado la dirección de correo electrónico")

    # The link worked once.
    other_page.reload()
    other_page.get_by_role("button", name="Confirmar el correo nuevo").click()
    expect(other_page.get_by_role("alert")).to_contain_text("Este enlace ya no es válido")
    expect(other_page.get_by_role("button", name="Confirmar el correo nuevo")).to_have_count(0)
    expect(other_page.get_by_role("link", name="Pedir el cambio de nuevo")).to_have_attribute(
        "href", "/app/account/security")
    assert_accessible(other_page, "the confirm-email page with a spent link")

    # The new address logs in; the old one no longer does.
    page.reload()
    expect(page.get_by_role("region", name="Cambio de correo electrónico")).to_contain_text(
        f"Su correo electrónico actual es {new_email}.")
    page.get_by_role("navigation", name="Su cuenta").get_by_role("button", name="Cerrar sesión").click()
    expect(page).to_have_url(re.compile(r"/login$"))
    assert not can_log_in(system, customer["email"], customer["password"])
    login(page, new_email, customer["password"])
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Hola, {customer['name']}")


def test_confirm_email_page_without_a_token(page: Any) -> None:
    page.goto("/confirm-email")
    expect(page.get_by_role("alert")).to_contain_text("Este enlace no está completo")
    expect(page.get_by_role("button", name="Confirmar el correo nuevo")).to_have_count(0)
    assert_accessible(page, "the confirm-email page without a token")


# --- staff users ---------------------------------------------------------------------------------

def test_admin_invites_a_colleague_who_sets_a_password_from_the_email_and_logs_in(page: Any, other_page: Any,
                                                                                   system: Any) -> None:
    email = f"colega.{secrets.token_hex(4)}@demo.test"
    name = f"{unique_word().capitalize()} Colega"
    login(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    nav = page.get_by_role("navigation", name="Navegación principal")
    nav.get_by_role("link", name="Personal").click()
    expect(page).to_have_url(re.compile(r"/app/admin/staff$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Personal de la entidad")
    table = page.get_by_test_id("staff-table")
    expect(table.get_by_role("row").filter(has_text=demo.ADMIN_USERNAME)).to_contain_text("Usted")
    assert_accessible(page, "the staff page")

    invite = page.get_by_role("region", name="Invitar a un colega")
    expect(invite.get_by_role("group", name="Roles")).to_contain_text("Todo lo de los otros dos roles")
    send = invite.get_by_role("button", name="Enviar la invitación")
    send.click()
    summary = page.get_by_role("alert").filter(has_text="No se ha podido enviar la invitación")
    expect(summary).to_be_focused()
    expect(page.locator("#staff-invite-display_name-error")).to_have_text(re.compile("Escriba el nombre."))
    expect(page.locator("#staff-invite-roles-error")).to_have_text(re.compile("Elija al menos un rol."))
    assert_accessible(page, "the staff invitation with errors")

    # An address already in use is the API's answer, beside the field.
    invite.get_by_label("Nombre y apellidos").fill(name)
    invite.get_by_label("Correo electrónico").fill(demo.AGENT_USERNAME)
    invite.get_by_role("checkbox", name="Agente").check()
    send.click()
    expect(page.locator("#staff-invite-email-error")).to_have_text(
        re.compile("Ya existe un usuario con este correo electrónico."))

    invite.get_by_label("Correo electrónico").fill(email)
    send.click()
    invited = page.get_by_role("status").filter(has_text=f"Hemos invitado a {name}")
    expect(invited).to_contain_text(email)
    row = table.get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("Agente")
    expect(row).to_contain_text("Activo")
    expect(invite.get_by_label("Nombre y apellidos")).to_have_value("")

    # The colleague chooses a password from the e-mail and logs in as an agent: no admin pages.
    link = path_of(wait_for_mail_matching(system, email, SET_PASSWORD_LINK).group(0), system)
    other_page.goto(link)
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Elija su contraseña")
    password = new_password()
    other_page.get_by_label("Nueva contraseña").fill(password)
    other_page.get_by_label("Repita la contraseña").fill(password)
    other_page.get_by_role("button", name="Guardar la contraseña").click()
    expect(other_page.get_by_role("status")).to_contain_text(f"Ya puede entrar con el usuario {email}")
    other_page.get_by_role("link", name="Ir al acceso").click()
    login(other_page, email, password)
    colleague_nav = other_page.get_by_role("navigation", name="Navegación principal")
    expect(colleague_nav.get_by_role("link", name="Clientes")).to_be_visible()
    expect(colleague_nav.get_by_role("link", name="Personal")).to_have_count(0)
    other_page.goto("/app/admin/staff")
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")


def test_admin_changes_a_colleagues_roles_disables_and_enables_them(page: Any, system: Any,
                                                                     admin_api: ApiDevice) -> None:
    email = f"rol.{secrets.token_hex(4)}@demo.test"
    name = f"{unique_word().capitalize()} Roles"
    status, colleague = admin_api.call("POST", "/staff-users", {"email": email, "display_name": name,
                                                                "roles": ["salesperson"], "locale": "es"})
    assert status == 201, (status, colleague)
    login(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    page.goto("/admin/staff")  # the short address leads to the app's page
    expect(page).to_have_url(re.compile(r"/app/admin/staff$"))

    # Filters in the URL, applied to the loaded rows.
    page.get_by_label("Nombre o correo electrónico").fill(email.upper())
    page.get_by_label("Rol", exact=True).select_option("salesperson")
    page.get_by_role("button", name="Aplicar los filtros").click()
    expect(page).to_have_url(re.compile(r"role=salesperson"))
    table = page.get_by_test_id("staff-table")
    expect(table.locator("tbody tr")).to_have_count(1)
    expect(page.get_by_role("status").filter(has_text="coincide con los filtros")).to_be_visible()
    row = table.get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("Comercial")
    assert_accessible(page, "the staff page filtered")

    row.get_by_role("button", name=f"Cambiar roles de {name}").click()
    dialog = page.get_by_role("dialog", name=f"Roles de {name}")
    expect(dialog.get_by_role("button", name="Cancelar")).to_be_focused()
    expect(dialog.get_by_role("checkbox", name="Comercial")).to_be_checked()
    assert_accessible(page, "the roles dialog")
    dialog.get_by_role("checkbox", name="Comercial").uncheck()
    dialog.get_by_role("button", name="Guardar los roles").click()
    expect(dialog.locator("#staff-edit-roles-error")).to_have_text(re.compile("Elija al menos un rol."))
    dialog.get_by_role("checkbox", name="Agente").check()
    dialog.get_by_role("checkbox", name="Comercial").check()
    dialog.get_by_role("button", name="Guardar los roles").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(page.get_by_role("status").filter(has_text=f"Roles de {name} guardados")).to_contain_text(
        "Agente y Comercial")
    page.get_by_role("link", name="Quitar los filtros").click()
    row = page.get_by_test_id("staff-table").get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("Agente y Comercial")

    disable = row.get_by_role("button", name=f"Desactivar a {name}")
    disable.click()
    dialog = page.get_by_role("dialog", name=f"¿Desactivar a {name}?")
    expect(dialog).to_contain_text("sus sesiones abiertas se cerrarán ahora")
    assert_accessible(page, "the disable dialog")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(disable).to_be_focused()
    disable.click()
    dialog.get_by_role("button", name="Sí, desactivar").click()
    expect(page.get_by_role("status").filter(has_text=f"Se ha desactivado el acceso de {name}.")).to_be_visible()
    expect(row).to_contain_text("Desactivado")
    _, listed = admin_api.call("GET", "/staff-users?limit=200")
    assert next(u for u in listed["items"] if u["email"] == email)["status"] == "disabled"

    row.get_by_role("button", name=f"Reactivar a {name}").click()
    expect(page.get_by_role("status").filter(has_text=f"Se ha reactivado el acceso de {name}")).to_be_visible()
    expect(row).to_contain_text("Activo")


def test_an_admin_cannot_disable_or_demote_themself(page: Any, phone_page: Any) -> None:
    login(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    page.goto("/app/admin/staff")
    own = page.get_by_test_id("staff-table").get_by_role("row").filter(has_text="Usted")
    disable = own.get_by_role("button", name=re.compile("^Desactivar a "))
    disable.click()
    dialog = page.get_by_role("dialog", name=re.compile(r"^¿Desactivar a "))
    dialog.get_by_role("button", name="Sí, desactivar").click()
    refusal = dialog.get_by_role("alert")
    expect(refusal).to_have_text(re.compile("No puede quitarse su propio rol de administrador/a ni desactivar su "
                                            "propia cuenta"))
    expect(dialog.get_by_role("button", name="Sí, desactivar")).to_have_count(0)
    assert_accessible(page, "the refusal to disable oneself")
    dialog.get_by_role("button", name="Volver").click()
    expect(disable).to_be_focused()
    expect(own).to_contain_text("Activo")

    own.get_by_role("button", name=re.compile("^Cambiar roles de ")).click()
    dialog = page.get_by_role("dialog", name=re.compile("^Roles de "))
    expect(dialog).to_contain_text("Es su propia cuenta")
    dialog.get_by_role("checkbox", name="Administrador/a").uncheck()
    dialog.get_by_role("checkbox", name="Agente").check()
    dialog.get_by_role("button", name="Guardar los roles").click()
    expect(dialog.get_by_role("alert")).to_contain_text("No puede quitarse su propio rol de administrador/a")
    dialog.get_by_role("button", name="Volver").click()
    expect(own).to_contain_text("Administrador/a")
    page.reload()
    expect(page.get_by_role("heading", level=1)).to_have_text("Personal de la entidad")  # still an admin

    login(phone_page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    phone_page.goto("/app/admin/staff")
    expect(phone_page.get_by_test_id("staff-table").get_by_role("row").filter(has_text="Usted")).to_be_visible()
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the staff page scrolls sideways on a phone ({width}px)"
    assert_accessible(phone_page, "the staff page on a phone")


def test_customers_and_agents_are_not_offered_the_staff_page(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    expect(page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Personal")) \
        .to_have_count(0)
    page.goto("/app/admin/staff")
    expect(page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")


# --- staff close a customer's portal access --------------------------------------------------------

def test_an_agent_closes_a_customers_portal_access_from_the_client_list(page: Any, system: Any,
                                                                         staff: ApiDevice) -> None:
    customer = new_customer(staff)
    assert can_log_in(system, customer["email"], customer["password"])
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto(f"/app/clients?q={customer['email']}")
    row = page.get_by_test_id("clients-table").get_by_role("row").filter(has_text=customer["email"])
    expect(row).to_contain_text("Con acceso")
    close = row.get_by_role("button", name=f"Cerrar acceso al portal de {customer['name']}")
    close.click()
    dialog = page.get_by_role("dialog", name=f"¿Cerrar el acceso al portal de {customer['name']}?")
    expect(dialog).to_contain_text("Su ficha de cliente se mantiene")
    expect(dialog.get_by_role("button", name="Cancelar")).to_be_focused()
    assert_accessible(page, "the close-portal-access dialog")
    dialog.get_by_role("button", name="Cancelar").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(close).to_be_focused()
    assert can_log_in(system, customer["email"], customer["password"])

    close.click()
    dialog.get_by_role("button", name="Sí, cerrar el acceso").click()
    done = page.get_by_role("status").filter(has_text=f"Se ha cerrado el acceso al portal de {customer['name']}")
    expect(done).to_be_visible()
    expect(row).to_contain_text("Sin acceso")
    expect(row.get_by_role("button", name=re.compile("^Cerrar acceso"))).to_have_count(0)
    assert_accessible(page, "the client list after closing a portal access")
    assert not can_log_in(system, customer["email"], customer["password"])


def test_closing_the_demo_customers_access_is_refused_with_what_is_still_active(page: Any, system: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto(f"/app/clients?q={demo.CLIENT_USERNAME}")
    row = page.get_by_test_id("clients-table").get_by_role("row").filter(has_text=demo.CLIENT_USERNAME)
    close = row.get_by_role("button", name=re.compile("^Cerrar acceso al portal de "))
    close.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Sí, cerrar el acceso").click()
    active = dialog.get_by_test_id("active-products")
    expect(active).to_be_focused()
    expect(active).to_contain_text("sigue abierto")
    items = active.get_by_role("listitem")
    expect(items.filter(has_text="Póliza CR-2025-000117")).to_have_count(1)
    expect(items.filter(has_text="Expediente EXP-2026-00311")).to_have_count(1)
    expect(items.filter(has_text="Factura F-2026-000981")).to_have_count(1)
    expect(items.filter(has_text=re.compile(r"^(policy|case|invoice) "))).to_have_count(0)
    expect(dialog.get_by_role("button", name="Sí, cerrar el acceso")).to_have_count(0)
    assert_accessible(page, "the refusal to close a portal access with active products")
    dialog.get_by_role("button", name="Volver").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    expect(close).to_be_focused()
    expect(row).to_contain_text("Con acceso")
    assert can_log_in(system, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)


def test_an_admin_clears_the_second_factors_of_a_colleague_who_lost_their_phone(page: Any, system: Any,
                                                                                admin_api: ApiDevice) -> None:
    from urllib.parse import unquote

    import pyotp

    email, password = f"movil.{secrets.token_hex(4)}@demo.test", new_password()
    name = f"{unique_word().capitalize()} Movil"
    status, _ = admin_api.call("POST", "/staff-users", {"email": email, "display_name": name, "roles": ["agent"],
                                                        "locale": "es"})
    assert status == 201
    token = wait_for_mail_matching(system, email, r"set-password\?token=(\S+)").group(1)
    colleague = ApiDevice(system)
    assert colleague.call("POST", "/auth/set-password", {"token": unquote(token), "password": password,
                                                         "password_confirmation": password})[0] == 200
    colleague.login(email, password)
    _, started = colleague.call("POST", "/me/mfa/totp", {"current_password": password})
    assert colleague.call("POST", "/me/mfa/totp/confirm", {"code": pyotp.TOTP(started["secret"]).now()})[0] == 200

    login(page, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    page.goto("/app/admin/staff?limit=200")
    row = page.get_by_test_id("staff-table").get_by_role("row").filter(has_text=email)
    expect(row).to_contain_text("Activada")
    row.get_by_role("button", name=f"Borrar la verificación en dos pasos de {name}").click()
    dialog = page.get_by_role("dialog", name=f"¿Borrar la verificación en dos pasos de {name}?")
    expect(dialog).to_contain_text("se cierran todas sus sesiones")
    assert_accessible(page, "the clear-two-factor dialog")
    dialog.get_by_role("button", name="Sí, borrar").click()
    expect(page.get_by_role("status").filter(has_text=f"Se ha borrado la verificación en dos pasos de {name}")
           ).to_be_visible()
    expect(row).to_contain_text("Desactivada")
    assert colleague.call("POST", "/auth/refresh", {})[0] == 401  # the lost phone's session is over
    wait_for_mail_matching(system, email, r"ha borrado la verificación en dos pasos")

    # Nothing left to clear: the dialog says so and offers only the way back.
    row.get_by_role("button", name=f"Borrar la verificación en dos pasos de {name}").click()
    dialog.get_by_role("button", name="Sí, borrar").click()
    expect(dialog.get_by_role("alert")).to_have_text(
        "Esta persona no tiene ninguna verificación en dos pasos que borrar.")
    expect(dialog.get_by_role("button", name="Sí, borrar")).to_have_count(0)


def test_a_customer_reads_their_notices_and_the_header_counts_the_unread(page: Any, staff: ApiDevice) -> None:
    customer = new_customer(staff)  # its welcome is an in-app notice as well as an e-mail
    login(page, customer["email"], customer["password"])
    menu = page.get_by_role("navigation", name="Su cuenta")
    link = menu.get_by_role("link", name=re.compile(r"^Avisos"))
    expect(link).to_contain_text("1 sin leer")
    link.click()
    expect(page).to_have_url(re.compile(r"/app/notifications$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Avisos")
    notices = page.get_by_test_id("notices")
    expect(notices.get_by_role("article")).to_have_count(1)
    expect(notices).to_contain_text("Nuevo")
    assert_accessible(page, "the notices page")
    page.get_by_role("button", name="Marcar todos como leídos").click()
    expect(page.get_by_role("status").filter(has_text="Todos los avisos están leídos.")).to_be_visible()
    expect(notices).not_to_contain_text("Nuevo")
    expect(link).not_to_contain_text("sin leer")
