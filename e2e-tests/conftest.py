"""The whole platform as processes on PostgreSQL (a database per service) and RabbitMQ (a vhost
of this run), started by tools/devsystem.py as `make run` does, exporting traces to a receiver
in the test process."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from clientarea_shared.testing import OtlpReceiver, platform_processes

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
from devsystem import System  # noqa: E402


@pytest.fixture(scope="session")
def otlp() -> Iterator[OtlpReceiver]:
    receiver = OtlpReceiver()
    yield receiver
    receiver.close()


@pytest.fixture(scope="session")
def system(tmp_path_factory, otlp) -> Iterator[System]:
    # Fixed ports below the ephemeral range (32768+), apart from make run's and the web tests'.
    with platform_processes(
        "e2e", var_dir=tmp_path_factory.mktemp("e2e"), port=28180, port_offset=-20000,
        metrics_offset=20000, smtp_port=28125, mail_http_port=28126,
        env={"OTEL_EXPORTER_OTLP_ENDPOINT": otlp.endpoint, "OTEL_BSP_SCHEDULE_DELAY": "200",
             "RELAY_INTERVAL_SECONDS": "0.1"},
    ) as running:
        yield running
