"""The staff client list in a real browser against the running platform (issue 4, "Search and
list", bulk alerts and saved filters): filter by text and category and see the total, open the
contacts tab, pick every client matching the filter and switch an alert off for all of them, save
the filter and apply it again, and see an impossible birthday range refused beside its field.
axe-core on each new state."""

from __future__ import annotations

import re
import secrets
from typing import Any
from urllib.parse import quote

import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def valid_nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def word() -> str:
    return "".join(secrets.choice("bcdfglmnprstv") + secrets.choice("aeiou") for _ in range(4)).capitalize()


@pytest.fixture(scope="module")
def staff_api(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def create_person(api: ApiDevice, first: str, last: str, category_ids: list[str]) -> dict[str, Any]:
    status, client = api.call("POST", "/clients", {
        "kind": "person", "first_name": first, "last_name": last, "tax_id": valid_nif(),
        "category_ids": category_ids, "alerts": {"email_collections": True}})
    assert status == 201, client
    return client


def test_staff_filter_pick_all_matching_switch_an_alert_off_and_reuse_a_saved_filter(
    page: Any, staff_api: ApiDevice,
) -> None:
    surname = word()
    status, category = staff_api.call("POST", "/categories", {"name": f"Segmento {surname}"})
    assert status == 201, category
    ana = create_person(staff_api, "Ana", f"{surname} Gil", [category["id"]])
    luis = create_person(staff_api, "Luis", f"{surname} Mora", [category["id"]])
    create_person(staff_api, "Marta", f"{surname} Sanz", [])  # the same text, not the category
    status, contact = staff_api.call("POST", f"/clients/{ana['id']}/contacts", {
        "role": "manager", "first_name": "Pedro", "last_name": f"Ruiz {surname}"})
    assert status == 201, contact

    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients?limit=1")  # one row a page: "all matching" is more than the page

    # Filter by text and category: the total counts every page.
    page.get_by_role("searchbox", name="Buscar clientes").fill(surname.lower())
    page.get_by_role("checkbox", name=f"Segmento {surname}").check()
    page.get_by_role("button", name="Aplicar filtros").click()
    expect(page).to_have_url(re.compile(f"q={surname.lower()}.*category_ids={category['id']}"))
    expect(page.get_by_test_id("clients-total")).to_have_text("2 clientes coinciden con los filtros")
    rows = page.get_by_test_id("clients-table").locator("tbody tr")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text(f"Ana {surname} Gil")  # by name, A-Z
    expect(rows.first.get_by_test_id("alert-state")).to_contain_text("Alertas activadas: Cobros, por correo")
    assert_accessible(page, "the client list with filters")

    # The contacts of those clients.
    page.get_by_role("tab", name="Contactos").click()
    expect(page.get_by_role("tab", name="Contactos")).to_have_attribute("aria-selected", "true")
    contacts = page.get_by_test_id("contacts-table")
    expect(contacts.get_by_role("row").filter(has_text=f"Pedro Ruiz {surname}")).to_contain_text(f"Ana {surname} Gil")
    assert_accessible(page, "the contacts tab")
    page.get_by_role("tab", name="Clientes").click()

    # Pick the page, then all that match, and switch "collections by e-mail" off for them.
    page.get_by_role("checkbox", name="Seleccionar los clientes mostrados").check()
    expect(page.get_by_role("status").filter(has_text="seleccionado")).to_have_text("1 cliente seleccionado")
    page.get_by_role("button", name="Seleccionar los 2 clientes que coinciden").click()
    expect(page.get_by_role("status").filter(has_text="Seleccionados")).to_have_text(
        "Seleccionados los 2 clientes que coinciden con los filtros")
    page.get_by_role("button", name="Cambiar alertas").click()
    dialog = page.get_by_role("dialog", name="Cambiar las alertas del asistente virtual")
    dialog.get_by_role("group", name="Cobros, por correo").get_by_role("radio", name="Desactivar").check()
    assert_accessible(page, "the bulk alerts dialog")
    dialog.get_by_role("button", name="Continuar").click()
    expect(dialog).to_contain_text("¿Cambiar las alertas de 2 clientes?")
    dialog.get_by_role("button", name="Sí, cambiar las alertas").click()
    expect(dialog.get_by_role("status")).to_contain_text("Alertas cambiadas en 2 de 2 clientes")
    dialog.get_by_role("button", name="Cerrar").click()
    expect(rows.first.get_by_test_id("alert-state")).to_contain_text("Todas las alertas desactivadas")
    for client in (ana, luis):
        status, record = staff_api.call("GET", f"/clients/{client['id']}")
        assert status == 200 and record["alerts"]["email_collections"] is False, record

    # Save the filter, clear it, apply it again; a second save under that name is refused.
    page.get_by_label("Nombre para los filtros actuales").fill(f"Segmento {surname}")
    page.get_by_role("button", name="Guardar filtro").click()
    saved = page.get_by_role("status").filter(has_text="guardado")
    expect(saved).to_have_text(f"Filtro «Segmento {surname}» guardado.")
    page.get_by_label("Nombre para los filtros actuales").fill(f"segmento {surname.upper()}")
    page.get_by_role("button", name="Guardar filtro").click()
    name_box = page.get_by_label("Nombre para los filtros actuales")
    expect(name_box).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#saved-filter-name-error")).to_have_text(re.compile("Ya tiene un filtro con ese nombre"))
    page.get_by_role("button", name="Quitar los filtros").click()
    expect(page).to_have_url(re.compile(r"/app/clients\?limit=1$"))
    page.get_by_label("Filtro guardado", exact=True).select_option(label=f"Segmento {surname}")
    page.get_by_role("button", name="Aplicar", exact=True).click()
    expect(page).to_have_url(re.compile(f"category_ids={category['id']}"))
    expect(page.get_by_role("searchbox", name="Buscar clientes")).to_have_value(surname.lower())
    expect(page.get_by_test_id("clients-total")).to_have_text("2 clientes coinciden con los filtros")
    # The URL is the filter: a shared link shows the same list.
    page.goto(f"/app/clients?q={quote(surname.lower())}&alerts=off")
    expect(page.get_by_test_id("clients-total")).to_have_text("2 clientes coinciden con los filtros")


def test_an_impossible_birthday_range_is_shown_beside_its_field(page: Any) -> None:
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients")
    page.get_by_label("Desde", exact=True).fill("2026-05-10")
    page.get_by_label("Hasta", exact=True).fill("2026-05-01")
    page.get_by_role("button", name="Aplicar filtros").click()
    summary = page.get_by_role("alert").filter(has_text="Revise los filtros")
    expect(summary).to_be_focused()
    to = page.locator("#clients-filter-birthday_to")
    expect(to).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#clients-filter-birthday_to-error")).to_have_text(
        re.compile("La fecha final no puede ser anterior a la inicial."))
    assert_accessible(page, "the client list with a filter refused")
    summary.get_by_role("link", name="La fecha final no puede ser anterior a la inicial.").click()
    expect(to).to_be_focused()
    # "This week" puts a valid range in its place.
    page.get_by_role("button", name="Esta semana").click()
    expect(page.locator("#clients-filter-birthday_to")).not_to_have_attribute("aria-invalid", "true")
    expect(page.get_by_test_id("clients-total")).to_have_text(re.compile(r"coincide"))
