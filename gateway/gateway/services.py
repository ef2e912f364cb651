"""The gateway's gRPC stubs for every service, and parallel fan-out with the request context."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Any

import grpc
from flask import current_app

from clientarea.collections.v1 import collections_pb2_grpc
from clientarea.crm.v1 import content_pb2_grpc, crm_pb2_grpc, support_pb2_grpc
from clientarea.geosearch.v1 import geosearch_pb2_grpc
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea.notification.v1 import notification_pb2_grpc
from clientarea.payments.v1 import payments_pb2_grpc
from clientarea.policy.v1 import policy_pb2_grpc
from clientarea_shared.errors import DomainError, from_rpc_error
from clientarea_shared.grpc_client import Channels

TENANT_CACHE_SECONDS = 60.0


class Services:
    def __init__(self, channels: Channels):
        self.channels = channels
        self._tenants: dict[str, tuple[float, identity_pb2.Tenant]] = {}
        self._tenants_lock = threading.Lock()

    def tenant(self, tenant_id: str) -> identity_pb2.Tenant:
        """A firm's name and slug, cached for a minute: pages show them on every request and
        they change about never (a rename shows within the minute)."""
        now = time.monotonic()
        with self._tenants_lock:
            cached = self._tenants.get(tenant_id)
        if cached is not None and now - cached[0] < TENANT_CACHE_SECONDS:
            return cached[1]
        tenant = call(self.identity.GetTenant, identity_pb2.GetTenantRequest(id=tenant_id))
        with self._tenants_lock:
            self._tenants[tenant_id] = (now, tenant)
        return tenant

    @property
    def identity(self) -> identity_pb2_grpc.IdentityServiceStub:
        return identity_pb2_grpc.IdentityServiceStub(self.channels.get("identity"))

    @property
    def crm(self) -> crm_pb2_grpc.CrmServiceStub:
        return crm_pb2_grpc.CrmServiceStub(self.channels.get("crm"))

    @property
    def policy(self) -> policy_pb2_grpc.PolicyServiceStub:
        return policy_pb2_grpc.PolicyServiceStub(self.channels.get("policy"))

    @property
    def collections(self) -> collections_pb2_grpc.CollectionsServiceStub:
        return collections_pb2_grpc.CollectionsServiceStub(self.channels.get("collections"))

    @property
    def payments(self) -> payments_pb2_grpc.PaymentsServiceStub:
        return payments_pb2_grpc.PaymentsServiceStub(self.channels.get("payments"))

    @property
    def geosearch(self) -> geosearch_pb2_grpc.GeosearchServiceStub:
        return geosearch_pb2_grpc.GeosearchServiceStub(self.channels.get("geosearch"))

    @property
    def notification(self) -> notification_pb2_grpc.NotificationServiceStub:
        return notification_pb2_grpc.NotificationServiceStub(self.channels.get("notification"))

    # --- support, requests and content: crm's other services, on crm's channel ---
    @property
    def support(self) -> support_pb2_grpc.SupportServiceStub:
        return support_pb2_grpc.SupportServiceStub(self.channels.get("crm"))

    @property
    def feedback(self) -> support_pb2_grpc.FeedbackServiceStub:
        return support_pb2_grpc.FeedbackServiceStub(self.channels.get("crm"))

    @property
    def content(self) -> content_pb2_grpc.ContentServiceStub:
        return content_pb2_grpc.ContentServiceStub(self.channels.get("crm"))
    # --- end support, requests and content ---


def services() -> Services:
    return current_app.extensions["clientarea.services"]


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A gRPC call whose failure becomes the domain error the service reported."""
    try:
        return fn(*args, **kwargs)
    except grpc.RpcError as exc:
        raise from_rpc_error(exc) from exc


def gather(*calls: Callable[[], grpc.Future]) -> list[Any | DomainError]:
    """Start calls in parallel and wait for them all. Each callable starts one call with
    `.future(...)` in this thread (so the token, trace and language of this request go with
    it) and the calls run concurrently on the channels; no thread hand-off. A failed call
    yields its DomainError in place of a result, so a page can degrade."""
    futures = [start() for start in calls]
    results: list[Any | DomainError] = []
    for future in futures:
        try:
            results.append(future.result())
        except grpc.RpcError as exc:
            results.append(from_rpc_error(exc))
    return results
