"""Collections rules that need no I/O."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from stdnum.es import cif, nie, nif
from stdnum.exceptions import ValidationError
from stdnum.util import clean

from clientarea_shared.errors import FieldError, Invalid
from collections_service.access_keys import normalise_number

KINDS = frozenset({"debt", "process"})
STATUSES = frozenset({"open", "closed"})
FIRST_PHASE = "opened"
DEFAULT_CURRENCY = "EUR"
_NUMBER = re.compile(r"^[A-Z0-9][A-Z0-9/.\-]{2,39}$")
_PHASE = re.compile(r"^[a-z][a-z_]{0,39}$")


def status_filter(status: str) -> str:
    """A list filter on status: empty (all) or one of STATUSES."""
    if status and status not in STATUSES:
        raise Invalid.field("status", "invalid", f"status must be one of: {', '.join(sorted(STATUSES))}")
    return status


@dataclass(frozen=True)
class NewCase:
    """A case staff open, validated (the client's existence is checked with crm apart)."""

    client_id: str
    number: str  # empty: the next free one is given
    kind: str
    phase: str
    debtor_name: str
    debtor_tax_id_type: str
    debtor_tax_id: str
    amount_minor: int
    currency: str
    opened_on: date


def _tax_id(raw: str, forced_type: str) -> tuple[str, str]:
    """(type, compact number) of a Spanish debtor's NIF, NIE or CIF; ("", "") when not given."""
    compact = clean(raw, " -./").upper()
    if not compact:
        return "", ""
    if forced_type and forced_type not in {"es_nif", "es_nie", "es_cif"}:
        return forced_type[:20], compact[:32]  # another country's: kept as given
    try:
        if compact[:1] in "XYZ":
            return "es_nie", nie.validate(compact)
        if compact[:1].isdigit():
            return "es_nif", nif.validate(compact)
        return "es_cif", cif.validate(compact)
    except ValidationError as exc:
        raise Invalid.field("debtor_tax_id", "invalid", f"The document number is not valid: {exc}") from exc


def _opened_on(raw: str, today: date) -> date:
    if not raw:
        return today
    try:
        value = date.fromisoformat(raw)
    except ValueError as exc:
        raise Invalid.field("opened_on", "invalid", "Use a date as YYYY-MM-DD") from exc
    if value > today:
        raise Invalid.field("opened_on", "in_future", "The date cannot be in the future")
    return value


def build_case(*, client_id: str, number: str, kind: str, phase: str, debtor_name: str, debtor_tax_id: str,
               debtor_tax_id_type: str, amount_minor: int, currency: str, opened_on: str,
               today: date) -> NewCase:
    """Validate every field and report all errors at once, so a form shows them together."""
    errors: list[FieldError] = []

    def check(fn, *args):  # noqa: ANN001, ANN002, ANN202
        try:
            return fn(*args)
        except Invalid as exc:
            errors.extend(exc.errors)
            return None

    if not client_id.strip():
        errors.append(FieldError("client_id", "required", "Choose the client"))
    wanted_number = normalise_number(number)
    if wanted_number and not _NUMBER.match(wanted_number):
        errors.append(FieldError("number", "invalid", "Use letters, digits, '-', '/' or '.' (3 to 40)"))
    if kind not in KINDS:
        errors.append(FieldError("kind", "invalid", "Choose debt or process"))
    if phase and not _PHASE.match(phase):
        errors.append(FieldError("phase", "invalid", "The phase is a lower-case code such as 'amicable'"))
    debtor = " ".join(debtor_name.split())
    if not debtor:
        errors.append(FieldError("debtor_name", "required", "The debtor's name is required"))
    elif len(debtor) > 250 or any(c in debtor for c in "<>\\\x00"):
        errors.append(FieldError("debtor_name", "invalid", "The name has characters not allowed"))
    tax = check(_tax_id, debtor_tax_id, debtor_tax_id_type) or ("", "")
    if amount_minor <= 0:
        errors.append(FieldError("amount", "invalid", "The amount must be more than zero"))
    money_currency = (currency or DEFAULT_CURRENCY).upper()
    if not re.fullmatch(r"[A-Z]{3}", money_currency):
        errors.append(FieldError("amount.currency", "invalid", "Use an ISO 4217 currency such as EUR"))
    opened = check(_opened_on, opened_on, today)
    if errors:
        raise Invalid(errors=errors)
    return NewCase(client_id=client_id.strip(), number=wanted_number, kind=kind, phase=phase or FIRST_PHASE,
                   debtor_name=debtor, debtor_tax_id_type=tax[0], debtor_tax_id=tax[1],
                   amount_minor=amount_minor, currency=money_currency, opened_on=opened or today)


def next_number(taken: list[str], year: int) -> str:
    """The next process number of the year, `EXP-2026-00312` after `EXP-2026-00311`."""
    prefix = f"EXP-{year}-"
    used = [int(n[len(prefix):]) for n in taken if n.startswith(prefix) and n[len(prefix):].isdigit()]
    return f"{prefix}{max(used, default=0) + 1:05d}"
