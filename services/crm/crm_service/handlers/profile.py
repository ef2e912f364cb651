"""The customer's profile (seed 004, "Perfil personal"): the customer reads their client's data and
changes how the firm reaches them (addresses, phones) and whether (the virtual assistant's alerts);
not their name or document, which only staff change. Changes land in the client's history with
the customer as their author."""

from __future__ import annotations

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal
from clientarea_shared.errors import Forbidden, NotFound
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.domain.clients import PROFILE_FIELDS, ClientInput
from crm_service.handlers.clients import addresses_input, alerts_input, client_message, phones_input, save_edit
from crm_service.repository import ClientRepository


def _own_client_id(principal: Principal) -> str:
    if not principal.client_id:
        raise Forbidden("This login is not linked to a client", "no_client")
    return principal.client_id


def get_profile(runtime: Runtime, request: pb.GetMyProfileRequest) -> pb.Client:
    principal = require(Permission.OWN_DATA_READ)
    with runtime.db.read() as session:
        client = ClientRepository(session, principal.tenant_id).get(_own_client_id(principal))
        if client is None:
            raise NotFound("Client not found")
        return client_message(client, internal=False)


def update_profile(runtime: Runtime, request: pb.UpdateMyProfileRequest) -> pb.Client:
    principal = require(Permission.OWN_PROFILE_WRITE)
    with runtime.db.session() as session:
        client = ClientRepository(session, principal.tenant_id).get(_own_client_id(principal))
        if client is None:
            raise NotFound("Client not found")
        changes = ClientInput(kind=client.kind, tax_id=client.tax_id, phones=phones_input(request.phones),
                              addresses=addresses_input(request.addresses), alerts=alerts_input(request.alerts))
        saved = save_edit(runtime, session, principal, client, changes=changes, fields=list(request.fields),
                          allowed=PROFILE_FIELDS, expected_version=request.expected_version)
        return client_message(saved, internal=False)
