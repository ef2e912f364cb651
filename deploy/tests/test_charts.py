"""The Helm charts: lint, Kubernetes schemas, hardening, probes, network policies, profiles."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import helm_python as helm
import pytest
import yaml

DEPLOY_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = DEPLOY_DIR.parent

pytestmark = pytest.mark.unit

PROFILES = ("dev", "production")
BACKING = ("postgresql", "rabbitmq", "keycloak", "redis", "mailpit")
GRPC_PORT = 50051


def of_kind(docs: list[dict[str, Any]], kind: str) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] == kind]


def named(docs: list[dict[str, Any]], kind: str, name: str) -> dict[str, Any]:
    found = [d for d in of_kind(docs, kind) if d["metadata"]["name"] == name]
    assert found, f"no {kind}/{name} rendered"
    return found[0]


def pod_spec(doc: dict[str, Any]) -> dict[str, Any]:
    return doc["spec"]["template"]["spec"]


def workloads(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [d for d in docs if d["kind"] in ("Deployment", "StatefulSet", "Job", "DaemonSet")]


def env_of(container: dict[str, Any]) -> dict[str, Any]:
    return {e["name"]: e.get("value", e.get("valueFrom")) for e in container.get("env", [])}


# --- lint and schemas -------------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_every_chart_lints_without_errors(render: ModuleType, helm_dir: Path, profile: str):
    values = render.values_for(profile == "production")
    problems = []
    for chart in sorted(p.parent for p in helm_dir.glob("*/Chart.yaml")):
        if chart.name != render.LIBRARY:
            problems += render.lint(chart, values if chart.name == render.UMBRELLA else None)
    assert problems == []


@pytest.mark.parametrize("profile", PROFILES)
def test_rendered_manifests_are_valid_kubernetes_objects(render, manifests, profile):
    docs = manifests[profile]
    assert len(docs) > 40
    assert render.validate(docs) == []


def test_validation_is_strict_and_skips_only_the_known_crds(render, manifests):
    deployment = copy.deepcopy(of_kind(manifests["dev"], "Deployment")[0])
    pod_spec(deployment)["containers"][0]["readinessProbes"] = {}  # a typo
    unknown = {"apiVersion": "example.com/v1", "kind": "Widget", "metadata": {"name": "w"}}
    problems = render.validate([deployment, unknown])
    assert len(problems) == 2
    assert "readinessProbes" in problems[0]
    assert "Widget" in problems[1]
    skipped = {(d["apiVersion"], d["kind"]) for d in manifests["production"]} & render.CRD_KINDS
    assert skipped == {("monitoring.coreos.com/v1", "ServiceMonitor"),
                       ("monitoring.coreos.com/v1", "PrometheusRule")}


def test_service_charts_render_on_their_own(render, helm_dir, service_names):
    for name in [*service_names, "gateway"]:
        docs = render.render(helm_dir / name, {})
        assert render.validate(docs) == [], name
        assert named(docs, "Deployment", f"clientarea-{name}")


# --- hardening --------------------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_every_workload_is_hardened_and_has_resources(manifests, profile):
    loads = workloads(manifests[profile])
    assert loads
    for doc in loads:
        spec = pod_spec(doc)
        pod_sc = spec.get("securityContext", {})
        assert spec.get("automountServiceAccountToken") is False, doc["metadata"]["name"]
        for container in spec["containers"] + spec.get("initContainers", []):
            where = f"{doc['kind']}/{doc['metadata']['name']}/{container['name']}"
            sc = container["securityContext"]
            assert sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True, where
            assert (sc.get("runAsUser") or pod_sc.get("runAsUser") or 0) > 0, where
            assert sc["allowPrivilegeEscalation"] is False, where
            assert sc["capabilities"]["drop"] == ["ALL"], where
            assert "add" not in sc["capabilities"], where
            assert sc["readOnlyRootFilesystem"] is True, where
            seccomp = sc.get("seccompProfile") or pod_sc.get("seccompProfile")
            assert seccomp == {"type": "RuntimeDefault"}, where
            for bound in ("requests", "limits"):
                assert {"cpu", "memory"} <= set(container["resources"][bound]), where


def test_read_only_services_get_writable_tmp_and_var_dir(manifests):
    for doc in workloads(manifests["dev"]):
        if doc["metadata"]["labels"].get("app.kubernetes.io/component") == "dev-backing-service":
            continue
        spec = pod_spec(doc)
        volumes = {v["name"]: v for v in spec["volumes"]}
        container = spec["containers"][0]
        mounts = {m["mountPath"]: m["name"] for m in container["volumeMounts"]}
        var_dir = env_of(container)["VAR_DIR"]
        for path in ("/tmp", var_dir):
            assert path in mounts, doc["metadata"]["name"]
            assert "emptyDir" in volumes[mounts[path]]


def test_hardening_checker_of_render_py_catches_a_root_container(render, manifests):
    doc = copy.deepcopy(of_kind(manifests["dev"], "Deployment")[0])
    sc = pod_spec(doc)["containers"][0]["securityContext"]
    sc["readOnlyRootFilesystem"] = False
    sc["capabilities"] = {}
    assert len(render.hardening_problems([doc])) == 2
    assert render.hardening_problems(workloads(manifests["production"])) == []


# --- probes, workloads ------------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_services_use_native_grpc_probes_and_gateway_http_probes(manifests, service_names, profile):
    docs = manifests[profile]
    for name in service_names:
        container = pod_spec(named(docs, "Deployment", f"clientarea-{name}"))["containers"][0]
        assert container["readinessProbe"]["grpc"]["port"] == GRPC_PORT, name
        assert container["startupProbe"]["grpc"]["port"] == GRPC_PORT, name
        assert "livenessProbe" in container, name
        assert container["command"] == ["python", "-m", f"{name}_service"]
        assert container["args"] == ["serve"]
    gateway = pod_spec(named(docs, "Deployment", "clientarea-gateway"))["containers"][0]
    assert gateway["readinessProbe"]["httpGet"]["path"] == "/readyz"
    assert gateway["livenessProbe"]["httpGet"]["path"] == "/healthz"
    assert gateway["command"] == ["python", "-m", "gateway"]


def test_each_service_has_a_migration_job_run_as_a_hook(manifests, service_names):
    for profile in PROFILES:
        for name in service_names:
            job = named(manifests[profile], "Job", f"clientarea-{name}-migrate")
            container = pod_spec(job)["containers"][0]
            assert container["command"] + container["args"] == [
                "python", "-m", f"{name}_service", "migrate"]
            assert "DATABASE_URL" in env_of(container)
            assert "pre-upgrade" in job["metadata"]["annotations"]["helm.sh/hook"]
    assert not [j for j in of_kind(manifests["dev"], "Job") if "gateway" in j["metadata"]["name"]]


def test_notification_worker_is_a_second_deployment_of_the_same_image(manifests):
    for profile in PROFILES:
        docs = manifests[profile]
        server = pod_spec(named(docs, "Deployment", "clientarea-notification"))["containers"][0]
        worker = pod_spec(named(docs, "Deployment", "clientarea-notification-worker"))["containers"][0]
        assert worker["image"] == server["image"]
        assert worker["args"] == ["worker"]
        assert "ports" not in worker
        env = env_of(worker)
        assert {"DATABASE_URL", "AMQP_URL", "SMTP_HOST", "SMTP_PORT", "SMTP_FROM"} <= set(env)


def test_services_get_the_settings_they_read(manifests, service_names):
    docs = manifests["dev"]
    for name in service_names:
        env = env_of(pod_spec(named(docs, "Deployment", f"clientarea-{name}"))["containers"][0])
        for var in ("DATABASE_URL", "AMQP_URL", "EVENTS_EXCHANGE", "GRPC_PORT", "METRICS_PORT",
                    "TOKEN_ISSUER", "TOKEN_AUDIENCE", "LOG_LEVEL", "VAR_DIR"):
            assert var in env, (name, var)
        assert env["DATABASE_URL"]["secretKeyRef"]["key"] == name
    gateway = env_of(pod_spec(named(docs, "Deployment", "clientarea-gateway"))["containers"][0])
    assert gateway["PORT"] == "8080"
    assert {"REDIS_URL", "COOKIE_SECURE", "PUBLIC_BASE_URL", "WEB_DIST"} <= set(gateway)
    assert {f"{name.upper()}_ADDR" for name in service_names} <= set(gateway)
    assert gateway["CRM_ADDR"] == "clientarea-crm:50051"


# --- network policies -------------------------------------------------------------------------

@pytest.mark.parametrize("profile", PROFILES)
def test_every_service_has_an_ingress_and_egress_network_policy(manifests, service_names, profile):
    docs = manifests[profile]
    for name in [*service_names, "gateway"]:
        policy = named(docs, "NetworkPolicy", f"clientarea-{name}")
        assert set(policy["spec"]["policyTypes"]) == {"Ingress", "Egress"}
        assert policy["spec"]["podSelector"]["matchLabels"]["app.kubernetes.io/name"] == name
        assert policy["spec"]["ingress"] and policy["spec"]["egress"]
        if name != "gateway":
            grpc_rule = policy["spec"]["ingress"][0]
            assert grpc_rule["ports"] == [{"port": GRPC_PORT, "protocol": "TCP"}]
            selector = grpc_rule["from"][0]["podSelector"]["matchExpressions"][0]
            assert selector["key"] == f"calls.clientarea.io/{name}"


def test_network_policies_admit_exactly_the_declared_callers(manifests):
    docs = manifests["dev"]
    policies = {p["metadata"]["name"]: p for p in of_kind(docs, "NetworkPolicy")}
    for deployment in of_kind(docs, "Deployment"):
        labels = deployment["spec"]["template"]["metadata"]["labels"]
        callees = [k.split("/", 1)[1] for k in labels if k.startswith("calls.clientarea.io/")]
        if labels["app.kubernetes.io/component"] == "dev-backing-service":
            continue
        name = labels["app.kubernetes.io/name"]
        policy = policies[f"clientarea-{name}"]
        egress_to = {
            peer["podSelector"]["matchLabels"]["app.kubernetes.io/name"]
            for rule in policy["spec"]["egress"] for peer in rule.get("to", [])
            if "podSelector" in peer and "namespaceSelector" not in peer
            and rule["ports"][0]["port"] == GRPC_PORT
        }
        assert egress_to == set(callees), name
    crm_callers = [d["metadata"]["name"] for d in of_kind(docs, "Deployment")
                   if "calls.clientarea.io/crm" in d["spec"]["template"]["metadata"]["labels"]]
    assert "clientarea-gateway" in crm_callers
    assert "clientarea-geosearch" not in crm_callers


def services_called_in_code(service: str) -> set[str]:
    """The services a service's code opens a channel to (`channels.get("crm")`), plus identity,
    whose JWKS every other service fetches to verify tokens."""
    package = REPO_ROOT / "services" / service / f"{service}_service"
    called = {match for path in package.rglob("*.py")
              for match in re.findall(r'channels\.get\("([a-z]+)"\)', path.read_text())}
    return (called | {"identity"}) - {service}


def test_each_services_declared_callees_are_exactly_those_its_code_calls(helm_dir):
    """The network policies follow the charts' `calls`; a call the code makes but the chart does
    not declare is blocked in the cluster (and one declared but unused is a needless opening)."""
    for values_file in sorted(helm_dir.glob("*/values.yaml")):
        service = values_file.parent.name
        if not (REPO_ROOT / "services" / service).is_dir():
            continue
        declared = set(yaml.safe_load(values_file.read_text()).get("calls") or [])
        assert declared == services_called_in_code(service), service


# --- dev and production profiles ----------------------------------------------------------------

def test_production_renders_no_in_cluster_backing_services(manifests):
    docs = manifests["production"]
    assert of_kind(docs, "StatefulSet") == []
    assert of_kind(docs, "Secret") == [], "production Secrets are created by the operator"
    for doc in docs:
        assert not any(doc["metadata"]["name"].endswith(f"-{b}") for b in BACKING), doc["metadata"]
    images = {c["image"] for d in workloads(docs) for c in pod_spec(d)["containers"]}
    assert all("/clientarea-" in image for image in images), images
    for banned in ("postgres", "rabbitmq", "keycloak", "redis:", "mailpit"):
        assert not [i for i in images if banned in i]


def test_dev_runs_backing_services_in_cluster_with_a_database_per_service(manifests, service_names):
    docs = manifests["dev"]
    assert named(docs, "StatefulSet", "clientarea-postgresql")
    assert named(docs, "StatefulSet", "clientarea-rabbitmq")
    keycloak = named(docs, "Deployment", "clientarea-keycloak")
    assert "--import-realm" in pod_spec(keycloak)["containers"][0]["args"]
    realm = named(docs, "ConfigMap", "clientarea-keycloak-realm")
    assert json.loads(realm["data"]["clientarea-realm.json"])["realm"] == "clientarea"
    assert named(docs, "Deployment", "clientarea-redis")
    urls = named(docs, "Secret", "clientarea-database")["stringData"]
    assert set(urls) == set(service_names)
    for name, url in urls.items():
        assert url.startswith(f"postgresql+psycopg://{name}:") and url.endswith(f"/{name}")
    init_sql = named(docs, "Secret", "clientarea-postgresql")["stringData"]["10-clientarea.sql"]
    for name in service_names:
        assert f'CREATE DATABASE "{name}" OWNER "{name}";' in init_sql


def test_production_values_scale_out_and_harden_the_edge(manifests, service_names):
    docs = manifests["production"]
    hpas = {h["spec"]["scaleTargetRef"]["name"]: h for h in of_kind(docs, "HorizontalPodAutoscaler")}
    for deployment in of_kind(docs, "Deployment"):
        name = deployment["metadata"]["name"]
        assert name in hpas, name
        assert hpas[name]["spec"]["minReplicas"] >= 2
        assert "replicas" not in deployment["spec"], "the HPA owns the replica count"
    pdbs = {p["metadata"]["name"] for p in of_kind(docs, "PodDisruptionBudget")}
    assert set(hpas) <= pdbs
    gateway = pod_spec(named(docs, "Deployment", "clientarea-gateway"))["containers"][0]
    env = env_of(gateway)
    assert env["COOKIE_SECURE"] == "true"
    assert env["PUBLIC_BASE_URL"].startswith("https://")
    assert env["OTEL_EXPORTER_OTLP_ENDPOINT"].startswith("http")
    # E-mail links (notification) and the passkeys' relying party (identity) name the same address.
    for name in ("identity", "notification"):
        service_env = env_of(pod_spec(named(docs, "Deployment", f"clientarea-{name}"))["containers"][0])
        assert service_env["PUBLIC_BASE_URL"] == env["PUBLIC_BASE_URL"], name
    ingress = named(docs, "Ingress", "clientarea-gateway")
    assert ingress["spec"]["tls"]
    monitors = {m["metadata"]["name"] for m in of_kind(docs, "ServiceMonitor")}
    assert {f"clientarea-{n}" for n in [*service_names, "gateway"]} <= monitors
    for deployment in of_kind(manifests["dev"], "Deployment"):
        if deployment["metadata"]["labels"].get("app.kubernetes.io/part-of") == "clientarea":
            assert deployment["spec"]["replicas"] >= 1


def test_production_secrets_are_referenced_by_name(manifests):
    refs = set()
    for doc in workloads(manifests["production"]):
        for container in pod_spec(doc)["containers"]:
            for value in env_of(container).values():
                if isinstance(value, dict) and "secretKeyRef" in value:
                    refs.add((value["secretKeyRef"]["name"], value["secretKeyRef"]["key"]))
    names = {name for name, _ in refs}
    assert names == {"clientarea-database", "clientarea-broker", "clientarea-redis",
                     "clientarea-keycloak", "clientarea-smtp", "clientarea-identity-data",
                     "clientarea-messaging"}  # campaigns: notification's SMS and voice tokens (optional)


@pytest.mark.parametrize("profile", PROFILES)
def test_only_identity_gets_the_data_keys_and_only_dev_ships_a_key(manifests, profile):
    docs = manifests[profile]
    holders = {doc["metadata"]["name"] for doc in workloads(docs) for container in pod_spec(doc)["containers"]
               if "IDENTITY_DATA_KEYS" in env_of(container)}
    assert holders and all(name.startswith("clientarea-identity") for name in holders), holders
    [identity] = [d for d in of_kind(docs, "Deployment") if d["metadata"]["name"] == "clientarea-identity"]
    assert env_of(pod_spec(identity)["containers"][0])["IDENTITY_DATA_KEYS"] == {
        "secretKeyRef": {"name": "clientarea-identity-data", "key": "keys"}}
    shipped = [s for s in of_kind(docs, "Secret") if s["metadata"]["name"] == "clientarea-identity-data"]
    if profile == "production":
        assert shipped == []
    else:
        from cryptography.fernet import Fernet

        Fernet(shipped[0]["stringData"]["keys"])  # a valid key, or identity would not start


# --- values schema ------------------------------------------------------------------------------

@pytest.mark.parametrize("bad", [
    {"crm": {"replicas": "two"}},
    {"crm": {"replicas": 0}},
    {"global": {"logLevel": "LOUD"}},
    {"gatway": {"enabled": True}},
    {"gateway": {"cookieSecure": "yes"}},
    {"postgresql": {"enabled": "false"}},
    {"notification": {"workers": {"worker": {"args": []}}}},
    {"identity": {"securityContext": {"readOnlyRootFilesystem": False}}},
])
def test_values_schema_rejects_bad_values(render, helm_dir, bad):
    with helm.Chart.load(helm_dir / render.UMBRELLA) as chart:
        chart.validate_schema(chart.merge_values({}))
        chart.validate_schema(chart.merge_values(render.values_for(True)))
        with pytest.raises(helm.HelmValuesError):
            chart.validate_schema(chart.merge_values(bad))
    with pytest.raises(helm.HelmError):
        render.render(helm_dir / render.UMBRELLA, bad)


# --- one chart per service, no copied templates -------------------------------------------------

def test_every_service_has_a_chart_built_on_the_common_library(service_names):
    helm_src = DEPLOY_DIR / "helm"
    umbrella = yaml.safe_load((helm_src / "clientarea" / "Chart.yaml").read_text())
    deps = {d["name"]: d for d in umbrella["dependencies"]}
    schema = json.loads((helm_src / "clientarea" / "values.schema.json").read_text())
    assert deps["common"]["repository"] == "file://../common"
    for name in [*service_names, "gateway"]:
        chart_dir = helm_src / name
        assert (chart_dir / "Chart.yaml").is_file(), f"services/{name} has no chart"
        meta = yaml.safe_load((chart_dir / "Chart.yaml").read_text())
        assert meta["name"] == name
        assert [d["repository"] for d in meta["dependencies"]] == ["file://../common"]
        templates = sorted(p.name for p in (chart_dir / "templates").iterdir())
        assert templates == ["all.yaml"], f"{name} copies templates: {templates}"
        assert 'include "common.all"' in (chart_dir / "templates" / "all.yaml").read_text()
        values = yaml.safe_load((chart_dir / "values.yaml").read_text())
        assert values["component"] == name
        assert deps[name]["repository"] == f"file://../{name}"
        assert deps[name]["condition"] == f"{name}.enabled"
        assert name in schema["properties"]
    charts = {p.parent.name for p in helm_src.glob("*/Chart.yaml")}
    assert charts == {*service_names, "gateway", "common", "clientarea"}


def test_keycloak_realm_export(render, helm_dir):
    realm_path = DEPLOY_DIR / "keycloak" / "clientarea-realm.json"
    realm = json.loads(realm_path.read_text(encoding="utf-8"))
    assert realm["realm"] == "clientarea" and realm["enabled"] is True
    roles = {r["name"] for r in realm["roles"]["realm"]}
    assert roles == {"admin", "agent", "salesperson", "client", "quick-access"}
    assert "length(12)" in realm["passwordPolicy"]
    assert realm["bruteForceProtected"] is True
    gateway = [c for c in realm["clients"] if c["clientId"] == "clientarea-gateway"]
    assert gateway and gateway[0]["publicClient"] is False
    in_chart = (DEPLOY_DIR / "helm" / "clientarea" / "files" / "clientarea-realm.json")
    assert in_chart.resolve() == realm_path.resolve()
    dev = yaml.safe_load((DEPLOY_DIR / "helm" / "clientarea" / "values.yaml").read_text())
    assert dev["keycloak"]["clientSecret"] == gateway[0]["secret"]


def test_render_cli_fails_on_a_broken_values_file(render, tmp_path, monkeypatch, capsys):
    assert render.main([]) == 0
    bad = tmp_path / "values-production.yaml"
    bad.write_text("crm:\n  resources:\n    limits:\n      memory: lots\n")
    monkeypatch.setattr(render, "PRODUCTION_VALUES", bad)
    assert render.main(["--production"]) == 1
    assert "problem" in capsys.readouterr().err
