"""Events crm consumes: a portal user that a customer created by self-registration, and a portal
user whose account was closed."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.events import Subscription
from clientarea_shared.runtime import Runtime
from crm_service.repository import ClientRepository


def on_user_created(session: Session, envelope: EventEnvelope, payload: identity_pb2.UserCreated) -> None:
    """Mark the client as having a portal user: one who registered, or one staff created (crm
    records those itself too; this keeps the link if crm stopped before its own commit)."""
    if not payload.client_id:
        return
    client = ClientRepository(session, envelope.tenant_id).get(payload.client_id)
    if client is not None and not client.portal_user_id:
        client.portal_user_id = payload.user_id


def on_account_closed(session: Session, envelope: EventEnvelope, payload: identity_pb2.AccountClosed) -> None:
    """Free the client of its closed portal user, so staff can give it a new one later. Only that
    user's link is cleared: a newer portal user of the client stays. When other people of a
    company customer remain (`remaining_user_id`), the client keeps its access through one of them."""
    if not payload.client_id:
        return
    client = ClientRepository(session, envelope.tenant_id).get(payload.client_id)
    if client is not None and client.portal_user_id == payload.user_id:
        client.portal_user_id = payload.remaining_user_id or None


def subscriptions(runtime: Runtime) -> list[Subscription]:
    return [
        Subscription("identity.user_created", identity_pb2.UserCreated, on_user_created),
        Subscription("identity.account_closed", identity_pb2.AccountClosed, on_account_closed),
    ]
