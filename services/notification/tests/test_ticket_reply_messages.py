"""The message of a reply on a support ticket (crm.ticket_reply_posted), in every language and for
both sides: who answered which ticket, and the link to the conversation, never the reply's text."""

from __future__ import annotations

from pathlib import Path

import pytest

from notification_service import domain

TEMPLATES = Path(domain.__file__).parent / "templates"
VALUES = {"display_name": "Lucía Fernández", "author_name": "Marta Agente", "number": 42,
          "subject": "Duda sobre la factura <octubre>", "ticket_url": "http://portal.test/app/support/tickets/t-1"}

pytestmark = pytest.mark.unit


@pytest.mark.parametrize("locale", domain.LOCALES)
@pytest.mark.parametrize("author_side", ["staff", "customer"])
def test_the_reply_message_names_the_ticket_and_links_to_it_in_every_language(locale, author_side):
    for extension in ("subject", "txt", "html"):
        assert (TEMPLATES / locale / f"ticket_reply.{extension}").is_file()
    message = domain.render("ticket_reply", locale, author_side=author_side, **VALUES)
    assert "#42" in message.subject and VALUES["subject"] in message.subject and "\n" not in message.subject
    notice = domain.paragraphs(message.text, slice(1, 2))  # what the in-app notice shows
    assert "Marta Agente" in notice and "#42" in notice
    for value in ("Lucía Fernández", "Marta Agente", VALUES["subject"], VALUES["ticket_url"]):
        assert value in message.text
    assert "Duda sobre la factura &lt;octubre&gt;" in message.html and f'<html lang="{locale}">' in message.html


def test_each_side_reads_its_own_wording():
    to_customer = domain.render("ticket_reply", "es", author_side="staff", **VALUES)
    to_staff = domain.render("ticket_reply", "es", author_side="customer", **VALUES)
    assert "su solicitud" in to_customer.text and "que tiene asignado" in to_staff.text
    assert to_customer.subject != to_staff.subject
