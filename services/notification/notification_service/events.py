"""Events notification consumes: each becomes deliveries (and in-app notices), sent by a task.

Some payloads carry a secret (identity's registration code, a password or e-mail link's token):
it goes into the message and nowhere else, never into a log line."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from datetime import UTC
from urllib.parse import quote, urlencode

from sqlalchemy import event as orm_event
from sqlalchemy.orm import Session

from clientarea.collections.v1 import collections_pb2
from clientarea.crm.v1 import campaigns_pb2, crm_pb2, support_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.events import Subscription
from clientarea_shared.runtime import Runtime
from notification_service.config import MailSettings
from notification_service.domain import (
    describe_client_role,
    describe_device,
    describe_roles,
    fill_campaign_text,
    format_count,  # client export
    format_duration,
    format_hours,
    format_minutes,
    format_moment,
    mask_recipient,
    paragraphs,
    parse_instant,
    pick_locale,
    render,
)
from notification_service.models import Delivery, Notification

log = logging.getLogger(__name__)

Enqueue = Callable[[str], None]


def record_message(
    session: Session, envelope: EventEnvelope, enqueue: Enqueue, *, template: str, locale: str,
    email: str, values: Mapping[str, object], notify_user_id: str = "",
    notice_paragraphs: slice = slice(1, 2),
) -> None:
    """Render `template` in the reader's language and record, in the event's transaction, an
    e-mail delivery to `email` and, for `notify_user_id`, an in-app notice (the subject and the
    `notice_paragraphs` of the text). The delivery goes to the worker once committed."""
    locale = pick_locale(locale)
    message = render(template, locale, **values)
    if notify_user_id:
        session.add(Notification(
            id=new_id(), tenant_id=envelope.tenant_id, user_id=notify_user_id, title=message.subject,
            body=paragraphs(message.text, notice_paragraphs), created_at=utcnow(),
        ))
    if not email:
        log.warning("event %s (%s): no e-mail address, no %s e-mail", envelope.id, envelope.type, template)
        return
    delivery = Delivery(
        id=new_id(), tenant_id=envelope.tenant_id, event_id=envelope.id, channel="email",
        recipient=email, template=template, locale=locale, subject=message.subject,
        body=message.text, status="pending", attempts=0, created_at=utcnow(),
    )
    session.add(delivery)
    log.info("event %s (%s): %s e-mail %s to %s recorded", envelope.id, envelope.type, template, delivery.id,
             mask_recipient(email))
    # Hand the delivery to the worker only once it is committed and visible.
    orm_event.listen(session, "after_commit", lambda _s: enqueue(delivery.id), once=True)


def _link(mail: MailSettings, path: str, token: str = "") -> str:
    base = f"{mail.public_base_url.rstrip('/')}/{path}"
    return f"{base}?token={quote(token, safe='')}" if token else base


def on_portal_user_created(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, crm_pb2.PortalUserCreated], None]:
    def handle(session: Session, envelope: EventEnvelope, payload: crm_pb2.PortalUserCreated) -> None:
        record_message(
            session, envelope, enqueue, template="welcome", locale=payload.locale, email=payload.email,
            values={
                "display_name": payload.display_name, "username": payload.username,
                "set_password_url": (_link(mail, "set-password", payload.set_password_token)
                                     if payload.set_password_token else ""),
                "login_url": _link(mail, "login"),
            },
            notify_user_id=payload.user_id,
        )

    return handle


def on_registration_code_issued(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.RegistrationCodeIssued], None]:
    """The self-registration's code, by e-mail only: there is no user yet to notify in the app."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.RegistrationCodeIssued) -> None:
        record_message(
            session, envelope, enqueue, template="registration_code", locale=payload.locale,
            email=payload.email,
            values={"display_name": payload.display_name, "code": payload.code,
                    "validity": format_minutes(payload.valid_minutes, payload.locale)},
        )

    return handle


def on_password_reset_requested(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.PasswordResetRequested], None]:
    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.PasswordResetRequested) -> None:
        record_message(
            session, envelope, enqueue, template="password_reset", locale=payload.locale,
            email=payload.email,
            values={"display_name": payload.display_name,
                    "reset_url": _link(mail, "reset-password", payload.token),
                    "validity": format_minutes(payload.valid_minutes, payload.locale)},
        )

    return handle


def on_email_change_requested(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.EmailChangeRequested], None]:
    """The link that proves a new e-mail address is the user's, to that new address and by e-mail
    only: an in-app notice would be read by whoever holds the account, not by the address's owner."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.EmailChangeRequested) -> None:
        validity = format_duration(payload.valid_minutes, payload.locale) if payload.valid_minutes > 0 else ""
        record_message(
            session, envelope, enqueue, template="email_change", locale=payload.locale,
            email=payload.new_email,
            values={"display_name": payload.display_name,
                    "confirm_url": _link(mail, "confirm-email", payload.token),
                    "validity": validity},
        )

    return handle


def on_staff_user_invited(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.StaffUserInvited], None]:
    """A colleague invited to the firm's back office, by e-mail only: they cannot sign in (and so
    read an in-app notice) until they have chosen their password with the link."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.StaffUserInvited) -> None:
        validity = format_hours(payload.valid_hours, payload.locale) if payload.valid_hours > 0 else ""
        record_message(
            session, envelope, enqueue, template="staff_invitation", locale=payload.locale,
            email=payload.email,
            values={"display_name": payload.display_name, "invited_by": payload.invited_by.strip(),
                    "tenant_name": payload.tenant_name.strip(),
                    "roles": describe_roles(payload.roles, payload.locale), "email": payload.email,
                    "set_password_url": _link(mail, "set-password", payload.set_password_token),
                    "validity": validity},
        )

    return handle


def on_credentials_changed(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.CredentialsChanged], None]:
    """A security alert by e-mail (to the event's address, which for `email_changed` is the one
    identity chose to warn) and in the user's in-app inbox, without the greeting."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.CredentialsChanged) -> None:
        committed = envelope.occurred_at.ToDatetime(tzinfo=UTC)
        record_message(
            session, envelope, enqueue, template="credentials_changed", locale=payload.locale,
            email=payload.email,
            values={"display_name": payload.display_name, "change": payload.change,
                    "when": format_moment(parse_instant(payload.occurred_at, committed), payload.locale),
                    "device": describe_device(payload.user_agent),
                    "source_address": payload.source_address.strip(),
                    "login_url": _link(mail, "login")},
            notify_user_id=payload.user_id, notice_paragraphs=slice(1, None),
        )

    return handle


# --- passwordless and passkeys ---
def on_login_code_issued(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.LoginCodeIssued], None]:
    """The code of a login by e-mail, by e-mail only: an in-app notice would show it to whoever
    is already signed in, and the code proves the mailbox, not the session."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.LoginCodeIssued) -> None:
        record_message(
            session, envelope, enqueue, template="login_code", locale=payload.locale, email=payload.email,
            values={"display_name": payload.display_name, "code": payload.code,
                    "validity": format_minutes(payload.valid_minutes, payload.locale)},
        )

    return handle
# --- end passwordless and passkeys ---


# --- quick access ---
def on_case_access_key_issued(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, collections_pb2.CaseAccessKeyIssued], None]:
    """A case's process number and access key for quick access, to the client's e-mail only: the
    key is a secret of whoever holds the address (no in-app notice). The link opens the
    quick-access page with the firm and the number filled in, never the key (links end up in
    browser histories and proxy logs)."""

    def handle(session: Session, envelope: EventEnvelope, payload: collections_pb2.CaseAccessKeyIssued) -> None:
        query = urlencode({"tenant": payload.tenant_slug, "process": payload.number})
        record_message(
            session, envelope, enqueue, template="case_access", locale=payload.locale, email=payload.email,
            values={"display_name": payload.display_name, "tenant_name": payload.tenant_name.strip(),
                    "number": payload.number, "access_key": payload.access_key, "reason": payload.reason,
                    "quick_access_url": f"{_link(mail, 'quick-access')}?{query}"},
        )

    return handle
# --- end quick access ---


# --- client members ---
def on_client_member_invited(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.ClientMemberInvited], None]:
    """A company customer's admin invited a colleague, by e-mail only: they cannot sign in (and so
    read an in-app notice) until they have chosen their password with the link."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.ClientMemberInvited) -> None:
        validity = format_hours(payload.valid_hours, payload.locale) if payload.valid_hours > 0 else ""
        record_message(
            session, envelope, enqueue, template="client_member_invitation", locale=payload.locale,
            email=payload.email,
            values={"display_name": payload.display_name, "invited_by": payload.invited_by.strip(),
                    "tenant_name": payload.tenant_name.strip(), "client_name": payload.client_name.strip(),
                    "role": describe_client_role(payload.client_role, payload.locale), "email": payload.email,
                    "set_password_url": _link(mail, "set-password", payload.set_password_token),
                    "validity": validity},
        )

    return handle


def on_client_member_changed(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, identity_pb2.ClientMemberChanged], None]:
    """A colleague's new role (by e-mail and in the app) or their removal (by e-mail only: the
    login is closed, nobody would read the notice)."""

    def handle(session: Session, envelope: EventEnvelope, payload: identity_pb2.ClientMemberChanged) -> None:
        committed = envelope.occurred_at.ToDatetime(tzinfo=UTC)
        record_message(
            session, envelope, enqueue, template="client_member_changed", locale=payload.locale,
            email=payload.email,
            values={"display_name": payload.display_name, "change": payload.change,
                    "role": describe_client_role(payload.client_role, payload.locale),
                    "client_name": payload.client_name.strip(), "changed_by": payload.changed_by.strip(),
                    "tenant_name": payload.tenant_name.strip(),
                    "when": format_moment(parse_instant(payload.occurred_at, committed), payload.locale),
                    "login_url": _link(mail, "login")},
            notify_user_id=payload.user_id if payload.change != "removed" else "",
            notice_paragraphs=slice(1, None),
        )

    return handle
# --- end client members ---


# --- support, requests and content ---
def on_ticket_reply_posted(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, support_pb2.TicketReplyPosted], None]:
    """A reply on a support ticket, to the other side: the customer who opened it (staff wrote),
    or the staff member it is assigned to (the customer wrote); by e-mail and in the app. Neither
    carries the reply's text (crm does not even send it): the link leads to the conversation."""

    def handle(session: Session, envelope: EventEnvelope, payload: support_pb2.TicketReplyPosted) -> None:
        record_message(
            session, envelope, enqueue, template="ticket_reply", locale=payload.locale,
            email=payload.recipient_email,
            values={"display_name": payload.recipient_name, "author_name": payload.author_name.strip(),
                    "author_side": payload.author_side, "number": payload.number, "subject": payload.subject,
                    "ticket_url": _link(mail, f"app/support/tickets/{quote(payload.ticket_id, safe='')}")},
            notify_user_id=payload.recipient_user_id,
        )

    return handle
# --- end support, requests and content ---


# --- campaigns ---
CAMPAIGN_CHANNELS = ("email", "sms", "voice")


def on_campaign_launched(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, campaigns_pb2.CampaignBatch], None]:
    """One batch of a crm campaign: a delivery per recipient over the campaign's channel, with the
    placeholders filled in for them, queued once committed. No in-app notice: campaigns go to
    clients, who may have no portal user."""

    def handle(session: Session, envelope: EventEnvelope, payload: campaigns_pb2.CampaignBatch) -> None:
        if payload.channel not in CAMPAIGN_CHANNELS:
            log.warning("event %s: campaign %s on unknown channel %r ignored", envelope.id, payload.campaign_id,
                        payload.channel)
            return
        now = utcnow()
        deliveries = [
            Delivery(id=new_id(), tenant_id=envelope.tenant_id, event_id=envelope.id, channel=payload.channel,
                     recipient=r.address, template="campaign", locale=pick_locale(r.locale),
                     subject=fill_campaign_text(payload.subject, name=r.name)[:250],
                     body=fill_campaign_text(payload.body, name=r.name), status="pending", attempts=0,
                     created_at=now, campaign_id=payload.campaign_id)
            for r in payload.recipients if r.address]
        session.add_all(deliveries)
        log.info("event %s: campaign %s batch %d/%d, %d %s deliveries recorded", envelope.id, payload.campaign_id,
                 payload.batch, payload.batches, len(deliveries), payload.channel)
        ids = [d.id for d in deliveries]
        orm_event.listen(session, "after_commit", lambda _s: [enqueue(i) for i in ids], once=True)

    return handle
# --- end campaigns ---


# --- client export ---
def on_client_export_ready(
    enqueue: Enqueue, mail: MailSettings
) -> Callable[[Session, EventEnvelope, crm_pb2.ClientExportReady], None]:
    """A background client export is ready: an in-app notice to its requester, in the export's
    language, with the link to their exports page (where the file is downloaded) and the expiry.
    No e-mail: the file is the firm's client data, fetched from the app by a signed-in user."""

    def handle(session: Session, envelope: EventEnvelope, payload: crm_pb2.ClientExportReady) -> None:
        locale = pick_locale(payload.locale)
        committed = envelope.occurred_at.ToDatetime(tzinfo=UTC)
        message = render("client_export_ready", locale, display_name="", rows=payload.rows,
                         rows_text=format_count(payload.rows, locale), file_name=payload.file_name,
                         expires=format_moment(parse_instant(payload.expires_at, committed), locale),
                         exports_url=_link(mail, "app/clients/exports"))
        session.add(Notification(id=new_id(), tenant_id=envelope.tenant_id, user_id=payload.user_id,
                                 title=message.subject, body=paragraphs(message.text, slice(1, None)),
                                 created_at=utcnow()))
        log.info("event %s: client export %s ready, notice recorded", envelope.id, payload.export_id)

    return handle
# --- end client export ---


_HANDLERS = (
    ("crm.portal_user_created", crm_pb2.PortalUserCreated, on_portal_user_created),
    ("identity.registration_code_issued", identity_pb2.RegistrationCodeIssued, on_registration_code_issued),
    ("identity.password_reset_requested", identity_pb2.PasswordResetRequested, on_password_reset_requested),
    ("identity.email_change_requested", identity_pb2.EmailChangeRequested, on_email_change_requested),
    ("identity.credentials_changed", identity_pb2.CredentialsChanged, on_credentials_changed),
    ("identity.staff_user_invited", identity_pb2.StaffUserInvited, on_staff_user_invited),
    ("identity.client_member_invited", identity_pb2.ClientMemberInvited, on_client_member_invited),
    ("identity.client_member_changed", identity_pb2.ClientMemberChanged, on_client_member_changed),
    ("collections.case_access_key_issued", collections_pb2.CaseAccessKeyIssued, on_case_access_key_issued),
    ("identity.login_code_issued", identity_pb2.LoginCodeIssued, on_login_code_issued),
    ("crm.ticket_reply_posted", support_pb2.TicketReplyPosted, on_ticket_reply_posted),  # support
    ("crm.campaign_launched", campaigns_pb2.CampaignBatch, on_campaign_launched),  # campaigns
    ("crm.client_export_ready", crm_pb2.ClientExportReady, on_client_export_ready),  # client export
)


def subscriptions(runtime: Runtime) -> list[Subscription]:
    from notification_service.tasks import enqueue_delivery

    def enqueue(delivery_id: str) -> None:
        enqueue_delivery(runtime, delivery_id)

    mail = MailSettings()
    return [Subscription(event_type, payload_type, handler(enqueue, mail))
            for event_type, payload_type, handler in _HANDLERS]
