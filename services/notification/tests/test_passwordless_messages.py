"""The messages of the login by e-mailed code and of passkeys, in the four languages: the login
code's e-mail (`identity.login_code_issued`) and the security alerts `passkey_added` and
`passkey_removed` of `identity.credentials_changed` (the gateway's tests see them delivered)."""

from __future__ import annotations

from pathlib import Path

import pytest

from notification_service import domain

TEMPLATES = Path(domain.__file__).parent / "templates"
ALERT = {"display_name": "Maria Soler", "when": "ahir", "device": "Firefox", "source_address": "203.0.113.9",
         "login_url": "http://portal.test/login"}
PASSKEY_WORDS = {"es": "llave de acceso", "ca": "clau d'accés", "en": "passkey", "pt": "chave de acesso"}


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_the_login_code_email_exists_and_renders_in_every_language(locale):
    for extension in ("subject", "txt", "html"):
        assert (TEMPLATES / locale / f"login_code.{extension}").is_file()
    validity = domain.format_minutes(10, locale)
    message = domain.render("login_code", locale, display_name="Maria Soler", code="042917", validity=validity)
    assert message.subject and "\n" not in message.subject
    for body in (message.text, message.html):
        assert "042917" in body and "Maria Soler" in body and validity in body
    assert f'<html lang="{locale}">' in message.html
    # Not the registration's e-mail: another subject and other words.
    registration = domain.render("registration_code", locale, display_name="Maria Soler", code="042917",
                                 validity=validity)
    assert registration.subject != message.subject


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_passkey_changes_have_their_own_subject_and_words(locale):
    general = domain.render("credentials_changed", locale, **ALERT, change="something_new")
    added = domain.render("credentials_changed", locale, **ALERT, change="passkey_added")
    removed = domain.render("credentials_changed", locale, **ALERT, change="passkey_removed")
    changed = domain.render("credentials_changed", locale, **ALERT, change="password_changed")
    assert len({general.subject, added.subject, removed.subject}) == 3
    for message in (added, removed):
        assert PASSKEY_WORDS[locale] in message.subject.lower()
        assert PASSKEY_WORDS[locale] in domain.paragraphs(message.text, slice(1, 2)).lower()
        for value in ALERT.values():
            assert value in message.text
    # Someone else adding a passkey can get in: its own advice names the security page.
    advice = {name: domain.paragraphs(m.text, slice(-1, None)) for name, m in
              (("added", added), ("removed", removed), ("changed", changed))}
    assert advice["added"] != advice["changed"] and advice["removed"] == advice["changed"]
    assert f'<a href="{ALERT["login_url"]}">{ALERT["login_url"]}</a>' in added.html
