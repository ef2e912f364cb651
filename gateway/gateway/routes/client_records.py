"""The client page's tabs for staff (seed 002): change history, contacts, and the tabs whose data
belongs to other services (policies and claims from policy, the collection log from collections,
the account statement from payments); the firm's categories; the staff directory to pick a
salesperson or an assignee.

Tabs of other services ask crm for the client first (in parallel with the service's own call):
a client of another firm, or none, is a 404 like in crm, never an empty tab. A tab whose service
fails answers 503 alone; the page shows the others.
"""

from __future__ import annotations

from flask import make_response
from pydantic import BaseModel, ConfigDict, Field

from clientarea.collections.v1 import collections_pb2
from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from clientarea.identity.v1 import identity_pb2
from clientarea.payments.v1 import payments_pb2
from clientarea.policy.v1 import policy_pb2
from clientarea_shared.errors import DomainError
from clientarea_shared.permissions import Permission, require
from gateway.api import operation
from gateway.routes.client_fields import PhoneIn, PhoneOut, phones_out, phones_pb
from gateway.routes.dashboard import BalanceOut, CaseSummary, MoneyOut, PolicySummary, case_summaries
from gateway.services import call, gather, services


class PageQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=25, ge=1, le=100)


def page_request(query: PageQuery) -> common_pb2.PageRequest:
    return common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)


# --- change history -----------------------------------------------------------------------------

class FieldChangeOut(BaseModel):
    field: str = Field(description="e.g. legal_name, phones, alerts.sms_collections, status")
    old: str = Field(description="As shown at the time; lists one item per line")
    new: str


class ChangeOut(BaseModel):
    id: str
    entity: str = Field(description="client | contact | task | file | ...")
    entity_id: str
    entity_label: str
    action: str = Field(description="created | updated | deleted | commented")
    changes: list[FieldChangeOut]
    actor_id: str | None
    actor_name: str
    actor_kind: str = Field(description="staff | customer | system")
    occurred_at: str


class HistoryPage(BaseModel):
    items: list[ChangeOut]
    next_cursor: str | None


def change_out(record: crm_pb2.ChangeRecord) -> ChangeOut:
    return ChangeOut(
        id=record.id, entity=record.entity, entity_id=record.entity_id, entity_label=record.entity_label,
        action=record.action, actor_id=record.actor_id or None, actor_name=record.actor_name,
        actor_kind=record.actor_kind, occurred_at=record.occurred_at,
        changes=[FieldChangeOut(field=c.field, old=c.old_value, new=c.new_value) for c in record.changes])


@operation("/clients/{client_id}/history", "GET", summary="A client's change history, newest first (staff)",
           tag="clients", query=PageQuery, response=HistoryPage, errors=(404,))
def client_history(client_id: str, query: PageQuery):  # noqa: ANN201
    answer = call(services().crm.ListClientHistory, crm_pb2.ListClientHistoryRequest(
        client_id=client_id, page=page_request(query)))
    return HistoryPage(items=[change_out(r) for r in answer.items], next_cursor=answer.page.next_cursor or None)


# --- contacts -----------------------------------------------------------------------------------

class ContactIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    role: str = Field(max_length=30, description="family | manager | legal_representative | accountant | other")
    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(default="", max_length=150)
    phones: list[PhoneIn] = Field(default_factory=list, max_length=10)
    emails: list[str] = Field(default_factory=list, max_length=10)
    notes: str = Field(default="", max_length=2000)


class ContactUpdateIn(ContactIn):
    version: int = Field(ge=1, description="The contact's version when the editor read it")


class ContactOut(BaseModel):
    id: str
    client_id: str
    role: str
    first_name: str
    last_name: str
    phones: list[PhoneOut]
    emails: list[str]
    notes: str
    version: int
    created_at: str
    updated_at: str


class ContactList(BaseModel):
    items: list[ContactOut]


def contact_out(contact: crm_pb2.Contact) -> ContactOut:
    return ContactOut(id=contact.id, client_id=contact.client_id, role=contact.role, first_name=contact.first_name,
                      last_name=contact.last_name, phones=phones_out(contact.phones), emails=list(contact.emails),
                      notes=contact.notes, version=contact.version, created_at=contact.created_at,
                      updated_at=contact.updated_at)


def contact_values(body: ContactIn) -> crm_pb2.ContactValues:
    return crm_pb2.ContactValues(role=body.role, first_name=body.first_name, last_name=body.last_name,
                                 phones=phones_pb(body.phones), emails=body.emails, notes=body.notes)


@operation("/clients/{client_id}/contacts", "GET", summary="A client's contacts (staff)", tag="clients",
           response=ContactList, errors=(404,))
def list_contacts(client_id: str):  # noqa: ANN201
    answer = call(services().crm.ListContacts, crm_pb2.ListContactsRequest(client_id=client_id))
    return ContactList(items=[contact_out(c) for c in answer.items])


@operation("/clients/{client_id}/contacts", "POST", summary="Add a contact to a client (staff)", tag="clients",
           body=ContactIn, response=ContactOut, status=201, errors=(404,))
def create_contact(client_id: str, body: ContactIn):  # noqa: ANN201
    return contact_out(call(services().crm.CreateContact, crm_pb2.CreateContactRequest(
        client_id=client_id, values=contact_values(body))))


@operation("/contacts/{contact_id}", "PUT",
           summary="Replace a contact's data (staff); 409 edit_conflict when someone saved first",
           tag="clients", body=ContactUpdateIn, response=ContactOut, errors=(404, 409))
def update_contact(contact_id: str, body: ContactUpdateIn):  # noqa: ANN201
    return contact_out(call(services().crm.UpdateContact, crm_pb2.UpdateContactRequest(
        id=contact_id, expected_version=body.version, values=contact_values(body))))


@operation("/contacts/{contact_id}", "DELETE", summary="Remove a contact (staff)", tag="clients", status=204,
           errors=(404,))
def delete_contact(contact_id: str):  # noqa: ANN201
    call(services().crm.DeleteContact, crm_pb2.DeleteContactRequest(id=contact_id))
    return make_response("", 204)


# --- the firm's categories ----------------------------------------------------------------------

class CategoryIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str = Field(max_length=60)


class CategoryOut(BaseModel):
    id: str
    name: str
    client_count: int


class CategoryList(BaseModel):
    items: list[CategoryOut]


class CategoryDeleted(BaseModel):
    clients_updated: int = Field(description="Clients that had it (each records the change in its history)")


def category_out(category: crm_pb2.Category) -> CategoryOut:
    return CategoryOut(id=category.id, name=category.name, client_count=category.client_count)


@operation("/categories", "GET", summary="The firm's client categories, with how many clients have each (staff)",
           tag="categories", response=CategoryList)
def list_categories():  # noqa: ANN201
    answer = call(services().crm.ListCategories, crm_pb2.ListCategoriesRequest())
    return CategoryList(items=[category_out(c) for c in answer.items])


@operation("/categories", "POST", summary="Create a client category (admins, agents)", tag="categories",
           body=CategoryIn, response=CategoryOut, status=201, errors=(409,))
def create_category(body: CategoryIn):  # noqa: ANN201
    return category_out(call(services().crm.CreateCategory, crm_pb2.CreateCategoryRequest(name=body.name)))


@operation("/categories/{category_id}", "PATCH", summary="Rename a client category (admins, agents)",
           tag="categories", body=CategoryIn, response=CategoryOut, errors=(404, 409))
def rename_category(category_id: str, body: CategoryIn):  # noqa: ANN201
    return category_out(call(services().crm.RenameCategory, crm_pb2.RenameCategoryRequest(
        id=category_id, name=body.name)))


@operation("/categories/{category_id}", "DELETE",
           summary="Delete a client category; its clients lose it (admins, agents)", tag="categories",
           response=CategoryDeleted, errors=(404,))
def delete_category(category_id: str):  # noqa: ANN201
    answer = call(services().crm.DeleteCategory, crm_pb2.DeleteCategoryRequest(id=category_id))
    return CategoryDeleted(clients_updated=answer.clients_updated)


# --- the staff directory ------------------------------------------------------------------------

class ColleagueOut(BaseModel):
    id: str
    display_name: str
    roles: list[str]


class StaffDirectoryOut(BaseModel):
    items: list[ColleagueOut]


@operation("/staff-directory", "GET",
           summary="The firm's active staff by name, to pick a salesperson or an assignee (staff)",
           tag="clients", response=StaffDirectoryOut)
def staff_directory():  # noqa: ANN201
    answer = call(services().identity.ListStaffDirectory, identity_pb2.ListStaffDirectoryRequest())
    return StaffDirectoryOut(items=[ColleagueOut(id=e.id, display_name=e.display_name, roles=list(e.roles))
                                    for e in answer.items])


# --- tabs of other services ---------------------------------------------------------------------

def _with_client(client_id: str, start_tab) -> object:  # noqa: ANN001
    """The tab's answer once crm confirms the client is the caller's firm's (404 otherwise)."""
    require(Permission.CLIENTS_READ)
    api = services()
    client, answer = gather(lambda: api.crm.GetClient.future(crm_pb2.GetClientRequest(id=client_id)), start_tab)
    for result in (client, answer):
        if isinstance(result, DomainError):
            raise result
    return answer


def _money(m: common_pb2.Money) -> MoneyOut:
    return MoneyOut(minor_units=m.minor_units, currency=m.currency)


class PolicyPage(BaseModel):
    items: list[PolicySummary]
    next_cursor: str | None


@operation("/clients/{client_id}/policies", "GET", summary="A client's policies (staff; from policy)",
           tag="clients", query=PageQuery, response=PolicyPage, errors=(404, 503))
def client_policies(client_id: str, query: PageQuery):  # noqa: ANN201
    answer = _with_client(client_id, lambda: services().policy.ListPolicies.future(policy_pb2.ListPoliciesRequest(
        client_id=client_id, page=page_request(query))))
    return PolicyPage(items=[PolicySummary(id=p.id, number=p.number, line=p.line, status=p.status,
                                           premium=_money(p.premium), ends_on=p.ends_on or None)
                             for p in answer.items], next_cursor=answer.page.next_cursor or None)


class ClaimOut(BaseModel):
    id: str
    policy_id: str
    number: str
    status: str
    occurred_on: str
    description: str
    claimed: MoneyOut


class ClaimPage(BaseModel):
    items: list[ClaimOut]
    next_cursor: str | None


@operation("/clients/{client_id}/claims", "GET",
           summary="A client's claims (staff; from policy, which keeps none yet: an empty page)",
           tag="clients", query=PageQuery, response=ClaimPage, errors=(404, 503))
def client_claims(client_id: str, query: PageQuery):  # noqa: ANN201
    answer = _with_client(client_id, lambda: services().policy.ListClaims.future(policy_pb2.ListClaimsRequest(
        client_id=client_id, page=page_request(query))))
    return ClaimPage(items=[ClaimOut(id=c.id, policy_id=c.policy_id, number=c.number, status=c.status,
                                     occurred_on=c.occurred_on, description=c.description, claimed=_money(c.claimed))
                            for c in answer.items], next_cursor=answer.page.next_cursor or None)


class CollectionCase(CaseSummary):
    status: str = Field(description="open | closed")


class CollectionLog(BaseModel):
    items: list[CollectionCase]
    next_cursor: str | None


@operation("/clients/{client_id}/collection-log", "GET",
           summary="A client's collection cases, open and closed (staff; from collections)", tag="clients",
           query=PageQuery, response=CollectionLog, errors=(404, 503))
def client_collection_log(client_id: str, query: PageQuery):  # noqa: ANN201
    answer = _with_client(client_id, lambda: services().collections.ListCases.future(
        collections_pb2.ListCasesRequest(client_id=client_id, page=page_request(query))))
    statuses = {c.id: c.status for c in answer.items}
    items = [CollectionCase(**case.model_dump(), status=statuses[case.id]) for case in case_summaries(answer)]
    return CollectionLog(items=items, next_cursor=answer.page.next_cursor or None)


class InvoiceOut(BaseModel):
    id: str
    number: str
    status: str = Field(description="open | paid | void")
    total: MoneyOut
    amount_due: MoneyOut
    issued_on: str
    due_on: str


class AccountStatement(BaseModel):
    balance: BalanceOut
    invoices: list[InvoiceOut]
    next_cursor: str | None


@operation("/clients/{client_id}/account-statement", "GET",
           summary="A client's balance and invoices (staff; from payments)", tag="clients", query=PageQuery,
           response=AccountStatement, errors=(404, 503))
def client_account_statement(client_id: str, query: PageQuery):  # noqa: ANN201
    require(Permission.CLIENTS_READ)
    api = services()
    client, balance, invoices = gather(
        lambda: api.crm.GetClient.future(crm_pb2.GetClientRequest(id=client_id)),
        lambda: api.payments.GetBalance.future(payments_pb2.GetBalanceRequest(client_id=client_id)),
        lambda: api.payments.ListInvoices.future(payments_pb2.ListInvoicesRequest(
            client_id=client_id, page=page_request(query))))
    for result in (client, balance, invoices):
        if isinstance(result, DomainError):
            raise result
    return AccountStatement(
        balance=BalanceOut(owed=[_money(m) for m in balance.owed], overdue=[_money(m) for m in balance.overdue]),
        invoices=[InvoiceOut(id=i.id, number=i.number, status=i.status, total=_money(i.total),
                             amount_due=_money(i.amount_due), issued_on=i.issued_on, due_on=i.due_on)
                  for i in invoices.items],
        next_cursor=invoices.page.next_cursor or None)
