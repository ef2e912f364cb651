"""Notification's own settings: the SMTP relay and the links put in messages."""

from __future__ import annotations

from pydantic_settings import BaseSettings, SettingsConfigDict


class MailSettings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore")

    smtp_host: str = "127.0.0.1"
    smtp_port: int = 1025
    smtp_username: str = ""
    smtp_password: str = ""
    smtp_starttls: bool = False
    mail_from: str = "Área Cliente <no-reply@clientarea.test>"
    public_base_url: str = "http://127.0.0.1:8080"


# --- campaigns ---
class ProviderSettings(BaseSettings):
    """The SMS and voice-call providers: one generic JSON API each (see channels.py). An empty URL
    means the channel is off: its deliveries fail at once with `channel_disabled`. Tokens come from
    a secret. `make run` points both at the local mail catcher, which shows what was sent."""

    model_config = SettingsConfigDict(extra="ignore")

    sms_provider_url: str = ""
    sms_provider_token: str = ""
    sms_sender: str = "AreaCliente"  # the alphanumeric sender id (at most 11 characters)
    voice_provider_url: str = ""
    voice_provider_token: str = ""
    provider_timeout_seconds: float = 15.0
# --- end campaigns ---
