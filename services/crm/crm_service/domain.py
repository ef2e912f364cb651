"""CRM rules, free of I/O: validating and normalising a client's data."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import phonenumbers
from stdnum import get_cc_module
from stdnum.es import cif, nie, nif
from stdnum.exceptions import ValidationError
from stdnum.util import clean

from clientarea_shared.errors import FieldError, Invalid
from clientarea_shared.text import normalise_email, normalise_text

KINDS = ("person", "company", "consortium")
DEFAULT_REGION = "ES"


def validate_tax_id(raw: str, kind: str, forced_type: str = "") -> tuple[str, str]:
    """Return (type, compact number) or raise Invalid on the `tax_id` field.

    Spanish ids are detected: NIE (X/Y/Z...), NIF of a person (digits + letter) and CIF of a
    company. Other countries by explicit type, e.g. `pt_nif`, `fr_siren`, via python-stdnum.
    """
    value = raw.strip()
    if not value:
        raise Invalid.field("tax_id", "required", "The document number is required")
    try:
        if forced_type and not forced_type.startswith("es_"):
            country, _, name = forced_type.partition("_")
            module = get_cc_module(country, name)
            if module is None:
                raise Invalid.field("tax_id_type", "unknown", f"Unknown document type {forced_type}")
            return forced_type, module.validate(value)
        compact = clean(value, " -./").upper()  # typed as "12.345.678-Z" as often as not
        if compact[:1] in "XYZ":
            return "es_nie", nie.validate(compact)
        if compact[:1].isdigit():
            if kind != "person":
                raise Invalid.field("tax_id", "person_id_for_company",
                                    "A company or consortium needs a CIF")
            return "es_nif", nif.validate(compact)
        return "es_cif", cif.validate(compact)
    except ValidationError as exc:
        raise Invalid.field("tax_id", "invalid", f"The document number is not valid: {exc}") from exc


def validate_phone(raw: str, region: str = DEFAULT_REGION) -> str:
    """E.164 form of a phone number, or Invalid on `phone`."""
    if not raw.strip():
        return ""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise Invalid.field("phone", "invalid", "The phone number is not valid") from exc
    if not phonenumbers.is_valid_number(number):
        raise Invalid.field("phone", "invalid", "The phone number is not valid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def validate_email_address(raw: str) -> str:
    return normalise_email(raw)


def validate_date(raw: str, field: str) -> date | None:
    if not raw:
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise Invalid.field(field, "invalid", "Use a date as YYYY-MM-DD") from exc
    if value > date.today():
        raise Invalid.field(field, "in_future", "The date cannot be in the future")
    return value


@dataclass(frozen=True)
class NewClient:
    kind: str
    first_name: str
    last_name: str
    legal_name: str
    display_name: str
    tax_id_type: str
    tax_id: str
    email: str
    phone: str
    birth_date: date | None
    locale: str

    @property
    def search_text(self) -> str:
        return normalise_text(
            " ".join([self.display_name, self.tax_id, self.email, self.phone.lstrip("+")])
        )


def build_client(
    *, kind: str, first_name: str, last_name: str, legal_name: str, tax_id: str,
    tax_id_type: str, email: str, phone: str, birth_date: str, locale: str,
) -> NewClient:
    """Validate every field and collect all errors at once, so a form shows them together."""
    errors: list[FieldError] = []

    def check(fn, *args):  # noqa: ANN001, ANN002, ANN202
        try:
            return fn(*args)
        except Invalid as exc:
            errors.extend(exc.errors)
            return None

    if kind not in KINDS:
        errors.append(FieldError("kind", "invalid", "Choose person, company or consortium"))
    first, last, legal = first_name.strip(), last_name.strip(), legal_name.strip()
    if kind == "person":
        if not first:
            errors.append(FieldError("first_name", "required", "The first name is required"))
        if not last:
            errors.append(FieldError("last_name", "required", "The last name is required"))
    elif kind in KINDS and not legal:
        errors.append(FieldError("legal_name", "required", "The company name is required"))
    for field_name, value in (("first_name", first), ("last_name", last), ("legal_name", legal)):
        if len(value) > 150 or any(c in value for c in "<>/\\\x00"):
            errors.append(FieldError(field_name, "invalid", "The name has characters not allowed"))
    tax = check(validate_tax_id, tax_id, kind, tax_id_type)
    mail = check(validate_email_address, email)
    tel = check(validate_phone, phone)
    born = check(validate_date, birth_date, "birth_date")
    if errors:
        raise Invalid(errors=errors)
    display = f"{first} {last}" if kind == "person" else legal
    return NewClient(
        kind=kind, first_name=first, last_name=last, legal_name=legal, display_name=display,
        tax_id_type=tax[0], tax_id=tax[1], email=mail or "", phone=tel or "", birth_date=born,
        locale=locale or "es",
    )
