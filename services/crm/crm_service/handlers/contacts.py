"""Contacts: the people linked to a client (a person's family, a company's manager, legal
representative or accountant), with their own phones and e-mails. Staff only; every change is in
the client's history."""

from __future__ import annotations

from sqlalchemy.orm import Session

from clientarea.crm.v1 import crm_pb2 as pb
from clientarea_shared.context import Principal
from clientarea_shared.db import Database, new_id, utcnow
from clientarea_shared.errors import Invalid, NotFound
from clientarea_shared.permissions import Permission, require
from crm_service.domain.clients import Phone
from crm_service.domain.contacts import ContactData, ContactInput, validate_contact
from crm_service.handlers.clients import edit_conflict, flush_checked, phone_message, phones_input
from crm_service.handlers.history import record_changes
from crm_service.models import Client, Contact
from crm_service.repository import ClientRepository, ContactRepository


def contact_message(contact: Contact) -> pb.Contact:
    return pb.Contact(
        id=contact.id, client_id=contact.client_id, role=contact.role, first_name=contact.first_name,
        last_name=contact.last_name, phones=[phone_message(p["label"], p["number"]) for p in contact.phones],
        emails=list(contact.emails), notes=contact.notes, version=contact.version,
        created_at=contact.created_at.isoformat(), updated_at=contact.updated_at.isoformat(),
    )


def contact_data(contact: Contact) -> ContactData:
    return ContactData(role=contact.role, first_name=contact.first_name, last_name=contact.last_name,
                       phones=tuple(Phone(p["label"], p["number"]) for p in contact.phones),
                       emails=tuple(contact.emails), notes=contact.notes)


def _validated(values: pb.ContactValues) -> ContactData:
    return validate_contact(ContactInput(role=values.role, first_name=values.first_name, last_name=values.last_name,
                                         phones=phones_input(values.phones), emails=tuple(values.emails),
                                         notes=values.notes))


def _write(contact: Contact, data: ContactData) -> None:
    contact.role, contact.first_name, contact.last_name = data.role, data.first_name, data.last_name
    contact.phones = [{"label": p.label, "number": p.number} for p in data.phones]
    contact.emails = list(data.emails)
    contact.notes, contact.search_text = data.notes, data.search_text
    contact.updated_at = utcnow()


def _client(session: Session, principal: Principal, client_id: str) -> Client:
    client = ClientRepository(session, principal.tenant_id).get(client_id) if client_id else None
    if client is None:
        raise NotFound("Client not found")
    return client


def _contact(session: Session, principal: Principal, contact_id: str) -> Contact:
    contact = ContactRepository(session, principal.tenant_id).get(contact_id) if contact_id else None
    if contact is None:
        raise NotFound("Contact not found")
    return contact


def _record(session: Session, principal: Principal, contact: Contact, before: dict[str, str],
            after: dict[str, str]) -> None:
    label = " ".join(p for p in (contact.first_name, contact.last_name) if p)
    record_changes(session, tenant_id=principal.tenant_id, client_id=contact.client_id, entity="contact",
                   entity_id=contact.id, label=label, before=before, after=after, actor=principal)


def list_contacts(db: Database, request: pb.ListContactsRequest) -> pb.ListContactsResponse:
    principal = require(Permission.CLIENTS_READ)
    with db.read() as session:
        _client(session, principal, request.client_id)
        contacts = ContactRepository(session, principal.tenant_id).of_client(request.client_id)
        return pb.ListContactsResponse(items=[contact_message(c) for c in contacts])


def create(db: Database, request: pb.CreateContactRequest) -> pb.Contact:
    principal = require(Permission.CLIENTS_WRITE)
    data = _validated(request.values)
    with db.session() as session:
        client = _client(session, principal, request.client_id)
        now = utcnow()
        contact = Contact(id=new_id(), tenant_id=principal.tenant_id, client_id=client.id, version=1,
                          created_at=now, updated_at=now)
        _write(contact, data)
        ContactRepository(session, principal.tenant_id).add(contact)
        _record(session, principal, contact, {}, data.snapshot())
        return contact_message(contact)


def update(db: Database, request: pb.UpdateContactRequest) -> pb.Contact:
    principal = require(Permission.CLIENTS_WRITE)
    if request.expected_version <= 0:
        raise Invalid.field("expected_version", "required", "Send the version you read")
    data = _validated(request.values)
    with db.session() as session:
        contact = _contact(session, principal, request.id)
        if contact.version != request.expected_version:
            raise edit_conflict()
        before = contact_data(contact).snapshot()
        if before == data.snapshot():
            return contact_message(contact)
        _write(contact, data)
        flush_checked(session)
        _record(session, principal, contact, before, data.snapshot())
        return contact_message(contact)


def delete(db: Database, request: pb.DeleteContactRequest) -> pb.DeleteContactResponse:
    principal = require(Permission.CLIENTS_WRITE)
    with db.session() as session:
        contact = _contact(session, principal, request.id)
        _record(session, principal, contact, contact_data(contact).snapshot(), {})
        session.delete(contact)
        return pb.DeleteContactResponse()
