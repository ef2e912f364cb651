"""Contract between identity's audit trail and the admins' audit page: every action and outcome
identity writes has words in the web client (web/src/pages/auditView.ts lists them, and its own
test checks each has a label in every language). A new code otherwise shows up raw to admins."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
IDENTITY = ROOT / "services" / "identity" / "identity_service"
AUDIT_VIEW = ROOT / "web" / "src" / "pages" / "auditView.ts"


def written(field: str) -> set[str]:
    source = "\n".join(path.read_text() for path in IDENTITY.rglob("*.py"))
    return set(re.findall(rf'\b{field}="([a-z_]+)"', source))


def listed(constant: str) -> set[str]:
    block = re.search(rf"export const {constant} = \[(.*?)\] as const;", AUDIT_VIEW.read_text(), re.S)
    assert block, constant
    return set(re.findall(r'"([a-z_]+)"', block.group(1)))


def test_every_action_identity_audits_is_known_to_the_audit_page():
    actions = written("action")
    assert {"login", "lockout", "account_closed"} <= actions  # the scan finds them
    assert actions - listed("AUDIT_ACTIONS") == set()


def test_every_outcome_identity_audits_is_known_to_the_audit_page():
    outcomes = written("outcome")
    assert {"success", "failure", "throttled"} <= outcomes
    assert outcomes - listed("AUDIT_OUTCOMES") == set()
