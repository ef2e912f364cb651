"""Identity's tests: the fake Keycloak (fake_keycloak.py) is importable from every test module here."""

from __future__ import annotations

import sys
from pathlib import Path

# pytest's importlib mode does not put test folders on sys.path; the fake is a plain module beside the tests.
_HERE = str(Path(__file__).resolve().parent)
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
