"""Fixtures of the deployment tests: charts built once per session in a temporary copy."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

DEPLOY_DIR = Path(__file__).resolve().parents[1]
REPO_ROOT = DEPLOY_DIR.parent


def _load_render() -> ModuleType:
    name = "clientarea_deploy_render"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.spec_from_file_location(name, DEPLOY_DIR / "render.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def render() -> ModuleType:
    """deploy/render.py, the helper behind `make charts`."""
    return _load_render()


@pytest.fixture(scope="session")
def service_names() -> list[str]:
    """Every service in services/ (a folder with a pyproject.toml): each needs a chart."""
    return sorted(p.parent.name for p in (REPO_ROOT / "services").glob("*/pyproject.toml"))


@pytest.fixture(scope="session")
def helm_dir(render: ModuleType):
    with render.prepared_charts() as path:
        yield path


@pytest.fixture(scope="session")
def manifests(render: ModuleType, helm_dir: Path) -> dict[str, list[dict[str, Any]]]:
    """The umbrella chart rendered with the dev (default) and the production values."""
    return {
        profile: render.render(helm_dir / render.UMBRELLA, render.values_for(profile == "production"))
        for profile in ("dev", "production")
    }
