"""OpenTelemetry set-up for every process, configured through the standard `OTEL_*` variables.

Traces leave by OTLP/HTTP when `OTEL_EXPORTER_OTLP_ENDPOINT` (or the traces-specific variable)
is set. W3C trace context travels in gRPC metadata (the grpc instrumentation), HTTP headers
(the Flask instrumentation) and AMQP message headers (`inject_headers` / `extracted_context`).
"""

from __future__ import annotations

import os

from opentelemetry import context as otel_context
from opentelemetry import propagate, trace
from opentelemetry.sdk.resources import Resource
from opentelemetry.sdk.trace import TracerProvider
from opentelemetry.sdk.trace.export import BatchSpanProcessor

_provider: TracerProvider | None = None


def setup_tracing(service_name: str) -> TracerProvider | None:
    """Install the process-wide tracer provider once (idempotent), when traces have somewhere
    to go. Without an exporter the API's no-op provider stays: no span is recorded for nobody
    (about 5 % of a small read RPC's CPU, measured), while the W3C context still propagates and
    logs still carry the caller's trace id. `OTEL_TRACES_SAMPLER` (e.g.
    `parentbased_traceidratio` with `OTEL_TRACES_SAMPLER_ARG`) thins traces in production."""
    global _provider
    if _provider is not None:
        return _provider
    if not (os.environ.get("OTEL_EXPORTER_OTLP_ENDPOINT")
            or os.environ.get("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT")):
        return None
    from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter

    provider = TracerProvider(
        resource=Resource.create(
            {"service.name": os.environ.get("OTEL_SERVICE_NAME", service_name),
             "service.namespace": "clientarea"}
        )
    )
    provider.add_span_processor(BatchSpanProcessor(OTLPSpanExporter()))
    trace.set_tracer_provider(provider)
    _provider = provider
    return provider


def shutdown_tracing() -> None:
    if _provider is not None:
        _provider.force_flush(timeout_millis=5000)
        _provider.shutdown()


def tracer(name: str) -> trace.Tracer:
    return trace.get_tracer(name)


def exporting() -> bool:
    """Whether this process records spans (setup_tracing found an exporter). Without it the
    W3C context still travels, but code may skip building spans nobody keeps."""
    return _provider is not None


def inject_headers(headers: dict[str, str] | None = None) -> dict[str, str]:
    """The current trace context as message headers (`traceparent`, `tracestate`)."""
    carrier: dict[str, str] = dict(headers or {})
    propagate.inject(carrier)
    return carrier


def extracted_context(headers: dict[str, str]) -> otel_context.Context:
    return propagate.extract(headers)


def current_trace_id() -> str:
    span_context = trace.get_current_span().get_span_context()
    return format(span_context.trace_id, "032x") if span_context.is_valid else ""
