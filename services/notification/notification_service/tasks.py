"""Background work of notification (Celery): sending a delivery over SMTP, with retries.

Log lines name a delivery by id, template and masked recipient, never by its subject or body:
the body may hold a one-time code or a password link's token, and is blanked once sent."""

from __future__ import annotations

import logging
import smtplib
from email.message import EmailMessage

from celery import Celery

from clientarea_shared.celery_app import make_celery
from clientarea_shared.db import Database, utcnow
from clientarea_shared.runtime import Runtime
from notification_service.config import MailSettings
from notification_service.domain import mask_recipient
from notification_service.models import Delivery

log = logging.getLogger(__name__)
MAX_ATTEMPTS = 5


class DeliveryDeferred(Exception):
    """A failed attempt, retried later. Celery logs it, so it says only what failed, not the
    SMTP server's answer (which may repeat the address)."""


def send_email(mail: MailSettings, delivery: Delivery) -> None:
    message = EmailMessage()
    message["From"] = mail.mail_from
    message["To"] = delivery.recipient
    message["Subject"] = delivery.subject
    message["Message-ID"] = f"<{delivery.id}@clientarea>"
    message.set_content(delivery.body)
    with smtplib.SMTP(mail.smtp_host, mail.smtp_port, timeout=15) as smtp:
        if mail.smtp_starttls:
            smtp.starttls()
        if mail.smtp_username:
            smtp.login(mail.smtp_username, mail.smtp_password)
        smtp.send_message(message)


def deliver(db: Database, mail: MailSettings, delivery_id: str) -> str:
    """Send one pending delivery; returns its new status. Raises on a transient failure."""
    with db.session() as session:
        delivery = session.get(Delivery, delivery_id, with_for_update=db.is_postgres)
        if delivery is None or delivery.status == "sent":
            return delivery.status if delivery else "missing"
        delivery.attempts += 1
        try:
            send_email(mail, delivery)
        except (OSError, smtplib.SMTPException) as exc:
            delivery.last_error = str(exc)[:500]
            log.warning("delivery %s (%s) to %s: attempt %d failed (%s)", delivery.id, delivery.template,
                        mask_recipient(delivery.recipient), delivery.attempts, type(exc).__name__)
            if delivery.attempts >= MAX_ATTEMPTS:
                delivery.status, delivery.body = "failed", ""
                return delivery.status
            session.commit()
            raise
        # The body may hold a one-time code, a password link or an access key: kept only until
        # it has left (or will never leave); the subject, recipient and template stay as the record.
        delivery.status, delivery.sent_at, delivery.last_error, delivery.body = "sent", utcnow(), "", ""
        log.info("delivery %s (%s) sent to %s", delivery.id, delivery.template, mask_recipient(delivery.recipient))
        return delivery.status


def celery_app(runtime: Runtime) -> Celery:
    def build(rt: Runtime) -> Celery:
        app = make_celery("notification", rt.settings)
        mail = MailSettings()

        @app.task(name="notification.send_delivery", bind=True, max_retries=MAX_ATTEMPTS,
                  default_retry_delay=10)
        def send_delivery(task, delivery_id: str) -> str:  # noqa: ANN001
            try:
                return deliver(rt.db, mail, delivery_id)
            except (OSError, smtplib.SMTPException) as exc:
                deferred = DeliveryDeferred(f"delivery {delivery_id}: {type(exc).__name__}")
                raise task.retry(exc=deferred, countdown=min(300, 10 * 2 ** task.request.retries)) from exc

        return app

    return runtime.component("celery", build)


def enqueue_delivery(runtime: Runtime, delivery_id: str) -> None:
    celery_app(runtime).send_task("notification.send_delivery", args=[delivery_id])


