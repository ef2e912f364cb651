"""Client search: the filtered, sorted list and its contacts tab, the staff's saved filters, alerts
switched on or off for many clients at once, and the policy lines the filter offers.

Which clients is always `search_repository.matching_clients` / `selected_clients`; this module
adds the order and the pages, the permissions and the history of bulk changes.
"""

from __future__ import annotations

from datetime import date

from google.protobuf import json_format
from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.errors import Conflict, FieldError, Invalid, NotFound
from clientarea_shared.paging import cut_page, page_limit
from clientarea_shared.permissions import Permission, require
from clientarea_shared.runtime import Runtime
from clientarea_shared.text import normalise_text
from crm_service.domain.clients import ALERT_FIELDS
from crm_service.domain.content import firm_today
from crm_service.domain.search import TRISTATES, check_sort
from crm_service.handlers.clients import client_message, flush_checked
from crm_service.handlers.contacts import contact_message
from crm_service.handlers.history import record_changes
from crm_service.models import Client, SavedFilter
from crm_service.repository import CLIENT_PARTS
from crm_service.search_repository import (
    ListOrder,
    client_page,
    contact_cursor,
    contacts_page,
    count_of,
    matching_clients,
    matching_contacts,
    policy_lines,
    selected_clients,
)

SAVED_FILTER_NAME_MAX = 80
SAVED_FILTER_EXISTS = "You already have a saved filter with this name"


def _today() -> date:
    """The firm's day (Madrid): birthdays and policies in force turn at its midnight."""
    return firm_today(utcnow())


def _request_filter(request: pb.ListClientsRequest) -> pb.ClientFilter:
    """The request's filter; the older plain `q` counts when the filter has none."""
    client_filter = pb.ClientFilter()
    client_filter.CopyFrom(request.filter)
    if not client_filter.q and request.q:
        client_filter.q = request.q
    return client_filter


# --- the list and its contacts tab ----------------------------------------------------------------

def list_clients(runtime: Runtime, request: pb.ListClientsRequest) -> pb.ListClientsResponse:
    principal = require(Permission.CLIENTS_READ)
    limit = page_limit(request.page.limit)
    sort = check_sort(request.sort)
    today = _today()
    order = ListOrder(sort, today, request.page.cursor)
    with runtime.db.read() as session:
        found = client_page(session, principal.tenant_id, _request_filter(request), order, limit, today=today,
                            options=CLIENT_PARTS)
        items, page = cut_page(found.rows, limit, key=lambda c: c.id)
        if page.next_cursor:
            page.next_cursor = order.cursor_of(items[-1])
        return pb.ListClientsResponse(items=[client_message(c) for c in items], page=page, total=found.total)


def search_contacts(runtime: Runtime, request: pb.SearchContactsRequest) -> pb.SearchContactsResponse:
    principal = require(Permission.CLIENTS_READ)
    limit = page_limit(request.page.limit)
    with runtime.db.read() as session:
        query = matching_contacts(session, principal.tenant_id, request.filter, today=_today())
        rows = contacts_page(session, query, request.page.cursor, limit)
        items, page = cut_page(rows, limit, key=lambda row: row[0].id)
        if page.next_cursor:
            page.next_cursor = contact_cursor(*items[-1])
        return pb.SearchContactsResponse(
            items=[pb.ContactHit(contact=contact_message(contact), client_display_name=client.display_name)
                   for contact, client in items],
            page=page, total=count_of(session, query))


def list_policy_lines(runtime: Runtime, request: pb.ListPolicyLinesRequest) -> pb.ListPolicyLinesResponse:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        return pb.ListPolicyLinesResponse(lines=policy_lines(session, principal.tenant_id))


# --- saved filters --------------------------------------------------------------------------------

def saved_filter_message(row: SavedFilter) -> pb.SavedFilter:
    message = pb.SavedFilter(id=row.id, name=row.name, created_at=row.created_at.isoformat())
    json_format.ParseDict(row.filter, message.filter, ignore_unknown_fields=True)
    return message


def _saved_filter_name(raw: str) -> str:
    name = " ".join(raw.split())
    if not name:
        raise Invalid.field("name", "required", "Give the filter a name")
    if len(name) > SAVED_FILTER_NAME_MAX:
        raise Invalid.field("name", "too_long", f"At most {SAVED_FILTER_NAME_MAX} characters")
    return name


def _saved_filter_exists() -> Conflict:
    return Conflict(SAVED_FILTER_EXISTS, "saved_filter_exists", [FieldError("name", "duplicate", SAVED_FILTER_EXISTS)])


def list_saved_filters(runtime: Runtime, request: pb.ListSavedFiltersRequest) -> pb.ListSavedFiltersResponse:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.read() as session:
        rows = session.scalars(select(SavedFilter).where(
            SavedFilter.tenant_id == principal.tenant_id, SavedFilter.owner_id == principal.user_id)
            .order_by(SavedFilter.name_key, SavedFilter.id))
        return pb.ListSavedFiltersResponse(items=[saved_filter_message(r) for r in rows])


def create_saved_filter(runtime: Runtime, request: pb.CreateSavedFilterRequest) -> pb.SavedFilter:
    principal = require(Permission.CLIENTS_READ)
    name = _saved_filter_name(request.name)
    with runtime.db.session() as session:
        matching_clients(session, principal.tenant_id, request.filter, today=_today())  # validated like a search
        key = normalise_text(name)
        if session.scalar(select(SavedFilter.id).where(
                SavedFilter.tenant_id == principal.tenant_id, SavedFilter.owner_id == principal.user_id,
                SavedFilter.name_key == key)) is not None:
            raise _saved_filter_exists()
        row = SavedFilter(id=new_id(), tenant_id=principal.tenant_id, owner_id=principal.user_id, name=name,
                          name_key=key, created_at=utcnow(),
                          filter=json_format.MessageToDict(request.filter, preserving_proto_field_name=True))
        session.add(row)
        try:
            session.flush()
        except IntegrityError as exc:  # the same name saved at the same moment
            raise _saved_filter_exists() from exc
        return saved_filter_message(row)


def delete_saved_filter(runtime: Runtime, request: pb.DeleteSavedFilterRequest) -> pb.DeleteSavedFilterResponse:
    principal = require(Permission.CLIENTS_READ)
    with runtime.db.session() as session:
        row = session.scalar(select(SavedFilter).where(
            SavedFilter.tenant_id == principal.tenant_id, SavedFilter.owner_id == principal.user_id,
            SavedFilter.id == request.id))
        if row is None:  # another user's filter is as missing as one that never was
            raise NotFound("Saved filter not found")
        session.delete(row)
        return pb.DeleteSavedFilterResponse()


# --- alerts for many clients ----------------------------------------------------------------------

def alert_changes(changes: pb.AlertChanges) -> dict[str, bool]:
    """{alert name: on?} for the alerts that change; Invalid when none does."""
    wanted: dict[str, bool] = {}
    for name in ALERT_FIELDS:
        value = getattr(changes, name)
        if value not in TRISTATES:
            raise Invalid.field(f"alerts.{name}", "invalid", "Choose on, off or unchanged")
        if TRISTATES[value] is not None:
            wanted[name] = bool(TRISTATES[value])
    if not wanted:
        raise Invalid.field("alerts", "empty", "Say which alerts to switch on or off")
    return wanted


def _alerts_snapshot(client: Client, names: list[str]) -> dict[str, str]:
    return {f"alerts.{name}": "on" if getattr(client, f"alert_{name}") else "off" for name in names}


def _differs(wanted: dict[str, bool]) -> ColumnElement[bool]:
    return or_(*[getattr(Client, f"alert_{name}") != on for name, on in wanted.items()])


def _apply_alerts(session: Session, principal: Principal, clients: list[Client], wanted: dict[str, bool]) -> None:
    names = list(wanted)
    for client in clients:
        before = _alerts_snapshot(client, names)
        for name, on in wanted.items():
            setattr(client, f"alert_{name}", on)
        client.updated_at = utcnow()
        record_changes(session, tenant_id=principal.tenant_id, client_id=client.id, entity="client",
                       entity_id=client.id, label=client.display_name, before=before,
                       after=_alerts_snapshot(client, names), actor=principal)
    flush_checked(session)


def set_alerts(runtime: Runtime, request: pb.SetAlertsRequest) -> pb.SetAlertsResponse:
    """One transaction: every selected client whose alerts differ gets them, a new version and a
    history entry; the others are not touched."""
    principal = require(Permission.CLIENTS_WRITE)
    wanted = alert_changes(request.changes)
    with runtime.db.session() as session:
        query = selected_clients(session, principal.tenant_id, request.selection, today=_today())
        matched = count_of(session, query)
        to_change = list(session.scalars(query.where(_differs(wanted)).order_by(Client.id)))
        _apply_alerts(session, principal, to_change, wanted)
        return pb.SetAlertsResponse(matched=matched, changed=len(to_change))
