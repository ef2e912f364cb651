"""crm's campaign batches (crm.campaign_launched) in notification: one delivery per recipient with
the placeholders filled in, sent by the worker, and counted per campaign by GetCampaignStats for
the firm's staff only."""

from __future__ import annotations

import uuid

import grpc
import pytest
from sqlalchemy import select

from clientarea.crm.v1 import campaigns_pb2
from clientarea.notification.v1 import notification_pb2, notification_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.events import record_event
from clientarea_shared.testing import bearer, wait_until
from notification_service.models import Delivery

pytestmark = pytest.mark.integration


def publish_batch(platform, batch: campaigns_pb2.CampaignBatch) -> str:
    """Record the batch in crm's own outbox, as a launch does; crm's relay takes it from there."""
    crm = platform.services["crm"].runtime
    with crm.db.session() as session:
        return record_event(session, crm.spec.plumbing, source="crm", tenant_id=demo.TENANT_ID,
                            event_type="crm.campaign_launched", payload=batch)


def stats(platform, token: str, *campaign_ids: str) -> list[notification_pb2.CampaignStats]:
    stub = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    return list(stub.GetCampaignStats(notification_pb2.GetCampaignStatsRequest(campaign_ids=campaign_ids),
                                      metadata=bearer(token)).items)


def counts(item: notification_pb2.CampaignStats) -> tuple[int, int, int]:
    return item.queued, item.sent, item.failed


def test_an_email_batch_reaches_each_recipient_by_name_and_is_counted_as_sent(platform, mailbox, worker, staff_token):
    campaign_id, tag = str(uuid.uuid4()), uuid.uuid4().hex[:8]
    first, second = f"lucia.{tag}@correo.test", f"jordi.{tag}@correo.test"
    publish_batch(platform, campaigns_pb2.CampaignBatch(
        campaign_id=campaign_id, channel="email", subject="{nombre}, novedades de su seguro",
        body="Hola {nombre}:\n\nRenueve su póliza antes del 31 de diciembre.", batch=1, batches=1,
        recipients=[campaigns_pb2.CampaignRecipient(client_id="c1", name="Lucía Fernández", locale="es", address=first),
                    campaigns_pb2.CampaignRecipient(client_id="c2", name="Jordi Vila", locale="ca", address=second)]))

    to_lucia, to_jordi = mailbox.wait_for(first), mailbox.wait_for(second)
    assert to_lucia["subject"] == "Lucía Fernández, novedades de su seguro"
    assert to_lucia["text"].startswith("Hola Lucía Fernández:") and "{nombre}" not in to_jordi["text"]
    assert "Hola Jordi Vila:" in to_jordi["text"]
    [counted] = wait_until(lambda: [s for s in stats(platform, staff_token, campaign_id) if s.sent == 2], 30,
                           "both deliveries sent")
    assert counts(counted) == (0, 2, 0)
    with platform.services["notification"].runtime.db.read() as session:
        rows = session.scalars(select(Delivery).where(Delivery.campaign_id == campaign_id)).all()
    assert sorted((d.channel, d.template, d.locale) for d in rows) == [("email", "campaign", "ca"),
                                                                       ("email", "campaign", "es")]


def test_an_sms_batch_without_a_provider_is_recorded_and_counted_as_failed(platform, worker, staff_token):
    campaign_id = str(uuid.uuid4())
    publish_batch(platform, campaigns_pb2.CampaignBatch(
        campaign_id=campaign_id, channel="sms", body="Hola {nombre}, le llamamos mañana.", batch=1, batches=1,
        recipients=[campaigns_pb2.CampaignRecipient(client_id="c1", name="Ana", locale="es", address="+34612345678")]))

    [counted] = wait_until(lambda: [s for s in stats(platform, staff_token, campaign_id) if s.failed], 30,
                           "the delivery failed")
    assert counts(counted) == (0, 0, 1)
    with platform.services["notification"].runtime.db.read() as session:
        [row] = session.scalars(select(Delivery).where(Delivery.campaign_id == campaign_id)).all()
    assert (row.channel, row.recipient, row.last_error) == ("sms", "+34612345678", "channel_disabled")


def test_campaign_stats_are_the_firms_own_and_for_staff_only(platform, worker, staff_token, customer_token,
                                                              other_tenant):
    campaign_id = str(uuid.uuid4())
    publish_batch(platform, campaigns_pb2.CampaignBatch(
        campaign_id=campaign_id, channel="voice", body="Hola {nombre}.", batch=1, batches=1,
        recipients=[campaigns_pb2.CampaignRecipient(client_id="c1", name="Ana", locale="es", address="+34612345678")]))
    wait_until(lambda: [s for s in stats(platform, staff_token, campaign_id) if s.failed], 30, "the delivery failed")

    other_firm = platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert [counts(s) for s in stats(platform, other_firm, campaign_id)] == [(0, 0, 0)]
    assert [counts(s) for s in stats(platform, staff_token, "not-a-campaign", campaign_id)] == [(0, 0, 0), (0, 0, 1)]
    with pytest.raises(grpc.RpcError) as refused:
        stats(platform, customer_token, campaign_id)
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
