"""Rules of the firm's content (news, support materials, advantage programme): what a valid item is
and which ones a reader sees. Free of I/O."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from clientarea_shared.errors import FieldError, Invalid
from clientarea_shared.storage import DOCUMENT_TYPES, IMAGE_TYPES

LANGUAGES = frozenset({"es", "ca", "en", "pt"})
TITLE_MAX = 200
BODY_MAX = 10_000
DESCRIPTION_MAX = 5_000
CATEGORY_MAX = 60
URL_MAX = 500
MATERIAL_MAX_BYTES = 10 * 1024 * 1024
MATERIAL_TYPES = DOCUMENT_TYPES
ADVANTAGE_IMAGE_MAX_BYTES = 2 * 1024 * 1024
ADVANTAGE_IMAGE_TYPES = IMAGE_TYPES
# The firm's customers are in Spain: an offer valid "until 31 May" lasts the whole of that day there.
FIRM_ZONE = ZoneInfo("Europe/Madrid")


def clean_text(text: str) -> str:
    """Trailing spaces and runs of blank lines removed; paragraphs (blank lines) kept."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").strip().split("\n")]
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return "\n".join(kept)


def one_line(text: str) -> str:
    return " ".join(text.split())


def _title_problem(title: str, errors: list[FieldError], what: str = "a title") -> None:
    if not title:
        errors.append(FieldError("title", "required", f"Write {what}"))
    elif len(title) > TITLE_MAX:
        errors.append(FieldError("title", "too_long", f"The title has at most {TITLE_MAX} characters"))


def _length_problem(field: str, value: str, limit: int, errors: list[FieldError]) -> None:
    if len(value) > limit:
        errors.append(FieldError(field, "too_long", f"At most {limit} characters"))


def raise_if(errors: list[FieldError]) -> None:
    if errors:
        raise Invalid(errors=errors)


# --- news ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class NewsFields:
    title: str
    body: str
    language: str


def news_fields(title: str, body: str, language: str) -> NewsFields:
    """The cleaned fields, or Invalid with every field's problem at once."""
    fields = NewsFields(one_line(title), clean_text(body), language.strip().lower())
    errors: list[FieldError] = []
    _title_problem(fields.title, errors)
    if not fields.body:
        errors.append(FieldError("body", "required", "Write the news"))
    else:
        _length_problem("body", fields.body, BODY_MAX, errors)
    if fields.language and fields.language not in LANGUAGES:
        errors.append(FieldError("language", "invalid", "Choose es, ca, en or pt, or none for every reader"))
    raise_if(errors)
    return fields


# --- support materials -------------------------------------------------------------------------

@dataclass(frozen=True)
class MaterialFields:
    title: str
    description: str
    category: str


def material_fields(title: str, description: str, category: str) -> tuple[MaterialFields, list[FieldError]]:
    """The cleaned fields and their problems (the caller adds the file's before refusing)."""
    fields = MaterialFields(one_line(title), clean_text(description), one_line(category))
    errors: list[FieldError] = []
    _title_problem(fields.title, errors)
    _length_problem("description", fields.description, DESCRIPTION_MAX, errors)
    _length_problem("category", fields.category, CATEGORY_MAX, errors)
    return fields, errors


# --- advantage programme -----------------------------------------------------------------------

@dataclass(frozen=True)
class AdvantageFields:
    title: str
    description: str
    valid_from: date
    valid_until: date | None
    link_url: str


def _date(field: str, raw: str, errors: list[FieldError], *, required: bool) -> date | None:
    raw = raw.strip()
    if not raw:
        if required:
            errors.append(FieldError(field, "required", "Choose a date"))
        return None
    try:
        return date.fromisoformat(raw)
    except ValueError:
        errors.append(FieldError(field, "invalid", "Write the date as YYYY-MM-DD"))
        return None


def safe_link(raw: str) -> bool:
    """Only https links to a named host: a javascript: or data: link shown to customers would run
    in the portal, and http would send them off encrypted pages."""
    parts = urlsplit(raw)
    return parts.scheme == "https" and bool(parts.hostname) and not any(c.isspace() for c in raw)


def advantage_fields(title: str, description: str, valid_from: str, valid_until: str,
                     link_url: str) -> tuple[AdvantageFields | None, list[FieldError]]:
    errors: list[FieldError] = []
    title, description, link = one_line(title), clean_text(description), link_url.strip()
    _title_problem(title, errors)
    _length_problem("description", description, DESCRIPTION_MAX, errors)
    starts = _date("valid_from", valid_from, errors, required=True)
    ends = _date("valid_until", valid_until, errors, required=False)
    if starts and ends and ends < starts:
        errors.append(FieldError("valid_until", "before_start", "The offer cannot end before it starts"))
    if link and (len(link) > URL_MAX or not safe_link(link)):
        errors.append(FieldError("link_url", "invalid", "Write a full https:// address"))
    if errors or starts is None:
        return None, errors
    return AdvantageFields(title, description, starts, ends, link), []


def firm_today(now: datetime) -> date:
    return now.astimezone(FIRM_ZONE).date()


def advantage_active(published: bool, valid_from: date, valid_until: date | None, today: date) -> bool:
    """What customers see: published, started, and not ended (the last day counts whole)."""
    return published and valid_from <= today and (valid_until is None or today <= valid_until)
