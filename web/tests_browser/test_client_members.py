"""A company customer's people in a real browser against the running platform (issue 3, journey
9): the client's admin finds "Personas" in the menu, invites a colleague as a viewer (the form's
errors first), the colleague chooses a password from the e-mailed link, logs in and is offered no
"Personas" page; the admin changes their role, then removes them, and their login stops working.
axe-core on the page and its states."""

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

SET_PASSWORD_LINK = r"https?://\S+/set-password\?token=[^\s\"'<>]+"  # noqa: S105 - a pattern, not a password


def unique_word() -> str:
    return "".join(secrets.choice("bcdfghjklmnprstvz") + secrets.choice("aeiou") for _ in range(4))


def new_password() -> str:
    return f"Taller-{unique_word().capitalize()}-{secrets.randbelow(9000) + 1000}"


@pytest.fixture(scope="module")
def staff(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


@pytest.fixture
def other_page(browser: Any, system: Any) -> Iterator[Any]:
    """The colleague's own browser."""
    context = new_context(browser, system)
    yield context.new_page()
    context.close()


def valid_cif() -> str:
    """A company's tax id (CIF) of a limited company ("B"), with its control digit."""
    digits = f"{secrets.randbelow(9_999_999):07d}"
    odd = sum(sum(divmod(int(d) * 2, 10)) for d in digits[0::2])
    even = sum(int(d) for d in digits[1::2])
    return f"B{digits}{(10 - (odd + even) % 10) % 10}"


def new_company(staff: ApiDevice) -> dict[str, str]:
    """A company client of the demo firm whose one login (its admin) staff created."""
    email = f"admin.{secrets.token_hex(3)}@empresa.test"
    body = {"kind": "company", "legal_name": f"{unique_word().capitalize()} S.L.", "tax_id": valid_cif(),
            "email": email, "locale": "es"}
    status, client = staff.call("POST", "/clients", body)
    assert status == 201, (status, client)
    password = new_password()
    status, user = staff.call("POST", f"/clients/{client['id']}/portal-user", {"username": email, "password": password})
    assert status == 201, (status, user)
    return {"email": email, "password": password}


def test_a_company_admin_invites_a_viewer_who_gets_no_people_page_then_re_roles_and_removes_them(
    page: Any, other_page: Any, system: Any, staff: ApiDevice
) -> None:
    company = new_company(staff)
    colleague_email = f"colega.{secrets.token_hex(4)}@empresa.test"
    colleague_name = f"{unique_word().capitalize()} Colega"
    login(page, company["email"], company["password"])
    nav = page.get_by_role("navigation", name="Navegación principal")
    nav.get_by_role("link", name="Personas", exact=True).click()
    expect(page).to_have_url(re.compile(r"/app/people$"))
    expect(page.get_by_role("heading", level=1)).to_have_text("Personas")
    table = page.get_by_test_id("members-table")
    me_row = table.get_by_role("row").filter(has_text=company["email"])
    expect(me_row).to_contain_text("Usted")
    expect(me_row).to_contain_text("Administrador/a")
    expect(me_row.get_by_role("button")).to_have_count(0)  # the only admin: nothing to change
    expect(page.get_by_text("Su empresa necesita siempre al menos un administrador/a")).to_be_visible()
    assert_accessible(page, "the people page")

    # The form says what is missing before asking the API, and explains each role.
    invite = page.get_by_role("region", name="Invitar a un colega")
    roles = invite.get_by_role("group", name="Perfil")
    expect(roles).to_contain_text("puede pagar facturas")
    send = invite.get_by_role("button", name="Enviar la invitación")
    send.click()
    expect(page.get_by_role("alert").filter(has_text="No se ha podido enviar la invitación")).to_be_focused()
    expect(page.locator("#member-invite-display_name-error")).to_have_text(re.compile("Escriba el nombre."))
    expect(page.locator("#member-invite-client_role-error")).to_have_text(re.compile("Elija un perfil."))
    assert_accessible(page, "the invitation with errors")

    invite.get_by_label("Nombre y apellidos").fill(colleague_name)
    invite.get_by_label("Correo electrónico").fill(colleague_email)
    roles.get_by_role("radio", name="Solo consulta").check()
    send.click()
    expect(page.get_by_role("status").filter(has_text=f"Hemos invitado a {colleague_name}")).to_contain_text(
        colleague_email)
    row = table.get_by_role("row").filter(has_text=colleague_email)
    expect(row).to_contain_text("Solo consulta")
    expect(row).to_contain_text("Invitación pendiente")

    # The colleague chooses a password from the e-mail, logs in, and may only look.
    link = wait_for_mail_matching(system, colleague_email, SET_PASSWORD_LINK).group(0)
    other_page.goto(link.split(system.base_url, 1)[-1])
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Elija su contraseña")
    password = new_password()
    other_page.get_by_label("Nueva contraseña").fill(password)
    other_page.get_by_label("Repita la contraseña").fill(password)
    other_page.get_by_role("button", name="Guardar la contraseña").click()
    expect(other_page.get_by_role("status")).to_contain_text(f"Ya puede entrar con el usuario {colleague_email}")
    login(other_page, colleague_email, password)
    colleague_nav = other_page.get_by_role("navigation", name="Navegación principal")
    expect(colleague_nav.get_by_role("link", name="Inicio")).to_be_visible()
    expect(colleague_nav.get_by_role("link", name="Personas", exact=True)).to_have_count(0)
    other_page.goto("/app/people")
    expect(other_page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")

    # The admin changes the role, then removes the colleague.
    row.get_by_role("button", name=f"Cambiar el perfil de {colleague_name}").click()
    dialog = page.get_by_role("dialog", name=f"Perfil de {colleague_name}")
    dialog.get_by_role("radio", name="Consulta y pagos").check()
    assert_accessible(page, "the role dialog")
    dialog.get_by_role("button", name="Guardar el perfil").click()
    expect(page.get_by_role("status").filter(has_text=f"Perfil de {colleague_name} guardado")).to_contain_text(
        "Consulta y pagos")
    expect(row).to_contain_text("Consulta y pagos")

    row.get_by_role("button", name=f"Retirar el acceso de {colleague_name}").click()
    confirm = page.get_by_role("dialog", name=f"¿Retirar el acceso de {colleague_name}?")
    expect(confirm).to_contain_text("ya no podrá entrar")
    confirm.get_by_role("button", name="Sí, retirar el acceso").click()
    expect(page.get_by_role("status").filter(has_text=f"Se ha retirado el acceso de {colleague_name}")).to_be_visible()
    expect(table.get_by_role("row").filter(has_text=colleague_email)).to_have_count(0)

    # Their login no longer works, and the e-mail told them.
    status, body = ApiDevice(system).call("POST", "/auth/login", {"tenant": "demo", "username": colleague_email,
                                                                  "password": password})
    assert status == 401 and body["code"] == "invalid_credentials"
    wait_for_mail_matching(system, colleague_email, r"ha retirado su acceso")


def test_the_demo_company_viewer_is_not_offered_the_people_page(page: Any) -> None:
    login(page, demo.COMPANY_VIEWER_USERNAME, demo.COMPANY_VIEWER_PASSWORD)
    expect(page.get_by_role("navigation", name="Navegación principal").get_by_role(
        "link", name="Personas", exact=True)).to_have_count(0)
    page.goto("/app/people")
    expect(page.get_by_role("heading", level=1)).to_have_text("Página no encontrada")
