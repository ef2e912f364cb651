"""The load generator's arithmetic: percentiles, and latency counted from the scheduled send time
(so a server that falls behind shows its queue), against a tiny local HTTP server."""

from __future__ import annotations

import asyncio
import math
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import loadgen  # noqa: E402

SERVICE_S = 0.02  # the server answers one request at a time, 20 ms each: at most 50 req/s


@pytest.fixture(scope="module")
def slow_server() -> Iterator[str]:
    lock = threading.Lock()

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the load generator expects

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802
            with lock:  # serial service: a queue forms when requests come faster
                time.sleep(SERVICE_S)
            body = b'{"ok":true}'
            self.send_response(200 if self.path == "/ok" else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


@pytest.mark.unit
def test_percentile_nearest_rank() -> None:
    values = list(range(100, 0, -1))  # 1..100, unsorted
    assert loadgen.percentile(values, 50) == 50
    assert loadgen.percentile(values, 99) == 99
    assert loadgen.percentile(values, 100) == 100
    assert loadgen.percentile(values, 0) == 1
    assert loadgen.percentile([7.5], 99) == 7.5
    assert loadgen.percentile([1, 2, 3, 4], 50) == 2  # smallest value with >= 50% at or below it
    assert loadgen.percentile([1, 2, 3, 4], 51) == 3
    assert math.isnan(loadgen.percentile([], 50))
    with pytest.raises(ValueError):
        loadgen.percentile([1], 101)


@pytest.mark.unit
def test_summary_throughput_and_percentiles() -> None:
    result = loadgen.StepResult("open", 100.0, 2.0, 4, scheduled=200, completed=200, ok=200)
    latencies = [0.010] * 197 + [0.2, 0.5, 1.0]  # the 198th of 200 is the p99
    loadgen.summarize(result, latencies, latencies, window_s=2.0)
    assert result.achieved_rps == 100.0
    assert result.p50_ms == pytest.approx(10.0)
    assert result.p99_ms == pytest.approx(200.0)
    assert result.max_ms == pytest.approx(1000.0)
    assert result.sustained()
    result.non_200 = 3  # more than 1% failures
    assert not result.sustained()


@pytest.mark.unit
def test_request_is_parsed_from_url_and_headers() -> None:
    target = loadgen.Target.from_url("http://127.0.0.1:8080/api/v1/dashboard?x=1", ["Authorization: Bearer t"])
    assert (target.host, target.port) == ("127.0.0.1", 8080)
    assert target.request.startswith(b"GET /api/v1/dashboard?x=1 HTTP/1.1\r\n")
    assert b"\r\nAuthorization: Bearer t\r\n" in target.request
    assert target.request.endswith(b"\r\n\r\n")


@pytest.mark.unit
def test_under_capacity_latency_is_the_service_time(slow_server: str) -> None:
    target = loadgen.Target.from_url(slow_server + "/ok")
    result = asyncio.run(loadgen.open_loop(target, 20, 1.0, warmup=0.2, connections=4))
    assert result.scheduled == 20 and result.ok == 20 and result.failed == 0
    assert SERVICE_S * 1000 <= result.p50_ms < 60
    assert result.p99_ms < 100
    assert result.sustained()


@pytest.mark.unit
def test_latency_counts_from_the_scheduled_time_when_the_server_falls_behind(slow_server: str) -> None:
    # 100 req/s offered to a server that serves 50 req/s: request i waits for the i/2 before it.
    target = loadgen.Target.from_url(slow_server + "/ok")
    result = asyncio.run(loadgen.open_loop(target, 100, 1.0, connections=4))
    assert result.ok == 100 and result.failed == 0
    # The last requests were scheduled at ~1 s and finish at ~2 s: their latency is ~1 s, far
    # beyond the 20 ms the server spends on each, although the server's own share stays small.
    assert result.p99_ms > 700
    assert result.p99_ms > 20 * SERVICE_S * 1000
    assert result.p50_ms > 300
    assert result.service_p99_ms < result.p99_ms / 3  # once sent, ~4 connections x 20 ms at most
    assert result.achieved_rps < 65
    assert not result.sustained()


@pytest.mark.unit
def test_non_200_and_refused_connections_are_counted(slow_server: str) -> None:
    missing = asyncio.run(loadgen.open_loop(loadgen.Target.from_url(slow_server + "/missing"), 20, 0.5,
                                            connections=2))
    assert missing.non_200 == 10 and missing.ok == 0 and missing.statuses == {"404": 10}
    assert not missing.sustained()
    from clientarea_shared.testing import free_port

    refused = asyncio.run(loadgen.open_loop(loadgen.Target.from_url(f"http://127.0.0.1:{free_port()}/"),
                                            20, 0.5, connections=2, drain=1.0))
    assert refused.errors == 10 and refused.ok == 0


@pytest.mark.unit
def test_closed_loop_finds_the_servers_capacity(slow_server: str) -> None:
    target = loadgen.Target.from_url(slow_server + "/ok")
    result = asyncio.run(loadgen.closed_loop(target, 1.0, warmup=0.2, connections=4))
    assert 30 < result.achieved_rps <= 1 / SERVICE_S + 1
