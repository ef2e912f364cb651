"""The gateway's Flask application factory (`create_app()`), used by gunicorn and tests."""

from __future__ import annotations

import logging
import os
import time
import uuid

import grpc
from flask import Flask, Response, g, jsonify, request, send_from_directory
from grpc_health.v1 import health_pb2, health_pb2_grpc
from opentelemetry.instrumentation.flask import FlaskInstrumentor
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from werkzeug.exceptions import HTTPException
from werkzeug.middleware.proxy_fix import ProxyFix

from clientarea_shared import telemetry
from clientarea_shared.auth import TokenVerifier, external_issuers
from clientarea_shared.config import SERVICE_NAMES
from clientarea_shared.errors import DomainError
from clientarea_shared.grpc_client import Channels
from clientarea_shared.logs import setup_logging
from clientarea_shared.metrics import HTTP_LATENCY, HTTP_REQUESTS
from gateway import api, routes  # noqa: F401 - routes register the operations
from gateway.auth import SessionLiveness
from gateway.config import GatewaySettings
from gateway.problems import from_domain_error, problem
from gateway.services import Services
from gateway.sessions import store_from_settings

log = logging.getLogger(__name__)
_SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Content-Security-Policy": (
        "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
        "script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'"
    ),
}


def _metrics_registry() -> CollectorRegistry | None:
    if not os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        return None  # the default registry of this process
    from prometheus_client import multiprocess

    registry = CollectorRegistry()
    multiprocess.MultiProcessCollector(registry)
    return registry


def create_app(settings: GatewaySettings | None = None) -> Flask:
    settings = settings or GatewaySettings.load()
    setup_logging("gateway", settings.log_level)
    telemetry.setup_tracing("gateway")
    app = Flask(__name__, static_folder=None)
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_body_bytes,
        SESSION_IDLE_SECONDS=settings.session_idle_seconds,
        COOKIE_SECURE=settings.cookie_secure,
        JSON_SORT_KEYS=False,
    )
    channels = Channels(settings)
    app.extensions["clientarea.services"] = Services(channels)
    app.extensions["clientarea.channels"] = channels
    app.extensions["clientarea.sessions"] = store_from_settings(settings.redis_url, settings.var_dir)
    app.extensions["clientarea.session_liveness"] = SessionLiveness()
    app.extensions["clientarea.verifier"] = TokenVerifier(
        lambda: app.extensions["clientarea.services"].identity.GetJwks(
            _jwks_request(), timeout=3).json,
        settings.token_issuer, settings.token_audience,
        also_trusted=external_issuers(settings),  # Keycloak's realm, when configured (docs/keycloak.md)
    )
    if settings.trusted_proxy_hops:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=settings.trusted_proxy_hops)  # type: ignore[method-assign]
    app.register_blueprint(api.blueprint)
    _register_platform_routes(app, settings)
    _register_hooks(app)
    FlaskInstrumentor().instrument_app(app, excluded_urls="healthz,readyz,metrics")
    return app


def _jwks_request():  # noqa: ANN202
    from clientarea.identity.v1 import identity_pb2

    return identity_pb2.GetJwksRequest()


def _register_hooks(app: Flask) -> None:
    @app.before_request
    def _start() -> None:
        g.started = time.perf_counter()
        g.request_id = request.headers.get("X-Request-Id", "")[:64] or uuid.uuid4().hex
        g.locale = (request.accept_languages.best_match(["es", "ca", "en", "pt"]) or "es")

    @app.after_request
    def _finish(response: Response) -> Response:
        route = request.url_rule.rule if request.url_rule else "unmatched"
        HTTP_REQUESTS.labels(route, request.method, str(response.status_code)).inc()
        HTTP_LATENCY.labels(route, request.method).observe(time.perf_counter() - g.started)
        response.headers["X-Request-Id"] = g.request_id
        for key, value in _SECURITY_HEADERS.items():
            response.headers.setdefault(key, value)
        if request.path.startswith("/api/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    @app.errorhandler(DomainError)
    def _domain_error(error: DomainError) -> Response:
        return from_domain_error(error)

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException) -> Response:
        code = (error.name or "error").lower().replace(" ", "_")
        return problem(error.code or 500, code, error.description or error.name)

    @app.errorhandler(Exception)
    def _unexpected(error: Exception) -> Response:
        log.exception("unhandled error")
        return problem(500, "internal", "Something went wrong on our side")


def _register_platform_routes(app: Flask, settings: GatewaySettings) -> None:
    @app.get("/healthz")
    def healthz() -> Response:
        return jsonify(status="ok")

    @app.get("/readyz")
    def readyz() -> tuple[Response, int]:
        checks = {"sessions": app.extensions["clientarea.sessions"].ping()}
        channels: Channels = app.extensions["clientarea.channels"]
        for name in SERVICE_NAMES:
            try:
                answer = health_pb2_grpc.HealthStub(channels.get(name)).Check(
                    health_pb2.HealthCheckRequest(service=""), timeout=1)
                checks[name] = answer.status == health_pb2.HealthCheckResponse.SERVING
            except grpc.RpcError:
                checks[name] = False
        ready = all(checks.values())
        return jsonify(status="ready" if ready else "not_ready", checks=checks), 200 if ready else 503

    @app.get("/metrics")
    def metrics() -> Response:
        # With a metrics port (Kubernetes) the public port answers 404: SERVER_PORT is the port
        # of the listener the request came in on (gunicorn), not a header a client controls.
        if settings.metrics_port and request.environ.get("SERVER_PORT") != str(settings.metrics_port):
            return problem(404, "not_found", "Not found")
        registry = _metrics_registry()
        body = generate_latest(registry) if registry is not None else generate_latest()
        return Response(body, mimetype=CONTENT_TYPE_LATEST)

    @app.get("/api/openapi.json")
    def openapi() -> Response:
        return jsonify(api.openapi_document())

    @app.route("/api/", defaults={"path": ""})
    @app.route("/api/<path:path>")
    def api_not_found(path: str) -> Response:
        return problem(404, "not_found", "No such API resource")

    @app.get("/", defaults={"path": ""})
    @app.get("/<path:path>")
    def web_client(path: str) -> Response:
        dist = settings.web_dist
        if path and (dist / path).is_file():
            response = send_from_directory(dist, path)
            if path.startswith("assets/"):
                response.headers["Cache-Control"] = "public, max-age=31536000, immutable"
            return response
        if (dist / "index.html").is_file():
            response = send_from_directory(dist, "index.html")
            response.headers["Cache-Control"] = "no-cache"
            return response
        return Response("<!doctype html><title>Área Cliente</title><p>The web client is not "
                        "built: run <code>make web</code>.</p>", mimetype="text/html")
