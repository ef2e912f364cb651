"""SMS and voice deliveries through their HTTP providers (a real fake provider server started by
the test): what is posted, with which token; retried when the provider is down, failed at once
when it refuses or when the channel has no provider. E-mail keeps going over SMTP."""

from __future__ import annotations

import uuid

import pytest

from clientarea_shared import demo
from clientarea_shared.db import new_id, utcnow
from notification_service.channels import Senders
from notification_service.config import MailSettings, ProviderSettings
from notification_service.domain import fill_campaign_text
from notification_service.models import Delivery
from notification_service.tasks import deliver

pytestmark = pytest.mark.integration


PROVIDER_TOKEN = "secret-token"  # noqa: S105 (the fake provider's)


def senders(provider_url: str = "") -> Senders:
    providers = ProviderSettings(
        sms_provider_url=f"{provider_url}/sms" if provider_url else "", sms_provider_token=PROVIDER_TOKEN,
        sms_sender="Aseguradora", voice_provider_url=f"{provider_url}/voice" if provider_url else "",
        voice_provider_token=PROVIDER_TOKEN, provider_timeout_seconds=5)
    return Senders.from_settings(MailSettings(), providers)


def new_delivery(platform, channel: str, *, locale: str = "es", body: str = "Hola Lucía, su póliza vence pronto.",
                 recipient: str = "+34612345678") -> str:
    delivery = Delivery(id=new_id(), tenant_id=demo.TENANT_ID, event_id=str(uuid.uuid4()), channel=channel,
                        recipient=recipient, template="campaign", locale=locale, subject="", body=body,
                        status="pending", attempts=0, created_at=utcnow(), campaign_id=str(uuid.uuid4()))
    with platform.services["notification"].runtime.db.session() as session:
        session.add(delivery)
    return delivery.id


def stored(platform, delivery_id: str) -> Delivery:
    with platform.services["notification"].runtime.db.read() as session:
        delivery = session.get(Delivery, delivery_id)
        session.expunge(delivery)
        return delivery


def test_an_sms_is_posted_to_the_provider_with_its_token_and_sender_and_recorded_as_sent(platform, fake_provider):
    provider = fake_provider()
    delivery_id = new_delivery(platform, "sms")
    db = platform.services["notification"].runtime.db

    assert deliver(db, senders(provider.url), delivery_id) == "sent"

    [request] = provider.received
    assert request.path == "/sms" and request.authorization == "Bearer secret-token"
    assert request.payload == {"to": "+34612345678", "text": "Hola Lucía, su póliza vence pronto.",
                               "sender": "Aseguradora"}
    sent = stored(platform, delivery_id)
    assert (sent.status, sent.attempts, sent.body, sent.sent_at is not None) == ("sent", 1, "", True)


def test_a_voice_call_is_read_in_the_recipients_language_within_thirty_seconds(platform, fake_provider):
    provider = fake_provider()
    delivery_id = new_delivery(platform, "voice", locale="ca", body="Bon dia Jordi, us truquem de la corredoria.")

    assert deliver(platform.services["notification"].runtime.db, senders(provider.url), delivery_id) == "sent"

    [request] = provider.received
    assert request.path == "/voice"
    assert request.payload == {"to": "+34612345678", "text": "Bon dia Jordi, us truquem de la corredoria.",
                               "language": "ca-ES", "max_seconds": 30}


def test_a_provider_that_is_down_is_tried_again_and_the_next_attempt_sends(platform, fake_provider):
    provider = fake_provider(statuses=[503])
    delivery_id = new_delivery(platform, "sms")
    db = platform.services["notification"].runtime.db

    with pytest.raises(OSError):
        deliver(db, senders(provider.url), delivery_id)
    waiting = stored(platform, delivery_id)
    assert (waiting.status, waiting.attempts, waiting.body != "") == ("pending", 1, True)

    assert deliver(db, senders(provider.url), delivery_id) == "sent"
    assert stored(platform, delivery_id).attempts == 2 and len(provider.received) == 2


def test_an_unreachable_provider_is_retried_like_an_smtp_server(platform, fake_provider):
    provider = fake_provider()
    provider.__exit__()  # nobody listens any more
    delivery_id = new_delivery(platform, "voice")

    with pytest.raises(OSError):
        deliver(platform.services["notification"].runtime.db, senders(provider.url), delivery_id)
    assert stored(platform, delivery_id).status == "pending"


def test_a_message_the_provider_refuses_fails_at_once_without_retrying(platform, fake_provider):
    provider = fake_provider(statuses=[422])
    delivery_id = new_delivery(platform, "sms", recipient="+34000")
    db = platform.services["notification"].runtime.db

    assert deliver(db, senders(provider.url), delivery_id) == "failed"
    assert deliver(db, senders(provider.url), delivery_id) == "failed"  # a repeat of the task sends nothing

    failed = stored(platform, delivery_id)
    assert (failed.status, failed.attempts, failed.last_error, failed.body) == ("failed", 1, "provider_refused_422", "")
    assert len(provider.received) == 1


@pytest.mark.parametrize("channel", ["sms", "voice"])
def test_a_channel_without_a_provider_is_off_and_its_deliveries_fail_as_disabled(platform, channel):
    delivery_id = new_delivery(platform, channel)

    assert deliver(platform.services["notification"].runtime.db, senders(""), delivery_id) == "failed"
    assert stored(platform, delivery_id).last_error == "channel_disabled"


@pytest.mark.unit
def test_placeholders_are_filled_with_the_recipients_name_and_others_stay_as_written():
    assert fill_campaign_text("Hola {nombre}, {nombre}!", name="Lucía") == "Hola Lucía, Lucía!"
    assert fill_campaign_text("Precio {desde} 10 €", name="Lucía") == "Precio {desde} 10 €"
