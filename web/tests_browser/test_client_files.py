"""The client's files in a real browser against the running platform (issue 4, seed 002 "Archivos"):
staff upload a PDF in the client page's Files tab, see it in the list and in the history tab; a
refused file shows its error on the file field; the customer finds it in "Mis documentos" and
downloads the same bytes. axe-core on each new page and state."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import assert_accessible, login, new_context

from clientarea_shared import demo

pytestmark = pytest.mark.browser
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40


def test_staff_upload_a_pdf_and_the_customer_downloads_it(page: Any, browser: Any, system: Any,
                                                          tmp_path: Path) -> None:
    name = f"Cuentas anuales {secrets.token_hex(3)}"
    statements = tmp_path / "cuentas-2025.pdf"
    statements.write_bytes(PDF)
    disguised = tmp_path / "foto.pdf"
    disguised.write_bytes(PNG)
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto(f"/app/clients/{demo.CLIENT_ID}?tab=files")
    panel = page.get_by_role("tabpanel")

    # A PNG named .pdf is refused on the file field, nothing listed.
    panel.get_by_label("Archivo", exact=True).set_input_files(str(disguised))
    panel.get_by_role("button", name="Subir archivo").click()
    expect(panel.locator("#client-file-file-error")).to_contain_text("no corresponde a la extensión")
    assert_accessible(page, "the files tab with a refused file")

    panel.get_by_label("Archivo", exact=True).set_input_files(str(statements))
    panel.get_by_label("Nombre", exact=True).fill(name)
    panel.get_by_label("Tipo de documento").select_option(label="Estados financieros")
    panel.get_by_role("button", name="Subir archivo").click()
    expect(page.get_by_text("Archivo guardado.")).to_be_visible()
    row = page.get_by_test_id("client-files-table").get_by_role("row").filter(has_text=name)
    expect(row).to_contain_text("Estados financieros")
    expect(row).to_contain_text("Marta Agente")
    assert_accessible(page, "the files tab with a file")

    page.get_by_role("tab", name="Historial de cambios").click()
    expect(page.get_by_role("tabpanel")).to_contain_text(f"Archivo subido: {name}")

    customer = new_context(browser, system)
    try:
        tab = customer.new_page()
        login(tab, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
        tab.get_by_role("link", name="Mis documentos").click()
        expect(tab.get_by_role("heading", level=1)).to_have_text("Mis documentos")
        mine = tab.get_by_test_id("client-files-table").get_by_role("row").filter(has_text=name)
        expect(mine).to_contain_text("Estados financieros")
        # The firm's file: the customer downloads it but cannot delete it.
        expect(mine.get_by_role("button", name=f"Eliminar {name}")).to_have_count(0)
        assert_accessible(tab, "the customer's documents")
        with tab.expect_download() as download:
            mine.get_by_role("link", name=f"Descargar {name}").click()
        assert download.value.suggested_filename == f"{name}.pdf"
        assert Path(download.value.path()).read_bytes() == PDF
    finally:
        customer.close()


def upload(panel: Any, path: Path, name: str, kind: str) -> None:
    panel.get_by_label("Archivo", exact=True).set_input_files(str(path))
    panel.get_by_label("Nombre", exact=True).fill(name)
    panel.get_by_label("Tipo de documento").select_option(label=kind)
    panel.get_by_role("button", name="Subir archivo").click()
    expect(panel.get_by_test_id("client-files-table").get_by_role("row").filter(has_text=name)).to_be_visible()


def test_staff_hide_a_file_from_the_customer_and_rename_it_in_the_history(
    page: Any, browser: Any, system: Any, tmp_path: Path,
) -> None:
    tag = secrets.token_hex(3)
    hidden, shared, renamed = f"Formulario PBC {tag}", f"Contrato firmado {tag}", f"Formulario PBC revisado {tag}"
    pdf = tmp_path / "formulario.pdf"
    pdf.write_bytes(PDF)
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto(f"/app/clients/{demo.CLIENT_ID}?tab=files")
    panel = page.get_by_role("tabpanel")
    upload(panel, pdf, hidden, "Formulario de prevención del blanqueo")
    upload(panel, pdf, shared, "Contrato")  # stays shared: the customer's list is loaded when it shows
    table = page.get_by_test_id("client-files-table")

    # Hide it: the dialog opens on the name, saving marks the row internal.
    panel.get_by_role("button", name=f"Editar {hidden}").click()
    dialog = page.get_by_role("dialog", name=f"Editar el archivo «{hidden}»")
    expect(dialog.get_by_label("Nombre", exact=True)).to_be_focused()
    expect(dialog.get_by_label("Tipo de documento")).to_have_value("aml_form")
    assert_accessible(page, "the file's edit dialog")
    dialog.get_by_label("Visible para el cliente").uncheck()
    dialog.get_by_role("button", name="Guardar cambios").click()
    expect(dialog).to_have_count(0)
    expect(page.get_by_text(f"Cambios guardados en «{hidden}».")).to_be_visible()
    expect(table.get_by_role("row").filter(has_text=hidden)).to_contain_text("Interno")
    expect(panel.get_by_role("button", name=f"Editar {hidden}")).to_be_focused()

    customer = new_context(browser, system)
    try:
        tab = customer.new_page()
        login(tab, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)
        tab.get_by_role("link", name="Mis documentos").click()
        mine = tab.get_by_test_id("client-files-table")
        expect(mine.get_by_role("row").filter(has_text=shared)).to_be_visible()
        expect(mine.get_by_role("row").filter(has_text=hidden)).to_have_count(0)
    finally:
        customer.close()

    # Rename it: a name with a folder in it is refused beside the field, then a good one is kept.
    panel.get_by_role("button", name=f"Editar {hidden}").click()
    dialog = page.get_by_role("dialog", name=f"Editar el archivo «{hidden}»")
    name_box = dialog.get_by_label("Nombre", exact=True)
    name_box.fill("../secreto")
    dialog.get_by_role("button", name="Guardar cambios").click()
    expect(dialog.locator("#client-file-edit-name-error")).to_contain_text("no puede contener carpetas")
    expect(name_box).to_have_attribute("aria-invalid", "true")
    expect(dialog.get_by_role("alert")).to_be_focused()
    assert_accessible(page, "the file's edit dialog with a refused name")
    name_box.fill(renamed)
    dialog.get_by_label("Tipo de documento").select_option(label="Otro")
    dialog.get_by_role("button", name="Guardar cambios").click()
    row = table.get_by_role("row").filter(has_text=renamed)
    expect(row).to_contain_text("Otro")
    expect(table.get_by_role("row").filter(has_text=hidden)).to_have_count(0)

    page.get_by_role("tab", name="Historial de cambios").click()
    history = page.get_by_role("tabpanel")
    rename = history.get_by_role("table", name=f"Cambios: Archivo modificado: {renamed}")
    name_row = rename.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Nombre", exact=True))
    expect(name_row.get_by_role("cell")).to_have_text([hidden, renamed])
    hide = history.get_by_role("table", name=f"Cambios: Archivo modificado: {hidden}")
    expect(hide.get_by_role("row").filter(has=page.get_by_role("rowheader", name="Visibilidad")).get_by_role("cell")
           ).to_have_text(["Visible para el cliente", "Interno"])
    assert_accessible(page, "the history with the file's changes")
