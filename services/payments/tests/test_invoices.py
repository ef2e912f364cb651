"""Payments over gRPC on PostgreSQL: invoices, balances per currency, and who may read them."""

from __future__ import annotations

from datetime import date

import grpc
import pytest

from clientarea.common.v1 import common_pb2
from clientarea.payments.v1 import payments_pb2, payments_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.money import totals_by_currency
from clientarea_shared.testing import bearer
from payments_service.domain import is_overdue

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def payments(platform):
    return platform.stub("payments", payments_pb2_grpc.PaymentsServiceStub)


def test_customer_balance_sums_unpaid_and_overdue(payments, customer_token):
    balance = payments.GetBalance(payments_pb2.GetBalanceRequest(), metadata=bearer(customer_token))
    assert [(m.minor_units, m.currency) for m in balance.owed] == [(92_000, "EUR")]
    assert [(m.minor_units, m.currency) for m in balance.overdue] == [(46_000, "EUR")]


def test_staff_must_say_whose_balance(payments, staff_token):
    with pytest.raises(grpc.RpcError) as error:
        payments.GetBalance(payments_pb2.GetBalanceRequest(), metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_customer_cannot_read_another_clients_invoices(payments, customer_token):
    with pytest.raises(grpc.RpcError) as error:
        payments.ListInvoices(
            payments_pb2.ListInvoicesRequest(client_id=demo.demo_id("client:talleres")),
            metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_unpaid_invoices_are_active_products(payments, customer_token):
    active = payments.GetActiveProducts(common_pb2.ClientRef(), metadata=bearer(customer_token))
    assert sorted(active.items) == ["invoice F-2026-000981", "invoice F-2026-001204"]


def identity_service_token(platform, tenant_id: str = demo.TENANT_ID) -> str:
    """The token identity signs for itself (role `service`), as it does before closing an account."""
    from identity_service.journeys.common import Identity
    from identity_service.keys import key_ring

    runtime = platform.services["identity"].runtime
    return runtime.component("identity", lambda rt: Identity(rt, key_ring(rt))).service_token(tenant_id)


def test_identity_asks_with_its_service_token_and_customers_only_for_themselves(platform, payments, customer_token,
                                                                                other_tenant):
    service = bearer(identity_service_token(platform))
    asked = payments.GetActiveProducts(common_pb2.ClientRef(client_id=demo.CLIENT_ID), metadata=service)
    assert sorted(asked.items) == ["invoice F-2026-000981", "invoice F-2026-001204"]
    with pytest.raises(grpc.RpcError) as unnamed:
        payments.GetActiveProducts(common_pb2.ClientRef(), metadata=service)
    assert unnamed.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    another_firm = bearer(identity_service_token(platform, other_tenant["tenant_id"]))
    assert list(payments.GetActiveProducts(common_pb2.ClientRef(client_id=demo.CLIENT_ID),
                                           metadata=another_firm).items) == []
    with pytest.raises(grpc.RpcError) as error:
        payments.GetActiveProducts(common_pb2.ClientRef(client_id=demo.demo_id("client:talleres")),
                                   metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_another_firm_sees_no_invoice(platform, payments, other_tenant):
    token = platform.login(other_tenant["customer"], other_tenant["password"], other_tenant["slug"])
    page = payments.ListInvoices(payments_pb2.ListInvoicesRequest(), metadata=bearer(token))
    assert list(page.items) == []


@pytest.mark.unit
def test_amounts_in_different_currencies_never_add_up():
    totals = totals_by_currency([(100, "EUR"), (250, "USD"), (5, "EUR")])
    assert [(m.minor_units, m.currency) for m in totals] == [(105, "EUR"), (250, "USD")]


@pytest.mark.unit
def test_paid_or_future_invoices_are_not_overdue():
    today = date(2026, 11, 23)
    assert is_overdue("open", 10, date(2026, 11, 22), today)
    assert not is_overdue("open", 10, today, today)
    assert not is_overdue("paid", 0, date(2026, 1, 1), today)
