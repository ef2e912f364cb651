"""CRM clients: list, create, read, edit (staff), and creating a client's portal user."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from gateway.api import operation
from gateway.routes.client_fields import (  # client records
    AddressIn,
    AddressOut,
    Alerts,
    CategoryRef,
    MemberIn,
    MemberOut,
    PhoneIn,
    PhoneOut,
    addresses_out,
    addresses_pb,
    alerts_out,
    alerts_pb,
    members_pb,
    phones_out,
    phones_pb,
)
from gateway.routes.client_filter import ClientFilterIn  # client search
from gateway.services import call, services

Kind = Literal["person", "company", "consortium"]
_KINDS = {"person": crm_pb2.CLIENT_KIND_PERSON, "company": crm_pb2.CLIENT_KIND_COMPANY,
          "consortium": crm_pb2.CLIENT_KIND_CONSORTIUM}
_KIND_NAMES = {v: k for k, v in _KINDS.items()}


class ClientOut(BaseModel):
    id: str
    kind: Kind
    display_name: str
    first_name: str
    last_name: str
    legal_name: str
    tax_id_type: str
    tax_id: str
    email: str
    phone: str
    birth_date: str | None
    has_portal_user: bool
    portal_user_id: str | None = Field(description="The client's portal user (identity's user id), for "
                                                   "staff actions on that account; null without one")
    created_at: str
    # --- client records ---
    trade_name: str
    phones: list[PhoneOut] = Field(description="`phone` above is the first of them")
    addresses: list[AddressOut] = Field(description="One is the main address")
    categories: list[CategoryRef] = Field(description="The firm's tags (empty for customers)")
    salesperson_id: str | None = Field(description="The staff user who looks after the client (staff only)")
    salesperson_name: str | None
    alerts: Alerts
    members: list[MemberOut] = Field(description="A consortium's member companies and shares")
    locale: str
    version: int = Field(description="Send it back when editing (PATCH): a save by someone else in between "
                                     "is refused with 409 edit_conflict")
    updated_at: str
    # --- end client records ---


class ClientIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    kind: Kind
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=150)
    legal_name: str = Field(default="", max_length=250)
    tax_id: str = Field(min_length=1, max_length=32)
    tax_id_type: str = Field(default="", max_length=20,
                             description="Force a type, e.g. pt_nif; Spanish ids are detected")
    email: str = Field(default="", max_length=254)
    phone: str = Field(default="", max_length=32)
    birth_date: str = Field(default="", max_length=10, description="YYYY-MM-DD")
    locale: str = Field(default="es", max_length=10)
    # --- client records ---
    trade_name: str = Field(default="", max_length=250)
    phones: list[PhoneIn] = Field(default_factory=list, max_length=10,
                                  description="With labels; `phone` alone is taken as one mobile")
    addresses: list[AddressIn] = Field(default_factory=list, max_length=10)
    category_ids: list[str] = Field(default_factory=list, max_length=50)
    salesperson_id: str = Field(default="", max_length=36, description="An active staff user of the firm")
    alerts: Alerts = Field(default_factory=Alerts)
    members: list[MemberIn] = Field(default_factory=list, max_length=50,
                                    description="A consortium's member companies (company clients of the firm)")
    # --- end client records ---


# --- client records ---
class ClientPatch(BaseModel):
    """An edit: the fields sent change, the others stay; `version` is the one read."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    version: int = Field(ge=1, description="The client's version when the editor read it")
    first_name: str | None = Field(default=None, max_length=100)
    last_name: str | None = Field(default=None, max_length=150)
    legal_name: str | None = Field(default=None, max_length=250)
    trade_name: str | None = Field(default=None, max_length=250)
    tax_id: str | None = Field(default=None, max_length=32)
    tax_id_type: str | None = Field(default=None, max_length=20)
    email: str | None = Field(default=None, max_length=254)
    phones: list[PhoneIn] | None = Field(default=None, max_length=10)
    addresses: list[AddressIn] | None = Field(default=None, max_length=10)
    birth_date: str | None = Field(default=None, max_length=10)
    locale: str | None = Field(default=None, max_length=10)
    category_ids: list[str] | None = Field(default=None, max_length=50)
    salesperson_id: str | None = Field(default=None, max_length=36)
    alerts: Alerts | None = None
    members: list[MemberIn] | None = Field(default=None, max_length=50)

    def changed_fields(self) -> list[str]:
        return sorted(self.model_fields_set - {"version"})


def client_values(body: ClientIn | ClientPatch) -> crm_pb2.CreateClientRequest:
    """The client's fields as crm takes them (absent ones empty: an edit names what it changes)."""
    return crm_pb2.CreateClientRequest(
        kind=_KINDS.get(getattr(body, "kind", "") or "", crm_pb2.CLIENT_KIND_UNSPECIFIED),
        first_name=body.first_name or "", last_name=body.last_name or "", legal_name=body.legal_name or "",
        trade_name=body.trade_name or "", tax_id=body.tax_id or "", tax_id_type=body.tax_id_type or "",
        email=body.email or "", phone=getattr(body, "phone", "") or "", phones=phones_pb(body.phones or []),
        addresses=addresses_pb(body.addresses or []), birth_date=body.birth_date or "", locale=body.locale or "",
        category_ids=body.category_ids or [], salesperson_id=body.salesperson_id or "",
        alerts=alerts_pb(body.alerts or Alerts()), members=members_pb(body.members or []))
# --- end client records ---


class ClientPage(BaseModel):
    items: list[ClientOut]
    next_cursor: str | None
    total: int = Field(default=0, description="Clients matching the filter, over all pages")  # client search


# --- client search ---
ClientSort = Literal["", "name", "-name", "created_at", "-created_at", "birthday"]


class ClientQuery(ClientFilterIn):
    """The list's filter (ClientFilterIn's fields), its sort and the page."""

    sort: ClientSort = Field(default="", description="name (accents and case aside), created_at, birthday (the "
                                                     "next one first), - for descending; empty: creation order. "
                                                     "A cursor belongs to its sort")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=25, ge=1, le=200)
# --- end client search ---


class PortalUserIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    username: str = Field(default="", max_length=254,
                          description="Defaults to the client's document number")
    password: str = Field(default="", max_length=1024,
                          description="Empty: the client gets a one-time link to choose it")


class PortalUserOut(BaseModel):
    user_id: str
    username: str


def client_out(client: crm_pb2.Client) -> ClientOut:
    return ClientOut(
        id=client.id, kind=_KIND_NAMES.get(client.kind, "person"),
        display_name=client.display_name, first_name=client.first_name,
        last_name=client.last_name, legal_name=client.legal_name,
        tax_id_type=client.tax_id.type, tax_id=client.tax_id.number, email=client.email,
        phone=client.phone, birth_date=client.birth_date or None,
        has_portal_user=client.has_portal_user, portal_user_id=client.portal_user_id or None,
        created_at=client.created_at,
        # client records
        trade_name=client.trade_name, phones=phones_out(client.phones), addresses=addresses_out(client.addresses),
        categories=[CategoryRef(id=c.id, name=c.name) for c in client.categories],
        salesperson_id=client.salesperson_id or None, salesperson_name=client.salesperson_name or None,
        alerts=alerts_out(client.alerts),
        members=[MemberOut(client_id=m.client_id, display_name=m.display_name, share=m.share) for m in client.members],
        locale=client.locale, version=client.version, updated_at=client.updated_at,
    )


def client_page(answer: crm_pb2.ListClientsResponse) -> ClientPage:
    return ClientPage(items=[client_out(c) for c in answer.items],
                      next_cursor=answer.page.next_cursor or None, total=answer.total)


@operation("/clients", "GET", summary="Search and list the firm's clients (staff): filters, sort, cursor pages",
           tag="clients", query=ClientQuery, response=ClientPage)
def list_clients(query: ClientQuery):  # noqa: ANN201
    answer = call(services().crm.ListClients, crm_pb2.ListClientsRequest(  # client search
        filter=query.message(), sort=query.sort, page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)))
    return client_page(answer)


@operation("/clients", "POST", summary="Create a client (staff)", tag="clients", body=ClientIn,
           response=ClientOut, status=201, errors=(409,))
def create_client(body: ClientIn):  # noqa: ANN201
    created = call(services().crm.CreateClient, client_values(body))  # client records
    return client_out(created)


@operation("/clients/{client_id}", "GET", summary="One client (staff, or the client themself)",
           tag="clients", response=ClientOut, errors=(404,))
def get_client(client_id: str):  # noqa: ANN201
    return client_out(call(services().crm.GetClient, crm_pb2.GetClientRequest(id=client_id)))


# --- client records ---
@operation("/clients/{client_id}", "PATCH",
           summary="Edit a client (staff): the fields sent change; 409 edit_conflict when someone saved first",
           tag="clients", body=ClientPatch, response=ClientOut, errors=(404, 409))
def update_client(client_id: str, body: ClientPatch):  # noqa: ANN201
    return client_out(call(services().crm.UpdateClient, crm_pb2.UpdateClientRequest(
        id=client_id, expected_version=body.version, fields=body.changed_fields(), values=client_values(body))))
# --- end client records ---


@operation("/clients/{client_id}/portal-user", "POST",
           summary="Create the client's portal user (staff); the client gets an e-mail",
           tag="clients", body=PortalUserIn, response=PortalUserOut, status=201,
           errors=(404, 409))
def create_portal_user(client_id: str, body: PortalUserIn):  # noqa: ANN201
    created = call(services().crm.CreatePortalUser, crm_pb2.CreatePortalUserRequest(
        client_id=client_id, username=body.username, password=body.password))
    return PortalUserOut(user_id=created.user_id, username=created.username)
