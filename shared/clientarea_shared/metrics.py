"""Prometheus metrics shared by every process (RED per RPC and route, events, outbox)."""

from __future__ import annotations

from prometheus_client import Counter, Gauge, Histogram, start_http_server

GRPC_HANDLED = Counter(
    "clientarea_grpc_server_handled_total",
    "gRPC calls handled, by service, method and status code",
    ["service", "method", "code"],
)
GRPC_LATENCY = Histogram(
    "clientarea_grpc_server_handling_seconds",
    "gRPC handling time, by service and method",
    ["service", "method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
GRPC_CLIENT_CALLS = Counter(
    "clientarea_grpc_client_calls_total",
    "Outgoing gRPC calls, by target service, method and status code",
    ["target", "method", "code"],
)
HTTP_REQUESTS = Counter(
    "clientarea_http_requests_total",
    "HTTP requests served by the gateway, by route, method and status",
    ["route", "method", "status"],
)
HTTP_LATENCY = Histogram(
    "clientarea_http_request_duration_seconds",
    "Gateway request duration, by route and method",
    ["route", "method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
OUTBOX_PENDING = Gauge(
    "clientarea_outbox_pending", "Events written but not yet published", ["service"]
)
EVENTS_PUBLISHED = Counter(
    "clientarea_events_published_total", "Events published by the relay", ["service", "type"]
)
EVENTS_CONSUMED = Counter(
    "clientarea_events_consumed_total",
    "Events handled by a consumer, by outcome (handled, duplicate, failed)",
    ["service", "type", "outcome"],
)
DEPENDENCY_UP = Gauge(
    "clientarea_dependency_up", "1 when a dependency answers its health check", ["service", "dependency"]
)


def serve_metrics(port: int) -> None:
    """Expose /metrics on its own port (kept off the public gRPC/HTTP port)."""
    if port:
        start_http_server(port, addr="0.0.0.0")  # noqa: S104 - scraped inside the cluster
