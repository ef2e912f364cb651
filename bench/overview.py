"""Figure: the issue's read, the staff's back-office overview (GET /api/v1/backoffice/overview
with a bearer token): `me` from identity, the first page of 20 clients from crm and the first 5
open cases from collections, three services in one read, under open-loop load beside its two
baselines measured in the same run (see bench/fanout.py).

The demo firm has four clients; before the load the figure adds BENCH_CLIENTS more (and open
cases for some of them) through crm's own domain rules and repository and collections' model,
so the page is a full one of 20 with a next cursor, as a firm's back office would show it.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fanout import Figure, run  # noqa: E402

from clientarea_shared import demo  # noqa: E402

PATH = "/api/v1/backoffice/overview"
BENCH_CLIENTS = 200
OPEN_CASE_EVERY = 4  # one client in four has an open case
CLIENTS_PAGE, OPEN_CASES = 20, 5


def dni_of(n: int) -> str:
    """A valid Spanish DNI (8 digits and the check letter) for bench client number `n`."""
    digits = f"{50_000_000 + n:08d}"
    return digits + "TRWAGMYFPDXBNJZSQVHLCKE"[int(digits) % 23]


def seed(database_urls: dict[str, str]) -> None:
    """BENCH_CLIENTS clients of the demo firm and open cases for some (idempotent per database)."""
    from clientarea_shared.db import Database, new_id, utcnow
    from collections_service.models import Case
    from crm_service.domain.clients import build_client
    from crm_service.repository import ClientRepository

    crm, collections = Database(database_urls["crm"], pool_size=1), Database(database_urls["collections"], pool_size=1)
    try:
        client_ids = []
        with crm.session() as session:
            repo = ClientRepository(session, demo.TENANT_ID)
            for n in range(BENCH_CLIENTS):
                new = build_client(kind="person", first_name=f"Cliente{n:03d}", last_name="Banco Pruebas",
                                   legal_name="", tax_id=dni_of(n), tax_id_type="", email=f"cliente{n:03d}@bench.test",
                                   phone="+34600000000", birth_date="1980-01-01", locale="es")
                client_ids.append(repo.add(new).id)
        with collections.session() as session:
            for n, client_id in enumerate(client_ids[::OPEN_CASE_EVERY]):
                session.add(Case(
                    id=new_id(), tenant_id=demo.TENANT_ID, client_id=client_id, number=f"BEN-2026-{n:05d}",
                    kind="debt", status="open", phase="amicable", debtor_name=f"Deudor {n:03d} S.L.",
                    debtor_tax_id_type="es_nif", debtor_tax_id="B87654323", currency="EUR",
                    amount_minor=100_000 + n, opened_on=date(2026, 3, 1), created_at=utcnow()))
    finally:
        crm.dispose()
        collections.dispose()


def check(answer: dict) -> None:
    """The page measured is a full one: 20 clients and a next cursor, 5 open cases."""
    clients, cases = answer.get("clients") or {}, answer.get("open_cases") or []
    if len(clients.get("items", [])) != CLIENTS_PAGE or not clients.get("next_cursor") or len(cases) != OPEN_CASES:
        raise RuntimeError(f"the overview is not a full page: {len(clients.get('items', []))} clients, "
                           f"cursor {clients.get('next_cursor')!r}, {len(cases)} cases")


FIGURE = Figure(
    name="overview", path=PATH,
    title=f"GET {PATH} (staff: me + first {CLIENTS_PAGE} clients + first {OPEN_CASES} open cases; bearer token)",
    username=demo.AGENT_USERNAME, password=demo.AGENT_PASSWORD, roles=("admin", "agent", "salesperson"),
    seed=seed, check=check,
)


def main() -> dict:
    return run(FIGURE)


if __name__ == "__main__":
    main()
