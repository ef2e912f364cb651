"""Identity's production credential provider: Keycloak holds the passwords and signs the tokens.

`KeycloakCredentials` implements `identity_service.credentials.CredentialProvider` with python-keycloak:

- `KeycloakOpenID`, as the confidential client KEYCLOAK_CLIENT_ID, for the password grant (direct access
  grants), refresh, logout and the realm's signing keys (`/certs`);
- `KeycloakAdmin` for user management, logged in with the **client-credentials grant of a service account**:
  KEYCLOAK_ADMIN_CLIENT_ID/SECRET's (`clientarea-identity` in the realm export; without them the same client's).
  The realm export grants that service account realm-management's manage-users, view-users and query-users
  and nothing else, so no admin user name or password exists anywhere in identity's configuration.

Identity's user id is the Keycloak *user name*; Keycloak's own id (a UUID, the tokens' `sub`) is found by an
exact user-name search whenever an admin call needs it. The realm's protocol mappers put `tid`, `cid`, `roles`,
`name` and the audience `clientarea` in the access token (deploy/keycloak/clientarea-realm.json), so the shared
`TokenVerifier` reads Keycloak's tokens like identity's own. docs/keycloak.md explains the whole set-up.

Keycloak's answers become the domain errors the built-in provider raises: wrong credentials →
Unauthenticated("invalid_credentials"), a brute-force lockout → TooManyRequests("account_locked"), a dead
refresh token → Unauthenticated("session_expired"), Keycloak unreachable or failing → Unavailable. Passwords and
tokens never reach a log line or an error message: errors are raised `from None` so python-keycloak's exceptions
(which carry response bodies) are not chained onto them.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar

import jwt
from keycloak import KeycloakAdmin, KeycloakOpenID, KeycloakOpenIDConnection
from keycloak.exceptions import KeycloakConnectionError, KeycloakError

from clientarea_shared.context import ADMIN, AGENT, CLIENT, QUICK_ACCESS, SALESPERSON
from clientarea_shared.errors import (
    Conflict,
    DomainError,
    FieldError,
    Invalid,
    NotFound,
    TooManyRequests,
    Unauthenticated,
    Unavailable,
)
from identity_service.credentials import CredentialUser, IssuedTokens

log = logging.getLogger(__name__)
T = TypeVar("T")

# The variables the Helm charts set for identity (deploy/helm/common/templates/_helpers.tpl).
REQUIRED_ENV = ("KEYCLOAK_URL", "KEYCLOAK_REALM", "KEYCLOAK_CLIENT_ID", "KEYCLOAK_CLIENT_SECRET")
# A Keycloak call must end before the gateway's 5 s deadline on identity gives up.
DEFAULT_TIMEOUT_SECONDS = 3.0

BAD_LOGIN = "The user name or the password is not correct"  # the built-in provider's words: both answer alike
SESSION_ENDED = "The session has ended"
ACCOUNT_LOCKED = "Too many failed attempts: the account is locked for a while"
NOT_SET_UP = "The account has steps pending: follow the link in the e-mail first"
BACKEND_DOWN = "The sign-in service is unavailable"
CONFIGURE_TOTP = "CONFIGURE_TOTP"
OTP_CREDENTIAL = "otp"  # the CredentialRepresentation type of a configured authenticator app
# The realm roles identity grants and revokes (deploy/keycloak/clientarea-realm.json); others are Keycloak's.
MANAGED_ROLES = frozenset({ADMIN, AGENT, SALESPERSON, CLIENT, QUICK_ACCESS})

# `error_description`s of the token endpoint's `invalid_grant`.
KC_INVALID_CREDENTIALS = "Invalid user credentials"
KC_NOT_SET_UP = "Account is not fully set up"
# Older Keycloak releases named a brute-force lockout (temporary, or permanent = user disabled). Current ones
# answer KC_INVALID_CREDENTIALS on purpose so attackers cannot tell (Server Administration Guide, "Brute force
# detection"); `_locked_out` then asks the attack-detection endpoint instead.
KC_LOCKOUT = frozenset({"Account temporarily disabled", "Account disabled"})
# The client itself was refused (wrong secret, direct access grants off): a deployment fault, not the user's.
KC_CLIENT_ERRORS = frozenset({"invalid_client", "unauthorized_client"})

FORM = "application/x-www-form-urlencoded"


@dataclass(frozen=True)
class KeycloakSettings:
    """Where the realm is and who identity is to it, read from the environment the charts set."""

    url: str  # KEYCLOAK_URL: the server root, e.g. https://sso.example.com or http://<release>-keycloak:8080
    realm: str  # KEYCLOAK_REALM
    client_id: str  # KEYCLOAK_CLIENT_ID: confidential, direct access grants and a service account enabled
    client_secret: str = field(repr=False)  # KEYCLOAK_CLIENT_SECRET
    admin_client_id: str = ""  # KEYCLOAK_ADMIN_CLIENT_ID (optional): another client's service account for admin
    admin_client_secret: str = field(default="", repr=False)  # KEYCLOAK_ADMIN_CLIENT_SECRET
    timeout_seconds: float = DEFAULT_TIMEOUT_SECONDS  # KEYCLOAK_TIMEOUT_SECONDS

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> KeycloakSettings:
        env = os.environ if environ is None else environ
        missing = [name for name in REQUIRED_ENV if not env.get(name)]
        if missing:
            raise RuntimeError(f"the Keycloak credential provider needs {', '.join(missing)}")
        return cls(
            url=env["KEYCLOAK_URL"],
            realm=env["KEYCLOAK_REALM"],
            client_id=env["KEYCLOAK_CLIENT_ID"],
            client_secret=env["KEYCLOAK_CLIENT_SECRET"],
            admin_client_id=env.get("KEYCLOAK_ADMIN_CLIENT_ID", ""),
            admin_client_secret=env.get("KEYCLOAK_ADMIN_CLIENT_SECRET", ""),
            timeout_seconds=float(env.get("KEYCLOAK_TIMEOUT_SECONDS") or DEFAULT_TIMEOUT_SECONDS),
        )

    @property
    def server_url(self) -> str:
        # python-keycloak urljoin()s relative paths onto this: without the final slash a prefix such as /auth is lost.
        return self.url.rstrip("/") + "/"

    @property
    def issuer(self) -> str:
        """The tokens' `iss` when Keycloak's public host name is this URL's (what verifiers need as TOKEN_ISSUER)."""
        return f"{self.url.rstrip('/')}/realms/{self.realm}"


@dataclass(frozen=True)
class _Refusal:
    """A 4xx answer of Keycloak, reduced to what its documented error bodies carry."""

    status: int
    error: str  # OAuth `error` (token endpoints) or the admin API's `error`
    description: str  # `error_description`, or the admin API's `errorMessage`
    field: str = ""  # the user-profile attribute a validation error names

    @classmethod
    def of(cls, exc: KeycloakError) -> _Refusal:
        try:
            body = json.loads(exc.response_body or b"{}")
        except ValueError:
            body = {}
        if isinstance(body, dict) and isinstance(body.get("errors"), list) and body["errors"]:
            body = body["errors"][0]  # user-profile validation: several errors, the first is enough
        if not isinstance(body, dict):
            body = {}
        return cls(
            status=exc.response_code or 0,
            error=str(body.get("error") or ""),
            description=str(body.get("error_description") or body.get("errorMessage") or ""),
            field=str(body.get("field") or ""),
        )


class _Refused(Exception):
    """Keycloak answered 4xx; each caller decides what that means for its operation."""

    def __init__(self, refusal: _Refusal):
        super().__init__(refusal.status)
        self.refusal = refusal


class KeycloakCredentials:
    """The `CredentialProvider` backed by a Keycloak realm (see the module docstring)."""

    name = "keycloak"

    def __init__(self, settings: KeycloakSettings, *, jwks_ttl_seconds: float = 60.0) -> None:
        self.settings = settings
        self._openid = KeycloakOpenID(
            server_url=settings.server_url,
            realm_name=settings.realm,
            client_id=settings.client_id,
            client_secret_key=settings.client_secret,
            timeout=settings.timeout_seconds,  # type: ignore[arg-type]  # requests takes a float
            # python-keycloak sets and removes Content-Type around each token call on a header dict that every
            # thread shares; a key that is always there is only ever overwritten, never added or deleted.
            custom_headers={"Content-Type": FORM},
            # No automatic retry: a replayed password grant counts twice against brute-force detection and a
            # replayed refresh is refused by the realm's "refresh token reuse" rule (revokeRefreshToken).
            max_retries=0,
        )
        self._admin_client = KeycloakAdmin(connection=KeycloakOpenIDConnection(
            server_url=settings.server_url,
            realm_name=settings.realm,
            client_id=settings.admin_client_id or settings.client_id,
            client_secret_key=settings.admin_client_secret or settings.client_secret,
            grant_type="client_credentials",
            timeout=settings.timeout_seconds,  # type: ignore[arg-type]
            max_retries=0,
        ))
        # The admin connection keeps its bearer token in shared headers and renews it in place; admin calls are
        # rare (user management, failed logins), so one at a time costs nothing.
        self._admin_lock = threading.Lock()
        self._jwks_ttl = jwks_ttl_seconds
        self._jwks_lock = threading.Lock()
        self._jwks = ""
        self._jwks_loaded_at = float("-inf")

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> KeycloakCredentials:
        return cls(KeycloakSettings.from_env(environ))

    # --- tokens ---------------------------------------------------------------------------
    def password_login(self, user_id: str, password: str, otp: str = "") -> IssuedTokens:
        """Tokens for a correct password. `otp`: the current TOTP code of a user who has configured one (the
        realm's direct-grant flow then requires it; without it Keycloak answers as for a wrong password)."""
        try:
            # A str keeps a code's leading zeros; python-keycloak only copies it into the form.
            answer = self._request("password login",
                                   lambda: self._openid.token(user_id, password, totp=otp or None))  # type: ignore[arg-type]
        except _Refused as refused:
            raise self._login_refused(user_id, refused.refusal) from None
        return _issued(answer)

    def refresh(self, refresh_token: str) -> IssuedTokens:
        try:
            answer = self._request("refresh", lambda: self._openid.refresh_token(refresh_token))
        except _Refused as refused:
            if refused.refusal.error in KC_CLIENT_ERRORS:
                raise _misconfigured("refresh", refused.refusal) from None
            # invalid_grant ("Invalid refresh token", "Token is not active", "Session not active", "Stale token",
            # "Maximum allowed refresh token reuse exceeded"): whatever the reason, this session is over.
            raise Unauthenticated(SESSION_ENDED, "session_expired") from None
        return _issued(answer)

    def logout(self, refresh_token: str) -> bool:
        """End the token's session; False when Keycloak did not take the token (the session had already ended,
        or the token is not one of its own), which is what logout wants anyway."""
        try:
            self._request("logout", lambda: self._openid.logout(refresh_token))
        except _Refused as refused:
            if refused.refusal.error in KC_CLIENT_ERRORS:
                raise _misconfigured("logout", refused.refusal) from None
            return False  # invalid_grant
        return True

    def logout_everywhere(self, user_id: str) -> None:
        keycloak_id = self._keycloak_id(user_id)
        if keycloak_id is None:
            return  # no user, no sessions
        with contextlib.suppress(NotFound):  # deleted meanwhile
            self._admin("log out everywhere", lambda admin: admin.user_logout(keycloak_id))

    def jwks(self) -> str:
        """The realm's RS256 signing keys as a JWKS, cached `jwks_ttl_seconds`; Keycloak also publishes its
        encryption key (`use: enc`, RSA-OAEP), which must never verify a token."""
        with self._jwks_lock:
            if self._jwks and time.monotonic() - self._jwks_loaded_at < self._jwks_ttl:
                return self._jwks
            try:
                certs = self._request("signing keys", self._openid.certs)
            except (Unavailable, _Refused):
                if self._jwks:
                    log.warning("keycloak signing keys unavailable; serving the cached ones")
                    return self._jwks  # known keys beat none while Keycloak is briefly away
                raise Unavailable(BACKEND_DOWN, "keycloak_unavailable") from None
            keys = [key for key in certs.get("keys", [])
                    if key.get("use") == "sig" and key.get("alg") == "RS256" and key.get("kty") == "RSA"]
            if not keys:
                log.error("keycloak realm %s publishes no RS256 signing key", self.settings.realm)
                raise Unavailable(BACKEND_DOWN, "keycloak_misconfigured")
            self._jwks = json.dumps({"keys": keys})
            self._jwks_loaded_at = time.monotonic()
            return self._jwks

    # --- users ----------------------------------------------------------------------------
    def create_user(self, user: CredentialUser, password: str | None = None) -> None:
        """Create the Keycloak user (user name = identity's user id), grant its realm roles and, when given, set
        a non-temporary password. A failure after the creation removes the user again, so identity can retry."""
        if user.user_id != user.user_id.lower():
            # Keycloak lower-cases user names: the tokens would then name another user id.
            raise Invalid.field("user_id", "not_lowercase", "Keycloak user names are lower case")
        keycloak_id = self._admin("create user", lambda admin: admin.create_user(_representation(user)),
                                  on_refusal=_creation_refused)
        try:
            self._grant_roles(keycloak_id, user.roles)
            if password:
                self._set_password(keycloak_id, password)
        except Exception:
            self._discard(user.user_id, keycloak_id)
            raise

    def delete_user(self, user_id: str) -> None:
        keycloak_id = self._keycloak_id(user_id)
        if keycloak_id is None:
            return  # already gone: the outcome the caller wants
        with contextlib.suppress(NotFound):
            self._admin("delete user", lambda admin: admin.delete_user(keycloak_id))

    def set_password(self, user_id: str, password: str) -> None:
        """Set a permanent password. Sessions stay open: call `logout_everywhere` when they must end."""
        self._set_password(self._existing(user_id), password)

    def send_required_actions(self, user_id: str, actions: Sequence[str], lifespan_seconds: int) -> None:
        keycloak_id = self._existing(user_id)
        self._admin(
            "execute-actions e-mail",
            lambda admin: admin.send_update_account(keycloak_id, list(actions), lifespan=int(lifespan_seconds)),
            on_refusal=_actions_refused,
        )

    def require_totp(self, user_id: str) -> None:
        """Add CONFIGURE_TOTP to the user's required actions (the user sets it up at the next browser sign-in or
        through `send_required_actions`; until then the password grant answers "account_setup_required")."""
        keycloak_id = self._existing(user_id)
        current = self._admin("read user", lambda admin: admin.get_user(keycloak_id))
        actions = list(current.get("requiredActions") or [])
        if CONFIGURE_TOTP in actions:
            return
        # Send the whole representation back, changed in one field, so Keycloak reads nothing as cleared.
        changed = {**current, "requiredActions": [*actions, CONFIGURE_TOTP]}
        self._admin("require TOTP", lambda admin: admin.update_user(keycloak_id, changed))

    def has_second_factor(self, user_id: str) -> bool:
        """Whether the user has an OTP credential (set up through CONFIGURE_TOTP); the realm's direct-grant flow
        then asks the code with the password."""
        keycloak_id = self._keycloak_id(user_id)
        if keycloak_id is None:
            return False
        try:
            credentials = self._admin("read credentials", lambda admin: admin.get_credentials(keycloak_id))
        except NotFound:
            return False  # deleted meanwhile
        return any(credential.get("type") == OTP_CREDENTIAL for credential in credentials)

    def update_user(self, user: CredentialUser, *, enabled: bool = True) -> None:
        """Copy identity's view of the user into Keycloak: profile and attributes, enabled, and the realm roles
        identity manages (roles the realm gives everybody, e.g. default-roles-<realm>, are left alone)."""
        keycloak_id = self._existing(user.user_id)
        current = self._admin("read user", lambda admin: admin.get_user(keycloak_id))
        wanted = _representation(user)
        # The whole representation goes back, so nothing identity does not manage reads as cleared.
        attributes = {**(current.get("attributes") or {}), **wanted["attributes"]}
        if not user.client_id:
            attributes.pop("client_id", None)
        changed = {**current, **{k: v for k, v in wanted.items() if k != "username"},
                   "attributes": attributes, "enabled": enabled}
        self._admin("update user", lambda admin: admin.update_user(keycloak_id, changed))
        mapped = self._admin("user realm roles", lambda admin: admin.get_realm_roles_of_user(keycloak_id))
        stale = [role for role in mapped if role.get("name") in MANAGED_ROLES and role["name"] not in user.roles]
        if stale:
            self._admin("revoke roles", lambda admin: admin.delete_realm_roles_of_user(keycloak_id, stale))
        self._grant_roles(keycloak_id, sorted(set(user.roles) - {role.get("name") for role in mapped}))

    # --- plumbing -------------------------------------------------------------------------
    def _request(self, action: str, call: Callable[[], T]) -> T:
        """One python-keycloak call: transport failures, 5xx and unreadable answers become Unavailable, a 4xx
        becomes `_Refused` for the caller to interpret."""
        try:
            return call()
        except KeycloakConnectionError:
            log.warning("keycloak unreachable during %s", action)
            raise Unavailable(BACKEND_DOWN, "keycloak_unavailable") from None
        except KeycloakError as exc:
            refusal = _Refusal.of(exc)
        except TypeError as exc:
            if not str(exc).startswith("Unexpected response type"):
                raise  # a bug of ours, not Keycloak's answer
            # python-keycloak's word for a 2xx body of the wrong shape (e.g. a proxy's HTML page); the message
            # quotes the body, which may hold tokens, so it is not logged.
            log.warning("keycloak gave an unreadable answer during %s", action)
            raise Unavailable(BACKEND_DOWN, "keycloak_unavailable") from None
        if not 400 <= refusal.status < 500:
            log.warning("keycloak failed during %s: HTTP %s", action, refusal.status)
            raise Unavailable(BACKEND_DOWN, "keycloak_unavailable")
        raise _Refused(refusal)

    def _admin(self, action: str, call: Callable[[KeycloakAdmin], T],
               on_refusal: Callable[[_Refusal], DomainError] | None = None) -> T:
        with self._admin_lock:
            try:
                return self._request(action, lambda: call(self._admin_client))
            except _Refused as refused:
                raise (on_refusal or _admin_refused)(refused.refusal) from None

    def _keycloak_id(self, user_id: str) -> str | None:
        """Keycloak's id of the user named `user_id` (an exact, case-insensitive user-name search)."""
        return self._admin("find user", lambda admin: admin.get_user_id(user_id))

    def _existing(self, user_id: str) -> str:
        keycloak_id = self._keycloak_id(user_id)
        if keycloak_id is None:
            raise NotFound("Unknown user", "unknown_user")
        return keycloak_id

    def _login_refused(self, user_id: str, refusal: _Refusal) -> DomainError:
        if refusal.error in KC_CLIENT_ERRORS:
            return _misconfigured("password login", refusal)
        if refusal.description in KC_LOCKOUT:
            return TooManyRequests(ACCOUNT_LOCKED, "account_locked")
        if refusal.description == KC_NOT_SET_UP:
            return Unauthenticated(NOT_SET_UP, "account_setup_required")
        if refusal.error == "invalid_grant" and self._locked_out(user_id):
            return TooManyRequests(ACCOUNT_LOCKED, "account_locked")
        return Unauthenticated(BAD_LOGIN, "invalid_credentials")

    def _locked_out(self, user_id: str) -> bool:
        """Whether brute-force detection has locked the user (the token endpoint no longer says so)."""
        try:
            keycloak_id = self._keycloak_id(user_id)
            if keycloak_id is None:
                return False
            status = self._admin("brute-force status",
                                 lambda admin: admin.get_bruteforce_detection_status(keycloak_id))
        except DomainError:
            return False  # the answer stays "wrong credentials", the built-in provider's wording
        return bool(status.get("disabled"))

    def _grant_roles(self, keycloak_id: str, roles: Sequence[str]) -> None:
        if not roles:
            return
        # The user's *available* roles carry the ids the mapping needs and ask only view-users of the service
        # account (reading /roles would need view-realm).
        available = self._admin("realm roles", lambda admin: admin.get_available_realm_roles_of_user(keycloak_id))
        by_name = {role["name"]: role for role in available}
        unknown = sorted(set(roles) - set(by_name))
        if unknown:
            raise Invalid.field("roles", "unknown_role", f"The realm has no role {', '.join(unknown)}")
        wanted = [by_name[name] for name in dict.fromkeys(roles)]
        self._admin("grant roles", lambda admin: admin.assign_realm_roles(keycloak_id, wanted))

    def _set_password(self, keycloak_id: str, password: str) -> None:
        self._admin("set password", lambda admin: admin.set_user_password(keycloak_id, password, temporary=False),
                    on_refusal=lambda refusal: _password_refused(refusal, password))

    def _discard(self, user_id: str, keycloak_id: str) -> None:
        try:
            self._admin("remove half-created user", lambda admin: admin.delete_user(keycloak_id))
        except DomainError:
            # The original failure is the one to report; this one needs a person.
            log.error("could not remove the half-created keycloak user %s", user_id)


def _representation(user: CredentialUser) -> dict[str, Any]:
    """The UserRepresentation of a new user. The realm's user profile declares tenant_id, client_id and
    display_name as admin-only attributes; the full-name mapper joins firstName and lastName back into `name`."""
    first, _, last = " ".join(user.display_name.split()).partition(" ")
    attributes = {name: [value] for name, value in user.attributes.items()}
    attributes.update(tenant_id=[user.tenant_id], display_name=[user.display_name])
    if user.client_id:
        attributes["client_id"] = [user.client_id]
    representation: dict[str, Any] = {
        "username": user.user_id,
        "enabled": True,
        # The firm vouches for the address; with the realm's verifyEmail on, an unverified user could not use
        # the password grant ("Account is not fully set up").
        "emailVerified": True,
        "firstName": first,
        "lastName": last,
        "attributes": attributes,
    }
    if user.email:
        representation["email"] = user.email
    return representation


def _issued(answer: dict[str, Any]) -> IssuedTokens:
    access = answer.get("access_token")
    if not isinstance(access, str) or not access:
        log.warning("keycloak answered a token request without an access token")
        raise Unavailable(BACKEND_DOWN, "keycloak_unavailable")
    # `session_state` is the token response's name for the session; the token's `sid` is the same id.
    session = answer.get("session_state") or _unverified_claims(access).get("sid") or ""
    return IssuedTokens(access_token=access, refresh_token=str(answer.get("refresh_token") or ""),
                        expires_in=int(answer.get("expires_in") or 0), session_id=str(session))


def _unverified_claims(token: str) -> dict[str, Any]:
    try:
        return jwt.decode(token, options={"verify_signature": False})
    except jwt.PyJWTError:
        return {}


def _misconfigured(action: str, refusal: _Refusal) -> Unavailable:
    log.error("keycloak refused identity's client during %s: HTTP %s %s %s",
              action, refusal.status, refusal.error, refusal.description)
    return Unavailable(BACKEND_DOWN, "keycloak_misconfigured")


def _admin_refused(refusal: _Refusal) -> DomainError:
    if refusal.status in (401, 403) or refusal.error in KC_CLIENT_ERRORS:
        # The service account could not log in (wrong secret, a client without one) or lacks a realm-management
        # role.
        return _misconfigured("an admin call", refusal)
    if refusal.status == 404:
        return NotFound("Unknown user", "unknown_user")
    if refusal.status == 409:
        return Conflict(refusal.description or "Conflict", "conflict")
    return Invalid(errors=[FieldError(refusal.field or "user", "rejected",
                                      refusal.description or "Keycloak refused the request")])


def _creation_refused(refusal: _Refusal) -> DomainError:
    if refusal.status != 409:
        return _admin_refused(refusal)
    if "email" in refusal.description.lower() and "username" not in refusal.description.lower():
        return Conflict("This e-mail address is already in use", "email_taken",
                        [FieldError("email", "taken", "This e-mail address is already in use")])
    return Conflict("This user name is already in use", "username_taken",
                    [FieldError("username", "taken", "This user name is already in use")])


def _password_refused(refusal: _Refusal, password: str) -> DomainError:
    if refusal.status != 400:
        return _admin_refused(refusal)
    # Keycloak names the broken rule ("Invalid password: minimum length 12.") and never echoes the password; the
    # message still goes to users and logs, so make sure of it.
    message = refusal.description
    if not message or password in message:
        message = "The password does not meet the password policy"
    return Invalid.field("password", "password_policy", message)


def _actions_refused(refusal: _Refusal) -> DomainError:
    if refusal.status != 400:
        return _admin_refused(refusal)
    if "email" in refusal.description.lower():  # "User email missing"
        return Invalid.field("email", "missing", "The user has no e-mail address to send the link to")
    return Invalid.field("actions", "rejected", refusal.description or "Keycloak refused these actions")
