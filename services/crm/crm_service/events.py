"""Events crm consumes: a portal user that a customer created by self-registration, a portal
user whose account was closed, and (client search) every policy policy writes, kept as crm's read
model of policy lines."""

from __future__ import annotations

from datetime import UTC, date

from sqlalchemy.orm import Session

from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.identity.v1 import identity_pb2
from clientarea.policy.v1 import policy_pb2  # client search
from clientarea_shared.events import Subscription
from clientarea_shared.runtime import Runtime
from crm_service.models import ClientPolicyLine  # client search
from crm_service.repository import ClientRepository


def on_user_created(session: Session, envelope: EventEnvelope, payload: identity_pb2.UserCreated) -> None:
    """Mark the client as having a portal user: one who registered, or one staff created (crm
    records those itself too; this keeps the link if crm stopped before its own commit)."""
    if not payload.client_id:
        return
    ClientRepository(session, envelope.tenant_id).link_portal_user(payload.client_id, payload.user_id)


def on_account_closed(session: Session, envelope: EventEnvelope, payload: identity_pb2.AccountClosed) -> None:
    """Free the client of its closed portal user, so staff can give it a new one later. Only that
    user's link is cleared: a newer portal user of the client stays. When other people of a
    company customer remain (`remaining_user_id`), the client keeps its access through one of them."""
    if not payload.client_id:
        return
    ClientRepository(session, envelope.tenant_id).move_portal_user(payload.client_id, payload.user_id,
                                                                   payload.remaining_user_id or None)


# --- client search ---
def on_policy_saved(session: Session, envelope: EventEnvelope, payload: policy_pb2.PolicySaved) -> None:
    """Upsert the policy's line, status and end. A policy id of another firm is left alone, and an
    event older than what the row holds (a late redelivery) changes nothing."""
    saved_at = envelope.occurred_at.ToDatetime(tzinfo=UTC)
    row = session.get(ClientPolicyLine, payload.policy_id)
    if row is None:
        row = ClientPolicyLine(policy_id=payload.policy_id, tenant_id=envelope.tenant_id)
        session.add(row)
    elif row.tenant_id != envelope.tenant_id or row.saved_at > saved_at:
        return
    row.client_id, row.line, row.status = payload.client_id, payload.line.strip().lower(), payload.status
    row.ends_on = date.fromisoformat(payload.ends_on) if payload.ends_on else None
    row.saved_at = saved_at
# --- end client search ---


def subscriptions(runtime: Runtime) -> list[Subscription]:
    return [
        Subscription("identity.user_created", identity_pb2.UserCreated, on_user_created),
        Subscription("identity.account_closed", identity_pb2.AccountClosed, on_account_closed),
        Subscription("policy.policy_saved", policy_pb2.PolicySaved, on_policy_saved),  # client search
    ]
