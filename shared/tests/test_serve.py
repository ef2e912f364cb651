"""`python -m <service>_service serve` as a real process: it serves health and reflection, and on
SIGTERM it drains and exits cleanly, well within Kubernetes' termination grace period."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection_pb2, reflection_pb2_grpc

from clientarea_shared.testing import ROOT, free_port, wait_until

pytestmark = pytest.mark.integration


def _health(channel: grpc.Channel, service: str = "") -> int | None:
    try:
        return health_pb2_grpc.HealthStub(channel).Check(
            health_pb2.HealthCheckRequest(service=service), timeout=1).status
    except grpc.RpcError:
        return None


def test_a_service_process_serves_health_and_reflection_and_stops_on_sigterm(tmp_path):
    port, metrics = free_port(), free_port()
    env = {**os.environ, "VAR_DIR": str(tmp_path), "GRPC_PORT": str(port), "METRICS_PORT": str(metrics)}
    for command in ("migrate", "seed"):
        subprocess.run([sys.executable, "-m", "geosearch_service", command], env=env, cwd=ROOT, check=True)
    process = subprocess.Popen([sys.executable, "-m", "geosearch_service", "serve"], env=env, cwd=ROOT,
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        channel = grpc.insecure_channel(f"127.0.0.1:{port}")
        serving = health_pb2.HealthCheckResponse.SERVING
        wait_until(lambda: _health(channel) == serving, 30, "the service to serve")
        assert _health(channel, "clientarea.geosearch.v1.GeosearchService") == serving
        answers = reflection_pb2_grpc.ServerReflectionStub(channel).ServerReflectionInfo(
            iter([reflection_pb2.ServerReflectionRequest(list_services="")]), timeout=2)
        names = {s.name for answer in answers for s in answer.list_services_response.service}
        assert "clientarea.geosearch.v1.GeosearchService" in names

        process.send_signal(signal.SIGTERM)
        started = time.monotonic()
        assert process.wait(timeout=30) == 0
        assert time.monotonic() - started < 15  # within the 10 s grace and the loops' stop
    finally:
        if process.poll() is None:
            process.kill()
