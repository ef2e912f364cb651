"""Support, requests and content in a real browser against the running platform: a customer opens a
ticket with a file, an agent answers it from the inbox, the customer reads the answer (and gets an
e-mail); the agent publishes a support material and the customer downloads it; the feedback box
works from any page and the agent reads it. axe-core on each page."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import ApiDevice, assert_accessible, login, new_context, wait_for_mail_matching

from clientarea_shared import demo

pytestmark = pytest.mark.browser

NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
PASSWORD = "Tres-Cigrons-Verds-2026"  # noqa: S105 - a test login
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


@pytest.fixture(scope="module")
def agent_api(system: Any) -> ApiDevice:
    agent = ApiDevice(system)
    agent.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    return agent


def new_customer(agent: ApiDevice) -> tuple[str, str]:
    """A new client of the demo firm with a login whose password staff typed: (user name, e-mail)."""
    number = secrets.randbelow(89_999_999) + 10_000_000
    email = f"soporte{secrets.token_hex(4)}@example.test"
    status, client = agent.call("POST", "/clients", {
        "kind": "person", "first_name": "Laia", "last_name": "Serra Vidal", "email": email,
        "tax_id": f"{number}{NIF_LETTERS[number % 23]}"})
    assert status == 201, client
    status, user = agent.call("POST", f"/clients/{client['id']}/portal-user", {"password": PASSWORD})
    assert status == 201, user
    return user["username"], email


@pytest.fixture
def agent_page(browser: Any, system: Any) -> Any:
    context = new_context(browser, system)
    page = context.new_page()
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    yield page
    context.close()


def test_a_customer_opens_a_ticket_with_a_file_the_agent_answers_and_the_customer_reads_it(
        page: Any, agent_page: Any, system: Any, agent_api: ApiDevice, tmp_path: Path):
    username, email = new_customer(agent_api)
    subject = f"Recargo en la factura {secrets.token_hex(3)}"
    invoice = tmp_path / "factura octubre.pdf"
    invoice.write_bytes(PDF)

    login(page, username, PASSWORD)
    page.get_by_role("navigation", name="Navegación principal").get_by_role("link", name="Soporte").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Soporte")
    page.get_by_role("link", name="Nueva solicitud").click()
    page.get_by_label("Tipo de solicitud").select_option("question")
    page.get_by_label("Asunto").fill(subject)
    page.get_by_label("Descripción").fill("En la factura de octubre aparece un recargo que no entiendo.")
    page.get_by_label("Archivos adjuntos").set_input_files(str(invoice))
    expect(page.get_by_text("factura octubre.pdf (")).to_be_visible()
    assert_accessible(page, "the new ticket form")
    page.get_by_role("button", name="Enviar solicitud").click()
    expect(page.get_by_text("Hemos recibido su solicitud")).to_be_visible()
    ticket_url = page.url
    expect(page.get_by_role("link", name="factura octubre.pdf")).to_be_visible()
    assert_accessible(page, "the customer's ticket")

    # The agent finds it among the unassigned tickets and answers.
    agent_page.goto("/app/support?status=active&assigned=none")
    agent_page.get_by_role("link", name=subject, exact=False).click()
    expect(agent_page.get_by_role("heading", level=1)).to_contain_text(subject)
    with agent_page.expect_download() as download:
        agent_page.get_by_role("link", name="factura octubre.pdf").click()
    assert Path(download.value.path()).read_bytes() == PDF
    agent_page.get_by_label("Mensaje").fill("Es el recargo por pago fuera de plazo de septiembre.")
    agent_page.get_by_role("button", name="Enviar respuesta").click()
    expect(agent_page.get_by_text("Es el recargo por pago fuera de plazo")).to_be_visible()
    expect(agent_page.get_by_label("Estado")).to_have_value("awaiting_customer")
    assert_accessible(agent_page, "the agent's ticket")

    # The customer is told by e-mail, and reads the answer in the portal.
    number = ticket_url.rsplit("/", 1)[-1]
    wait_for_mail_matching(system, email, rf"/app/support/tickets/{number}")
    page.reload()
    conversation = page.get_by_test_id("conversation")
    expect(conversation.get_by_text("Es el recargo por pago fuera de plazo de septiembre.")).to_be_visible()
    expect(page.get_by_text("Pendiente de su respuesta").first).to_be_visible()


def test_a_review_request_starts_from_the_dashboard(page: Any, agent_api: ApiDevice):
    username, _ = new_customer(agent_api)
    login(page, username, PASSWORD)
    page.get_by_role("link", name="Solicite una revisión").first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Solicitar una revisión")
    page.get_by_label("Asunto").fill("Falta el expediente de Construcciones Norte")
    page.get_by_label("Descripción").fill("Lo enviamos en noviembre.")
    page.get_by_role("button", name="Solicitar la revisión").click()
    expect(page.get_by_text("Solicitud de revisión").first).to_be_visible()


def test_the_agent_publishes_a_material_and_the_customer_downloads_it(
        page: Any, agent_page: Any, agent_api: ApiDevice, tmp_path: Path):
    title = f"Guía de pagos {secrets.token_hex(3)}"
    guide = tmp_path / "guia-pagos.pdf"
    guide.write_bytes(PDF)
    agent_page.get_by_role("link", name="Contenidos").click()
    agent_page.get_by_role("button", name="Materiales de apoyo").click()
    form = agent_page.get_by_test_id("materials-form")
    form.get_by_label("Título").fill(title)
    form.get_by_label("Descripción").fill("Cómo pagar sus facturas.")
    form.get_by_label("Categoría").fill("Pagos")
    form.get_by_label("Archivo").set_input_files(str(guide))
    assert_accessible(agent_page, "the content editor")
    form.get_by_role("button", name="Guardar").click()
    expect(agent_page.get_by_text("Guardado.")).to_be_visible()
    expect(agent_page.get_by_test_id("materials-items").get_by_text(title)).to_be_visible()

    username, _ = new_customer(agent_api)
    login(page, username, PASSWORD)
    page.get_by_role("link", name="Materiales de apoyo").click()
    expect(page.get_by_role("heading", name=title)).to_be_visible()
    assert_accessible(page, "the support materials")
    with page.expect_download() as download:
        page.get_by_role("link", name="Descargar guia-pagos.pdf").click()
    assert download.value.suggested_filename == "guia-pagos.pdf"
    assert Path(download.value.path()).read_bytes() == PDF


def test_the_feedback_box_works_from_any_page_and_staff_read_it(page: Any, agent_page: Any, agent_api: ApiDevice):
    comment = f"Muy fácil de usar {secrets.token_hex(3)}"
    login(page, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
    page.goto("/app/news")
    page.get_by_role("button", name="Opinión").click()
    dialog = page.get_by_role("dialog", name="Danos tu opinión")
    dialog.get_by_role("button", name="Enviar opinión").click()
    expect(dialog.get_by_text("Elija una valoración de 1 a 5.")).to_be_visible()
    dialog.get_by_label("4 de 5").check()
    dialog.get_by_label("Comentario").fill(comment)
    assert_accessible(page, "the feedback dialog")
    dialog.get_by_role("button", name="Enviar opinión").click()
    expect(dialog.get_by_text("¡Gracias por su opinión!")).to_be_visible()
    dialog.get_by_role("button", name="Cerrar").click()
    expect(page.get_by_role("dialog")).to_have_count(0)

    agent_page.get_by_role("link", name="Opiniones").click()
    entry = agent_page.get_by_test_id("feedback-list").get_by_role("listitem").filter(has_text=comment)
    expect(entry).to_contain_text("/app/news")
    expect(agent_page.get_by_test_id("feedback-summary")).to_contain_text("Valoración media")
    assert_accessible(agent_page, "the feedback list")
