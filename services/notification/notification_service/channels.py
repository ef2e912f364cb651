"""How a delivery leaves: one sender per channel behind one small interface.

- `email`: SMTP (MailSettings).
- `sms`: `POST {SMS_PROVIDER_URL}` with JSON `{to, text, sender}`.
- `voice`: `POST {VOICE_PROVIDER_URL}` with JSON `{to, text, language, max_seconds: 30}`, a text
  the provider reads aloud in a call.

Both HTTP providers take `Authorization: Bearer <token>` and answer 2xx when they accept the
message. A transient failure (no connection, a timeout, 408, 429, 5xx) raises an OSError (or an
SMTP error) and is retried by the task; a refusal (another 4xx) or a channel without a provider
raises `Rejected` and the delivery fails at once: retrying would be refused again.
"""

from __future__ import annotations

import json
import smtplib
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from email.message import EmailMessage
from typing import Protocol

from notification_service.config import MailSettings, ProviderSettings
from notification_service.models import Delivery

VOICE_MAX_SECONDS = 30
# The provider's voice for each of the portal's languages (Portugal's Portuguese, Spain's Catalan).
VOICE_LANGUAGES = {"es": "es-ES", "ca": "ca-ES", "en": "en-GB", "pt": "pt-PT"}
TRANSIENT_ERRORS: tuple[type[Exception], ...] = (OSError, smtplib.SMTPException)
_RETRIED_STATUSES = {408, 425, 429}


class Rejected(Exception):
    """The message will never leave this way: the provider refused it, or there is none."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class Sender(Protocol):
    def send(self, delivery: Delivery) -> None: ...


@dataclass(frozen=True)
class EmailSender:
    mail: MailSettings

    def send(self, delivery: Delivery) -> None:
        message = EmailMessage()
        message["From"] = self.mail.mail_from
        message["To"] = delivery.recipient
        message["Subject"] = delivery.subject
        message["Message-ID"] = f"<{delivery.id}@clientarea>"
        message.set_content(delivery.body)
        with smtplib.SMTP(self.mail.smtp_host, self.mail.smtp_port, timeout=15) as smtp:
            if self.mail.smtp_starttls:
                smtp.starttls()
            if self.mail.smtp_username:
                smtp.login(self.mail.smtp_username, self.mail.smtp_password)
            smtp.send_message(message)


def post_json(url: str, token: str, payload: dict[str, object], timeout: float) -> None:
    """POST the payload; returns on 2xx, raises OSError (retry) or Rejected (give up)."""
    if not url.startswith(("https://", "http://")):
        raise Rejected("channel_misconfigured")  # never file: or another scheme urllib would open
    headers = {"Content-Type": "application/json", "Accept": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    request = urllib.request.Request(url, data=json.dumps(payload).encode(), headers=headers,  # noqa: S310
                                     method="POST")
    try:
        with urllib.request.urlopen(request, timeout=timeout) as answer:  # noqa: S310 (http(s) only, checked above)
            answer.read()
    except urllib.error.HTTPError as exc:
        exc.close()
        if exc.code >= 500 or exc.code in _RETRIED_STATUSES:
            raise OSError(f"provider answered {exc.code}") from None
        raise Rejected(f"provider_refused_{exc.code}") from None


@dataclass(frozen=True)
class HttpSender:
    """A message to an HTTP provider; `payload` builds its JSON from the delivery."""

    url: str
    token: str
    timeout: float
    payload: Callable[[Delivery], dict[str, object]]

    def send(self, delivery: Delivery) -> None:
        if not self.url:
            raise Rejected("channel_disabled")
        post_json(self.url, self.token, self.payload(delivery), self.timeout)


def sms_sender(providers: ProviderSettings) -> HttpSender:
    return HttpSender(providers.sms_provider_url, providers.sms_provider_token, providers.provider_timeout_seconds,
                      lambda d: {"to": d.recipient, "text": d.body, "sender": providers.sms_sender})


def voice_sender(providers: ProviderSettings) -> HttpSender:
    return HttpSender(providers.voice_provider_url, providers.voice_provider_token,
                      providers.provider_timeout_seconds,
                      lambda d: {"to": d.recipient, "text": d.body,
                                 "language": VOICE_LANGUAGES.get(d.locale, VOICE_LANGUAGES["es"]),
                                 "max_seconds": VOICE_MAX_SECONDS})


@dataclass(frozen=True)
class Senders:
    """The sender of each channel, built once from the settings."""

    by_channel: dict[str, Sender]

    @classmethod
    def from_settings(cls, mail: MailSettings, providers: ProviderSettings) -> Senders:
        return cls({"email": EmailSender(mail), "sms": sms_sender(providers), "voice": voice_sender(providers)})

    def send(self, delivery: Delivery) -> None:
        sender = self.by_channel.get(delivery.channel)
        if sender is None:
            raise Rejected("unknown_channel")
        sender.send(delivery)
