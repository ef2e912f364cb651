"""The Keycloak credential provider against a fake Keycloak served over real HTTP.

No Keycloak runs on this machine, so `fake_keycloak.FakeKeycloak` is a real HTTP server (http.server in a thread
on 127.0.0.1, a free port) answering the documented endpoints the provider uses, with Keycloak's documented
success and error bodies (its module docstring lists them). It reads the realm export
(deploy/keycloak/clientarea-realm.json) and obeys it: the clients' secrets, direct access grants and service
accounts, the **protocol mappers** (audience, user attributes, realm roles, full name) that build each access
token, the service account's realm-management roles, brute-force detection, the password policy's length,
refresh-token rotation and the TOTP policy. So the tests prove both the provider and the realm's claims: tokens
the fake signs with a real RSA key are accepted by `clientarea_shared.auth.TokenVerifier` fed with
`KeycloakCredentials.jwks()`. What a fake cannot prove (Keycloak's own behaviour beyond these documented
answers) is listed in docs/keycloak.md. test_keycloak_platform.py runs identity itself on this fake.
"""

from __future__ import annotations

import json
import logging
import socket
import time
import uuid
from collections.abc import Iterator
from types import SimpleNamespace

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from fake_keycloak import ADMIN_CLIENT, GATEWAY_CLIENT, FakeKeycloak, environment_for, rsa_key, settings_for

from clientarea_shared.auth import TokenVerifier
from clientarea_shared.config import Settings
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
from identity_service.journeys import keycloak_login
from identity_service.keycloak import KeycloakCredentials, KeycloakSettings
from identity_service.providers import credential_provider

pytestmark = pytest.mark.unit

PASSWORD = "Correcto-Caballo-Bateria-42"
TENANT_ID = "0190a5f2-0000-7000-8000-00000000000a"
CLIENT_ID = "0190a5f2-0000-7000-8000-0000000000c1"

# --- fixtures and helpers ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def rsa_keys() -> tuple[rsa.RSAPrivateKey, rsa.RSAPrivateKey]:
    return rsa_key(), rsa_key()


@pytest.fixture
def fake(rsa_keys) -> Iterator[FakeKeycloak]:
    server = FakeKeycloak(*rsa_keys).start()
    yield server
    server.stop()


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
    intruder = rsa_key()
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


def test_a_user_with_an_authenticator_app_logs_in_only_with_the_current_code(fake, provider):
    user = a_user()
    provider.create_user(user, PASSWORD)
    assert provider.has_second_factor(user.user_id) is False
    provider.require_totp(user.user_id)
    app = fake.configure_otp(user.user_id)  # the user follows the CONFIGURE_TOTP link
    assert provider.has_second_factor(user.user_id) is True

    for code in ("", "000000" if app.now() != "000000" else "111111"):
        with pytest.raises(Unauthenticated) as refused:
            provider.password_login(user.user_id, PASSWORD, otp=code)
        assert refused.value.code == "invalid_credentials"  # Keycloak's words for a missing or wrong code
    code = app.now()
    tokens = provider.password_login(user.user_id, PASSWORD, otp=code)

    assert verifier(provider).verify(tokens.access_token).tenant_id == TENANT_ID
    assert fake.requests_to("POST", "/openid-connect/token")[-1].form["totp"] == code
    with pytest.raises(Unauthenticated):  # the realm's OTP policy: a code is never accepted twice
        provider.password_login(user.user_id, PASSWORD, otp=code)
    assert provider.has_second_factor(str(uuid.uuid4())) is False  # nobody: nothing set up


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
    assert admin_login["client_id"] == ADMIN_CLIENT  # identity's own client: the gateway client has no admin roles
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


def test_update_user_copies_profile_roles_and_enabled_and_leaves_keycloaks_own_roles(fake, provider):
    user = a_user(roles=(AGENT,), client_id="", display_name="Marta Agente")
    provider.create_user(user, PASSWORD)
    keycloak_id = fake.user_named(user.user_id)["id"]

    promoted = CredentialUser(user_id=user.user_id, tenant_id=TENANT_ID, email="marta@firma.test",
                              display_name="Marta Ruiz Agente", roles=(ADMIN, "salesperson"))
    provider.update_user(promoted)

    stored = fake.users[keycloak_id]
    assert (stored["email"], stored["firstName"], stored["lastName"]) == ("marta@firma.test", "Marta", "Ruiz Agente")
    assert stored["attributes"]["display_name"] == ["Marta Ruiz Agente"] and stored["enabled"] is True
    assert fake.role_mappings[keycloak_id] == {ADMIN, "salesperson"}
    [revoked] = fake.requests_to("DELETE", f"/users/{keycloak_id}/role-mappings/realm")
    assert [role["name"] for role in revoked.json] == [AGENT]
    principal = verifier(provider).verify(provider.password_login(user.user_id, PASSWORD).access_token)
    assert {ADMIN, "salesperson"} <= principal.roles and AGENT not in principal.roles
    assert f"default-roles-{fake.realm}" in principal.roles  # Keycloak's own, untouched

    provider.update_user(promoted, enabled=False)
    assert fake.users[keycloak_id]["enabled"] is False
    with pytest.raises(TooManyRequests):  # a disabled user reads like a permanent lockout
        provider.password_login(user.user_id, PASSWORD)
    with pytest.raises(NotFound):
        provider.update_user(a_user())


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


def test_admin_calls_through_the_gateway_client_are_refused_as_a_misconfiguration(fake):
    # The realm gives the users' client no service account: only clientarea-identity manages users.
    settings = settings_for(fake.url)
    gateway_only = KeycloakCredentials(KeycloakSettings(settings.url, settings.realm, settings.client_id,
                                                        settings.client_secret))
    with pytest.raises(Unavailable) as refused:
        gateway_only.create_user(a_user(), PASSWORD)
    assert refused.value.code == "keycloak_misconfigured"


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


# --- choosing the provider -------------------------------------------------------------------------------
def runtime_with(**settings: str) -> SimpleNamespace:
    """What providers.credential_provider asks of a Runtime: its settings and its component cache."""
    runtime = SimpleNamespace(settings=Settings(**settings))
    runtime.component = lambda key, factory: factory(runtime)
    return runtime


def test_the_built_in_provider_is_the_default_and_keycloak_is_chosen_by_setting(fake, monkeypatch):
    assert credential_provider(runtime_with()) is None
    assert credential_provider(runtime_with(credential_provider="builtin")) is None
    with pytest.raises(RuntimeError, match="builtin or keycloak"):
        credential_provider(runtime_with(credential_provider="ldap"))
    with pytest.raises(RuntimeError, match="OIDC_ISSUER"):  # identity's own verifier must trust the realm
        credential_provider(runtime_with(credential_provider="keycloak"))
    with pytest.raises(RuntimeError, match="KEYCLOAK_URL"):
        credential_provider(runtime_with(credential_provider="keycloak", oidc_issuer=fake.issuer))

    for name, value in environment_for(fake).items():
        if name.startswith("KEYCLOAK_"):
            monkeypatch.setenv(name, value)
    chosen = credential_provider(runtime_with(credential_provider="keycloak", oidc_issuer=fake.issuer))
    assert isinstance(chosen, KeycloakCredentials)
    assert chosen.settings.admin_client_id == ADMIN_CLIENT and chosen.settings.issuer == fake.issuer


def test_the_second_step_ticket_seals_the_password_for_one_user():
    key = bytes(range(32))
    ticket = keycloak_login._seal(key, "user-1", PASSWORD)

    assert keycloak_login.is_sealed(ticket) and PASSWORD not in ticket and len(ticket) < 256
    assert keycloak_login._unseal(key, "user-1", ticket) == PASSWORD
    assert keycloak_login._seal(key, "user-1", PASSWORD) != ticket  # a fresh nonce every time
    for other_key, user, sealed in ((key, "user-2", ticket), (bytes(32), "user-1", ticket),
                                    (key, "user-1", ticket[:-2] + "AA"), (key, "user-1", "kc1.!!")):
        assert keycloak_login._unseal(other_key, user, sealed) is None
    longest = keycloak_login._seal(key, "user-1", "€" * 128)  # the policy's 128 characters, 3 bytes each
    assert len(longest) <= 1024  # what the gateway accepts


def test_demo_logins_are_all_found_for_copying_into_keycloak():
    from clientarea_shared import demo
    from identity_service.demo_credentials import demo_passwords

    logins = demo_passwords()
    assert logins[demo.CLIENT_USERNAME] == demo.CLIENT_PASSWORD and logins[demo.ADMIN_USERNAME] == demo.ADMIN_PASSWORD
    assert demo.AGENT_USERNAME in logins
