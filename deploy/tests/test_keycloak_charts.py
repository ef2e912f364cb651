"""The chart switch to Keycloak (`global.identityProvider: keycloak`): what every workload's environment and
network policy become, that the default stays the built-in provider, and that the variables rendered are the
ones the code reads (clientarea_shared.config.Settings, identity_service.keycloak.KeycloakSettings)."""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest

DEPLOY_DIR = Path(__file__).resolve().parents[1]
REALM = DEPLOY_DIR / "keycloak" / "clientarea-realm.json"

pytestmark = pytest.mark.unit

SWITCH = {"global": {"identityProvider": "keycloak"}}
PLATFORM_VARS = ("OIDC_ISSUER", "OIDC_JWKS_URL", "OIDC_SUBJECT_CLAIM")
IDENTITY_ONLY_VARS = ("CREDENTIAL_PROVIDER", "KEYCLOAK_URL", "KEYCLOAK_CLIENT_SECRET", "KEYCLOAK_ADMIN_CLIENT_ID",
                      "KEYCLOAK_ADMIN_CLIENT_SECRET")


def merged(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    out = copy.deepcopy(base)
    for key, value in extra.items():
        out[key] = merged(out.get(key, {}), value) if isinstance(value, dict) else value
    return out


def platform_containers(docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """Every container of the platform's own workloads (servers, workers, migration Jobs), by workload name."""
    found = {}
    for doc in docs:
        if doc["kind"] not in ("Deployment", "Job"):
            continue
        if doc["metadata"]["labels"].get("app.kubernetes.io/component") == "dev-backing-service":
            continue
        for container in doc["spec"]["template"]["spec"]["containers"]:
            found[f"{doc['kind']}/{doc['metadata']['name']}"] = container
    return found


def env_of(container: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container.get("env", [])}


def named(docs: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    return next(d for d in docs if d["kind"] == kind and d["metadata"]["name"] == name)


@pytest.fixture(scope="module")
def switched(render, helm_dir) -> dict[str, list[dict[str, Any]]]:
    """The umbrella chart on Keycloak, over the dev and the production values."""
    return {profile: render.render(helm_dir / render.UMBRELLA, merged(render.values_for(profile == "production"),
                                                                       SWITCH))
            for profile in ("dev", "production")}


def test_the_default_stays_the_built_in_provider(manifests):
    for profile in ("dev", "production"):
        for where, container in platform_containers(manifests[profile]).items():
            env = env_of(container)
            assert not set(env) & {*PLATFORM_VARS, "CREDENTIAL_PROVIDER", "KEYCLOAK_ADMIN_CLIENT_SECRET"}, where
            assert env["TOKEN_ISSUER"] == "clientarea-identity", where
        gateway = env_of(platform_containers(manifests[profile])["Deployment/clientarea-gateway"])
        assert not [name for name in gateway if name.startswith("KEYCLOAK_")]  # the gateway never holds a secret


@pytest.mark.parametrize(("profile", "issuer", "certs"), [
    ("dev", "http://clientarea-keycloak:8080/realms/clientarea",
     "http://clientarea-keycloak:8080/realms/clientarea/protocol/openid-connect/certs"),
    ("production", "https://sso.example.com/realms/clientarea",
     "https://sso.example.com/realms/clientarea/protocol/openid-connect/certs"),
])
def test_every_workload_trusts_the_realm_and_reads_the_user_id_from_preferred_username(switched, service_names,
                                                                                       profile, issuer, certs):
    containers = platform_containers(switched[profile])
    expected = {f"Deployment/clientarea-{n}" for n in [*service_names, "gateway"]}
    expected |= {f"Job/clientarea-{n}-migrate" for n in service_names} | {"Deployment/clientarea-notification-worker"}
    assert expected <= set(containers)
    for where, container in containers.items():
        env = env_of(container)
        assert (env["OIDC_ISSUER"], env["OIDC_JWKS_URL"], env["OIDC_SUBJECT_CLAIM"]) == (
            issuer, certs, "preferred_username"), where
        assert env["TOKEN_ISSUER"] == "clientarea-identity", where  # identity's own tokens stay trusted
        if "identity" not in where:
            assert not set(env) & set(IDENTITY_ONLY_VARS), where  # no Keycloak secret outside identity


@pytest.mark.parametrize("profile", ["dev", "production"])
def test_identity_gets_the_provider_both_clients_and_their_secrets(switched, profile):
    identity = env_of(platform_containers(switched[profile])["Deployment/clientarea-identity"])
    assert identity["CREDENTIAL_PROVIDER"] == "keycloak"
    assert (identity["KEYCLOAK_CLIENT_ID"], identity["KEYCLOAK_ADMIN_CLIENT_ID"]) == (
        "clientarea-gateway", "clientarea-identity")
    assert identity["KEYCLOAK_REALM"] == "clientarea"
    assert identity["KEYCLOAK_CLIENT_SECRET"]["secretKeyRef"] == {"name": "clientarea-keycloak",
                                                                  "key": "client-secret"}
    assert identity["KEYCLOAK_ADMIN_CLIENT_SECRET"]["secretKeyRef"] == {"name": "clientarea-keycloak",
                                                                        "key": "admin-client-secret"}


def test_the_rendered_variables_are_the_ones_the_code_reads(switched):
    from clientarea_shared.auth import external_issuers
    from clientarea_shared.config import Settings
    from identity_service.keycloak import KeycloakSettings

    containers = platform_containers(switched["production"])
    crm = {k: v for k, v in env_of(containers["Deployment/clientarea-crm"]).items() if isinstance(v, str)}
    [realm] = external_issuers(Settings(**{k.lower(): v for k, v in crm.items() if k.startswith(("OIDC_", "TOKEN_"))}))
    assert (realm.issuer, realm.subject_claim) == ("https://sso.example.com/realms/clientarea", "preferred_username")

    identity = env_of(containers["Deployment/clientarea-identity"])
    environ = {k: (v if isinstance(v, str) else f"secret:{v['secretKeyRef']['key']}") for k, v in identity.items()}
    settings = KeycloakSettings.from_env(environ)
    assert settings.issuer == crm["OIDC_ISSUER"]  # the realm identity logs in to is the one services trust
    assert (settings.admin_client_id, settings.admin_client_secret) == ("clientarea-identity",
                                                                       "secret:admin-client-secret")
    assert Settings(credential_provider=identity["CREDENTIAL_PROVIDER"]).credential_provider == "keycloak"


def test_a_separate_public_issuer_is_used_as_is(render, helm_dir):
    values = merged(render.values_for(True), merged(SWITCH, {"global": {"keycloak": {
        "url": "http://keycloak.sso.svc:8080", "issuer": "https://login.example.com/realms/clientarea"}}}))
    docs = render.render(helm_dir / render.UMBRELLA, values)
    crm = env_of(platform_containers(docs)["Deployment/clientarea-crm"])
    assert crm["OIDC_ISSUER"] == "https://login.example.com/realms/clientarea"
    assert crm["OIDC_JWKS_URL"] == "http://keycloak.sso.svc:8080/realms/clientarea/protocol/openid-connect/certs"


def test_every_workload_may_reach_keycloak_only_when_switched(manifests, switched, service_names):
    def keycloak_egress(docs: list[dict[str, Any]], name: str, port: int) -> bool:
        policy = named(docs, "NetworkPolicy", f"clientarea-{name}")
        return any(rule["ports"][0]["port"] == port for rule in policy["spec"]["egress"])

    for name in [*service_names, "gateway"]:
        assert keycloak_egress(switched["dev"], name, 8080), name
        assert keycloak_egress(switched["production"], name, 443), name
        assert keycloak_egress(manifests["dev"], name, 8080) == (name == "identity"), name


def test_the_switched_charts_lint_and_validate(render, helm_dir, switched):
    for profile, docs in switched.items():
        assert render.validate(docs) == [], profile
        assert render.hardening_problems(docs) == [], profile
    assert render.lint(helm_dir / render.UMBRELLA, merged(render.values_for(True), SWITCH)) == []


def test_the_dev_secret_and_the_realm_agree_on_both_clients(switched):
    realm = json.loads(REALM.read_text(encoding="utf-8"))
    clients = {c["clientId"]: c for c in realm["clients"]}
    secrets = [d for d in switched["dev"] if d["kind"] == "Secret"]
    assert len({d["metadata"]["name"] for d in secrets}) == len(secrets)  # one object per name
    secret = named(switched["dev"], "Secret", "clientarea-keycloak")["stringData"]
    assert secret == {"client-secret": clients["clientarea-gateway"]["secret"],
                      "admin-client-secret": clients["clientarea-identity"]["secret"]}
    assert "admin-password" in named(switched["dev"], "Secret", "clientarea-keycloak-admin")["stringData"]


def test_only_identitys_client_may_manage_users(switched):
    realm = json.loads(REALM.read_text(encoding="utf-8"))
    clients = {c["clientId"]: c for c in realm["clients"]}
    users, tokens = clients["clientarea-identity"], clients["clientarea-gateway"]
    assert users["serviceAccountsEnabled"] and not users["directAccessGrantsEnabled"]
    assert not users["standardFlowEnabled"] and not users["protocolMappers"]  # no token any service accepts
    assert tokens["directAccessGrantsEnabled"] and not tokens["serviceAccountsEnabled"]
    [account] = realm["users"]
    assert account["serviceAccountClientId"] == "clientarea-identity"
    assert set(account["clientRoles"]["realm-management"]) == {"manage-users", "view-users", "query-users"}


def test_the_schema_knows_only_the_two_providers(render, helm_dir):
    import helm_python as helm

    with helm.Chart.load(helm_dir / render.UMBRELLA) as chart:
        chart.validate_schema(chart.merge_values(SWITCH))
        with pytest.raises(helm.HelmValuesError):
            chart.validate_schema(chart.merge_values({"global": {"identityProvider": "ldap"}}))
