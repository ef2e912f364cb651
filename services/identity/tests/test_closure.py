"""Account closure over gRPC on PostgreSQL: what a closure erases and keeps, who may close whose
account, and that a service which cannot say what is active stops the closure."""

from __future__ import annotations

import secrets

import grpc
import jwt
import pyotp
import pytest
from sqlalchemy import select

from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.context import AGENT, Principal, request_context
from clientarea_shared.db import new_id
from clientarea_shared.errors import Unavailable
from clientarea_shared.testing import bearer, field_errors, free_port, service_spec
from identity_service.journeys import closure
from identity_service.journeys.common import Identity
from identity_service.keys import key_ring
from identity_service.models import PLUMBING, AuditEvent, PasswordToken, RecoveryCode, Session, User

pytestmark = pytest.mark.integration
PASSWORD = "Tres-Cigrons-Verds-2026"


@pytest.fixture(scope="module")
def identity(platform):
    return platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)


def new_customer(identity, staff_token: str, password: str = PASSWORD) -> identity_pb2.User:
    """A portal user of a client that has nothing contracted (its id is new to every service)."""
    name = f"c{secrets.token_hex(4)}"
    return identity.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
        client_id=new_id(), username=name, email=f"{name}@example.test", display_name="Marta Soler Puig",
        password=password), metadata=bearer(staff_token)).user


def login(identity, username: str, password: str = PASSWORD) -> identity_pb2.TokenPair:
    return identity.Login(identity_pb2.LoginRequest(tenant="demo", username=username, password=password))


def rows(platform, model, *where):
    with platform.services["identity"].runtime.db.read() as db:
        found = list(db.scalars(select(model).where(*where)))
        db.expunge_all()
        return found


def test_closing_my_account_erases_credentials_and_personal_data_and_keeps_the_audit(platform, identity,
                                                                                    staff_token):
    user = new_customer(identity, staff_token)
    pair = login(identity, user.username)
    me = bearer(pair.access_token)
    enrolment = identity.BeginTotpEnrolment(identity_pb2.BeginTotpEnrolmentRequest(current_password=PASSWORD),
                                            metadata=me)
    identity.ConfirmTotpEnrolment(identity_pb2.ConfirmTotpEnrolmentRequest(
        code=pyotp.TOTP(enrolment.secret).now()), metadata=me)
    identity.RequestPasswordReset(identity_pb2.RequestPasswordResetRequest(tenant="demo", login=user.username))

    with pytest.raises(grpc.RpcError) as wrong:
        identity.CloseAccount(identity_pb2.CloseAccountRequest(current_password="Not-It-At-All-9"), metadata=me)
    assert wrong.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(wrong.value) == {"current_password": "wrong"}
    closed = identity.CloseAccount(identity_pb2.CloseAccountRequest(
        current_password=PASSWORD, source_address="192.0.2.9", user_agent="pytest"), metadata=me)
    assert closed.closed and list(closed.active_products) == []

    [row] = rows(platform, User, User.id == user.id)
    assert (row.status, row.username, row.email, row.display_name) == (
        "closed", f"closed-{user.id}", "", "Closed account")
    assert row.closed_at is not None and row.client_id is None
    assert row.password_hash is None and row.totp_secret is None and row.totp_pending_secret is None
    assert all(c.used_at for c in rows(platform, RecoveryCode, RecoveryCode.user_id == user.id))
    tokens = rows(platform, PasswordToken, PasswordToken.user_id == user.id)
    assert tokens and all(t.used_at for t in tokens)
    assert all(s.revoked_at for s in rows(platform, Session, Session.user_id == user.id))
    # The audit trail stays, with who closed it and the client the account belonged to.
    trail = {(a.action, a.outcome): a for a in rows(platform, AuditEvent, AuditEvent.user_id == user.id)}
    assert {("account_created", "success"), ("login", "success"), ("account_closure", "failure"),
            ("account_closed", "success")} <= set(trail)
    assert trail[("account_closed", "success")].detail == {"closed_by": user.id, "client_id": user.client_id}
    assert trail[("account_closed", "success")].source_address == "192.0.2.9"
    with platform.services["identity"].runtime.db.read() as db:
        bodies = db.scalars(select(PLUMBING.outbox.c.body)
                            .where(PLUMBING.outbox.c.routing_key == "identity.account_closed")).all()
    events = []
    for body in bodies:
        payload = identity_pb2.AccountClosed()
        EventEnvelope.FromString(body).payload.Unpack(payload)
        events.append(payload)
    assert identity_pb2.AccountClosed(user_id=user.id, client_id=user.client_id, closed_by=user.id) in events

    # Gone for every way in: password (same answer as a wrong one), refresh, another closure.
    with pytest.raises(grpc.RpcError) as again:
        login(identity, user.username)
    assert again.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert again.value.details() == "The user name or the password is not correct"
    with pytest.raises(grpc.RpcError) as refresh:
        identity.Refresh(identity_pb2.RefreshRequest(refresh_token=pair.refresh_token))
    assert refresh.value.code() == grpc.StatusCode.UNAUTHENTICATED
    with pytest.raises(grpc.RpcError) as twice:
        identity.CloseAccount(identity_pb2.CloseAccountRequest(current_password=PASSWORD), metadata=me)
    assert twice.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_the_demo_customer_is_refused_with_every_active_product_and_nothing_changes(platform, identity,
                                                                                    customer_token):
    refused = identity.CloseAccount(identity_pb2.CloseAccountRequest(current_password=demo.CLIENT_PASSWORD),
                                    metadata=bearer(customer_token))
    assert not refused.closed
    assert sorted(refused.active_products) == ["case EXP-2026-00311", "invoice F-2026-000981",
                                               "invoice F-2026-001204", "policy CR-2025-000117"]
    assert login(identity, demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD).access_token
    user_id = jwt.decode(customer_token, options={"verify_signature": False})["sub"]
    outcomes = {a.outcome for a in rows(platform, AuditEvent, AuditEvent.user_id == user_id,
                                        AuditEvent.action == "account_closure")}
    assert "refused" in outcomes


def test_staff_close_a_customers_account_and_its_unused_set_password_link_dies(identity, staff_token):
    name = f"c{secrets.token_hex(4)}"
    user = identity.CreatePortalUser(identity_pb2.CreatePortalUserRequest(
        client_id=new_id(), username=name, email=f"{name}@example.test"), metadata=bearer(staff_token))
    assert user.set_password_token
    closed = identity.CloseCustomerAccount(identity_pb2.CloseCustomerAccountRequest(user_id=user.user.id),
                                           metadata=bearer(staff_token))
    assert closed.closed
    with pytest.raises(grpc.RpcError) as link:
        identity.SetPassword(identity_pb2.SetPasswordRequest(
            token=user.set_password_token, password=PASSWORD, password_confirmation=PASSWORD))
    assert link.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.RpcError) as twice:
        identity.CloseCustomerAccount(identity_pb2.CloseCustomerAccountRequest(user_id=user.user.id),
                                      metadata=bearer(staff_token))
    assert twice.value.code() == grpc.StatusCode.NOT_FOUND


def test_only_the_firms_admins_and_agents_close_only_customers_accounts(platform, identity, staff_token,
                                                                       customer_token, other_tenant):
    user = new_customer(identity, staff_token)

    def close(token: str, user_id: str) -> grpc.StatusCode:
        with pytest.raises(grpc.RpcError) as error:
            identity.CloseCustomerAccount(identity_pb2.CloseCustomerAccountRequest(user_id=user_id),
                                          metadata=bearer(token))
        return error.value.code()

    other_agent = platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    assert close(other_agent, user.id) == grpc.StatusCode.NOT_FOUND  # as for a user that does not exist
    assert close(other_agent, new_id()) == grpc.StatusCode.NOT_FOUND
    assert close(customer_token, user.id) == grpc.StatusCode.PERMISSION_DENIED
    staff_id = jwt.decode(staff_token, options={"verify_signature": False})["sub"]
    assert close(staff_token, staff_id) == grpc.StatusCode.PERMISSION_DENIED  # staff are not closed here
    with pytest.raises(grpc.RpcError) as own:
        identity.CloseAccount(identity_pb2.CloseAccountRequest(current_password=demo.AGENT_PASSWORD),
                              metadata=bearer(staff_token))
    assert own.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert login(identity, user.username).access_token  # still open


def test_a_service_that_does_not_answer_stops_the_closure(platform, identity, staff_token):
    """Identity with payments at an address where nothing listens (a real unreachable service)."""
    user = new_customer(identity, staff_token)
    settings = platform.settings("identity").model_copy(update={"payments_addr": f"127.0.0.1:{free_port()}"})
    from clientarea_shared.runtime import Runtime

    runtime = Runtime(service_spec("identity"), settings)
    try:
        idn = Identity(runtime, key_ring(runtime))
        staff = Principal(user_id=jwt.decode(staff_token, options={"verify_signature": False})["sub"],
                          tenant_id=demo.TENANT_ID, roles=frozenset({AGENT}))
        with request_context(staff), pytest.raises(Unavailable) as error:
            closure.close_customer_account(idn, identity_pb2.CloseCustomerAccountRequest(user_id=user.id))
        assert error.value.code == "products_unavailable"
    finally:
        runtime.close()
    [row] = rows(platform, User, User.id == user.id)
    assert row.status == "active" and row.password_hash and row.username == user.username
    assert not rows(platform, AuditEvent, AuditEvent.user_id == user.id, AuditEvent.action == "account_closed")
    assert login(identity, user.username).access_token
