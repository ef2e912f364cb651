"""Staff users over gRPC on PostgreSQL: a firm of its own with two admins, so that demoting and
disabling can be tried without touching the demo firm that other tests log in to."""

from __future__ import annotations

import grpc
import pytest

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.context import ADMIN, AGENT
from clientarea_shared.db import new_id, utcnow
from clientarea_shared.testing import bearer
from identity_service.domain import passwords
from identity_service.models import Tenant, User

pytestmark = pytest.mark.integration
PASSWORD = "Dues-Administradores-2026"


@pytest.fixture(scope="module")
def identity(platform):
    return platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)


@pytest.fixture(scope="module")
def firm(platform):
    """A firm with two admins; returns its slug and the admins' user names."""
    slug = f"staff-{new_id()[-8:]}"
    runtime = platform.services["identity"].runtime
    with runtime.db.session() as db:
        tenant = Tenant(id=new_id(), slug=slug, name="Firma de personal", default_locale="es", created_at=utcnow())
        db.add(tenant)
        db.flush()
        for name in ("ana", "bea"):
            db.add(User(id=new_id(), tenant_id=tenant.id, username=f"{name}@{slug}.test", email=f"{name}@{slug}.test",
                        display_name=name.title(), password_hash=passwords.hash_password(PASSWORD),
                        roles=[ADMIN, AGENT], client_id=None, locale="es", status="active", created_at=utcnow()))
    return {"slug": slug, "ana": f"ana@{slug}.test", "bea": f"bea@{slug}.test"}


def token(identity, firm, who: str) -> list[tuple[str, str]]:
    pair = identity.Login(identity_pb2.LoginRequest(tenant=firm["slug"], username=firm[who], password=PASSWORD))
    return bearer(pair.access_token)


def refused(call, request, metadata) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as error:
        call(request, metadata=metadata)
    return error.value


def test_admins_invite_and_list_staff_and_roles_are_checked(identity, firm):
    ana = token(identity, firm, "ana")
    invited = identity.InviteStaffUser(identity_pb2.InviteStaffUserRequest(
        email=f"Carla@{firm['slug']}.test", display_name="Carla", roles=["salesperson"]), metadata=ana)
    assert invited.username == f"carla@{firm['slug']}.test" and list(invited.roles) == ["salesperson"]
    assert invited.status == "active"
    listed = identity.ListStaffUsers(identity_pb2.ListStaffUsersRequest(), metadata=ana)
    assert {u.username for u in listed.items} >= {firm["ana"], firm["bea"], invited.username}
    bad = refused(identity.InviteStaffUser, identity_pb2.InviteStaffUserRequest(
        email=f"dani@{firm['slug']}.test", display_name="Dani", roles=["client"]), ana)
    assert bad.code() == grpc.StatusCode.INVALID_ARGUMENT
    twice = refused(identity.InviteStaffUser, identity_pb2.InviteStaffUserRequest(
        email=invited.email, display_name="Carla", roles=["agent"]), ana)
    assert twice.code() == grpc.StatusCode.ALREADY_EXISTS
    # An invited colleague has no password yet: nobody can log in as them.
    with pytest.raises(grpc.RpcError):
        identity.Login(identity_pb2.LoginRequest(tenant=firm["slug"], username=invited.username, password=""))


def test_an_admin_cannot_demote_themself_nor_leave_the_firm_without_an_admin(identity, firm):
    ana, bea = token(identity, firm, "ana"), token(identity, firm, "bea")
    ana_id = identity.GetMe(identity_pb2.GetMeRequest(), metadata=ana).id
    bea_id = identity.GetMe(identity_pb2.GetMeRequest(), metadata=bea).id
    self_demotion = refused(identity.UpdateStaffUser, identity_pb2.UpdateStaffUserRequest(
        user_id=ana_id, roles=["agent"]), ana)
    assert self_demotion.code() == grpc.StatusCode.FAILED_PRECONDITION
    # Bea demotes Ana; Ana's token still says admin until it expires, but she is not one any more
    # and Bea is the last admin: Ana cannot take it away from her.
    demoted = identity.UpdateStaffUser(identity_pb2.UpdateStaffUserRequest(user_id=ana_id, roles=["agent"]),
                                       metadata=bea)
    assert list(demoted.roles) == ["agent"]
    last = refused(identity.UpdateStaffUser, identity_pb2.UpdateStaffUserRequest(user_id=bea_id, status="disabled"),
                   ana)
    assert last.code() == grpc.StatusCode.FAILED_PRECONDITION
    identity.UpdateStaffUser(identity_pb2.UpdateStaffUserRequest(user_id=ana_id, roles=["admin", "agent"]),
                             metadata=bea)


def test_a_disabled_colleague_cannot_log_in_until_enabled_again(identity, firm):
    ana, bea = token(identity, firm, "ana"), token(identity, firm, "bea")
    bea_id = identity.GetMe(identity_pb2.GetMeRequest(), metadata=bea).id
    disabled = identity.UpdateStaffUser(identity_pb2.UpdateStaffUserRequest(user_id=bea_id, status="disabled"),
                                        metadata=ana)
    assert disabled.status == "disabled"
    assert not identity.CheckSession(identity_pb2.CheckSessionRequest(), metadata=bea).active
    with pytest.raises(grpc.RpcError) as error:
        token(identity, firm, "bea")
    assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED
    identity.UpdateStaffUser(identity_pb2.UpdateStaffUserRequest(user_id=bea_id, status="active"), metadata=ana)
    assert token(identity, firm, "bea")


def test_only_admins_of_the_same_firm_manage_staff(identity, firm, staff_token, customer_token):
    ana = token(identity, firm, "ana")
    ana_id = identity.GetMe(identity_pb2.GetMeRequest(), metadata=ana).id
    for other in (staff_token, customer_token):  # the demo firm's agent and customer
        denied = refused(identity.ListStaffUsers, identity_pb2.ListStaffUsersRequest(), bearer(other))
        assert denied.code() == grpc.StatusCode.PERMISSION_DENIED
    demo_admin = identity.Login(identity_pb2.LoginRequest(tenant="demo", username="admin@demo.test",
                                                          password="Admin-Demo-2026")).access_token
    missing = refused(identity.UpdateStaffUser, identity_pb2.UpdateStaffUserRequest(user_id=ana_id, status="disabled"),
                      bearer(demo_admin))
    assert missing.code() == grpc.StatusCode.NOT_FOUND
