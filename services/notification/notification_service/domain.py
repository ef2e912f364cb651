"""Rendering messages from per-language templates (Jinja2, autoescaped HTML + plain text)."""

from __future__ import annotations

from dataclasses import dataclass

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

LOCALES = ("es", "ca", "en", "pt")
DEFAULT_LOCALE = "es"

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
    language = (requested or "").split("-")[0].lower()
    return language if language in LOCALES else DEFAULT_LOCALE


def render(template: str, locale: str, **values: object) -> RenderedMessage:
    """Render `templates/<locale>/<template>.{subject,txt,html}`."""
    folder = pick_locale(locale)
    subject = _env.get_template(f"{folder}/{template}.subject").render(**values).strip()
    text = _env.get_template(f"{folder}/{template}.txt").render(**values)
    html = _env.get_template(f"{folder}/{template}.html").render(**values)
    return RenderedMessage(subject=subject, text=text, html=html)


def mask_recipient(address: str) -> str:
    local, _, domain = address.partition("@")
    return f"{local[:1]}***@{domain}" if domain else "***"
