"""Client exports over gRPC on PostgreSQL: the selection (ids picked or the filter's matches) as
an .xlsx read back with openpyxl, headers in the caller's language and birthdays as dates; large
selections as a job run by crm's real Celery worker, downloaded in chunks by its requester or the
firm's admins only; firms kept apart; bad filters refused."""

from __future__ import annotations

import io
import secrets
import zipfile
from datetime import date, datetime, timedelta

import grpc
import openpyxl
import pytest
from sqlalchemy import select

from clientarea.crm.v1 import crm_pb2
from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea.notification.v1 import notification_pb2, notification_pb2_grpc
from clientarea_shared import demo
from clientarea_shared.testing import bearer, field_errors, wait_until

from .conftest import ADMIN_ID, AGENT_ID, nif

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def crm_worker(platform):
    """crm's real Celery worker (its spec's own factory) on the run's RabbitMQ vhost."""
    from celery.contrib.testing.worker import start_worker

    runtime = platform.services["crm"].runtime
    with start_worker(runtime.spec.celery(runtime), pool="threads", concurrency=1, perform_ping_check=False,
                      queues=["crm.tasks"], shutdown_timeout=60):
        yield


def a_person(crm, metadata, last_name: str, **fields) -> crm_pb2.Client:
    values = dict(kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Marina", last_name=last_name, tax_id=nif(),
                  email="marina@correo.test", phones=[crm_pb2.Phone(label="mobile", number="612 345 678")],
                  addresses=[crm_pb2.ClientAddress(street="Calle Mayor", number="5", floor_door="3º B",
                                                   postal_code="28013", city="Madrid", province="Madrid")],
                  birth_date="1984-02-29")
    return crm.CreateClient(crm_pb2.CreateClientRequest(**{**values, **fields}), metadata=metadata)


def sheet_rows(content: bytes) -> list[list[object]]:
    workbook = openpyxl.load_workbook(io.BytesIO(content), read_only=True)
    return [list(row) for row in workbook.worksheets[0].iter_rows(values_only=True)]


def by_ids(*clients: crm_pb2.Client) -> crm_pb2.ClientSelection:
    return crm_pb2.ClientSelection(client_ids=[c.id for c in clients])


def export(crm, metadata, selection: crm_pb2.ClientSelection, locale: str = "es") -> crm_pb2.FileChunk:
    return crm.ExportClients(crm_pb2.ExportClientsRequest(selection=selection, locale=locale), metadata=metadata)


def test_picked_clients_are_exported_with_headers_dates_and_every_column(crm, staff):
    vip = crm.CreateCategory(crm_pb2.CreateCategoryRequest(name=f"Exportables {secrets.token_hex(3)}"),
                             metadata=staff)
    first = a_person(crm, staff, "Abad Soler", category_ids=[vip.id], salesperson_id=AGENT_ID,
                     alerts=crm_pb2.Alerts(email_collections=True, sms_renewals=True))
    second = a_person(crm, staff, "Zubiri Vidal", birth_date="", addresses=[])
    exported = export(crm, staff, by_ids(second, first))
    assert exported.file_name.endswith(".xlsx") and exported.total_size == len(exported.content)
    rows = sheet_rows(exported.content)
    assert rows[0] == ["Tipo", "Nombre", "NIF/CIF", "Email", "Teléfono", "Fecha de nacimiento",
                       "Dirección principal", "Código postal", "Población", "Categorías", "Comercial",
                       "Usuario del portal", "Alertas"]
    assert rows[1] == ["Persona", "Marina Abad Soler", first.tax_id.number, "marina@correo.test", "612 34 56 78",
                       datetime(1984, 2, 29), "Calle Mayor 5 3º B", "28013", "Madrid", vip.name, "Marta Agente",
                       "No", "email_collections, sms_renewals"]
    assert rows[2][:2] == ["Persona", "Marina Zubiri Vidal"] and rows[2][5] is None and rows[2][6] is None
    assert len(rows) == 3


def test_the_filters_matches_are_exported_in_the_callers_language(crm, staff):
    token = secrets.token_hex(4)
    a_person(crm, staff, f"Filtrada{token} Uno")
    a_person(crm, staff, f"Filtrada{token} Dos")
    selection = crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(q=f"filtrada{token}"))
    rows = sheet_rows(export(crm, staff, selection, "en").content)
    assert rows[0][:3] == ["Kind", "Name", "Tax ID"]
    assert sorted(r[1] for r in rows[1:]) == [f"Marina Filtrada{token} Dos", f"Marina Filtrada{token} Uno"]
    assert crm.CountClientSelection(crm_pb2.CountClientSelectionRequest(selection=selection),
                                    metadata=staff).count == 2


def test_another_firms_clients_are_never_exported(crm, staff, other_firm):
    theirs = a_person(crm, other_firm, "De Otra Firma")
    mine = a_person(crm, staff, "De Mi Firma")
    rows = sheet_rows(export(crm, staff, by_ids(theirs, mine)).content)
    assert [r[1] for r in rows[1:]] == ["Marina De Mi Firma"]


def test_a_bad_filter_is_refused_field_by_field(crm, staff):
    selection = crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(birthday_from="2024-05-10",
                                                                    birthday_to="2024-05-01"))
    with pytest.raises(grpc.RpcError) as refused:
        export(crm, staff, selection)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(refused.value) == {"filter.birthday_to": "before_from"}
    with pytest.raises(grpc.RpcError) as job:
        crm.StartClientExport(crm_pb2.ExportClientsRequest(selection=selection), metadata=staff)
    assert field_errors(job.value) == {"filter.birthday_to": "before_from"}


def test_customers_cannot_export(crm, customer_token):
    with pytest.raises(grpc.RpcError) as refused:
        export(crm, bearer(customer_token), crm_pb2.ClientSelection())
    assert refused.value.code() == grpc.StatusCode.PERMISSION_DENIED


def test_a_selection_over_the_direct_limit_must_be_a_job(crm, staff, monkeypatch):
    clients = [a_person(crm, staff, f"Limite {n}") for n in range(3)]
    monkeypatch.setenv("CRM_EXPORT_DIRECT_LIMIT", "2")
    with pytest.raises(grpc.RpcError) as refused:
        export(crm, staff, by_ids(*clients))
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    counted = crm.CountClientSelection(crm_pb2.CountClientSelectionRequest(selection=by_ids(*clients)),
                                       metadata=staff)
    assert (counted.count, counted.direct_limit) == (3, 2)


def download(crm, metadata, export_id: str) -> bytes:
    content, offset = b"", 0
    while True:
        chunk = crm.DownloadClientExport(crm_pb2.DownloadClientExportRequest(id=export_id, offset=offset),
                                         metadata=metadata)
        content += chunk.content
        if chunk.next_offset >= chunk.total_size:
            return content
        offset = chunk.next_offset


def ready_events(platform, export_id: str) -> list[crm_pb2.ClientExportReady]:
    from crm_service.models import PLUMBING

    with platform.services["crm"].runtime.db.read() as session:
        bodies = session.scalars(select(PLUMBING.outbox.c.body).where(
            PLUMBING.outbox.c.routing_key == "crm.client_export_ready").order_by(PLUMBING.outbox.c.id))
        events = []
        for body in bodies:
            payload = crm_pb2.ClientExportReady()
            EventEnvelope.FromString(body).payload.Unpack(payload)
            if payload.export_id == export_id:
                events.append(payload)
        return events


def test_a_job_exports_in_the_background_for_its_requester_and_the_firms_admins(crm, staff, admin, other_firm,
                                                                                crm_worker, platform):
    token = secrets.token_hex(4)
    for n in range(3):
        a_person(crm, staff, f"Trabajo{token} {n}")
    selection = crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(q=f"trabajo{token}"))
    job = crm.StartClientExport(crm_pb2.ExportClientsRequest(selection=selection, locale="pt"), metadata=staff)
    assert job.status in ("queued", "running", "done")
    done = wait_until(lambda: (lambda j: j if j.status in ("done", "failed") else None)(
        crm.GetClientExport(crm_pb2.GetClientExportRequest(id=job.id), metadata=staff)), 60, "the export job")
    assert (done.status, done.rows, done.error) == ("done", 3, "")
    assert job.id in [j.id for j in crm.ListClientExports(crm_pb2.ListClientExportsRequest(), metadata=staff).items]
    rows = sheet_rows(download(crm, staff, job.id))
    assert rows[0][0] == "Tipo" and rows[0][1] == "Nome" and len(rows) == 4
    assert sheet_rows(download(crm, admin, job.id)) == rows
    # The requester is told in the app, in the export's language, with the link to their exports.
    notices = platform.stub("notification", notification_pb2_grpc.NotificationServiceStub)
    notice = wait_until(lambda: next((n for n in notices.ListNotifications(
        notification_pb2.ListNotificationsRequest(), metadata=staff).items
        if n.title == "A sua exportação de clientes está pronta" and done.file_name in n.body), None), 30,
        "the export's notice")
    assert "3 clientes" in notice.body and "/app/clients/exports" in notice.body and not notice.read
    for outsider in (other_firm,):
        with pytest.raises(grpc.RpcError) as hidden:
            crm.GetClientExport(crm_pb2.GetClientExportRequest(id=job.id), metadata=outsider)
        assert hidden.value.code() == grpc.StatusCode.NOT_FOUND


def test_only_the_requester_and_admins_see_a_job(crm, staff, admin, platform):
    """The admin's job is not the agent's: a colleague without the admin role gets a 404."""
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import run_export

    mine = a_person(crm, admin, "Del Admin")
    job = crm.StartClientExport(crm_pb2.ExportClientsRequest(selection=by_ids(mine)), metadata=admin)
    runtime = platform.services["crm"].runtime
    assert run_export(runtime.db, blob_store(runtime), job.id) in ("done",)  # or already run by a worker
    with pytest.raises(grpc.RpcError) as hidden:
        download(crm, staff, job.id)
    assert hidden.value.code() == grpc.StatusCode.NOT_FOUND
    assert len(sheet_rows(download(crm, admin, job.id))) == 2
    # One event for the job, to its requester, whoever ran it first (a second run does nothing).
    assert run_export(runtime.db, blob_store(runtime), job.id) == "done"
    [event] = ready_events(platform, job.id)
    assert (event.user_id, event.locale, event.rows) == (ADMIN_ID, "es", 1)
    assert event.file_name.startswith("clientes-") and event.expires_at


def test_a_failed_job_tells_nobody(crm, admin, platform):
    """A job that cannot be written fails (recorded on the job) and sends no notice. The job is
    put straight in the table (not queued: no worker races the test), filtered on a category the
    firm no longer has."""
    from clientarea_shared.db import new_id, utcnow
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import EXPORT_TTL, run_export
    from crm_service.models import ClientExport

    runtime = platform.services["crm"].runtime
    now, job_id = utcnow(), new_id()
    selection = '{"filter": {"categoryIds": ["00000000-0000-7000-8000-0000000000ff"]}}'
    with runtime.db.session() as session:
        session.add(ClientExport(id=job_id, tenant_id=demo.TENANT_ID, requested_by=ADMIN_ID, selection=selection,
                                 locale="es", status="queued", rows=0, error="", created_at=now,
                                 expires_at=now + EXPORT_TTL))
    assert run_export(runtime.db, blob_store(runtime), job_id) == "failed"
    assert ready_events(platform, job_id) == []
    failed = crm.GetClientExport(crm_pb2.GetClientExportRequest(id=job_id), metadata=admin)
    assert (failed.status, failed.rows) == ("failed", 0) and failed.error


# --- clean-up of expired files ------------------------------------------------------------------

def expire(runtime, export_id: str) -> str:
    """Move a job's expiry into the past, as if three days had gone by; its blob key."""
    from clientarea_shared.db import utcnow
    from crm_service.models import ClientExport

    with runtime.db.session() as session:
        job = session.get(ClientExport, export_id)
        job.expires_at = utcnow() - timedelta(minutes=1)
        return job.blob_key


def finished_job(crm, metadata, runtime, last_name: str) -> crm_pb2.ClientExport:
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import run_export

    job = crm.StartClientExport(crm_pb2.ExportClientsRequest(selection=by_ids(a_person(crm, metadata, last_name))),
                                metadata=metadata)
    run_export(runtime.db, blob_store(runtime), job.id)
    return job


def test_the_clean_up_removes_expired_files_and_keeps_the_jobs(crm, admin, platform):
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import clean_expired

    runtime = platform.services["crm"].runtime
    blobs = blob_store(runtime)
    old, fresh = finished_job(crm, admin, runtime, "Caducada"), finished_job(crm, admin, runtime, "Vigente")
    key = expire(runtime, old.id)
    assert blobs.stat(key) is not None

    assert clean_expired(runtime.db, blobs) >= 1
    assert blobs.stat(key) is None
    assert crm.GetClientExport(crm_pb2.GetClientExportRequest(id=old.id), metadata=admin).status == "expired"
    with pytest.raises(grpc.RpcError) as gone:
        download(crm, admin, old.id)
    assert gone.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert len(sheet_rows(download(crm, admin, fresh.id))) == 2  # not expired: kept
    assert clean_expired(runtime.db, blobs) == 0  # nothing left to do


def test_the_clean_up_loop_runs_the_job_until_stopped(crm, admin, platform):
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import ExportCleanup

    runtime = platform.services["crm"].runtime
    blobs = blob_store(runtime)
    key = expire(runtime, finished_job(crm, admin, runtime, "Bucle").id)
    loop = ExportCleanup(runtime.db, blobs, interval_seconds=0.05)
    loop.start()
    try:
        wait_until(lambda: blobs.stat(key) is None, 10, "the loop to remove the expired file")
    finally:
        loop.stop()
    assert not loop._thread.is_alive()


@pytest.mark.parametrize("number", ["+34612345678", "+34712345678", "+34976123456", "+34812345678", "+34900123456",
                                    "+34800123456", "+34512345678", "+351912345678", "+441632960961", ""])
def test_the_exports_phone_shortcut_reads_as_the_client_page_does(number):
    from crm_service.domain.clients import format_phone
    from crm_service.domain.exports import phone_text

    assert phone_text(number) == format_phone(number)


# --- the workbook's fast rows -----------------------------------------------------------------

TRICKY_ROWS = [
    ["Persona", "García Pérez, Lucía", "12345678Z", "lucia_garcia@correo.test", "612 34 56 78", date(1984, 2, 29),
     "Calle Mayor 5 3º B", "28013", "Madrid", "Oro, VIP", "Marta Agente", "Sí", "email_collections, sms_renewals"],
    ["Empresa", "Hierros & Aceros <Norte>", None, "", "", None, " con espacio", "trailing ", "tab\tinside",
     "line\nbreak", "\x01control", "literal _x0041_ escape", "emoji 🎉 ok"],
    ["Persona", "Antigua", "", "", "", date(1900, 1, 15), "", "", "", "", "", "No", ""],
    ["Persona", "Antes del día que no fue", "", "", "", date(1900, 2, 28), "", "", "", "", "", "No", ""],
    ["Persona", "Después del día que no fue", "", "", "", date(1900, 3, 1), "", "", "", "", "", "No", ""],
    ["", "", None, "", "", None, "", "", "", "", "", "", ""],  # an empty row
    ["Consorcio", "x" * 20_000, "", "", "", date(2026, 11, 23), "", "", "", "", "", "No", ""],
    ["Persona", "Después de las raras", "", "", "+351 912 345 678", date(1999, 12, 31), "", "", "", "", "", "No",
     "email_renewals"],
]


def reference_xlsx(rows, path, lang: str) -> None:
    """The same workbook written cell by cell with xlsxwriter's own methods only."""
    import xlsxwriter

    from crm_service.domain import exports as rules

    workbook = xlsxwriter.Workbook(str(path), {"constant_memory": True, "tmpdir": str(path.parent)})
    sheet = workbook.add_worksheet("Clientes")
    bold = workbook.add_format({"bold": True})
    day = workbook.add_format({"num_format": "dd/mm/yyyy" if lang != "en" else "yyyy-mm-dd"})
    for index, width in enumerate(rules.WIDTHS):
        sheet.set_column(index, index, width)
    sheet.write_row(0, 0, rules.HEADERS[lang], bold)
    for row, cells in enumerate(rows, start=1):
        for column, value in enumerate(cells):
            if isinstance(value, date):
                sheet.write_datetime(row, column, value, day)
            elif value:
                sheet.write_string(row, column, value)
    sheet.autofilter(0, 0, len(rows), len(rules.COLUMNS) - 1)
    sheet.freeze_panes(1, 0)
    workbook.close()


def sheet_xml(path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("xl/worksheets/sheet1.xml")


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_fast_rows_are_byte_for_byte_what_xlsxwriter_writes(tmp_path, lang):
    """Plain rows are written directly, the others by xlsxwriter: escapes, surrounding spaces,
    control characters, a literal _xHHHH_, a text over Excel's cap, dates before March 1900 (around
    Excel's 29 February 1900 that never was)."""
    from crm_service.export_workbook import write_xlsx

    (tmp_path / "fast").mkdir()
    (tmp_path / "reference").mkdir()
    assert write_xlsx(iter(TRICKY_ROWS), tmp_path / "fast" / "out.xlsx", lang) == len(TRICKY_ROWS)
    reference_xlsx(TRICKY_ROWS, tmp_path / "reference" / "out.xlsx", lang)
    assert sheet_xml(tmp_path / "fast" / "out.xlsx") == sheet_xml(tmp_path / "reference" / "out.xlsx")
    rows = [list(r) for r in openpyxl.load_workbook(tmp_path / "fast" / "out.xlsx").worksheets[0].iter_rows(
        values_only=True)]
    assert rows[1][1] == "García Pérez, Lucía" and rows[1][5] == datetime(1984, 2, 29)
    assert rows[2][1] == "Hierros & Aceros <Norte>" and rows[2][6] == " con espacio" and rows[2][9] == "line\nbreak"


def test_a_workbook_of_no_client_has_the_header_only(tmp_path):
    from crm_service.domain import exports as rules
    from crm_service.export_workbook import write_xlsx

    assert write_xlsx(iter([]), tmp_path / "out.xlsx", "ca") == 0
    assert sheet_rows((tmp_path / "out.xlsx").read_bytes()) == [list(rules.HEADERS["ca"])]


# --- the job's export process (crm_service.export_child) ----------------------------------------

def job_in_table(runtime, selection: crm_pb2.ClientSelection, locale: str = "es") -> str:
    """A queued job put straight in the table (not queued on the broker: no worker races the test)."""
    from google.protobuf import json_format

    from clientarea_shared.db import new_id, utcnow
    from crm_service.handlers.exports import EXPORT_TTL
    from crm_service.models import ClientExport

    now, job_id = utcnow(), new_id()
    with runtime.db.session() as session:
        session.add(ClientExport(id=job_id, tenant_id=demo.TENANT_ID, requested_by=ADMIN_ID,
                                 selection=json_format.MessageToJson(selection, indent=None), locale=locale,
                                 status="queued", rows=0, error="", created_at=now, expires_at=now + EXPORT_TTL))
    return job_id


def test_the_jobs_process_writes_the_workbook_the_direct_download_does(crm, admin, platform):
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import run_export

    vip = crm.CreateCategory(crm_pb2.CreateCategoryRequest(name=f"Proceso {secrets.token_hex(3)}"), metadata=admin)
    clients = [
        a_person(crm, admin, "Abad & Soler", category_ids=[vip.id], salesperson_id=AGENT_ID,
                 alerts=crm_pb2.Alerts(email_renewals=True, sms_collections=True)),
        a_person(crm, admin, "Da Silva", phones=[crm_pb2.Phone(label="mobile", number="+351 912 345 678")],
                 birth_date="1950-12-31", addresses=[]),
        a_person(crm, admin, "Sin Fecha", birth_date=""),
    ]
    runtime = platform.services["crm"].runtime
    for locale in ("es", "en"):
        job_id = job_in_table(runtime, by_ids(*clients), locale)
        assert run_export(runtime.db, blob_store(runtime), job_id) == "done"
        rows = sheet_rows(download(crm, admin, job_id))
        assert rows == sheet_rows(export(crm, admin, by_ids(*clients), locale).content)
        assert len(rows) == 4 and "+351 912 345 678" in rows[2] and rows[2][5] == datetime(1950, 12, 31)


def test_the_export_process_loads_neither_sqlalchemy_grpc_protobuf_nor_opentelemetry():
    import json
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "crm_service.export_child", "--check-imports"],
                          capture_output=True, text=True, check=True)
    loaded = set(json.loads(done.stdout))
    assert {"psycopg", "sqlite3", "xlsxwriter", "crm_service", "phonenumbers"} <= loaded
    assert loaded.isdisjoint({"sqlalchemy", "grpc", "google", "opentelemetry", "celery", "clientarea",
                              "clientarea_shared", "pydantic"})


def a_spec(runtime, tmp_path, selection: crm_pb2.ClientSelection) -> dict:
    from crm_service.import_export_repository import export_spec

    with runtime.db.read() as session:
        return export_spec(session, demo.TENANT_ID, selection, locale="es", path=tmp_path / "out.xlsx",
                           today=date.today())


def test_the_export_process_fails_with_its_reason_on_a_bad_path_or_broken_sql(platform, tmp_path):
    from crm_service.import_export_repository import ExportChildError, run_export_child

    runtime = platform.services["crm"].runtime
    spec = a_spec(runtime, tmp_path, crm_pb2.ClientSelection())
    with pytest.raises(ExportChildError, match="client export failed: .*no-such-folder"):
        run_export_child({**spec, "path": str(tmp_path / "no-such-folder" / "out.xlsx")})
    with pytest.raises(ExportChildError, match="client export failed: UndefinedTable: .*no_such_table"):
        run_export_child({**spec, "sql": "SELECT * FROM no_such_table", "params": {}})
    assert not (tmp_path / "out.xlsx").exists()


def test_a_job_whose_export_process_fails_is_recorded_failed_and_tells_nobody(crm, admin, platform, monkeypatch):
    from crm_service.blobs import blob_store
    from crm_service.handlers import exports as handlers
    from crm_service.import_export_repository import export_spec

    def broken_spec(*args, **kwargs):
        return {**export_spec(*args, **kwargs), "sql": "SELECT * FROM no_such_table", "params": {}}

    runtime = platform.services["crm"].runtime
    job_id = job_in_table(runtime, by_ids(a_person(crm, admin, "Fallida")))
    monkeypatch.setattr(handlers, "export_spec", broken_spec)
    assert handlers.run_export(runtime.db, blob_store(runtime), job_id) == "failed"
    failed = crm.GetClientExport(crm_pb2.GetClientExportRequest(id=job_id), metadata=admin)
    assert (failed.status, failed.rows, failed.error) == ("failed", 0, "ExportChildError")
    assert ready_events(platform, job_id) == []


def dated_query(session, tenant_id: str, selection: crm_pb2.ClientSelection):
    """The export's query narrowed by a date and a timestamp, to bind both kinds of parameter."""
    from sqlalchemy import select

    from clientarea_shared.db import utcnow
    from crm_service.import_export_repository import export_query
    from crm_service.models import Client

    exported = export_query(session, tenant_id, selection, today=date.today()).subquery()
    return (select(exported)
            .where(exported.c.birth_date == date(1984, 2, 29),
                   exported.c.id.in_(select(Client.id).where(Client.created_at <= utcnow())))
            .order_by(exported.c.display_name))


def test_dates_and_timestamps_are_bound_as_parameters_not_written_into_the_sql(crm, admin, platform, tmp_path):
    from crm_service.import_export_repository import compiled_spec, run_export_child

    runtime = platform.services["crm"].runtime
    born, unborn = a_person(crm, admin, "Bisiesta"), a_person(crm, admin, "Otra Fecha", birth_date="1990-01-01")
    with runtime.db.read() as session:
        spec = compiled_spec(session, dated_query(session, demo.TENANT_ID, by_ids(born, unborn)), lang="es",
                             path=tmp_path / "out.xlsx")
    assert "1984" not in spec["sql"] and {"date": "1984-02-29"} in spec["params"].values()
    assert any(isinstance(v, dict) and "datetime" in v for v in spec["params"].values())
    assert run_export_child(spec)["rows"] == 1
    assert [r[1] for r in sheet_rows((tmp_path / "out.xlsx").read_bytes())[1:]] == ["Marina Bisiesta"]


# --- the export process on SQLite (make run's database) ---------------------------------------

@pytest.fixture()
def sqlite_crm(tmp_path):
    """A crm database in a SQLite file, as make run keeps it, with three clients of one firm."""
    from clientarea_shared.db import Database, utcnow
    from crm_service.models import Base, Category, Client, ClientAddress, client_category_links

    db = Database(f"sqlite:///{tmp_path / 'crm.db'}")
    Base.metadata.create_all(db.engine)
    now, tenant = utcnow(), "00000000-0000-7000-8000-00000000000a"
    people = [("c1", "Zoe Ibáñez", "+34612345678", date(1984, 2, 29)),
              ("c2", "Álvaro Núñez", "+351912345678", None),
              ("c3", "Bea Ruiz", "", date(1990, 5, 5))]
    with db.session() as session:
        for client_id, name, phone, born in people:
            session.add(Client(id=client_id, tenant_id=tenant, kind="person", display_name=name,
                               search_text=name.lower(), tax_id_type="nif", tax_id=f"{client_id}X", phone=phone,
                               birth_date=born, created_at=now, updated_at=now, alert_sms_renewals=client_id == "c1"))
        session.add(ClientAddress(id="a1", tenant_id=tenant, client_id="c1", position=0, street="Calle Mayor",
                                  number="5", postal_code="28013", city="Madrid", is_main=True))
        session.add_all([Category(id="k1", tenant_id=tenant, name="VIP", name_key="vip", created_at=now),
                         Category(id="k2", tenant_id=tenant, name="Flota", name_key="flota", created_at=now)])
        session.flush()
        session.execute(client_category_links.insert(), [{"client_id": "c1", "category_id": "k1"},
                                                         {"client_id": "c1", "category_id": "k2"}])
    yield db, tenant
    db.dispose()


@pytest.mark.parametrize("selection", [
    crm_pb2.ClientSelection(client_ids=["c1", "c2", "c3", "not-ours"]),
    crm_pb2.ClientSelection(filter=crm_pb2.ClientFilter(birthday_from="2024-02-01", birthday_to="2024-05-31")),
], ids=["picked", "birthday-filter"])
def test_the_export_process_reads_a_sqlite_database_as_crm_does(sqlite_crm, tmp_path, selection):
    from crm_service.import_export_repository import export_spec, export_to_path, run_export_child

    db, tenant = sqlite_crm
    with db.read() as session:
        spec = export_spec(session, tenant, selection, locale="es", path=tmp_path / "child.xlsx", today=date.today())
    assert spec["database"] == {"driver": "sqlite", "path": str(tmp_path / "crm.db")}
    answer = run_export_child(spec)
    with db.session() as session:
        in_process = export_to_path(session, tenant, selection, locale="es", path=tmp_path / "in-process.xlsx",
                                    today=date.today())
    rows = sheet_rows((tmp_path / "child.xlsx").read_bytes())
    assert answer["rows"] == in_process == len(rows) - 1 and answer["peak_rss_mib"] > 0
    assert rows == sheet_rows((tmp_path / "in-process.xlsx").read_bytes())
    zoe = next(r for r in rows if r[1] == "Zoe Ibáñez")
    assert zoe[4:10] == ["612 34 56 78", datetime(1984, 2, 29), "Calle Mayor 5", "28013", "Madrid", "Flota, VIP"]
    assert zoe[12] == "sms_renewals"


def test_the_export_process_refuses_a_missing_sqlite_file(sqlite_crm, tmp_path):
    from crm_service.import_export_repository import ExportChildError, export_spec, run_export_child

    db, tenant = sqlite_crm
    with db.read() as session:
        spec = export_spec(session, tenant, crm_pb2.ClientSelection(), locale="es", path=tmp_path / "out.xlsx",
                           today=date.today())
    with pytest.raises(ExportChildError, match="FileNotFoundError: no database at"):
        run_export_child({**spec, "database": {"driver": "sqlite", "path": str(tmp_path / "gone.db")}})
