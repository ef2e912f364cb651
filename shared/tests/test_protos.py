"""The checked-in generated code is exactly what protos/ produce, and the contracts follow the
house rules (versioned packages, money in minor units)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit
ROOT = Path(__file__).resolve().parents[2]


def _generator():
    spec = importlib.util.spec_from_file_location("gen_protos", ROOT / "tools" / "gen_protos.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_generated_code_matches_the_protos(tmp_path):
    _generator().generate(tmp_path)
    fresh = {p.relative_to(tmp_path): p.read_bytes() for p in (tmp_path / "clientarea").rglob("*.py*")}
    committed = {p.relative_to(ROOT / "shared"): p.read_bytes()
                 for p in (ROOT / "shared" / "clientarea").rglob("*.py*")}
    assert set(fresh) == set(committed), "run `make protos`: generated files were added or removed"
    stale = sorted(str(path) for path, content in fresh.items() if committed[path] != content)
    assert not stale, f"run `make protos`: {stale} differ from what protos/ produce"


def test_every_contract_sits_in_a_versioned_package_named_after_its_folder():
    for proto in (ROOT / "protos").rglob("*.proto"):
        area, version = proto.parent.parent.name, proto.parent.name
        assert f"package clientarea.{area}.{version};" in proto.read_text(), proto


def test_no_contract_carries_money_as_a_float():
    for proto in (ROOT / "protos").rglob("*.proto"):
        for line in proto.read_text().splitlines():
            line = line.split("//")[0]
            if any(word in line for word in ("amount", "premium", "price", "total")):
                assert "double" not in line and "float" not in line, f"{proto}: {line}"
