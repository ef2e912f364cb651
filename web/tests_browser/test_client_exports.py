"""Staff's "Mis exportaciones" in a real browser against the running platform (issue 4, "Export"):
an export started in the background (crm's real worker writes it) shows up on the page, turns
ready by itself, downloads as a real .xlsx, and its requester finds the in-app notice that links
to the page. axe-core on each state."""

from __future__ import annotations

import re
import secrets
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
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


def create_person(api: ApiDevice, first: str, last: str) -> dict[str, Any]:
    status, client = api.call("POST", "/clients", {"kind": "person", "first_name": first, "last_name": last,
                                                    "tax_id": valid_nif()})
    assert status == 201, client
    return client


def test_a_background_export_is_listed_becomes_ready_downloads_and_is_announced(page: Any,
                                                                                  staff_api: ApiDevice) -> None:
    surname = word()
    picked = [create_person(staff_api, first, f"{surname} Gil") for first in ("Ana", "Luis")]
    status, job = staff_api.call("POST", "/client-exports", {"client_ids": [c["id"] for c in picked]})
    assert status == 202, job

    login(page, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)
    page.goto("/app/clients/exports")
    expect(page.get_by_role("heading", level=1)).to_have_text("Mis exportaciones")
    row = page.get_by_test_id("export-row").first  # newest first: the one just started
    # The page asks again on its own until crm's worker has written the file.
    expect(row.locator("td[data-label='Estado']")).to_have_text("Lista", timeout=30_000)
    expect(row.locator("td[data-label='Clientes']")).to_have_text("2")
    expect(row.locator("td[data-label='Disponible hasta']")).not_to_have_text("—")
    expect(page.get_by_role("status").filter(has_text="exportaciones en curso")).to_have_count(0)
    assert_accessible(page, "the exports page")

    with page.expect_download() as download:
        row.get_by_role("link", name=re.compile(r"^Descargar la exportación del ")).click()
    assert re.fullmatch(r"clientes-\d{4}-\d{2}-\d{2}\.xlsx", download.value.suggested_filename)
    sheet = load_workbook(BytesIO(Path(download.value.path()).read_bytes()), read_only=True).active
    rows = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert rows[0][:2] == ["Tipo", "Nombre"]
    assert sorted(r[1] for r in rows[1:]) == sorted(c["display_name"] for c in picked)

    # notification told the requester in the app, with the way back to this page.
    page.goto("/app/notifications")
    notice = page.get_by_test_id("notices").get_by_role("article").filter(
        has_text="Su exportación de clientes está lista").first
    expect(notice).to_contain_text("La exportación de 2 clientes")
    expect(notice).to_contain_text("/app/clients/exports")
    assert_accessible(page, "the notices page with the export's notice")
