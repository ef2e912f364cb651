"""Identity over gRPC on PostgreSQL: login, refresh rotation, logout, JWKS, and forged tokens."""

from __future__ import annotations

import base64
import json
import time

import grpc
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from clientarea.crm.v1 import crm_pb2, crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.errors import Unauthenticated
from clientarea_shared.testing import bearer
from identity_service.keys import key_ring

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def identity(platform):
    return platform.stub("identity", identity_pb2_grpc.IdentityServiceStub)


def login(identity, username=demo.CLIENT_USERNAME, password=demo.CLIENT_PASSWORD, tenant="demo"):
    return identity.Login(identity_pb2.LoginRequest(tenant=tenant, username=username, password=password))


def test_login_returns_a_short_lived_rs256_token_with_kid_tenant_roles_and_client(identity):
    pair = login(identity)
    header = jwt.get_unverified_header(pair.access_token)
    claims = jwt.decode(pair.access_token, options={"verify_signature": False})
    assert header["alg"] == "RS256" and header["kid"]
    assert claims["tid"] == demo.TENANT_ID and claims["cid"] == demo.CLIENT_ID
    assert claims["name"] == "Lucía Fernández Ruiz"
    assert "client" in claims["roles"]
    assert 0 < pair.expires_in <= 15 * 60 and claims["exp"] - claims["iat"] == pair.expires_in
    jwks = json.loads(identity.GetJwks(identity_pb2.GetJwksRequest()).json)
    assert header["kid"] in {k["kid"] for k in jwks["keys"]}
    assert all("d" not in k for k in jwks["keys"])  # public halves only


@pytest.mark.parametrize(("tenant", "username", "password"), [
    ("demo", demo.CLIENT_USERNAME, "wrong-password-123"),
    ("demo", "nobody@demo.test", demo.CLIENT_PASSWORD),
    ("no-such-firm", demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD),
])
def test_failed_logins_all_get_the_same_answer(identity, tenant, username, password):
    with pytest.raises(grpc.RpcError) as error:
        login(identity, username, password, tenant)
    assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED
    assert error.value.details() == "The user name or the password is not correct"


def test_refresh_rotates_and_a_reused_refresh_token_revokes_the_session(identity):
    first = login(identity)
    second = identity.Refresh(identity_pb2.RefreshRequest(refresh_token=first.refresh_token))
    assert second.refresh_token != first.refresh_token
    with pytest.raises(grpc.RpcError) as reuse:
        identity.Refresh(identity_pb2.RefreshRequest(refresh_token=first.refresh_token))
    assert reuse.value.code() == grpc.StatusCode.UNAUTHENTICATED
    # The theft signal ends the whole family: the newest token is dead too.
    with pytest.raises(grpc.RpcError):
        identity.Refresh(identity_pb2.RefreshRequest(refresh_token=second.refresh_token))


def test_logout_revokes_the_refresh_token(identity):
    pair = login(identity)
    identity.Logout(identity_pb2.LogoutRequest(refresh_token=pair.refresh_token))
    with pytest.raises(grpc.RpcError) as error:
        identity.Refresh(identity_pb2.RefreshRequest(refresh_token=pair.refresh_token))
    assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_get_me_describes_the_caller(identity, customer_token):
    me = identity.GetMe(identity_pb2.GetMeRequest(), metadata=bearer(customer_token))
    assert me.username == demo.CLIENT_USERNAME and me.client_id == demo.CLIENT_ID


def _forged(claims: dict, *, key=None, algorithm="RS256", kid="unknown") -> str:
    key = key or rsa.generate_private_key(public_exponent=65537, key_size=2048).private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return jwt.encode(claims, key, algorithm=algorithm, headers={"kid": kid})


@pytest.fixture()
def genuine_claims(customer_token):
    return jwt.decode(customer_token, options={"verify_signature": False})


def _assert_refused(platform, token: str) -> None:
    crm = platform.stub("crm", crm_pb2_grpc.CrmServiceStub)
    with pytest.raises(grpc.RpcError) as error:
        crm.GetClient(crm_pb2.GetClientRequest(id=demo.CLIENT_ID), metadata=bearer(token))
    assert error.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_services_refuse_a_token_signed_with_another_key(platform, customer_token, genuine_claims):
    kid = jwt.get_unverified_header(customer_token)["kid"]
    _assert_refused(platform, _forged(genuine_claims, kid=kid))


def test_services_refuse_alg_none(platform, genuine_claims):
    header = {"alg": "none", "typ": "JWT"}

    def b64(data: dict) -> str:
        return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")

    _assert_refused(platform, f"{b64(header)}.{b64(genuine_claims)}.")


def test_services_refuse_an_expired_token(platform, genuine_claims):
    # Signed with identity's real key, so expiry is the only thing wrong with it.
    ring = key_ring(platform.services["identity"].runtime)
    now = int(time.time())
    expired = ring.sign({**genuine_claims, "iat": now - 3600, "exp": now - 60})
    with pytest.raises(Unauthenticated) as error:
        platform.services["crm"].runtime.verifier.verify(expired)
    assert error.value.code == "token_expired"
    _assert_refused(platform, expired)


def test_a_customer_reads_only_their_own_client_record(platform, customer_token):
    crm = platform.stub("crm", crm_pb2_grpc.CrmServiceStub)
    mine = crm.GetClient(crm_pb2.GetClientRequest(id=demo.CLIENT_ID), metadata=bearer(customer_token))
    assert mine.tax_id.number == "12345678Z"
    with pytest.raises(grpc.RpcError) as error:
        crm.GetClient(crm_pb2.GetClientRequest(id=demo.demo_id("client:talleres")),
                      metadata=bearer(customer_token))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND


def test_get_tenant_by_slug_or_id(identity):
    by_slug = identity.GetTenant(identity_pb2.GetTenantRequest(slug="demo"))
    by_id = identity.GetTenant(identity_pb2.GetTenantRequest(id=demo.TENANT_ID))
    assert by_slug == by_id and by_id.name == demo.TENANT_NAME
    with pytest.raises(grpc.RpcError) as error:
        identity.GetTenant(identity_pb2.GetTenantRequest(id="no-such-firm"))
    assert error.value.code() == grpc.StatusCode.NOT_FOUND
