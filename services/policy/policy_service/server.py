"""Policy's gRPC servicer: the policies of the firm's clients."""

from __future__ import annotations

import grpc

from clientarea.common.v1 import common_pb2
from clientarea.policy.v1 import policy_pb2 as pb
from clientarea.policy.v1 import policy_pb2_grpc
from clientarea_shared.context import client_or_service_scope, client_scope, may_see, scoped_client_id
from clientarea_shared.db import utcnow
from clientarea_shared.errors import NotFound
from clientarea_shared.money import money
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.runtime import Runtime
from policy_service.domain import is_in_force
from policy_service.models import Policy
from policy_service.repository import PolicyRepository


def policy_message(policy: Policy) -> pb.Policy:
    return pb.Policy(
        id=policy.id, client_id=policy.client_id, number=policy.number, line=policy.line,
        status=policy.status, premium=money(policy.premium_minor, policy.currency),
        insured_limit=money(policy.insured_limit_minor, policy.currency),
        starts_on=policy.starts_on.isoformat(),
        ends_on=policy.ends_on.isoformat() if policy.ends_on else "",
    )


class PolicyServicer(policy_pb2_grpc.PolicyServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db

    def ListPolicies(self, request: pb.ListPoliciesRequest, context: grpc.ServicerContext) -> pb.ListPoliciesResponse:
        principal = client_scope(request.client_id)
        limit = page_limit(request.page.limit)
        with self.db.read() as session:
            rows = PolicyRepository(session, principal.tenant_id).page(
                client_id=scoped_client_id(principal, request.client_id),
                after_id=after_id(request.page), limit=limit,
            )
        items, page = cut_page(rows, limit, key=lambda p: p.id)
        return pb.ListPoliciesResponse(items=[policy_message(p) for p in items], page=page)

    def GetPolicy(self, request: pb.GetPolicyRequest, context: grpc.ServicerContext) -> pb.Policy:
        principal = client_scope()
        with self.db.read() as session:
            policy = PolicyRepository(session, principal.tenant_id).get(request.id)
            if policy is None or not may_see(principal, policy.client_id):
                raise NotFound("Policy not found")
            return policy_message(policy)

    def GetActiveProducts(
        self, request: common_pb2.ClientRef, context: grpc.ServicerContext
    ) -> common_pb2.ActiveProducts:
        principal, client_id = client_or_service_scope(request.client_id)
        today = utcnow().date()
        with self.db.read() as session:
            policies = PolicyRepository(session, principal.tenant_id).of_client(client_id)
            return common_pb2.ActiveProducts(items=[
                f"policy {p.number}" for p in policies if is_in_force(p.status, p.ends_on, today)
            ])

    # --- client records (claims tab) ---
    def ListClaims(self, request: pb.ListClaimsRequest, context: grpc.ServicerContext) -> pb.ListClaimsResponse:
        """Claims are not kept yet: the same checks as for policies, then an empty page."""
        client_scope(request.client_id)
        page_limit(request.page.limit)
        after_id(request.page)
        return pb.ListClaimsResponse(page=common_pb2.PageInfo())
    # --- end client records (claims tab) ---


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    policy_pb2_grpc.add_PolicyServiceServicer_to_server(PolicyServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["PolicyService"].full_name]
