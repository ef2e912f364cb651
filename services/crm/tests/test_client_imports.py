"""Client imports over gRPC on PostgreSQL: CSV (`;`/`,`, UTF-8 with BOM, Windows-1252) and .xlsx
files previewed row by row with the create's rules, confirmed once (`all` or `valid_only`) in
one transaction with a history entry per client; every bad file and bad row refused with its
field errors and nothing written; firms kept apart."""

from __future__ import annotations

import io
import secrets
from datetime import date, timedelta

import grpc
import openpyxl
import pytest
from sqlalchemy import update

from clientarea.crm.v1 import crm_pb2
from clientarea_shared.testing import bearer, field_errors

from .conftest import AGENT_ID, cif, nif

pytestmark = pytest.mark.integration
HEADER = "Tipo;Nombre;Apellidos;Razón social;NIF/CIF;Email;Teléfono;Fecha de nacimiento;Dirección;" \
         "Código postal;Población;Provincia;Categorías;Comercial"


def person_row(tax_id: str | None = None, **cells: str) -> str:
    values = {"kind": "persona", "first": "Lucía", "last": "Ferrer Gómez", "legal": "", "tax_id": tax_id or nif(),
              "email": "lucia.ferrer@correo.test", "phone": "612 345 678", "born": "29/02/1984",
              "street": "Calle Mayor 5", "postal": "28013", "city": "Madrid", "province": "Madrid", "categories": "",
              "salesperson": "", **cells}
    return ";".join(values.values())


def csv_file(*rows: str, header: str = HEADER) -> bytes:
    return ("\n".join([header, *rows]) + "\n").encode("utf-8-sig")


def preview(crm, metadata, content: bytes, name: str = "clientes.csv") -> crm_pb2.ClientImport:
    return crm.PreviewClientImport(crm_pb2.PreviewClientImportRequest(file_name=name, content=content),
                                   metadata=metadata)


def confirm(crm, metadata, batch_id: str, mode: str = "all") -> crm_pb2.ClientImportReport:
    return crm.ConfirmClientImport(crm_pb2.ConfirmClientImportRequest(id=batch_id, mode=mode), metadata=metadata)


def errors_of(batch) -> dict[tuple[int, str], str]:
    return {(e.row, e.field): e.code for e in batch.errors}


def category(crm, staff) -> crm_pb2.Category:
    return crm.CreateCategory(crm_pb2.CreateCategoryRequest(name=f"Importados {secrets.token_hex(3)}"),
                              metadata=staff)


# --- the happy paths ------------------------------------------------------------------------------

def test_a_csv_is_previewed_then_imported_with_categories_salesperson_and_history(crm, staff):
    vip = category(crm, staff)
    person_tax, company_tax = nif(), cif()
    content = csv_file(
        person_row(person_tax, categories=vip.name.upper(), salesperson="marta agente"),
        # No kind written: a CIF makes it a company.
        f";;;Talleres Ebro S.L.;{company_tax};taller@ebro.test;976 123 456;17/05/1999;Avenida de Cataluña 12;"
        f"50014;Zaragoza;Zaragoza;;",
    )
    batch = preview(crm, staff, content)
    assert (batch.status, batch.row_count, batch.valid_count, list(batch.errors)) == ("previewed", 2, 2, [])
    assert batch.columns[:5] == ["kind", "first_name", "last_name", "legal_name", "tax_id"]
    assert [(r.row, r.valid) for r in batch.rows] == [(2, True), (3, True)]
    assert batch.rows[0].values["first_name"] == "Lucía"
    report = confirm(crm, staff, batch.id)
    assert report.created == 2 and not report.skipped
    person = crm.GetClient(crm_pb2.GetClientRequest(id=report.client_ids[0]), metadata=staff)
    assert (person.display_name, person.tax_id.number, person.birth_date) == ("Lucía Ferrer Gómez", person_tax,
                                                                              "1984-02-29")
    assert person.phone == "+34612345678" and person.addresses[0].postal_code == "28013"
    assert [c.id for c in person.categories] == [vip.id]
    assert person.salesperson_id == AGENT_ID and person.salesperson_name == "Marta Agente"
    company = crm.GetClient(crm_pb2.GetClientRequest(id=report.client_ids[1]), metadata=staff)
    assert company.kind == crm_pb2.CLIENT_KIND_COMPANY and company.legal_name == "Talleres Ebro S.L."
    [record] = crm.ListClientHistory(crm_pb2.ListClientHistoryRequest(client_id=person.id), metadata=staff).items
    assert (record.action, record.actor_kind, record.actor_name) == ("created", "staff", "Marta Agente")
    assert crm.GetClientImport(crm_pb2.GetClientImportRequest(id=batch.id), metadata=staff).status == "imported"


def test_a_windows_1252_csv_with_commas_is_read(crm, staff):
    tax_id = cif()
    content = ("Razón social,CIF,Población,Dirección,Código postal\n"
               f"Construcciones Peñíscola S.A.,{tax_id},Castelló,Plaça Major 1,12001\n").encode("cp1252")
    batch = preview(crm, staff, content)
    assert batch.valid_count == 1, batch.errors
    assert batch.rows[0].values["legal_name"] == "Construcciones Peñíscola S.A."
    assert batch.rows[0].values["city"] == "Castelló"


def test_an_xlsx_with_dates_and_numbers_as_cells_is_read(crm, staff):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Name", "Last name", "Tax ID", "Birth date", "Phone", "Address", "Postal code", "Town"])
    tax_id = nif()
    sheet.append(["Jordi", "Puig Ferrer", tax_id, date(1990, 7, 1), 612345678, "Carrer Gran 3", 8001, "Barcelona"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    batch = preview(crm, staff, buffer.getvalue(), "clients.xlsx")
    assert batch.valid_count == 1, batch.errors
    values = batch.rows[0].values
    assert (values["birth_date"], values["phone"], values["postal_code"]) == ("1990-07-01", "612345678", "8001")
    report = confirm(crm, staff, batch.id)
    client = crm.GetClient(crm_pb2.GetClientRequest(id=report.client_ids[0]), metadata=staff)
    assert client.addresses[0].postal_code == "08001" and client.birth_date == "1990-07-01"


def test_the_template_names_every_column_the_import_reads(crm, staff):
    template = crm.GetClientImportTemplate(crm_pb2.GetClientImportTemplateRequest(locale="es"), metadata=staff)
    assert template.file_name.endswith(".xlsx")
    workbook = openpyxl.load_workbook(io.BytesIO(template.content), read_only=True)
    header = [c.value for c in next(workbook["Clientes"].iter_rows(max_row=1))]
    assert header == HEADER.split(";")
    assert workbook["Ejemplo"].max_row == 3
    # The template itself, filled with the example rows, is an importable file.
    examples = [[c.value or "" for c in row] for row in workbook["Ejemplo"].iter_rows(min_row=2)]
    rows = [";".join(str(v) for v in row) for row in examples]
    rows = [r.replace("12345678Z", nif()).replace("B12345674", cif()).replace("VIP", "").replace("Flotas", "")
            for r in rows]
    assert preview(crm, staff, csv_file(*rows)).valid_count == 2


# --- bad rows ----------------------------------------------------------------------------------------

def test_bad_rows_are_listed_field_by_field_and_mode_all_writes_nothing(crm, staff):
    existing = crm.CreateClient(crm_pb2.CreateClientRequest(
        kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Ya", last_name="Existe", tax_id=nif()), metadata=staff)
    twice = nif()
    content = csv_file(
        person_row(),                                        # 2: valid
        person_row("12345678A"),                             # 3: tax id
        person_row(phone="12345"),                           # 4: phone
        person_row(twice),                                   # 5: valid
        person_row(twice),                                   # 6: duplicate in the file
        person_row(existing.tax_id.number),                  # 7: duplicate in the firm
        person_row(categories="No existe"),                  # 8: unknown category
        person_row(salesperson="Nadie Conocido"),            # 9: unknown salesperson
        person_row(postal="99999", born="31/02/2001"),       # 10: two problems
        person_row(kind="planeta"),                          # 11: kind
    )
    batch = preview(crm, staff, content)
    assert (batch.row_count, batch.valid_count) == (10, 2)
    assert errors_of(batch) == {
        (3, "tax_id"): "invalid", (4, "phone"): "invalid", (6, "tax_id"): "duplicate_in_file",
        (7, "tax_id"): "duplicate", (8, "categories"): "unknown", (9, "salesperson"): "unknown",
        (10, "postal_code"): "invalid", (10, "birth_date"): "invalid", (11, "kind"): "invalid",
        (11, "tax_id"): "person_id_for_company",  # as a create answers for an unknown kind
    }
    assert [r.valid for r in batch.rows] == [True, False, False, True, False, False, False, False, False, False]
    with pytest.raises(grpc.RpcError) as refused:
        confirm(crm, staff, batch.id, "all")
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(refused.value)["rows.3.tax_id"] == "invalid"
    assert crm.GetClientImport(crm_pb2.GetClientImportRequest(id=batch.id), metadata=staff).status == "previewed"
    report = confirm(crm, staff, batch.id, "valid_only")
    assert report.created == 2
    assert {(s.row, s.field) for s in report.skipped} == set(errors_of(batch))
    assert crm.GetClient(crm_pb2.GetClientRequest(id=report.client_ids[1]), metadata=staff).tax_id.number == twice


def test_confirming_checks_the_rows_again(crm, staff):
    tax_id = nif()
    batch = preview(crm, staff, csv_file(person_row(tax_id), person_row()))
    assert batch.valid_count == 2
    crm.CreateClient(crm_pb2.CreateClientRequest(kind=crm_pb2.CLIENT_KIND_PERSON, first_name="Se", last_name="Adelantó",
                                                 tax_id=tax_id), metadata=staff)
    with pytest.raises(grpc.RpcError) as refused:
        confirm(crm, staff, batch.id, "all")
    assert field_errors(refused.value) == {"rows.2.tax_id": "duplicate"}
    assert confirm(crm, staff, batch.id, "valid_only").created == 1


# --- bad files ----------------------------------------------------------------------------------------

@pytest.mark.parametrize(("name", "content", "expected"), [
    ("clientes.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n", {"file": "forbidden_type"}),
    ("clientes.csv", b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, {"file": "forbidden_type"}),
    ("clientes.csv", b"", {"file": "empty"}),
    ("clientes.csv", b"\n\n;;\n", {"file": "empty"}),
    ("../clientes.csv", HEADER.encode(), {"file": "invalid_name"}),
    ("clientes.csv", ("Lucía;Ferrer;" + nif() + "\n").encode(), {"file": "no_header"}),
    ("clientes.csv", b"Nombre;Apellidos;NIF;Color favorito\nA;B;C;D\n", {"columns.3": "unknown"}),
    ("clientes.csv", b"Nombre;Nombre;NIF\nA;B;C\n", {"columns.1": "duplicate"}),
    ("clientes.csv", b"Nombre;Apellidos\nA;B\n", {"columns": "missing_tax_id"}),
    ("clientes.csv", HEADER.encode() + b"\n", {"file": "no_rows"}),
    ("clientes.csv", csv_file(*[person_row("00000000T")] * 10_001), {"file": "too_many_rows"}),
    ("clientes.csv", b"NIF\n" + b"x" * (5 * 1024 * 1024), {"file": "too_large"}),
])
def test_bad_files_are_refused_and_nothing_is_kept(crm, staff, name, content, expected):
    with pytest.raises(grpc.RpcError) as refused:
        preview(crm, staff, content, name)
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert field_errors(refused.value) == expected


# --- who, once, and for how long ----------------------------------------------------------------------

def test_a_batch_is_the_firms_and_is_confirmed_once(crm, staff, other_firm, customer_token):
    batch = preview(crm, staff, csv_file(person_row()))
    for call in (lambda: crm.GetClientImport(crm_pb2.GetClientImportRequest(id=batch.id), metadata=other_firm),
                 lambda: confirm(crm, other_firm, batch.id)):
        with pytest.raises(grpc.RpcError) as hidden:
            call()
        assert hidden.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as customer:
        confirm(crm, bearer(customer_token), batch.id)
    assert customer.value.code() == grpc.StatusCode.PERMISSION_DENIED
    with pytest.raises(grpc.RpcError) as bad_mode:
        confirm(crm, staff, batch.id, "some")
    assert field_errors(bad_mode.value) == {"mode": "invalid"}
    assert confirm(crm, staff, batch.id).created == 1
    with pytest.raises(grpc.RpcError) as again:
        confirm(crm, staff, batch.id)
    assert again.value.code() == grpc.StatusCode.ALREADY_EXISTS


def test_an_expired_batch_cannot_be_confirmed(crm, staff, platform):
    from clientarea_shared.db import utcnow
    from crm_service.models import ClientImport

    batch = preview(crm, staff, csv_file(person_row()))
    with platform.services["crm"].runtime.db.session() as session:
        session.execute(update(ClientImport).where(ClientImport.id == batch.id)
                        .values(expires_at=utcnow() - timedelta(minutes=1)))
    assert crm.GetClientImport(crm_pb2.GetClientImportRequest(id=batch.id), metadata=staff).status == "expired"
    with pytest.raises(grpc.RpcError) as expired:
        confirm(crm, staff, batch.id)
    assert expired.value.code() == grpc.StatusCode.ALREADY_EXISTS
