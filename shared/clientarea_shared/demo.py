"""Identifiers and logins of the demo firm that `make run` loads (demo only, never production).

Shared so that each service's seed refers to the same tenant and clients without calling
the others at start-up.
"""

from __future__ import annotations

import uuid

_NAMESPACE = uuid.UUID("6f1c2b8e-2f4a-4e8b-9a51-0c6a9d3e7b10")


def demo_id(name: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, name))


TENANT_SLUG = "demo"
TENANT_NAME = "Demo Seguros y Recobros"
TENANT_ID = demo_id("tenant:demo")

AGENT_USERNAME = "agent@demo.test"
AGENT_PASSWORD = "Agente-Demo-2026"  # noqa: S105 - demo-only, printed by `make run`
ADMIN_USERNAME = "admin@demo.test"
ADMIN_PASSWORD = "Admin-Demo-2026"  # noqa: S105
CLIENT_USERNAME = "cliente@demo.test"
CLIENT_PASSWORD = "Cliente-Demo-2026"  # noqa: S105

# --- quick access ---
# Quick access by process number (seed 003): the demo customer's open case and its access key
# (collections' seed stores only its hash; `make run` prints both).
QUICK_ACCESS_PROCESS_NUMBER = "EXP-2026-00311"
QUICK_ACCESS_KEY = "K7QF-3M9P-XA"  # noqa: S105 - demo-only, printed by `make run`
# --- end quick access ---

# --- client members ---
# A company customer with two people (issue 3, journey 9): its admin, and a colleague who may only
# look (invited by the admin).
COMPANY_CLIENT_ID = demo_id("client:talleres")
COMPANY_ADMIN_USERNAME = "administracion@talleres-martin.test"
COMPANY_ADMIN_PASSWORD = "Talleres-Admin-2026"  # noqa: S105 - demo-only, printed by `make run`
COMPANY_VIEWER_USERNAME = "contabilidad@talleres-martin.test"
COMPANY_VIEWER_PASSWORD = "Talleres-Consulta-2026"  # noqa: S105
# --- end client members ---

# The CRM client that the demo customer login belongs to, and a few more.
CLIENT_ID = demo_id("client:cliente")
CLIENTS = [
    # (id, kind, first name, last name, legal name, tax id, e-mail, phone, birth date)
    (CLIENT_ID, "person", "Lucía", "Fernández Ruiz", "", "12345678Z",
     CLIENT_USERNAME, "+34600111222", "1985-03-14"),
    (demo_id("client:talleres"), "company", "", "", "Talleres Martín Hermanos S.L.", "B12345674",
     "administracion@talleres-martin.test", "+34911234567", "1998-06-01"),
    (demo_id("client:jose"), "person", "José Antonio", "García López", "", "X1234567L",
     "jagarcia@correo.test", "+34655443322", "1972-11-30"),
    (demo_id("client:ute"), "consortium", "", "", "UTE Obras Levante", "U12345674",
     "ute.levante@obras.test", "+34963000111", "2021-01-15"),
]
