"""The token verifier with several trusted issuers: identity's own tokens beside an OpenID provider's
(Keycloak's realm), each issuer verified only with its own keys and read with its own user-id claim.

The OpenID provider's keys are served by a real HTTP server in this process (http.server on 127.0.0.1), in the
shape Keycloak's `/protocol/openid-connect/certs` has (an RS256 signing key and an RSA-OAEP encryption key).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from clientarea_shared.auth import TokenVerifier, TrustedIssuer, external_issuers, jwks_over_http
from clientarea_shared.config import Settings
from clientarea_shared.errors import Unauthenticated

pytestmark = pytest.mark.unit

IDENTITY = "clientarea-identity"
AUDIENCE = "clientarea"


class Signer:
    """An issuer's RSA key, its JWKS and tokens signed with it."""

    def __init__(self, issuer: str, kid: str):
        self.issuer, self.kid = issuer, kid
        self.key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

    def jwk(self, **extra: str) -> dict[str, Any]:
        jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
        return {**jwk, "kid": self.kid, "alg": "RS256", "use": "sig", **extra}

    def jwks(self) -> str:
        return json.dumps({"keys": [self.jwk()]})

    def token(self, **claims: Any) -> str:
        now = int(time.time())
        body = {"iss": self.issuer, "aud": AUDIENCE, "iat": now, "exp": now + 300, "tid": "tenant-1", **claims}
        return jwt.encode(body, self.key, algorithm="RS256", headers={"kid": self.kid})


@pytest.fixture(scope="module")
def identity() -> Signer:
    return Signer(IDENTITY, "identity-key")


@pytest.fixture(scope="module")
def realm() -> Signer:
    return Signer("https://sso.example.test/realms/clientarea", "realm-key")


class JwksServer:
    """A realm's certs endpoint over HTTP that counts its requests and can be switched off."""

    def __init__(self, signer: Signer):
        served = self
        self.requests = 0
        self.down = False
        self.encryption_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802
                served.requests += 1
                if served.down:
                    self.send_response(503)
                    self.end_headers()
                    return
                encryption = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(served.encryption_key.public_key()))
                body = json.dumps({"keys": [signer.jwk(),
                                            {**encryption, "kid": "enc-key", "alg": "RSA-OAEP", "use": "enc"}]})
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                self.wfile.write(body.encode())

            def log_message(self, *args: object) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/realms/clientarea/protocol/openid-connect/certs"
        self.encryption_signer = Signer(signer.issuer, "enc-key")
        self.encryption_signer.key = self.encryption_key
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


@pytest.fixture
def certs(realm: Signer) -> Iterator[JwksServer]:
    server = JwksServer(realm)
    yield server
    server.server.shutdown()


def both(identity: Signer, realm: Signer, certs: JwksServer) -> TokenVerifier:
    """A service's verifier with Keycloak configured: identity's keys as identity serves them, the realm's over
    HTTP, the user id in `preferred_username` for the realm's tokens."""
    keycloak = TrustedIssuer(realm.issuer, jwks_over_http(certs.url), subject_claim="preferred_username",
                             token_type="Bearer")
    return TokenVerifier(identity.jwks, IDENTITY, AUDIENCE, also_trusted=[keycloak])


def test_tokens_of_both_issuers_are_accepted_each_with_its_own_user_id_claim(identity, realm, certs):
    verifier = both(identity, realm, certs)

    own = verifier.verify(identity.token(sub="user-1", roles=["client"], cid="client-9", sid="s1"))
    keycloak = verifier.verify(realm.token(sub="f3c1-keycloak-internal-id", preferred_username="user-2", typ="Bearer",
                                           roles=["agent", "default-roles-clientarea"], sid="kc-session",
                                           name="Marta Agente"))

    assert (own.user_id, own.client_id, own.session_id) == ("user-1", "client-9", "s1")
    assert keycloak.user_id == "user-2"  # identity's id, not Keycloak's `sub`
    assert keycloak.session_id == "kc-session" and keycloak.display_name == "Marta Agente" and keycloak.is_staff
    assert verifier.issuers == [IDENTITY, realm.issuer]


def test_an_issuer_vouches_only_for_tokens_naming_it(identity, realm, certs):
    verifier = both(identity, realm, certs)
    # The realm's key signing a token that claims to be identity's, and the other way round.
    cross = [jwt.encode(jwt.decode(identity.token(sub="u"), options={"verify_signature": False}),
                        realm.key, algorithm="RS256", headers={"kid": realm.kid}),
             jwt.encode(jwt.decode(realm.token(preferred_username="u", typ="Bearer"),
                                   options={"verify_signature": False}),
                        identity.key, algorithm="RS256", headers={"kid": identity.kid})]
    for token in cross:
        with pytest.raises(Unauthenticated) as refused:
            verifier.verify(token)
        assert refused.value.code == "invalid_token"


def test_an_unknown_issuer_is_refused_without_fetching_any_keys(identity, realm, certs):
    verifier = both(identity, realm, certs)
    stranger = Signer("https://evil.example.test/realms/clientarea", realm.kid)
    for token in (stranger.token(preferred_username="u", typ="Bearer"), "a.b.c", "not-a-token"):
        with pytest.raises(Unauthenticated) as refused:
            verifier.verify(token)
        assert refused.value.code == "invalid_token"
    assert certs.requests == 0


def test_the_realms_id_and_refresh_tokens_and_its_encryption_key_never_pass(identity, realm, certs):
    verifier = both(identity, realm, certs)
    for typ in ("ID", "Refresh", None):
        claims = {"preferred_username": "u"} | ({"typ": typ} if typ else {})
        with pytest.raises(Unauthenticated):
            verifier.verify(realm.token(**claims))
    # A token whose header names the encryption key: that key is never loaded as a verification key.
    with pytest.raises(Unauthenticated) as refused:
        verifier.verify(certs.encryption_signer.token(preferred_username="u", typ="Bearer"))
    assert refused.value.code == "invalid_token"


def test_a_token_without_the_user_id_claim_is_refused(identity, realm, certs):
    verifier = both(identity, realm, certs)
    with pytest.raises(Unauthenticated):
        verifier.verify(realm.token(sub="keycloak-id-only", typ="Bearer"))


def test_each_issuers_keys_load_on_their_own(identity, realm, certs):
    verifier = both(identity, realm, certs)
    verifier.verify(identity.token(sub="u1"))
    assert certs.requests == 0  # the realm's keys are fetched only for the realm's tokens
    verifier.verify(realm.token(preferred_username="u2", typ="Bearer"))
    verifier.verify(realm.token(preferred_username="u3", typ="Bearer"))
    assert certs.requests == 1  # cached after the first

    certs.down = True
    with pytest.raises(Unauthenticated) as refused:  # a new realm key while the realm is away: fail closed
        verifier.verify(jwt.encode({"iss": realm.issuer, "aud": AUDIENCE, "iat": int(time.time()),
                                    "exp": int(time.time()) + 60, "tid": "t", "preferred_username": "u",
                                    "typ": "Bearer"}, realm.key, algorithm="RS256", headers={"kid": "rotated"}))
    assert refused.value.code in ("jwks_unavailable", "invalid_token")
    assert verifier.verify(identity.token(sub="u4")).user_id == "u4"  # identity's tokens go on regardless


def test_external_issuers_come_from_the_settings_with_keycloaks_certs_path_by_default(identity, realm, certs):
    assert external_issuers(Settings()) == []
    issuer = certs.url.removesuffix("/protocol/openid-connect/certs")
    [trusted] = external_issuers(Settings(oidc_issuer=issuer))
    assert (trusted.issuer, trusted.subject_claim, trusted.token_type) == (issuer, "preferred_username", "Bearer")
    assert json.loads(trusted.load_jwks())["keys"][0]["kid"] == realm.kid  # fetched from <issuer>/protocol/...

    [explicit] = external_issuers(Settings(oidc_issuer=realm.issuer, oidc_jwks_url=certs.url,
                                           oidc_subject_claim="sub"))
    assert explicit.subject_claim == "sub" and json.loads(explicit.load_jwks())["keys"]
    with pytest.raises(ValueError, match="http"):
        jwks_over_http("file:///etc/passwd")


def test_one_issuer_cannot_be_trusted_twice(identity):
    with pytest.raises(ValueError):
        TokenVerifier(identity.jwks, IDENTITY, AUDIENCE, also_trusted=[TrustedIssuer(IDENTITY, identity.jwks)])
