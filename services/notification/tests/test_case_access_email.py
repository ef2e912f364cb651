"""The quick-access e-mail (collections.case_access_key_issued): the process number and the access
key in the client's language, a link that fills in the firm and number but never carries the key,
and the key in no log line."""

from __future__ import annotations

import logging
import re
import secrets
import uuid

import pytest

from clientarea.collections.v1 import collections_pb2
from clientarea_shared import demo
from clientarea_shared.events import record_event
from clientarea_shared.testing import wait_until
from notification_service import domain

from .test_identity_messages import assert_not_logged

VALUES = {"display_name": "Maria Soler", "tenant_name": "Demo Seguros y Recobros", "number": "EXP-2026-00042",
          "access_key": "K7QF-3M9P-XA", "quick_access_url": "http://portal.test/quick-access?tenant=demo&process=x"}


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
@pytest.mark.parametrize("reason", ["opened", "renewed"])
def test_the_case_access_email_renders_in_every_language(locale, reason):
    message = domain.render("case_access", locale, reason=reason, **VALUES)
    for part in (message.text, message.html):
        assert "EXP-2026-00042" in part and "K7QF-3M9P-XA" in part and "{{" not in part
    assert "EXP-2026-00042" in message.subject and "K7QF" not in message.subject
    assert ("Demo Seguros y Recobros" in message.subject) == (reason == "opened")


@pytest.mark.integration
def test_the_key_arrives_in_the_clients_language_and_is_never_logged(platform, mailbox, worker, caplog):
    caplog.set_level(logging.DEBUG)
    email, key = f"proces.{uuid.uuid4().hex[:10]}@correo.test", "".join(secrets.choice("ABCDEFGH") for _ in range(10))
    collections = platform.services["collections"].runtime
    with collections.db.session() as session:
        record_event(session, collections.spec.plumbing, source="collections", tenant_id=demo.TENANT_ID,
                     event_type="collections.case_access_key_issued", payload=collections_pb2.CaseAccessKeyIssued(
                         case_id="c1", client_id="k1", number="EXP-2026-00777", access_key=key, reason="opened",
                         email=email, display_name="Jordi Vidal", locale="ca", tenant_slug="demo",
                         tenant_name="Demo Seguros y Recobros"))
    mail = mailbox.wait_for(email)
    assert mail["subject"] == "Demo Seguros y Recobros ha obert el seu procés EXP-2026-00777"
    assert key in mail["text"] and "Número de procés: EXP-2026-00777" in mail["text"]
    link = re.search(r"http\S+/quick-access\?\S+", mail["text"]).group(0)
    assert link.endswith("/quick-access?tenant=demo&process=EXP-2026-00777") and key not in link
    wait_until(lambda: "sent to " + domain.mask_recipient(email) in caplog.text, 10, "the sent delivery's log line")
    assert_not_logged(caplog, domain.mask_recipient(email), key, email)
