"""Build, lint, render and validate the Helm charts offline (`make charts`).

    python deploy/render.py                 # dev values
    python deploy/render.py --production    # values.yaml + values-production.yaml
    python deploy/render.py -o out.yaml     # also write the rendered manifests

Works on a temporary copy of deploy/helm (so the checkout's charts/ and Chart.lock are left
alone and two runs never collide): builds each chart's file:// dependencies with the Helm SDK
(helm-python-sdk, no helm binary), lints every chart, renders the umbrella chart and validates
every manifest against the Kubernetes schemas (kubernetes-validate). Exits non-zero on any
problem. The tests in deploy/tests import this module for the same steps.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import helm_python as helm
import kubernetes_validate
import yaml

DEPLOY_DIR = Path(__file__).resolve().parent
HELM_DIR = DEPLOY_DIR / "helm"
UMBRELLA = "clientarea"
LIBRARY = "common"
PRODUCTION_VALUES = HELM_DIR / UMBRELLA / "values-production.yaml"
KUBE_VERSION = "1.30.0"
RELEASE = "clientarea"
NAMESPACE = "clientarea"
# Custom resources kubernetes-validate has no schema for: the only kinds skipped.
CRD_KINDS = frozenset({("monitoring.coreos.com/v1", "ServiceMonitor"),
                       ("monitoring.coreos.com/v1", "PrometheusRule")})
WORKLOAD_KINDS = frozenset({"Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob"})


def chart_dirs() -> list[Path]:
    """Every chart under deploy/helm (library, services, gateway, umbrella)."""
    return sorted(p.parent for p in HELM_DIR.glob("*/Chart.yaml"))


def service_chart_names() -> list[str]:
    return [p.name for p in chart_dirs() if p.name not in (UMBRELLA, LIBRARY)]


def _has_dependencies(chart: Path) -> bool:
    meta = yaml.safe_load((chart / "Chart.yaml").read_text(encoding="utf-8"))
    return bool(meta.get("dependencies"))


def build_dependencies(helm_dir: Path) -> None:
    """`helm dependency update` every chart, leaves first, so nested file:// charts are whole."""
    charts = sorted(p.parent for p in helm_dir.glob("*/Chart.yaml"))
    ordered = [c for c in charts if c.name != UMBRELLA] + [helm_dir / UMBRELLA]
    for chart in ordered:
        if _has_dependencies(chart):
            helm.dependency_update(chart, skip_refresh=True)


@contextmanager
def prepared_charts() -> Iterator[Path]:
    """A throw-away copy of deploy/helm with every dependency built; yields its path."""
    with tempfile.TemporaryDirectory(prefix="clientarea-charts-") as tmp:
        copy = Path(tmp) / "helm"
        # symlinks=False: the realm export linked into the umbrella chart is copied as a file.
        shutil.copytree(HELM_DIR, copy, symlinks=False,
                        ignore=shutil.ignore_patterns("charts", "Chart.lock", "*.tgz"))
        build_dependencies(copy)
        yield copy


def values_for(production: bool) -> dict[str, Any]:
    if not production:
        return {}
    return yaml.safe_load(PRODUCTION_VALUES.read_text(encoding="utf-8")) or {}


def lint(chart: Path, values: dict[str, Any] | None = None) -> list[str]:
    """Lint findings (strict: warnings count) of severity warning or worse, as strings."""
    report = helm.lint(chart, values or {}, kube_version=f"v{KUBE_VERSION}",
                       with_subcharts=True, namespace=NAMESPACE, strict=True)
    problems = [f"{chart.name}: {m['path']}: {m['error']}"
                for m in report.get("messages", []) if m.get("severity", 0) >= 2]
    problems += [f"{chart.name}: {e}" for e in report.get("errors", []) or []]
    return problems


def render(chart: Path, values: dict[str, Any] | None = None, *, release: str = RELEASE,
           namespace: str = NAMESPACE) -> list[dict[str, Any]]:
    """Render a chart (hooks included, like `helm template`) into a list of objects."""
    with helm.Chart.load(chart) as loaded:
        manifests = loaded.render(values or {}, name=release, namespace=namespace,
                                  is_install=True)
    docs: list[dict[str, Any]] = []
    for path, text in sorted(manifests.items()):
        if path.endswith("NOTES.txt") or not text.strip():
            continue
        for doc in yaml.safe_load_all(text):
            if doc:
                docs.append(doc)
    return docs


def kind_name(doc: dict[str, Any]) -> str:
    return f"{doc.get('kind')}/{doc.get('metadata', {}).get('name')}"


def validate(docs: Iterable[dict[str, Any]], kube_version: str = KUBE_VERSION) -> list[str]:
    """kubernetes-validate (strict: unknown fields fail) on every object but the known CRDs."""
    problems = []
    for doc in docs:
        if (doc.get("apiVersion"), doc.get("kind")) in CRD_KINDS:
            continue
        try:
            kubernetes_validate.validate(doc, kube_version, strict=True)
        except kubernetes_validate.SchemaNotFoundError as exc:
            problems.append(f"{kind_name(doc)}: {exc.message}")
        except kubernetes_validate.ValidationError as exc:
            where = ".".join(str(p) for p in exc.path)
            problems.append(f"{kind_name(doc)}: {where}: {exc.message}")
    return problems


def pod_spec(doc: dict[str, Any]) -> dict[str, Any] | None:
    spec = doc.get("spec", {})
    if doc.get("kind") == "CronJob":
        return spec["jobTemplate"]["spec"]["template"]["spec"]
    if doc.get("kind") in WORKLOAD_KINDS:
        return spec["template"]["spec"]
    return None


def hardening_problems(docs: Iterable[dict[str, Any]]) -> list[str]:
    """The pod and container settings every workload must have."""
    problems = []
    for doc in docs:
        spec = pod_spec(doc)
        if spec is None:
            continue
        pod_sc = spec.get("securityContext", {})
        for container in spec.get("containers", []) + spec.get("initContainers", []):
            where = f"{kind_name(doc)} container {container['name']}"
            sc = container.get("securityContext", {})
            checks = {
                "runAsNonRoot": sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True,
                "allowPrivilegeEscalation false": sc.get("allowPrivilegeEscalation") is False,
                "capabilities drop ALL": "ALL" in sc.get("capabilities", {}).get("drop", []),
                "readOnlyRootFilesystem": sc.get("readOnlyRootFilesystem") is True,
                "seccomp RuntimeDefault": (sc.get("seccompProfile") or pod_sc.get("seccompProfile")
                                           or {}).get("type") == "RuntimeDefault",
                "resources requests and limits": bool(container.get("resources", {}).get("requests"))
                and bool(container.get("resources", {}).get("limits")),
            }
            problems += [f"{where}: missing {name}" for name, ok in checks.items() if not ok]
    return problems


def check(production: bool, output: Path | None = None) -> list[str]:
    """Every step for one profile; returns the problems found (empty: all good)."""
    values = values_for(production)
    problems: list[str] = []
    with prepared_charts() as helm_dir:
        for chart in sorted(p.parent for p in helm_dir.glob("*/Chart.yaml")):
            if chart.name == LIBRARY:
                continue
            problems += lint(chart, values if chart.name == UMBRELLA else None)
        try:
            docs = render(helm_dir / UMBRELLA, values)
        except helm.HelmError as exc:
            return [*problems, f"render failed: {exc}"]
    problems += validate(docs)
    problems += hardening_problems(docs)
    if output is not None:
        output.write_text(yaml.safe_dump_all(docs, sort_keys=False), encoding="utf-8")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--production", action="store_true",
                        help="layer values-production.yaml over the chart's values")
    parser.add_argument("-o", "--output", type=Path, help="write the rendered manifests here")
    args = parser.parse_args(argv)
    profile = "production" if args.production else "dev"
    problems = check(args.production, args.output)
    for problem in problems:
        print(f"error: {problem}", file=sys.stderr)
    if problems:
        print(f"charts ({profile}): {len(problems)} problem(s)", file=sys.stderr)
        return 1
    print(f"charts ({profile}): linted, rendered and valid against Kubernetes {KUBE_VERSION}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
