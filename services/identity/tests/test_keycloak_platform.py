"""The platform switched to Keycloak: identity started with CREDENTIAL_PROVIDER=keycloak, every service (and
the gateway) trusting the realm's tokens besides identity's own.

No Keycloak server runs on this machine, so the realm is `fake_keycloak.FakeKeycloak`: a real HTTP server on
127.0.0.1 answering Keycloak's documented token, certs and admin REST endpoints with Keycloak's documented
bodies, configured by deploy/keycloak/clientarea-realm.json (clients and secrets, service-account roles,
protocol mappers that build the tokens, brute-force detection, password and OTP policies). Everything else is
real: identity, crm, policy, collections and payments run in this process on their own PostgreSQL databases and
a RabbitMQ vhost of this module, the gateway is the real Flask app with sessions in Redis, and the tokens are
RS256 JWTs the services verify with their own `TokenVerifier`, the realm's keys fetched over HTTP.
What a fake cannot prove about a real Keycloak is listed in docs/keycloak.md.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import grpc
import jwt
import pytest
from fake_keycloak import FakeKeycloak, environment_for, rsa_key

from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2 as pb
from clientarea.identity.v1 import identity_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.config import Settings
from clientarea_shared.context import ADMIN, AGENT
from clientarea_shared.db import new_id
from clientarea_shared.errors import from_rpc_error
from clientarea_shared.testing import (
    Platform,
    bearer,
    create_database,
    field_errors,
    free_port,
    rabbitmq_vhost,
    service_spec,
)

pytestmark = pytest.mark.integration

NEW_PASSWORD = "Otra-Clave-Bastante-Larga-2026"
# Only the provider's own variables go into the environment; the platform settings are given to each service
# (the session's built-in platform, in this same process, must not see them).
KEYCLOAK_ENV = ("KEYCLOAK_URL", "KEYCLOAK_REALM", "KEYCLOAK_CLIENT_ID", "KEYCLOAK_CLIENT_SECRET",
                "KEYCLOAK_ADMIN_CLIENT_ID", "KEYCLOAK_ADMIN_CLIENT_SECRET", "KEYCLOAK_TIMEOUT_SECONDS")


class KeycloakPlatform(Platform):
    """The in-process platform with the chart values of `global.identityProvider: keycloak`."""

    def __init__(self, amqp_url: str, fake: FakeKeycloak):
        super().__init__(amqp_url, smtp_port=free_port())
        self.fake = fake

    def start(self, names: list[str]) -> None:
        """Platform.start, with databases of their own: the session's built-in platform may run in this process."""
        names = ["identity", *[n for n in names if n != "identity"]]
        for name in names:
            self.ports[name] = free_port()
            self.database_urls[name] = create_database(f"keycloak_{name}")
        for name in names:
            self.services[name] = self._start_one(service_spec(name))

    def settings(self, name: str) -> Settings:
        settings = super().settings(name)
        settings.oidc_issuer = self.fake.issuer  # keys from <issuer>/protocol/openid-connect/certs
        settings.oidc_subject_claim = "preferred_username"
        if name == "identity":
            settings.credential_provider = "keycloak"
        return settings


@pytest.fixture(scope="module")
def fake() -> Iterator[FakeKeycloak]:
    server = FakeKeycloak(rsa_key(), rsa_key()).start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def kc_platform(fake: FakeKeycloak) -> Iterator[KeycloakPlatform]:
    env = environment_for(fake)
    with pytest.MonkeyPatch.context() as patch, rabbitmq_vhost("keycloak") as amqp_url:
        for name in KEYCLOAK_ENV:
            patch.setenv(name, env[name])
        running = KeycloakPlatform(amqp_url, fake)
        try:
            running.start(["crm", "policy", "collections", "payments"])
            yield running
        finally:
            running.stop()


@pytest.fixture(scope="module")
def identity(kc_platform: KeycloakPlatform) -> identity_pb2_grpc.IdentityServiceStub:
    return kc_platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)


def login(identity, username: str = demo.CLIENT_USERNAME, password: str = demo.CLIENT_PASSWORD) -> pb.TokenPair:
    return identity.Login(pb.LoginRequest(tenant=demo.TENANT_SLUG, username=username, password=password,
                                          user_agent="pytest", source_address="192.0.2.7"), timeout=10)


def refused(call) -> tuple[grpc.StatusCode, str]:  # noqa: ANN001
    with pytest.raises(grpc.RpcError) as error:
        call()
    return error.value.code(), from_rpc_error(error.value).code


def audit_actions(identity, admin_token: str, user_id: str) -> list[tuple[str, str]]:
    page = identity.ListAuditEvents(pb.ListAuditEventsRequest(user_id=user_id), metadata=bearer(admin_token))
    return [(e.action, e.outcome) for e in page.items]


# --- login and the tokens every service accepts ------------------------------------------------------------
def test_login_through_identity_gives_a_keycloak_token_that_crm_and_identity_accept(kc_platform, fake, identity):
    pair = login(identity)

    claims = jwt.decode(pair.access_token, options={"verify_signature": False})
    customer_id = demo.demo_id(f"user:{demo.CLIENT_USERNAME}")
    assert claims["iss"] == fake.issuer and claims["preferred_username"] == customer_id
    assert claims["sub"] != customer_id  # Keycloak's own id
    assert pair.session_id == claims["sid"] and pair.refresh_token.count(".") == 2
    # crm's own verifier (as its interceptor runs it) reads identity's user id from preferred_username.
    principal = kc_platform.services["crm"].runtime.verifier.verify(pair.access_token)
    assert (principal.user_id, principal.tenant_id, principal.client_id) == (customer_id, demo.TENANT_ID,
                                                                            demo.CLIENT_ID)
    crm = kc_platform.stub("crm", crm_pb2_grpc.CrmServiceStub)
    client = crm.GetClient(crm_pb2.GetClientRequest(id=demo.CLIENT_ID), metadata=bearer(pair.access_token))
    assert client.id == demo.CLIENT_ID
    me = identity.GetMe(pb.GetMeRequest(), metadata=bearer(pair.access_token))
    assert (me.id, me.username) == (customer_id, demo.CLIENT_USERNAME)
    assert identity.CheckSession(pb.CheckSessionRequest(), metadata=bearer(pair.access_token)).active
    form = fake.requests_to("POST", "/openid-connect/token")[-1].form
    assert form["username"] == customer_id  # the user logs in by e-mail; Keycloak is asked by identity's id


def test_identitys_own_tokens_stay_trusted_beside_keycloaks(kc_platform):
    # The service token identity mints to ask other services (registration, account closure).
    idn = kc_platform.services["identity"].runtime.component("identity", lambda rt: None)
    token = idn.service_token(demo.TENANT_ID)
    principal = kc_platform.services["crm"].runtime.verifier.verify(token)
    assert principal.user_id == "service:identity" and "service" in principal.roles


def test_a_wrong_password_counts_in_identity_and_in_keycloak(kc_platform, fake, identity):
    admin = login(identity, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD).access_token
    agent_id = demo.demo_id(f"user:{demo.AGENT_USERNAME}")

    assert refused(lambda: login(identity, demo.AGENT_USERNAME, "Incorrecta-Pero-Larga-77")) == (
        grpc.StatusCode.UNAUTHENTICATED, "invalid_credentials")
    assert refused(lambda: login(identity, "nadie@demo.test", demo.AGENT_PASSWORD))[1] == "invalid_credentials"

    assert ("login", "failure") in audit_actions(identity, admin, agent_id)
    assert fake.failures.get(fake.user_named(agent_id)["id"]) == 1  # Keycloak's brute-force detection too
    login(identity, demo.AGENT_USERNAME, demo.AGENT_PASSWORD)  # a right password clears both


def test_refresh_and_logout_go_through_identitys_session_row(kc_platform, identity):
    pair = login(identity)
    renewed = identity.Refresh(pb.RefreshRequest(refresh_token=pair.refresh_token))
    assert renewed.refresh_token != pair.refresh_token and renewed.session_id == pair.session_id
    assert refused(lambda: identity.Refresh(pb.RefreshRequest(refresh_token=pair.refresh_token)))[1] == (
        "session_expired")  # Keycloak refuses a rotated refresh token

    identity.Logout(pb.LogoutRequest(refresh_token=renewed.refresh_token))

    assert not identity.CheckSession(pb.CheckSessionRequest(), metadata=bearer(renewed.access_token)).active
    assert refused(lambda: identity.Refresh(pb.RefreshRequest(refresh_token=renewed.refresh_token)))[1] == (
        "session_expired")
    identity.Logout(pb.LogoutRequest(refresh_token="made.up.token"))  # nothing to end: no error, nothing ended


def test_a_session_revoked_in_identity_cannot_be_refreshed_at_keycloak(kc_platform, fake, identity):
    first, second = login(identity), login(identity)

    ended = identity.RevokeOtherSessions(pb.RevokeOtherSessionsRequest(), metadata=bearer(second.access_token))

    assert ended.revoked >= 1
    assert not identity.CheckSession(pb.CheckSessionRequest(), metadata=bearer(first.access_token)).active
    assert refused(lambda: identity.Refresh(pb.RefreshRequest(refresh_token=first.refresh_token)))[1] == (
        "session_expired")
    assert first.session_id not in fake.sessions  # identity ended Keycloak's session too
    assert identity.Refresh(pb.RefreshRequest(refresh_token=second.refresh_token)).access_token


# --- the second factor: CONFIGURE_TOTP, then the code with the password ------------------------------------
def test_totp_set_up_in_keycloak_is_asked_at_login_and_sent_with_the_password(kc_platform, fake, identity):
    agent = login(identity, demo.AGENT_USERNAME, demo.AGENT_PASSWORD).access_token
    user = identity.CreatePortalUser(pb.CreatePortalUserRequest(
        client_id=new_id(), username=f"totp-{new_id()[:8]}@cliente.test", email="totp@cliente.test",
        display_name="Teresa Tótem", password=NEW_PASSWORD), metadata=bearer(agent)).user

    token = login(identity, user.username, NEW_PASSWORD).access_token
    code, reason = refused(lambda: identity.BeginTotpEnrolment(pb.BeginTotpEnrolmentRequest(
        current_password=NEW_PASSWORD), metadata=bearer(token)))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "mfa_setup_by_email")
    assert fake.emails[-1]["actions"] == ["CONFIGURE_TOTP"] and fake.emails[-1]["to"] == "totp@cliente.test"
    assert refused(lambda: login(identity, user.username, NEW_PASSWORD))[1] == "account_setup_required"

    app = fake.configure_otp(user.id)  # the user follows the e-mailed link and scans Keycloak's QR code
    first_step = login(identity, user.username, NEW_PASSWORD)
    assert first_step.mfa_ticket and not first_step.access_token and list(first_step.mfa_methods) == ["totp"]
    assert NEW_PASSWORD not in first_step.mfa_ticket

    def second_step(code: str) -> pb.TokenPair:
        return identity.CompleteMfaLogin(pb.CompleteMfaLoginRequest(mfa_ticket=first_step.mfa_ticket, code=code))

    wrong = "000000" if app.now() != "000000" else "111111"
    with pytest.raises(grpc.RpcError) as error:
        second_step(wrong)
    assert field_errors(error.value) == {"code": "wrong_code"}
    pair = second_step(app.now())
    principal = kc_platform.services["crm"].runtime.verifier.verify(pair.access_token)
    assert principal.user_id == user.id
    assert fake.requests_to("POST", "/openid-connect/token")[-1].form["totp"] == app.now()
    assert refused(lambda: second_step(app.now()))[1] == "mfa_ticket_invalid"  # a ticket serves once
    # A tampered ticket (another user's sealed password, or none) is no ticket.
    assert refused(lambda: identity.CompleteMfaLogin(pb.CompleteMfaLoginRequest(
        mfa_ticket=first_step.mfa_ticket[:-4] + "AAAA", code=app.now())))[1] == "mfa_ticket_invalid"
    # Changing the password needs the current one checked alone, which Keycloak cannot do with an app set up.
    assert refused(lambda: identity.ChangePassword(pb.ChangePasswordRequest(
        current_password=NEW_PASSWORD, password="Tercera-Clave-Muy-Larga-1", password_confirmation=
        "Tercera-Clave-Muy-Larga-1"), metadata=bearer(pair.access_token)))[1] == "reauthentication_needs_second_factor"


# --- passwords and users ----------------------------------------------------------------------------------
def test_a_portal_user_gets_a_keycloak_user_and_chooses_the_password_by_link(kc_platform, fake, identity):
    agent = login(identity, demo.AGENT_USERNAME, demo.AGENT_PASSWORD).access_token
    client_id = new_id()
    created = identity.CreatePortalUser(pb.CreatePortalUserRequest(
        client_id=client_id, username=f"nuevo-{new_id()[:8]}@cliente.test", email="nuevo@cliente.test",
        display_name="Nuria Nueva"), metadata=bearer(agent))

    stored = fake.user_named(created.user.id)
    assert stored["attributes"]["tenant_id"] == [demo.TENANT_ID] and stored["attributes"]["client_id"] == [client_id]
    assert created.set_password_token and not fake.passwords.get(stored["id"])
    identity.SetPassword(pb.SetPasswordRequest(token=created.set_password_token, password=NEW_PASSWORD,
                                               password_confirmation=NEW_PASSWORD))

    assert fake.passwords[stored["id"]] == [NEW_PASSWORD]
    principal = kc_platform.services["crm"].runtime.verifier.verify(
        login(identity, created.user.username, NEW_PASSWORD).access_token)
    assert (principal.user_id, principal.client_id) == (created.user.id, client_id)


def test_changing_the_password_sets_it_in_keycloak_and_ends_the_other_sessions(kc_platform, fake, identity):
    agent = login(identity, demo.AGENT_USERNAME, demo.AGENT_PASSWORD).access_token
    user = identity.CreatePortalUser(pb.CreatePortalUserRequest(
        client_id=new_id(), username=f"cambio-{new_id()[:8]}@cliente.test", email="cambio@cliente.test",
        display_name="Carlos Cambio", password=NEW_PASSWORD), metadata=bearer(agent)).user
    elsewhere, here = login(identity, user.username, NEW_PASSWORD), login(identity, user.username, NEW_PASSWORD)

    with pytest.raises(grpc.RpcError) as error:
        identity.ChangePassword(pb.ChangePasswordRequest(
            current_password="No-Es-La-Clave-2026", password="Tercera-Clave-Muy-Larga-1",
            password_confirmation="Tercera-Clave-Muy-Larga-1"), metadata=bearer(here.access_token))
    assert field_errors(error.value) == {"current_password": "wrong"}
    identity.ChangePassword(pb.ChangePasswordRequest(
        current_password=NEW_PASSWORD, password="Tercera-Clave-Muy-Larga-1",
        password_confirmation="Tercera-Clave-Muy-Larga-1"), metadata=bearer(here.access_token))

    assert fake.passwords[fake.user_named(user.id)["id"]][-1] == "Tercera-Clave-Muy-Larga-1"
    assert login(identity, user.username, "Tercera-Clave-Muy-Larga-1").access_token
    assert refused(lambda: login(identity, user.username, NEW_PASSWORD))[1] == "invalid_credentials"
    assert refused(lambda: identity.Refresh(pb.RefreshRequest(refresh_token=elsewhere.refresh_token)))[1] == (
        "session_expired")
    assert identity.CheckSession(pb.CheckSessionRequest(), metadata=bearer(here.access_token)).active


def test_staff_invitation_and_role_changes_reach_keycloaks_tokens(kc_platform, fake, identity):
    admin = login(identity, demo.ADMIN_USERNAME, demo.ADMIN_PASSWORD).access_token
    invited = identity.InviteStaffUser(pb.InviteStaffUserRequest(
        email=f"colega-{new_id()[:8]}@firma.test", display_name="Celia Colega", roles=[AGENT]), metadata=bearer(admin))
    assert fake.role_mappings[fake.user_named(invited.id)["id"]] == {AGENT}

    identity.UpdateStaffUser(pb.UpdateStaffUserRequest(user_id=invited.id, roles=[ADMIN]), metadata=bearer(admin))
    assert fake.role_mappings[fake.user_named(invited.id)["id"]] == {ADMIN}

    identity.UpdateStaffUser(pb.UpdateStaffUserRequest(user_id=invited.id, status="disabled"), metadata=bearer(admin))
    assert fake.user_named(invited.id)["enabled"] is False


def test_closing_an_account_deletes_the_keycloak_user(kc_platform, fake, identity):
    agent = login(identity, demo.AGENT_USERNAME, demo.AGENT_PASSWORD).access_token
    user = identity.CreatePortalUser(pb.CreatePortalUserRequest(
        client_id=new_id(), username=f"baja-{new_id()[:8]}@cliente.test", email="baja@cliente.test",
        display_name="Bruno Baja", password=NEW_PASSWORD), metadata=bearer(agent)).user
    session = login(identity, user.username, NEW_PASSWORD)

    closure = identity.CloseCustomerAccount(pb.CloseCustomerAccountRequest(user_id=user.id), metadata=bearer(agent))

    assert closure.closed
    assert fake.user_named(user.id) is None and session.session_id not in fake.sessions
    assert refused(lambda: login(identity, user.username, NEW_PASSWORD))[1] == "invalid_credentials"


def test_login_by_emailed_code_is_refused_while_keycloak_holds_the_second_factor(kc_platform, identity):
    code, reason = refused(lambda: identity.StartCodeLogin(pb.StartCodeLoginRequest(
        tenant=demo.TENANT_SLUG, login=demo.CLIENT_USERNAME)))
    assert (code, reason) == (grpc.StatusCode.FAILED_PRECONDITION, "not_available_with_keycloak")


# --- client members ---
def test_a_company_colleagues_role_within_the_client_reaches_keycloaks_tokens(kc_platform, fake, identity):
    """Without `crole` a customer's token would count as the client's admin (permissions.py), so the realm
    must map it: the colleague's Keycloak user carries it, follows its changes and goes with the removal."""
    agent = login(identity, demo.AGENT_USERNAME, demo.AGENT_PASSWORD).access_token
    first = identity.CreatePortalUser(pb.CreatePortalUserRequest(
        client_id=new_id(), username=f"empresa-{new_id()[:8]}@cliente.test", email=f"e-{new_id()[:8]}@cliente.test",
        display_name="Elena Empresa", password=NEW_PASSWORD), metadata=bearer(agent)).user
    admin = login(identity, first.username, NEW_PASSWORD).access_token
    assert jwt.decode(admin, options={"verify_signature": False})["crole"] == "admin"

    member = identity.InviteClientMember(pb.InviteClientMemberRequest(
        email=f"colega-{new_id()[:8]}@cliente.test", display_name="Cesar Colega", client_role="viewer"),
        metadata=bearer(admin))
    assert fake.user_named(member.id)["attributes"]["client_role"] == ["viewer"]
    identity.UpdateClientMember(pb.UpdateClientMemberRequest(user_id=member.id, client_role="payer"),
                                metadata=bearer(admin))
    assert fake.user_named(member.id)["attributes"]["client_role"] == ["payer"]
    identity.RemoveClientMember(pb.RemoveClientMemberRequest(user_id=member.id), metadata=bearer(admin))
    assert fake.user_named(member.id) is None
# --- end client members ---


# --- through the gateway -------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def gateway(kc_platform, fake, tmp_path_factory):
    from gateway.app import create_app
    from gateway.config import GatewaySettings

    addresses = {f"{name}_addr": f"127.0.0.1:{port}" for name, port in kc_platform.ports.items()}
    settings = GatewaySettings(var_dir=tmp_path_factory.mktemp("gateway-keycloak"),
                               redis_url="redis://127.0.0.1:6379/0", oidc_issuer=fake.issuer,
                               oidc_subject_claim="preferred_username", **addresses)
    return create_app(settings).test_client()


def test_the_web_session_works_end_to_end_on_keycloak(gateway, fake):
    answer = gateway.post("/api/v1/auth/login", json={"tenant": demo.TENANT_SLUG, "username": demo.CLIENT_USERNAME,
                                                      "password": demo.CLIENT_PASSWORD})
    assert answer.status_code == 200, answer.json

    me = gateway.get("/api/v1/me")
    assert me.status_code == 200, me.json
    assert me.json["user_id"] == demo.demo_id(f"user:{demo.CLIENT_USERNAME}") and me.json["client"]

    wrong = gateway.post("/api/v1/auth/login", json={"tenant": demo.TENANT_SLUG, "username": demo.CLIENT_USERNAME,
                                                     "password": "Incorrecta-Pero-Larga-77"})
    assert wrong.status_code == 401 and wrong.json["code"] == "invalid_credentials"


def test_a_bearer_client_refreshes_keycloaks_long_refresh_token_through_the_gateway(gateway):
    tokens = gateway.post("/api/v1/auth/login", json={
        "tenant": demo.TENANT_SLUG, "username": demo.AGENT_USERNAME, "password": demo.AGENT_PASSWORD}).json
    assert len(tokens["refresh_token"]) > 256  # a JWT: longer than the gateway accepted before Keycloak

    renewed = gateway.post("/api/v1/auth/refresh", json={"refresh_token": tokens["refresh_token"]})
    assert renewed.status_code == 200, renewed.json
    staff = gateway.get("/api/v1/me", headers={"Authorization": f"Bearer {renewed.json['access_token']}"})
    assert staff.status_code == 200 and staff.json["user_id"] == demo.demo_id(f"user:{demo.AGENT_USERNAME}")


def test_the_environment_of_this_module_holds_no_platform_setting():
    # The built-in platform of the session must not see the switch (it reads its settings from the environment).
    assert "CREDENTIAL_PROVIDER" not in os.environ and "OIDC_ISSUER" not in os.environ
