"""Client records' rules, free of I/O: validating and normalising a client's data.

`build_client` checks every field of a client at once and collects all the problems (a form shows
them together), naming nested fields by position (`phones.1.number`, `addresses.0.postal_code`,
`members.2.share`). What needs the database or another service (is the salesperson a colleague,
is a member an existing company, does a category exist) is checked by the handlers.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import phonenumbers
from stdnum import get_cc_module
from stdnum.es import cif, nie, nif
from stdnum.es import postal_code as es_postal_code
from stdnum.exceptions import ValidationError
from stdnum.util import clean

from clientarea_shared.errors import FieldError, Invalid
from clientarea_shared.text import normalise_email, normalise_text

T = TypeVar("T")

KINDS = ("person", "company", "consortium")
LOCALES = ("es", "ca", "en", "pt")
DEFAULT_REGION = "ES"
PHONE_LABELS = ("mobile", "home", "work", "other")
ALERT_FIELDS = ("email_collections", "email_renewals", "sms_collections", "sms_renewals")
MAX_PHONES = 10
MAX_ADDRESSES = 10
MAX_CATEGORIES = 50
MAX_MEMBERS = 50
OLDEST_DATE = date(1800, 1, 1)  # founding dates of old firms go far back; birthdays never this far
NAME_FORBIDDEN = "<>/\\\x00"
# Fields of a client that an edit may name (UpdateClient's `fields`). The kind never changes: a
# person does not become a company (a new client is created instead).
EDITABLE_FIELDS = frozenset({
    "first_name", "last_name", "legal_name", "trade_name", "tax_id", "tax_id_type", "email", "phone",
    "phones", "addresses", "birth_date", "locale", "category_ids", "salesperson_id", "alerts", "members",
})
# What a customer may change of their own client (seed 004): how to reach them, and whether to.
PROFILE_FIELDS = frozenset({"phones", "addresses", "alerts"})


# --- single values --------------------------------------------------------------------------

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
            module = get_cc_module(country, name) if name else None
            if module is None:
                raise Invalid.field("tax_id_type", "unknown", f"Unknown document type {forced_type}")
            return forced_type, module.compact(module.validate(value))
        compact = clean(value, " -./").upper()  # typed as "12.345.678-Z" as often as not
        if compact[:1] in "XYZ":
            if kind != "person":
                raise Invalid.field("tax_id", "person_id_for_company", "A company or consortium needs a CIF")
            return "es_nie", nie.validate(compact)
        if compact[:1].isdigit():
            if kind != "person":
                raise Invalid.field("tax_id", "person_id_for_company", "A company or consortium needs a CIF")
            return "es_nif", nif.validate(compact)
        if kind == "person":
            raise Invalid.field("tax_id", "company_id_for_person", "A person needs a NIF or a NIE")
        return "es_cif", cif.validate(compact)
    except ValidationError as exc:
        raise Invalid.field("tax_id", "invalid", f"The document number is not valid: {exc}") from exc


def validate_phone(raw: str, region: str = DEFAULT_REGION, field_name: str = "phone") -> str:
    """E.164 form of a phone number ("" stays ""), or Invalid on `field_name`. Numbers without a
    country prefix are read as Spanish."""
    if not raw.strip():
        return ""
    try:
        number = phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException as exc:
        raise Invalid.field(field_name, "invalid", "The phone number is not valid") from exc
    if not phonenumbers.is_valid_number(number):
        raise Invalid.field(field_name, "invalid", "The phone number is not valid")
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def format_phone(e164: str) -> str:
    """A stored number for reading: national format for Spanish numbers ("612 34 56 78"),
    international for the others ("+351 912 345 678")."""
    if not e164:
        return ""
    try:
        number = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    region = phonenumbers.region_code_for_number(number)
    style = phonenumbers.PhoneNumberFormat.NATIONAL if region == DEFAULT_REGION \
        else phonenumbers.PhoneNumberFormat.INTERNATIONAL
    return phonenumbers.format_number(number, style)


def validate_email_address(raw: str, field_name: str = "email") -> str:
    return normalise_email(raw, field_name)


def validate_date(raw: str, field_name: str) -> date | None:
    """A past date as YYYY-MM-DD ("" is none)."""
    if not raw:
        return None
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise Invalid.field(field_name, "invalid", "Use a date as YYYY-MM-DD") from exc
    if value > date.today():
        raise Invalid.field(field_name, "in_future", "The date cannot be in the future")
    if value < OLDEST_DATE:
        raise Invalid.field(field_name, "too_old", "The date is too far in the past")
    return value


def validate_name(value: str, field_name: str, max_length: int) -> list[FieldError]:
    """Problems of a name: too long, or characters that belong in markup or paths, not names."""
    if len(value) > max_length:
        return [FieldError(field_name, "too_long", f"At most {max_length} characters")]
    if any(c in value for c in NAME_FORBIDDEN):
        return [FieldError(field_name, "invalid", "The name has characters not allowed")]
    return []


def parse_share(raw: str, field_name: str) -> int:
    """A percentage ("33.34", "50", "12,5") in hundredths of a percent (3334)."""
    try:
        value = Decimal(raw.strip().replace(",", "."))
    except InvalidOperation as exc:
        raise Invalid.field(field_name, "invalid", "Write the share as a percentage, e.g. 33.34") from exc
    if not value.is_finite() or value <= 0 or value > 100:
        raise Invalid.field(field_name, "out_of_range", "A share is more than 0 and at most 100")
    if value != value.quantize(Decimal("0.01")):
        raise Invalid.field(field_name, "too_precise", "A share has at most two decimals")
    return int(value * 100)


def share_text(hundredths: int) -> str:
    """3334 -> "33.34", 5000 -> "50"."""
    return f"{Decimal(hundredths) / 100:f}".rstrip("0").rstrip(".") if hundredths % 100 else str(hundredths // 100)


# --- the parts of a client --------------------------------------------------------------------

@dataclass(frozen=True)
class PhoneInput:
    label: str
    number: str


@dataclass(frozen=True)
class Phone:
    label: str
    number: str  # E.164


@dataclass(frozen=True)
class AddressInput:
    street: str = ""
    number: str = ""
    floor_door: str = ""
    postal_code: str = ""
    city: str = ""
    province: str = ""
    country: str = ""
    is_main: bool = False


@dataclass(frozen=True)
class Address:
    street: str
    number: str
    floor_door: str
    postal_code: str
    city: str
    province: str
    country: str  # ISO 3166-1 alpha-2
    is_main: bool

    def one_line(self) -> str:
        street = " ".join(p for p in (self.street, self.number, self.floor_door) if p)
        place = " ".join(p for p in (self.postal_code, self.city) if p)
        region = f"({self.province})" if self.province else ""
        return ", ".join(p for p in (street, " ".join(x for x in (place, region) if x), self.country) if p)


@dataclass(frozen=True)
class Alerts:
    """The virtual assistant's alerts, per channel (e-mail, SMS) and topic (collections, renewals)."""

    email_collections: bool = False
    email_renewals: bool = False
    sms_collections: bool = False
    sms_renewals: bool = False


@dataclass(frozen=True)
class MemberInput:
    client_id: str
    share: str


@dataclass(frozen=True)
class Member:
    client_id: str
    share_hundredths: int


def _indexed(errors: list[FieldError], prefix: str, index: int) -> list[FieldError]:
    return [FieldError(f"{prefix}.{index}.{e.field}", e.code, e.message) for e in errors]


def build_phones(raw: Iterable[PhoneInput]) -> tuple[tuple[Phone, ...], list[FieldError]]:
    items, errors, seen = [], [], set()
    raw = list(raw)
    if len(raw) > MAX_PHONES:
        return (), [FieldError("phones", "too_many", f"At most {MAX_PHONES} phones")]
    for index, item in enumerate(raw):
        problems = []
        label = item.label.strip().lower() or "mobile"
        if label not in PHONE_LABELS:
            problems.append(FieldError("label", "invalid", "Choose mobile, home, work or other"))
        number = ""
        if not item.number.strip():
            problems.append(FieldError("number", "required", "Write the phone number"))
        else:
            try:
                number = validate_phone(item.number, field_name="number")
            except Invalid as exc:
                problems.extend(exc.errors)
        if number and number in seen:
            problems.append(FieldError("number", "duplicate", "This number is already in the list"))
        seen.add(number)
        errors.extend(_indexed(problems, "phones", index))
        items.append(Phone(label, number))
    return tuple(items), errors


def _postal_code(code: str, country: str) -> str:
    if not code:
        raise Invalid.field("postal_code", "required", "Write the postal code")
    if country == "ES":
        try:
            return es_postal_code.validate(code)
        except ValidationError as exc:
            raise Invalid.field("postal_code", "invalid", "A Spanish postal code has five digits, 01000 to 52999") \
                from exc
    if len(code) > 12 or not all(c.isalnum() or c in " -" for c in code):
        raise Invalid.field("postal_code", "invalid", "The postal code is not valid")
    return code.upper()


def _address(item: AddressInput) -> tuple[Address, list[FieldError]]:
    text = {f.name: " ".join(str(getattr(item, f.name)).split())
            for f in dataclasses.fields(item) if f.name != "is_main"}
    country = (text["country"] or DEFAULT_REGION).upper()
    problems = []
    for name, limit in (("street", 200), ("number", 20), ("floor_door", 40), ("city", 120), ("province", 120)):
        if len(text[name]) > limit:
            problems.append(FieldError(name, "too_long", f"At most {limit} characters"))
        elif any(c in text[name] for c in "<>\x00"):
            problems.append(FieldError(name, "invalid", "Characters not allowed"))
    for name in ("street", "city"):
        if not text[name]:
            problems.append(FieldError(name, "required", "This part of the address is required"))
    if len(country) != 2 or country not in phonenumbers.SUPPORTED_REGIONS:
        problems.append(FieldError("country", "invalid", "Choose a country (ISO code, e.g. ES, PT)"))
    code = text["postal_code"]
    try:
        code = _postal_code(code, country)
    except Invalid as exc:
        problems.extend(exc.errors)
    return Address(street=text["street"], number=text["number"], floor_door=text["floor_door"], postal_code=code,
                   city=text["city"], province=text["province"], country=country, is_main=item.is_main), problems


def build_addresses(raw: Iterable[AddressInput]) -> tuple[tuple[Address, ...], list[FieldError]]:
    """Valid addresses with exactly one main one: the one marked, or the first when none is."""
    raw = list(raw)
    if len(raw) > MAX_ADDRESSES:
        return (), [FieldError("addresses", "too_many", f"At most {MAX_ADDRESSES} addresses")]
    items, errors = [], []
    for index, item in enumerate(raw):
        address, problems = _address(item)
        items.append(address)
        errors.extend(_indexed(problems, "addresses", index))
    mains = [i for i, a in enumerate(items) if a.is_main]
    if len(mains) > 1:
        errors.append(FieldError("addresses", "several_main", "Only one address can be the main one"))
    elif items and not mains:
        items[0] = dataclasses.replace(items[0], is_main=True)
    return tuple(items), errors


def build_members(kind: str, raw: Iterable[MemberInput]) -> tuple[tuple[Member, ...], list[FieldError]]:
    """A consortium's member companies and shares: none yet (recorded before its members are
    known), or at least two, each once, shares summing 100 %. Other kinds have no members."""
    raw = list(raw)
    if kind != "consortium":
        return (), [FieldError("members", "not_consortium", "Only a consortium has member companies")] if raw else []
    if not raw:
        return (), []
    if len(raw) < 2:
        return (), [FieldError("members", "too_few", "A consortium has at least two member companies")]
    if len(raw) > MAX_MEMBERS:
        return (), [FieldError("members", "too_many", f"At most {MAX_MEMBERS} member companies")]
    items, errors, seen = [], [], set()
    for index, item in enumerate(raw):
        problems, share = [], 0
        client_id = item.client_id.strip()
        if not client_id:
            problems.append(FieldError("client_id", "required", "Choose a company"))
        elif client_id in seen:
            problems.append(FieldError("client_id", "duplicate", "This company is already a member"))
        seen.add(client_id)
        try:
            share = parse_share(item.share, "share")
        except Invalid as exc:
            problems.extend(exc.errors)
        errors.extend(_indexed(problems, "members", index))
        items.append(Member(client_id, share))
    if not errors and sum(m.share_hundredths for m in items) != 100_00:
        total = share_text(sum(m.share_hundredths for m in items))
        errors.append(FieldError("members", "shares_sum", f"The shares add up to {total} %, not 100 %"))
    return tuple(items), errors


# --- a whole client -----------------------------------------------------------------------------

@dataclass(frozen=True)
class ClientInput:
    """A client's fields as received (not yet validated)."""

    kind: str
    tax_id: str
    first_name: str = ""
    last_name: str = ""
    legal_name: str = ""
    trade_name: str = ""
    tax_id_type: str = ""
    email: str = ""
    phone: str = ""  # the API's first, single phone: taken as a mobile when `phones` is empty
    phones: tuple[PhoneInput, ...] = ()
    addresses: tuple[AddressInput, ...] = ()
    birth_date: str = ""
    locale: str = "es"
    category_ids: tuple[str, ...] = ()
    salesperson_id: str = ""
    alerts: Alerts = field(default_factory=Alerts)
    members: tuple[MemberInput, ...] = ()


@dataclass(frozen=True)
class ClientData:
    """A valid client: what the repository stores."""

    kind: str
    first_name: str
    last_name: str
    legal_name: str
    trade_name: str
    display_name: str
    tax_id_type: str
    tax_id: str
    email: str
    phones: tuple[Phone, ...]
    addresses: tuple[Address, ...]
    birth_date: date | None
    locale: str
    category_ids: tuple[str, ...]
    salesperson_id: str
    alerts: Alerts
    members: tuple[Member, ...]

    @property
    def phone(self) -> str:
        """The first phone, kept on the client row for the list and the search."""
        return self.phones[0].number if self.phones else ""

    @property
    def search_text(self) -> str:
        numbers = " ".join(p.number.lstrip("+") for p in self.phones)
        return normalise_text(" ".join([self.display_name, self.trade_name, self.tax_id, self.email, numbers]))


# Kept for callers of the first version (seed, benchmarks): a new client is a ClientData.
NewClient = ClientData


def _collect(errors: list[FieldError], fn: Callable[..., T], *args: Any) -> T | None:
    try:
        return fn(*args)
    except Invalid as exc:
        errors.extend(exc.errors)
        return None


def _name_errors(kind: str, first: str, last: str, legal: str, trade: str) -> list[FieldError]:
    errors: list[FieldError] = []
    if kind == "person":
        if not first:
            errors.append(FieldError("first_name", "required", "The first name is required"))
        if not last:
            errors.append(FieldError("last_name", "required", "The last name is required"))
    elif kind in KINDS and not legal:
        errors.append(FieldError("legal_name", "required", "The company name is required"))
    for name, value, limit in (("first_name", first, 100), ("last_name", last, 150), ("legal_name", legal, 250),
                               ("trade_name", trade, 250)):
        errors.extend(validate_name(value, name, limit))
    return errors


def validate_client(raw: ClientInput) -> ClientData:
    """Every field checked, all problems reported at once (Invalid with one error per field)."""
    errors: list[FieldError] = []
    kind = raw.kind
    if kind not in KINDS:
        errors.append(FieldError("kind", "invalid", "Choose person, company or consortium"))
    first, last = " ".join(raw.first_name.split()), " ".join(raw.last_name.split())
    legal, trade = " ".join(raw.legal_name.split()), " ".join(raw.trade_name.split())
    if kind == "person":
        legal = trade = ""  # a person has no company names; a company no personal ones
    else:
        first = last = ""
    errors.extend(_name_errors(kind, first, last, legal, trade))
    tax = _collect(errors, validate_tax_id, raw.tax_id, kind, raw.tax_id_type.strip().lower())
    mail = _collect(errors, validate_email_address, raw.email)
    phones_raw = raw.phones or ((PhoneInput("mobile", raw.phone),) if raw.phone.strip() else ())
    phones, phone_errors = build_phones(phones_raw)
    if raw.phone.strip() and not raw.phones and phone_errors:
        phone_errors = [FieldError("phone", e.code, e.message) for e in phone_errors]  # asked as `phone`
    errors.extend(phone_errors)
    addresses, address_errors = build_addresses(raw.addresses)
    errors.extend(address_errors)
    born = _collect(errors, validate_date, raw.birth_date.strip(), "birth_date")
    locale = raw.locale.strip().lower() or "es"
    if locale not in LOCALES:
        errors.append(FieldError("locale", "invalid", "Choose es, ca, en or pt"))
    categories = tuple(dict.fromkeys(c.strip() for c in raw.category_ids if c.strip()))
    if len(categories) > MAX_CATEGORIES:
        errors.append(FieldError("category_ids", "too_many", f"At most {MAX_CATEGORIES} categories"))
    members, member_errors = build_members(kind, raw.members)
    errors.extend(member_errors)
    if errors:
        raise Invalid(errors=errors)
    assert tax is not None  # noqa: S101 - no errors means the document was valid
    return ClientData(
        kind=kind, first_name=first, last_name=last, legal_name=legal, trade_name=trade,
        display_name=f"{first} {last}" if kind == "person" else legal, tax_id_type=tax[0], tax_id=tax[1],
        email=mail or "", phones=phones, addresses=addresses, birth_date=born, locale=locale,
        category_ids=categories, salesperson_id=raw.salesperson_id.strip(), alerts=raw.alerts, members=members,
    )


def build_client(**fields: Any) -> ClientData:
    """`validate_client` with keyword arguments (sequences become tuples)."""
    for name in ("phones", "addresses", "category_ids", "members"):
        if name in fields:
            fields[name] = tuple(fields[name])
    return validate_client(ClientInput(**fields))


def input_of(data: ClientData) -> ClientInput:
    """The stored client as input again, so an edit changes some fields and validates the whole."""
    return ClientInput(
        kind=data.kind, tax_id=data.tax_id, first_name=data.first_name, last_name=data.last_name,
        legal_name=data.legal_name, trade_name=data.trade_name, tax_id_type=data.tax_id_type, email=data.email,
        phones=tuple(PhoneInput(p.label, p.number) for p in data.phones),
        addresses=tuple(AddressInput(**dataclasses.asdict(a)) for a in data.addresses),
        birth_date=data.birth_date.isoformat() if data.birth_date else "", locale=data.locale,
        category_ids=data.category_ids, salesperson_id=data.salesperson_id, alerts=data.alerts,
        members=tuple(MemberInput(m.client_id, share_text(m.share_hundredths)) for m in data.members),
    )


def edited(current: ClientData, changes: ClientInput, fields: Iterable[str], allowed: frozenset[str]) -> ClientData:
    """The client after an edit of `fields` (taken from `changes`), validated as a whole.

    The document number and its type go together: naming either takes both from `changes`, so a
    new Spanish number is not checked against a foreign type chosen before. Naming `phones`
    replaces the list; `phone` alone replaces the first phone only.
    """
    names = set(fields)
    unknown = sorted(names - allowed)
    if unknown:
        raise Invalid(errors=[FieldError(name, "not_editable", "This field cannot be changed here")
                              for name in unknown])
    if names & {"tax_id", "tax_id_type"}:
        names |= {"tax_id", "tax_id_type"}
    before = input_of(current)
    values = {name: getattr(changes, name) for name in names if name != "phone"}
    if "phone" in names and "phones" not in names:
        rest = before.phones[1:]
        values["phones"] = ((PhoneInput(before.phones[0].label if before.phones else "mobile", changes.phone),)
                            if changes.phone.strip() else ()) + rest
    return validate_client(dataclasses.replace(before, **values))


# --- the client as the history shows it ----------------------------------------------------------

def history_snapshot(data: ClientData, *, category_names: dict[str, str], member_names: dict[str, str],
                     salesperson_name: str) -> dict[str, str]:
    """One text per field, as people read it. Lists are one line each, a phone or address line
    starting with its label code ("mobile: 612 34 56 78", "main: Calle Mayor 5, 28001 Madrid, ES")
    that the web client translates; alerts read "on"/"off"."""
    snapshot = {
        "first_name": data.first_name, "last_name": data.last_name, "legal_name": data.legal_name,
        "trade_name": data.trade_name, "tax_id": data.tax_id, "tax_id_type": data.tax_id_type, "email": data.email,
        "phones": "\n".join(f"{p.label}: {format_phone(p.number)}" for p in data.phones),
        "addresses": "\n".join(f"{'main' if a.is_main else 'other'}: {a.one_line()}" for a in data.addresses),
        "birth_date": data.birth_date.isoformat() if data.birth_date else "", "locale": data.locale,
        "categories": ", ".join(sorted(category_names.get(c, c) for c in data.category_ids)),
        "salesperson": salesperson_name if data.salesperson_id else "",
        "members": "\n".join(f"{member_names.get(m.client_id, m.client_id)}: {share_text(m.share_hundredths)} %"
                             for m in data.members),
    }
    for name in ALERT_FIELDS:
        snapshot[f"alerts.{name}"] = "on" if getattr(data.alerts, name) else "off"
    return snapshot
