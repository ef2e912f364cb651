"""Demo data of collections: the demo clients' cases (idempotent), the first with the demo's
quick-access key."""

from __future__ import annotations

from datetime import date

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from collections_service.access_keys import hash_key
from collections_service.models import Case

# (client key, number, kind, status, phase, debtor, debtor NIF, amount cents, opened)
CASES = [
    ("cliente", demo.QUICK_ACCESS_PROCESS_NUMBER, "debt", "open", "amicable", "Reformas Costa Azul S.L.",
     "B87654323", 1_245_000, date(2026, 2, 10)),
    ("cliente", "EXP-2025-01877", "debt", "closed", "recovered", "Juan Pérez Gómez",
     "00000000T", 98_050, date(2025, 6, 3)),
    ("talleres", "PRO-2026-00045", "process", "open", "court_filing", "Transportes Ibéricos S.A.",
     "A58818501", 5_630_000, date(2026, 5, 21)),
]


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for client_key, number, kind, status, phase, debtor, nif, amount, opened in CASES:
            case_id = demo.demo_id(f"case:{number}")
            case = session.get(Case, case_id)
            if case is None:
                case = Case(
                    id=case_id, tenant_id=demo.TENANT_ID, client_id=demo.demo_id(f"client:{client_key}"),
                    number=number, kind=kind, status=status, phase=phase, debtor_name=debtor,
                    debtor_tax_id_type="es_nif", debtor_tax_id=nif, currency="EUR",
                    amount_minor=amount, opened_on=opened, created_at=utcnow(),
                )
                session.add(case)
            if number == demo.QUICK_ACCESS_PROCESS_NUMBER and not case.access_key_hash:
                # A database seeded before quick access existed gets the key too.
                case.access_key_hash, case.access_key_issued_at = hash_key(demo.QUICK_ACCESS_KEY), utcnow()
