"""Demo data of payments: the demo clients' invoices (idempotent)."""

from __future__ import annotations

from datetime import date, timedelta

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from payments_service.models import Invoice


def invoices(today: date) -> list[tuple]:
    """(client key, number, status, total cents, due cents, issued, due), dated around `today`
    so the demo always shows one overdue and one upcoming invoice."""
    days = lambda n: today + timedelta(days=n)  # noqa: E731
    return [
        ("cliente", "F-2026-000981", "open", 46_000, 46_000, days(-60), days(-30)),
        ("cliente", "F-2026-001204", "open", 46_000, 46_000, days(-10), days(20)),
        ("cliente", "F-2026-000512", "paid", 46_000, 0, days(-200), days(-170)),
        ("talleres", "F-2026-001150", "open", 228_125, 114_062, days(-70), days(-40)),
    ]


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for client_key, number, status, total, due, issued, due_on in invoices(utcnow().date()):
            invoice_id = demo.demo_id(f"invoice:{number}")
            if session.get(Invoice, invoice_id) is not None:
                continue
            session.add(Invoice(
                id=invoice_id, tenant_id=demo.TENANT_ID, client_id=demo.demo_id(f"client:{client_key}"),
                number=number, status=status, currency="EUR", total_minor=total,
                amount_due_minor=due, issued_on=issued, due_on=due_on, created_at=utcnow(),
            ))
