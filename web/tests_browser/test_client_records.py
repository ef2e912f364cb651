"""The client records in a real browser against the running platform (issue 4, seed 002 and 004):
staff create a company and a consortium made of it, edit the company with a phone and an address
and see the change in the history tab, add a contact and a task; the customer edits their phone in
their profile and staff see it, under the customer's name, in the history. axe-core on each new
page and state."""

from __future__ import annotations

import re
import secrets
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login, new_context

from clientarea_shared import demo

pytestmark = pytest.mark.browser


def cif(first: str = "B") -> str:
    from stdnum.es import cif as es_cif

    base = f"{first}{secrets.randbelow(9_000_000) + 1_000_000}"
    return base + es_cif.calc_check_digits(base)[0]


def word() -> str:
    return "".join(secrets.choice("bcdfglmnprstv") + secrets.choice("aeiou") for _ in range(3)).capitalize()


@pytest.fixture(scope="module")
def staff_api(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def open_client(page: Any, tax_id: str, name: str) -> None:
    page.goto(f"/app/clients?q={tax_id}")
    page.get_by_role("link", name=name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)


def test_staff_keep_a_company_and_its_consortium_with_history_contacts_and_tasks(
    page: Any, staff_api: ApiDevice,
) -> None:
    company, company_cif = f"Conservas {word()} S.L.", cif()
    status, partner = staff_api.call("POST", "/clients", {"kind": "company", "legal_name": f"Envases {word()} S.A.",
                                                          "tax_id": cif("A")})
    assert status == 201, partner
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)

    # A company, from the form.
    page.get_by_role("link", name="Nuevo cliente").click()
    page.get_by_role("radio", name="Empresa").check()
    page.get_by_label("Razón social").fill(company)
    page.get_by_label("Nombre comercial").fill("Conservas")
    page.get_by_label("Documento (NIF, NIE o CIF)").fill(company_cif)
    page.locator("#client-phones-0-number").fill("968 112 233")
    page.get_by_label("Calle").fill("Calle Mayor")
    page.get_by_label("Código postal").fill("30001")
    page.get_by_label("Población").fill("Murcia")
    assert_accessible(page, "the company form")
    page.get_by_role("button", name="Crear cliente").click()
    expect(page).to_have_url(re.compile(r"/app/clients$"))
    expect(page.get_by_role("status").filter(has_text="creado")).to_contain_text(company)

    # A consortium made of it and the partner, 60/40.
    page.goto("/app/clients/new?kind=consortium")
    page.get_by_label("Razón social").fill(f"UTE {word()}")
    page.get_by_label("Documento (NIF, NIE o CIF)").fill(cif("U"))
    for tax_id, share in ((company_cif, "60"), (partner["tax_id"], "40")):
        page.get_by_role("searchbox", name="Elija una empresa").fill(tax_id)
        page.get_by_role("button", name="Buscar", exact=True).click()
        page.get_by_role("button", name=re.compile(f"Añadir empresa: .*{tax_id}")).click()
        page.get_by_label(re.compile(r"^Participación \(%\)")).last.fill(share)
    expect(page.get_by_text("Suman 100 % de 100 %.")).to_be_visible()
    assert_accessible(page, "the consortium form with its members")
    page.get_by_role("button", name="Crear cliente").click()
    expect(page).to_have_url(re.compile(r"/app/clients$"))

    # The company's page: edit it with a phone and an address; the history shows both changes.
    open_client(page, company_cif, company)
    assert_accessible(page, "the client page")
    page.get_by_role("link", name=f"Editar los datos de {company}").click()
    page.get_by_role("button", name="Añadir teléfono").click()
    page.locator("#client-phones-1-number").fill("600 998 877")
    page.get_by_label("Calle").fill("Avenida de la Libertad")
    page.get_by_label("Número", exact=True).fill("12")
    page.get_by_role("button", name="Guardar cambios").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(company)
    expect(page.get_by_text("Cambios guardados.")).to_be_visible()
    expect(page.get_by_test_id("client-data")).to_contain_text("600 99 88 77")
    page.get_by_role("tab", name="Historial de cambios").click()
    latest = page.get_by_role("listitem").filter(has_text="Datos del cliente modificados").first
    expect(latest).to_contain_text("Marta Agente")
    expect(latest.get_by_role("row").filter(has_text="Teléfonos")).to_contain_text("Trabajo: 600 99 88 77")
    expect(latest.get_by_role("row").filter(has_text="Direcciones")).to_contain_text("Avenida de la Libertad 12")
    assert_accessible(page, "the history tab")

    # A contact and a task.
    page.get_by_role("tab", name="Contactos").click()
    page.get_by_role("button", name="Añadir contacto").click()
    page.get_by_label("Relación con el cliente").select_option("manager")
    page.get_by_label("Nombre", exact=True).fill("Ramón")
    page.get_by_label("Apellidos").fill("Pérez Sáez")
    page.locator("#contact-phones-0-number").fill("611 22 33 44")
    page.get_by_label("Correos electrónicos").fill("ramon@conservas.test")
    assert_accessible(page, "the contact form")
    page.get_by_role("button", name="Guardar contacto").click()
    expect(page.get_by_text("Contacto guardado.")).to_be_visible()
    expect(page.get_by_role("listitem").filter(has_text="Ramón Pérez Sáez")).to_contain_text("Gerente")

    page.get_by_role("tab", name="Tareas").click()
    page.get_by_role("button", name="Nueva tarea").click()
    page.get_by_label("Qué hay que hacer").fill("Pedir las cuentas anuales")
    page.get_by_label("Responsable").select_option(label="Marta Agente")
    page.get_by_role("button", name="Crear tarea").click()
    expect(page.get_by_text("Tarea creada.")).to_be_visible()
    expect(page.get_by_test_id("tasks-table")).to_contain_text("Pedir las cuentas anuales")
    assert_accessible(page, "the tasks tab")

    page.get_by_role("tab", name="Historial de cambios").click()
    expect(page.get_by_test_id("history")).to_contain_text("Tarea creada: Pedir las cuentas anuales")
    expect(page.get_by_test_id("history")).to_contain_text("Contacto añadido: Ramón Pérez Sáez")

    # The other tabs answer, with their empty states for a new client.
    page.get_by_role("tab", name="Archivos").click()
    expect(page.get_by_role("tabpanel")).to_contain_text("Aún no hay ninguno")
    page.get_by_role("tab", name="Siniestros").click()
    expect(page.get_by_text("Este cliente no tiene siniestros.")).to_be_visible()

    # "My tasks" has it.
    page.get_by_role("link", name="Mis tareas").click()
    expect(page.get_by_test_id("tasks-table")).to_contain_text("Pedir las cuentas anuales")
    assert_accessible(page, "my tasks")


def test_the_customer_edits_their_phone_and_staff_see_it_in_the_history(page: Any, browser: Any, system: Any) -> None:
    number = f"91{secrets.randbelow(9_000_000) + 1_000_000}"  # a Madrid landline
    customer = new_context(browser, system)
    try:
        tab = customer.new_page()
        login(tab, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
        tab.get_by_role("link", name="Mi perfil").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Mi perfil")
        assert_accessible(tab, "the customer's profile")
        tab.get_by_role("button", name="Añadir teléfono").click()
        rows = tab.locator("[id^=profile-phones-][id$=-number]")
        rows.last.fill(number)
        tab.get_by_role("button", name="Guardar cambios").click()
        expect(tab.get_by_text("Sus datos se han guardado.")).to_be_visible()
    finally:
        customer.close()

    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto(f"/app/clients/{demo.CLIENT_ID}?tab=history")
    latest = page.get_by_role("listitem").filter(has_text="Lucía Fernández Ruiz (cliente)").first
    expect(latest).to_contain_text("Datos del cliente modificados")
    expect(latest.get_by_role("row").filter(has_text="Teléfonos")).to_contain_text(
        f"Trabajo: {number[:3]} {number[3:5]} {number[5:7]} {number[7:]}")
