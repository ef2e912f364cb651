"""Events crm consumes, over the run's RabbitMQ: a closed portal account frees its client."""

from __future__ import annotations

import secrets

import pytest

from clientarea.crm.v1 import crm_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.db import new_id
from clientarea_shared.testing import bearer, wait_until
from crm_service.events import on_account_closed, on_user_created
from crm_service.repository import ClientRepository

pytestmark = pytest.mark.integration
_DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
PASSWORD = "Tres-Cigrons-Verds-2026"


def client_with_portal_user(crm, staff_token: str) -> tuple[crm_pb2.Client, str]:
    number = secrets.randbelow(90_000_000) + 10_000_000
    client = crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Pau", last_name="Ribas Mir",
        tax_id=f"{number}{_DNI_LETTERS[number % 23]}", email=f"p{secrets.token_hex(4)}@example.test"),
        metadata=bearer(staff_token))
    user = crm.CreatePortalUser(crm_pb2.CreatePortalUserRequest(client_id=client.id, password=PASSWORD),
                                metadata=bearer(staff_token))
    return client, user.user_id


def test_a_closed_portal_account_frees_the_client_for_a_new_portal_user(platform, crm, staff_token):
    client, user_id = client_with_portal_user(crm, staff_token)
    assert crm.GetClient(crm_pb2.GetClientRequest(id=client.id), metadata=bearer(staff_token)).has_portal_user
    identity = platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)
    closed = identity.CloseCustomerAccount(identity_pb2.CloseCustomerAccountRequest(user_id=user_id),
                                           metadata=bearer(staff_token))
    assert closed.closed
    wait_until(lambda: not crm.GetClient(crm_pb2.GetClientRequest(id=client.id),
                                         metadata=bearer(staff_token)).has_portal_user,
               30, "crm to clear the closed portal user")
    again = crm.CreatePortalUser(crm_pb2.CreatePortalUserRequest(client_id=client.id), metadata=bearer(staff_token))
    assert again.user_id and again.user_id != user_id


def test_the_closure_of_an_older_portal_user_keeps_the_clients_newer_one(platform, crm, staff_token):
    client, user_id = client_with_portal_user(crm, staff_token)
    envelope = EventEnvelope(id=new_id(), type="identity.account_closed", tenant_id=demo.TENANT_ID)
    with platform.services["crm"].runtime.db.session() as session:
        on_account_closed(session, envelope, identity_pb2.AccountClosed(
            user_id=new_id(), client_id=client.id, closed_by=new_id()))
    with platform.services["crm"].runtime.db.read() as session:
        assert ClientRepository(session, demo.TENANT_ID).get(client.id).portal_user_id == user_id
    # Another firm's event never touches this firm's client.
    with platform.services["crm"].runtime.db.session() as session:
        on_account_closed(session, EventEnvelope(id=new_id(), tenant_id=new_id()),
                          identity_pb2.AccountClosed(user_id=user_id, client_id=client.id))
    with platform.services["crm"].runtime.db.read() as session:
        assert ClientRepository(session, demo.TENANT_ID).get(client.id).portal_user_id == user_id


# --- client members ---
def test_a_closed_person_of_a_company_hands_the_clients_access_to_a_colleague_who_stays(platform, crm, staff_token):
    client, user_id = client_with_portal_user(crm, staff_token)
    colleague = new_id()
    envelope = EventEnvelope(id=new_id(), type="identity.account_closed", tenant_id=demo.TENANT_ID)
    with platform.services["crm"].runtime.db.session() as session:
        on_account_closed(session, envelope, identity_pb2.AccountClosed(
            user_id=user_id, client_id=client.id, closed_by=user_id, remaining_user_id=colleague))
    answer = crm.GetClient(crm_pb2.GetClientRequest(id=client.id), metadata=bearer(staff_token))
    assert answer.has_portal_user and answer.portal_user_id == colleague
# --- end client members ---


def test_a_portal_user_identity_created_links_the_client_even_if_crm_stopped_before_its_commit(
        platform, crm, staff_token):
    """crm asks identity for the user, then commits its own link: identity's event (written with the
    user) makes the link happen even when crm's half never committed — simulated by asking identity
    directly, as crm does, and never telling crm."""
    number = secrets.randbelow(90_000_000) + 10_000_000
    client = crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Laia", last_name="Costa Puig",
        tax_id=f"{number}{_DNI_LETTERS[number % 23]}", email=f"l{secrets.token_hex(4)}@example.test"),
        metadata=bearer(staff_token))
    identity = platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)
    created = identity.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
        client_id=client.id, username=f"l{number}", email=client.email, display_name="Laia Costa Puig"),
        metadata=bearer(staff_token))
    linked = wait_until(lambda: crm.GetClient(crm_pb2.GetClientRequest(id=client.id),
                                              metadata=bearer(staff_token)).portal_user_id or None,
                        30, "crm to link the client from identity.user_created")
    assert linked == created.user.id


def test_linking_a_portal_user_is_not_an_edit_so_an_editors_version_stays_valid(platform, crm, staff_token):
    """crm's own request and identity's user_created event both link the user, at about the same
    time; neither may make the other (or a colleague editing the record) fail on a stale version."""
    number = secrets.randbelow(90_000_000) + 10_000_000
    client = crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Marta", last_name="Vidal Roig",
        tax_id=f"{number}{_DNI_LETTERS[number % 23]}", email=f"m{secrets.token_hex(4)}@example.test"),
        metadata=bearer(staff_token))
    user_id = new_id()
    envelope = EventEnvelope(id=new_id(), type="identity.user_created", tenant_id=demo.TENANT_ID)
    with platform.services["crm"].runtime.db.session() as session:
        on_user_created(session, envelope, identity_pb2.UserCreated(user_id=user_id, client_id=client.id))
    linked = crm.GetClient(crm_pb2.GetClientRequest(id=client.id), metadata=bearer(staff_token))
    assert linked.portal_user_id == user_id and linked.version == client.version
    # A second user is not linked over the first, and the edit that read the old version saves.
    with platform.services["crm"].runtime.db.session() as session:
        on_user_created(session, envelope, identity_pb2.UserCreated(user_id=new_id(), client_id=client.id))
    edited = crm.UpdateClient(crm_pb2.UpdateClientRequest(
        id=client.id, expected_version=client.version, fields=["email"],
        values=crm_pb2.CreateClientRequest(email=f"m{secrets.token_hex(4)}@example.test")),
        metadata=bearer(staff_token))
    assert edited.portal_user_id == user_id and edited.version == client.version + 1
