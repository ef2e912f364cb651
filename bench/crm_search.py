"""Figure: crm's combined client search (text + salesperson + birthday range + has a credit policy
+ lacks a surety policy) on 200,000 generated clients in PostgreSQL, p50/p95 of the list's answer
(first page by name and the total), beside a sequential-scan baseline of the same query in the
same run, and the same figures for the list's other everyday shapes (`SHAPES`).

A fresh database gets crm's migrations, then clients with realistic Spanish names (accents
included), documents, e-mails, phones, birthdays, salespeople, categories and portal users, and
crm's read model of policy lines (about 40% with a credit policy, some surety and home), written
with COPY, then VACUUM ANALYZE (as after any bulk load). The query is crm's own, the list's:
`search_repository.client_page` with `ListOrder` (what `ListClients` runs, less the loading of
each client's phones and addresses). The baseline runs the combined search again with index,
index-only and bitmap scans off (`SET enable_indexscan = off` and so on). Target: p95 under 50 ms
for the combined search.

    bench/run.py crm_search                       # 200,000 clients, 50 runs
    BENCH_SEARCH_CLIENTS=20000 bench/run.py crm_search
    BENCH_SEARCH_DATABASE_URL=postgresql+psycopg://postgres@127.0.0.1:5432/kept bench/run.py crm_search
        # a kept database: filled on the first run, measured as it is on the next ones
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))
from loadgen import percentile  # noqa: E402

RESULTS = BENCH / "results"
CLIENTS = int(os.environ.get("BENCH_SEARCH_CLIENTS", "200000"))
RUNS = int(os.environ.get("BENCH_SEARCH_RUNS", "50"))
KEPT_DATABASE = os.environ.get("BENCH_SEARCH_DATABASE_URL", "")
TARGET_P95_MS = 50.0
PAGE = 25
TENANT = "00000000-0000-7000-8000-00000000be4c"
SALESPEOPLE = [str(uuid.UUID(int=0xBE4C_0000 + n)) for n in range(8)]
CATEGORIES = ["VIP", "Flota de vehículos", "Comercio", "Hostelería", "Construcción", "Exportador", "Agrícola",
              "Transporte", "Moroso recuperado", "Nuevo"]
FIRST_NAMES = ["Antonio", "José", "Manuel", "Francisco", "David", "Juan", "Javier", "Daniel", "José Antonio",
               "Alejandro", "Jesús", "Miguel Ángel", "Rafael", "Pablo", "Álvaro", "Sergio", "Adrián", "Íñigo",
               "Óscar", "Rubén", "María", "Carmen", "Ana", "Isabel", "Laura", "Lucía", "Cristina", "Marta",
               "Núria", "Elena", "Sofía", "Begoña", "Raquel", "Rocío", "Inés", "Mónica", "Ángela", "Pilar",
               "Montserrat", "Iria"]
SURNAMES = ["García", "Rodríguez", "González", "Fernández", "López", "Martínez", "Sánchez", "Pérez", "Gómez",
            "Martín", "Jiménez", "Ruiz", "Hernández", "Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Alonso",
            "Gutiérrez", "Navarro", "Torres", "Domínguez", "Vázquez", "Ramos", "Gil", "Ramírez", "Serrano",
            "Blanco", "Molina", "Morales", "Suárez", "Ortega", "Delgado", "Castro", "Ortiz", "Rubio", "Marín",
            "Sanz", "Núñez", "Iglesias", "Medina", "Garrido", "Cortés", "Castillo", "Santos", "Lozano", "Guerrero",
            "Cano", "Prieto", "Méndez", "Cruz", "Calvo", "Gallego", "Vidal", "León", "Márquez", "Herrera", "Peña",
            "Cabrera", "Ibáñez", "Peñalver", "Casals", "Puig", "Soler", "Ferrer", "Etxeberria", "Fernández de Córdoba"]
COMPANY_WORDS = ["Transportes", "Construcciones", "Distribuciones", "Talleres", "Frutas", "Servicios", "Comercial",
                 "Inversiones", "Logística", "Hostelería"]
DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE"
CATEGORY_IDS = [str(uuid.UUID(int=(0xCA7 << 96) + i)) for i in range(len(CATEGORIES))]
# The combined search measured: text + salesperson + birthday range + has / lacks a line.
QUERY = dict(q="garcía", salesperson_id=SALESPEOPLE[0], birthday_from="2026-12-15", birthday_to="2027-01-31",
             has_policy_line="credit", lacks_policy_line="surety")
# The list's other everyday searches, each measured the same way (first page by name + total).
SHAPES = {
    "text_common": dict(q="garcía"),  # the commonest surname: ~10% of the clients
    "text_selective": dict(q="peñalver casals"),  # two rarer surnames: a handful
    "text_first_name": dict(q="iria"),  # a first name: its matches sort together by name
    "text_initial": dict(q="j garcía"),  # an initial (a word's first letter) and a surname
    "text_two_letters": dict(q="ga"),  # two letters: words starting with them
    "birthdays_this_week": dict(birthday_from="2026-12-21", birthday_to="2026-12-27"),
    "category_lacks_line": dict(category_ids=[CATEGORY_IDS[0]], lacks_policy_line="surety"),
    "salesperson": dict(salesperson_id=SALESPEOPLE[0]),
    "cross_selling": dict(has_policy_line="credit", lacks_policy_line="surety"),  # a third of the firm
    "portal_users": dict(portal_user=1),  # TRISTATE_YES
    "everyone": dict(),  # the list as it opens
}


def _weighted(rng: random.Random, names: list[str]) -> str:
    """The first names of the lists more often, as in Spain's register (García, the commonest
    surname, is about 5% of the surnames here; about 3% in INE's figures)."""
    return rng.choices(names, weights=[1 / (i + 8) for i in range(len(names))])[0]


def client_rows(count: int, seed: int = 2026):  # noqa: ANN201
    """(client row, category ids, policy lines) per generated client, reproducibly."""
    from clientarea_shared.text import normalise_text

    rng = random.Random(seed)
    created = datetime(2020, 1, 1, tzinfo=UTC)
    for n in range(count):
        client_id = str(uuid.UUID(int=(0xC11E << 96) + n))
        if rng.random() < 0.85:
            kind, first = "person", _weighted(rng, FIRST_NAMES)
            last = f"{_weighted(rng, SURNAMES)} {_weighted(rng, SURNAMES)}"
            display, legal = f"{first} {last}", ""
            digits = 10_000_000 + n
            tax_id = f"{digits}{DNI_LETTERS[digits % 23]}"
        else:
            kind, first, last = "company", "", ""
            legal = f"{rng.choice(COMPANY_WORDS)} {_weighted(rng, SURNAMES)} {n % 997} S.L."
            display, tax_id = legal, f"B{60_000_000 + n}"
        email = f"{normalise_text(display).replace(' ', '.')[:40]}.{n}@correo.test"
        phone = f"+346{rng.randrange(10_000_000, 99_999_999)}"
        birth = date(1940, 1, 1) + timedelta(days=rng.randrange(0, 365 * 65)) if rng.random() < 0.9 else None
        alerts = [rng.random() < 0.3 for _ in range(4)]
        search_text = normalise_text(" ".join([display, tax_id, email, phone.lstrip("+")]))
        row = (client_id, TENANT, kind, first, last, legal, display, search_text, "es_dni" if kind == "person"
               else "es_cif", tax_id, email, phone, birth, "es", created + timedelta(minutes=n),
               rng.choice(SALESPEOPLE), *alerts, normalise_text(display)[:250],
               birth.month * 100 + birth.day if birth else None)
        categories = rng.sample(range(len(CATEGORIES)), rng.choice((0, 0, 1, 1, 2)))
        lines = [line for line, share in (("credit", 0.4), ("surety", 0.15), ("home", 0.1)) if rng.random() < share]
        # One client in nine has a portal user (not drawn from rng: the other columns stay as they were).
        portal_user = str(uuid.UUID(int=(0x9047 << 96) + n)) if n % 9 == 4 else None
        yield (*row, portal_user), categories, lines


CLIENT_COLUMNS = ("id", "tenant_id", "kind", "first_name", "last_name", "legal_name", "display_name", "search_text",
                  "tax_id_type", "tax_id", "email", "phone", "birth_date", "locale", "created_at", "salesperson_id",
                  "alert_email_collections", "alert_email_renewals", "alert_sms_collections", "alert_sms_renewals",
                  "sort_name", "birthday_key", "portal_user_id")


def _copy(cursor, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:  # noqa: ANN001
    with cursor.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for row in rows:
            copy.write_row(row)


def generate(url: str, count: int) -> float:
    """Migrate the database and fill it; returns the seconds it took."""
    import psycopg

    from clientarea_shared import migrate

    started = time.perf_counter()
    migrate.upgrade("crm_service", url)
    now = datetime.now(UTC)
    category_ids = CATEGORY_IDS
    clients, links, lines = [], [], []
    for row, categories, policy_lines in client_rows(count):
        clients.append(row + (now, "", ""))
        links.extend((row[0], category_ids[c]) for c in categories)
        lines.extend((str(uuid.uuid4()), TENANT, row[0], line, "active", None, now) for line in policy_lines)
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn, conn.cursor() as cursor:
        _copy(cursor, "client_categories", ("id", "tenant_id", "name", "name_key", "created_at"),
              [(i, TENANT, n, n.lower(), now) for i, n in zip(category_ids, CATEGORIES, strict=True)])
        _copy(cursor, "clients", (*CLIENT_COLUMNS, "updated_at", "trade_name", "salesperson_name"), clients)
        _copy(cursor, "client_category_links", ("client_id", "category_id"), links)
        _copy(cursor, "client_policy_lines", ("policy_id", "tenant_id", "client_id", "line", "status", "ends_on",
                                              "saved_at"), lines)
        conn.commit()
        conn.autocommit = True
        cursor.execute("VACUUM ANALYZE")
    return time.perf_counter() - started


def _one_search(session, today: date, query: dict) -> tuple[list[str], int]:  # noqa: ANN001
    """The list's answer as crm computes it: the first page by name and the total."""
    from clientarea.crm.v1 import crm_pb2
    from crm_service.search_repository import ListOrder, client_page

    found = client_page(session, TENANT, crm_pb2.ClientFilter(**query), ListOrder("name", today, ""), PAGE,
                        today=today)
    return [c.id for c in found.rows], found.total


def measure(url: str, runs: int, *, sequential: bool, query: dict = QUERY) -> dict:
    """p50 / p95 / max of `runs` searches after three warm-up ones, on one connection as a
    service's pooled one (psycopg prepares a statement run five times: generic plans count)."""
    from sqlalchemy import create_engine, text
    from sqlalchemy.orm import Session

    engine = create_engine(url)
    today = date(2026, 12, 20)
    timings, answer = [], None
    try:
        with Session(engine) as session:
            if sequential:
                for kind in ("indexscan", "indexonlyscan", "bitmapscan"):
                    session.execute(text(f"SET enable_{kind} = off"))
            for n in range(runs + 3):  # three warm-up runs, not counted
                started = time.perf_counter()
                answer = _one_search(session, today, query)
                session.expunge_all()
                if n >= 3:
                    timings.append((time.perf_counter() - started) * 1000)
    finally:
        engine.dispose()
    assert answer is not None
    return {"p50_ms": round(percentile(timings, 50), 2), "p95_ms": round(percentile(timings, 95), 2),
            "max_ms": round(max(timings), 2), "matches": answer[1], "first_page": answer[0]}


def _filled(url: str, count: int) -> bool:
    """Whether a kept database already holds the generated clients."""
    from sqlalchemy import create_engine, inspect, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            if not inspect(conn).has_table("clients"):
                return False
            return conn.scalar(text("SELECT count(*) FROM clients WHERE tenant_id = :t"), {"t": TENANT}) == count
    finally:
        engine.dispose()


def _load_average() -> float | None:
    try:
        return round(os.getloadavg()[0], 2)
    except OSError:
        return None


@contextmanager
def _database(clients: int, kept_url: str) -> Iterator[tuple[str, float | None]]:
    """(url, seconds spent generating, None when a kept database was already filled)."""
    from clientarea_shared.testing import postgres_database

    if kept_url:
        yield kept_url, None if _filled(kept_url, clients) else generate(kept_url, clients)
        return
    with postgres_database("crm_search") as url:
        yield url, generate(url, clients)


def _without_page(figures: dict) -> dict:
    return {k: v for k, v in figures.items() if k != "first_page"}


def main(clients: int = CLIENTS, runs: int = RUNS, results: Path = RESULTS, kept_url: str = KEPT_DATABASE) -> dict:
    with _database(clients, kept_url) as (url, generated):
        if generated is not None:
            print(f"crm_search: {clients} clients generated in {generated:.1f} s", file=sys.stderr, flush=True)
        load_before = _load_average()
        indexed = measure(url, runs, sequential=False)
        sequential = measure(url, runs, sequential=True)
        shapes = {name: {"query": query, **_without_page(measure(url, runs, sequential=False, query=query))}
                  for name, query in SHAPES.items()}
    if indexed["first_page"] != sequential["first_page"] or indexed["matches"] != sequential["matches"]:
        raise RuntimeError("the sequential-scan baseline answered other clients than the indexed search")
    report = {
        "figure": "crm_search", "clients": clients, "runs": runs,
        "generate_s": round(generated, 1) if generated is not None else None,
        "query": QUERY, "page": PAGE, "matches": indexed["matches"],
        "indexed": _without_page(indexed), "sequential_scan": _without_page(sequential),
        "target_p95_ms": TARGET_P95_MS, "target_met": indexed["p95_ms"] < TARGET_P95_MS,
        "shapes": shapes, "load_average": {"before": load_before, "after": _load_average()},
    }
    print(f"crm_search ({clients} clients, {indexed['matches']} matches): indexed p50 {indexed['p50_ms']} ms, "
          f"p95 {indexed['p95_ms']} ms | sequential scan p50 {sequential['p50_ms']} ms, "
          f"p95 {sequential['p95_ms']} ms | target p95 < {TARGET_P95_MS:.0f} ms: "
          f"{'met' if report['target_met'] else 'MISSED'}")
    for name, figures in shapes.items():
        print(f"  {name:<22} {figures['matches']:>7} matches: p50 {figures['p50_ms']} ms, p95 {figures['p95_ms']} ms")
    print(f"  load average (1 min) {report['load_average']['before']} before, {report['load_average']['after']} after")
    results.mkdir(parents=True, exist_ok=True)
    (results / "crm_search.json").write_text(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
