"""Rendering messages from per-language templates (Jinja2, autoescaped HTML + plain text), and
the locale-aware wording of the values put in them (times, durations, devices, staff roles)."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from babel import Locale
from babel.dates import format_date, format_time, get_timezone
from babel.lists import format_list
from babel.numbers import format_decimal  # client export
from babel.units import format_unit
from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

LOCALES = ("es", "ca", "en", "pt")
DEFAULT_LOCALE = "es"
# The firms are Spanish: times in messages are Madrid's (with the zone's name, so nobody guesses).
DISPLAY_ZONE = get_timezone("Europe/Madrid")
# The templates' Portuguese is Portugal's; Babel's bare "pt" is Brazil's.
_BABEL_LOCALES = {"pt": "pt_PT"}

_env = Environment(
    loader=PackageLoader("notification_service", "templates"),
    autoescape=select_autoescape(["html"]),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
)


@dataclass(frozen=True)
class RenderedMessage:
    subject: str
    text: str
    html: str


def pick_locale(requested: str) -> str:
    language = (requested or "").split("-")[0].split("_")[0].lower()
    return language if language in LOCALES else DEFAULT_LOCALE


def render(template: str, locale: str, **values: object) -> RenderedMessage:
    """Render `templates/<locale>/<template>.{subject,txt,html}`."""
    folder = pick_locale(locale)
    subject = _env.get_template(f"{folder}/{template}.subject").render(**values).strip()
    text = _env.get_template(f"{folder}/{template}.txt").render(**values)
    html = _env.get_template(f"{folder}/{template}.html").render(**values)
    return RenderedMessage(subject=subject, text=text, html=html)


def paragraphs(text: str, which: slice) -> str:
    """Some of a plain-text message's paragraphs (blank-line separated), e.g. for an in-app
    notice that leaves out the greeting."""
    return "\n\n".join(p.strip() for p in text.split("\n\n")[which] if p.strip())


def mask_recipient(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"


def _babel_locale(locale: str) -> Locale:
    folder = pick_locale(locale)
    return Locale.parse(_BABEL_LOCALES.get(folder, folder))


def format_minutes(minutes: int, locale: str) -> str:
    """"15 minutos", "1 minut", "30 minutes": the number with the unit in the locale's plural."""
    return format_unit(minutes, "duration-minute", length="long", locale=_babel_locale(locale))


def format_hours(hours: int, locale: str) -> str:
    """"72 horas", "1 hora", "72 hours": the number with the unit in the locale's plural."""
    return format_unit(hours, "duration-hour", length="long", locale=_babel_locale(locale))


# --- client export ---
def format_count(number: int, locale: str) -> str:
    """"100.000", "100,000": a count with the locale's grouping."""
    return format_decimal(number, locale=_babel_locale(locale))
# --- end client export ---


def format_duration(minutes: int, locale: str) -> str:
    """A validity given in minutes as a reader says it: "15 minutos" under an hour, "24 horas"
    from an hour on, and "1 hora y 30 minutos" when the hours are not whole."""
    hours, rest = divmod(minutes, 60)
    if hours < 1:
        return format_minutes(minutes, locale)
    if not rest:
        return format_hours(hours, locale)
    return format_list([format_hours(hours, locale), format_minutes(rest, locale)], locale=_babel_locale(locale))


# A staff user's roles (identity's STAFF_ROLES) as the firm's people call them; a role not listed
# here shows as identity's name for it rather than not at all.
ROLE_NAMES = {
    "es": {"admin": "administrador/a", "agent": "agente", "salesperson": "comercial"},
    "ca": {"admin": "administrador/a", "agent": "agent", "salesperson": "comercial"},
    "en": {"admin": "administrator", "agent": "agent", "salesperson": "salesperson"},
    "pt": {"admin": "administrador(a)", "agent": "agente", "salesperson": "comercial"},
}


def describe_roles(roles: Iterable[str], locale: str) -> str:
    """"administrador/a, agente y comercial", "administrator and agent": the roles in the
    reader's language, in the given order, each once, joined as the language lists things."""
    names = ROLE_NAMES[pick_locale(locale)]
    described = list(dict.fromkeys(names.get(role.strip(), role.strip()) for role in roles if role.strip()))
    return format_list(described, locale=_babel_locale(locale)) if described else ""


def parse_instant(value: str, fallback: datetime) -> datetime:
    """An ISO 8601 instant as aware UTC (naive means UTC); `fallback` when empty or malformed."""
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        moment = fallback
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def format_moment(moment: datetime, locale: str) -> str:
    """E.g. "12 de marzo de 2026, 10:15 (hora estándar de Europa central)", in Madrid's time."""
    babel_locale = _babel_locale(locale)
    local = moment.astimezone(DISPLAY_ZONE)
    date = format_date(local, "long", locale=babel_locale)
    time = format_time(local, "short", tzinfo=DISPLAY_ZONE, locale=babel_locale)
    zone = format_time(local, "zzzz", tzinfo=DISPLAY_ZONE, locale=babel_locale)
    pattern = str(babel_locale.datetime_formats["long"]).replace("'", "")
    moment_text = f"{pattern.replace('{1}', date).replace('{0}', time)} ({zone})"
    # CLDR puts narrow no-break spaces in some times ("10:15\u202fAM"); plain-text mail readers
    # show them badly and nobody types them when searching their mail.
    return moment_text.replace("\u202f", " ").replace("\u00a0", " ")


_BROWSERS = (  # order matters: Edge and Opera also say Chrome, Chrome also says Safari
    ("Edg", "Edge"), ("OPR", "Opera"), ("SamsungBrowser", "Samsung Internet"), ("Firefox", "Firefox"),
    ("FxiOS", "Firefox"), ("CriOS", "Chrome"), ("Chrome", "Chrome"), ("Version", "Safari"),
)
_SYSTEMS = (  # Android also says Linux; iPhones say "like Mac OS X"
    ("Windows", "Windows"), ("Android", "Android"), ("iPhone", "iOS"), ("iPad", "iPadOS"),
    ("CrOS", "ChromeOS"), ("Mac OS X", "macOS"), ("Macintosh", "macOS"), ("Linux", "Linux"),
)
_DEVICE_MAX = 60


def describe_device(user_agent: str) -> str:
    """A user agent shortened to what a person recognises ("Firefox · Windows"), or its first
    characters when it is none of the usual browsers; "" when unknown."""
    agent = " ".join(user_agent.split())
    browser = next((name for token, name in _BROWSERS if re.search(rf"\b{re.escape(token)}/\d", agent)), "")
    system = next((name for token, name in _SYSTEMS if token in agent), "")
    if browser or system:
        return " · ".join(part for part in (browser, system) if part)
    return agent if len(agent) <= _DEVICE_MAX else agent[: _DEVICE_MAX - 1].rstrip() + "…"


# --- client members ---
# A company customer's person's role within their client (identity's client roles), as the web
# client's "People" page calls them; a role not listed here shows as identity's name for it.
CLIENT_ROLE_NAMES = {
    "es": {"viewer": "Solo consulta", "cases": "Consulta y expedientes", "payer": "Consulta y pagos",
           "admin": "Administrador/a"},
    "ca": {"viewer": "Només consulta", "cases": "Consulta i expedients", "payer": "Consulta i pagaments",
           "admin": "Administrador/a"},
    "en": {"viewer": "View only", "cases": "View and cases", "payer": "View and payments",
           "admin": "Administrator"},
    "pt": {"viewer": "Só consulta", "cases": "Consulta e processos", "payer": "Consulta e pagamentos",
           "admin": "Administrador(a)"},
}


def describe_client_role(role: str, locale: str) -> str:
    role = role.strip()
    return CLIENT_ROLE_NAMES[pick_locale(locale)].get(role, role)
# --- end client members ---


# --- campaigns ---
# crm's campaign placeholders (crm_service/domain/campaigns.py validates them): {nombre} is the
# recipient's name. Anything else in braces stays as written.
_CAMPAIGN_PLACEHOLDER = re.compile(r"\{([^{}\s]{1,40})\}")


def fill_campaign_text(text: str, *, name: str) -> str:
    values = {"nombre": name}
    return _CAMPAIGN_PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), text)
# --- end campaigns ---
