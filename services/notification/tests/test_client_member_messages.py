"""The messages of a company customer's people (issue 3, journey 9): the invitation a customer's
admin sends a colleague, and the notice of a new role or of a removal, in the reader's language.
The invitation's link is the customer's usual set-password link."""

from __future__ import annotations

import base64
import json
import re
import secrets
import uuid
from pathlib import Path
from urllib.parse import quote

import pytest

from clientarea.identity.v1 import identity_pb2
from clientarea.notification.v1 import notification_pb2, notification_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.events import record_event
from clientarea_shared.testing import bearer, wait_until
from notification_service import domain

TEMPLATES = Path(domain.__file__).parent / "templates"
MEMBER_TEMPLATES = ("client_member_invitation", "client_member_changed")


def values_for(template: str, locale: str, **overrides: object) -> dict[str, object]:
    common = {"display_name": "Maria Soler", "tenant_name": "Demo Seguros y Recobros",
              "client_name": "Talleres Martín Hermanos S.L.", "role": domain.describe_client_role("cases", locale)}
    values = {
        "client_member_invitation": {**common, "invited_by": "Andrés Martín", "email": "maria.soler@correo.test",
                                     "set_password_url": "http://portal.test/set-password?token=abc",
                                     "validity": domain.format_hours(72, locale)},
        "client_member_changed": {**common, "change": "role_changed", "changed_by": "Andrés Martín",
                                  "when": "12 de març del 2026, 10:15", "login_url": "http://portal.test/login"},
    }[template]
    return {**values, **overrides}


# --- templates (no services needed) ------------------------------------------------------------

@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
@pytest.mark.parametrize("template", MEMBER_TEMPLATES)
def test_each_client_member_message_renders_every_value_in_every_language(template, locale):
    for extension in ("subject", "txt", "html"):
        assert (TEMPLATES / locale / f"{template}.{extension}").is_file()
    values = values_for(template, locale)
    message = domain.render(template, locale, **values)
    assert message.subject and "\n" not in message.subject and values["client_name"] in message.subject
    assert message.text.startswith(("Hola Maria Soler:", "Hello Maria Soler,", "Olá Maria Soler,"))
    assert f'<html lang="{locale}">' in message.html
    for name, value in values.items():
        if name != "change":  # chooses the wording; every other value shows in both bodies
            assert str(value) in message.text, name
            assert str(value) in message.html, name


@pytest.mark.unit
@pytest.mark.parametrize(("locale", "names"), [
    ("es", ["Solo consulta", "Consulta y expedientes", "Consulta y pagos", "Administrador/a"]),
    ("ca", ["Només consulta", "Consulta i expedients", "Consulta i pagaments", "Administrador/a"]),
    ("en", ["View only", "View and cases", "View and payments", "Administrator"]),
    ("pt", ["Só consulta", "Consulta e processos", "Consulta e pagamentos", "Administrador(a)"]),
])
def test_client_roles_are_named_in_the_readers_language(locale, names):
    assert [domain.describe_client_role(role, locale) for role in ("viewer", "cases", "payer", "admin")] == names
    assert domain.describe_client_role("owner", locale) == "owner"  # unknown: identity's name, not nothing


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_an_invitation_links_the_password_page_and_still_reads_well_without_the_optional_values(locale):
    values = values_for("client_member_invitation", locale)
    message = domain.render("client_member_invitation", locale, **values)
    assert f'<a href="{values["set_password_url"]}">{values["set_password_url"]}</a>' in message.html
    bare = domain.render("client_member_invitation", locale, **{
        **values, "display_name": "", "invited_by": "", "tenant_name": "", "client_name": "", "role": "",
        "validity": ""})
    assert bare.subject and "  " not in bare.text and " ." not in bare.text and "()" not in bare.text
    assert bare.text.split("\n")[0] in ("Hola:", "Hello,", "Olá,")


@pytest.mark.unit
@pytest.mark.parametrize("locale", domain.LOCALES)
def test_a_removal_reads_differently_from_a_role_change_and_offers_no_sign_in_link(locale):
    role_changed = domain.render("client_member_changed", locale, **values_for("client_member_changed", locale))
    removed = domain.render("client_member_changed", locale,
                            **values_for("client_member_changed", locale, change="removed"))
    assert removed.subject != role_changed.subject
    assert domain.paragraphs(removed.text, slice(1, 2)) != domain.paragraphs(role_changed.text, slice(1, 2))
    assert "http://portal.test/login" in role_changed.text and "http://portal.test/login" not in removed.text
    assert "Andrés Martín" in domain.paragraphs(removed.text, slice(-1, None))  # whom to talk to


# --- through the bus ---------------------------------------------------------------------------

def publish_from_identity(platform, event_type: str, payload) -> str:
    identity = platform.services["identity"].runtime
    with identity.db.session() as session:
        return record_event(session, identity.spec.plumbing, source="identity", tenant_id=demo.TENANT_ID,
                            event_type=event_type, payload=payload)


def user_id_of(access_token: str) -> str:
    claims = access_token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(claims + "=" * (-len(claims) % 4)))["sub"]


def deliveries_of(platform, event_id: str, staff_token: str) -> list:
    stub = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    return list(stub.ListDeliveries(notification_pb2.ListDeliveriesRequest(event_id=event_id),
                                    metadata=bearer(staff_token)).items)


def inbox(platform, token: str) -> list:
    stub = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    return list(stub.ListNotifications(notification_pb2.ListNotificationsRequest(), metadata=bearer(token)).items)


@pytest.mark.integration
def test_an_invitation_arrives_in_portuguese_with_the_set_password_link_and_no_notice(
    platform, mailbox, worker, staff_token
):
    email = f"convidada.{uuid.uuid4().hex[:10]}@correo.test"
    token = secrets.token_urlsafe(32) + "/+="  # characters a URL must escape
    event_id = publish_from_identity(platform, "identity.client_member_invited", identity_pb2.ClientMemberInvited(
        user_id=str(uuid.uuid4()), email=email, display_name="Inês Costa", locale="pt-PT",
        set_password_token=token, tenant_name="Demo Seguros y Recobros", client_name="Talleres Martín Hermanos S.L.",
        invited_by="Andrés Martín", client_role="payer", valid_hours=72))

    mail = mailbox.wait_for(email)
    assert mail["subject"] == ("Convite para a Área de Cliente de Demo Seguros y Recobros "
                               "(Talleres Martín Hermanos S.L.)")
    assert ("Andrés Martín enviou-lhe um convite para aceder à Área de Cliente de Demo Seguros y Recobros como "
            "pessoa de Talleres Martín Hermanos S.L., com o perfil «Consulta e pagamentos».") in mail["text"]
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail["text"]).group(0)
    assert link == f"{platform.public_base_url}/set-password?token={quote(token, safe='')}"
    assert [(d.channel, d.template) for d in deliveries_of(platform, event_id, staff_token)] == [
        ("email", "client_member_invitation")]


@pytest.mark.integration
def test_a_new_role_is_told_by_email_and_in_the_app_and_a_removal_by_email_only(
    platform, mailbox, worker, staff_token, customer_token
):
    email = f"persona.{uuid.uuid4().hex[:10]}@correo.test"
    person = user_id_of(customer_token)
    changed = publish_from_identity(platform, "identity.client_member_changed", identity_pb2.ClientMemberChanged(
        user_id=person, email=email, display_name="Lucía", locale="es", change="role_changed", client_role="viewer",
        client_name=f"Empresa {email}", changed_by="Andrés Martín", tenant_name="Demo Seguros y Recobros",
        occurred_at="2026-03-12T09:15:00+00:00"))
    mail = mailbox.wait_for(email)
    assert mail["subject"] == f"Ha cambiado su perfil en el Área Cliente (Empresa {email})"
    assert "ahora es «Solo consulta»" in mail["text"]
    notice = wait_until(lambda: next((n for n in inbox(platform, customer_token) if email in n.title), None),
                        10, "the in-app notice")
    assert notice.body.startswith("Andrés Martín ha cambiado su perfil") and not notice.read
    assert [d.template for d in deliveries_of(platform, changed, staff_token)] == ["client_member_changed"]

    gone = f"fuera.{uuid.uuid4().hex[:10]}@correo.test"
    removed = publish_from_identity(platform, "identity.client_member_changed", identity_pb2.ClientMemberChanged(
        user_id=person, email=gone, display_name="Lucía", locale="en", change="removed", client_role="viewer",
        client_name=f"Company {gone}", changed_by="Andrés Martín", tenant_name="Demo Seguros y Recobros",
        occurred_at="2026-03-12T09:15:00+00:00"))
    mail = mailbox.wait_for(gone)
    assert mail["subject"] == f"Your access to the Client Area has been removed (Company {gone})"
    assert [d.template for d in deliveries_of(platform, removed, staff_token)] == ["client_member_changed"]
    assert not [n for n in inbox(platform, customer_token) if gone in n.title]
