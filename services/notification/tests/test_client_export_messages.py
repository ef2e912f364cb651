"""The in-app notice of a finished background client export (crm.client_export_ready), in every
language: how many clients, the file, until when it can be downloaded and the link to the
requester's exports page."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from notification_service import domain

TEMPLATES = Path(domain.__file__).parent / "templates"
EXPORTS_URL = "http://portal.test/app/clients/exports"
EXPIRES = {"es": "26 de noviembre de 2026", "ca": "26 de novembre del 2026", "en": "November 26, 2026",
           "pt": "26 de novembro de 2026"}
COUNT = {"es": "100.000", "ca": "100.000", "en": "100,000", "pt": "100\N{NO-BREAK SPACE}000"}

pytestmark = pytest.mark.unit


def render(locale: str, rows: int) -> domain.RenderedMessage:
    expires = domain.format_moment(datetime(2026, 11, 26, 9, 30, tzinfo=UTC), locale)
    return domain.render("client_export_ready", locale, display_name="", rows=rows,
                         rows_text=domain.format_count(rows, locale), file_name="clientes-2026-11-23.xlsx",
                         expires=expires, exports_url=EXPORTS_URL)


@pytest.mark.parametrize("locale", domain.LOCALES)
def test_the_ready_notice_says_how_many_clients_until_when_and_links_to_the_exports_page(locale):
    for extension in ("subject", "txt", "html"):
        assert (TEMPLATES / locale / f"client_export_ready.{extension}").is_file()
    message = render(locale, 100_000)
    assert message.subject and "\n" not in message.subject
    notice = domain.paragraphs(message.text, slice(1, None))  # what the in-app notice shows
    assert COUNT[locale] in notice.replace("\N{NARROW NO-BREAK SPACE}", "\N{NO-BREAK SPACE}")
    for value in ("clientes-2026-11-23.xlsx", EXPIRES[locale], "10:30", EXPORTS_URL):  # Madrid time
        assert value in notice
    assert not notice.startswith(("Hola", "Hello", "Olá"))  # the greeting is left out
    assert f'<html lang="{locale}">' in message.html and f'href="{EXPORTS_URL}"' in message.html


@pytest.mark.parametrize(("locale", "one", "many"), [
    ("es", "1 cliente ", "2 clientes "), ("ca", "1 client ", "2 clients "), ("en", "1 client ", "2 clients "),
    ("pt", "1 cliente ", "2 clientes ")])
def test_one_client_is_singular(locale, one, many):
    assert one in render(locale, 1).text and many in render(locale, 2).text
