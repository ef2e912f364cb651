"""The portal-user journey across crm, identity and notification, on PostgreSQL and RabbitMQ:
the event leaves crm's outbox, notification records a delivery and its Celery worker sends
the welcome e-mail over SMTP, in the client's language, with a link that sets the password."""

from __future__ import annotations

import re
from urllib.parse import parse_qs, unquote, urlparse

import grpc
import pytest

from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea.notification.v1 import notification_pb2, notification_pb2_grpc
from clientarea_shared.testing import bearer, wait_until
from notification_service.models import Delivery

pytestmark = pytest.mark.integration


def create_client(crm, token, **fields) -> crm_pb2.Client:
    return crm.CreateClient(crm_pb2.CreateClientRequest(kind=crm_pb2.CLIENT_KIND_PERSON, **fields),
                            metadata=bearer(token))


def test_portal_user_gets_a_welcome_email_in_their_language_and_sets_a_password(
    platform, staff_token, mailbox, worker
):
    crm = platform.stub("crm", crm_pb2_grpc.CrmServiceStub)
    identity = platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)
    client = create_client(crm, staff_token, first_name="Jordi", last_name="Vila Mas",
                           tax_id="47222230X", email="jordi.vila@correo.test", locale="ca")

    created = crm.CreatePortalUser(crm_pb2.CreatePortalUserRequest(client_id=client.id),
                                   metadata=bearer(staff_token))
    assert created.username == "47222230x"  # the document number by default, case-folded

    mail = mailbox.wait_for("jordi.vila@correo.test")
    assert mail["subject"] == "Ja teniu accés a la vostra Àrea Client"
    link = re.search(r"https?://\S+/set-password\?token=\S+", mail["text"]).group(0)
    token = unquote(parse_qs(urlparse(link).query)["token"][0])
    identity.SetPassword(identity_pb2.SetPasswordRequest(token=token, password="Un-Secret-Nou-2026",
                                                         password_confirmation="Un-Secret-Nou-2026"))
    pair = identity.Login(identity_pb2.LoginRequest(tenant="demo", username="47222230X",
                                                    password="Un-Secret-Nou-2026"))
    assert pair.access_token

    # The link works once.
    with pytest.raises(grpc.RpcError):
        identity.SetPassword(identity_pb2.SetPasswordRequest(token=token, password="Un-Altre-2026-x",
                                                             password_confirmation="Un-Altre-2026-x"))
    # The client now shows a portal user; a second one is refused.
    assert crm.GetClient(crm_pb2.GetClientRequest(id=client.id), metadata=bearer(staff_token)).has_portal_user
    with pytest.raises(grpc.RpcError) as error:
        crm.CreatePortalUser(crm_pb2.CreatePortalUserRequest(client_id=client.id), metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.ALREADY_EXISTS

    # The delivery is recorded as sent, with the recipient masked.
    notifications = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    sent = wait_until(lambda: [d for d in notifications.ListDeliveries(
        notification_pb2.ListDeliveriesRequest(), metadata=bearer(staff_token)).items
        if d.status == "sent" and d.template == "welcome"], 10, "the delivery to be marked sent")
    assert "jordi.vila@correo.test" not in [d.recipient for d in sent]
    # Its body (with the set-password link) is not kept once sent.
    with platform.services["notification"].runtime.db.read() as session:
        delivery = session.get(Delivery, sent[0].id)
        assert delivery.body == "" and delivery.subject == mail["subject"]


def test_a_client_without_email_cannot_get_a_portal_user(platform, staff_token):
    crm = platform.stub("crm", crm_pb2_grpc.CrmServiceStub)
    client = create_client(crm, staff_token, first_name="Sin", last_name="Correo", tax_id="47222231B")
    with pytest.raises(grpc.RpcError) as error:
        crm.CreatePortalUser(crm_pb2.CreatePortalUserRequest(client_id=client.id), metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
