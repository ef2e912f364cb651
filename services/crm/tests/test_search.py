"""The client search over gRPC on PostgreSQL: every filter alone and combined, sorts with cursor
pages, the contacts tab, crm's read model of policy lines fed by policy's events, saved filters
and alerts switched for many clients at once; bad filters refused field by field; firms and
users kept apart.

Each test tags its own clients with a fresh category, so the rest of the run's clients never
show up in its results."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta

import grpc
import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.policy.v1 import policy_pb2
from clientarea_shared import demo
from clientarea_shared.db import new_id
from clientarea_shared.paging import encode_cursor
from clientarea_shared.testing import bearer, field_errors, wait_until
from clientarea_shared.text import normalise_text
from crm_service.domain.search import search_terms
from crm_service.events import on_policy_saved
from crm_service.models import Client

from .conftest import ADMIN_ID, AGENT_ID, cif, nif

pytestmark = pytest.mark.integration
ANY, YES, NO = crm_pb2.TRISTATE_ANY, crm_pb2.TRISTATE_YES, crm_pb2.TRISTATE_NO


def tag(crm, staff) -> str:
    return crm.CreateCategory(crm_pb2.CreateCategoryRequest(name=f"Búsqueda {secrets.token_hex(4)}"),
                              metadata=staff).id


def person(crm, staff, category: str, first: str = "Marina", last: str = "Soler Vidal", **fields) -> crm_pb2.Client:
    return crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_PERSON, first_name=first, last_name=last, tax_id=fields.pop("tax_id", nif()),
        category_ids=[category], **fields), metadata=staff)


def company(crm, staff, category: str, name: str, **fields) -> crm_pb2.Client:
    return crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_COMPANY, legal_name=name, tax_id=cif(), category_ids=[category], **fields),
        metadata=staff)


def search(crm, metadata, category: str | None = None, *, sort: str = "name", cursor: str = "", limit: int = 50,
           **criteria) -> crm_pb2.ListClientsResponse:
    client_filter = crm_pb2.ClientFilter(category_ids=[category] if category else [], **criteria)
    return crm.ListClients(crm_pb2.ListClientsRequest(
        filter=client_filter, sort=sort, page=common_pb2.PageRequest(cursor=cursor, limit=limit)), metadata=metadata)


def names(answer) -> list[str]:  # noqa: ANN001
    return [c.display_name for c in answer.items]


def refused(call) -> dict[str, str]:  # noqa: ANN001
    with pytest.raises(grpc.RpcError) as error:
        call()
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    return field_errors(error.value)


def policy_event(platform, client_id: str, line: str, status: str = "active", ends_on: str = "",
                 tenant_id: str = demo.TENANT_ID, policy_id: str | None = None,
                 occurred: datetime | None = None) -> str:
    """Hand crm a `policy.policy_saved` event as its consumer does (same handler, same session)."""
    policy_id = policy_id or new_id()
    stamp = Timestamp()
    stamp.FromDatetime(occurred or datetime.now(UTC))
    with platform.services["crm"].runtime.db.session() as session:
        on_policy_saved(session, EventEnvelope(id=new_id(), type="policy.policy_saved", tenant_id=tenant_id,
                                               occurred_at=stamp),
                        policy_pb2.PolicySaved(policy_id=policy_id, client_id=client_id, number=policy_id[:8],
                                               line=line, status=status, starts_on="2020-01-01", ends_on=ends_on))
    return policy_id


# --- free text ------------------------------------------------------------------------------------

def test_free_text_ignores_accents_and_case_over_names_document_email_and_phone(crm, staff):
    cat = tag(crm, staff)
    nuria = person(crm, staff, cat, "Núria", "Peñalver Ibáñez", email="nuria.pv@correo.test",
                   phones=[crm_pb2.Phone(label="mobile", number="612 34 56 78")])
    other = person(crm, staff, cat, "Jose", "Garcia Lopez", email="jgl@correo.test",
                   phones=[crm_pb2.Phone(label="mobile", number="699 111 222")])
    for q in ("nuria", "NÚRIA PEÑALVER", "penalver ibanez", "nuria.pv@correo", "612 34 56 78", "612345678",
              "+34 612 345 678", "34612345678", nuria.tax_id.number.lower()):
        assert names(search(crm, staff, cat, q=q)) == ["Núria Peñalver Ibáñez"], q
    assert names(search(crm, staff, cat, q="josé garcía")) == [other.display_name]
    assert names(search(crm, staff, cat, q="nuria garcia")) == []


def test_one_or_two_letters_match_the_start_of_a_word(crm, staff):
    cat = tag(crm, staff)
    jose = person(crm, staff, cat, "José", "Garcia Lopez")
    sebastian = person(crm, staff, cat, "Sebastián", "Mora Ortiz")
    assert names(search(crm, staff, cat, q="se")) == [sebastian.display_name]  # not the "se" inside José
    assert names(search(crm, staff, cat, q="J G")) == [jose.display_name]  # initials
    assert names(search(crm, staff, cat, q="ga")) == [jose.display_name]
    assert names(search(crm, staff, cat, q="ar")) == []  # inside garcia only
    assert names(search(crm, staff, cat, q="arc")) == [jose.display_name]  # three letters: anywhere


def test_a_phone_typed_in_groups_is_searched_as_one_number():
    assert search_terms("612 34 56 78") == ("612345678",)
    assert search_terms("Núria +34 612-345-678") == ("nuria", "34612345678")


# --- the other filters ----------------------------------------------------------------------------

def test_salesperson_kind_portal_user_and_alerts_filter_the_list(crm, staff):
    cat = tag(crm, staff)
    mine = person(crm, staff, cat, "Ana", "Ruiz", salesperson_id=AGENT_ID,
                  alerts=crm_pb2.Alerts(sms_renewals=True), email=f"a{secrets.token_hex(3)}@correo.test")
    theirs = person(crm, staff, cat, "Berta", "Sanz", salesperson_id=ADMIN_ID)
    firm = company(crm, staff, cat, "Construcciones Óscar S.L.")
    crm.CreatePortalUser(crm_pb2.CreatePortalUserRequest(client_id=mine.id, password="Tres-Cigrons-Verds-2026"),
                         metadata=staff)
    assert names(search(crm, staff, cat, salesperson_id=AGENT_ID)) == [mine.display_name]
    assert names(search(crm, staff, cat, kind=crm_pb2.CLIENT_KIND_COMPANY)) == [firm.display_name]
    assert names(search(crm, staff, cat, portal_user=YES)) == [mine.display_name]
    assert names(search(crm, staff, cat, portal_user=NO)) == sorted([theirs.display_name, firm.display_name])
    assert names(search(crm, staff, cat, alerts=YES)) == [mine.display_name]
    assert sorted(names(search(crm, staff, cat, alerts=NO))) == sorted([theirs.display_name, firm.display_name])
    item = search(crm, staff, cat, alerts=YES).items[0]
    assert item.has_portal_user and item.alerts.sms_renewals  # the list's icons


def test_categories_match_any_of_those_chosen(crm, staff):
    first, second, third = tag(crm, staff), tag(crm, staff), tag(crm, staff)
    a = person(crm, staff, first, "Carla", "Uno")
    b = person(crm, staff, second, "Dani", "Dos")
    person(crm, staff, third, "Eva", "Tres")
    answer = crm.ListClients(crm_pb2.ListClientsRequest(filter=crm_pb2.ClientFilter(category_ids=[first, second])),
                             metadata=staff)
    assert sorted(names(answer)) == sorted([a.display_name, b.display_name]) and answer.total == 2


def test_birthdays_recur_by_day_and_month_across_the_new_year(crm, staff):
    cat = tag(crm, staff)
    person(crm, staff, cat, "Nadal", "Uno", birth_date="1970-12-30")
    person(crm, staff, cat, "Reyes", "Dos", birth_date="2001-01-02")
    person(crm, staff, cat, "Verano", "Tres", birth_date="1990-07-15")
    person(crm, staff, cat, "Sin", "Fecha")
    company(crm, staff, cat, "Fundada en Enero S.A.", birth_date="1999-01-03")
    assert names(search(crm, staff, cat, birthday_from="2025-12-28", birthday_to="2026-01-03")) == [
        "Fundada en Enero S.A.", "Nadal Uno", "Reyes Dos"]  # founding dates count as birthdays
    assert names(search(crm, staff, cat, birthday_from="2026-07-01", birthday_to="2026-07-31")) == ["Verano Tres"]
    # A year or more covers every birthday (and not the clients without one).
    assert len(search(crm, staff, cat, birthday_from="2026-03-10", birthday_to="2027-03-09").items) == 4
    assert len(search(crm, staff, cat, birthday_from="2026-03-10", birthday_to="2028-01-01").items) == 4


def test_a_29_february_birthday_is_celebrated_on_the_28th_in_other_years(crm, staff):
    cat = tag(crm, staff)
    person(crm, staff, cat, "Bisiesto", "Uno", birth_date="1984-02-29")
    assert names(search(crm, staff, cat, birthday_from="2027-02-28", birthday_to="2027-02-28")) == ["Bisiesto Uno"]
    assert names(search(crm, staff, cat, birthday_from="2028-02-28", birthday_to="2028-02-28")) == []
    assert names(search(crm, staff, cat, birthday_from="2028-02-29", birthday_to="2028-03-01")) == ["Bisiesto Uno"]
    assert names(search(crm, staff, cat, birthday_from="2027-03-01", birthday_to="2027-03-05")) == []


# --- bad filters ----------------------------------------------------------------------------------

def test_bad_filters_are_refused_field_by_field(crm, staff):
    assert refused(lambda: search(crm, staff, birthday_from="2026-05-10", birthday_to="2026-05-01")) == {
        "filter.birthday_to": "before_from"}
    assert refused(lambda: search(crm, staff, birthday_from="2026-02-30", birthday_to="2026-13-01")) == {
        "filter.birthday_from": "invalid", "filter.birthday_to": "invalid"}
    assert refused(lambda: search(crm, staff, birthday_from="2026-05-10")) == {"filter.birthday_to": "required"}
    assert refused(lambda: search(crm, staff, new_id())) == {"filter.category_ids": "unknown"}
    assert refused(lambda: search(crm, staff, has_policy_line="credit", lacks_policy_line="Credit")) == {
        "filter.lacks_policy_line": "same_as_has"}
    assert refused(lambda: search(crm, staff, has_policy_line="crédito; drop")) == {
        "filter.has_policy_line": "invalid"}
    assert refused(lambda: search(crm, staff, sort="email")) == {"sort": "invalid"}


def test_another_firms_category_is_unknown_to_the_filter(crm, staff, other_firm):
    theirs = crm.CreateCategory(crm_pb2.CreateCategoryRequest(name="Ajena"), metadata=other_firm)
    assert refused(lambda: search(crm, staff, theirs.id)) == {"filter.category_ids": "unknown"}


# --- sorts and pages ------------------------------------------------------------------------------

def every_page(crm, staff, cat: str, sort: str, limit: int = 2, **criteria) -> list[crm_pb2.Client]:
    items, cursor = [], ""
    while True:
        answer = search(crm, staff, cat, sort=sort, cursor=cursor, limit=limit, **criteria)
        assert answer.total == 5
        items.extend(answer.items)
        cursor = answer.page.next_cursor
        if not cursor:
            return items


def test_each_sort_pages_with_its_cursor_without_repeats_or_gaps(crm, staff):
    cat = tag(crm, staff)
    today = date.today()
    for first, offset in (("Álvaro", 40), ("alba", 3), ("Bruno", 200), ("Álvaro", -2), ("Zoe", None)):
        birth = (today + timedelta(days=offset)).replace(year=1980) if offset is not None else None
        person(crm, staff, cat, first, "Test", birth_date=birth.isoformat() if birth else "")
    by_name = every_page(crm, staff, cat, "name")
    assert [c.first_name for c in by_name] == ["alba", "Álvaro", "Álvaro", "Bruno", "Zoe"]
    assert [c.id for c in every_page(crm, staff, cat, "-name")] == [c.id for c in reversed(by_name)]
    created = every_page(crm, staff, cat, "created_at")
    assert [c.id for c in every_page(crm, staff, cat, "-created_at")] == [c.id for c in reversed(created)]
    assert len({c.id for c in created}) == 5
    upcoming = [c.first_name for c in every_page(crm, staff, cat, "birthday")]
    assert upcoming[:3] == ["alba", "Álvaro", "Bruno"] and upcoming[4] == "Zoe"


def test_a_text_search_pages_and_counts_each_sort_as_the_plain_list_does(crm, staff):
    """With free text the list sorts and counts the matches in one query (search_repository's
    other plan); its pages, cursors and totals are the plain list's."""
    cat, word = tag(crm, staff), f"Pag{secrets.token_hex(3)}"
    today = date.today()
    for first, offset in (("Álvaro", 40), ("alba", 3), ("Bruno", 200), ("Álvaro", -2), ("Zoe", None)):
        birth = (today + timedelta(days=offset)).replace(year=1980) if offset is not None else None
        person(crm, staff, cat, first, word, birth_date=birth.isoformat() if birth else "")
    for sort in ("name", "-name", "created_at", "-created_at", "birthday"):
        by_text = every_page(crm, staff, cat, sort, q=word.lower())
        assert [c.id for c in by_text] == [c.id for c in every_page(crm, staff, cat, sort)], sort
    last = every_page(crm, staff, cat, "name", q=word)[-1]
    past_the_end = search(crm, staff, cat, q=word, cursor=encode_cursor("name", normalise_text(last.display_name),
                                                                          last.id))
    assert list(past_the_end.items) == [] and past_the_end.total == 5


def test_a_cursor_of_another_sort_is_invalid(crm, staff):
    cat = tag(crm, staff)
    for first in ("Uno", "Dos", "Tres"):
        person(crm, staff, cat, first, "Cursor")
    cursor = search(crm, staff, cat, sort="name", limit=1).page.next_cursor
    assert refused(lambda: search(crm, staff, cat, sort="-created_at", cursor=cursor)) == {"cursor": "invalid"}
    assert refused(lambda: search(crm, staff, cat, sort="name", cursor="not-a-cursor")) == {"cursor": "invalid"}


# --- policy lines (crm's read model of policy) ----------------------------------------------------

def test_the_demo_policies_reach_crm_through_policys_events(crm, staff):
    """policy's seed writes `policy.policy_saved` with each policy; crm's consumer fills its read
    model over the run's RabbitMQ."""
    lines = wait_until(lambda: set(crm.ListPolicyLines(crm_pb2.ListPolicyLinesRequest(), metadata=staff).lines)
                       >= {"credit", "home", "surety"} or None, 30, "crm to hear of the demo policies")
    assert lines
    with_credit = crm.ListClients(crm_pb2.ListClientsRequest(
        filter=crm_pb2.ClientFilter(has_policy_line="credit", q="talleres")), metadata=staff)
    assert [c.id for c in with_credit.items] == [demo.COMPANY_CLIENT_ID]
    # The demo customer's home policy expired: no home policy in force.
    lacking_home = crm.ListClients(crm_pb2.ListClientsRequest(
        filter=crm_pb2.ClientFilter(lacks_policy_line="home", has_policy_line="credit")), metadata=staff)
    assert demo.CLIENT_ID in [c.id for c in lacking_home.items]


def test_has_and_lacks_a_line_follow_the_policies_in_force(platform, crm, staff):
    cat = tag(crm, staff)
    both = person(crm, staff, cat, "Ambas", "Lineas")
    credit_only = person(crm, staff, cat, "Solo", "Credito")
    lapsed = person(crm, staff, cat, "Caducada", "Credito")
    person(crm, staff, cat, "Sin", "Polizas")
    policy_event(platform, both.id, "credit")
    policy_event(platform, both.id, "surety", status="suspended")  # suspended still binds
    policy_event(platform, credit_only.id, "credit", ends_on=date.today().isoformat())  # its last day
    policy_event(platform, lapsed.id, "credit", ends_on=(date.today() - timedelta(days=1)).isoformat())
    cancelled = policy_event(platform, lapsed.id, "surety")
    policy_event(platform, lapsed.id, "surety", status="cancelled", policy_id=cancelled)
    assert sorted(names(search(crm, staff, cat, has_policy_line="credit"))) == ["Ambas Lineas", "Solo Credito"]
    assert names(search(crm, staff, cat, has_policy_line="credit", lacks_policy_line="surety")) == ["Solo Credito"]
    assert sorted(names(search(crm, staff, cat, lacks_policy_line="credit"))) == ["Caducada Credito", "Sin Polizas"]


def test_the_read_model_ignores_older_events_and_other_firms_policy_ids(platform, crm, staff):
    cat = tag(crm, staff)
    client = person(crm, staff, cat, "Orden", "Eventos")
    policy_id = policy_event(platform, client.id, "credit", status="cancelled")
    policy_event(platform, client.id, "credit", status="active", policy_id=policy_id,
                 occurred=datetime.now(UTC) - timedelta(hours=1))  # a late redelivery of an older state
    policy_event(platform, client.id, "credit", status="active", policy_id=policy_id, tenant_id=new_id())
    assert names(search(crm, staff, cat, has_policy_line="credit")) == []


# --- the contacts tab -----------------------------------------------------------------------------

def test_contacts_of_matching_clients_are_found_by_their_own_details_or_their_clients(crm, staff):
    cat = tag(crm, staff)
    firm = company(crm, staff, cat, "Distribuciones Ñandú S.L.", salesperson_id=AGENT_ID)
    other = company(crm, staff, cat, "Otra Empresa S.L.", salesperson_id=ADMIN_ID)
    for client, first in ((firm, "Íñigo"), (firm, "Lucía"), (other, "Íñigo")):
        crm.CreateContact(crm_pb2.CreateContactRequest(client_id=client.id, values=crm_pb2.ContactValues(
            role="manager", first_name=first, last_name="Contacto", emails=[f"{secrets.token_hex(3)}@x.test"],
            phones=[crm_pb2.Phone(label="mobile", number="655 44 33 22")])), metadata=staff)

    def contacts(**criteria) -> list[tuple[str, str]]:  # noqa: ANN003
        answer = crm.SearchContacts(crm_pb2.SearchContactsRequest(
            filter=crm_pb2.ClientFilter(category_ids=[cat], **criteria)), metadata=staff)
        return [(h.client_display_name, h.contact.first_name) for h in answer.items]

    assert contacts(q="inigo") == [(firm.display_name, "Íñigo"), (other.display_name, "Íñigo")]
    assert contacts(q="inigo", salesperson_id=AGENT_ID) == [(firm.display_name, "Íñigo")]
    assert sorted(contacts(q="nandu")) == [(firm.display_name, "Lucía"), (firm.display_name, "Íñigo")]
    assert len(contacts(q="655 44 33 22")) == 3
    first = crm.SearchContacts(crm_pb2.SearchContactsRequest(
        filter=crm_pb2.ClientFilter(category_ids=[cat]), page=common_pb2.PageRequest(limit=2)), metadata=staff)
    rest = crm.SearchContacts(crm_pb2.SearchContactsRequest(
        filter=crm_pb2.ClientFilter(category_ids=[cat]),
        page=common_pb2.PageRequest(limit=2, cursor=first.page.next_cursor)), metadata=staff)
    assert first.total == 3 and len(first.items) == 2 and len(rest.items) == 1 and not rest.page.next_cursor


# --- saved filters --------------------------------------------------------------------------------

def test_saved_filters_belong_to_their_user_with_names_unique_case_and_accents_aside(crm, staff, admin):
    cat = tag(crm, staff)
    name = f"Cumpleaños {secrets.token_hex(3)}"
    saved = crm.CreateSavedFilter(crm_pb2.CreateSavedFilterRequest(name=name, filter=crm_pb2.ClientFilter(
        category_ids=[cat], birthday_from="2026-12-28", birthday_to="2027-01-03", alerts=YES)), metadata=staff)
    assert saved.filter.birthday_to == "2027-01-03" and saved.filter.alerts == YES
    mine = crm.ListSavedFilters(crm_pb2.ListSavedFiltersRequest(), metadata=staff).items
    assert saved in mine
    with pytest.raises(grpc.RpcError) as duplicate:
        crm.CreateSavedFilter(crm_pb2.CreateSavedFilterRequest(name=name.upper().replace("Ñ", "N")), metadata=staff)
    assert duplicate.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert field_errors(duplicate.value) == {"name": "duplicate"}
    # Another colleague neither sees nor deletes it, and may use the same name.
    assert saved.id not in [f.id for f in crm.ListSavedFilters(crm_pb2.ListSavedFiltersRequest(), metadata=admin).items]
    with pytest.raises(grpc.RpcError) as missing:
        crm.DeleteSavedFilter(crm_pb2.DeleteSavedFilterRequest(id=saved.id), metadata=admin)
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    crm.CreateSavedFilter(crm_pb2.CreateSavedFilterRequest(name=name), metadata=admin)
    crm.DeleteSavedFilter(crm_pb2.DeleteSavedFilterRequest(id=saved.id), metadata=staff)
    assert saved.id not in [f.id for f in crm.ListSavedFilters(crm_pb2.ListSavedFiltersRequest(), metadata=staff).items]


def test_a_saved_filter_is_validated_like_a_search_and_nothing_is_saved(crm, staff):
    before = len(crm.ListSavedFilters(crm_pb2.ListSavedFiltersRequest(), metadata=staff).items)
    assert refused(lambda: crm.CreateSavedFilter(crm_pb2.CreateSavedFilterRequest(
        name="Imposible", filter=crm_pb2.ClientFilter(birthday_from="2026-05-02", birthday_to="2026-05-01")),
        metadata=staff)) == {"filter.birthday_to": "before_from"}
    assert refused(lambda: crm.CreateSavedFilter(crm_pb2.CreateSavedFilterRequest(name="  "), metadata=staff)) == {
        "name": "required"}
    assert len(crm.ListSavedFilters(crm_pb2.ListSavedFiltersRequest(), metadata=staff).items) == before


def test_customers_reach_no_search_nor_saved_filters(crm, customer_token):
    for call in (lambda: crm.ListSavedFilters(crm_pb2.ListSavedFiltersRequest(), metadata=bearer(customer_token)),
                 lambda: crm.SearchContacts(crm_pb2.SearchContactsRequest(), metadata=bearer(customer_token)),
                 lambda: crm.ListClients(crm_pb2.ListClientsRequest(), metadata=bearer(customer_token))):
        with pytest.raises(grpc.RpcError) as error:
            call()
        assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


# --- alerts for many clients ----------------------------------------------------------------------

def set_alerts(crm, metadata, selection: crm_pb2.ClientSelection, **changes) -> crm_pb2.SetAlertsResponse:
    return crm.SetAlerts(crm_pb2.SetAlertsRequest(selection=selection, changes=crm_pb2.AlertChanges(**changes)),
                         metadata=metadata)


def test_alerts_switch_for_the_picked_clients_with_a_version_and_history_entry_each(crm, staff):
    cat = tag(crm, staff)
    off = person(crm, staff, cat, "Apagada", "Uno")
    already = person(crm, staff, cat, "Encendida", "Dos", alerts=crm_pb2.Alerts(email_collections=True))
    untouched = person(crm, staff, cat, "Fuera", "Tres")
    answer = set_alerts(crm, staff, crm_pb2.ClientSelection(client_ids=[off.id, already.id]),
                        email_collections=YES, sms_renewals=ANY)
    assert (answer.matched, answer.changed) == (2, 1)
    now_on = crm.GetClient(crm_pb2.GetClientRequest(id=off.id), metadata=staff)
    assert now_on.alerts.email_collections and now_on.version == off.version + 1
    [entry, _created] = crm.ListClientHistory(crm_pb2.ListClientHistoryRequest(client_id=off.id), metadata=staff).items
    assert entry.actor_name == "Marta Agente" and [(c.field, c.old_value, c.new_value) for c in entry.changes] == [
        ("alerts.email_collections", "off", "on")]
    assert crm.GetClient(crm_pb2.GetClientRequest(id=already.id), metadata=staff).version == already.version
    assert crm.GetClient(crm_pb2.GetClientRequest(id=untouched.id), metadata=staff).version == untouched.version


def test_alerts_switch_for_every_client_matching_the_filter(crm, staff):
    cat = tag(crm, staff)
    clients = [person(crm, staff, cat, f"Cliente{i}", "Filtro",
                      alerts=crm_pb2.Alerts(email_renewals=True, sms_collections=True)) for i in range(3)]
    answer = set_alerts(crm, staff, crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(category_ids=[cat])),
                        email_renewals=NO, sms_collections=NO, sms_renewals=YES)
    assert (answer.matched, answer.changed) == (3, 3)
    for client in clients:
        alerts = crm.GetClient(crm_pb2.GetClientRequest(id=client.id), metadata=staff).alerts
        assert (alerts.email_renewals, alerts.sms_collections, alerts.sms_renewals) == (False, False, True)
    assert names(search(crm, staff, cat, alerts=NO)) == []


def test_bulk_alerts_never_touch_another_firms_clients(crm, staff, other_firm):
    theirs = crm.CreateClient(crm_pb2.CreateClientRequest(kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Ajeno",
                                                          last_name="Cliente", tax_id=nif()), metadata=other_firm)
    answer = set_alerts(crm, staff, crm_pb2.ClientSelection(client_ids=[theirs.id]), sms_collections=YES)
    assert (answer.matched, answer.changed) == (0, 0)
    read = crm.GetClient(crm_pb2.GetClientRequest(id=theirs.id), metadata=other_firm)
    assert not read.alerts.sms_collections and read.version == theirs.version


def test_bulk_alerts_need_a_change_a_valid_filter_and_staff(crm, staff, customer_token):
    assert refused(lambda: set_alerts(crm, staff, crm_pb2.ClientSelection(client_ids=[demo.CLIENT_ID]))) == {
        "alerts": "empty"}
    assert refused(lambda: set_alerts(crm, staff, crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(
        birthday_from="2026-01-02", birthday_to="2026-01-01")), sms_renewals=YES)) == {
        "filter.birthday_to": "before_from"}
    with pytest.raises(grpc.RpcError) as error:
        set_alerts(crm, bearer(customer_token), crm_pb2.ClientSelection(client_ids=[demo.CLIENT_ID]),
                   sms_renewals=YES)
    assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


# --- the columns kept on write --------------------------------------------------------------------

def test_the_sort_and_birthday_columns_follow_every_edit(platform, crm, staff):
    cat = tag(crm, staff)
    client = person(crm, staff, cat, "Íker", "Casillas", birth_date="1981-05-20")
    crm.UpdateClient(crm_pb2.UpdateClientRequest(
        id=client.id, expected_version=client.version, fields=["first_name", "birth_date"],
        values=crm_pb2.CreateClientRequest(first_name="Óscar", birth_date="1981-11-02")), metadata=staff)
    with platform.services["crm"].runtime.db.read() as session:
        row = session.get(Client, client.id)
        assert (row.sort_name, row.birthday_key) == ("oscar casillas", 1102)
