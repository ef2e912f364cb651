"""CRM clients: list, create, read, and creating a client's portal user."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from gateway.api import operation
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
    created_at: str


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


class ClientPage(BaseModel):
    items: list[ClientOut]
    next_cursor: str | None


class ClientQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    q: str = Field(default="", max_length=200, description="Name, document, e-mail or phone")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=25, ge=1, le=200)


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
        has_portal_user=client.has_portal_user, created_at=client.created_at,
    )


def client_page(answer: crm_pb2.ListClientsResponse) -> ClientPage:
    return ClientPage(items=[client_out(c) for c in answer.items],
                      next_cursor=answer.page.next_cursor or None)


@operation("/clients", "GET", summary="List the firm's clients (staff)", tag="clients",
           query=ClientQuery, response=ClientPage)
def list_clients(query: ClientQuery):  # noqa: ANN201
    answer = call(services().crm.ListClients, crm_pb2.ListClientsRequest(
        q=query.q, page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)))
    return client_page(answer)


@operation("/clients", "POST", summary="Create a client (staff)", tag="clients", body=ClientIn,
           response=ClientOut, status=201, errors=(409,))
def create_client(body: ClientIn):  # noqa: ANN201
    created = call(services().crm.CreateClient, crm_pb2.CreateClientRequest(
        kind=_KINDS[body.kind], first_name=body.first_name, last_name=body.last_name,
        legal_name=body.legal_name, tax_id=body.tax_id, tax_id_type=body.tax_id_type,
        email=body.email, phone=body.phone, birth_date=body.birth_date, locale=body.locale))
    return client_out(created)


@operation("/clients/{client_id}", "GET", summary="One client (staff, or the client themself)",
           tag="clients", response=ClientOut, errors=(404,))
def get_client(client_id: str):  # noqa: ANN201
    return client_out(call(services().crm.GetClient, crm_pb2.GetClientRequest(id=client_id)))


@operation("/clients/{client_id}/portal-user", "POST",
           summary="Create the client's portal user (staff); the client gets an e-mail",
           tag="clients", body=PortalUserIn, response=PortalUserOut, status=201,
           errors=(404, 409))
def create_portal_user(client_id: str, body: PortalUserIn):  # noqa: ANN201
    created = call(services().crm.CreatePortalUser, crm_pb2.CreatePortalUserRequest(
        client_id=client_id, username=body.username, password=body.password))
    return PortalUserOut(user_id=created.user_id, username=created.username)
