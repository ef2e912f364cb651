"""The client search's other resources (staff): the contacts tab of the results, the policy lines
the filter offers, the caller's saved filters, and alerts switched for many clients at once.

`GET /clients` itself (the filtered, sorted list) is in clients.py; every resource here names its
clients with the shared ClientFilterIn / SelectionIn (client_filter.py).
"""

from __future__ import annotations

from flask import make_response
from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from gateway.api import operation
from gateway.routes.client_fields import PhoneOut, phones_out
from gateway.routes.client_filter import ClientFilterIn, SelectionIn
from gateway.services import call, services

_KIND_NAMES = {crm_pb2.CLIENT_KIND_PERSON: "person", crm_pb2.CLIENT_KIND_COMPANY: "company",
               crm_pb2.CLIENT_KIND_CONSORTIUM: "consortium"}
_PORTAL_USER_NAMES = {crm_pb2.TRISTATE_YES: "yes", crm_pb2.TRISTATE_NO: "no"}
_ALERTS_NAMES = {crm_pb2.TRISTATE_YES: "on", crm_pb2.TRISTATE_NO: "off"}


def filter_in(message: crm_pb2.ClientFilter) -> ClientFilterIn:
    """A stored filter in the shape the API takes it (to fill the list's form again)."""
    return ClientFilterIn(
        q=message.q, salesperson_id=message.salesperson_id, birthday_from=message.birthday_from,
        birthday_to=message.birthday_to, category_ids=list(message.category_ids),
        has_policy_line=message.has_policy_line, lacks_policy_line=message.lacks_policy_line,
        portal_user=_PORTAL_USER_NAMES.get(message.portal_user, ""), alerts=_ALERTS_NAMES.get(message.alerts, ""),
        kind=_KIND_NAMES.get(message.kind, ""))


# --- the contacts tab -----------------------------------------------------------------------------

class ContactSearchQuery(ClientFilterIn):
    cursor: str = Field(default="", max_length=500)
    limit: int = Field(default=25, ge=1, le=200)


class ContactHitOut(BaseModel):
    id: str
    client_id: str
    client_display_name: str
    role: str
    first_name: str
    last_name: str
    phones: list[PhoneOut]
    emails: list[str]


class ContactHitPage(BaseModel):
    items: list[ContactHitOut]
    next_cursor: str | None
    total: int


@operation("/clients/contacts", "GET",
           summary="Contacts of the clients matching the filter; q matches the contact or its client (staff)",
           tag="clients", query=ContactSearchQuery, response=ContactHitPage)
def search_client_contacts(query: ContactSearchQuery):  # noqa: ANN201
    answer = call(services().crm.SearchContacts, crm_pb2.SearchContactsRequest(
        filter=query.message(), page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit)))
    return ContactHitPage(
        items=[ContactHitOut(id=h.contact.id, client_id=h.contact.client_id, client_display_name=h.client_display_name,
                             role=h.contact.role, first_name=h.contact.first_name, last_name=h.contact.last_name,
                             phones=phones_out(h.contact.phones), emails=list(h.contact.emails))
               for h in answer.items],
        next_cursor=answer.page.next_cursor or None, total=answer.total)


# --- policy lines ---------------------------------------------------------------------------------

class PolicyLinesOut(BaseModel):
    lines: list[str] = Field(description="Lines of the firm's policies that crm knows (credit, surety, ...)")


@operation("/policy-lines", "GET", summary="The policy lines the client filter offers (staff)", tag="clients",
           response=PolicyLinesOut)
def list_policy_lines():  # noqa: ANN201
    return PolicyLinesOut(lines=list(call(services().crm.ListPolicyLines, crm_pb2.ListPolicyLinesRequest()).lines))


# --- saved filters --------------------------------------------------------------------------------

class SavedFilterIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)
    name: str = Field(max_length=80, description="Unique among the caller's filters, case and accents aside")
    filter: ClientFilterIn = Field(default_factory=ClientFilterIn)


class SavedFilterOut(BaseModel):
    id: str
    name: str
    filter: ClientFilterIn
    created_at: str


class SavedFilterList(BaseModel):
    items: list[SavedFilterOut]


def saved_filter_out(saved: crm_pb2.SavedFilter) -> SavedFilterOut:
    return SavedFilterOut(id=saved.id, name=saved.name, filter=filter_in(saved.filter), created_at=saved.created_at)


@operation("/saved-filters", "GET", summary="The caller's saved client filters, by name (staff)", tag="clients",
           response=SavedFilterList)
def list_saved_filters():  # noqa: ANN201
    answer = call(services().crm.ListSavedFilters, crm_pb2.ListSavedFiltersRequest())
    return SavedFilterList(items=[saved_filter_out(s) for s in answer.items])


@operation("/saved-filters", "POST", summary="Save a client filter under a name (staff); 409 saved_filter_exists",
           tag="clients", body=SavedFilterIn, response=SavedFilterOut, status=201, errors=(409,))
def create_saved_filter(body: SavedFilterIn):  # noqa: ANN201
    return saved_filter_out(call(services().crm.CreateSavedFilter, crm_pb2.CreateSavedFilterRequest(
        name=body.name, filter=body.filter.message())))


@operation("/saved-filters/{filter_id}", "DELETE", summary="Delete one of the caller's saved filters (staff)",
           tag="clients", status=204, errors=(404,))
def delete_saved_filter(filter_id: str):  # noqa: ANN201
    call(services().crm.DeleteSavedFilter, crm_pb2.DeleteSavedFilterRequest(id=filter_id))
    return make_response("", 204)


# --- alerts for many clients ----------------------------------------------------------------------

class AlertSwitches(BaseModel):
    """true: on, false: off, absent (or null): unchanged."""

    model_config = ConfigDict(extra="forbid")
    email_collections: bool | None = None
    email_renewals: bool | None = None
    sms_collections: bool | None = None
    sms_renewals: bool | None = None

    def message(self) -> crm_pb2.AlertChanges:
        def state(value: bool | None) -> int:
            return crm_pb2.TRISTATE_ANY if value is None else crm_pb2.TRISTATE_YES if value else crm_pb2.TRISTATE_NO

        return crm_pb2.AlertChanges(**{name: state(getattr(self, name)) for name in type(self).model_fields})


class BulkAlertsIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    selection: SelectionIn
    alerts: AlertSwitches


class BulkAlertsOut(BaseModel):
    matched: int = Field(description="Clients selected")
    changed: int = Field(description="Of them, those whose alerts changed (each with a history entry)")


@operation("/clients/bulk/alerts", "POST",
           summary="Switch alerts on or off for the clients picked, or all matching the filter (staff)",
           tag="clients", body=BulkAlertsIn, response=BulkAlertsOut)
def set_bulk_alerts(body: BulkAlertsIn):  # noqa: ANN201
    answer = call(services().crm.SetAlerts, crm_pb2.SetAlertsRequest(
        selection=body.selection.message(), changes=body.alerts.message()))
    return BulkAlertsOut(matched=answer.matched, changed=answer.changed)
