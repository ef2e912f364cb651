"""The whole platform as processes on PostgreSQL (a database per service) and RabbitMQ (a vhost
of this run), started by tools/devsystem.py as `make run` does, exporting traces to a receiver
in the test process."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clientarea_shared.config import SERVICE_NAMES
from clientarea_shared.testing import (
    OtlpReceiver,
    create_database,
    drop_database,
    rabbitmq_vhost,
)

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from devsystem import System  # noqa: E402


@pytest.fixture(scope="session")
def otlp() -> Iterator[OtlpReceiver]:
    receiver = OtlpReceiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def e2e_amqp_url() -> Iterator[str]:
    """A vhost of its own: queue names are per service, so the in-process platform of the
    other tests must not compete for these messages."""
    with rabbitmq_vhost("e2e") as url:
        yield url


@pytest.fixture(scope="session")
def system(tmp_path_factory, e2e_amqp_url, otlp) -> Iterator[System]:
    database_urls = {name: create_database(f"e2e_{name}") for name in SERVICE_NAMES}
    running = System(
        # Fixed ports below the ephemeral range (32768+), apart from make run's and the web tests'.
        var_dir=tmp_path_factory.mktemp("e2e"), port=28180, port_offset=-20000, metrics_offset=20000,
        smtp_port=28125, mail_http_port=28126, database_urls=database_urls,
        env={"AMQP_URL": e2e_amqp_url, "REDIS_URL": "redis://127.0.0.1:6379/0",
             "OTEL_EXPORTER_OTLP_ENDPOINT": otlp.endpoint, "OTEL_BSP_SCHEDULE_DELAY": "200",
             "RELAY_INTERVAL_SECONDS": "0.1"},
    )
    try:
        running.start(timeout=120)
        yield running
    finally:
        running.stop()
        for url in database_urls.values():
            drop_database(url)
