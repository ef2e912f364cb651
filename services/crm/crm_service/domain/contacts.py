"""Contacts' rules: people linked to a client with a role, their own phones and e-mails."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from clientarea_shared.errors import FieldError, Invalid
from clientarea_shared.text import normalise_text
from crm_service.domain.clients import (
    Phone,
    PhoneInput,
    build_phones,
    format_phone,
    validate_email_address,
    validate_name,
)

ROLES = ("family", "manager", "legal_representative", "accountant", "other")
MAX_EMAILS = 10
NOTES_MAX = 2000


@dataclass(frozen=True)
class ContactInput:
    role: str
    first_name: str
    last_name: str = ""
    phones: tuple[PhoneInput, ...] = ()
    emails: tuple[str, ...] = ()
    notes: str = ""


@dataclass(frozen=True)
class ContactData:
    role: str
    first_name: str
    last_name: str
    phones: tuple[Phone, ...]
    emails: tuple[str, ...]
    notes: str

    @property
    def display_name(self) -> str:
        return " ".join(p for p in (self.first_name, self.last_name) if p)

    @property
    def search_text(self) -> str:
        numbers = " ".join(p.number.lstrip("+") for p in self.phones)
        return normalise_text(" ".join([self.display_name, *self.emails, numbers]))

    def snapshot(self) -> dict[str, str]:
        """The contact as the history shows it."""
        return {
            "role": self.role, "first_name": self.first_name, "last_name": self.last_name,
            "phones": "; ".join(f"{p.label} {format_phone(p.number)}" for p in self.phones),
            "emails": "; ".join(self.emails), "notes": self.notes,
        }


def _emails(raw: Iterable[str]) -> tuple[tuple[str, ...], list[FieldError]]:
    raw = [e for e in raw]
    if len(raw) > MAX_EMAILS:
        return (), [FieldError("emails", "too_many", f"At most {MAX_EMAILS} e-mail addresses")]
    emails, errors = [], []
    for index, value in enumerate(raw):
        try:
            email = validate_email_address(value, f"emails.{index}")
        except Invalid as exc:
            errors.extend(exc.errors)
            continue
        if not email:
            errors.append(FieldError(f"emails.{index}", "required", "Write the e-mail address or remove the line"))
        elif email in emails:
            errors.append(FieldError(f"emails.{index}", "duplicate", "This address is already in the list"))
        else:
            emails.append(email)
    return tuple(emails), errors


def validate_contact(raw: ContactInput) -> ContactData:
    errors: list[FieldError] = []
    role = raw.role.strip().lower()
    if role not in ROLES:
        errors.append(FieldError("role", "invalid",
                                 "Choose family, manager, legal representative, accountant or other"))
    first, last = " ".join(raw.first_name.split()), " ".join(raw.last_name.split())
    if not first:
        errors.append(FieldError("first_name", "required", "The name is required"))
    errors.extend(validate_name(first, "first_name", 100))
    errors.extend(validate_name(last, "last_name", 150))
    phones, phone_errors = build_phones(raw.phones)
    emails, email_errors = _emails(raw.emails)
    notes = raw.notes.strip()
    if len(notes) > NOTES_MAX:
        errors.append(FieldError("notes", "too_long", f"At most {NOTES_MAX} characters"))
    errors.extend(phone_errors + email_errors)
    if errors:
        raise Invalid(errors=errors)
    return ContactData(role=role, first_name=first, last_name=last, phones=phones, emails=emails, notes=notes)
