"""Events policy publishes: `policy.policy_saved` whenever a policy is written, in the same
transaction, so crm's read model of policy lines (the client search's "has / lacks a policy of
line X") follows every change."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from clientarea.policy.v1 import policy_pb2
from clientarea_shared.events import record_event
from clientarea_shared.runtime import Runtime
from policy_service.models import PLUMBING, Policy

POLICY_SAVED = "policy.policy_saved"


def record_policy_saved(session: Session, policy: Policy) -> str:
    """Add the policy's state to the outbox; call it in the transaction that writes the policy."""
    return record_event(session, PLUMBING, source="policy", tenant_id=policy.tenant_id, event_type=POLICY_SAVED,
                        payload=policy_pb2.PolicySaved(
                            policy_id=policy.id, client_id=policy.client_id, number=policy.number, line=policy.line,
                            status=policy.status, starts_on=policy.starts_on.isoformat(),
                            ends_on=policy.ends_on.isoformat() if policy.ends_on else ""))


def republish_all(runtime: Runtime, *, batch: int = 1000) -> int:
    """Publish every policy's current state again, a batch per transaction; returns how many.
    For crm's read model of policy lines: to fill it for policies written before policy
    published events, or to rebuild it (crm's upsert keeps the newest state, so repeats are harmless)."""
    published, after = 0, ""
    while True:
        with runtime.db.session() as session:
            policies = list(session.scalars(select(Policy).where(Policy.id > after).order_by(Policy.id).limit(batch)))
            for policy in policies:
                record_policy_saved(session, policy)
        if not policies:
            return published
        published += len(policies)
        after = policies[-1].id


def republish_command(runtime: Runtime) -> None:
    """`python -m policy_service republish`: see `republish_all`."""
    print(f"published the state of {republish_all(runtime)} policies again (policy.policy_saved)")
