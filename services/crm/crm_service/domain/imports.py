"""Client imports' rules, free of I/O: reading a CSV or .xlsx file into rows of client fields,
and a row into the `ClientInput` that `domain.clients.validate_client` checks like any create.

- The file: CSV (`;` or `,`, UTF-8 with or without BOM, or Windows-1252 as Spanish Excel writes
  it) or .xlsx (the first sheet). At most `MAX_BYTES` and `MAX_ROWS` data rows.
- The first row is the header; each column name, in Spanish or English, accents and case aside,
  maps to one field (`COLUMNS`). An unknown or repeated column refuses the file; a first row
  that names no column at all is a file without a header.
- Rows are numbered as the spreadsheet shows them (the header is row 1); blank rows are skipped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, datetime

from clientarea_shared.errors import FieldError, Invalid
from clientarea_shared.text import normalise_text
from crm_service.domain.clients import AddressInput, ClientInput

MAX_BYTES = 5 * 1024 * 1024
MAX_ROWS = 10_000
PREVIEW_ROWS = 50
MAX_PREVIEW_ROWS = 500
CELL_MAX = 1000

# field -> the header names accepted for it (compared lower-case, without accents or punctuation).
COLUMNS: dict[str, tuple[str, ...]] = {
    "kind": ("tipo", "tipo de cliente", "kind", "type", "client type"),
    "first_name": ("nombre", "first name", "name", "given name"),
    "last_name": ("apellidos", "apellido", "last name", "last names", "surname", "surnames"),
    "legal_name": ("razon social", "legal name", "company name", "company"),
    "trade_name": ("nombre comercial", "trade name"),
    "tax_id": ("nif cif", "nif", "cif", "nie", "nif nie cif", "documento", "numero de documento", "dni",
               "tax id", "document", "document number"),
    "tax_id_type": ("tipo de documento", "document type", "tax id type"),
    "email": ("email", "e mail", "correo", "correo electronico"),
    "phone": ("telefono", "movil", "phone", "mobile", "telephone"),
    "birth_date": ("fecha de nacimiento", "fecha de constitucion", "fecha", "birth date", "birthday",
                   "date of birth", "founding date"),
    "street": ("direccion", "calle", "domicilio", "address", "street"),
    "number": ("numero", "number", "street number"),
    "floor_door": ("piso", "piso y puerta", "piso puerta", "floor", "floor and door"),
    "postal_code": ("codigo postal", "cp", "c p", "postal code", "zip", "zip code", "postcode"),
    "city": ("poblacion", "localidad", "municipio", "ciudad", "town", "city"),
    "province": ("provincia", "province", "region"),
    "country": ("pais", "country"),
    "categories": ("categorias", "categoria", "categories", "category"),
    "salesperson": ("comercial", "vendedor", "salesperson", "sales person", "agent"),
    "locale": ("idioma", "language", "locale"),
}
_BY_HEADER = {name: field for field, names in COLUMNS.items() for name in names}
ADDRESS_FIELDS = ("street", "number", "floor_door", "postal_code", "city", "province", "country")
KIND_WORDS = {
    "person": ("persona", "persona fisica", "fisica", "particular", "person", "individual", "p"),
    "company": ("empresa", "persona juridica", "juridica", "sociedad", "company", "business", "e"),
    "consortium": ("consorcio", "ute", "consortium", "joint venture", "c"),
}
_KIND_BY_WORD = {word: kind for kind, words in KIND_WORDS.items() for word in words}
# The template's columns, in its order, and the header each language writes for them.
TEMPLATE_FIELDS = ("kind", "first_name", "last_name", "legal_name", "tax_id", "email", "phone", "birth_date",
                   "street", "postal_code", "city", "province", "categories", "salesperson")
TEMPLATE_HEADERS = {
    "es": ("Tipo", "Nombre", "Apellidos", "Razón social", "NIF/CIF", "Email", "Teléfono", "Fecha de nacimiento",
           "Dirección", "Código postal", "Población", "Provincia", "Categorías", "Comercial"),
    "en": ("Type", "First name", "Last name", "Legal name", "Tax ID", "Email", "Phone", "Birth date",
           "Address", "Postal code", "Town", "Province", "Categories", "Salesperson"),
}
TEMPLATE_EXAMPLES = (
    ("persona", "Marina", "Soler Vidal", "", "12345678Z", "marina.soler@correo.es", "612 345 678", "1984-02-29",
     "Calle Mayor 5, 3º B", "28013", "Madrid", "Madrid", "VIP", ""),
    ("empresa", "", "", "Transportes Ebro S.L.", "B12345674", "info@ebrotrans.es", "976 123 456", "1999-05-17",
     "Avenida de Cataluña 12", "50014", "Zaragoza", "Zaragoza", "Flotas; VIP", ""),
)
_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")
_LIST_SPLIT = re.compile(r"[;,|]")


@dataclass(frozen=True)
class ParsedRow:
    row: int  # as the spreadsheet numbers it (header = 1)
    values: dict[str, str]


@dataclass(frozen=True)
class ParsedFile:
    columns: tuple[str, ...]  # the fields, in the file's column order
    rows: tuple[ParsedRow, ...]


def header_key(raw: str) -> str:
    """'NIF/CIF' -> 'nif cif', 'Código  postal' -> 'codigo postal'."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", normalise_text(raw)).split())


# --- reading the file -----------------------------------------------------------------------------

def decode_text(content: bytes) -> str:
    """UTF-8 (a BOM is dropped) or, failing that, Windows-1252: what Spanish Excel saves as CSV."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        return content.decode("cp1252", errors="replace")


def csv_rows(content: bytes) -> Iterator[list[str]]:
    text = decode_text(content)
    first_line = text.split("\n", 1)[0]
    delimiter = ";" if first_line.count(";") >= first_line.count(",") else ","
    if first_line.count("\t") > max(first_line.count(";"), first_line.count(",")):
        delimiter = "\t"
    yield from csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)


def cell_text(value: object) -> str:
    """A spreadsheet cell as text: dates as YYYY-MM-DD, whole numbers without '.0'."""
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())[:CELL_MAX]


def xlsx_rows(content: bytes) -> Iterator[list[str]]:
    from openpyxl import load_workbook  # only imports need it

    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # noqa: BLE001 - openpyxl raises many kinds for a damaged file
        raise Invalid.field("file", "unreadable", "The workbook cannot be read") from exc
    try:
        sheet = workbook.worksheets[0]
        for values in sheet.iter_rows(values_only=True):
            yield [cell_text(v) for v in values]
    finally:
        workbook.close()


def _header(cells: list[str]) -> tuple[list[str | None], list[FieldError]]:
    fields: list[str | None] = []
    errors, seen = [], set()
    for index, cell in enumerate(cells):
        key = header_key(cell)
        if not key:
            fields.append(None)  # an empty header cell: an unused column
            continue
        field = _BY_HEADER.get(key)
        if field is None:
            errors.append(FieldError(f"columns.{index}", "unknown", f"Unknown column: {cell[:60]}"))
        elif field in seen:
            errors.append(FieldError(f"columns.{index}", "duplicate", f"The column {cell[:60]} is repeated"))
        seen.add(field)
        fields.append(field)
    if not seen - {None}:
        return fields, [FieldError("file", "no_header", "The first row must name the columns (see the template)")]
    if "tax_id" not in seen:
        errors.append(FieldError("columns", "missing_tax_id", "The file needs a column with the document number"))
    return fields, errors


def parse_rows(lines: Iterable[list[str]]) -> ParsedFile:
    """The header and the data rows; Invalid for a file without a header, with unknown or
    repeated columns, without rows, or with more than MAX_ROWS rows."""
    iterator = iter(lines)
    fields: list[str | None] | None = None
    rows: list[ParsedRow] = []
    for number, cells in enumerate(iterator, start=1):
        cells = [cell_text(c) for c in cells]
        if not any(cells):
            continue
        if fields is None:
            fields, errors = _header(cells)
            if errors:
                raise Invalid("The file's columns are not right", errors=errors, code="bad_columns")
            continue
        if len(rows) == MAX_ROWS:
            raise Invalid.field("file", "too_many_rows", f"At most {MAX_ROWS} clients per file")
        # Cells beyond the header's columns have no name: they are not read.
        values = {f: cells[i] for i, f in enumerate(fields) if f and i < len(cells) and cells[i]}
        rows.append(ParsedRow(number, values))
    if fields is None:
        raise Invalid.field("file", "empty", "The file has no rows")
    if not rows:
        raise Invalid.field("file", "no_rows", "The file has a header but no clients")
    return ParsedFile(tuple(f for f in fields if f), tuple(rows))


def parse_file(kind: str, content: bytes) -> ParsedFile:
    """`kind` is "csv" or "xlsx" (sniffed from the content by the caller)."""
    return parse_rows(xlsx_rows(content) if kind == "xlsx" else csv_rows(content))


# --- a row as a client ----------------------------------------------------------------------------

def row_kind(values: dict[str, str]) -> str:
    """The kind written in the row, or guessed from the document when the column is empty: a
    Spanish NIF or NIE (a digit or X/Y/Z first) is a person's, anything else a company's."""
    raw = header_key(values.get("kind", ""))
    if raw:
        return _KIND_BY_WORD.get(raw, raw)
    tax_id = values.get("tax_id", "").strip().upper()
    return "person" if tax_id[:1].isdigit() or tax_id[:1] in ("X", "Y", "Z") else "company"


def iso_date(raw: str) -> str:
    """'29/02/1984' -> '1984-02-29'; what is not a date is left for validate_date to refuse."""
    text = raw.strip()
    for pattern in _DATE_FORMATS:
        try:
            return datetime.strptime(text, pattern).date().isoformat()  # noqa: DTZ007 - a calendar date
        except ValueError:
            continue
    return text


def split_list(raw: str) -> list[str]:
    return [part.strip() for part in _LIST_SPLIT.split(raw) if part.strip()]


def postal_code(raw: str) -> str:
    """A Spanish postal code a spreadsheet kept as a number lost its leading zero (8001 -> 08001)."""
    text = raw.strip()
    return text.zfill(5) if text.isdigit() and len(text) == 4 else text


def row_input(values: dict[str, str], *, category_ids: tuple[str, ...], salesperson_id: str) -> ClientInput:
    """The row as a create request (categories and salesperson already resolved to ids)."""
    address = ()
    if any(values.get(f) for f in ADDRESS_FIELDS):
        address = (AddressInput(street=values.get("street", ""), number=values.get("number", ""),
                                floor_door=values.get("floor_door", ""),
                                postal_code=postal_code(values.get("postal_code", "")), city=values.get("city", ""),
                                province=values.get("province", ""), country=values.get("country", "")),)
    return ClientInput(
        kind=row_kind(values), tax_id=values.get("tax_id", ""), first_name=values.get("first_name", ""),
        last_name=values.get("last_name", ""), legal_name=values.get("legal_name", ""),
        trade_name=values.get("trade_name", ""), tax_id_type=values.get("tax_id_type", ""),
        email=values.get("email", ""), phone=values.get("phone", ""), addresses=address,
        birth_date=iso_date(values.get("birth_date", "")), locale=values.get("locale", "") or "es",
        category_ids=category_ids, salesperson_id=salesperson_id,
    )


def column_of(field: str) -> str:
    """A validation error's field named as the import's column: `addresses.0.postal_code` ->
    `postal_code`, `category_ids` -> `categories`, `salesperson_id` -> `salesperson`."""
    if field.startswith("addresses.0."):
        return field.removeprefix("addresses.0.")
    if field.startswith("phones.0."):
        return "phone"
    return {"category_ids": "categories", "salesperson_id": "salesperson", "addresses": "street"}.get(field, field)
