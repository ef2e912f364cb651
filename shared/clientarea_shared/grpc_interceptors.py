"""gRPC interceptors: the server side authenticates, sets the request context, maps domain
errors to rich statuses and records RED metrics; the client side forwards the caller's token,
request id, language and trace context (with a client span when traces are exported), and puts
a deadline on every call."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import grpc
from opentelemetry import propagate, trace
from opentelemetry.context import Context
from opentelemetry.trace import SpanKind, Status, StatusCode

from clientarea_shared import context, telemetry
from clientarea_shared.auth import TokenVerifier
from clientarea_shared.errors import DomainError, Unauthenticated, abort_with
from clientarea_shared.metrics import GRPC_CLIENT_CALLS, GRPC_HANDLED, GRPC_LATENCY

log = logging.getLogger(__name__)

DEFAULT_DEADLINE_SECONDS = 5.0
_UNAUTHENTICATED_PREFIXES = ("/grpc.health.v1.", "/grpc.reflection.")


def _bearer(metadata: dict[str, str]) -> str:
    value = metadata.get("authorization", "")
    return value[7:].strip() if value.lower().startswith("bearer ") else ""


class ServerInterceptor(grpc.ServerInterceptor):
    def __init__(self, service: str, verifier: TokenVerifier, public_methods: frozenset[str]):
        self._service = service
        self._verifier = verifier
        self._public = public_methods

    def intercept_service(self, continuation, handler_call_details):  # noqa: ANN001, ANN201
        handler = continuation(handler_call_details)
        full_method: str = handler_call_details.method
        if handler is None or not handler.unary_unary or full_method.startswith(
            _UNAUTHENTICATED_PREFIXES
        ):
            return handler
        method = full_method.rsplit("/", 1)[-1]
        inner = handler.unary_unary

        def behavior(request, servicer_context: grpc.ServicerContext):  # noqa: ANN001, ANN202
            started = time.perf_counter()
            code = grpc.StatusCode.OK
            try:
                metadata = dict(servicer_context.invocation_metadata())
                principal = self._authenticate(metadata, method)
                with context.request_context(
                    principal, metadata.get("x-request-id", ""), metadata.get("accept-language", "")
                ):
                    return inner(request, servicer_context)
            except DomainError as error:
                code = error.grpc_code
                abort_with(servicer_context, error)
            except Exception as exc:
                if isinstance(exc, grpc.RpcError) or servicer_context.code() not in (None, grpc.StatusCode.OK):
                    code = servicer_context.code() or grpc.StatusCode.UNKNOWN
                    raise
                code = grpc.StatusCode.INTERNAL
                log.exception("unhandled error in %s", full_method)
                servicer_context.abort(grpc.StatusCode.INTERNAL, "Internal error")
            finally:
                GRPC_HANDLED.labels(self._service, method, code.name).inc()
                GRPC_LATENCY.labels(self._service, method).observe(time.perf_counter() - started)

        return grpc.unary_unary_rpc_method_handler(
            behavior,
            request_deserializer=handler.request_deserializer,
            response_serializer=handler.response_serializer,
        )

    def _authenticate(self, metadata: dict[str, str], method: str) -> context.Principal | None:
        token = _bearer(metadata)
        if token:
            return self._verifier.verify(token)
        if method in self._public:
            return None
        raise Unauthenticated()


class _ClientCallDetails(grpc.ClientCallDetails):
    def __init__(self, method, timeout, metadata, credentials, wait_for_ready, compression):  # noqa: ANN001, PLR0913
        self.method = method
        self.timeout = timeout
        self.metadata = metadata
        self.credentials = credentials
        self.wait_for_ready = wait_for_ready
        self.compression = compression


class ClientInterceptor(grpc.UnaryUnaryClientInterceptor):
    """Forwards the request context to the called service, and the trace context: the W3C
    `traceparent` of the current span, or of a client span of this call when traces are
    exported (the span ends when the call does, with the gRPC status as OpenTelemetry's own
    gRPC instrumentation records it)."""

    def __init__(self, target_service: str, token_provider: Callable[[], str] | None = None):
        self._target = target_service
        self._token_provider = token_provider
        self._tracer = trace.get_tracer(__name__)

    def intercept_unary_unary(self, continuation, client_call_details, request):  # noqa: ANN001, ANN201
        metadata = list(client_call_details.metadata or [])
        keys = {k for k, _ in metadata}
        principal = context.optional_principal()
        token = principal.token if principal is not None else ""
        if not token and self._token_provider is not None:
            token = self._token_provider()
        if token and "authorization" not in keys:
            metadata.append(("authorization", f"Bearer {token}"))
        if context.request_id() and "x-request-id" not in keys:
            metadata.append(("x-request-id", context.request_id()))
        if "accept-language" not in keys:
            metadata.append(("accept-language", context.locale()))
        full_method: str = client_call_details.method
        service, _, method = full_method.lstrip("/").rpartition("/")
        span = None
        if telemetry.exporting():
            span = self._tracer.start_span(full_method, kind=SpanKind.CLIENT, attributes={
                "rpc.system": "grpc", "rpc.service": service, "rpc.method": method})
            carrier = _inject(trace.set_span_in_context(span))
        else:
            carrier = _inject(None)  # the caller's context (e.g. an incoming traceparent), as is
        metadata.extend(carrier.items())
        details = _ClientCallDetails(
            full_method,
            client_call_details.timeout or DEFAULT_DEADLINE_SECONDS,
            metadata,
            client_call_details.credentials,
            getattr(client_call_details, "wait_for_ready", None),
            getattr(client_call_details, "compression", None),
        )
        try:
            outcome = continuation(details, request)
        except Exception as exc:
            if span is not None:
                span.set_status(Status(StatusCode.ERROR, f"{type(exc).__name__}: {exc}"))
                span.end()
            raise

        def done(call: grpc.Future) -> None:
            # A callback, not outcome.code(): for `.future()` calls that would wait for the answer.
            code = call.code()
            GRPC_CLIENT_CALLS.labels(self._target, method, code.name).inc()
            if span is not None:
                span.set_attribute("rpc.grpc.status_code", code.value[0])
                if code != grpc.StatusCode.OK:
                    span.set_status(Status(StatusCode.ERROR))
                span.end()

        outcome.add_done_callback(done)
        return outcome


def _inject(trace_context: Context | None) -> dict[str, str]:
    carrier: dict[str, str] = {}
    propagate.inject(carrier, context=trace_context)
    return carrier
