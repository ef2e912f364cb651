"""The client list's actions in a real browser against the running platform (issue 4, "Export,
import and bulk actions"): staff pick clients and create an e-mail campaign with {nombre}, see who
it reaches and its preview, launch it, find it with its delivery figures on the campaigns page and
read the mails in the mail catcher with each name filled in; an SMS too long for three parts is
refused in the dialog (and by the API, field by field), a shorter one reaches the client with a
mobile and skips the one without; the selection exports to a real .xlsx. axe-core on each state.

Every staff role holds `campaigns:manage` (shared/clientarea_shared/permissions.py), so there is no
staff user without the campaign button to test."""

from __future__ import annotations

import re
import secrets
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login, mail_messages, wait_for_mail_matching

from clientarea_shared import demo
from clientarea_shared.testing import wait_until

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def valid_nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def word() -> str:
    return "".join(secrets.choice("bcdfglmnprstv") + secrets.choice("aeiou") for _ in range(4)).capitalize()


def mobile() -> str:
    return f"6{secrets.randbelow(90_000_000) + 10_000_000}"


@pytest.fixture(scope="module")
def staff_api(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def create_person(api: ApiDevice, first: str, last: str, **fields: Any) -> dict[str, Any]:
    status, client = api.call(
        "POST", "/clients", {"kind": "person", "first_name": first, "last_name": last, "tax_id": valid_nif(), **fields}
    )
    assert status == 201, client
    return client


def filter_list(page: Any, text: str, expected: int) -> None:
    page.goto("/app/clients")
    page.get_by_role("searchbox", name="Buscar clientes").fill(text)
    page.get_by_role("button", name="Aplicar filtros").click()
    expect(page.get_by_test_id("clients-total")).to_have_text(f"{expected} clientes coinciden con los filtros")


def pick(page: Any, *clients: dict[str, Any]) -> None:
    for client in clients:
        page.get_by_role("checkbox", name=f"Seleccionar a {client['display_name']}").check()
    expect(page.get_by_role("status").filter(has_text="seleccionado")).to_have_text(
        f"{len(clients)} clientes seleccionados"
    )


def campaign(api: ApiDevice, name: str) -> dict[str, Any] | None:
    status, listed = api.call("GET", "/campaigns?limit=100")
    assert status == 200, listed
    return next((c for c in listed["items"] if c["name"] == name), None)


def test_staff_send_an_email_campaign_to_two_picked_clients_and_see_it_sent(
    page: Any,
    system: Any,
    staff_api: ApiDevice,
) -> None:
    surname = word()
    emails = {first: f"{first.lower()}.{surname.lower()}@example.com" for first in ("Ana", "Luis")}
    ana = create_person(staff_api, "Ana", f"{surname} Gil", email=emails["Ana"])
    luis = create_person(staff_api, "Luis", f"{surname} Mora", email=emails["Luis"])
    create_person(staff_api, "Marta", f"{surname} Sanz", email=f"marta.{surname.lower()}@example.com")
    name = f"Renovaciones {surname}"

    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    filter_list(page, surname.lower(), 3)
    pick(page, ana, luis)
    page.get_by_role("button", name="Crear campaña").click()
    dialog = page.get_by_role("dialog", name="Nueva campaña")
    expect(dialog).to_contain_text("Para 2 clientes.")
    dialog.get_by_label("Nombre de la campaña").fill(name)
    dialog.get_by_label("Asunto").fill("Su renovación, {nombre}")
    dialog.get_by_label("Mensaje").fill("Hola {nombre}: su póliza se renueva el mes que viene.")
    expect(dialog.get_by_test_id("campaign-counter")).to_contain_text("de 10.000 caracteres")
    assert_accessible(page, "the campaign dialog")

    dialog.get_by_role("button", name="Crear borrador").click()
    created = dialog.get_by_test_id("campaign-created")
    expect(created.get_by_role("status")).to_have_text(
        "Borrador creado. Destinatarios: 2. Sin datos de contacto para este canal: 0."
    )
    # The preview is the first recipient's message (A-Z): Ana's, with her name filled in.
    preview = created.get_by_role("region", name=re.compile("Vista previa para"))
    expect(preview.get_by_role("heading")).to_have_text(f"Vista previa para {ana['display_name']} ({emails['Ana']})")
    expect(preview).to_contain_text(f"Su renovación, {ana['display_name']}")
    expect(preview).to_contain_text(f"Hola {ana['display_name']}: su póliza se renueva")
    assert_accessible(page, "the campaign draft")

    dialog.get_by_role("button", name="Lanzar campaña").click()
    expect(dialog).to_contain_text("Se enviará a 2 clientes (0 no la recibirán).")
    dialog.get_by_role("button", name="Sí, lanzarla").click()
    expect(dialog.get_by_role("status")).to_contain_text("Campaña lanzada: se está enviando a 2 clientes.")

    # notification's worker sends one mail per client, the name filled in for each.
    for first, client in (("Ana", ana), ("Luis", luis)):
        wait_for_mail_matching(system, emails[first], re.escape(f"Hola {client['display_name']}: su póliza"))
    sent_to = {to for m in mail_messages(system) for to in m["to"]}
    assert f"marta.{surname.lower()}@example.com" not in sent_to  # not picked
    assert any(m["subject"] == f"Su renovación, {luis['display_name']}" for m in mail_messages(system))
    wait_until(
        lambda: ((campaign(staff_api, name) or {}).get("stats") or {}).get("sent") == 2,
        30,
        "notification to count both mails sent",
    )

    dialog.get_by_role("link", name="Ver las campañas").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Campañas")
    row = page.get_by_test_id("campaigns-table").get_by_role("row").filter(has_text=name)
    expect(row.locator("td[data-label='Canal']")).to_have_text("Correo electrónico")
    expect(row.locator("td[data-label='Estado']")).to_have_text("Lanzada")
    expect(row.locator("td[data-label='Destinatarios']")).to_have_text("2")
    expect(row.locator("td[data-label='Sin contacto']")).to_have_text("0")
    expect(row.locator("td[data-label='Enviados']")).to_have_text("2")
    expect(row.locator("td[data-label='Fallidos']")).to_have_text("0")
    expect(row.locator("td[data-label='En cola']")).to_have_text("0")
    assert_accessible(page, "the campaigns page")


def test_an_sms_too_long_is_refused_in_the_dialog_and_a_short_one_skips_the_client_without_a_mobile(
    page: Any,
    system: Any,
    staff_api: ApiDevice,
) -> None:
    surname = word()
    number = mobile()
    with_mobile = create_person(staff_api, "Pau", f"{surname} Vidal", phones=[{"label": "mobile", "number": number}])
    without = create_person(staff_api, "Rosa", f"{surname} Pons")
    name = f"Aviso SMS {surname}"
    too_long = "Hola {nombre}. " + "Le recordamos que su recibo vence pronto. " * 12  # > 3 parts of 153

    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    filter_list(page, surname.lower(), 2)
    pick(page, with_mobile, without)
    page.get_by_role("button", name="Crear campaña").click()
    dialog = page.get_by_role("dialog", name="Nueva campaña")
    dialog.get_by_role("radio", name="SMS").check()
    expect(dialog.get_by_label("Asunto")).to_have_count(0)  # no subject off e-mail
    dialog.get_by_label("Nombre de la campaña").fill(name)
    body = dialog.get_by_label("Mensaje")
    body.fill(too_long)
    counter = dialog.get_by_test_id("campaign-counter")
    expect(counter).to_contain_text(re.compile(r"· [4-9] SMS \(máximo 3\) · demasiado largo"))

    # Refused before reaching crm: the counter's figures beside the field, the focus on it.
    dialog.get_by_role("button", name="Crear borrador").click()
    error = dialog.locator("#campaign-body-error")
    expect(error).to_contain_text("El mensaje es demasiado largo para este canal.")
    expect(error).to_contain_text("SMS (máximo 3)")
    expect(body).to_have_attribute("aria-invalid", "true")
    expect(body).to_be_focused()
    assert_accessible(page, "the campaign dialog with an SMS too long")
    assert campaign(staff_api, name) is None

    # crm refuses the same text on its own, on the body field, nothing written.
    status, problem = staff_api.call(
        "POST",
        "/campaigns",
        {
            "name": name,
            "channel": "sms",
            "body": too_long,
            "selection": {"client_ids": [with_mobile["id"], without["id"]]},
        },
    )
    assert status == 422, problem
    assert [(e["field"], e["code"]) for e in problem["errors"]] == [("body", "too_long")]
    assert campaign(staff_api, name) is None

    # Shortened, it is a draft for the client with a mobile; the other one is listed as skipped.
    body.fill("Hola {nombre}, su recibo vence pronto.")
    expect(counter).not_to_contain_text("demasiado largo")
    dialog.get_by_role("button", name="Crear borrador").click()
    created = dialog.get_by_test_id("campaign-created")
    expect(created.get_by_role("status")).to_have_text(
        "Borrador creado. Destinatarios: 1. Sin datos de contacto para este canal: 1."
    )
    created.get_by_text("Clientes que no la recibirán (1)").click()
    expect(created.get_by_role("listitem")).to_have_text(f"{without['display_name']}: sin móvil")
    expect(created.get_by_role("region", name=re.compile("Vista previa para"))).to_contain_text(
        f"Hola {with_mobile['display_name']}, su recibo vence pronto."
    )
    dialog.get_by_role("button", name="Lanzar campaña").click()
    dialog.get_by_role("button", name="Sí, lanzarla").click()
    expect(dialog.get_by_role("status")).to_contain_text("se está enviando a 1 clientes")

    # The mail catcher is also `make run`'s SMS provider: the text arrives for that mobile.
    sms = wait_until(
        lambda: next(
            (m for m in mail_messages(system) if m.get("channel") == "sms" and m["to"] == [f"+34{number}"]), None
        ),
        30,
        "the SMS",
    )
    assert sms["text"] == f"Hola {with_mobile['display_name']}, su recibo vence pronto."


def test_staff_export_the_picked_clients_to_a_real_xlsx(page: Any, staff_api: ApiDevice) -> None:
    surname = word()
    ana = create_person(staff_api, "Ana", f"{surname} Gil", email=f"ana.{surname.lower()}@example.com")
    luis = create_person(staff_api, "Luis", f"{surname} Mora")
    marta = create_person(staff_api, "Marta", f"{surname} Sanz")

    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    filter_list(page, surname.lower(), 3)
    pick(page, ana, marta)
    with page.expect_download() as download:
        page.get_by_role("button", name="Exportar a Excel").click()
    expect(page.get_by_role("status").filter(has_text="Archivo descargado")).to_have_text(
        "Archivo descargado (2 clientes)."
    )
    assert re.fullmatch(r"clientes-\d{4}-\d{2}-\d{2}\.xlsx", download.value.suggested_filename)
    assert_accessible(page, "the client list after an export")

    sheet = load_workbook(BytesIO(Path(download.value.path()).read_bytes()), read_only=True).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:4] == ["Tipo", "Nombre", "NIF/CIF", "Email"]
    exported = {r[1]: r for r in rows[1:]}
    assert set(exported) == {ana["display_name"], marta["display_name"]}  # not Luis: not picked
    assert exported[ana["display_name"]][:4] == ["Persona", ana["display_name"], ana["tax_id"], ana["email"]]
    assert luis["display_name"] not in exported
