"""The domain error hierarchy, mapped once to gRPC status here and once to HTTP in the gateway.

Services raise these; the server interceptor turns them into a gRPC status whose details carry
a `google.rpc.BadRequest` with one violation per invalid field and an `ErrorInfo` with a stable
code. The gateway reads them back (`from_rpc_error`) and answers problem+json.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import grpc
from google.protobuf import any_pb2, duration_pb2
from google.rpc import code_pb2, error_details_pb2, status_pb2
from grpc_status import rpc_status

ERROR_DOMAIN = "clientarea"


@dataclass
class FieldError:
    field: str
    code: str
    message: str


@dataclass
class DomainError(Exception):
    """Base of every error a service reports on purpose."""

    message: str
    code: str = "error"
    errors: list[FieldError] = field(default_factory=list)
    retry_after_seconds: int = 0  # when trying again makes sense (gRPC RetryInfo, HTTP Retry-After)

    grpc_code = grpc.StatusCode.UNKNOWN

    def __str__(self) -> str:
        return self.message


class NotFound(DomainError):
    grpc_code = grpc.StatusCode.NOT_FOUND

    def __init__(self, message: str = "Not found", code: str = "not_found"):
        super().__init__(message, code)


class Invalid(DomainError):
    grpc_code = grpc.StatusCode.INVALID_ARGUMENT

    def __init__(
        self,
        message: str = "The request has invalid fields",
        errors: list[FieldError] | None = None,
        code: str = "validation_failed",
    ):
        super().__init__(message, code, list(errors or []))

    @classmethod
    def field(cls, name: str, code: str, message: str) -> Invalid:
        return cls(errors=[FieldError(name, code, message)])


class Conflict(DomainError):
    grpc_code = grpc.StatusCode.ALREADY_EXISTS

    def __init__(self, message: str, code: str = "conflict", errors: list[FieldError] | None = None):
        super().__init__(message, code, list(errors or []))


class FailedPrecondition(DomainError):
    grpc_code = grpc.StatusCode.FAILED_PRECONDITION

    def __init__(self, message: str, code: str = "failed_precondition"):
        super().__init__(message, code)


class Unauthenticated(DomainError):
    grpc_code = grpc.StatusCode.UNAUTHENTICATED

    def __init__(self, message: str = "Authentication required", code: str = "unauthenticated"):
        super().__init__(message, code)


class Forbidden(DomainError):
    grpc_code = grpc.StatusCode.PERMISSION_DENIED

    def __init__(self, message: str = "Not allowed", code: str = "forbidden"):
        super().__init__(message, code)


class TooManyRequests(DomainError):
    grpc_code = grpc.StatusCode.RESOURCE_EXHAUSTED

    def __init__(self, message: str = "Too many attempts", code: str = "rate_limited",
                 retry_after_seconds: int = 0):
        super().__init__(message, code, retry_after_seconds=retry_after_seconds)


class Unavailable(DomainError):
    grpc_code = grpc.StatusCode.UNAVAILABLE

    def __init__(self, message: str = "A dependency is unavailable", code: str = "unavailable"):
        super().__init__(message, code)


_BY_GRPC_CODE = {
    grpc.StatusCode.NOT_FOUND: NotFound,
    grpc.StatusCode.INVALID_ARGUMENT: Invalid,
    grpc.StatusCode.ALREADY_EXISTS: Conflict,
    grpc.StatusCode.FAILED_PRECONDITION: FailedPrecondition,
    grpc.StatusCode.UNAUTHENTICATED: Unauthenticated,
    grpc.StatusCode.PERMISSION_DENIED: Forbidden,
    grpc.StatusCode.RESOURCE_EXHAUSTED: TooManyRequests,
    grpc.StatusCode.UNAVAILABLE: Unavailable,
    grpc.StatusCode.DEADLINE_EXCEEDED: Unavailable,
}


def to_status(error: DomainError) -> status_pb2.Status:
    """The rich gRPC status for a domain error (code, message, ErrorInfo, BadRequest)."""
    details = []
    info = any_pb2.Any()
    info.Pack(error_details_pb2.ErrorInfo(reason=error.code, domain=ERROR_DOMAIN))
    details.append(info)
    if error.errors:
        bad = error_details_pb2.BadRequest(
            field_violations=[
                error_details_pb2.BadRequest.FieldViolation(
                    field=e.field, description=e.message, reason=e.code
                )
                for e in error.errors
            ]
        )
        packed = any_pb2.Any()
        packed.Pack(bad)
        details.append(packed)
    if error.retry_after_seconds > 0:
        retry = any_pb2.Any()
        retry.Pack(error_details_pb2.RetryInfo(retry_delay=duration_pb2.Duration(seconds=error.retry_after_seconds)))
        details.append(retry)
    return status_pb2.Status(
        code=getattr(code_pb2, error.grpc_code.name), message=error.message, details=details
    )


def abort_with(context: grpc.ServicerContext, error: DomainError) -> None:
    context.abort_with_status(rpc_status.to_status(to_status(error)))


def from_rpc_error(exc: grpc.RpcError) -> DomainError:
    """Rebuild the domain error a called service reported (or Unavailable for transport errors)."""
    status = rpc_status.from_call(exc) if hasattr(exc, "trailing_metadata") else None
    code = exc.code() if hasattr(exc, "code") else grpc.StatusCode.UNKNOWN
    cls = _BY_GRPC_CODE.get(code)
    if cls is None:
        return DomainError("Internal error", "internal")
    reason, field_errors, retry_after = "", [], 0
    if status is not None:
        for detail in status.details:
            if detail.Is(error_details_pb2.ErrorInfo.DESCRIPTOR):
                info = error_details_pb2.ErrorInfo()
                detail.Unpack(info)
                reason = info.reason
            elif detail.Is(error_details_pb2.BadRequest.DESCRIPTOR):
                bad = error_details_pb2.BadRequest()
                detail.Unpack(bad)
                field_errors = [
                    FieldError(v.field, v.reason, v.description) for v in bad.field_violations
                ]
            elif detail.Is(error_details_pb2.RetryInfo.DESCRIPTOR):
                retry = error_details_pb2.RetryInfo()
                detail.Unpack(retry)
                retry_after = retry.retry_delay.seconds
    message = exc.details() if hasattr(exc, "details") else str(exc)
    if code == grpc.StatusCode.DEADLINE_EXCEEDED:
        return Unavailable("A service did not answer in time", "deadline_exceeded")
    if status is None and cls is Unavailable:
        return Unavailable("A service is unavailable", "unavailable")
    error: DomainError = cls.__new__(cls)  # type: ignore[call-overload]
    DomainError.__init__(error, message or cls.__name__, reason or "error", field_errors, retry_after)
    return error
