"""Policy over gRPC on PostgreSQL: who may read which policies, and what counts as in force."""

from __future__ import annotations

from datetime import date

import grpc
import pytest
from sqlalchemy import select

from clientarea.common.v1 import common_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.policy.v1 import policy_pb2, policy_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.testing import bearer
from policy_service.domain import is_in_force
from policy_service.events import POLICY_SAVED, republish_all
from policy_service.models import PLUMBING, Policy

pytestmark = pytest.mark.integration
OTHER_CLIENT = demo.demo_id("client:talleres")


@pytest.fixture(scope="module")
def policies(platform):
    return platform.stub("policy", policy_pb2_grpc.PolicyServiceStub)


def test_customer_lists_only_their_own_policies(policies, customer_token):
    page = policies.ListPolicies(policy_pb2.ListPoliciesRequest(), metadata=bearer(customer_token))
    assert {p.number for p in page.items} == {"CR-2025-000117", "HG-2024-003391"}
    assert all(p.client_id == demo.CLIENT_ID for p in page.items)
    assert page.items[0].premium.currency == "EUR"


def test_customer_cannot_ask_for_another_clients_policies(policies, customer_token):
    with pytest.raises(grpc.RpcError) as error:
        policies.ListPolicies(policy_pb2.ListPoliciesRequest(client_id=OTHER_CLIENT),
                              metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_customer_reading_another_clients_policy_gets_not_found(policies, staff_token, customer_token):
    theirs = policies.ListPolicies(policy_pb2.ListPoliciesRequest(client_id=OTHER_CLIENT),
                                   metadata=bearer(staff_token)).items[0]
    with pytest.raises(grpc.RpcError) as error:
        policies.GetPolicy(policy_pb2.GetPolicyRequest(id=theirs.id), metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND


def test_staff_pages_through_all_policies_of_the_firm(policies, staff_token):
    seen, cursor = [], ""
    while True:
        page = policies.ListPolicies(
            policy_pb2.ListPoliciesRequest(page=common_pb2.PageRequest(limit=3, cursor=cursor)),
            metadata=bearer(staff_token))
        seen += [p.number for p in page.items]
        cursor = page.page.next_cursor
        if not cursor:
            break
    assert len(seen) == len(set(seen)) == 4


def test_another_firms_staff_sees_no_policy_of_this_firm(platform, policies, other_tenant):
    token = platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert list(policies.ListPolicies(policy_pb2.ListPoliciesRequest(), metadata=bearer(token)).items) == []
    with pytest.raises(grpc.RpcError) as error:
        policies.GetPolicy(policy_pb2.GetPolicyRequest(id=demo.demo_id("policy:CR-2025-000117")),
                           metadata=bearer(token))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND


def test_active_products_lists_policies_in_force_only(policies, customer_token):
    active = policies.GetActiveProducts(common_pb2.ClientRef(), metadata=bearer(customer_token))
    assert list(active.items) == ["policy CR-2025-000117"]


def identity_service_token(platform, tenant_id: str = demo.TENANT_ID) -> str:
    """The token identity signs for itself (role `service`), as it does before closing an account."""
    from identity_service.journeys.common import Identity
    from identity_service.keys import key_ring

    runtime = platform.services["identity"].runtime
    return runtime.component("identity", lambda rt: Identity(rt, key_ring(rt))).service_token(tenant_id)


def test_identity_asks_with_its_service_token_and_customers_only_for_themselves(platform, policies, customer_token,
                                                                                other_tenant):
    service = bearer(identity_service_token(platform))
    asked = policies.GetActiveProducts(common_pb2.ClientRef(client_id=demo.CLIENT_ID), metadata=service)
    assert list(asked.items) == ["policy CR-2025-000117"]
    with pytest.raises(grpc.RpcError) as unnamed:
        policies.GetActiveProducts(common_pb2.ClientRef(), metadata=service)
    assert unnamed.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    another_firm = bearer(identity_service_token(platform, other_tenant["tenant_id"]))
    assert list(policies.GetActiveProducts(common_pb2.ClientRef(client_id=demo.CLIENT_ID),
                                           metadata=another_firm).items) == []
    with pytest.raises(grpc.RpcError) as error:
        policies.GetActiveProducts(common_pb2.ClientRef(client_id=demo.demo_id("client:talleres")),
                                   metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_unauthenticated_calls_are_refused(policies):
    with pytest.raises(grpc.RpcError) as error:
        policies.ListPolicies(policy_pb2.ListPoliciesRequest())
    assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED


@pytest.mark.unit
@pytest.mark.parametrize(("status", "ends_on", "expected"), [
    ("active", None, True), ("suspended", date(2030, 1, 1), True),
    ("active", date(2020, 1, 1), False), ("cancelled", None, False), ("expired", None, False),
])
def test_in_force_rule(status, ends_on, expected):
    assert is_in_force(status, ends_on, date(2026, 11, 23)) is expected


def test_republishing_puts_every_policys_current_state_in_the_outbox_once_more(platform):
    """`python -m policy_service republish` fills crm's read model of policy lines for policies
    written before policy published events: one `policy.policy_saved` per policy, as it is now."""
    runtime = platform.services["policy"].runtime
    outbox = PLUMBING.outbox

    def saved_events() -> list[policy_pb2.PolicySaved]:
        with runtime.db.read() as session:
            bodies = session.scalars(select(outbox.c.body).where(outbox.c.routing_key == POLICY_SAVED)
                                     .order_by(outbox.c.id))
            envelopes = [EventEnvelope.FromString(body) for body in bodies]
        payloads = []
        for envelope in envelopes:
            payload = policy_pb2.PolicySaved()
            envelope.payload.Unpack(payload)
            payloads.append(payload)
        return payloads

    with runtime.db.read() as session:
        policies = {p.id: p for p in session.scalars(select(Policy))}
    before = len(saved_events())
    assert republish_all(runtime, batch=2) == len(policies) > 2  # several batches
    again = saved_events()[before:]
    assert sorted(e.policy_id for e in again) == sorted(policies)
    for event in again:
        policy = policies[event.policy_id]
        assert (event.client_id, event.line, event.status) == (policy.client_id, policy.line, policy.status)
