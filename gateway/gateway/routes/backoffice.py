"""The back office's home page for staff: who they are, the first page of the firm's clients
and the open collection cases that need attention.

One request, three services asked in parallel (identity, crm, collections). Who the caller is
must load (the page is theirs); the clients and the cases each degrade alone: the section is
null and its name is listed in `notices`, so the page still shows the rest.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from clientarea.collections.v1 import collections_pb2
from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea_shared.errors import DomainError
from clientarea_shared.permissions import Permission, require
from gateway.api import operation
from gateway.routes.account import TenantOut
from gateway.routes.clients import ClientPage, client_page
from gateway.routes.dashboard import CaseSummary, case_summaries
from gateway.services import gather, services

CLIENTS_PAGE = 20
OPEN_CASES = 5


class StaffOut(BaseModel):
    user_id: str
    display_name: str
    email: str
    roles: list[str]
    tenant: TenantOut


class OverviewOut(BaseModel):
    me: StaffOut
    clients: ClientPage | None = Field(description="The first page of the firm's clients")
    open_cases: list[CaseSummary] | None = Field(description="The firm's first open collection cases")
    notices: list[str] = Field(default_factory=list, description="Sections that could not be loaded")


def staff_out(user: identity_pb2.User) -> StaffOut:
    return StaffOut(user_id=user.id, display_name=user.display_name, email=user.email,
                    roles=list(user.roles),
                    tenant=TenantOut(id=user.tenant.id, slug=user.tenant.slug, name=user.tenant.name))


@operation("/backoffice/overview", "GET",
           summary="The back office's home page (staff): me, the first clients, open cases",
           tag="backoffice", response=OverviewOut)
def overview():  # noqa: ANN201
    require(Permission.CLIENTS_READ)
    api = services()
    user, clients, cases = gather(
        lambda: api.identity.GetMe.future(identity_pb2.GetMeRequest()),
        lambda: api.crm.ListClients.future(crm_pb2.ListClientsRequest(
            page=common_pb2.PageRequest(limit=CLIENTS_PAGE))),
        lambda: api.collections.ListCases.future(collections_pb2.ListCasesRequest(
            page=common_pb2.PageRequest(limit=OPEN_CASES), status="open")),
    )
    if isinstance(user, DomainError):
        raise user  # the page is the caller's own: without them there is nothing to show
    sections = {"clients": (clients, client_page), "open_cases": (cases, case_summaries)}
    values = {name: None if isinstance(answer, DomainError) else convert(answer)
              for name, (answer, convert) in sections.items()}
    notices = [f"{name}_unavailable" for name, (answer, _) in sections.items() if isinstance(answer, DomainError)]
    return OverviewOut(me=staff_out(user), notices=notices, **values)
