"""Text helpers: every service matches names and reads e-mail addresses the same way."""

from __future__ import annotations

import unicodedata

from email_validator import EmailNotValidError, validate_email

from clientarea_shared.errors import Invalid


def normalise_text(value: str) -> str:
    """Lower-case without accents: 'José Núñez' -> 'jose nunez'."""
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower().strip()


def search_words(query: str) -> list[str]:
    """The normalised words of a free-text query; each must appear in the searched text."""
    return normalise_text(query).split()


def normalise_email(raw: str, field: str = "email") -> str:
    """A syntactically valid address, lower-cased ("" stays ""), or Invalid on `field`.
    The reserved .test domain is accepted: demo and training data use it."""
    if not raw.strip():
        return ""
    try:
        return validate_email(raw.strip(), check_deliverability=False, test_environment=True).normalized.lower()
    except EmailNotValidError as exc:
        raise Invalid.field(field, "invalid", "The e-mail address is not valid") from exc
