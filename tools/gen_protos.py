"""Generate the Python code for every contract in protos/ into shared/clientarea/.

`make protos` runs it; shared/tests/test_protos.py runs it into a temporary folder and fails
when the checked-in code differs, so the contracts and the code never drift apart.
"""

from __future__ import annotations

import sys
from pathlib import Path

from grpc_tools import protoc

ROOT = Path(__file__).resolve().parent.parent
PROTOS = ROOT / "protos"
DEFAULT_OUT = ROOT / "shared"


def generate(out: Path) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    sources = sorted(PROTOS.rglob("*.proto"))
    well_known = Path(protoc.__file__).parent / "_proto"
    args = [
        "protoc",
        f"-I{PROTOS}",
        f"-I{well_known}",
        f"--python_out={out}",
        f"--pyi_out={out}",
        f"--grpc_python_out={out}",
        *[str(s) for s in sources],
    ]
    if protoc.main(args) != 0:
        raise SystemExit("protoc failed")
    for folder in {p.parent for p in (out / "clientarea").rglob("*.py")}:
        while folder != out:
            (folder / "__init__.py").touch()
            folder = folder.parent
    return sorted((out / "clientarea").rglob("*.py*"))


if __name__ == "__main__":
    generate(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_OUT)
