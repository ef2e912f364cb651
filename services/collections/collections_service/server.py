"""Collections' gRPC servicer: the firm's debt cases and processes."""

from __future__ import annotations

import grpc

from clientarea.collections.v1 import collections_pb2 as pb
from clientarea.collections.v1 import collections_pb2_grpc
from clientarea.common.v1 import common_pb2
from clientarea_shared.context import client_or_service_scope, client_scope, may_see, scoped_client_id
from clientarea_shared.errors import NotFound
from clientarea_shared.money import money
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.runtime import Runtime
from collections_service.domain import status_filter
from collections_service.models import Case
from collections_service.quick_access import QuickAccess, case_reader
from collections_service.repository import CaseRepository


def case_message(case: Case) -> pb.Case:
    return pb.Case(
        id=case.id, client_id=case.client_id, number=case.number, kind=case.kind,
        status=case.status, phase=case.phase, debtor_name=case.debtor_name,
        debtor_tax_id=common_pb2.TaxId(type=case.debtor_tax_id_type, number=case.debtor_tax_id),
        amount=money(case.amount_minor, case.currency), opened_on=case.opened_on.isoformat(),
    )


class CollectionsServicer(collections_pb2_grpc.CollectionsServiceServicer):
    def __init__(self, runtime: Runtime):
        self.db = runtime.db
        self.quick_access = QuickAccess(runtime)

    def ListCases(self, request: pb.ListCasesRequest, context: grpc.ServicerContext) -> pb.ListCasesResponse:
        principal = client_scope(request.client_id)
        limit = page_limit(request.page.limit)
        with self.db.read() as session:
            rows = CaseRepository(session, principal.tenant_id).page(
                client_id=scoped_client_id(principal, request.client_id),
                status=status_filter(request.status), after_id=after_id(request.page), limit=limit,
            )
        items, page = cut_page(rows, limit, key=lambda c: c.id)
        return pb.ListCasesResponse(items=[case_message(c) for c in items], page=page)

    def GetCase(self, request: pb.GetCaseRequest, context: grpc.ServicerContext) -> pb.Case:
        principal = case_reader(request.id)  # a quick-access token: only the case it names
        with self.db.read() as session:
            case = CaseRepository(session, principal.tenant_id).get(request.id)
            if case is None or not may_see(principal, case.client_id):
                raise NotFound("Case not found")
            return case_message(case)

    def GetActiveProducts(
        self, request: common_pb2.ClientRef, context: grpc.ServicerContext
    ) -> common_pb2.ActiveProducts:
        principal, client_id = client_or_service_scope(request.client_id)
        with self.db.read() as session:
            cases = CaseRepository(session, principal.tenant_id).open_of_client(client_id)
            return common_pb2.ActiveProducts(items=[f"case {c.number}" for c in cases])

    # --- quick access by process number ---------------------------------------------------
    def OpenCase(self, request: pb.OpenCaseRequest, context: grpc.ServicerContext) -> pb.Case:
        return case_message(self.quick_access.open_case(request))

    def RenewCaseAccessKey(self, request: pb.RenewCaseAccessKeyRequest,
                           context: grpc.ServicerContext) -> pb.RenewCaseAccessKeyResponse:
        return self.quick_access.renew_key(request)

    def VerifyCaseAccess(self, request: pb.VerifyCaseAccessRequest, context: grpc.ServicerContext) -> pb.CaseAccess:
        return self.quick_access.verify(request)


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    collections_pb2_grpc.add_CollectionsServiceServicer_to_server(CollectionsServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["CollectionsService"].full_name]
