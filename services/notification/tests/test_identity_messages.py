"""Identity's messages, on PostgreSQL and RabbitMQ: each event leaves identity's outbox (as
identity's journeys record it), notification's consumer records a delivery (and, for a
security alert, an in-app notice), and its Celery worker sends the e-mail over SMTP in the
reader's language. Codes and tokens reach the e-mail and never a log line."""

from __future__ import annotations

import base64
import json
import logging
import re
import secrets
import uuid
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest
from google.protobuf.message import Message
from jinja2 import UndefinedError
from prometheus_client import REGISTRY
from sqlalchemy import func, select

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea.notification.v1 import notification_pb2, notification_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.events import record_event
from clientarea_shared.testing import bearer, wait_until
from notification_service import domain
from notification_service.models import Notification

TEMPLATES = Path(domain.__file__).parent / "templates"
IDENTITY_TEMPLATES = ("registration_code", "password_reset", "credentials_changed", "staff_invitation",
                      "email_change")
CHANGES = ("password_changed", "password_reset", "email_changed", "mfa_enabled", "mfa_disabled",
           "new_device_login", "second_factors_reset")
NOW = datetime.now(UTC)


# --- helpers ---------------------------------------------------------------------------------

def new_address(label: str) -> str:
    return f"{label}.{uuid.uuid4().hex[:10]}@correo.test"


def publish_from_identity(platform, event_type: str, payload: Message) -> str:
    """Record the event in identity's own outbox, as its journeys do; identity's relay puts it
    on the bus and notification's consumer takes it from there. Returns the event id."""
    identity = platform.services["identity"].runtime
    with identity.db.session() as session:
        return record_event(session, identity.spec.plumbing, source="identity", tenant_id=demo.TENANT_ID,
                            event_type=event_type, payload=payload)


def user_id_of(access_token: str) -> str:
    claims = access_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))["sub"]


def inbox(platform, token: str) -> list[notification_pb2.Notification]:
    stub = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    return list(stub.ListNotifications(notification_pb2.ListNotificationsRequest(), metadata=bearer(token)).items)


def notices_in_db(platform) -> int:
    with platform.services["notification"].runtime.db.read() as session:
        return session.scalar(select(func.count()).select_from(Notification))


def consumed(event_type: str, outcome: str) -> float:
    return REGISTRY.get_sample_value("clientarea_events_consumed_total",
                                     {"service": "notification", "type": event_type, "outcome": outcome}) or 0.0


def assert_not_logged(caplog: pytest.LogCaptureFixture, masked_recipient: str, *secrets_: str) -> None:
    """The secrets are in no log line of the platform, while the (masked) delivery lines are:
    the capture did see the consumer's and the worker's logs. The test's SMTP server (aiosmtpd,
    logger "mail.log") stands for the outside mail relay, which gets the message by design."""
    lines = [record.getMessage() + "\n" + (record.exc_text or "")
             for record in caplog.records if not record.name.startswith("mail.log")]
    logged = "\n".join(lines)
    assert masked_recipient in logged, "the consumer and the worker log their deliveries (masked)"
    for secret in secrets_:
        assert secret not in logged


# --- templates (no services needed) ------------------------------------------------------------

def values_for(template: str, locale: str) -> dict[str, object]:
    common = {"display_name": "Maria Soler"}
    return {
        "registration_code": {**common, "code": "042917", "validity": domain.format_minutes(15, locale)},
        "password_reset": {**common, "reset_url": "http://portal.test/reset-password?token=abc",
                           "validity": domain.format_minutes(30, locale)},
        "credentials_changed": {**common, "change": "password_changed", "when": "ahir", "device": "Firefox",
                                "source_address": "203.0.113.9", "login_url": "http://portal.test/login"},
        "staff_invitation": {**common, "invited_by": "Alberto Admin", "tenant_name": "Demo Seguros y Recobros",
                             "roles": domain.describe_roles(["admin", "salesperson"], locale),
                             "email": "maria.soler@correo.test",
                             "set_password_url": "http://portal.test/set-password?token=abc",
                             "validity": domain.format_hours(72, locale)},
        "email_change": {**common, "confirm_url": "http://portal.test/confirm-email?token=abc",
                         "validity": domain.format_duration(24 * 60, locale)},
    }[template]


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
@pytest.mark.parametrize("template", IDENTITY_TEMPLATES)
def test_every_identity_template_exists_and_renders_in_every_language(template, locale):
    for extension in ("subject", "txt", "html"):
        assert (TEMPLATES / locale / f"{template}.{extension}").is_file()
    message = domain.render(template, locale, **values_for(template, locale))
    assert message.subject and "\n" not in message.subject
    assert message.text.startswith(("Hola", "Hello", "Olá"))
    assert f'<html lang="{locale}">' in message.html
    for name, value in values_for(template, locale).items():
        if name != "change":  # chooses the wording; every other value shows in both bodies
            assert str(value) in message.text
            assert str(value) in message.html


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
@pytest.mark.parametrize("template", IDENTITY_TEMPLATES)
def test_a_missing_value_fails_to_render_instead_of_sending_a_blank(template, locale):
    values = values_for(template, locale)
    for missing in values:
        with pytest.raises(UndefinedError):
            domain.render(template, locale, **{k: v for k, v in values.items() if k != missing})


@pytest.mark.unit
def test_every_template_is_in_all_four_languages():
    names = {path.name for path in TEMPLATES.glob("*/*")}
    assert {f"{t}.{e}" for t in IDENTITY_TEMPLATES for e in ("subject", "txt", "html")} <= names
    for locale in domain.LOCALES:
        assert {path.name for path in (TEMPLATES / locale).iterdir()} == names


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_each_credentials_change_has_its_own_wording_and_an_unknown_one_a_general_one(locale):
    values = values_for("credentials_changed", locale)
    messages = {change: domain.render("credentials_changed", locale, **{**values, "change": change})
                for change in (*CHANGES, "something_new")}
    assert len({m.subject for m in messages.values()}) == len(CHANGES) + 1
    assert len({domain.paragraphs(m.text, slice(1, 2)) for m in messages.values()}) == len(CHANGES) + 1


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_every_change_identity_sends_has_a_subject_of_its_own_never_the_general_one(locale):
    values = values_for("credentials_changed", locale)
    general = domain.render("credentials_changed", locale, **{**values, "change": "something_new"})
    messages = {change: domain.render("credentials_changed", locale, **{**values, "change": change})
                for change in CHANGES}
    subjects = {change: message.subject for change, message in messages.items()}
    assert len(set(subjects.values())) == len(CHANGES), subjects
    assert general.subject not in subjects.values()
    for change, message in messages.items():
        assert domain.paragraphs(message.text, slice(1, 2)) != domain.paragraphs(general.text, slice(1, 2)), change
        for name in ("when", "device", "source_address", "login_url"):  # every wording keeps the details
            assert str(values[name]) in message.text and str(values[name]) in message.html, (change, name)
        assert f'<a href="{values["login_url"]}">{values["login_url"]}</a>' in message.html, change
    # Two-factor switched off and a new device get their own "if it was not you"; the others, the usual one.
    advice = {change: domain.paragraphs(message.text, slice(-1, None)) for change, message in messages.items()}
    assert len({advice["password_changed"], advice["mfa_disabled"], advice["new_device_login"]}) == 3
    assert advice["password_reset"] == advice["email_changed"] == advice["mfa_enabled"] == advice["password_changed"]


@pytest.mark.unit
@pytest.mark.parametrize(("locale", "roles", "agent"), [
    ("es", "administrador/a, agente y comercial", "agente"),
    ("ca", "administrador/a, agent i comercial", "agent"),
    ("en", "administrator, agent, and salesperson", "agent"),
    ("pt", "administrador(a), agente e comercial", "agente"),
])
def test_staff_roles_are_named_in_the_readers_language(locale, roles, agent):
    assert domain.describe_roles(["admin", "agent", "salesperson"], locale) == roles
    assert domain.describe_roles(["agent", "agent", " "], locale) == agent  # each once, no blanks
    assert domain.describe_roles(["auditor"], locale) == "auditor"  # unknown: identity's name, not nothing
    assert domain.describe_roles([], locale) == ""


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_a_staff_invitation_names_the_roles_in_the_readers_language_and_links_the_password_page(locale):
    values = values_for("staff_invitation", locale)
    message = domain.render("staff_invitation", locale, **values)
    if locale != "en":  # identity's names for the roles are English
        assert "salesperson" not in message.text and "salesperson" not in message.html
    assert values["tenant_name"] in message.subject
    assert f'<a href="{values["set_password_url"]}">{values["set_password_url"]}</a>' in message.html
    # Identity always fills these; without them the message still reads as a sentence.
    bare = domain.render("staff_invitation", locale, **{**values, "display_name": "", "invited_by": "",
                                                        "tenant_name": "", "roles": "", "validity": ""})
    assert bare.subject and "  " not in bare.text and " ." not in bare.text and "()" not in bare.text
    assert bare.text.split("\n")[0] in ("Hola:", "Hello,", "Olá,")


@pytest.mark.unit
@pytest.mark.parametrize(("locale", "minutes", "wording"), [
    ("es", 15, "15 minutos"), ("es", 60, "1 hora"), ("es", 24 * 60, "24 horas"), ("es", 90, "1 hora y 30 minutos"),
    ("ca", 45, "45 minuts"), ("ca", 24 * 60, "24 hores"), ("ca", 150, "2 hores i 30 minuts"),
    ("en", 1, "1 minute"), ("en", 120, "2 hours"), ("en", 61, "1 hour and 1 minute"),
    ("pt", 30, "30 minutos"), ("pt", 24 * 60, "24 horas"), ("pt", 90, "1 hora e 30 minutos"),
])
def test_a_validity_of_an_hour_or_more_is_said_in_hours(locale, minutes, wording):
    assert domain.format_duration(minutes, locale) == wording


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_an_email_change_links_the_confirmation_page_and_reads_well_without_its_optional_values(locale):
    values = values_for("email_change", locale)
    message = domain.render("email_change", locale, **values)
    assert f'<a href="{values["confirm_url"]}">{values["confirm_url"]}</a>' in message.html
    # Identity always fills these; without them the message still reads as a sentence.
    bare = domain.render("email_change", locale, **{**values, "display_name": "", "validity": ""})
    assert "  " not in bare.text and " ." not in bare.text and "()" not in bare.text
    assert bare.text.split("\n")[0] in ("Hola:", "Hello,", "Olá,")


@pytest.mark.unit
def test_times_are_shown_in_madrid_in_the_readers_language():
    winter = domain.parse_instant("2026-03-12T09:15:00Z", fallback=NOW)
    assert domain.format_moment(winter, "es") == "12 de marzo de 2026, 10:15 (hora estándar de Europa central)"
    assert domain.format_moment(winter, "ca") == "12 de març del 2026, 10:15 (Hora estàndard d’Europa central)"
    assert domain.format_moment(winter, "en") == "March 12, 2026, 10:15 AM (Central European Standard Time)"
    summer = domain.parse_instant("2026-07-01T08:05:00+00:00", fallback=NOW)
    assert domain.format_moment(summer, "pt") == "1 de julho de 2026, 10:05 (Hora de verão da Europa Central)"
    assert domain.parse_instant("2026-07-01T08:05:00", fallback=NOW) == summer  # naive means UTC
    assert domain.parse_instant("", fallback=summer) == summer
    assert domain.parse_instant("yesterday", fallback=summer) == summer


@pytest.mark.unit
@pytest.mark.parametrize(("user_agent", "device"), [
    ("Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0", "Firefox · Windows"),
    ("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
     "Version/17.4 Mobile/15E148 Safari/604.1", "Safari · iOS"),
    ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 "
     "Mobile Safari/537.36", "Chrome · Android"),
    ("Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) "
     "Chrome/124.0.0.0 Safari/537.36 Edg/124.0.2478.51", "Edge · macOS"),
    ("curl/8.5.0", "curl/8.5.0"),
    ("", ""),
])
def test_the_device_is_the_user_agent_shortened(user_agent, device):
    assert domain.describe_device(user_agent) == device


@pytest.mark.unit
def test_an_unknown_user_agent_is_cut_short():
    device = domain.describe_device("robot " + "x" * 200)
    assert len(device) <= 60 and device.endswith("…")


# --- the journeys, end to end --------------------------------------------------------------

@pytest.mark.integration
def test_registration_code_arrives_in_catalan_as_a_validation_code_and_is_never_logged(
    platform, mailbox, worker, caplog
):
    caplog.set_level(logging.DEBUG)
    email, code = new_address("registre"), f"{secrets.randbelow(10**6):06d}"
    notices_before = notices_in_db(platform)

    publish_from_identity(platform, "identity.registration_code_issued", identity_pb2.RegistrationCodeIssued(
        email=email, display_name="Montserrat Puig", locale="ca-ES", code=code, valid_minutes=15))

    mail = mailbox.wait_for(email)
    assert mail["to"] == [email]
    assert mail["subject"] == "Codi per validar el seu correu electrònic a l'Àrea Client"
    text = mail["text"]
    assert text.startswith("Hola Montserrat Puig:")
    assert re.search(rf"^\s+{code}\s*$", text, re.MULTILINE)
    assert "vàlid durant 15 minuts" in text
    assert "no una contrasenya" in text
    assert "Si no ha demanat donar-se d'alta, ignori aquest missatge" in text
    # No user exists yet: an e-mail only, no in-app notice.
    assert notices_in_db(platform) == notices_before
    wait_until(lambda: "sent to " + domain.mask_recipient(email) in caplog.text, 10, "the sent delivery's log line")
    assert_not_logged(caplog, domain.mask_recipient(email), code, email)


@pytest.mark.integration
def test_password_reset_link_arrives_in_portuguese_with_the_token_and_is_never_logged(
    platform, mailbox, worker, caplog
):
    caplog.set_level(logging.DEBUG)
    email = new_address("recuperar")
    token = secrets.token_urlsafe(32) + "/+="  # characters a URL must escape, to prove the quoting

    publish_from_identity(platform, "identity.password_reset_requested", identity_pb2.PasswordResetRequested(
        user_id=str(uuid.uuid4()), email=email, display_name="João Ferreira", locale="pt", token=token,
        valid_minutes=30))

    mail = mailbox.wait_for(email)
    assert mail["subject"] == "Repor a palavra-passe da sua Área de Cliente"
    text = mail["text"]
    assert text.startswith("Olá João Ferreira,")
    link = re.search(r"https?://\S+/reset-password\?token=\S+", text).group(0)
    assert link == f"{platform.public_base_url}/reset-password?token={quote(token, safe='')}"
    assert parse_qs(urlparse(link).query)["token"] == [token]
    assert "válida durante 30 minutos e de utilização única" in text
    assert "Se não foi você, ignore esta mensagem: a sua palavra-passe não foi alterada" in text
    wait_until(lambda: "sent to " + domain.mask_recipient(email) in caplog.text, 10, "the sent delivery's log line")
    assert_not_logged(caplog, domain.mask_recipient(email), token, quote(token, safe=""), token[:20], email)


@pytest.mark.integration
def test_an_email_change_link_goes_in_portuguese_to_the_new_address_only_and_is_never_logged(
    platform, mailbox, worker, customer_token, staff_token, caplog
):
    caplog.set_level(logging.DEBUG)
    new_email = new_address("novo")
    token = secrets.token_urlsafe(32) + "/+="  # characters a URL must escape, to prove the quoting
    notices_before = notices_in_db(platform)

    event_id = publish_from_identity(platform, "identity.email_change_requested", identity_pb2.EmailChangeRequested(
        user_id=user_id_of(customer_token), new_email=new_email, display_name="João Ferreira", locale="pt-PT",
        token=token, valid_minutes=24 * 60))

    mail = mailbox.wait_for(new_email)
    assert mail["to"] == [new_email]
    assert mail["subject"] == "Confirme o seu novo endereço de e-mail para a Área de Cliente"
    text = mail["text"]
    assert text.startswith("Olá João Ferreira,")
    for line in ("Pediu para utilizar este endereço de e-mail na sua Área de Cliente. Para o confirmar, abra esta "
                 "ligação (válida durante 24 horas e de utilização única):",
                 "Se não fez este pedido, ignore esta mensagem: nada será alterado"):
        assert line in text
    link = re.search(r"https?://\S+/confirm-email\?token=\S+", text).group(0)
    assert link == f"{platform.public_base_url}/confirm-email?token={quote(token, safe='')}"
    assert parse_qs(urlparse(link).query)["token"] == [token]

    notifications = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    deliveries = notifications.ListDeliveries(notification_pb2.ListDeliveriesRequest(event_id=event_id),
                                              metadata=bearer(staff_token)).items
    assert [(d.channel, d.template, d.recipient) for d in deliveries] == [
        ("email", "email_change", domain.mask_recipient(new_email))]
    # The address is not confirmed yet: an e-mail to it only, no in-app notice for the account.
    assert notices_in_db(platform) == notices_before
    assert all(token not in n.body and new_email not in n.body for n in inbox(platform, customer_token))
    wait_until(lambda: "sent to " + domain.mask_recipient(new_email) in caplog.text, 10,
               "the sent delivery's log line")
    assert_not_logged(caplog, domain.mask_recipient(new_email), token, quote(token, safe=""), token[:20], new_email)


@pytest.mark.integration
@pytest.mark.parametrize(("change", "locale", "subject", "headline", "when"), [
    ("password_changed", "es", "Aviso de seguridad: se ha cambiado su contraseña",
     "Se ha cambiado la contraseña de su Área Cliente.",
     "Cuándo: 12 de marzo de 2026, 10:15 (hora estándar de Europa central)"),
    ("email_changed", "en", "Security alert: your e-mail address has been changed",
     "The e-mail address of your Client Area account has been changed.",
     "When: July 1, 2026, 10:05 AM (Central European Summer Time)"),
])
def test_credentials_change_alerts_by_email_and_in_the_users_inbox_only(
    platform, mailbox, worker, customer_token, staff_token, change, locale, subject, headline, when
):
    email = new_address("alerta")  # for email_changed, the address identity put in the event
    address = f"203.0.113.{secrets.randbelow(250) + 1}"
    occurred_at = "2026-03-12T09:15:00+00:00" if change == "password_changed" else "2026-07-01T08:05:00Z"
    publish_from_identity(platform, "identity.credentials_changed", identity_pb2.CredentialsChanged(
        user_id=user_id_of(customer_token), email=email, display_name="Cliente Demo", locale=locale,
        change=change, source_address=address, occurred_at=occurred_at,
        user_agent="Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0"))

    mail = mailbox.wait_for(email)
    assert mail["to"] == [email]
    assert mail["subject"] == subject
    for line in (headline, when, "Firefox · Windows", address, f"{platform.public_base_url}/login"):
        assert line in mail["text"]
    assert ("póngase en contacto con su entidad" if locale == "es" else "contact your firm") in mail["text"]

    notice = wait_until(lambda: next((n for n in inbox(platform, customer_token) if address in n.body), None),
                        10, "the in-app notice")
    assert notice.title == subject and not notice.read
    assert notice.body.startswith(headline)
    assert when in notice.body and "Firefox · Windows" in notice.body
    assert not notice.body.startswith(("Hola", "Hello"))
    assert all(address not in n.body for n in inbox(platform, staff_token))


@pytest.mark.integration
def test_a_sign_in_from_a_new_device_alerts_in_catalan_with_what_to_do_if_it_was_not_them(
    platform, mailbox, worker, customer_token, staff_token
):
    email, address = new_address("dispositiu"), f"192.0.2.{secrets.randbelow(250) + 1}"
    publish_from_identity(platform, "identity.credentials_changed", identity_pb2.CredentialsChanged(
        user_id=user_id_of(customer_token), email=email, display_name="Cliente Demo", locale="ca-ES",
        change="new_device_login", source_address=address, occurred_at="2026-03-12T09:15:00Z",
        user_agent="Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 "
                   "(KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"))

    subject = "Avís de seguretat: accés des d'un dispositiu nou"
    headline = ("S'ha iniciat sessió a la seva Àrea Client des d'un dispositiu que no s'havia fet servir abans "
                "amb el seu compte.")
    when = "Quan: 12 de març del 2026, 10:15 (Hora estàndard d’Europa central)"
    advice = (f"Si no ha estat vostè, entri a l'Àrea Client, {platform.public_base_url}/login, i a «Seguretat "
              "del compte» canviï la contrasenya i tanqui la sessió als altres dispositius.")
    mail = mailbox.wait_for(email)
    assert mail["to"] == [email]
    assert mail["subject"] == subject
    text = mail["text"]
    assert text.startswith("Hola Cliente Demo:")
    for line in (headline, when, "Dispositiu: Safari · iOS", f"Adreça IP: {address}",
                 "Si ha estat vostè, no cal que faci res més.", advice):
        assert line in text

    notice = wait_until(lambda: next((n for n in inbox(platform, customer_token) if address in n.body), None),
                        10, "the in-app notice")
    assert notice.title == subject and not notice.read
    assert notice.body.startswith(headline)
    assert notice.body.endswith(advice)
    assert when in notice.body and "Safari · iOS" in notice.body
    assert all(address not in n.body for n in inbox(platform, staff_token))


@pytest.mark.integration
def test_a_staff_invitation_arrives_in_catalan_with_a_link_that_is_never_logged_and_no_notice(
    platform, mailbox, worker, staff_token, caplog
):
    caplog.set_level(logging.DEBUG)
    email = new_address("convidada")
    token = secrets.token_urlsafe(32) + "/+="  # characters a URL must escape, to prove the quoting
    notices_before = notices_in_db(platform)

    event_id = publish_from_identity(platform, "identity.staff_user_invited", identity_pb2.StaffUserInvited(
        user_id=str(uuid.uuid4()), email=email, display_name="Núria Casals", locale="ca-ES",
        set_password_token=token, tenant_name="Demo Seguros y Recobros", invited_by="Alberto Admin",
        roles=["admin", "salesperson"], valid_hours=72))

    mail = mailbox.wait_for(email)
    assert mail["to"] == [email]
    assert mail["subject"] == "Invitació a l'espai de gestió de l'Àrea Client de Demo Seguros y Recobros"
    text = mail["text"]
    assert text.startswith("Hola Núria Casals:")
    for line in ("Alberto Admin li ha enviat una invitació per accedir a l'espai de gestió de l'Àrea Client de "
                 "Demo Seguros y Recobros com a administrador/a i comercial.",
                 f"El seu nom d'usuari és la seva adreça de correu electrònic: {email}",
                 "Per triar la seva contrasenya, obri aquest enllaç (vàlid durant 72 hores i d'un sol ús):",
                 "Si no esperava aquesta invitació, ignori aquest missatge."):
        assert line in text
    assert "admin," not in text and "salesperson" not in text
    link = re.search(r"https?://\S+/set-password\?token=\S+", text).group(0)
    assert link == f"{platform.public_base_url}/set-password?token={quote(token, safe='')}"
    assert parse_qs(urlparse(link).query)["token"] == [token]

    notifications = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    deliveries = notifications.ListDeliveries(notification_pb2.ListDeliveriesRequest(event_id=event_id),
                                              metadata=bearer(staff_token)).items
    assert [(d.channel, d.template) for d in deliveries] == [("email", "staff_invitation")]
    # They cannot sign in yet: an e-mail only, no in-app notice.
    assert notices_in_db(platform) == notices_before
    wait_until(lambda: "sent to " + domain.mask_recipient(email) in caplog.text, 10, "the sent delivery's log line")
    assert_not_logged(caplog, domain.mask_recipient(email), token, quote(token, safe=""), token[:20], email)


@pytest.mark.integration
def test_an_invited_colleague_chooses_a_password_with_the_emailed_link_and_signs_in(platform, mailbox, worker):
    identity = platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)
    admin = platform.login(demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD)
    email = new_address("gestor")
    identity.InviteStaffUser(identity_pb2.InviteStaffUserRequest(
        email=email, display_name="Pau Ribas", roles=["agent"], locale="en"), metadata=bearer(admin))

    mail = mailbox.wait_for(email)
    assert mail["subject"] == f"Invitation to the Client Area back office of {demo.TENANT_NAME}"
    assert "Alberto Admin has invited you to the Client Area back office of" in mail["text"]
    assert " as agent." in mail["text"] and "valid for 72 hours" in mail["text"]
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail["text"]).group(0)
    token = parse_qs(urlparse(link).query)["token"][0]
    identity.SetPassword(identity_pb2.SetPasswordRequest(token=token, password="Un-Gestor-Nou-2026",
                                                         password_confirmation="Un-Gestor-Nou-2026"))
    assert platform.login(email, "Un-Gestor-Nou-2026")


@pytest.mark.integration
def test_an_event_delivered_three_times_sends_one_email_and_one_notice(
    platform, mailbox, worker, customer_token, staff_token
):
    email, address = new_address("repetit"), f"198.51.100.{secrets.randbelow(250) + 1}"
    event_type = "identity.credentials_changed"
    event_id = publish_from_identity(platform, event_type, identity_pb2.CredentialsChanged(
        user_id=user_id_of(customer_token), email=email, display_name="Cliente Demo", locale="ca",
        change="password_reset", source_address=address, user_agent="curl/8.5.0",
        occurred_at="2026-03-12T09:15:00+00:00"))
    mailbox.wait_for(email)

    # The relay publishes at least once: a crash before marking the row sends it again.
    identity = platform.services["identity"].runtime
    outbox = identity.spec.plumbing.outbox
    with identity.db.read() as session:
        row = session.execute(select(outbox.c.body, outbox.c.headers).where(outbox.c.event_id == event_id)).one()
    duplicates_before = consumed(event_type, "duplicate")
    for _ in range(2):
        identity.bus.publish(event_type, row.body, json.loads(row.headers))
    wait_until(lambda: consumed(event_type, "duplicate") >= duplicates_before + 2, 20, "both repeats to be consumed")

    notifications = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    deliveries = notifications.ListDeliveries(notification_pb2.ListDeliveriesRequest(event_id=event_id),
                                              metadata=bearer(staff_token)).items
    assert [d.template for d in deliveries] == ["credentials_changed"]
    wait_until(lambda: notifications.ListDeliveries(
        notification_pb2.ListDeliveriesRequest(event_id=event_id), metadata=bearer(staff_token)
    ).items[0].status == "sent", 10, "the delivery to be marked sent")
    assert [m["subject"] for m in mailbox.messages if email in m["to"]] == [
        "Avís de seguretat: s'ha restablert la seva contrasenya"]
    assert len([n for n in inbox(platform, customer_token) if address in n.body]) == 1
