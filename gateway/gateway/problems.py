"""RFC 9457 problem+json answers, and the one mapping of domain errors to HTTP statuses."""

from __future__ import annotations

from flask import Response, json

from clientarea_shared.errors import (
    Conflict,
    DomainError,
    FailedPrecondition,
    FieldError,
    Forbidden,
    Invalid,
    NotFound,
    TooManyRequests,
    Unauthenticated,
    Unavailable,
)

_STATUS = [
    (Invalid, 422), (NotFound, 404), (Conflict, 409), (FailedPrecondition, 409),
    (Unauthenticated, 401), (Forbidden, 403), (TooManyRequests, 429), (Unavailable, 503),
]
_TITLES = {
    400: "Bad request", 401: "Authentication required", 403: "Forbidden", 404: "Not found",
    405: "Method not allowed", 409: "Conflict", 413: "Request too large",
    415: "Unsupported media type", 422: "Invalid request", 429: "Too many requests",
    500: "Internal error", 503: "Service unavailable",
}


# Request-shape errors the gateway itself raises as Invalid, with their own statuses.
_STATUS_BY_CODE = {"malformed_json": 400, "unsupported_media_type": 415}


def status_of(error: DomainError) -> int:
    if error.code in _STATUS_BY_CODE:
        return _STATUS_BY_CODE[error.code]
    return next((status for cls, status in _STATUS if isinstance(error, cls)), 500)


def problem(
    status: int, code: str, detail: str, errors: list[FieldError] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    body = {
        "type": f"https://clientarea.dev/problems/{code.replace('_', '-')}",
        "title": _TITLES.get(status, "Error"),
        "status": status,
        "code": code,
        "detail": detail,
        "errors": [{"field": e.field, "code": e.code, "message": e.message} for e in errors or []],
    }
    response = Response(json.dumps(body), status=status, mimetype="application/problem+json")
    for key, value in (headers or {}).items():
        response.headers[key] = value
    return response


def from_domain_error(error: DomainError) -> Response:
    status = status_of(error)
    detail = error.message if status < 500 else _TITLES[status]
    headers = {"WWW-Authenticate": "Bearer"} if status == 401 else {}
    if error.retry_after_seconds > 0:
        headers["Retry-After"] = str(error.retry_after_seconds)
    return problem(status, error.code, detail, error.errors, headers)
