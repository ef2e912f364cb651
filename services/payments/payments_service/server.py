"""Payments' gRPC servicer: invoices and what each client owes."""

from __future__ import annotations

import grpc

from clientarea.common.v1 import common_pb2
from clientarea.payments.v1 import payments_pb2 as pb
from clientarea.payments.v1 import payments_pb2_grpc
from clientarea_shared.context import client_or_service_scope, client_scope, scoped_client_id
from clientarea_shared.db import utcnow
from clientarea_shared.errors import Invalid
from clientarea_shared.money import money, totals_by_currency
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.runtime import Runtime
from payments_service.domain import is_overdue, is_unpaid, status_filter
from payments_service.models import Invoice
from payments_service.repository import InvoiceRepository


def invoice_message(invoice: Invoice) -> pb.Invoice:
    return pb.Invoice(
        id=invoice.id, client_id=invoice.client_id, number=invoice.number, status=invoice.status,
        total=money(invoice.total_minor, invoice.currency),
        amount_due=money(invoice.amount_due_minor, invoice.currency),
        issued_on=invoice.issued_on.isoformat(), due_on=invoice.due_on.isoformat(),
    )


class PaymentsServicer(payments_pb2_grpc.PaymentsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db

    def ListInvoices(self, request: pb.ListInvoicesRequest, context: grpc.ServicerContext) -> pb.ListInvoicesResponse:
        principal = client_scope(request.client_id)
        limit = page_limit(request.page.limit)
        with self.db.read() as session:
            rows = InvoiceRepository(session, principal.tenant_id).page(
                client_id=scoped_client_id(principal, request.client_id),
                status=status_filter(request.status), after_id=after_id(request.page), limit=limit,
            )
        items, page = cut_page(rows, limit, key=lambda i: i.id)
        return pb.ListInvoicesResponse(items=[invoice_message(i) for i in items], page=page)

    def GetBalance(self, request: pb.GetBalanceRequest, context: grpc.ServicerContext) -> pb.Balance:
        principal = client_scope(request.client_id)
        client_id = scoped_client_id(principal, request.client_id)
        if not client_id:
            raise Invalid.field("client_id", "required", "Say whose balance to compute")
        today = utcnow().date()
        with self.db.read() as session:
            invoices = InvoiceRepository(session, principal.tenant_id).open_of_client(client_id)
            owed = [(i.amount_due_minor, i.currency) for i in invoices
                    if is_unpaid(i.status, i.amount_due_minor)]
            overdue = [(i.amount_due_minor, i.currency) for i in invoices
                       if is_overdue(i.status, i.amount_due_minor, i.due_on, today)]
        return pb.Balance(owed=totals_by_currency(owed), overdue=totals_by_currency(overdue))

    def GetActiveProducts(
        self, request: common_pb2.ClientRef, context: grpc.ServicerContext
    ) -> common_pb2.ActiveProducts:
        principal, client_id = client_or_service_scope(request.client_id)
        with self.db.read() as session:
            invoices = InvoiceRepository(session, principal.tenant_id).open_of_client(client_id)
            return common_pb2.ActiveProducts(items=[
                f"invoice {i.number}" for i in invoices if is_unpaid(i.status, i.amount_due_minor)
            ])


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    payments_pb2_grpc.add_PaymentsServiceServicer_to_server(PaymentsServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["PaymentsService"].full_name]
