"""The client export's own process: `python -m crm_service.export_child` reads a spec on stdin
(JSON: the database, the export's SQL already compiled by the job with its bound parameters, the
workbook's path and language), reads the rows with a server-side cursor and writes the .xlsx with
`export_workbook.write_xlsx`; it answers `{"rows", "seconds", "peak_rss_mib"}` on stdout, or exits
1 with the reason on stderr.

A large export runs here rather than in crm's worker so that the worker does not grow by what an
export touches and the memory is given back to the system when the export ends. It imports only
the driver (psycopg or sqlite3), xlsxwriter and crm's export rules: not SQLAlchemy, gRPC,
protobuf or OpenTelemetry, which alone hold ~50 MiB (`--check-imports` lists what it loads;
`test_client_exports.py` holds it lean). The spec's format is `import_export_repository.export_spec`'s:

    {"database": {"driver": "postgresql", "conninfo": "postgresql://..."} | {"driver": "sqlite", "path": "..."},
     "sql": "...", "params": {...} (psycopg: %(name)s) | [...] (sqlite3: ?),
     "date_columns": [6], "path": "/tmp/.../export.xlsx", "lang": "es"}

Parameters are JSON values, or tagged ones: {"date": "2024-05-01"}, {"datetime": "...+00:00"},
{"decimal": "1.5"}, turned here into what the driver takes (psycopg: Python objects; sqlite3: the
texts SQLAlchemy stores, as the crm models read them).
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from crm_service.domain import exports as rules
from crm_service.export_workbook import write_xlsx

BATCH = 500  # rows per fetch of the server-side cursor: 2,000 cost 3 MiB more and no time
CURSOR_NAME = "crm_client_export"
SQLITE_DATETIME = "%Y-%m-%d %H:%M:%S.%f"  # SQLAlchemy's storage format of a DateTime on SQLite
# What the child must never load (`--check-imports`): the service's runtime.
HEAVY = ("sqlalchemy", "grpc", "google", "opentelemetry", "celery", "clientarea", "clientarea_shared", "pydantic")


def decode(value: Any, driver: str) -> Any:
    """One parameter as the driver takes it."""
    if isinstance(value, list):
        return [decode(v, driver) for v in value]
    if not isinstance(value, dict):
        return value
    [(tag, text)] = value.items()
    if tag == "date":
        return date.fromisoformat(text) if driver == "postgresql" else text
    if tag == "datetime":
        moment = datetime.fromisoformat(text)
        return moment if driver == "postgresql" else moment.strftime(SQLITE_DATETIME)
    if tag == "decimal":
        return Decimal(text) if driver == "postgresql" else text
    raise ValueError(f"unknown parameter type {tag!r}")


def postgresql_rows(conninfo: str, sql: str, params: dict[str, Any]) -> Iterator[Sequence[Any]]:
    """The rows through a named (server-side) cursor, BATCH at a time, in one read transaction."""
    import psycopg

    with psycopg.connect(conninfo) as conn:
        conn.read_only = True
        with conn.cursor(name=CURSOR_NAME) as cursor:
            cursor.itersize = BATCH
            cursor.execute(sql, {k: decode(v, "postgresql") for k, v in params.items()})
            yield from cursor


def sqlite_rows(path: str, sql: str, params: list[Any], date_columns: Sequence[int]) -> Iterator[Sequence[Any]]:
    """The rows from a SQLite file (make run's database), BATCH at a time; dates are stored as
    texts, read back as dates."""
    import sqlite3

    if not Path(path).is_file():
        raise FileNotFoundError(f"no database at {path}")
    conn = sqlite3.connect(path, timeout=30)
    try:
        cursor = conn.execute(sql, [decode(v, "sqlite") for v in params])
        while batch := cursor.fetchmany(BATCH):
            for row in batch:
                if date_columns:
                    row = list(row)
                    for index in date_columns:
                        if isinstance(row[index], str):
                            row[index] = date.fromisoformat(row[index])
                yield row
    finally:
        conn.close()


def rows_of(spec: dict[str, Any]) -> Iterator[Sequence[Any]]:
    database = spec["database"]
    if database["driver"] == "postgresql":
        return postgresql_rows(database["conninfo"], spec["sql"], spec["params"])
    if database["driver"] == "sqlite":
        return sqlite_rows(database["path"], spec["sql"], spec["params"], spec.get("date_columns", ()))
    raise ValueError(f"unknown database driver {database['driver']!r}")


def export(spec: dict[str, Any]) -> dict[str, Any]:
    """Write the spec's workbook; what the job and the benchmark read back."""
    started = time.perf_counter()
    lang, row_cells, path = spec["lang"], rules.row_cells, Path(spec["path"])
    try:
        rows = write_xlsx((row_cells(row, lang) for row in rows_of(spec)), path, lang)
    except BaseException:
        path.unlink(missing_ok=True)  # xlsxwriter closes the workbook it started: no half a list
        raise
    return {"rows": rows, "seconds": round(time.perf_counter() - started, 2), "peak_rss_mib": peak_rss_mib()}


def peak_rss_mib() -> float:
    """This process's peak resident memory (VmHWM; ru_maxrss where there is no /proc)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    import resource

    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def check_imports() -> list[str]:
    """Load everything an export loads (both drivers, a workbook with a foreign phone, whose
    formatting needs phonenumbers) and list the top-level modules then in memory."""
    import sqlite3  # noqa: F401
    import tempfile

    import psycopg  # noqa: F401

    row = ("id", "person", "Nombre", "", "", "+351912345678", date(1984, 2, 29), "", "", "", False, False, False,
           False, None, None, None, None, None, None)
    with tempfile.TemporaryDirectory(prefix="crm-export-check-") as folder:
        write_xlsx([rules.row_cells(row, "es")], Path(folder) / "check.xlsx", "es")
    return sorted({name.partition(".")[0] for name in sys.modules})


def main(argv: Sequence[str]) -> int:
    if "--check-imports" in argv:
        print(json.dumps(check_imports()))
        return 0
    try:
        answer = export(json.loads(sys.stdin.read()))
    except Exception as exc:  # noqa: BLE001 - the job reads the reason on stderr
        print(f"client export failed: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(json.dumps(answer))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
