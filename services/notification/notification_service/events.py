"""Events notification consumes: each becomes deliveries (and in-app notices), sent by a task."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import quote

from sqlalchemy import event as orm_event
from sqlalchemy.orm import Session

from clientarea.crm.v1 import crm_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.events import Subscription
from clientarea_shared.runtime import Runtime
from notification_service.config import MailSettings
from notification_service.domain import pick_locale, render
from notification_service.models import Delivery, Notification


def on_portal_user_created(
    enqueue: Callable[[str], None], mail: MailSettings
) -> Callable[[Session, EventEnvelope, crm_pb2.PortalUserCreated], None]:
    def handle(session: Session, envelope: EventEnvelope, payload: crm_pb2.PortalUserCreated) -> None:
        locale = pick_locale(payload.locale)
        base = mail.public_base_url.rstrip("/")
        set_password_url = (
            f"{base}/set-password?token={quote(payload.set_password_token)}"
            if payload.set_password_token else ""
        )
        message = render(
            "welcome", locale, display_name=payload.display_name, username=payload.username,
            set_password_url=set_password_url, login_url=f"{base}/login",
        )
        delivery = Delivery(
            id=new_id(), tenant_id=envelope.tenant_id, event_id=envelope.id, channel="email",
            recipient=payload.email, template="welcome", locale=locale, subject=message.subject,
            body=message.text, status="pending", attempts=0, created_at=utcnow(),
        )
        session.add(delivery)
        session.add(Notification(
            id=new_id(), tenant_id=envelope.tenant_id, user_id=payload.user_id,
            title=message.subject, body=message.text.split("\n\n")[1].strip(), created_at=utcnow(),
        ))
        # Hand the delivery to the worker only once it is committed and visible.
        orm_event.listen(session, "after_commit", lambda _s: enqueue(delivery.id), once=True)

    return handle


def subscriptions(runtime: Runtime) -> list[Subscription]:
    from notification_service.tasks import enqueue_delivery

    return [
        Subscription(
            "crm.portal_user_created", crm_pb2.PortalUserCreated,
            on_portal_user_created(lambda delivery_id: enqueue_delivery(runtime, delivery_id),
                                   MailSettings()),
        )
    ]
