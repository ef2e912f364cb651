"""The Keycloak credential provider against a fake Keycloak served over real HTTP.

No Keycloak runs on this machine, so `FakeKeycloak` below is a real HTTP server (http.server in a thread on
127.0.0.1, a free port) answering the documented endpoints the provider uses, with Keycloak's documented
success and error bodies:

- OIDC: `/realms/{realm}/protocol/openid-connect/token` (password, refresh_token and client_credentials
  grants), `/logout`, `/certs` (an RS256 signing key and, like Keycloak, an RSA-OAEP encryption key);
- admin: `/admin/realms/{realm}/users` (create, exact user-name search), `/users/{id}` (GET, PUT, DELETE),
  `/reset-password`, `/execute-actions-email`, `/logout`, `/role-mappings/realm[/available]`,
  `/attack-detection/brute-force/users/{id}`.

The fake reads the realm export (deploy/keycloak/clientarea-realm.json) and obeys it: the client's secret,
direct access grants, the **protocol mappers** (audience, user attributes, realm roles, full name) that build
each access token, the service account's realm-management roles, brute-force detection, the password policy's
length and refresh-token rotation. So the tests prove both the provider and the realm's claims: tokens the fake
signs with a real RSA key are accepted by `clientarea_shared.auth.TokenVerifier` fed with
`KeycloakCredentials.jwks()`. What a fake cannot prove (Keycloak's own behaviour beyond these documented
answers) is listed in docs/keycloak.md.
"""

from __future__ import annotations

import json
import logging
import re
import secrets
import socket
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

from clientarea_shared.auth import TokenVerifier
from clientarea_shared.context import ADMIN, AGENT, CLIENT
from clientarea_shared.errors import (
    Conflict,
    Invalid,
    NotFound,
    TooManyRequests,
    Unauthenticated,
    Unavailable,
)
from identity_service.credentials import CredentialUser
from identity_service.keycloak import KeycloakCredentials, KeycloakSettings

pytestmark = pytest.mark.unit

REALM_EXPORT = Path(__file__).resolve().parents[3] / "deploy" / "keycloak" / "clientarea-realm.json"
GATEWAY_CLIENT = "clientarea-gateway"
PASSWORD = "Correcto-Caballo-Bateria-42"
TENANT_ID = "0190a5f2-0000-7000-8000-00000000000a"
CLIENT_ID = "0190a5f2-0000-7000-8000-0000000000c1"
ADMIN_ROLES_IMPLIED = {"manage-users": {"manage-users", "view-users", "query-users"},
                       "view-users": {"view-users", "query-users"}, "query-users": {"query-users"}}


def _rsa_key() -> rsa.RSAPrivateKey:
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def _public_jwk(key: rsa.RSAPrivateKey, kid: str, alg: str, use: str) -> dict[str, Any]:
    jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(key.public_key()))
    jwk.update({"kid": kid, "alg": alg, "use": use})
    return jwk


@dataclass
class Recorded:
    """One request the fake received."""

    method: str
    path: str
    query: dict[str, list[str]]
    headers: dict[str, str]
    body: str

    @property
    def form(self) -> dict[str, str]:
        return {k: v[0] for k, v in parse_qs(self.body, keep_blank_values=True).items()}

    @property
    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class Reply:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)


def _error(status: int, error: str, description: str) -> Reply:
    """Keycloak's error body of the OIDC endpoints and of admin errors raised with a description."""
    return Reply(status, {"error": error, "error_description": description})


class FakeKeycloak:
    """A Keycloak realm over HTTP, configured by the realm export (see the module docstring)."""

    def __init__(self, signing_key: rsa.RSAPrivateKey, encryption_key: rsa.RSAPrivateKey):
        self.export = json.loads(REALM_EXPORT.read_text(encoding="utf-8"))
        self.realm = self.export["realm"]
        self.signing_key, self.kid = signing_key, "rs256-" + uuid.uuid4().hex[:8]
        self.encryption_key = encryption_key
        self.hmac_secret = secrets.token_bytes(64)  # Keycloak signs refresh tokens HS512 with a realm secret
        self.clients = {c["clientId"]: c for c in self.export["clients"]}
        role_names = [r["name"] for r in self.export["roles"]["realm"]]
        role_names += [f"default-roles-{self.realm}", "offline_access", "uma_authorization"]  # Keycloak adds these
        self.roles = {name: {"id": str(uuid.uuid4()), "name": name, "composite": False, "clientRole": False,
                             "containerId": self.realm} for name in role_names}
        self.users: dict[str, dict[str, Any]] = {}
        self.passwords: dict[str, list[str]] = {}
        self.role_mappings: dict[str, set[str]] = {}
        self.failures: dict[str, int] = {}
        self.locked_until: dict[str, float] = {}
        self.sessions: dict[str, str] = {}  # session id -> user id
        self.used_refresh: set[str] = set()
        self.admin_tokens: dict[str, str] = {}  # access token -> client id of the service account
        self.requests: list[Recorded] = []
        self.access_log: list[str] = []
        self.emails: list[dict[str, Any]] = []
        self.outage = 0  # answer every request with this 5xx status when set
        self.legacy_lockout_answer = False  # answer a lockout as Keycloak < 2x did
        self._lock = threading.RLock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._server.server_address[1]}"
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    # --- life -------------------------------------------------------------------------------
    def start(self) -> FakeKeycloak:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    @property
    def issuer(self) -> str:
        return f"{self.url}/realms/{self.realm}"

    def requests_to(self, method: str, path_end: str) -> list[Recorded]:
        return [r for r in self.requests if r.method == method and r.path.endswith(path_end)]

    def user_named(self, username: str) -> dict[str, Any] | None:
        return next((u for u in self.users.values() if u["username"] == username.lower()), None)

    # --- HTTP ---------------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def _serve(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length).decode() if length else ""
                split = urlsplit(self.path)
                recorded = Recorded(self.command, split.path, parse_qs(split.query), dict(self.headers), body)
                with fake._lock:
                    fake.requests.append(recorded)
                    reply = fake.dispatch(recorded)
                payload = b"" if reply.body is None else (
                    reply.body.encode() if isinstance(reply.body, str) else json.dumps(reply.body).encode())
                self.send_response(reply.status)
                content_type = "text/html" if isinstance(reply.body, str) else "application/json"
                for name, value in {"Content-Type": content_type, **reply.headers}.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(payload)))
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _serve

            def log_message(self, fmt: str, *args: Any) -> None:
                fake.access_log.append(fmt % args)

        return Handler

    ROUTES: tuple[tuple[str, str, str], ...] = (
        ("POST", r"/realms/(?P<realm>[^/]+)/protocol/openid-connect/token", "token"),
        ("POST", r"/realms/(?P<realm>[^/]+)/protocol/openid-connect/logout", "logout"),
        ("GET", r"/realms/(?P<realm>[^/]+)/protocol/openid-connect/certs", "certs"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/users", "search_users"),
        ("POST", r"/admin/realms/(?P<realm>[^/]+)/users", "create_user"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)", "get_user"),
        ("PUT", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)", "update_user"),
        ("DELETE", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)", "delete_user"),
        ("PUT", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/reset-password", "reset_password"),
        ("PUT", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/execute-actions-email", "actions_email"),
        ("POST", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/logout", "user_logout"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/role-mappings/realm/available",
         "available_roles"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/role-mappings/realm", "user_roles"),
        ("POST", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/role-mappings/realm", "add_roles"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/attack-detection/brute-force/users/(?P<id>[^/]+)",
         "brute_force_status"),
    )
    # What realm-management role each admin endpoint asks of the caller.
    NEEDS = {"search_users": "query-users", "get_user": "view-users", "available_roles": "view-users",
             "user_roles": "view-users", "brute_force_status": "view-users"}

    def dispatch(self, request: Recorded) -> Reply:
        if self.outage:
            return Reply(self.outage, "<html><body>Service Unavailable</body></html>")
        for method, pattern, name in self.ROUTES:
            match = re.fullmatch(pattern, request.path)
            if match and method == request.method:
                if match["realm"] != self.realm:
                    return Reply(404, {"error": "Realm does not exist"})
                if request.path.startswith("/admin/"):
                    refused = self._admin_refusal(request, self.NEEDS.get(name, "manage-users"))
                    if refused:
                        return refused
                    user_id = match.groupdict().get("id")
                    if user_id is not None and user_id not in self.users:
                        return Reply(404, {"error": "User not found"})
                return getattr(self, f"_{name}")(request, match.groupdict().get("id"))
        return Reply(404, {"error": "Unable to find matching target resource method"})

    def _admin_refusal(self, request: Recorded, needed: str) -> Reply | None:
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        client_id = self.admin_tokens.get(token)
        if client_id is None:
            return Reply(401, {"error": "HTTP 401 Unauthorized"})
        granted: set[str] = set()
        for user in self.export.get("users", []):
            if user.get("serviceAccountClientId") == client_id:
                for role in user.get("clientRoles", {}).get("realm-management", []):
                    granted |= ADMIN_ROLES_IMPLIED.get(role, {role})
        return None if needed in granted else Reply(403, {"error": "HTTP 403 Forbidden"})

    # --- OIDC endpoints -------------------------------------------------------------------------
    def _client(self, form: dict[str, str]) -> dict[str, Any] | Reply:
        client = self.clients.get(form.get("client_id", ""))
        if client is None or client.get("secret") != form.get("client_secret"):
            return _error(401, "unauthorized_client", "Invalid client or Invalid client credentials")
        return client

    def _token(self, request: Recorded, _: str | None) -> Reply:
        form = request.form
        client = self._client(form)
        if isinstance(client, Reply):
            return client
        grant = form.get("grant_type")
        if grant == "password":
            return self._password_grant(client, form)
        if grant == "refresh_token":
            return self._refresh_grant(client, form)
        if grant == "client_credentials" and client.get("serviceAccountsEnabled"):
            token = self._sign({"sub": f"service-account-{client['clientId']}", "azp": client["clientId"],
                                "typ": "Bearer"}, lifespan=300)
            self.admin_tokens[token] = client["clientId"]
            return Reply(200, {"access_token": token, "expires_in": 300, "refresh_expires_in": 0,
                               "token_type": "Bearer", "not-before-policy": 0, "scope": "profile email"})
        return _error(400, "unsupported_grant_type", "Unsupported grant_type")

    def _password_grant(self, client: dict[str, Any], form: dict[str, str]) -> Reply:
        if not client.get("directAccessGrantsEnabled"):
            return _error(400, "unauthorized_client", "Client not allowed for direct access grants")
        user = self.user_named(form.get("username", ""))
        if user is None:
            return _error(400, "invalid_grant", "Invalid user credentials")
        if self.locked_until.get(user["id"], 0) > time.time():
            # Current Keycloak: the same words as a wrong password, so attackers cannot tell.
            text = "Account temporarily disabled" if self.legacy_lockout_answer else "Invalid user credentials"
            return _error(400, "invalid_grant", text)
        if not user["enabled"]:
            return _error(400, "invalid_grant", "Account disabled")
        passwords = self.passwords.get(user["id"], [])
        if not passwords or passwords[-1] != form.get("password"):
            self._count_failure(user["id"])
            return _error(401, "invalid_grant", "Invalid user credentials")
        self.failures.pop(user["id"], None)
        if user["requiredActions"]:
            return _error(400, "invalid_grant", "Account is not fully set up")
        session_id = str(uuid.uuid4())
        self.sessions[session_id] = user["id"]
        return Reply(200, self._token_response(client, user, session_id))

    def _count_failure(self, user_id: str) -> None:
        if not self.export.get("bruteForceProtected"):
            return
        self.failures[user_id] = self.failures.get(user_id, 0) + 1
        if self.failures[user_id] >= self.export["failureFactor"]:
            self.locked_until[user_id] = time.time() + self.export["waitIncrementSeconds"]

    def _refresh_grant(self, client: dict[str, Any], form: dict[str, str]) -> Reply:
        try:
            claims = jwt.decode(form.get("refresh_token", ""), self.hmac_secret, algorithms=["HS512"],
                                audience=self.issuer)
        except jwt.PyJWTError:
            return _error(400, "invalid_grant", "Invalid refresh token")
        if claims["azp"] != client["clientId"]:
            return _error(400, "invalid_grant", "Invalid refresh token. Token client and authorized client "
                                                      "don't match")
        if self.export.get("revokeRefreshToken") and claims["jti"] in self.used_refresh:
            return _error(400, "invalid_grant", "Maximum allowed refresh token reuse exceeded")
        user_id = self.sessions.get(claims["sid"])
        if user_id is None or user_id not in self.users:
            return _error(400, "invalid_grant", "Session not active")
        self.used_refresh.add(claims["jti"])
        return Reply(200, self._token_response(client, self.users[user_id], claims["sid"]))

    def _logout(self, request: Recorded, _: str | None) -> Reply:
        form = request.form
        client = self._client(form)
        if isinstance(client, Reply):
            return client
        try:
            claims = jwt.decode(form.get("refresh_token", ""), self.hmac_secret, algorithms=["HS512"],
                                audience=self.issuer)
        except jwt.PyJWTError:
            return _error(400, "invalid_grant", "Invalid refresh token")
        if self.sessions.pop(claims["sid"], None) is None:
            return _error(400, "invalid_grant", "Session not active")
        return Reply(204)

    def _certs(self, request: Recorded, _: str | None) -> Reply:
        return Reply(200, {"keys": [_public_jwk(self.signing_key, self.kid, "RS256", "sig"),
                                    _public_jwk(self.encryption_key, "enc-key", "RSA-OAEP", "enc")]})

    # --- tokens as the realm export's mappers build them -----------------------------------------
    def _token_response(self, client: dict[str, Any], user: dict[str, Any], session_id: str) -> dict[str, Any]:
        lifespan = int(client.get("attributes", {}).get("access.token.lifespan") or self.export["accessTokenLifespan"])
        claims = {"sub": user["id"], "typ": "Bearer", "azp": client["clientId"], "sid": session_id, "acr": "1",
                  "aud": ["account"], "scope": "openid profile email",
                  "realm_access": {"roles": sorted(self._effective_roles(user["id"]))}}
        for mapper in client.get("protocolMappers", []):
            self._apply_mapper(mapper, user, claims)
        access = self._sign(claims, lifespan)
        now = int(time.time())
        refresh = jwt.encode({"exp": now + self.export["ssoSessionIdleTimeout"], "iat": now, "jti": str(uuid.uuid4()),
                              "iss": self.issuer, "aud": self.issuer, "sub": user["id"], "typ": "Refresh",
                              "azp": client["clientId"], "sid": session_id, "scope": "openid profile email"},
                             self.hmac_secret, algorithm="HS512", headers={"kid": "hmac-key"})
        return {"access_token": access, "expires_in": lifespan, "refresh_expires_in": 1800,
                "refresh_token": refresh, "token_type": "Bearer", "not-before-policy": 0,
                "session_state": session_id, "scope": "openid profile email"}

    def _sign(self, claims: dict[str, Any], lifespan: int) -> str:
        now = int(time.time())
        body = {"exp": now + lifespan, "iat": now, "jti": str(uuid.uuid4()), "iss": self.issuer, **claims}
        return jwt.encode(body, self.signing_key, algorithm="RS256", headers={"kid": self.kid, "typ": "JWT"})

    def _effective_roles(self, user_id: str) -> set[str]:
        direct = self.role_mappings.get(user_id, set())
        default = {f"default-roles-{self.realm}", "offline_access", "uma_authorization"}  # its composites
        return direct | default

    def _apply_mapper(self, mapper: dict[str, Any], user: dict[str, Any], claims: dict[str, Any]) -> None:
        config = mapper["config"]
        if config.get("access.token.claim") != "true":
            return
        kind = mapper["protocolMapper"]
        if kind == "oidc-audience-mapper":
            claims["aud"] = [*claims["aud"], config["included.custom.audience"]]
        elif kind == "oidc-usermodel-attribute-mapper":
            name = config["user.attribute"]
            builtin = name in ("username", "email", "firstName", "lastName")
            values = [v for v in ([user[name]] if builtin else user["attributes"].get(name, [])) if v]
            if values:
                claims[config["claim.name"]] = values if config.get("multivalued") == "true" else values[0]
        elif kind == "oidc-usermodel-realm-role-mapper":
            claims[config["claim.name"]] = sorted(self._effective_roles(user["id"]))
        elif kind == "oidc-full-name-mapper":
            full = " ".join(part for part in (user.get("firstName"), user.get("lastName")) if part)
            if full:
                claims["name"] = full
        else:
            raise AssertionError(f"the fake does not know the mapper {kind}: teach it before relying on it")

    # --- admin endpoints -------------------------------------------------------------------------
    def _search_users(self, request: Recorded, _: str | None) -> Reply:
        wanted = request.query.get("username", [""])[0].lower()
        exact = request.query.get("exact", ["false"])[0].lower() == "true"  # JAX-RS reads Booleans any case
        found = [u for u in self.users.values()
                 if (u["username"] == wanted if exact else wanted in u["username"])]
        first = int(request.query.get("first", ["0"])[0])
        most = int(request.query.get("max", ["100"])[0])
        return Reply(200, [self._public(u) for u in found[first:first + most]])

    def _create_user(self, request: Recorded, _: str | None) -> Reply:
        rep = request.json
        username = (rep.get("username") or "").lower()
        if not username:
            return Reply(400, {"errorMessage": "User name is missing"})
        if self.user_named(username):
            return Reply(409, {"errorMessage": "User exists with same username"})
        user_id = str(uuid.uuid4())
        # Keycloak ignores realmRoles on this endpoint: roles need the role-mappings call.
        self.users[user_id] = {"id": user_id, "username": username, "enabled": rep.get("enabled", False),
                               "email": rep.get("email"), "emailVerified": rep.get("emailVerified", False),
                               "firstName": rep.get("firstName"), "lastName": rep.get("lastName"),
                               "attributes": rep.get("attributes") or {}, "requiredActions": [],
                               "createdTimestamp": int(time.time() * 1000), "totp": False}
        location = f"{self.url}/admin/realms/{self.realm}/users/{user_id}"
        return Reply(201, None, {"Location": location})

    def _public(self, user: dict[str, Any]) -> dict[str, Any]:
        return {**user, "access": {"manage": True}, "disableableCredentialTypes": [], "notBefore": 0}

    def _get_user(self, request: Recorded, user_id: str | None) -> Reply:
        return Reply(200, self._public(self.users[user_id]))

    def _update_user(self, request: Recorded, user_id: str | None) -> Reply:
        rep = request.json
        user = self.users[user_id]
        for key in ("enabled", "email", "emailVerified", "firstName", "lastName", "attributes", "requiredActions"):
            if key in rep:
                user[key] = rep[key]
        return Reply(204)

    def _delete_user(self, request: Recorded, user_id: str | None) -> Reply:
        del self.users[user_id]
        self.passwords.pop(user_id, None)
        self.sessions = {sid: uid for sid, uid in self.sessions.items() if uid != user_id}
        return Reply(204)

    def _reset_password(self, request: Recorded, user_id: str | None) -> Reply:
        credential = request.json
        value, user = credential.get("value", ""), self.users[user_id]
        policy = self.export["passwordPolicy"]
        minimum = int(re.search(r"(?<!max)length\((\d+)\)", policy, re.IGNORECASE).group(1))
        if len(value) < minimum:
            return _error(400, "invalidPasswordMinLengthMessage", f"Invalid password: minimum length {minimum}.")
        if "notUsername" in policy and value.lower() == user["username"]:
            return _error(400, "invalidPasswordNotUsernameMessage",
                                "Invalid password: must not be equal to the username.")
        self.passwords.setdefault(user_id, []).append(value)
        if credential.get("temporary", True):
            user["requiredActions"].append("UPDATE_PASSWORD")
        return Reply(204)

    def _actions_email(self, request: Recorded, user_id: str | None) -> Reply:
        user = self.users[user_id]
        if not user.get("email"):
            return Reply(400, {"errorMessage": "User email missing"})
        if not user["enabled"]:
            return Reply(400, {"errorMessage": "User is disabled"})
        known = {"UPDATE_PASSWORD", "CONFIGURE_TOTP", "VERIFY_EMAIL", "UPDATE_PROFILE", "TERMS_AND_CONDITIONS"}
        actions = request.json
        if not set(actions) <= known:
            return Reply(400, {"errorMessage": "Provided invalid required actions"})
        lifespan = int(request.query.get("lifespan", ["43200"])[0])
        self.emails.append({"to": user["email"], "actions": actions, "lifespan": lifespan})
        return Reply(204)

    def _user_logout(self, request: Recorded, user_id: str | None) -> Reply:
        self.sessions = {sid: uid for sid, uid in self.sessions.items() if uid != user_id}
        return Reply(204)

    def _available_roles(self, request: Recorded, user_id: str | None) -> Reply:
        mapped = self.role_mappings.get(user_id, set())
        return Reply(200, [role for name, role in self.roles.items() if name not in mapped])

    def _user_roles(self, request: Recorded, user_id: str | None) -> Reply:
        return Reply(200, [self.roles[name] for name in sorted(self.role_mappings.get(user_id, set()))])

    def _add_roles(self, request: Recorded, user_id: str | None) -> Reply:
        for role in request.json:
            known = self.roles.get(role.get("name"))
            if known is None or known["id"] != role.get("id"):
                return Reply(404, {"error": "Role not found"})
        self.role_mappings.setdefault(user_id, set()).update(role["name"] for role in request.json)
        return Reply(204)

    def _brute_force_status(self, request: Recorded, user_id: str | None) -> Reply:
        return Reply(200, {"numFailures": self.failures.get(user_id, 0),
                           "disabled": self.locked_until.get(user_id, 0) > time.time(),
                           "lastIPFailure": "127.0.0.1", "lastFailure": 0})


# --- fixtures and helpers ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def rsa_keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    return _rsa_key(), _rsa_key()


@pytest.fixture
def fake(rsa_keys) -> Iterator[FakeKeycloak]:
    server = FakeKeycloak(*rsa_keys).start()
    yield server
    server.stop()


def settings_for(url: str, realm: str = "clientarea") -> KeycloakSettings:
    export = json.loads(REALM_EXPORT.read_text(encoding="utf-8"))
    secret = next(c["secret"] for c in export["clients"] if c["clientId"] == GATEWAY_CLIENT)
    return KeycloakSettings(url=url, realm=realm, client_id=GATEWAY_CLIENT, client_secret=secret, timeout_seconds=2)


@pytest.fixture
def provider(fake) -> KeycloakCredentials:
    return KeycloakCredentials(settings_for(fake.url))


def a_user(user_id: str | None = None, roles: tuple[str, ...] = (CLIENT,), client_id: str = CLIENT_ID,
           display_name: str = "Lucía Fernández Ruiz") -> CredentialUser:
    return CredentialUser(user_id=user_id or str(uuid.uuid4()), tenant_id=TENANT_ID, email="lucia@cliente.test",
                          display_name=display_name, roles=roles, client_id=client_id)


def verifier(provider: KeycloakCredentials) -> TokenVerifier:
    return TokenVerifier(provider.jwks, issuer=provider.settings.issuer, audience="clientarea")


def closed_port_url() -> str:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{sock.getsockname()[1]}"


# --- login and the tokens' claims -----------------------------------------------------------------
def test_login_gives_tokens_the_shared_verifier_accepts_with_tenant_roles_client_and_name(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)

    tokens = provider.password_login(user.user_id, PASSWORD)
    principal = verifier(provider).verify(tokens.access_token)

    assert principal.tenant_id == TENANT_ID
    assert principal.client_id == CLIENT_ID
    assert principal.display_name == "Lucía Fernández Ruiz"
    assert CLIENT in principal.roles and not principal.is_staff
    assert principal.session_id == tokens.session_id != ""
    assert tokens.expires_in == 300 and tokens.refresh_token
    # Keycloak's `sub` is its own user id; identity's id (the user name) travels as preferred_username.
    claims = jwt.decode(tokens.access_token, options={"verify_signature": False})
    assert principal.user_id == fake.user_named(user.user_id)["id"]
    assert claims["preferred_username"] == user.user_id
    form = fake.requests_to("POST", "/openid-connect/token")[-1].form
    assert form["grant_type"] == "password" and form["username"] == user.user_id


def test_staff_token_carries_every_realm_role_and_no_client_id(provider):
    user = a_user(roles=(ADMIN, AGENT), client_id="", display_name="Marta")
    provider.create_user(user, PASSWORD)

    principal = verifier(provider).verify(provider.password_login(user.user_id, PASSWORD).access_token)

    assert {ADMIN, AGENT} <= principal.roles and principal.is_staff
    assert principal.client_id == "" and principal.display_name == "Marta"


def test_verifier_rejects_a_token_signed_by_another_key(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    genuine = provider.password_login(user.user_id, PASSWORD).access_token
    claims = jwt.decode(genuine, options={"verify_signature": False})
    intruder = _rsa_key()
    check = verifier(provider)

    for kid in (fake.kid, "unknown-kid"):
        forged = jwt.encode(claims, intruder, algorithm="RS256", headers={"kid": kid})
        with pytest.raises(Unauthenticated) as refused:
            check.verify(forged)
        assert refused.value.code == "invalid_token"
    assert check.verify(genuine).tenant_id == TENANT_ID


def test_jwks_serves_only_the_rs256_signing_keys_and_caches_them(fake, provider):
    first = json.loads(provider.jwks())
    provider.jwks()

    assert [(k["kid"], k["use"], k["alg"]) for k in first["keys"]] == [(fake.kid, "sig", "RS256")]
    assert len(fake.requests_to("GET", "/certs")) == 1  # the second call came from the cache
    uncached = KeycloakCredentials(settings_for(fake.url), jwks_ttl_seconds=0)
    uncached.jwks()
    uncached.jwks()
    assert len(fake.requests_to("GET", "/certs")) == 3


def test_jwks_keeps_serving_known_keys_while_keycloak_is_down(fake):
    provider = KeycloakCredentials(settings_for(fake.url), jwks_ttl_seconds=0)
    known = provider.jwks()
    fake.outage = 503
    assert provider.jwks() == known


def test_totp_code_goes_to_keycloak_as_typed(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    provider.password_login(user.user_id, PASSWORD, otp="012345")
    assert fake.requests_to("POST", "/openid-connect/token")[-1].form["totp"] == "012345"


# --- refused logins ---------------------------------------------------------------------------------
def test_wrong_password_is_invalid_credentials_and_no_password_reaches_a_log(fake, provider, caplog):
    user = a_user()
    provider.create_user(user, PASSWORD)
    wrong = "Incorrecta-Pero-Larga-77"
    caplog.set_level(logging.DEBUG)  # python-keycloak, urllib3 and the provider, at their chattiest

    with pytest.raises(Unauthenticated) as refused:
        provider.password_login(user.user_id, wrong)

    error = refused.value
    assert (error.code, error.message) == ("invalid_credentials", "The user name or the password is not correct")
    assert error.__cause__ is None and error.__suppress_context__  # python-keycloak's exception is not chained
    for secret in (wrong, PASSWORD):
        assert secret not in caplog.text
        assert secret not in str(error) and secret not in repr(error)
        assert not any(secret in line for line in fake.access_log)
        assert not any(secret in r.path or secret in str(r.query) or secret in str(r.headers) for r in fake.requests)
    assert fake.requests_to("POST", "/openid-connect/token")[-1].form["password"] == wrong  # only in the form


def test_unknown_user_is_invalid_credentials(provider):
    with pytest.raises(Unauthenticated) as refused:
        provider.password_login(str(uuid.uuid4()), PASSWORD)
    assert refused.value.code == "invalid_credentials"


def test_brute_force_lockout_is_too_many_requests_even_with_the_right_password(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    for _ in range(fake.export["failureFactor"] - 1):
        with pytest.raises(Unauthenticated):
            provider.password_login(user.user_id, "Incorrecta-Pero-Larga-77")

    # Keycloak answers "Invalid user credentials" whether the failure locks the account or the account is
    # locked; the attack-detection status tells the two apart.
    for password in ("Incorrecta-Pero-Larga-77", PASSWORD):
        with pytest.raises(TooManyRequests) as refused:
            provider.password_login(user.user_id, password)
        assert refused.value.code == "account_locked"
    assert fake.requests_to("GET", f"/attack-detection/brute-force/users/{fake.user_named(user.user_id)['id']}")


@pytest.mark.parametrize("lockout", ["temporary (older Keycloak's words)", "permanent (user disabled)"])
def test_named_lockout_answers_are_too_many_requests(fake, provider, lockout):
    user = a_user()
    provider.create_user(user, PASSWORD)
    keycloak_user = fake.user_named(user.user_id)
    if lockout.startswith("temporary"):
        fake.legacy_lockout_answer = True
        fake.locked_until[keycloak_user["id"]] = time.time() + 60
    else:
        keycloak_user["enabled"] = False

    with pytest.raises(TooManyRequests) as refused:
        provider.password_login(user.user_id, PASSWORD)
    assert refused.value.code == "account_locked"


def test_wrong_client_secret_is_unavailable_not_a_wrong_password(fake):
    settings = settings_for(fake.url)
    broken = KeycloakCredentials(KeycloakSettings(settings.url, settings.realm, settings.client_id, "not-the-secret"))
    with pytest.raises(Unavailable) as refused:
        broken.password_login("anyone", PASSWORD)
    assert refused.value.code == "keycloak_misconfigured"


# --- refresh and logout -----------------------------------------------------------------------------
def test_refresh_rotates_and_the_used_refresh_token_is_refused(provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    first = provider.password_login(user.user_id, PASSWORD)

    second = provider.refresh(first.refresh_token)

    assert second.refresh_token != first.refresh_token and second.access_token != first.access_token
    assert second.session_id == first.session_id
    assert verifier(provider).verify(second.access_token).tenant_id == TENANT_ID
    for dead in (first.refresh_token, "not-a-token"):
        with pytest.raises(Unauthenticated) as refused:
            provider.refresh(dead)
        assert (refused.value.code, refused.value.message) == ("session_expired", "The session has ended")


def test_logout_ends_the_session_and_is_idempotent(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    tokens = provider.password_login(user.user_id, PASSWORD)

    provider.logout(tokens.refresh_token)
    provider.logout(tokens.refresh_token)  # already ended: no error

    form = fake.requests_to("POST", "/openid-connect/logout")[0].form
    assert form["refresh_token"] == tokens.refresh_token and form["client_id"] == GATEWAY_CLIENT
    with pytest.raises(Unauthenticated, match="The session has ended"):
        provider.refresh(tokens.refresh_token)


def test_logout_everywhere_ends_every_session_of_the_user(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    sessions = [provider.password_login(user.user_id, PASSWORD) for _ in range(2)]

    provider.logout_everywhere(user.user_id)
    provider.logout_everywhere(str(uuid.uuid4()))  # nobody: nothing to do

    assert fake.requests_to("POST", f"/users/{fake.user_named(user.user_id)['id']}/logout")
    for tokens in sessions:
        with pytest.raises(Unauthenticated):
            provider.refresh(tokens.refresh_token)


# --- user management ----------------------------------------------------------------------------------
def test_create_user_sends_the_user_id_as_username_attributes_roles_and_a_permanent_password(fake, provider):
    user = a_user()

    provider.create_user(user, PASSWORD)

    admin_login = fake.requests_to("POST", "/openid-connect/token")[0].form
    assert admin_login["grant_type"] == "client_credentials" and not admin_login.get("password")
    created = fake.requests_to("POST", "/admin/realms/clientarea/users")[0].json
    assert created["username"] == user.user_id
    assert created["attributes"] == {"tenant_id": [TENANT_ID], "client_id": [CLIENT_ID],
                                     "display_name": ["Lucía Fernández Ruiz"]}
    assert (created["firstName"], created["lastName"]) == ("Lucía", "Fernández Ruiz")
    assert created["email"] == "lucia@cliente.test" and created["enabled"] is True
    keycloak_id = fake.user_named(user.user_id)["id"]
    granted = fake.requests_to("POST", f"/users/{keycloak_id}/role-mappings/realm")[0].json
    assert [role["name"] for role in granted] == [CLIENT] and granted[0]["id"] == fake.roles[CLIENT]["id"]
    password = fake.requests_to("PUT", f"/users/{keycloak_id}/reset-password")[0].json
    assert password == {"type": "password", "temporary": False, "value": PASSWORD}


def test_create_user_without_a_password_sets_none(fake, provider):
    user = a_user()
    provider.create_user(user)

    assert not fake.requests_to("PUT", "/reset-password")
    with pytest.raises(Unauthenticated, match="not correct"):
        provider.password_login(user.user_id, PASSWORD)


def test_create_user_with_a_taken_user_id_is_a_conflict(provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    with pytest.raises(Conflict) as refused:
        provider.create_user(user, PASSWORD)
    assert refused.value.code == "username_taken"


def test_create_user_with_a_password_the_policy_refuses_leaves_no_user_behind(fake, provider):
    user = a_user()
    short = "Corta-1"

    with pytest.raises(Invalid) as refused:
        provider.create_user(user, short)

    [error] = refused.value.errors
    assert (error.field, error.code) == ("password", "password_policy")
    assert "minimum length 12" in error.message and short not in error.message
    assert fake.user_named(user.user_id) is None


def test_create_user_with_an_unknown_role_is_invalid_and_leaves_no_user_behind(fake, provider):
    user = a_user(roles=("superuser",))
    with pytest.raises(Invalid) as refused:
        provider.create_user(user, PASSWORD)
    assert refused.value.errors[0].field == "roles"
    assert fake.user_named(user.user_id) is None


def test_delete_user_removes_it_and_is_idempotent(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    keycloak_id = fake.user_named(user.user_id)["id"]

    provider.delete_user(user.user_id)
    provider.delete_user(user.user_id)

    assert len(fake.requests_to("DELETE", f"/users/{keycloak_id}")) == 1
    assert fake.user_named(user.user_id) is None


def test_set_password_replaces_the_password_for_good(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    new = "Otra-Frase-Bastante-Larga-9"

    provider.set_password(user.user_id, new)

    keycloak_id = fake.user_named(user.user_id)["id"]
    assert fake.requests_to("PUT", f"/users/{keycloak_id}/reset-password")[-1].json == {
        "type": "password", "temporary": False, "value": new}
    assert provider.password_login(user.user_id, new).access_token
    with pytest.raises(Unauthenticated):
        provider.password_login(user.user_id, PASSWORD)


def test_set_password_refusals(provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    with pytest.raises(Invalid) as refused:
        provider.set_password(user.user_id, "corta")
    assert refused.value.errors[0].code == "password_policy" and "corta" not in refused.value.errors[0].message
    with pytest.raises(NotFound):
        provider.set_password(str(uuid.uuid4()), PASSWORD)


def test_required_actions_email_carries_the_actions_and_the_lifespan(fake, provider):
    user = a_user()
    provider.create_user(user)

    provider.send_required_actions(user.user_id, ["UPDATE_PASSWORD", "CONFIGURE_TOTP"], 72 * 3600)

    keycloak_id = fake.user_named(user.user_id)["id"]
    sent = fake.requests_to("PUT", f"/users/{keycloak_id}/execute-actions-email")[0]
    assert sent.query["lifespan"] == [str(72 * 3600)]
    assert sent.json == ["UPDATE_PASSWORD", "CONFIGURE_TOTP"]
    assert fake.emails == [{"to": "lucia@cliente.test", "actions": ["UPDATE_PASSWORD", "CONFIGURE_TOTP"],
                            "lifespan": 72 * 3600}]
    with pytest.raises(NotFound):
        provider.send_required_actions(str(uuid.uuid4()), ["UPDATE_PASSWORD"], 3600)


def test_required_actions_for_a_user_without_email_is_invalid(provider):
    user = CredentialUser(user_id=str(uuid.uuid4()), tenant_id=TENANT_ID, email="", display_name="Sin Correo",
                          roles=(CLIENT,), client_id=CLIENT_ID)
    provider.create_user(user)
    with pytest.raises(Invalid) as refused:
        provider.send_required_actions(user.user_id, ["UPDATE_PASSWORD"], 3600)
    assert refused.value.errors[0].field == "email"


def test_require_totp_adds_the_action_keeps_the_profile_and_blocks_the_password_grant(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)

    provider.require_totp(user.user_id)
    provider.require_totp(user.user_id)  # already required: no second update

    keycloak_id = fake.user_named(user.user_id)["id"]
    [update] = fake.requests_to("PUT", f"/admin/realms/clientarea/users/{keycloak_id}")
    assert update.json["requiredActions"] == ["CONFIGURE_TOTP"]
    assert fake.users[keycloak_id]["attributes"]["tenant_id"] == [TENANT_ID]
    with pytest.raises(Unauthenticated) as refused:
        provider.password_login(user.user_id, PASSWORD)
    assert refused.value.code == "account_setup_required"


# --- Keycloak away ----------------------------------------------------------------------------------
def test_keycloak_unreachable_is_unavailable():
    provider = KeycloakCredentials(settings_for(closed_port_url()))
    calls = [lambda: provider.password_login("someone", PASSWORD), lambda: provider.refresh("token"),
             lambda: provider.logout("token"), provider.jwks, lambda: provider.create_user(a_user(), PASSWORD),
             lambda: provider.set_password("someone", PASSWORD)]
    for call in calls:
        with pytest.raises(Unavailable) as refused:
            call()
        assert refused.value.code == "keycloak_unavailable"


def test_keycloak_answering_5xx_is_unavailable(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    fake.outage = 503
    for call in (lambda: provider.password_login(user.user_id, PASSWORD), provider.jwks,
                 lambda: provider.delete_user(user.user_id)):
        with pytest.raises(Unavailable):
            call()


def test_service_account_without_realm_management_roles_is_a_misconfiguration(fake, provider):
    fake.export["users"] = []  # as if the realm export granted the service account nothing
    with pytest.raises(Unavailable) as refused:
        provider.create_user(a_user(), PASSWORD)
    assert refused.value.code == "keycloak_misconfigured"


# --- settings -----------------------------------------------------------------------------------------
def test_settings_read_the_charts_variable_names_and_hide_secrets():
    env = {"KEYCLOAK_URL": "https://sso.example.com/auth/", "KEYCLOAK_REALM": "clientarea",
           "KEYCLOAK_CLIENT_ID": GATEWAY_CLIENT, "KEYCLOAK_CLIENT_SECRET": "s3cr3t-value"}

    settings = KeycloakSettings.from_env(env)

    assert settings.server_url == "https://sso.example.com/auth/"
    assert settings.issuer == "https://sso.example.com/auth/realms/clientarea"
    assert settings.admin_client_id == "" and settings.timeout_seconds == 3.0
    assert "s3cr3t-value" not in repr(settings)
    with pytest.raises(RuntimeError, match="KEYCLOAK_CLIENT_SECRET"):
        KeycloakSettings.from_env({k: v for k, v in env.items() if k != "KEYCLOAK_CLIENT_SECRET"})
