"""Client import and export through the gateway on the in-process platform: a CSV uploaded as
multipart, previewed with per-row problems, confirmed (`all` refused as problem+json, then
`valid_only`), the template; the list exported to .xlsx at once (ids and filter) and as a job
downloaded in chunks; bad input as problem+json field errors; customers 403, other firms 404."""

from __future__ import annotations

import io
import secrets

import openpyxl
import pytest

from clientarea_shared.testing import wait_until

from .conftest import nif

pytestmark = pytest.mark.integration
API = "/api/v1"
HEADER = "Nombre;Apellidos;NIF/CIF;Teléfono"


def upload(http, headers, content: bytes, file_name: str = "clientes.csv"):
    return http.post(f"{API}/client-imports", headers=headers, content_type="multipart/form-data",
                     data={"file": (io.BytesIO(content), file_name)})


def field_codes(answer) -> dict[str, str]:
    assert answer.mimetype == "application/problem+json", answer.data
    return {e["field"]: e["code"] for e in answer.json["errors"]}


def test_upload_preview_refuse_all_then_import_the_valid_rows(http, staff):
    token = secrets.token_hex(3)
    content = "\n".join([HEADER, f"Ana;Gateway{token};{nif()};612345678", f"Bea;Gateway{token};12345678A;612345678",
                         f"Carla;Gateway{token};{nif()};12345"]).encode("utf-8")
    answer = upload(http, staff, content)
    assert answer.status_code == 201, answer.json
    batch = answer.json
    assert (batch["row_count"], batch["valid_count"], batch["invalid_count"]) == (3, 1, 2)
    assert [(e["row"], e["field"], e["code"]) for e in batch["errors"]] == [(3, "tax_id", "invalid"),
                                                                          (4, "phone", "invalid")]
    assert [r["valid"] for r in batch["rows"]] == [True, False, False]
    refused = http.post(f"{API}/client-imports/{batch['id']}/confirm", json={"mode": "all"}, headers=staff)
    assert refused.status_code == 422
    assert field_codes(refused) == {"rows.3.tax_id": "invalid", "rows.4.phone": "invalid"}
    report = http.post(f"{API}/client-imports/{batch['id']}/confirm", json={"mode": "valid_only"}, headers=staff)
    assert report.status_code == 200, report.json
    assert report.json["created"] == 1 and [s["row"] for s in report.json["skipped"]] == [3, 4]
    listed = http.get(f"{API}/clients", query_string={"q": f"gateway{token}"}, headers=staff).json["items"]
    assert [c["display_name"] for c in listed] == [f"Ana Gateway{token}"]
    again = http.post(f"{API}/client-imports/{batch['id']}/confirm", json={"mode": "valid_only"}, headers=staff)
    assert again.status_code == 409


def test_bad_uploads_are_problems_with_field_errors(http, staff):
    assert field_codes(upload(http, staff, b"%PDF-1.4\n%%EOF\n", "clientes.pdf")) == {"file": "forbidden_type"}
    assert field_codes(upload(http, staff, b"Nombre;Planeta;NIF\nA;B;C\n")) == {"columns.1": "unknown"}
    missing = http.post(f"{API}/client-imports", headers=staff, content_type="multipart/form-data", data={})
    assert field_codes(missing) == {"file": "required"}
    bad_mode = http.post(f"{API}/client-imports/x/confirm", json={"mode": "some"}, headers=staff)
    assert bad_mode.status_code == 422 and "mode" in field_codes(bad_mode)


def test_the_template_downloads_as_xlsx(http, staff):
    answer = http.get(f"{API}/client-imports/template.xlsx", headers=staff)
    assert answer.status_code == 200 and "attachment" in answer.headers["Content-Disposition"]
    sheet = openpyxl.load_workbook(io.BytesIO(answer.data), read_only=True).worksheets[0]
    assert next(sheet.iter_rows(values_only=True))[:3] == ("Tipo", "Nombre", "Apellidos")


def test_customers_and_other_firms_cannot_reach_imports(http, staff, customer, other_firm):
    batch = upload(http, staff, f"{HEADER}\nAna;Ajena;{nif()};612345678\n".encode()).json
    assert upload(http, customer, b"NIF\n1\n").status_code == 403
    assert http.get(f"{API}/client-imports/{batch['id']}", headers=other_firm).status_code == 404
    assert http.get(f"{API}/client-imports/{batch['id']}", headers=staff).json["status"] == "previewed"


def create_client(http, headers, last_name: str) -> dict:
    answer = http.post(f"{API}/clients", json={"kind": "person", "first_name": "Eva", "last_name": last_name,
                                                "tax_id": nif(), "birth_date": "1990-01-31"}, headers=headers)
    assert answer.status_code == 201, answer.json
    return answer.json


def rows_of(data: bytes) -> list[tuple]:
    return list(openpyxl.load_workbook(io.BytesIO(data), read_only=True).worksheets[0].iter_rows(values_only=True))


def test_the_list_is_exported_at_once_by_ids_and_by_filter(http, staff, other_firm):
    token = secrets.token_hex(3)
    mine = [create_client(http, staff, f"Exporta{token} {n}") for n in range(2)]
    theirs = create_client(http, other_firm, f"Exporta{token} Ajena")
    counted = http.post(f"{API}/client-exports/count", json={"filter": {"q": f"exporta{token}"}}, headers=staff)
    assert counted.json["count"] == 2 and counted.json["direct_limit"] >= 2
    by_ids = http.post(f"{API}/client-exports/file", json={"client_ids": [mine[0]["id"], theirs["id"]]},
                       headers={**staff, "Accept-Language": "en"})
    assert by_ids.status_code == 200 and by_ids.mimetype.endswith("spreadsheetml.sheet")
    assert ".xlsx" in by_ids.headers["Content-Disposition"]
    rows = rows_of(by_ids.data)
    assert rows[0][:2] == ("Kind", "Name") and [r[1] for r in rows[1:]] == [mine[0]["display_name"]]
    filtered = http.get(f"{API}/clients/export.xlsx", query_string={"q": f"exporta{token}"}, headers=staff)
    assert sorted(r[1] for r in rows_of(filtered.data)[1:]) == sorted(c["display_name"] for c in mine)
    bad = http.get(f"{API}/clients/export.xlsx", query_string={"birthday_from": "2024-05-10",
                                                              "birthday_to": "2024-05-01"}, headers=staff)
    assert bad.status_code == 422 and field_codes(bad) == {"filter.birthday_to": "before_from"}


def test_a_large_export_is_a_job_downloaded_by_its_requester(http, staff, other_firm, platform):
    from crm_service.blobs import blob_store
    from crm_service.handlers.exports import run_export

    token = secrets.token_hex(3)
    for n in range(2):
        create_client(http, staff, f"Trabajo{token} {n}")
    started = http.post(f"{API}/client-exports", json={"filter": {"q": f"trabajo{token}"}}, headers=staff)
    assert started.status_code == 202, started.json
    job_id = started.json["id"]
    runtime = platform.services["crm"].runtime
    run_export(runtime.db, blob_store(runtime), job_id)  # the worker's work, run here
    done = wait_until(lambda: (lambda j: j if j["status"] == "done" else None)(
        http.get(f"{API}/client-exports/{job_id}", headers=staff).json), 30, "the export")
    assert done["rows"] == 2 and done["file_name"].endswith(".xlsx")
    assert job_id in [j["id"] for j in http.get(f"{API}/client-exports", headers=staff).json["items"]]
    file = http.get(f"{API}/client-exports/{job_id}/file", headers=staff)
    assert file.status_code == 200 and len(rows_of(file.data)) == 3
    assert http.get(f"{API}/client-exports/{job_id}/file", headers=other_firm).status_code == 404
