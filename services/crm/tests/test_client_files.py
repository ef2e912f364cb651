"""A client's files over gRPC on PostgreSQL and the local blob store: staff upload, list, download,
change and delete them, each step in the client's history; customers read the files shared with
their own client and send their own; bad files and names are field errors with nothing written;
firms and clients never reach each other's files."""

from __future__ import annotations

import secrets

import grpc
import pytest
from sqlalchemy import func, select

from clientarea.crm.v1 import crm_pb2
from clientarea_shared import demo
from clientarea_shared.testing import bearer, field_errors
from crm_service.blobs import blob_store
from crm_service.domain.files import clean_name, default_name, download_name
from crm_service.models import ClientFile

PDF = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 40
WINDOWS_EXE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 64


# --- rules -------------------------------------------------------------------------------------

@pytest.mark.parametrize(("raw", "code"), [
    ("../../etc/passwd", "invalid_name"), ("informes/2025", "invalid_name"), ("a\\b", "invalid_name"),
    ("nombre\x00", "invalid_name"), (".oculto", "invalid_name"), ("x" * 201, "too_long"), ("   ", "required"),
])
def test_names_with_paths_control_characters_or_too_long_are_refused(raw, code):
    _name, [error] = clean_name(raw)
    assert (error.field, error.code) == ("name", code)


def test_names_are_kept_as_written_and_downloads_get_the_types_extension():
    assert clean_name("  DNI   Lucía  2025 ") == ("DNI Lucía 2025", [])
    assert download_name("DNI Lucía", (".pdf",)) == "DNI Lucía.pdf"
    assert download_name("escaneo.JPG", (".jpg", ".jpeg")) == "escaneo.JPG"
    assert default_name("Balance 2024.xlsx") == "Balance 2024"


# --- over gRPC ---------------------------------------------------------------------------------


def upload(crm, metadata, client_id=demo.CLIENT_ID, content=PDF, file_name="dni.pdf", **fields):
    values = {"name": f"DNI {secrets.token_hex(3)}", "kind": "identity_document", **fields}
    return crm.UploadClientFile(crm_pb2.UploadClientFileRequest(
        client_id=client_id, file_name=file_name, content=content, **values), metadata=metadata)


def file_ids(crm, metadata, client_id=demo.CLIENT_ID) -> list[str]:
    return [f.id for f in crm.ListClientFiles(crm_pb2.ListClientFilesRequest(client_id=client_id),
                                              metadata=metadata).items]


def file_history(crm, staff, file_id: str) -> list[crm_pb2.ChangeRecord]:
    records = crm.ListClientHistory(crm_pb2.ListClientHistoryRequest(client_id=demo.CLIENT_ID), metadata=staff).items
    return [r for r in records if r.entity == "file" and r.entity_id == file_id]


def rows(runtime) -> int:
    with runtime.db.read() as session:
        return session.scalar(select(func.count()).select_from(ClientFile))


def blob_key(runtime, file_id: str) -> str:
    with runtime.db.read() as session:
        return session.scalar(select(ClientFile.blob_key).where(ClientFile.id == file_id))


def refused(call, *args, **kwargs) -> grpc.RpcError:
    with pytest.raises(grpc.RpcError) as caught:
        call(*args, **kwargs)
    return caught.value


@pytest.mark.integration
def test_staff_upload_a_file_list_it_and_download_the_same_bytes(crm, staff, crm_runtime):
    created = upload(crm, staff, name="DNI Lucía Fernández", file_name="escaneo dni.pdf")
    assert (created.name, created.kind, created.content_type, created.size) == (
        "DNI Lucía Fernández", "identity_document", "application/pdf", len(PDF))
    assert created.file_name == "DNI Lucía Fernández.pdf" and created.original_file_name == "escaneo dni.pdf"
    assert created.uploaded_by_kind == "staff" and created.uploaded_by_name == "Marta Agente"
    assert created.uploaded_by_id and created.visible_to_client
    assert file_ids(crm, staff)[0] == created.id  # newest first
    content = crm.GetClientFile(crm_pb2.GetClientFileRequest(client_id=demo.CLIENT_ID, id=created.id), metadata=staff)
    assert (content.file_name, content.content_type, content.content) == (
        "DNI Lucía Fernández.pdf", "application/pdf", PDF)
    [record] = file_history(crm, staff, created.id)
    assert record.action == "created" and record.entity_label == "DNI Lucía Fernández"
    assert {c.field: c.new_value for c in record.changes} == {
        "name": "DNI Lucía Fernández", "type": "identity_document", "file": "escaneo dni.pdf",
        "visible_to_client": "on"}
    assert blob_store(crm_runtime).stat(blob_key(crm_runtime, created.id)) is not None


@pytest.mark.integration
def test_a_file_without_a_name_is_shown_by_its_own(crm, staff):
    created = upload(crm, staff, name="", file_name="Balance 2024.pdf", kind="financial_statements")
    assert created.name == "Balance 2024" and created.file_name == "Balance 2024.pdf"


@pytest.mark.integration
def test_staff_rename_re_kind_and_hide_a_file_each_change_in_the_history(crm, staff, customer):
    created = upload(crm, staff, name="Contrato", kind="other")
    updated = crm.UpdateClientFile(crm_pb2.UpdateClientFileRequest(
        client_id=demo.CLIENT_ID, id=created.id, fields=["name", "kind", "visible_to_client"],
        name="Contrato de cesión 2025", kind="contract", visible_to_client=False), metadata=staff)
    assert (updated.name, updated.kind, updated.visible_to_client) == ("Contrato de cesión 2025", "contract", False)
    updated_record = file_history(crm, staff, created.id)[0]
    assert updated_record.action == "updated"
    assert {c.field: (c.old_value, c.new_value) for c in updated_record.changes} == {
        "name": ("Contrato", "Contrato de cesión 2025"), "type": ("other", "contract"),
        "visible_to_client": ("on", "off")}
    # Internal now: the customer neither lists nor downloads it.
    assert created.id not in file_ids(crm, customer)
    error = refused(crm.GetClientFile, crm_pb2.GetClientFileRequest(id=created.id), metadata=customer)
    assert error.code() == grpc.StatusCode.NOT_FOUND
    # Saving the same values again is no change.
    crm.UpdateClientFile(crm_pb2.UpdateClientFileRequest(client_id=demo.CLIENT_ID, id=created.id, fields=["kind"],
                                                         kind="contract"), metadata=staff)
    assert len(file_history(crm, staff, created.id)) == 2


@pytest.mark.integration
def test_deleting_a_file_records_it_and_removes_its_bytes(crm, staff, crm_runtime):
    created = upload(crm, staff)
    key = blob_key(crm_runtime, created.id)
    crm.DeleteClientFile(crm_pb2.DeleteClientFileRequest(client_id=demo.CLIENT_ID, id=created.id), metadata=staff)
    assert created.id not in file_ids(crm, staff)
    assert blob_store(crm_runtime).stat(key) is None
    deleted = file_history(crm, staff, created.id)[0]
    assert deleted.action == "deleted" and {c.field: c.old_value for c in deleted.changes}["name"] == created.name
    error = refused(crm.GetClientFile, crm_pb2.GetClientFileRequest(client_id=demo.CLIENT_ID, id=created.id),
                    metadata=staff)
    assert error.code() == grpc.StatusCode.NOT_FOUND


@pytest.mark.integration
@pytest.mark.parametrize(("fields", "expected"), [
    ({"content": b"x" * (10 * 1024 * 1024 + 1), "file_name": "grande.txt"}, {"file": "too_large"}),
    ({"content": WINDOWS_EXE, "file_name": "factura.pdf"}, {"file": "forbidden_type"}),
    ({"content": PNG, "file_name": "nomina.pdf"}, {"file": "type_mismatch"}),
    ({"content": b"", "file_name": "vacio.pdf"}, {"file": "empty"}),
    ({"file_name": "../../etc/passwd.pdf"}, {"file": "invalid_name"}),
    ({"name": "../informes/dni"}, {"name": "invalid_name"}),
    ({"name": "dni/2025"}, {"name": "invalid_name"}),
    ({"kind": "selfie"}, {"kind": "invalid"}),
    ({"name": "a/b", "kind": "", "content": WINDOWS_EXE}, {"name": "invalid_name", "kind": "invalid",
                                                           "file": "forbidden_type"}),
])
def test_bad_uploads_are_field_errors_and_nothing_is_written(crm, staff, crm_runtime, fields, expected):
    before = rows(crm_runtime)
    blobs = sorted(p for p in blob_store(crm_runtime).root.rglob("*") if p.is_file())
    error = refused(upload, crm, staff, **fields)
    assert error.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(error) == expected
    assert rows(crm_runtime) == before
    assert sorted(p for p in blob_store(crm_runtime).root.rglob("*") if p.is_file()) == blobs


@pytest.mark.integration
def test_another_firms_client_and_file_are_not_found(crm, staff, platform, other_tenant):
    other = bearer(platform.login(other_tenant["agent"], other_tenant["password"], other_tenant["slug"]))
    mine = upload(crm, staff)
    for call, request in (
        (crm.ListClientFiles, crm_pb2.ListClientFilesRequest(client_id=demo.CLIENT_ID)),
        (crm.GetClientFile, crm_pb2.GetClientFileRequest(client_id=demo.CLIENT_ID, id=mine.id)),
        (crm.DeleteClientFile, crm_pb2.DeleteClientFileRequest(client_id=demo.CLIENT_ID, id=mine.id)),
        (crm.UpdateClientFile, crm_pb2.UpdateClientFileRequest(client_id=demo.CLIENT_ID, id=mine.id, fields=["name"],
                                                               name="Mío")),
    ):
        assert refused(call, request, metadata=other).code() == grpc.StatusCode.NOT_FOUND
    error = refused(upload, crm, other)
    assert error.code() == grpc.StatusCode.NOT_FOUND
    # A file asked for under another client of the same firm is not found either.
    error = refused(crm.GetClientFile, crm_pb2.GetClientFileRequest(client_id=demo.COMPANY_CLIENT_ID, id=mine.id),
                    metadata=staff)
    assert error.code() == grpc.StatusCode.NOT_FOUND


@pytest.mark.integration
def test_customers_read_their_own_clients_shared_files_and_not_anothers(crm, staff, customer, platform):
    shared = upload(crm, staff)
    internal = upload(crm, staff, internal=True)
    theirs = upload(crm, staff, client_id=demo.COMPANY_CLIENT_ID)
    listed = crm.ListClientFiles(crm_pb2.ListClientFilesRequest(), metadata=customer).items
    assert shared.id in {f.id for f in listed} and internal.id not in {f.id for f in listed}
    assert all(f.uploaded_by_id == "" for f in listed)  # staff ids stay in the back office
    got = crm.GetClientFile(crm_pb2.GetClientFileRequest(id=shared.id), metadata=customer)
    assert got.content == PDF
    company = bearer(platform.login(demo.COMPANY_ADMIN_USERNAME, demo.COMPANY_ADMIN_PASSWORD))
    assert shared.id not in file_ids(crm, company, client_id="")
    for call, request in (
        (crm.ListClientFiles, crm_pb2.ListClientFilesRequest(client_id=demo.COMPANY_CLIENT_ID)),
        (crm.GetClientFile, crm_pb2.GetClientFileRequest(id=theirs.id)),
        (crm.GetClientFile, crm_pb2.GetClientFileRequest(client_id=demo.COMPANY_CLIENT_ID, id=theirs.id)),
    ):
        assert refused(call, request, metadata=customer).code() == grpc.StatusCode.NOT_FOUND


@pytest.mark.integration
def test_customers_send_their_own_documents_and_delete_only_those(crm, staff, customer):
    sent = upload(crm, customer, client_id="", name="Formulario PBC firmado", kind="aml_form")
    assert sent.uploaded_by_kind == "customer" and sent.visible_to_client and sent.client_id == demo.CLIENT_ID
    assert sent.id in file_ids(crm, staff)
    [record] = file_history(crm, staff, sent.id)
    assert record.actor_kind == "customer"
    # Contracts are the firm's to file; keeping a file internal is staff's.
    assert field_errors(refused(upload, crm, customer, client_id="", kind="contract")) == {"kind": "invalid"}
    assert field_errors(refused(upload, crm, customer, client_id="", internal=True)) == {"internal": "forbidden"}
    staffs = upload(crm, staff)
    error = refused(crm.DeleteClientFile, crm_pb2.DeleteClientFileRequest(id=staffs.id), metadata=customer)
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    error = refused(crm.UpdateClientFile, crm_pb2.UpdateClientFileRequest(id=sent.id, fields=["name"], name="x"),
                    metadata=customer)
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED
    crm.DeleteClientFile(crm_pb2.DeleteClientFileRequest(id=sent.id), metadata=customer)
    assert sent.id not in file_ids(crm, staff) and staffs.id in file_ids(crm, staff)


@pytest.mark.integration
def test_a_customer_who_may_only_look_reads_files_but_sends_none(crm, staff, platform):
    viewer = bearer(platform.login(demo.COMPANY_VIEWER_USERNAME, demo.COMPANY_VIEWER_PASSWORD))
    shared = upload(crm, staff, client_id=demo.COMPANY_CLIENT_ID)
    assert shared.id in file_ids(crm, viewer, client_id="")
    error = refused(upload, crm, viewer, client_id="")
    assert error.code() == grpc.StatusCode.PERMISSION_DENIED


@pytest.mark.integration
def test_the_demo_client_has_a_shared_aml_form_and_an_internal_note(crm, staff, customer):
    staff_names = {f.name for f in crm.ListClientFiles(crm_pb2.ListClientFilesRequest(client_id=demo.CLIENT_ID),
                                                       metadata=staff).items}
    assert {"Formulario de prevención del blanqueo 2025", "Nota interna de riesgo"} <= staff_names
    shared = crm.ListClientFiles(crm_pb2.ListClientFilesRequest(), metadata=customer).items
    form = next(f for f in shared if f.name == "Formulario de prevención del blanqueo 2025")
    assert "Nota interna de riesgo" not in {f.name for f in shared}
    content = crm.GetClientFile(crm_pb2.GetClientFileRequest(id=form.id), metadata=customer)
    assert content.content.startswith(b"%PDF-")
    assert content.file_name == "Formulario de prevención del blanqueo 2025.pdf"
