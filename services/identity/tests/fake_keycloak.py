"""A fake Keycloak realm over real HTTP, for the tests of the Keycloak credential provider.

No Keycloak server runs on this machine (nor may the tests download one), so `FakeKeycloak` is a real HTTP
server (http.server in a thread on 127.0.0.1, a free port) that answers the documented endpoints the provider
uses with Keycloak's documented success and error bodies:

- OIDC: `/realms/{realm}/protocol/openid-connect/token` (password, refresh_token and client_credentials
  grants; the password grant takes the TOTP code as `otp` or `totp` like Keycloak's direct-grant OTP step),
  `/logout`, `/certs` (an RS256 signing key and, like Keycloak, an RSA-OAEP encryption key);
- admin: `/admin/realms/{realm}/users` (create, exact user-name search), `/users/{id}` (GET, PUT, DELETE),
  `/credentials`, `/reset-password`, `/execute-actions-email`, `/logout`,
  `/role-mappings/realm[/available]` (GET, POST, DELETE), `/attack-detection/brute-force/users/{id}`.

It reads the realm export (deploy/keycloak/clientarea-realm.json) and obeys it: the clients' secrets, direct
access grants and service accounts, the **protocol mappers** (audience, user attributes, realm roles, full name)
that build each access token, the service accounts' realm-management roles, brute-force detection, the password
policy's length, refresh-token rotation and the TOTP policy (HmacSHA1, 6 digits, 30 s, look-ahead 1, no code
used twice). Tokens are signed with a real RSA key. What a fake cannot prove (Keycloak's own behaviour beyond
these documented answers) is listed in docs/keycloak.md.

Test modules import it as `fake_keycloak` (services/identity/tests/conftest.py puts this folder on the path).
"""

from __future__ import annotations

import json
import re
import secrets
import threading
import time
import uuid
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import jwt
import pyotp
from cryptography.hazmat.primitives.asymmetric import rsa

from identity_service.keycloak import KeycloakSettings

REALM_EXPORT = Path(__file__).resolve().parents[3] / "deploy" / "keycloak" / "clientarea-realm.json"
GATEWAY_CLIENT = "clientarea-gateway"  # the users' tokens (KEYCLOAK_CLIENT_ID)
ADMIN_CLIENT = "clientarea-identity"  # the admin API's service account (KEYCLOAK_ADMIN_CLIENT_ID)
ADMIN_ROLES_IMPLIED = {"manage-users": {"manage-users", "view-users", "query-users"},
                       "view-users": {"view-users", "query-users"}, "query-users": {"query-users"}}


def rsa_key() -> rsa.RSAPrivateKey:
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
        self.otp_secrets: dict[str, str] = {}  # user id -> TOTP secret (an OTP credential)
        self.otp_used_steps: dict[str, int] = {}  # user id -> the last time step accepted (codes are not reusable)
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

    def configure_otp(self, username: str) -> pyotp.TOTP:
        """What the user does on Keycloak's CONFIGURE_TOTP page: an authenticator app is set up (an OTP
        credential) and the required action is done. Returns the app's generator."""
        user = self.user_named(username)
        assert user is not None, username
        secret = pyotp.random_base32()
        with self._lock:
            self.otp_secrets[user["id"]] = secret
            user["requiredActions"] = [a for a in user["requiredActions"] if a != "CONFIGURE_TOTP"]
        return pyotp.TOTP(secret, digits=self.export["otpPolicyDigits"], interval=self.export["otpPolicyPeriod"])

    def live_sessions(self, username: str) -> list[str]:
        user = self.user_named(username)
        return [sid for sid, uid in self.sessions.items() if user is not None and uid == user["id"]]

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
        ("DELETE", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/role-mappings/realm", "remove_roles"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/users/(?P<id>[^/]+)/credentials", "credentials"),
        ("GET", r"/admin/realms/(?P<realm>[^/]+)/attack-detection/brute-force/users/(?P<id>[^/]+)",
         "brute_force_status"),
    )
    # What realm-management role each admin endpoint asks of the caller.
    NEEDS = {"search_users": "query-users", "get_user": "view-users", "available_roles": "view-users",
             "user_roles": "view-users", "brute_force_status": "view-users", "credentials": "view-users"}

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
        if grant == "client_credentials" and not client.get("serviceAccountsEnabled"):
            return _error(400, "unauthorized_client", "Client not enabled to retrieve service account")
        if grant == "client_credentials":
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
        if user["id"] in self.otp_secrets and not self._otp_accepted(user["id"], form):
            # The direct-grant flow's conditional OTP step: a missing or wrong code reads as wrong credentials.
            self._count_failure(user["id"])
            return _error(401, "invalid_grant", "Invalid user credentials")
        self.failures.pop(user["id"], None)
        if user["requiredActions"]:
            return _error(400, "invalid_grant", "Account is not fully set up")
        session_id = str(uuid.uuid4())
        self.sessions[session_id] = user["id"]
        return Reply(200, self._token_response(client, user, session_id))

    def _otp_accepted(self, user_id: str, form: dict[str, str]) -> bool:
        code = form.get("otp") or form.get("totp") or ""  # Keycloak reads `otp`, then the older `totp`
        totp = pyotp.TOTP(self.otp_secrets[user_id], digits=self.export["otpPolicyDigits"],
                          interval=self.export["otpPolicyPeriod"])
        current = int(time.time()) // self.export["otpPolicyPeriod"]
        window = self.export["otpPolicyLookAheadWindow"]
        for step in range(current - window, current + window + 1):
            if secrets.compare_digest(totp.at(step * self.export["otpPolicyPeriod"]), code):
                if not self.export["otpPolicyCodeReusable"] and self.otp_used_steps.get(user_id, -1) >= step:
                    return False
                self.otp_used_steps[user_id] = step
                return True
        return False

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
        self.otp_secrets.pop(user_id, None)
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

    def _remove_roles(self, request: Recorded, user_id: str | None) -> Reply:
        names = {role.get("name") for role in request.json}
        self.role_mappings[user_id] = self.role_mappings.get(user_id, set()) - names
        return Reply(204)

    def _credentials(self, request: Recorded, user_id: str | None) -> Reply:
        """CredentialRepresentations without secrets, as Keycloak lists them."""
        listed = []
        if self.passwords.get(user_id):
            listed.append({"id": f"password-{user_id}", "type": "password", "createdDate": 0, "priority": 10})
        if user_id in self.otp_secrets:
            listed.append({"id": f"otp-{user_id}", "type": "otp", "userLabel": "Móvil", "createdDate": 0,
                           "priority": 20})
        return Reply(200, listed)

    def _brute_force_status(self, request: Recorded, user_id: str | None) -> Reply:
        return Reply(200, {"numFailures": self.failures.get(user_id, 0),
                           "disabled": self.locked_until.get(user_id, 0) > time.time(),
                           "lastIPFailure": "127.0.0.1", "lastFailure": 0})




def secret_of(client_id: str) -> str:
    export = json.loads(REALM_EXPORT.read_text(encoding="utf-8"))
    return next(c["secret"] for c in export["clients"] if c["clientId"] == client_id)


def settings_for(url: str, realm: str = "clientarea") -> KeycloakSettings:
    """The provider's settings as the charts set them: tokens through the gateway client, admin calls through
    identity's own client (the only one with a service account)."""
    return KeycloakSettings(url=url, realm=realm, client_id=GATEWAY_CLIENT, client_secret=secret_of(GATEWAY_CLIENT),
                            admin_client_id=ADMIN_CLIENT, admin_client_secret=secret_of(ADMIN_CLIENT),
                            timeout_seconds=2)


def environment_for(fake: FakeKeycloak) -> dict[str, str]:
    """The variables the charts give identity (and every service) when the platform runs on Keycloak."""
    settings = settings_for(fake.url)
    return {"CREDENTIAL_PROVIDER": "keycloak", "KEYCLOAK_URL": fake.url, "KEYCLOAK_REALM": fake.realm,
            "KEYCLOAK_CLIENT_ID": settings.client_id, "KEYCLOAK_CLIENT_SECRET": settings.client_secret,
            "KEYCLOAK_ADMIN_CLIENT_ID": settings.admin_client_id,
            "KEYCLOAK_ADMIN_CLIENT_SECRET": settings.admin_client_secret, "KEYCLOAK_TIMEOUT_SECONDS": "2",
            "OIDC_ISSUER": fake.issuer, "OIDC_SUBJECT_CLAIM": "preferred_username"}
