"""gRPC health follows a service's real dependencies: SERVING only while its database and its
bus answer (unlike a health servicer that always says SERVING)."""

from __future__ import annotations

import pytest
from grpc_health.v1 import health, health_pb2

from clientarea_shared.config import Settings
from clientarea_shared.runtime import DependencyHealth, Runtime
from clientarea_shared.testing import service_spec

pytestmark = pytest.mark.integration


def _status(servicer: health.HealthServicer, name: str) -> int:
    return servicer.Check(health_pb2.HealthCheckRequest(service=name), None).status


@pytest.mark.parametrize(("database_ok", "expected"), [
    (True, health_pb2.HealthCheckResponse.SERVING),
    (False, health_pb2.HealthCheckResponse.NOT_SERVING),
])
def test_health_follows_the_database(tmp_path, database_ok, expected):
    url = (f"sqlite:///{tmp_path / 'policy.sqlite'}" if database_ok
           else "postgresql+psycopg://postgres@127.0.0.1:5432/no_such_database_here")
    runtime = Runtime(service_spec("policy"), Settings.for_service("policy", database_url=url, var_dir=tmp_path))
    servicer = health.HealthServicer()
    try:
        DependencyHealth(runtime, servicer, ["clientarea.policy.v1.PolicyService"]).check_once()
        assert _status(servicer, "") == expected
        assert _status(servicer, "clientarea.policy.v1.PolicyService") == expected
    finally:
        runtime.close()


def test_health_follows_the_broker(tmp_path):
    runtime = Runtime(service_spec("policy"), Settings.for_service(
        "policy", database_url=f"sqlite:///{tmp_path / 'p.sqlite'}", var_dir=tmp_path,
        amqp_url="amqp://guest:guest@127.0.0.1:5672/no-such-vhost"))
    servicer = health.HealthServicer()
    try:
        assert DependencyHealth(runtime, servicer, []).check_once() is False
        assert _status(servicer, "") == health_pb2.HealthCheckResponse.NOT_SERVING
    finally:
        runtime.close()
