"""What every service process is made of, and how it serves.

A service describes itself with a `ServiceSpec` (its gRPC servicers, public methods, event
subscriptions, Celery tasks, demo data); `serve()` builds the process around it: settings,
database, bus, token verifier, channels to other services, the gRPC server with health
checking that follows the real dependencies, reflection, interceptors, metrics, tracing, the
outbox relay and the event consumer, and a graceful stop on SIGTERM.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass, field
from functools import cached_property
from typing import TypeVar

import grpc
from celery import Celery
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection
from opentelemetry.instrumentation.grpc import server_interceptor as otel_server_interceptor
from opentelemetry.instrumentation.sqlalchemy import SQLAlchemyInstrumentor

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared import telemetry
from clientarea_shared.auth import TokenVerifier, external_issuers
from clientarea_shared.bus import EventBus, bus_from_settings
from clientarea_shared.config import Settings
from clientarea_shared.db import Database
from clientarea_shared.events import BackgroundLoop, EventConsumer, OutboxRelay, Subscription
from clientarea_shared.grpc_client import Channels
from clientarea_shared.grpc_interceptors import ServerInterceptor
from clientarea_shared.logs import setup_logging
from clientarea_shared.metrics import DEPENDENCY_UP, serve_metrics
from clientarea_shared.plumbing import PlumbingTables

log = logging.getLogger(__name__)
T = TypeVar("T")


class Runtime:
    """The process-wide resources a service's code is given."""

    def __init__(self, spec: ServiceSpec, settings: Settings | None = None):
        self.spec = spec
        self.settings = settings or Settings.for_service(spec.name)
        self.db = Database(self.settings.database_url)
        self.channels = Channels(self.settings)
        self._components: dict[str, object] = {}
        self._components_lock = threading.RLock()  # a component may build another

    def component(self, key: str, factory: Callable[[Runtime], T]) -> T:
        """A process-wide object of the service's own (e.g. identity's key ring), built once."""
        with self._components_lock:
            if key not in self._components:
                self._components[key] = factory(self)
            return self._components[key]  # type: ignore[return-value]

    @cached_property
    def bus(self) -> EventBus:
        return bus_from_settings(self.settings)

    @cached_property
    def verifier(self) -> TokenVerifier:
        load = self.spec.jwks_loader(self) if self.spec.jwks_loader else self._jwks_from_identity
        # Identity's own tokens always; Keycloak's too when the settings name its realm (docs/keycloak.md).
        return TokenVerifier(load, self.settings.token_issuer, self.settings.token_audience,
                             also_trusted=external_issuers(self.settings))

    def _jwks_from_identity(self) -> str:
        stub = identity_pb2_grpc.IdentityServiceStub(self.channels.get("identity"))
        return stub.GetJwks(identity_pb2.GetJwksRequest(), timeout=3).json

    def stub(self, service: str, stub_class: type) -> object:
        return stub_class(self.channels.get(service))

    def close(self) -> None:
        self.channels.close()
        self.db.dispose()


@dataclass
class ServiceSpec:
    name: str
    package: str
    plumbing: PlumbingTables
    register: Callable[[grpc.Server, Runtime], list[str]]  # returns the full service names
    public_methods: frozenset[str] = frozenset()
    subscriptions: Callable[[Runtime], list[Subscription]] | None = None
    jwks_loader: Callable[[Runtime], Callable[[], str]] | None = None
    seed: Callable[[Runtime], None] | None = None
    celery: Callable[[Runtime], Celery] | None = None
    on_start: list[Callable[[Runtime], None]] = field(default_factory=list)
    # Maintenance commands of this service only (`python -m <package> NAME`), e.g. identity's reseal.
    commands: dict[str, Callable[[Runtime], None]] = field(default_factory=dict)
    # The largest request the service takes; gRPC's default (4 MiB) unless it receives files.
    max_request_bytes: int = 4 * 1024 * 1024


class DependencyHealth(BackgroundLoop):
    """Keeps the gRPC health status in step with the database and the bus."""

    def __init__(self, runtime: Runtime, servicer: health.HealthServicer, names: list[str]):
        super().__init__(f"{runtime.spec.name}-health")
        self.runtime = runtime
        self.servicer = servicer
        self.names = ["", *names]

    def check_once(self) -> bool:
        checks = {"database": self.runtime.db.ping(), "bus": self.runtime.bus.ping()}
        for dependency, up in checks.items():
            DEPENDENCY_UP.labels(self.runtime.spec.name, dependency).set(1 if up else 0)
        healthy = all(checks.values())
        status = (
            health_pb2.HealthCheckResponse.SERVING
            if healthy
            else health_pb2.HealthCheckResponse.NOT_SERVING
        )
        for name in self.names:
            self.servicer.set(name, status)
        return healthy

    def run(self) -> None:
        while not self.stop_event.is_set():
            self.check_once()
            self.stop_event.wait(5.0)


def build_server(runtime: Runtime) -> tuple[grpc.Server, health.HealthServicer, list[str]]:
    spec = runtime.spec
    server = grpc.server(
        futures.ThreadPoolExecutor(max_workers=runtime.settings.grpc_workers),
        interceptors=[
            otel_server_interceptor(),
            ServerInterceptor(spec.name, runtime.verifier, spec.public_methods),
        ],
        options=[("grpc.so_reuseport", 0), ("grpc.max_receive_message_length", spec.max_request_bytes)],
    )
    names = spec.register(server, runtime)
    health_servicer = health.HealthServicer(experimental_non_blocking=True)
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    reflection.enable_server_reflection(
        [*names, health.SERVICE_NAME, reflection.SERVICE_NAME], server
    )
    server.add_insecure_port(f"0.0.0.0:{runtime.settings.grpc_port}")
    return server, health_servicer, names


def background_loops(runtime: Runtime) -> list[BackgroundLoop]:
    spec, settings = runtime.spec, runtime.settings
    loops: list[BackgroundLoop] = []
    if settings.run_relay:
        loops.append(OutboxRelay(spec.name, runtime.db, spec.plumbing, runtime.bus,
                                 settings.relay_interval_seconds))
    if settings.run_consumer and spec.subscriptions is not None:
        subscriptions = spec.subscriptions(runtime)
        if subscriptions:
            loops.append(EventConsumer(spec.name, runtime.db, spec.plumbing, runtime.bus,
                                       subscriptions))
    return loops


def instrument(runtime: Runtime) -> None:
    setup_logging(runtime.spec.name, runtime.settings.log_level)
    if telemetry.setup_tracing(runtime.spec.name) is not None:
        # SQL spans only when traces are exported: the wrappers cost on every connect and query.
        SQLAlchemyInstrumentor().instrument(engine=runtime.db.engine)


def serve(spec: ServiceSpec) -> None:
    runtime = Runtime(spec)
    instrument(runtime)
    serve_metrics(runtime.settings.metrics_port)
    server, health_servicer, names = build_server(runtime)
    dependency_health = DependencyHealth(runtime, health_servicer, names)
    dependency_health.check_once()
    loops = [dependency_health, *background_loops(runtime)]
    for hook in spec.on_start:
        hook(runtime)
    server.start()
    for loop in loops:
        loop.start()
    log.info("%s serving gRPC on :%s", spec.name, runtime.settings.grpc_port)

    stopped = threading.Event()

    def _stop(signum, _frame):  # noqa: ANN001
        log.info("%s stopping (signal %s)", spec.name, signum)
        health_servicer.enter_graceful_shutdown()
        stopped.set()

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    stopped.wait()
    server.stop(grace=10).wait()
    for loop in loops:
        loop.stop()
    telemetry.shutdown_tracing()
    runtime.close()
