"""Settings every process reads from its environment.

Defaults are the embedded mode of `make run`: SQLite files and the embedded bus under
`VAR_DIR`, services on fixed local ports. Kubernetes sets the same variables to PostgreSQL,
RabbitMQ and cluster addresses.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

# Local gRPC and metrics ports of each service in embedded mode (`make run`, e2e tests).
LOCAL_PORTS: dict[str, int] = {
    "identity": 50051,
    "crm": 50052,
    "policy": 50053,
    "collections": 50054,
    "payments": 50055,
    "geosearch": 50056,
    "notification": 50057,
}
SERVICE_NAMES = tuple(LOCAL_PORTS)


class Settings(BaseSettings):
    """Configuration of one service process; field names map to upper-case env vars."""

    model_config = SettingsConfigDict(env_prefix="", extra="ignore", case_sensitive=False)

    service_name: str = Field(default="clientarea", alias="OTEL_SERVICE_NAME")
    var_dir: Path = Path("var")
    database_url: str = ""
    amqp_url: str = ""  # empty: the embedded bus (a SQLite file under var_dir)
    events_exchange: str = "clientarea.events"
    celery_broker_url: str = ""
    grpc_port: int = 0
    metrics_port: int = 0
    grpc_workers: int = 16
    log_level: str = "INFO"
    otel_exporter_otlp_endpoint: str = ""
    # Background loops run inside the server process unless a deployment runs them apart.
    run_relay: bool = True
    run_consumer: bool = True
    relay_interval_seconds: float = 0.2
    identity_addr: str = ""
    crm_addr: str = ""
    policy_addr: str = ""
    collections_addr: str = ""
    payments_addr: str = ""
    geosearch_addr: str = ""
    notification_addr: str = ""
    token_issuer: str = "clientarea-identity"  # noqa: S105 - a name, not a secret
    token_audience: str = "clientarea"  # noqa: S105
    # --- credential provider (docs/keycloak.md) ---
    # Identity only: where passwords live and who signs users' tokens, "builtin" or "keycloak".
    credential_provider: str = "builtin"
    # An OpenID provider trusted besides identity (TOKEN_ISSUER): Keycloak's realm URL as its tokens' `iss`,
    # where its keys are (default <issuer>/protocol/openid-connect/certs) and the claim with identity's user id.
    oidc_issuer: str = ""
    oidc_jwks_url: str = ""
    oidc_subject_claim: str = "preferred_username"
    # --- end credential provider ---

    @classmethod
    def for_service(cls, name: str, **overrides: Any) -> Settings:
        """The settings of service `name`: environment, then `overrides` (tests), then the
        embedded defaults for whatever is still unset."""
        settings = cls(**overrides)
        if settings.service_name == "clientarea":
            settings.service_name = name
        port = LOCAL_PORTS.get(name, 50050)
        if not settings.grpc_port:
            settings.grpc_port = port
        if not settings.metrics_port:
            settings.metrics_port = port - 50051 + 9101  # identity 9101, crm 9102, ...
        if not settings.database_url:
            settings.var_dir.mkdir(parents=True, exist_ok=True)
            settings.database_url = f"sqlite:///{settings.var_dir.resolve() / name}.sqlite"
        return settings

    def address_of(self, service: str) -> str:
        configured = getattr(self, f"{service}_addr", "")
        return configured or f"127.0.0.1:{LOCAL_PORTS[service]}"

    @cached_property
    def embedded_bus_path(self) -> Path:
        self.var_dir.mkdir(parents=True, exist_ok=True)
        return self.var_dir.resolve() / "bus.sqlite"

    @property
    def celery_broker(self) -> str:
        if self.celery_broker_url:
            return self.celery_broker_url
        if self.amqp_url:
            return self.amqp_url
        self.var_dir.mkdir(parents=True, exist_ok=True)
        return f"sqla+sqlite:///{self.var_dir.resolve() / 'celery-broker.sqlite'}"
