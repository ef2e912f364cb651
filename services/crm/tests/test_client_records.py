"""Client records over gRPC on PostgreSQL: the three kinds with all their parts, edits with
optimistic concurrency, the change history, categories, contacts, tasks and the customer's
profile; every bad input refused field by field with nothing written; firms and customers kept
apart."""

from __future__ import annotations

import secrets
from datetime import date, timedelta

import grpc
import pytest

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from clientarea_shared import demo
from clientarea_shared.testing import bearer, field_errors

from .conftest import ADMIN_ID, AGENT_ID, CUSTOMER_USER_ID, cif, nif

pytestmark = pytest.mark.integration


def madrid(**overrides) -> crm_pb2.ClientAddress:
    fields = dict(street="Calle Mayor", number="5", floor_door="3º B", postal_code="28013", city="Madrid",
                  province="Madrid", country="ES")
    return crm_pb2.ClientAddress(**{**fields, **overrides})


def person(**overrides) -> crm_pb2.CreateClientRequest:
    fields = dict(kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Marina", last_name="Soler Vidal", tax_id=nif(),
                  email="marina.soler@correo.test",
                  phones=[crm_pb2.Phone(label="mobile", number="612 345 678"),
                          crm_pb2.Phone(label="home", number="+351 212 345 678")],
                  addresses=[madrid()], birth_date="1984-02-29", salesperson_id=AGENT_ID,
                  alerts=crm_pb2.Alerts(email_collections=True, sms_renewals=True))
    return crm_pb2.CreateClientRequest(**{**fields, **overrides})


def company(**overrides) -> crm_pb2.CreateClientRequest:
    fields = dict(kind=crm_pb2.CLIENT_KIND_COMPANY, legal_name="Transportes Ebro S.L.", trade_name="Ebrotrans",
                  tax_id=cif(), email="info@ebrotrans.test", phones=[crm_pb2.Phone(label="work", number="976 123 456")],
                  addresses=[madrid(street="Avenida de Cataluña", number="12", postal_code="50014", city="Zaragoza",
                                    province="Zaragoza", floor_door="")],
                  birth_date="1999-05-17")
    return crm_pb2.CreateClientRequest(**{**fields, **overrides})


def count_clients(crm, metadata) -> int:
    total, cursor = 0, ""
    while True:
        page = crm.ListClients(crm_pb2.ListClientsRequest(page=common_pb2.PageRequest(cursor=cursor, limit=200)),
                               metadata=metadata)
        total += len(page.items)
        if not page.page.next_cursor:
            return total
        cursor = page.page.next_cursor


def history(crm, metadata, client_id: str) -> list[crm_pb2.ChangeRecord]:
    return list(crm.ListClientHistory(crm_pb2.ListClientHistoryRequest(client_id=client_id), metadata=metadata).items)


def changes_of(record: crm_pb2.ChangeRecord) -> dict[str, tuple[str, str]]:
    return {c.field: (c.old_value, c.new_value) for c in record.changes}


def category(crm, staff, name: str | None = None) -> crm_pb2.Category:
    return crm.CreateCategory(crm_pb2.CreateCategoryRequest(name=name or f"Segmento {secrets.token_hex(3)}"),
                              metadata=staff)


# --- the three kinds ------------------------------------------------------------------------

def test_a_person_is_created_with_phones_addresses_categories_salesperson_and_alerts(crm, staff):
    vip = category(crm, staff)
    created = crm.CreateClient(person(category_ids=[vip.id]), metadata=staff)
    assert created.kind == crm_pb2.CLIENT_KIND_PERSON and created.display_name == "Marina Soler Vidal"
    assert [(p.label, p.number, p.formatted) for p in created.phones] == [
        ("mobile", "+34612345678", "612 34 56 78"), ("home", "+351212345678", "+351 21 234 5678")]
    assert created.phone == "+34612345678"
    assert created.addresses[0].is_main and created.addresses[0].postal_code == "28013"
    assert [c.name for c in created.categories] == [vip.name]
    assert created.salesperson_id == AGENT_ID and created.salesperson_name == "Marta Agente"
    assert created.alerts.email_collections and created.alerts.sms_renewals and not created.alerts.sms_collections
    assert created.version == 1
    read = crm.GetClient(crm_pb2.GetClientRequest(id=created.id), metadata=staff)
    assert read == created
    [record] = history(crm, staff, created.id)
    assert record.action == "created" and record.actor_kind == "staff" and record.actor_name == "Marta Agente"
    assert changes_of(record)["salesperson"] == ("", "Marta Agente")


def test_a_company_and_a_consortium_of_companies_with_shares(crm, staff):
    first = crm.CreateClient(company(), metadata=staff)
    second = crm.CreateClient(company(legal_name="Grúas Moncayo S.A.", trade_name=""), metadata=staff)
    assert first.trade_name == "Ebrotrans" and first.tax_id.type == "es_cif"
    ute = crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_CONSORTIUM, legal_name="UTE Puente del Ebro", tax_id="U" + cif()[1:],
        members=[crm_pb2.ConsortiumMember(client_id=first.id, share="66.67"),
                 crm_pb2.ConsortiumMember(client_id=second.id, share="33,33")]), metadata=staff)
    assert [(m.client_id, m.share, m.display_name) for m in ute.members] == [
        (first.id, "66.67", "Transportes Ebro S.L."), (second.id, "33.33", "Grúas Moncayo S.A.")]
    [record] = history(crm, staff, ute.id)
    assert changes_of(record)["members"][1] == "Transportes Ebro S.L.: 66.67 %\nGrúas Moncayo S.A.: 33.33 %"


def test_a_foreign_document_is_validated_by_its_explicit_type(crm, staff):
    created = crm.CreateClient(person(tax_id="PT 136 695 973", tax_id_type="pt_nif"), metadata=staff)
    assert (created.tax_id.type, created.tax_id.number) == ("pt_nif", "136695973")
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateClient(person(tax_id="136695974", tax_id_type="pt_nif"), metadata=staff)
    assert field_errors(error.value) == {"tax_id": "invalid"}


# --- bad input: field errors, nothing written ----------------------------------------------------

def _consortium(members: list[crm_pb2.ConsortiumMember]) -> crm_pb2.CreateClientRequest:
    return crm_pb2.CreateClientRequest(kind=crm_pb2.CLIENT_KIND_CONSORTIUM, legal_name="UTE Mal Hecha",
                                       tax_id="U" + cif()[1:], members=members)


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"tax_id": "12345678A"}, {"tax_id": "invalid"}),
    ({"tax_id": "B12345674"}, {"tax_id": "company_id_for_person"}),
    ({"phones": [crm_pb2.Phone(label="mobile", number="12345")]}, {"phones.0.number": "invalid"}),
    ({"phones": [crm_pb2.Phone(label="fax", number="612345678")]}, {"phones.0.label": "invalid"}),
    ({"phones": [], "phone": "555"}, {"phone": "invalid"}),
    ({"addresses": [madrid(postal_code="99999")]}, {"addresses.0.postal_code": "invalid"}),
    ({"addresses": [madrid(street="", city="")]}, {"addresses.0.street": "required", "addresses.0.city": "required"}),
    ({"addresses": [madrid(is_main=True), madrid(is_main=True)]}, {"addresses": "several_main"}),
    ({"addresses": [madrid(country="XX")]}, {"addresses.0.country": "invalid"}),
    ({"salesperson_id": CUSTOMER_USER_ID}, {"salesperson_id": "unknown"}),
    ({"salesperson_id": "0190c0de-0000-7000-8000-000000000000"}, {"salesperson_id": "unknown"}),
    ({"category_ids": ["0190c0de-0000-7000-8000-000000000001"]}, {"category_ids": "unknown"}),
    ({"first_name": "../../etc/passwd"}, {"first_name": "invalid"}),
    ({"last_name": "<script>"}, {"last_name": "invalid"}),
    ({"birth_date": (date.today() + timedelta(days=1)).isoformat()}, {"birth_date": "in_future"}),
    ({"email": "no-es-un-correo"}, {"email": "invalid"}),
    ({"members": [crm_pb2.ConsortiumMember(client_id=demo.COMPANY_CLIENT_ID, share="100")]},
     {"members": "not_consortium"}),
])
def test_bad_client_data_is_refused_field_by_field_and_nothing_is_written(crm, staff, overrides, expected):
    before = count_clients(crm, staff)
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateClient(person(**overrides), metadata=staff)
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(error.value) == expected
    assert count_clients(crm, staff) == before


def test_a_consortiums_members_must_be_the_firms_companies_with_shares_summing_100(crm, staff, other_firm):
    a, b = crm.CreateClient(company(), metadata=staff), crm.CreateClient(company(), metadata=staff)
    theirs = crm.CreateClient(company(), metadata=other_firm)
    member = crm_pb2.ConsortiumMember
    cases = [
        ([member(client_id=a.id, share="50"), member(client_id=b.id, share="40")], {"members": "shares_sum"}),
        ([member(client_id=a.id, share="50"), member(client_id=demo.CLIENT_ID, share="50")],
         {"members.1.client_id": "not_company"}),
        ([member(client_id=a.id, share="50"), member(client_id=theirs.id, share="50")],
         {"members.1.client_id": "unknown"}),
        ([member(client_id=a.id, share="50"), member(client_id=a.id, share="50")],
         {"members.1.client_id": "duplicate"}),
        ([member(client_id=a.id, share="99.999"), member(client_id=b.id, share="0.001")],
         {"members.0.share": "too_precise", "members.1.share": "too_precise"}),
        ([member(client_id=a.id, share="100")], {"members": "too_few"}),
    ]
    before = count_clients(crm, staff)
    for members, expected in cases:
        with pytest.raises(grpc.RpcError) as error:
            crm.CreateClient(_consortium(members), metadata=staff)
        assert field_errors(error.value) == expected, members
    assert count_clients(crm, staff) == before


def test_a_document_number_already_in_the_firm_is_a_conflict_on_the_field(crm, staff):
    existing = crm.CreateClient(person(), metadata=staff)
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateClient(person(tax_id=existing.tax_id.number), metadata=staff)
    assert error.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert field_errors(error.value) == {"tax_id": "duplicate"}
    other = crm.CreateClient(person(), metadata=staff)
    with pytest.raises(grpc.RpcError) as edit:
        crm.UpdateClient(crm_pb2.UpdateClientRequest(id=other.id, expected_version=other.version, fields=["tax_id"],
                                                     values=crm_pb2.CreateClientRequest(tax_id=existing.tax_id.number)),
                         metadata=staff)
    assert field_errors(edit.value) == {"tax_id": "duplicate"}


# --- edits, concurrency and the history ---------------------------------------------------------

def edit(crm, metadata, client: crm_pb2.Client, fields: list[str], **values) -> crm_pb2.Client:
    return crm.UpdateClient(crm_pb2.UpdateClientRequest(
        id=client.id, expected_version=client.version, fields=fields,
        values=crm_pb2.CreateClientRequest(**values)), metadata=metadata)


def test_an_edit_changes_only_the_named_fields_and_records_old_and_new_values(crm, staff):
    created = crm.CreateClient(company(), metadata=staff)
    edited = edit(crm, staff, created, ["phones", "addresses", "trade_name"], trade_name="Ebro Logística",
                  legal_name="Ignored S.L.",
                  phones=[crm_pb2.Phone(label="work", number="976 123 456"),
                          crm_pb2.Phone(label="mobile", number="699 11 22 33")],
                  addresses=[madrid(street="Calle del Coso", number="40", postal_code="50004", city="Zaragoza",
                                    province="Zaragoza", floor_door="")])
    assert edited.legal_name == "Transportes Ebro S.L." and edited.trade_name == "Ebro Logística"
    assert [p.formatted for p in edited.phones] == ["976 12 34 56", "699 11 22 33"]
    assert edited.version == created.version + 1
    latest = history(crm, staff, created.id)[0]
    assert latest.action == "updated" and latest.actor_id == AGENT_ID
    assert changes_of(latest) == {
        "trade_name": ("Ebrotrans", "Ebro Logística"),
        "phones": ("work: 976 12 34 56", "work: 976 12 34 56\nmobile: 699 11 22 33"),
        "addresses": ("main: Avenida de Cataluña 12, 50014 Zaragoza (Zaragoza), ES",
                      "main: Calle del Coso 40, 50004 Zaragoza (Zaragoza), ES"),
    }
    # Saving the same values again is no change: no new version, nothing in the history.
    same = edit(crm, staff, edited, ["trade_name"], trade_name="Ebro Logística")
    assert same.version == edited.version and len(history(crm, staff, created.id)) == 2


def test_two_editors_cannot_overwrite_each_other(crm, staff, platform):
    admin = bearer(platform.login(demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
    opened = crm.CreateClient(person(), metadata=staff)  # both open version 1
    edit(crm, admin, opened, ["email"], email="primera@correo.test")
    with pytest.raises(grpc.RpcError) as error:
        edit(crm, staff, opened, ["email"], email="segunda@correo.test")
    assert error.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert field_errors(error.value) == {"version": "stale"}
    assert crm.GetClient(crm_pb2.GetClientRequest(id=opened.id), metadata=staff).email == "primera@correo.test"


def test_an_invalid_edit_writes_nothing(crm, staff):
    created = crm.CreateClient(person(), metadata=staff)
    for fields, values, expected in (
        (["phones", "email"], dict(phones=[crm_pb2.Phone(label="mobile", number="000")], email="x"),
         {"phones.0.number": "invalid", "email": "invalid"}),
        (["kind"], dict(kind=crm_pb2.CLIENT_KIND_COMPANY), {"kind": "not_editable"}),
        (["salesperson_id"], dict(salesperson_id=CUSTOMER_USER_ID), {"salesperson_id": "unknown"}),
        (["first_name"], dict(first_name=""), {"first_name": "required"}),
    ):
        with pytest.raises(grpc.RpcError) as error:
            edit(crm, staff, created, fields, **values)
        assert field_errors(error.value) == expected
    assert crm.GetClient(crm_pb2.GetClientRequest(id=created.id), metadata=staff) == created
    assert len(history(crm, staff, created.id)) == 1


def test_the_history_pages_newest_first(crm, staff):
    client = crm.CreateClient(person(), metadata=staff)
    for n in range(3):
        client = edit(crm, staff, client, ["email"], email=f"cambio{n}@correo.test")
    first = crm.ListClientHistory(crm_pb2.ListClientHistoryRequest(
        client_id=client.id, page=common_pb2.PageRequest(limit=2)), metadata=staff)
    rest = crm.ListClientHistory(crm_pb2.ListClientHistoryRequest(
        client_id=client.id, page=common_pb2.PageRequest(limit=2, cursor=first.page.next_cursor)), metadata=staff)
    emails = [changes_of(r).get("email", ("", ""))[1] for r in [*first.items, *rest.items]]
    assert emails == ["cambio2@correo.test", "cambio1@correo.test", "cambio0@correo.test", "marina.soler@correo.test"]
    assert not rest.page.next_cursor


# --- categories ---------------------------------------------------------------------------------

def test_categories_are_the_firms_unique_by_name_and_deleting_one_is_in_its_clients_history(crm, staff, other_firm):
    fleet = category(crm, staff, f"Flotas {secrets.token_hex(2)}")
    with pytest.raises(grpc.RpcError) as taken:
        category(crm, staff, fleet.name.upper())
    assert taken.value.code() == grpc.StatusCode.ALREADY_EXISTS and field_errors(taken.value) == {"name": "duplicate"}
    with pytest.raises(grpc.RpcError) as empty:
        category(crm, staff, "   ")
    assert field_errors(empty.value) == {"name": "required"}
    client = crm.CreateClient(person(category_ids=[fleet.id]), metadata=staff)
    listed = {c.id: c for c in crm.ListCategories(crm_pb2.ListCategoriesRequest(), metadata=staff).items}
    assert listed[fleet.id].client_count == 1
    theirs_listed = crm.ListCategories(crm_pb2.ListCategoriesRequest(), metadata=other_firm).items
    assert fleet.id not in {c.id for c in theirs_listed}
    with pytest.raises(grpc.RpcError) as theirs:
        crm.DeleteCategory(crm_pb2.DeleteCategoryRequest(id=fleet.id), metadata=other_firm)
    assert theirs.value.code() == grpc.StatusCode.NOT_FOUND
    renamed = crm.RenameCategory(crm_pb2.RenameCategoryRequest(id=fleet.id, name=fleet.name + " grandes"),
                                 metadata=staff)
    assert renamed.client_count == 1
    assert crm.DeleteCategory(crm_pb2.DeleteCategoryRequest(id=fleet.id), metadata=staff).clients_updated == 1
    after = crm.GetClient(crm_pb2.GetClientRequest(id=client.id), metadata=staff)
    assert not after.categories and after.version == client.version + 1
    assert changes_of(history(crm, staff, client.id)[0]) == {"categories": (renamed.name, "")}


def test_customers_cannot_manage_categories(crm, customer_token):
    with pytest.raises(grpc.RpcError) as refused:
        category(crm, bearer(customer_token))
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


# --- contacts -----------------------------------------------------------------------------------

def contact_values(**overrides) -> crm_pb2.ContactValues:
    fields = dict(role="legal_representative", first_name="Jordi", last_name="Puig Ferrer",
                  phones=[crm_pb2.Phone(label="mobile", number="633 44 55 66")],
                  emails=["Jordi.Puig@Correo.test"])
    return crm_pb2.ContactValues(**{**fields, **overrides})


def test_contacts_are_created_edited_and_deleted_and_each_step_is_in_the_history(crm, staff):
    client = crm.CreateClient(company(), metadata=staff)
    contact = crm.CreateContact(crm_pb2.CreateContactRequest(client_id=client.id, values=contact_values()),
                                metadata=staff)
    assert contact.emails == ["jordi.puig@correo.test"] and contact.phones[0].number == "+34633445566"
    changed = crm.UpdateContact(crm_pb2.UpdateContactRequest(
        id=contact.id, expected_version=contact.version, values=contact_values(role="manager")), metadata=staff)
    assert changed.role == "manager" and changed.version == 2
    with pytest.raises(grpc.RpcError) as stale:
        crm.UpdateContact(crm_pb2.UpdateContactRequest(
            id=contact.id, expected_version=contact.version, values=contact_values(role="other")), metadata=staff)
    assert field_errors(stale.value) == {"version": "stale"}
    crm.DeleteContact(crm_pb2.DeleteContactRequest(id=contact.id), metadata=staff)
    assert not crm.ListContacts(crm_pb2.ListContactsRequest(client_id=client.id), metadata=staff).items
    records = [r for r in history(crm, staff, client.id) if r.entity == "contact"]
    assert [r.action for r in records] == ["deleted", "updated", "created"]
    assert changes_of(records[1]) == {"role": ("legal_representative", "manager")}
    assert records[0].entity_label == "Jordi Puig Ferrer"


def test_bad_contacts_are_refused_field_by_field(crm, staff):
    client = crm.CreateClient(company(), metadata=staff)
    bad = contact_values(role="cousin", first_name="", emails=["ok@correo.test", "mal"],
                         phones=[crm_pb2.Phone(label="mobile", number="1")])
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateContact(crm_pb2.CreateContactRequest(client_id=client.id, values=bad), metadata=staff)
    assert field_errors(error.value) == {"role": "invalid", "first_name": "required", "emails.1": "invalid",
                                         "phones.0.number": "invalid"}
    assert not crm.ListContacts(crm_pb2.ListContactsRequest(client_id=client.id), metadata=staff).items


# --- tasks --------------------------------------------------------------------------------------

def new_task(crm, metadata, client_id: str, **overrides) -> crm_pb2.Task:
    fields = dict(client_id=client_id, title="Pedir el último recibo", description="Para la renovación.",
                  assignee_id=AGENT_ID, due_on=(date.today() + timedelta(days=3)).isoformat())
    return crm.CreateTask(crm_pb2.CreateTaskRequest(**{**fields, **overrides}), metadata=metadata)


def test_tasks_move_on_with_comments_and_the_history_follows(crm, staff):
    client = crm.CreateClient(person(), metadata=staff)
    task = new_task(crm, staff, client.id)
    assert task.assignee_name == "Marta Agente" and task.status == "open" and not task.overdue
    moved = crm.UpdateTask(crm_pb2.UpdateTaskRequest(id=task.id, expected_version=task.version,
                                                     fields=["status", "assignee_id"], status="in_progress",
                                                     assignee_id=ADMIN_ID), metadata=staff)
    assert moved.status == "in_progress" and moved.assignee_name == "Alberto Admin"
    crm.AddTaskComment(crm_pb2.AddTaskCommentRequest(task_id=task.id, body="Le he dejado un mensaje."),
                       metadata=staff)
    read = crm.GetTask(crm_pb2.GetTaskRequest(id=task.id), metadata=staff)
    assert [(c.author_name, c.body) for c in read.comments] == [("Marta Agente", "Le he dejado un mensaje.")]
    records = [r for r in history(crm, staff, client.id) if r.entity == "task"]
    assert [r.action for r in records] == ["commented", "updated", "created"]
    assert changes_of(records[1]) == {"assignee": ("Marta Agente", "Alberto Admin"),
                                      "status": ("open", "in_progress")}


def test_bad_tasks_are_refused_field_by_field(crm, staff):
    client = crm.CreateClient(person(), metadata=staff)
    for overrides, expected in (
        (dict(title="", due_on="mañana"), {"title": "required", "due_on": "invalid"}),
        (dict(assignee_id=CUSTOMER_USER_ID), {"assignee_id": "unknown"}),
        (dict(assignee_id=""), {"assignee_id": "required"}),
    ):
        with pytest.raises(grpc.RpcError) as error:
            new_task(crm, staff, client.id, **overrides)
        assert field_errors(error.value) == expected
    assert not crm.ListClientTasks(crm_pb2.ListClientTasksRequest(client_id=client.id), metadata=staff).items


def test_my_tasks_are_the_callers_by_due_date_filtered_by_status_and_overdue(crm, staff, platform):
    admin = bearer(platform.login(demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD))
    client = crm.CreateClient(person(), metadata=staff)
    late = new_task(crm, staff, client.id, title="Atrasada", due_on=(date.today() - timedelta(days=5)).isoformat())
    soon = new_task(crm, staff, client.id, title="Pronto", due_on=(date.today() + timedelta(days=1)).isoformat())
    theirs = new_task(crm, staff, client.id, title="Del admin", assignee_id=ADMIN_ID)
    mine = crm.ListMyTasks(crm_pb2.ListMyTasksRequest(page=common_pb2.PageRequest(limit=200)), metadata=staff).items
    ids = [t.id for t in mine]
    assert late.id in ids and soon.id in ids and theirs.id not in ids
    assert ids.index(late.id) < ids.index(soon.id)
    overdue = crm.ListMyTasks(crm_pb2.ListMyTasksRequest(overdue=True), metadata=staff).items
    assert late.id in {t.id for t in overdue} and all(t.overdue for t in overdue)
    assert theirs.id in {t.id for t in crm.ListMyTasks(crm_pb2.ListMyTasksRequest(), metadata=admin).items}
    crm.UpdateTask(crm_pb2.UpdateTaskRequest(id=late.id, expected_version=late.version, fields=["status"],
                                             status="done"), metadata=staff)
    done = crm.ListMyTasks(crm_pb2.ListMyTasksRequest(status="done"), metadata=staff).items
    assert late.id in {t.id for t in done}
    assert late.id not in {t.id for t in crm.ListMyTasks(crm_pb2.ListMyTasksRequest(overdue=True),
                                                         metadata=staff).items}


def test_customers_never_reach_tasks_contacts_or_the_history(crm, staff, customer_token):
    customer = bearer(customer_token)
    task = new_task(crm, staff, demo.CLIENT_ID)
    calls = [
        (crm.GetTask, crm_pb2.GetTaskRequest(id=task.id)),
        (crm.ListClientTasks, crm_pb2.ListClientTasksRequest(client_id=demo.CLIENT_ID)),
        (crm.ListMyTasks, crm_pb2.ListMyTasksRequest()),
        (crm.ListContacts, crm_pb2.ListContactsRequest(client_id=demo.CLIENT_ID)),
        (crm.ListClientHistory, crm_pb2.ListClientHistoryRequest(client_id=demo.CLIENT_ID)),
        (crm.UpdateClient, crm_pb2.UpdateClientRequest(id=demo.CLIENT_ID, expected_version=1, fields=["email"])),
    ]
    for call, request in calls:
        with pytest.raises(grpc.RpcError) as error:
            call(request, metadata=customer)
        assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED, call


def test_another_firm_finds_none_of_this_firms_records(crm, staff, other_firm):
    client = crm.CreateClient(person(), metadata=staff)
    contact = crm.CreateContact(crm_pb2.CreateContactRequest(client_id=client.id, values=contact_values()),
                                metadata=staff)
    task = new_task(crm, staff, client.id)
    calls = [
        (crm.GetClient, crm_pb2.GetClientRequest(id=client.id)),
        (crm.UpdateClient, crm_pb2.UpdateClientRequest(id=client.id, expected_version=1, fields=["email"])),
        (crm.ListContacts, crm_pb2.ListContactsRequest(client_id=client.id)),
        (crm.UpdateContact, crm_pb2.UpdateContactRequest(id=contact.id, expected_version=1, values=contact_values())),
        (crm.DeleteContact, crm_pb2.DeleteContactRequest(id=contact.id)),
        (crm.GetTask, crm_pb2.GetTaskRequest(id=task.id)),
        (crm.UpdateTask, crm_pb2.UpdateTaskRequest(id=task.id, expected_version=1, fields=["status"], status="done")),
        (crm.AddTaskComment, crm_pb2.AddTaskCommentRequest(task_id=task.id, body="hola")),
        (crm.ListClientTasks, crm_pb2.ListClientTasksRequest(client_id=client.id)),
        (crm.ListClientHistory, crm_pb2.ListClientHistoryRequest(client_id=client.id)),
        (crm.CreateTask, crm_pb2.CreateTaskRequest(client_id=client.id, title="x", assignee_id=AGENT_ID,
                                                   due_on=date.today().isoformat())),
    ]
    for call, request in calls:
        with pytest.raises(grpc.RpcError) as error:
            call(request, metadata=other_firm)
        assert error.value.code() == grpc.StatusCode.NOT_FOUND, call
    assert task.id not in {t.id for t in crm.ListMyTasks(crm_pb2.ListMyTasksRequest(), metadata=other_firm).items}
    # Nor may it name this firm's staff as a salesperson or an assignee.
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateClient(person(salesperson_id=AGENT_ID), metadata=other_firm)
    assert field_errors(error.value) == {"salesperson_id": "unknown"}


# --- the customer's profile ---------------------------------------------------------------------

def test_the_customer_updates_their_phones_and_alerts_and_the_history_names_them(crm, staff, customer_token):
    customer = bearer(customer_token)
    mine = crm.GetMyProfile(crm_pb2.GetMyProfileRequest(), metadata=customer)
    assert mine.id == demo.CLIENT_ID and not mine.categories and not mine.salesperson_id  # staff's own data
    phones = [*mine.phones, crm_pb2.Phone(label="work", number="910 000 111")]
    changed = crm.UpdateMyProfile(crm_pb2.UpdateMyProfileRequest(
        expected_version=mine.version, fields=["phones", "alerts"], phones=phones,
        alerts=crm_pb2.Alerts(email_collections=True)), metadata=customer)
    assert changed.phones[-1].formatted == "910 00 01 11" and not changed.alerts.sms_renewals
    latest = history(crm, staff, demo.CLIENT_ID)[0]
    assert latest.actor_kind == "customer" and latest.actor_id == CUSTOMER_USER_ID
    assert latest.actor_name == "Lucía Fernández Ruiz"
    assert changes_of(latest)["phones"][1].endswith("work: 910 00 01 11")
    # Staff still see the client's categories and salesperson; the edit kept them.
    assert crm.GetClient(crm_pb2.GetClientRequest(id=demo.CLIENT_ID), metadata=staff).salesperson_id == AGENT_ID
    crm.UpdateMyProfile(crm_pb2.UpdateMyProfileRequest(expected_version=changed.version, fields=["phones"],
                                                       phones=mine.phones), metadata=customer)


def test_the_customer_cannot_change_their_name_or_document_nor_write_bad_data(crm, customer_token):
    customer = bearer(customer_token)
    mine = crm.GetMyProfile(crm_pb2.GetMyProfileRequest(), metadata=customer)
    for fields, expected in ((["legal_name", "tax_id"], {"legal_name": "not_editable", "tax_id": "not_editable"}),
                             (["salesperson_id"], {"salesperson_id": "not_editable"})):
        with pytest.raises(grpc.RpcError) as error:
            crm.UpdateMyProfile(crm_pb2.UpdateMyProfileRequest(expected_version=mine.version, fields=fields),
                                metadata=customer)
        assert field_errors(error.value) == expected
    with pytest.raises(grpc.RpcError) as bad:
        crm.UpdateMyProfile(crm_pb2.UpdateMyProfileRequest(
            expected_version=mine.version, fields=["addresses"], addresses=[madrid(postal_code="2800")]),
            metadata=customer)
    assert field_errors(bad.value) == {"addresses.0.postal_code": "invalid"}
    assert crm.GetMyProfile(crm_pb2.GetMyProfileRequest(), metadata=customer) == mine
