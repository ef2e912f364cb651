"""CRM over gRPC on PostgreSQL: creating, validating, listing and isolating clients."""

from __future__ import annotations

import grpc
import pytest

from clientarea.common.v1 import common_pb2
from clientarea.crm.v1 import crm_pb2
from clientarea_shared import demo
from clientarea_shared.testing import bearer, field_errors

pytestmark = pytest.mark.integration


def person(**overrides) -> crm_pb2.CreateClientRequest:
    fields = dict(kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Núria", last_name="Puig Soler",
                  tax_id="47222222W", email="nuria.puig@correo.test", phone="612 345 678")
    return crm_pb2.CreateClientRequest(**{**fields, **overrides})


def test_staff_creates_a_person_with_a_normalised_tax_id_and_phone(crm, staff_token):
    created = crm.CreateClient(person(tax_id="47.222.222-w"), metadata=bearer(staff_token))
    assert created.tax_id.number == "47222222W" and created.tax_id.type == "es_nif"
    assert created.phone == "+34612345678"
    assert created.display_name == "Núria Puig Soler" and not created.has_portal_user


@pytest.mark.parametrize(("overrides", "expected"), [
    ({"tax_id": "47222223B"}, {"tax_id"}),  # wrong check letter (47222223A is right)
    ({"tax_id": "47222223A", "email": "not-an-email"}, {"email"}),
    ({"tax_id": "47222224X", "first_name": ""}, {"first_name", "tax_id"}),
    ({"kind": crm_pb2.CLIENT_KIND_COMPANY, "tax_id": "47222225M"}, {"legal_name", "tax_id"}),
])
def test_invalid_clients_are_refused_field_by_field_and_nothing_is_written(crm, staff_token, overrides, expected):
    before = crm.ListClients(crm_pb2.ListClientsRequest(page=common_pb2.PageRequest(limit=200)),
                             metadata=bearer(staff_token))
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateClient(person(**overrides), metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert set(field_errors(error.value)) == expected
    after = crm.ListClients(crm_pb2.ListClientsRequest(page=common_pb2.PageRequest(limit=200)),
                            metadata=bearer(staff_token))
    assert len(after.items) == len(before.items)


def test_a_duplicate_tax_id_is_a_conflict_on_the_field(crm, staff_token):
    with pytest.raises(grpc.RpcError) as error:
        crm.CreateClient(person(tax_id="12345678Z", email="otra@correo.test"), metadata=bearer(staff_token))
    assert error.value.code() == grpc.StatusCode.ALREADY_EXISTS
    assert field_errors(error.value) == {"tax_id": "duplicate"}


def test_search_ignores_accents_and_case(crm, staff_token):
    found = crm.ListClients(crm_pb2.ListClientsRequest(q="FERNANDEZ lucia"), metadata=bearer(staff_token))
    assert [c.id for c in found.items] == [demo.CLIENT_ID]


def test_customers_cannot_list_or_create_clients(crm, customer_token):
    for call, request in ((crm.ListClients, crm_pb2.ListClientsRequest()), (crm.CreateClient, person())):
        with pytest.raises(grpc.RpcError) as error:
            call(request, metadata=bearer(customer_token))
        assert error.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_another_firm_neither_sees_nor_collides_with_this_firms_clients(platform, crm, other_tenant, staff_token):
    token = platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    ours = {c.id for c in crm.ListClients(crm_pb2.ListClientsRequest(page=common_pb2.PageRequest(limit=200)),
                                                metadata=bearer(staff_token)).items}
    theirs_before = {c.id for c in crm.ListClients(crm_pb2.ListClientsRequest(), metadata=bearer(token)).items}
    assert not ours & theirs_before  # (other tests of the run may have given that firm clients)
    with pytest.raises(grpc.RpcError) as error:
        crm.GetClient(crm_pb2.GetClientRequest(id=demo.CLIENT_ID), metadata=bearer(token))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND
    # The same tax id is a different client in another firm.
    theirs = crm.CreateClient(person(tax_id="12345678Z", email="lucia@otra.test"), metadata=bearer(token))
    assert theirs.id != demo.CLIENT_ID


def test_only_services_may_find_a_client_by_email(crm, platform, staff_token, customer_token):
    """Self-registration's lookup answers identity's own service token, never a person's."""
    for token in (staff_token, customer_token):
        with pytest.raises(grpc.RpcError) as refused:
            crm.FindClientByEmail(crm_pb2.FindClientByEmailRequest(email="cliente@demo.test"), metadata=bearer(token))
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_a_service_finds_one_client_by_email_but_not_an_ambiguous_or_registered_one(crm, platform, staff_token):
    identity = platform.services["identity"].runtime.component("identity", lambda rt: None)
    service = bearer(identity.service_token(demo.TENANT_ID))  # what identity itself sends
    created = crm.CreateClient(person(tax_id="47222226Y", email="Unica.Persona@Correo.test"),
                               metadata=bearer(staff_token))
    found = crm.FindClientByEmail(crm_pb2.FindClientByEmailRequest(email="unica.persona@correo.test"),
                                  metadata=service)
    assert found.id == created.id
    crm.CreateClient(person(tax_id="47222227F", email="compartida@correo.test"), metadata=bearer(staff_token))
    crm.CreateClient(person(tax_id="47222228P", email="compartida@correo.test"), metadata=bearer(staff_token))
    for email in ("compartida@correo.test", "cliente@demo.test", "nadie@correo.test"):
        with pytest.raises(grpc.RpcError) as missing:
            crm.FindClientByEmail(crm_pb2.FindClientByEmailRequest(email=email), metadata=service)
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND
