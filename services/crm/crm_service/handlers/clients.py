"""Clients: create, read, list and edit the firm's clients (persons, companies, consortiums).

Every field is validated at once (domain/clients.py); what needs the database or identity is
checked here: the categories are the firm's, a consortium's members are company clients of the
firm, the salesperson is an active colleague, the document number is not another client's. An
edit names the fields it changes and the version it read; a save by someone else in between is
refused (`edit_conflict`), never overwritten. Every change lands in the client's history.
"""

from __future__ import annotations

from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal, may_see
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound
from clientarea_shared.paging import after_id, cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from crm_service.domain.clients import (
    EDITABLE_FIELDS,
    AddressInput,
    Alerts,
    ClientData,
    ClientInput,
    MemberInput,
    PhoneInput,
    edited,
    format_phone,
    history_snapshot,
    share_text,
    validate_client,
)
from crm_service.handlers.history import record_changes
from crm_service.handlers.staff import active_colleague
from crm_service.models import Category, Client
from crm_service.repository import CategoryRepository, ClientRepository, client_data

KIND_TO_PB = {
    "person": pb.CLIENT_KIND_PERSON,
    "company": pb.CLIENT_KIND_COMPANY,
    "consortium": pb.CLIENT_KIND_CONSORTIUM,
}
PB_TO_KIND = {v: k for k, v in KIND_TO_PB.items()}
DUPLICATE_TAX_ID = "A client with this document number already exists"


# --- messages -------------------------------------------------------------------------------------

def phone_message(label: str, number: str) -> pb.Phone:
    return pb.Phone(label=label, number=number, formatted=format_phone(number))


def client_message(client: Client, *, internal: bool = True) -> pb.Client:
    """The client as an answer. `internal` adds what only the firm's staff see (categories and
    salesperson); customers get their own record without them."""
    message = pb.Client(
        id=client.id, kind=KIND_TO_PB[client.kind], display_name=client.display_name,
        first_name=client.first_name, last_name=client.last_name, legal_name=client.legal_name,
        trade_name=client.trade_name, tax_id=common_pb2.TaxId(type=client.tax_id_type, number=client.tax_id),
        email=client.email, phone=client.phone,
        birth_date=client.birth_date.isoformat() if client.birth_date else "",
        has_portal_user=client.portal_user_id is not None, portal_user_id=client.portal_user_id or "",
        created_at=client.created_at.isoformat(), updated_at=client.updated_at.isoformat(), locale=client.locale,
        phones=[phone_message(p.label, p.number) for p in client.phones],
        addresses=[pb.ClientAddress(street=a.street, number=a.number, floor_door=a.floor_door,
                                    postal_code=a.postal_code, city=a.city, province=a.province,
                                    country=a.country, is_main=a.is_main) for a in client.addresses],
        alerts=pb.Alerts(email_collections=client.alert_email_collections,
                         email_renewals=client.alert_email_renewals, sms_collections=client.alert_sms_collections,
                         sms_renewals=client.alert_sms_renewals),
        members=[pb.ConsortiumMember(client_id=m.member_id, share=share_text(m.share_hundredths),
                                     display_name=m.member.display_name if m.member else "")
                 for m in client.members],
        version=client.version,
    )
    if internal:
        message.categories.extend(pb.Category(id=c.id, name=c.name) for c in client.categories)
        message.salesperson_id = client.salesperson_id or ""
        message.salesperson_name = client.salesperson_name if client.salesperson_id else ""
    return message


# --- requests -------------------------------------------------------------------------------------

def phones_input(phones: list[pb.Phone]) -> tuple[PhoneInput, ...]:
    return tuple(PhoneInput(p.label, p.number) for p in phones)


def addresses_input(addresses: list[pb.ClientAddress]) -> tuple[AddressInput, ...]:
    return tuple(AddressInput(street=a.street, number=a.number, floor_door=a.floor_door, postal_code=a.postal_code,
                              city=a.city, province=a.province, country=a.country, is_main=a.is_main)
                 for a in addresses)


def alerts_input(alerts: pb.Alerts) -> Alerts:
    return Alerts(email_collections=alerts.email_collections, email_renewals=alerts.email_renewals,
                  sms_collections=alerts.sms_collections, sms_renewals=alerts.sms_renewals)


def client_input(request: pb.CreateClientRequest, kind: str) -> ClientInput:
    return ClientInput(
        kind=kind, tax_id=request.tax_id, first_name=request.first_name, last_name=request.last_name,
        legal_name=request.legal_name, trade_name=request.trade_name, tax_id_type=request.tax_id_type,
        email=request.email, phone=request.phone, phones=phones_input(request.phones),
        addresses=addresses_input(request.addresses), birth_date=request.birth_date, locale=request.locale,
        category_ids=tuple(request.category_ids), salesperson_id=request.salesperson_id,
        alerts=alerts_input(request.alerts),
        members=tuple(MemberInput(m.client_id, m.share) for m in request.members),
    )


# --- references to other records ------------------------------------------------------------------

class References:
    """The records a client's data names, found and checked: its categories, its member companies
    and its salesperson's name."""

    def __init__(self, categories: list[Category], members: dict[str, Client], salesperson_name: str):
        self.categories = categories
        self.members = members
        self.salesperson_name = salesperson_name

    def snapshot(self, data: ClientData) -> dict[str, str]:
        return history_snapshot(
            data, category_names={c.id: c.name for c in self.categories},
            member_names={i: c.display_name for i, c in self.members.items()}, salesperson_name=self.salesperson_name)


def _member_errors(data: ClientData, found: dict[str, Client], client_id: str) -> list[FieldError]:
    errors = []
    for index, member in enumerate(data.members):
        company = found.get(member.client_id)
        if company is None or company.id == client_id:
            errors.append(FieldError(f"members.{index}.client_id", "unknown", "Choose a company client of the firm"))
        elif company.kind != "company":
            errors.append(FieldError(f"members.{index}.client_id", "not_company", "Only companies can be members"))
    return errors


def check_references(runtime: Runtime, session: Session, principal: Principal, data: ClientData, *,
                     client: Client | None = None) -> References:
    """Find what `data` names, or Invalid with every unknown reference. The salesperson is asked of
    identity only when it changes: one who left keeps their clients until someone reassigns them."""
    errors: list[FieldError] = []
    categories = CategoryRepository(session, principal.tenant_id).get_many(data.category_ids)
    if len(categories) != len(data.category_ids):
        errors.append(FieldError("category_ids", "unknown", "Choose categories of the firm"))
    members = ClientRepository(session, principal.tenant_id).get_many([m.client_id for m in data.members])
    errors.extend(_member_errors(data, members, client.id if client else ""))
    salesperson_name = client.salesperson_name if client and client.salesperson_id else ""
    if data.salesperson_id and (client is None or data.salesperson_id != client.salesperson_id):
        try:
            salesperson_name = active_colleague(runtime, data.salesperson_id, "salesperson_id").display_name
        except Invalid as exc:
            errors.extend(exc.errors)
    if errors:
        raise Invalid(errors=errors)
    return References(categories, members, salesperson_name)


def references_of(client: Client) -> References:
    """What a stored client names, as loaded with it."""
    return References(list(client.categories), {m.member_id: m.member for m in client.members if m.member},
                      client.salesperson_name)


def duplicate_tax_id() -> Conflict:
    return Conflict(DUPLICATE_TAX_ID, "duplicate_tax_id", [FieldError("tax_id", "duplicate", DUPLICATE_TAX_ID)])


def edit_conflict() -> Conflict:
    return Conflict("Someone else saved this record after you opened it: reload it to see their changes",
                    "edit_conflict", [FieldError("version", "stale", "Reload to see the latest version")])


def flush_checked(session: Session) -> None:
    """Write now, turning a lost race into the answer the caller would have got a moment later."""
    try:
        session.flush()
    except StaleDataError as exc:
        raise edit_conflict() from exc
    except IntegrityError as exc:
        if "tax_id" in str(exc.orig):
            raise duplicate_tax_id() from exc
        raise


# --- RPCs -----------------------------------------------------------------------------------------

def create(runtime: Runtime, request: pb.CreateClientRequest) -> pb.Client:
    principal = require(Permission.CLIENTS_WRITE)
    data = validate_client(client_input(request, PB_TO_KIND.get(request.kind, "")))
    with runtime.db.session() as session:
        repo = ClientRepository(session, principal.tenant_id)
        refs = check_references(runtime, session, principal, data)
        if repo.tax_id_exists(data.tax_id):
            raise duplicate_tax_id()
        client = repo.add(data, categories=refs.categories, salesperson_name=refs.salesperson_name)
        flush_checked(session)
        record_changes(session, tenant_id=principal.tenant_id, client_id=client.id, entity="client",
                       entity_id=client.id, label=client.display_name, before={}, after=refs.snapshot(data),
                       actor=principal)
        return client_message(client)


def get(runtime: Runtime, request: pb.GetClientRequest) -> pb.Client:
    principal = require(Permission.CLIENTS_READ, Permission.OWN_DATA_READ)
    # A customer reads only their own client record; the same answer as for a missing one.
    if not may_see(principal, request.id):
        raise NotFound("Client not found")
    with runtime.db.read() as session:
        client = ClientRepository(session, principal.tenant_id).get(request.id)
        if client is None:
            raise NotFound("Client not found")
        return client_message(client, internal=principal.is_staff)


def list_clients(runtime: Runtime, request: pb.ListClientsRequest) -> pb.ListClientsResponse:
    principal = require(Permission.CLIENTS_READ)
    limit = page_limit(request.page.limit)
    with runtime.db.read() as session:
        rows = ClientRepository(session, principal.tenant_id).page(q=request.q, after_id=after_id(request.page),
                                                                   limit=limit)
        items, page = cut_page(rows, limit, key=lambda c: c.id)
        return pb.ListClientsResponse(items=[client_message(c) for c in items], page=page)


def save_edit(runtime: Runtime, session: Session, principal: Principal, client: Client, *,
              changes: ClientInput, fields: list[str], allowed: frozenset[str], expected_version: int) -> Client:
    """Apply an edit of `fields` to a loaded client, check it, store it and record it in the
    history (shared by staff edits and the customer's own profile)."""
    if not fields:
        raise Invalid.field("fields", "required", "Say which fields change")
    if expected_version <= 0:
        raise Invalid.field("expected_version", "required", "Send the version you read")
    if expected_version != client.version:
        raise edit_conflict()
    data = edited(client_data(client), changes, fields, allowed)
    refs = check_references(runtime, session, principal, data, client=client)
    if data.tax_id != client.tax_id and ClientRepository(session, principal.tenant_id).tax_id_exists(data.tax_id):
        raise duplicate_tax_id()
    before = references_of(client).snapshot(client_data(client))
    after = refs.snapshot(data)
    if before == after:
        return client  # nothing changed: no new version, nothing in the history
    repo = ClientRepository(session, principal.tenant_id)
    repo.write(client, data, categories=refs.categories, salesperson_name=refs.salesperson_name)
    repo.touch(client)
    flush_checked(session)
    record_changes(session, tenant_id=principal.tenant_id, client_id=client.id, entity="client", entity_id=client.id,
                   label=client.display_name, before=before, after=after, actor=principal)
    session.refresh(client)  # the parts as stored, with their member companies' names
    return client


def update(runtime: Runtime, request: pb.UpdateClientRequest) -> pb.Client:
    principal = require(Permission.CLIENTS_WRITE)
    with runtime.db.session() as session:
        client = ClientRepository(session, principal.tenant_id).get(request.id)
        if client is None:
            raise NotFound("Client not found")
        saved = save_edit(runtime, session, principal, client, changes=client_input(request.values, client.kind),
                          fields=list(request.fields), allowed=EDITABLE_FIELDS,
                          expected_version=request.expected_version)
        return client_message(saved)
