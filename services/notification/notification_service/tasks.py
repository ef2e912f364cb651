"""Background work of notification (Celery): sending a delivery over its channel (channels.py:
e-mail over SMTP, SMS and voice through HTTP providers), with retries.

Log lines name a delivery by id, template and masked recipient, never by its subject or body:
the body may hold a one-time code or a password link's token, and is blanked once sent."""

from __future__ import annotations

import logging

from celery import Celery

from clientarea_shared.celery_app import make_celery
from clientarea_shared.db import Database, utcnow
from clientarea_shared.runtime import Runtime
from notification_service.channels import TRANSIENT_ERRORS, Rejected, Senders
from notification_service.config import MailSettings, ProviderSettings
from notification_service.domain import mask_recipient
from notification_service.models import Delivery

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


class DeliveryDeferred(Exception):
    """A failed attempt, retried later. Celery logs it, so it says only what failed, not the
    SMTP server's or provider's answer (which may repeat the address)."""


def deliver(db: Database, senders: Senders, delivery_id: str) -> str:
    """Send one pending delivery over its channel; returns its new status. Raises on a transient
    failure (the task retries); a refusal fails the delivery at once."""
    with db.session() as session:
        delivery = session.get(Delivery, delivery_id, with_for_update=db.is_postgres)
        if delivery is None or delivery.status in ("sent", "failed"):
            return delivery.status if delivery else "missing"
        delivery.attempts += 1
        try:
            senders.send(delivery)
        except Rejected as exc:
            log.warning("delivery %s (%s, %s) to %s: refused (%s)", delivery.id, delivery.template, delivery.channel,
                        mask_recipient(delivery.recipient), exc.code)
            delivery.status, delivery.body, delivery.last_error = "failed", "", exc.code
            return delivery.status
        except TRANSIENT_ERRORS as exc:
            delivery.last_error = str(exc)[:500]
            log.warning("delivery %s (%s, %s) to %s: attempt %d failed (%s)", delivery.id, delivery.template,
                        delivery.channel, mask_recipient(delivery.recipient), delivery.attempts, type(exc).__name__)
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status, delivery.body = "failed", ""
                return delivery.status
            session.commit()
            raise
        # The body may hold a one-time code, a password link or an access key: kept only until
        # it has left (or will never leave); the subject, recipient and template stay as the record.
        delivery.status, delivery.sent_at, delivery.last_error, delivery.body = "sent", utcnow(), "", ""
        log.info("delivery %s (%s, %s) sent to %s", delivery.id, delivery.template, delivery.channel,
                 mask_recipient(delivery.recipient))
        return delivery.status


def celery_app(runtime: Runtime) -> Celery:
    def build(rt: Runtime) -> Celery:
        app = make_celery("notification", rt.settings)
        senders = Senders.from_settings(MailSettings(), ProviderSettings())

        @app.task(name="notification.send_delivery", bind=True, max_retries=MAX_ATTEMPTS,
                  default_retry_delay=10)
        def send_delivery(task, delivery_id: str) -> str:  # noqa: ANN001
            try:
                return deliver(rt.db, senders, delivery_id)
            except TRANSIENT_ERRORS as exc:
                deferred = DeliveryDeferred(f"delivery {delivery_id}: {type(exc).__name__}")
                raise task.retry(exc=deferred, countdown=min(300, 10 * 2 ** task.request.retries)) from exc

        return app

    return runtime.component("celery", build)


def enqueue_delivery(runtime: Runtime, delivery_id: str) -> None:
    celery_app(runtime).send_task("notification.send_delivery", args=[delivery_id])


