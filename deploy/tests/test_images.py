"""Dockerfiles and skaffold modules: one image per service, multi-stage, non-root, tested."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import yaml

pytestmark = pytest.mark.unit

REPO_ROOT = Path(__file__).resolve().parents[2]


def service_names() -> list[str]:
    return sorted(p.parent.name for p in (REPO_ROOT / "services").glob("*/pyproject.toml"))


def image_dirs() -> dict[str, Path]:
    """Image name -> folder holding its Dockerfile and skaffold module."""
    dirs = {f"clientarea-{name}": REPO_ROOT / "services" / name for name in service_names()}
    dirs["clientarea-gateway"] = REPO_ROOT / "gateway"
    return dirs


@dataclass
class Stage:
    base: str
    name: str | None
    instructions: list[tuple[str, str]] = field(default_factory=list)


def parse_dockerfile(text: str) -> list[Stage]:
    """Instructions per build stage (line continuations joined, comments dropped)."""
    logical: list[str] = []
    pending = ""
    for raw in text.splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        logical.append(" ".join((pending + line).split()))
        pending = ""
    stages: list[Stage] = []
    for line in logical:
        keyword, _, rest = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            match = re.match(r"(?:--platform=\S+\s+)?(\S+)(?:\s+AS\s+(\S+))?", rest, re.I)
            assert match, line
            stages.append(Stage(base=match.group(1), name=match.group(2)))
        elif stages:
            stages[-1].instructions.append((keyword, rest.strip()))
        else:
            assert keyword == "ARG", f"only ARG may precede the first FROM: {line}"
    return stages


def test_parser_reads_stages_users_and_continuations():
    stages = parse_dockerfile(
        "ARG X=1\nFROM a AS build\nRUN one \\\n  two\n# note\nFROM b\nUSER 10001:10001\n")
    assert [(s.base, s.name) for s in stages] == [("a", "build"), ("b", None)]
    assert stages[0].instructions == [("RUN", "one two")]
    assert stages[1].instructions == [("USER", "10001:10001")]


@pytest.mark.parametrize("image", sorted(image_dirs()))
def test_dockerfile_is_multi_stage_non_root_and_installs_only_its_service(image):
    folder = image_dirs()[image]
    dockerfile = folder / "Dockerfile"
    assert dockerfile.is_file(), f"{folder.relative_to(REPO_ROOT)} has no Dockerfile"
    stages = parse_dockerfile(dockerfile.read_text(encoding="utf-8"))
    assert len(stages) >= 2, "multi-stage: a builder stage and a slim runtime stage"
    runtime = stages[-1]
    assert "slim" in runtime.base or runtime.base.startswith("${"), runtime.base
    users = [rest for keyword, rest in runtime.instructions if keyword == "USER"]
    assert users, "the runtime stage sets USER"
    uid = users[-1].split(":")[0]
    assert uid.isdigit() and int(uid) > 0, f"USER must be a numeric non-root uid, not {uid!r}"
    assert "ENTRYPOINT" in dict(runtime.instructions)
    entrypoint = dict(runtime.instructions)["ENTRYPOINT"]
    assert entrypoint.startswith("["), "exec form: no shell at runtime"
    # The runtime stage gets the built environment, not the sources or the toolchain.
    copies = [rest for keyword, rest in runtime.instructions if keyword == "COPY"]
    assert copies and all(c.startswith("--from=") for c in copies), copies
    run_lines = " ".join(rest for s in stages for keyword, rest in s.instructions if keyword == "RUN")
    assert f"--package {image}" in run_lines
    assert "--no-dev" in run_lines and "--frozen" in run_lines
    all_copies = [rest for s in stages for keyword, rest in s.instructions if keyword == "COPY"]
    relative = folder.relative_to(REPO_ROOT).as_posix()
    for source in (c.split()[0] for c in all_copies if not c.startswith("--")):
        allowed = ("pyproject.toml", "uv.lock", "shared/", "web/", f"{relative}/")
        assert source.startswith(allowed), f"{image} copies {source}: only its own code"


def test_gateway_image_builds_the_web_client_in_a_node_stage():
    stages = parse_dockerfile((REPO_ROOT / "gateway" / "Dockerfile").read_text(encoding="utf-8"))
    node = [s for s in stages if "node" in s.base.lower() or s.base == "${NODE_IMAGE}"]
    assert node, "a node build stage"
    runs = " ".join(rest for keyword, rest in node[0].instructions if keyword == "RUN")
    assert "npm ci" in runs and "npm run build" in runs
    runtime_copies = [rest for keyword, rest in stages[-1].instructions if keyword == "COPY"]
    assert any(c.startswith(f"--from={node[0].name}") and "dist" in c for c in runtime_copies)


def test_dockerignore_keeps_the_context_small():
    ignored = (REPO_ROOT / ".dockerignore").read_text(encoding="utf-8").split()
    for entry in (".git", "**/.venv", "web/node_modules", "web/dist"):
        assert entry in ignored


def load(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def test_root_skaffold_composes_a_module_per_image_and_deploys_the_umbrella_chart():
    root = load(REPO_ROOT / "skaffold.yaml")
    assert re.match(r"skaffold/v4beta(1[1-9])$", root["apiVersion"]), root["apiVersion"]
    required = {r["path"] for r in root["requires"]}
    expected = {image_dirs()[i].relative_to(REPO_ROOT).as_posix() for i in image_dirs()}
    assert required == expected, "every service (and the gateway) is a required module"
    release = root["deploy"]["helm"]["releases"][0]
    assert release["chartPath"] == "deploy/helm/clientarea"
    for image in image_dirs():
        key = f"{image.removeprefix('clientarea-')}.image.ref"
        assert release["setValueTemplates"][key] == (
            "{{.IMAGE_FULLY_QUALIFIED_" + image.replace("-", "_") + "}}")
    profiles = {p["name"]: p for p in root["profiles"]}
    assert {"dev", "production"} <= set(profiles)
    patches = profiles["production"]["patches"]
    assert any(p["value"] == "deploy/helm/clientarea/values-production.yaml" for p in patches)


@pytest.mark.parametrize("image", sorted(image_dirs()))
def test_each_module_builds_its_image_and_runs_its_tests(image):
    folder = image_dirs()[image]
    relative = folder.relative_to(REPO_ROOT).as_posix()
    module = load(folder / "skaffold.yaml")
    assert module["apiVersion"].startswith("skaffold/v4beta")
    artifacts = module["build"]["artifacts"]
    assert [a["image"] for a in artifacts] == [image]
    context = (folder / artifacts[0]["context"]).resolve()
    assert context == REPO_ROOT, "the build context is the repository root"
    assert artifacts[0]["docker"]["dockerfile"] == f"{relative}/Dockerfile"
    tests = [t for t in module["test"] if t["image"] == image]
    commands = [c["command"] for t in tests for c in t.get("custom", [])]
    assert any(f"pytest {relative}/tests" in c for c in commands), commands
