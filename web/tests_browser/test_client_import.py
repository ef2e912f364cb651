"""Importing clients in a real browser against the running platform (issue 4, seed 002): staff
upload a CSV with one bad row, see its problem in the preview, cannot import everything, import
the valid rows and read the report; the new client is in the list. axe-core on each state."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import expect
from web_support import assert_accessible, login

from clientarea_shared import demo

pytestmark = pytest.mark.browser
NIF_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"


def nif() -> str:
    number = secrets.randbelow(89_999_999) + 10_000_000
    return f"{number}{NIF_LETTERS[number % 23]}"


def test_staff_import_the_valid_rows_of_a_csv_after_seeing_the_bad_one(page: Any, tmp_path: Path) -> None:
    surname = "Importado" + "".join(secrets.choice("bcdfglmnprst") + secrets.choice("aeiou") for _ in range(3))
    csv = tmp_path / "clientes.csv"
    csv.write_text("\n".join(["Nombre;Apellidos;NIF/CIF;Teléfono",
                              f"Lucía;{surname};{nif()};612345678",
                              f"Pau;{surname};12345678A;612345679"]) + "\n", encoding="utf-8-sig")
    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients/import")
    expect(page.get_by_role("heading", level=1)).to_have_text("Importar clientes")
    assert_accessible(page, "the import page")

    page.get_by_label("Archivo de clientes").set_input_files(str(csv))
    page.get_by_role("button", name="Revisar el archivo").click()
    expect(page.get_by_test_id("import-counts")).to_have_text("2 filas: 1 válidas, 1 con errores.")
    bad_row = page.get_by_test_id("import-preview").locator("tr[data-valid='false']")
    expect(bad_row).to_contain_text("12345678A")
    expect(bad_row).to_contain_text("NIF/CIF")
    expect(page.get_by_role("button", name="Importar todo")).to_be_disabled()
    assert_accessible(page, "the import's preview")

    page.get_by_role("button", name="Importar solo las válidas (1)").click()
    report = page.get_by_test_id("import-report")
    expect(report).to_contain_text("Clientes creados: 1.")
    expect(report).to_contain_text("Fila 3:")
    assert_accessible(page, "the import's report")

    page.goto(f"/app/clients?q={surname}")
    expect(page.get_by_role("link", name=f"Lucía {surname}")).to_be_visible()
