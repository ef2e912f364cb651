"""CRM's gRPC servicer: clients and their portal users."""

from __future__ import annotations

import grpc

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2 as pb
from clientarea.crm.v1 import crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.context import may_see
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound, from_rpc_error
from clientarea_shared.events import record_event
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.domain import build_client
from crm_service.models import PLUMBING, Client
from crm_service.repository import ClientRepository

_KIND_TO_PB = {
    "person": pb.CLIENT_KIND_PERSON,
    "company": pb.CLIENT_KIND_COMPANY,
    "consortium": pb.CLIENT_KIND_CONSORTIUM,
}
_PB_TO_KIND = {v: k for k, v in _KIND_TO_PB.items()}


def client_message(client: Client) -> pb.Client:
    return pb.Client(
        id=client.id, kind=_KIND_TO_PB[client.kind], display_name=client.display_name,
        first_name=client.first_name, last_name=client.last_name, legal_name=client.legal_name,
        tax_id=common_pb2.TaxId(type=client.tax_id_type, number=client.tax_id),
        email=client.email, phone=client.phone,
        birth_date=client.birth_date.isoformat() if client.birth_date else "",
        has_portal_user=client.portal_user_id is not None,
        portal_user_id=client.portal_user_id or "",
        created_at=client.created_at.isoformat(), locale=client.locale,
    )


class CrmServicer(crm_pb2_grpc.CrmServiceServicer):
    def __init__(self, runtime: Runtime):
        self.runtime = runtime
        self.db = runtime.db

    def CreateClient(self, request: pb.CreateClientRequest, context: grpc.ServicerContext) -> pb.Client:
        principal = require(Permission.CLIENTS_WRITE)
        new = build_client(
            kind=_PB_TO_KIND.get(request.kind, ""), first_name=request.first_name,
            last_name=request.last_name, legal_name=request.legal_name, tax_id=request.tax_id,
            tax_id_type=request.tax_id_type, email=request.email, phone=request.phone,
            birth_date=request.birth_date, locale=request.locale,
        )
        with self.db.session() as session:
            repo = ClientRepository(session, principal.tenant_id)
            if repo.tax_id_exists(new.tax_id):
                raise Conflict(
                    "A client with this document number already exists", "duplicate_tax_id",
                    [FieldError("tax_id", "duplicate", "A client with this document number already exists")],
                )
            return client_message(repo.add(new))

    def GetClient(self, request: pb.GetClientRequest, context: grpc.ServicerContext) -> pb.Client:
        principal = require(Permission.CLIENTS_READ, Permission.OWN_DATA_READ)
        # A customer reads only their own client record; the same answer as for a missing one.
        if not may_see(principal, request.id):
            raise NotFound("Client not found")
        with self.db.read() as session:
            client = ClientRepository(session, principal.tenant_id).get(request.id)
            if client is None:
                raise NotFound("Client not found")
            return client_message(client)

    def FindClientByEmail(self, request: pb.FindClientByEmailRequest, context: grpc.ServicerContext) -> pb.Client:
        """For identity's self-registration. Only one client may own the address: an e-mail shared
        by several clients is ambiguous, so it opens no account (staff create those users)."""
        principal = require(Permission.SERVICE_LOOKUPS)
        with self.db.read() as session:
            matches = ClientRepository(session, principal.tenant_id).by_email(request.email)
            if len(matches) != 1 or matches[0].portal_user_id:
                raise NotFound("No client with this e-mail")
            return client_message(matches[0])

    def ListClients(self, request: pb.ListClientsRequest, context: grpc.ServicerContext) -> pb.ListClientsResponse:
        principal = require(Permission.CLIENTS_READ)
        limit = page_limit(request.page.limit)
        with self.db.read() as session:
            rows = ClientRepository(session, principal.tenant_id).page(
                q=request.q, after_id=after_id(request.page), limit=limit
            )
        items, page = cut_page(rows, limit, key=lambda c: c.id)
        return pb.ListClientsResponse(items=[client_message(c) for c in items], page=page)

    def CreatePortalUser(
        self, request: pb.CreatePortalUserRequest, context: grpc.ServicerContext
    ) -> pb.CreatePortalUserResponse:
        principal = require(Permission.PORTAL_USERS_MANAGE)
        with self.db.session() as session:
            repo = ClientRepository(session, principal.tenant_id)
            client = repo.get(request.client_id)
            if client is None:
                raise NotFound("Client not found")
            if client.portal_user_id:
                raise Conflict("This client already has a portal user", "portal_user_exists")
            if not client.email:
                raise Invalid.field("email", "required",
                                    "The client needs an e-mail address to receive the access")
            identity = identity_pb2_grpc.IdentityServiceStub(self.runtime.channels.get("identity"))
            try:
                created = identity.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
                    client_id=client.id, username=request.username or client.tax_id,
                    email=client.email, display_name=client.display_name,
                    password=request.password, locale=client.locale,
                ))
            except grpc.RpcError as exc:
                raise from_rpc_error(exc) from exc
            client.portal_user_id = created.user.id
            record_event(
                session, PLUMBING, source="crm", tenant_id=principal.tenant_id,
                event_type="crm.portal_user_created",
                payload=pb.PortalUserCreated(
                    client_id=client.id, user_id=created.user.id, username=created.user.username,
                    email=client.email, display_name=client.display_name, locale=client.locale,
                    set_password_token=created.set_password_token,
                ),
            )
            return pb.CreatePortalUserResponse(user_id=created.user.id, username=created.user.username)


def register(server: grpc.Server, runtime: Runtime) -> list[str]:
    crm_pb2_grpc.add_CrmServiceServicer_to_server(CrmServicer(runtime), server)
    return [pb.DESCRIPTOR.services_by_name["CrmService"].full_name]
