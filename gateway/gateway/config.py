"""Gateway settings (environment variables, embedded defaults for `make run`)."""

from __future__ import annotations

from pathlib import Path

from clientarea_shared.config import Settings

REPO_WEB_DIST = Path(__file__).resolve().parents[2] / "web" / "dist"


class GatewaySettings(Settings):
    port: int = 8080
    redis_url: str = ""  # empty: sessions in an SQLite file under var_dir
    web_dist: Path = REPO_WEB_DIST
    cookie_secure: bool = False  # true behind TLS (production values set it)
    session_idle_seconds: int = 30 * 60
    max_body_bytes: int = 1024 * 1024
    grpc_deadline_seconds: float = 5.0
    public_base_url: str = "http://127.0.0.1:8080"
    # Reverse proxies in front of the gateway whose X-Forwarded-For is believed (the Ingress: 1).
    # The client's address drives login throttling and the audit trail, so never trust more hops
    # than really exist: a client could otherwise choose its own address.
    trusted_proxy_hops: int = 0

    @classmethod
    def load(cls) -> GatewaySettings:
        settings = cls()
        if settings.service_name == "clientarea":
            settings.service_name = "gateway"
        return settings
