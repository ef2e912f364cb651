"""Demo data of policy: the demo clients' policies (idempotent)."""

from __future__ import annotations

from datetime import date

from clientarea_shared import demo
from clientarea_shared.db import utcnow
from clientarea_shared.runtime import Runtime
from policy_service.events import record_policy_saved
from policy_service.models import Policy


def policies(today: date) -> list[tuple]:
    """(client key, number, line, status, premium cents, insured limit cents, starts, ends),
    dated around `today` so the demo's policies in force stay in force."""
    year = today.year
    return [
        ("cliente", "CR-2025-000117", "credit", "active", 184_000, 25_000_000,
         date(year - 1, 1, 1), date(year + 1, 12, 31)),
        ("cliente", "HG-2024-003391", "home", "expired", 31_250, 18_000_000,
         date(year - 3, 3, 1), date(year - 2, 2, 28)),
        ("talleres", "CR-2026-000042", "credit", "active", 912_500, 150_000_000,
         date(year, 1, 1), date(year + 2, 12, 31)),
        ("talleres", "CA-2026-000008", "surety", "suspended", 120_000, 6_000_000,
         date(year, 1, 1), None),
    ]


def seed(runtime: Runtime) -> None:
    with runtime.db.session() as session:
        for client_key, number, line, status, premium, limit, starts, ends in policies(utcnow().date()):
            policy_id = demo.demo_id(f"policy:{number}")
            if session.get(Policy, policy_id) is not None:
                continue
            policy = Policy(
                id=policy_id, tenant_id=demo.TENANT_ID, client_id=demo.demo_id(f"client:{client_key}"),
                number=number, line=line, status=status, currency="EUR", premium_minor=premium,
                insured_limit_minor=limit, starts_on=starts, ends_on=ends, created_at=utcnow(),
            )
            session.add(policy)
            record_policy_saved(session, policy)  # crm's read model of policy lines
