"""Demo data of payments: the demo clients' invoices (idempotent)."""

from __future__ import annotations

from datetime import date

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from payments_service.models import Invoice

# (client key, number, status, total cents, due cents, issued, due)
INVOICES = [
    ("cliente", "F-2026-000981", "open", 46_000, 46_000, date(2026, 10, 1), date(2026, 10, 31)),
    ("cliente", "F-2026-001204", "open", 46_000, 46_000, date(2026, 11, 1), date(2026, 12, 1)),
    ("cliente", "F-2026-000512", "paid", 46_000, 0, date(2026, 5, 1), date(2026, 5, 31)),
    ("talleres", "F-2026-001150", "open", 228_125, 114_062, date(2026, 9, 15), date(2026, 10, 15)),
]


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for client_key, number, status, total, due, issued, due_on in INVOICES:
            invoice_id = demo.demo_id(f"invoice:{number}")
            if session.get(Invoice, invoice_id) is not None:
                continue
            session.add(Invoice(
                id=invoice_id, tenant_id=demo.TENANT_ID, client_id=demo.demo_id(f"client:{client_key}"),
                number=number, status=status, currency="EUR", total_minor=total,
                amount_due_minor=due, issued_on=issued, due_on=due_on, created_at=utcnow(),
            ))
