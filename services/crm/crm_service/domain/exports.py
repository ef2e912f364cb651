"""Client exports' rules, free of database access: the columns of the exported list, their
headers in the reader's language, and one client row as cells (texts, and birthdays as real
dates). `export_workbook.py` writes them to the .xlsx.

Kept light to import (it runs in the export's own process, `export_child`): phonenumbers is loaded
only for a phone the Spanish shortcut does not cover.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

COLUMNS = ("kind", "name", "tax_id", "email", "phone", "birth_date", "address", "postal_code", "city",
           "categories", "salesperson", "portal_user", "alerts")
HEADERS: dict[str, tuple[str, ...]] = {
    "es": ("Tipo", "Nombre", "NIF/CIF", "Email", "Teléfono", "Fecha de nacimiento", "Dirección principal",
           "Código postal", "Población", "Categorías", "Comercial", "Usuario del portal", "Alertas"),
    "ca": ("Tipus", "Nom", "NIF/CIF", "Correu electrònic", "Telèfon", "Data de naixement", "Adreça principal",
           "Codi postal", "Població", "Categories", "Comercial", "Usuari del portal", "Alertes"),
    "en": ("Kind", "Name", "Tax ID", "Email", "Phone", "Birth date", "Main address", "Postal code", "Town",
           "Categories", "Salesperson", "Portal user", "Alerts"),
    "pt": ("Tipo", "Nome", "NIF", "Email", "Telefone", "Data de nascimento", "Morada principal", "Código postal",
           "Localidade", "Categorias", "Comercial", "Utilizador do portal", "Alertas"),
}
KIND_WORDS = {
    "es": {"person": "Persona", "company": "Empresa", "consortium": "Consorcio"},
    "ca": {"person": "Persona", "company": "Empresa", "consortium": "Consorci"},
    "en": {"person": "Person", "company": "Company", "consortium": "Consortium"},
    "pt": {"person": "Pessoa", "company": "Empresa", "consortium": "Consórcio"},
}
YES_NO = {"es": ("Sí", "No"), "ca": ("Sí", "No"), "en": ("Yes", "No"), "pt": ("Sim", "Não")}
# The alert codes as the history writes them: e-mail/SMS x collections/renewals.
ALERT_CODES = ("email_collections", "email_renewals", "sms_collections", "sms_renewals")
WIDTHS = (11, 34, 13, 30, 16, 13, 40, 10, 20, 28, 22, 10, 40)
CATEGORY_SEPARATOR = "\x1f"
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def language(locale: str) -> str:
    code = locale.split("-")[0].lower()
    return code if code in HEADERS else "es"


def file_name(today: date) -> str:
    return f"clientes-{today.isoformat()}.xlsx"


def address_line(street: str | None, number: str | None, floor_door: str | None) -> str:
    return " ".join(p for p in (street, number, floor_door) if p)


def categories_text(aggregated: str | None) -> str:
    return ", ".join(sorted(aggregated.split(CATEGORY_SEPARATOR))) if aggregated else ""


def phone_text(e164: str) -> str:
    """`format_phone`'s answer, without parsing the commonest case: a Spanish mobile or landline
    (+34, nine digits, 6/7/8/9 first, not an 800/900 number) reads "612 34 56 78" in phonenumbers'
    national format, so it is cut here (parsing costs a third of a 100,000-row export)."""
    digits = e164[3:]
    if e164.startswith("+34") and len(digits) == 9 and digits.isdigit() and digits[0] in "6789" \
            and digits[:3] not in ("800", "900"):
        return f"{digits[:3]} {digits[3:5]} {digits[5:7]} {digits[7:]}"
    # phonenumbers itself, not `domain.clients.format_phone` (the same reading, tested so): that
    # module loads gRPC through the service's errors, which the export's lean process must not.
    import phonenumbers

    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    style = phonenumbers.PhoneNumberFormat.NATIONAL if phonenumbers.region_code_for_number(number) == "ES" \
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def row_cells(row: Sequence[Any], lang: str) -> list[object]:
    """One exported client (a row of `import_export_repository.export_query`, its columns in
    that order) as cells. Unpacked by position: this runs once per client of a 100,000-row export."""
    (_id, kind, name, tax_id, email, phone, birth_date, salesperson_id, salesperson_name, portal_user_id,
     email_collections, email_renewals, sms_collections, sms_renewals, street, number, floor_door, postal_code,
     city, categories) = row
    switches = (email_collections, email_renewals, sms_collections, sms_renewals)
    alerts = ", ".join(code for code, on in zip(ALERT_CODES, switches, strict=True) if on)
    return [
        KIND_WORDS[lang].get(kind, kind), name, tax_id, email, phone_text(phone) if phone else "", birth_date,
        address_line(street, number, floor_door), postal_code or "", city or "", categories_text(categories),
        salesperson_name if salesperson_id else "", YES_NO[lang][0 if portal_user_id else 1], alerts,
    ]
