"""The staff directory over gRPC on PostgreSQL: every staff member of a firm reads its colleagues'
names and roles (to pick a salesperson or an assignee), never another firm's, never customers;
customers may not read it. A firm of its own, so the demo firm's staff stay as they are."""

from __future__ import annotations

import grpc
import pytest

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.context import ADMIN, AGENT, CLIENT, SALESPERSON
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.testing import bearer
from identity_service.domain import passwords
from identity_service.models import Tenant, User

pytestmark = pytest.mark.integration
PASSWORD = "Directori-Del-Personal-2026"


@pytest.fixture(scope="module")
def identity(platform):
    return platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)


@pytest.fixture(scope="module")
def firm(platform):
    """A firm with an admin, a salesperson, a disabled agent and a customer: name -> user id."""
    slug = f"dir-{new_id()[-8:]}"
    people = {"ana": ([ADMIN], "active", None), "sara": ([SALESPERSON], "active", None),
              "dani": ([AGENT], "disabled", None), "cli": ([CLIENT], "active", new_id())}
    ids = {"slug": slug}
    with platform.services["identity"].runtime.db.session() as db:
        tenant = Tenant(id=new_id(), slug=slug, name="Firma del directorio", default_locale="es", created_at=utcnow())
        db.add(tenant)
        db.flush()
        for name, (roles, status, client_id) in people.items():
            ids[name] = new_id()
            db.add(User(id=ids[name], tenant_id=tenant.id, username=f"{name}@{slug}.test", email=f"{name}@{slug}.test",
                        display_name=name.title(), password_hash=passwords.hash_password(PASSWORD), roles=roles,
                        client_id=client_id, locale="es", status=status, created_at=utcnow()))
    return ids


def token(identity, firm, who: str) -> list[tuple[str, str]]:
    pair = identity.Login(identity_pb2.LoginRequest(tenant=firm["slug"], username=f"{who}@{firm['slug']}.test",
                                                    password=PASSWORD))
    return bearer(pair.access_token)


def test_every_staff_member_reads_the_active_colleagues_by_name(identity, firm):
    directory = identity.ListStaffDirectory(identity_pb2.ListStaffDirectoryRequest(),
                                            metadata=token(identity, firm, "sara"))
    assert [(e.display_name, list(e.roles), e.active) for e in directory.items] == [
        ("Ana", ["admin"], True), ("Sara", ["salesperson"], True)]
    with_disabled = identity.ListStaffDirectory(identity_pb2.ListStaffDirectoryRequest(include_disabled=True),
                                                metadata=token(identity, firm, "ana"))
    assert {e.display_name: e.active for e in with_disabled.items} == {"Ana": True, "Dani": False, "Sara": True}


def test_asking_by_id_leaves_out_customers_and_other_firms_users(identity, firm, staff_token):
    asked = identity_pb2.ListStaffDirectoryRequest(ids=[firm["sara"], firm["cli"], new_id()])
    assert [e.id for e in identity.ListStaffDirectory(asked, metadata=token(identity, firm, "ana")).items] == [
        firm["sara"]]
    assert not identity.ListStaffDirectory(asked, metadata=bearer(staff_token)).items  # the demo firm's agent


def test_customers_may_not_read_the_staff_directory(identity, firm, customer_token):
    for metadata in (token(identity, firm, "cli"), bearer(customer_token)):
        with pytest.raises(grpc.RpcError) as refused:
            identity.ListStaffDirectory(identity_pb2.ListStaffDirectoryRequest(), metadata=metadata)
        assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED
