"""gRPC interceptors: the server side authenticates, sets the request context, maps domain
errors to rich statuses and records RED metrics; the client side forwards the caller's token,
request id and language, and puts a deadline on every call."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

import grpc

from clientarea_shared import context
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
    """Forwards the request context to the called service."""

    def __init__(self, target_service: str, token_provider: Callable[[], str] | None = None):
        self._target = target_service
        self._token_provider = token_provider

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
        details = _ClientCallDetails(
            client_call_details.method,
            client_call_details.timeout or DEFAULT_DEADLINE_SECONDS,
            metadata,
            client_call_details.credentials,
            getattr(client_call_details, "wait_for_ready", None),
            getattr(client_call_details, "compression", None),
        )
        outcome = continuation(details, request)
        method = client_call_details.method.rsplit("/", 1)[-1]
        # A callback, not outcome.code(): for `.future()` calls that would wait for the answer.
        outcome.add_done_callback(
            lambda call: GRPC_CLIENT_CALLS.labels(self._target, method, call.code().name).inc())
        return outcome
