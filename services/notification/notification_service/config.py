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
