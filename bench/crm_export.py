"""crm's client export: 100,000 clients to .xlsx exactly as crm's export job writes them beside a
plain (not write-only) openpyxl workbook and a CSV file of the same rows: seconds and peak
resident memory.

The clients are crm_search's generated ones (realistic Spanish names, categories, salespeople),
plus a main address each, written with COPY into a fresh PostgreSQL database.

The headline, `xlsx_constant_memory`, is the job's path: this process compiles the export's query
as the job does (`import_export_repository.export_spec`) and runs the job's own lean process
(`run_export_child`: `python -m crm_service.export_child`, psycopg's server-side cursor,
xlsxwriter in constant-memory mode); its seconds are the wall time around that process (start
and connection included), its peak is the process's own VmHWM.

The other variants run in-process in crm's usual imports, each in a child of its own
(`python bench/crm_export.py --variant NAME --url URL --tenant ID --out FILE`, reporting its own
VmHWM, reset by the exec, so the parent's generated rows do not count): `xlsx_in_process` (the
direct download's path, `export_to_path`), `openpyxl_plain`, `csv`, and `baseline`, a child that
only imports crm's export modules and connects: the floor under those (Python with SQLAlchemy,
psycopg, grpc and crm's models is ~70 MiB before a row is read), so their peaks are also given
above that floor.

The children run from compiled bytecode, as crm does in its image (UV_COMPILE_BYTECODE=1): a
first child compiles every module the variants import into a cache of the run
(PYTHONPYCACHEPREFIX). Otherwise, in a checkout without .pyc files, each child would compile
its imports from source and its peak would count the compiler (~11 MiB more for the xlsx child).

    BENCH_EXPORT_CLIENTS=100000   how many clients
Targets: the xlsx export under 12 s with a peak under 64 MiB.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import date
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

RESULTS = BENCH / "results"
CLIENTS = int(os.environ.get("BENCH_EXPORT_CLIENTS", "100000"))
HEADLINE = "xlsx_constant_memory"  # the export job's own process
VARIANTS = ("baseline", "xlsx_in_process", "openpyxl_plain", "csv")  # in crm's process, each in a child
COMPILE = "compile"  # the child that fills the bytecode cache, not measured
TARGET_SECONDS = 12.0
TARGET_PEAK_MIB = 64.0
TOWNS = [("Madrid", "28013", "Madrid"), ("Barcelona", "08001", "Barcelona"), ("Valencia", "46002", "Valencia"),
         ("Sevilla", "41004", "Sevilla"), ("Zaragoza", "50001", "Zaragoza"), ("Málaga", "29005", "Málaga"),
         ("Bilbao", "48001", "Bizkaia"), ("A Coruña", "15001", "A Coruña")]
STREETS = ["Calle Mayor", "Avenida de la Constitución", "Calle Real", "Plaza de España", "Calle Nueva",
           "Paseo de Gracia", "Calle del Carmen", "Avenida de Andalucía"]


def generate(url: str, count: int) -> float:
    """crm_search's clients and categories, plus a main address per client (COPY)."""
    import crm_search
    import psycopg

    started = time.perf_counter()
    crm_search.generate(url, count)
    rows = []
    for n in range(count):
        client_id = str(uuid.UUID(int=(0xC11E << 96) + n))
        town, postal_code, province = TOWNS[n % len(TOWNS)]
        rows.append((str(uuid.UUID(int=(0xADD << 96) + n)), crm_search.TENANT, client_id, 0, STREETS[n % len(STREETS)],
                     str(n % 200 + 1), "", postal_code, town, province, "ES", True))
    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as conn, conn.cursor() as cursor:
        crm_search._copy(cursor, "client_addresses", ("id", "tenant_id", "client_id", "position", "street", "number",
                                                      "floor_door", "postal_code", "city", "province", "country",
                                                      "is_main"), rows)
        conn.commit()
        conn.autocommit = True
        cursor.execute("VACUUM ANALYZE client_addresses")
    return time.perf_counter() - started


# --- the variants, each run in its own process ------------------------------------------------------

def _rows(session, tenant: str, lang: str):  # noqa: ANN001, ANN202
    """The export's own query and cells, through the same server-side cursor."""
    from clientarea.crm.v1 import crm_pb2
    from crm_service.domain import exports as rules
    from crm_service.import_export_repository import BATCH, export_query

    query = export_query(session, tenant, crm_pb2.ClientSelection(), today=date.today())
    for row in session.connection().execute(query.execution_options(yield_per=BATCH)):
        yield rules.row_cells(row, lang)


def run_variant(variant: str, url: str, tenant: str, out: Path) -> dict:
    """One variant in this process. crm_search (the data's generator) is not imported here: it
    is the parent's, and crm's worker does not load it either."""
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from clientarea.crm.v1 import crm_pb2
    from crm_service.domain import exports as rules
    from crm_service.import_export_repository import export_to_path

    engine = create_engine(url)
    started = time.perf_counter()
    rows = 0
    with Session(engine) as session, session.begin():
        if variant == "xlsx_in_process":
            rows = export_to_path(session, tenant, crm_pb2.ClientSelection(), locale="es", path=out,
                                  today=date.today())
        elif variant == COMPILE:
            _compile_imports(session, tenant, out)
        elif variant == "openpyxl_plain":
            from openpyxl import Workbook

            workbook = Workbook()
            sheet = workbook.active
            sheet.append(list(rules.HEADERS["es"]))
            for cells in _rows(session, tenant, "es"):
                sheet.append(cells)
                rows += 1
            workbook.save(out)
        elif variant == "csv":
            import csv

            with out.open("w", newline="", encoding="utf-8-sig") as handle:
                writer = csv.writer(handle, delimiter=";")
                writer.writerow(rules.HEADERS["es"])
                for cells in _rows(session, tenant, "es"):
                    writer.writerow(["" if c is None else c for c in cells])
                    rows += 1
        else:
            session.connection()  # baseline: the same imports and a connection, no export
    seconds = time.perf_counter() - started
    return {"rows": rows, "seconds": round(seconds, 2), "bytes": out.stat().st_size if out.exists() else 0,
            "peak_rss_mib": peak_rss_mib()}


def _compile_imports(session, tenant: str, out: Path) -> None:  # noqa: ANN001
    """Import (so compile into the cache) what every variant imports, lazily loaded modules
    included: an export of no client, and a one-row openpyxl workbook."""
    import csv  # noqa: F401

    from openpyxl import Workbook

    from clientarea.crm.v1 import crm_pb2
    from crm_service.import_export_repository import export_to_path

    export_to_path(session, tenant, crm_pb2.ClientSelection(client_ids=[tenant]), locale="es", path=out,
                   today=date.today())
    workbook = Workbook()
    workbook.active.append(["compile", date.today()])
    workbook.save(out)


def peak_rss_mib() -> float:
    """This process's peak resident memory since its exec (VmHWM). Not wait4's ru_maxrss: that
    also counts the forked copy of the parent (holding the generated rows) before the exec."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child_env(folder: Path) -> dict[str, str]:
    """The children's environment: bytecode read from (and, by the first child, written to) the
    run's cache, whatever the checkout says (PYTHONDONTWRITEBYTECODE)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "PYTHONPYCACHEPREFIX": str(folder / "pycache")}


def measure(variant: str, url: str, folder: Path) -> dict:
    """Run one variant in a child process of its own; its seconds and peak RSS, as it reports them."""
    import crm_search

    out = folder / f"{variant}.{'csv' if variant == 'csv' else 'xlsx'}"
    child = subprocess.Popen([sys.executable, __file__, "--variant", variant, "--url", url, "--tenant",
                              crm_search.TENANT, "--out", str(out)],
                             stdout=subprocess.PIPE, cwd=BENCH.parent, env=child_env(folder))
    assert child.stdout is not None
    answer = child.stdout.read()
    if child.wait() != 0:
        raise RuntimeError(f"the {variant} export failed (exit {child.returncode})")
    return json.loads(answer)


def measure_job(url: str, folder: Path, selection: object = None) -> dict:
    """The export job's way: the query compiled here, the file written by the job's own process
    (in the run's bytecode cache, as the other children)."""
    import crm_search
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from clientarea.crm.v1 import crm_pb2
    from crm_service.import_export_repository import export_spec, run_export_child

    out = folder / f"{HEADLINE}.xlsx"
    engine = create_engine(url)
    try:
        with Session(engine) as session:
            spec = export_spec(session, crm_search.TENANT, selection or crm_pb2.ClientSelection(), locale="es",
                               path=out, today=date.today())
    finally:
        engine.dispose()
    started = time.perf_counter()
    answer = run_export_child(spec, env=child_env(folder))
    seconds = time.perf_counter() - started
    return {"rows": answer["rows"], "seconds": round(seconds, 2), "child_seconds": answer["seconds"],
            "bytes": out.stat().st_size, "peak_rss_mib": answer["peak_rss_mib"]}


def main(clients: int = CLIENTS, results: Path = RESULTS) -> dict:
    import crm_search

    from clientarea.crm.v1 import crm_pb2
    from clientarea_shared.testing import postgres_database

    with postgres_database("crm_export") as url, tempfile.TemporaryDirectory(prefix="crm-export-bench-") as tmp:
        generated = generate(url, clients)
        print(f"crm_export: {clients} clients generated in {generated:.1f} s", file=sys.stderr, flush=True)
        measure(COMPILE, url, Path(tmp))
        measure_job(url, Path(tmp), crm_pb2.ClientSelection(client_ids=[crm_search.TENANT]))  # compiles the child
        figures = {HEADLINE: measure_job(url, Path(tmp))}
        figures.update({variant: measure(variant, url, Path(tmp)) for variant in VARIANTS})
    exports = (HEADLINE, *VARIANTS[1:])
    for variant in exports:
        if figures[variant]["rows"] != clients:
            raise RuntimeError(f"the {variant} export wrote {figures[variant]['rows']} rows, not {clients}")
    floor = figures["baseline"]["peak_rss_mib"]
    for variant in VARIANTS[1:]:
        figures[variant]["above_baseline_mib"] = round(figures[variant]["peak_rss_mib"] - floor, 1)
    xlsx = figures[HEADLINE]
    report = {
        "figure": "crm_export", "clients": clients, "generate_s": round(generated, 1), **figures,
        "target_seconds": TARGET_SECONDS, "target_peak_mib": TARGET_PEAK_MIB,
        "target_seconds_met": xlsx["seconds"] < TARGET_SECONDS,
        "target_peak_met": xlsx["peak_rss_mib"] < TARGET_PEAK_MIB,
    }
    line = " | ".join(f"{v} {figures[v]['seconds']} s, peak {figures[v]['peak_rss_mib']} MiB"
                      + (f" (+{figures[v]['above_baseline_mib']})" if v != HEADLINE else " (job's process)")
                      for v in exports)
    print(f"crm_export ({clients} clients): {line} | in-process floor {floor} MiB | target < {TARGET_SECONDS:.0f} s: "
          f"{'met' if report['target_seconds_met'] else 'MISSED'}, peak < {TARGET_PEAK_MIB:.0f} MiB: "
          f"{'met' if report['target_peak_met'] else 'MISSED'}")
    results.mkdir(parents=True, exist_ok=True)
    (results / "crm_export.json").write_text(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--variant", choices=(*VARIANTS, COMPILE))
    parser.add_argument("--url")
    parser.add_argument("--tenant")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    if args.variant:
        print(json.dumps(run_variant(args.variant, args.url, args.tenant, args.out)))
    else:
        main()
