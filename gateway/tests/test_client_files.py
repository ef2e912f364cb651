"""A client's files through the gateway on the in-process platform: staff upload with a multipart
form and download with safe headers; customers read their documents and send their own under
/me/files; bad files are problem+json field errors; another firm gets 404 and an oversized request
413."""

from __future__ import annotations

import io

import pytest

from clientarea_shared import demo

from .conftest import login

pytestmark = pytest.mark.integration
PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
FILES = f"/api/v1/clients/{demo.CLIENT_ID}/files"


def send(http, headers, path=FILES, content=PDF, file_name="escaneo.pdf", **fields):
    form = {"name": "DNI Lucía «anverso»", "kind": "identity_document", **fields}
    if content is not None:
        form["file"] = (io.BytesIO(content), file_name)
    return http.post(path, headers=headers, content_type="multipart/form-data", data=form)


def test_staff_upload_list_and_download_with_safe_headers(http, staff):
    answer = send(http, staff)
    assert answer.status_code == 201, answer.json
    created = answer.json
    assert created["file_name"] == "DNI Lucía «anverso».pdf" and created["uploaded_by_kind"] == "staff"
    assert created["visible_to_client"] is True and created["uploaded_by_id"]
    listed = http.get(FILES, headers=staff)
    assert listed.status_code == 200 and listed.json["items"][0]["id"] == created["id"]
    download = http.get(f"{FILES}/{created['id']}/content", headers=staff)
    assert download.status_code == 200 and download.data == PDF
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers["Content-Disposition"] == (
        "attachment; filename=\"DNI Luc_a _anverso_.pdf\"; "
        "filename*=UTF-8''DNI%20Luc%C3%ADa%20%C2%ABanverso%C2%BB.pdf")
    assert download.headers["X-Content-Type-Options"] == "nosniff"
    assert download.headers["Cache-Control"] == "private, no-store"
    assert "sandbox" in download.headers["Content-Security-Policy"]


def test_staff_rename_hide_and_delete_a_file(http, staff, customer):
    created = send(http, staff, name="Poder notarial", kind="power_of_attorney").json
    changed = http.patch(f"{FILES}/{created['id']}", headers=staff,
                         json={"name": "Poder notarial 2025", "visible_to_client": False})
    assert changed.status_code == 200, changed.json
    assert (changed.json["name"], changed.json["kind"], changed.json["visible_to_client"]) == (
        "Poder notarial 2025", "power_of_attorney", False)
    assert created["id"] not in {f["id"] for f in http.get("/api/v1/me/files", headers=customer).json["items"]}
    history = http.get(f"/api/v1/clients/{demo.CLIENT_ID}/history", headers=staff).json["items"]
    assert [(h["entity"], h["action"]) for h in history if h["entity_id"] == created["id"]] == [
        ("file", "updated"), ("file", "created")]
    assert http.delete(f"{FILES}/{created['id']}", headers=staff).status_code == 204
    assert http.get(f"{FILES}/{created['id']}/content", headers=staff).status_code == 404


@pytest.mark.parametrize(("fields", "expected"), [
    ({"content": b"MZ\x90\x00" + b"\x00" * 60, "file_name": "factura.pdf"}, [("file", "forbidden_type")]),
    ({"content": PNG, "file_name": "nomina.pdf"}, [("file", "type_mismatch")]),
    ({"content": b"0" * (10 * 1024 * 1024 + 1), "file_name": "grande.txt"}, [("file", "too_large")]),
    ({"name": "../../etc/dni"}, [("name", "invalid_name")]),
    ({"content": None, "kind": "selfie"}, [("kind", "invalid"), ("file", "required")]),
])
def test_bad_uploads_are_problem_json_field_errors(http, staff, fields, expected):
    before = len(http.get(FILES, headers=staff).json["items"])
    answer = send(http, staff, **fields)
    assert answer.status_code == 422, answer.json
    assert answer.headers["Content-Type"].startswith("application/problem+json")
    assert sorted((e["field"], e["code"]) for e in answer.json["errors"]) == sorted(expected)
    assert len(http.get(FILES, headers=staff).json["items"]) == before


def test_a_request_past_the_largest_cap_is_413(http, staff):
    assert send(http, staff, content=b"0" * (16 * 1024 * 1024), file_name="x.txt").status_code == 413


def test_customers_read_and_send_their_own_documents_under_me_files(http, staff, customer):
    shared = send(http, staff, name="Certificado de deuda").json
    mine = http.get("/api/v1/me/files", headers=customer)
    assert mine.status_code == 200 and shared["id"] in {f["id"] for f in mine.json["items"]}
    assert all(f["uploaded_by_id"] is None for f in mine.json["items"])
    download = http.get(f"/api/v1/me/files/{shared['id']}/content", headers=customer)
    assert download.status_code == 200 and download.data == PDF
    sent = send(http, customer, path="/api/v1/me/files", name="Formulario PBC", kind="aml_form")
    assert sent.status_code == 201, sent.json
    assert sent.json["uploaded_by_kind"] == "customer" and sent.json["client_id"] == demo.CLIENT_ID
    assert http.delete(f"/api/v1/me/files/{shared['id']}", headers=customer).status_code == 403
    assert http.delete(f"/api/v1/me/files/{sent.json['id']}", headers=customer).status_code == 204


def test_another_firm_and_another_client_get_404(http, app, staff, other_tenant):
    created = send(http, staff).json
    other = app.test_client()
    answer = login(other, other_tenant["agent"], other_tenant["password"], other_tenant["slug"])
    other_firm = {"Authorization": f"Bearer {answer.json['access_token']}"}
    assert http.get(FILES, headers=other_firm).status_code == 404
    assert http.get(f"{FILES}/{created['id']}/content", headers=other_firm).status_code == 404
    assert send(http, other_firm).status_code == 404
    company = login(http, demo.COMPANY_ADMIN_USERNAME, demo.COMPANY_ADMIN_PASSWORD).json["access_token"]
    company_headers = {"Authorization": f"Bearer {company}"}
    assert http.get(FILES, headers=company_headers).status_code == 404
    assert http.get(f"/api/v1/me/files/{created['id']}/content", headers=company_headers).status_code == 404
