"""Collections over gRPC on PostgreSQL: cases by client and status, and who may read them."""

from __future__ import annotations

import grpc
import pytest

from clientarea.collections.v1 import collections_pb2, collections_pb2_grpc
from clientarea.common.v1 import common_pb2
from clientarea_shared import demo
from clientarea_shared.testing import bearer, field_errors

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def cases(platform):
    return platform.stub("collections", collections_pb2_grpc.CollectionsServiceStub)


def test_customer_sees_own_cases_filtered_by_status(cases, customer_token):
    everything = cases.ListCases(collections_pb2.ListCasesRequest(), metadata=bearer(customer_token))
    open_only = cases.ListCases(collections_pb2.ListCasesRequest(status="open"),
                                metadata=bearer(customer_token))
    assert {c.number for c in everything.items} == {"EXP-2026-00311", "EXP-2025-01877"}
    assert [c.number for c in open_only.items] == ["EXP-2026-00311"]
    assert open_only.items[0].amount.minor_units == 1_245_000
    assert open_only.items[0].debtor_tax_id.number == "B87654323"


def test_unknown_status_filter_is_a_field_error(cases, staff_token):
    with pytest.raises(grpc.RpcError) as error:
        cases.ListCases(collections_pb2.ListCasesRequest(status="lost"), metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(error.value) == {"status": "invalid"}


def test_customer_cannot_open_another_clients_case(cases, staff_token, customer_token):
    theirs = cases.ListCases(
        collections_pb2.ListCasesRequest(client_id=demo.demo_id("client:talleres")),
        metadata=bearer(staff_token)).items[0]
    with pytest.raises(grpc.RpcError) as error:
        cases.GetCase(collections_pb2.GetCaseRequest(id=theirs.id), metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND


def test_another_firm_sees_none_of_these_cases(platform, cases, other_tenant):
    token = platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert list(cases.ListCases(collections_pb2.ListCasesRequest(), metadata=bearer(token)).items) == []


def test_open_cases_are_active_products(cases, customer_token):
    active = cases.GetActiveProducts(common_pb2.ClientRef(), metadata=bearer(customer_token))
    assert list(active.items) == ["case EXP-2026-00311"]


def identity_service_token(platform, tenant_id: str = demo.TENANT_ID) -> str:
    """The token identity signs for itself (role `service`), as it does before closing an account."""
    from identity_service.journeys.common import Identity
    from identity_service.keys import key_ring

    runtime = platform.services["identity"].runtime
    return runtime.component("identity", lambda rt: Identity(rt, key_ring(rt))).service_token(tenant_id)


def test_identity_asks_with_its_service_token_and_customers_only_for_themselves(platform, cases, customer_token,
                                                                                other_tenant):
    service = bearer(identity_service_token(platform))
    asked = cases.GetActiveProducts(common_pb2.ClientRef(client_id=demo.CLIENT_ID), metadata=service)
    assert list(asked.items) == ["case EXP-2026-00311"]
    with pytest.raises(grpc.RpcError) as unnamed:
        cases.GetActiveProducts(common_pb2.ClientRef(), metadata=service)
    assert unnamed.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    another_firm = bearer(identity_service_token(platform, other_tenant["tenant_id"]))
    assert list(cases.GetActiveProducts(common_pb2.ClientRef(client_id=demo.CLIENT_ID),
                                        metadata=another_firm).items) == []
    with pytest.raises(grpc.RpcError) as error:
        cases.GetActiveProducts(common_pb2.ClientRef(client_id=demo.demo_id("client:talleres")),
                                metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED
