"""Test support shared by every service's tests (a pytest plugin loaded by the root conftest).

Tests talk to the machine's real PostgreSQL and RabbitMQ. Each run creates its own databases
(`ca_<run>_<service>`) and its own RabbitMQ vhost and drops them at the end, so two runs on one
machine never collide. `TEST_POSTGRES_URL` and `TEST_AMQP_URL` point elsewhere if needed.
"""

from __future__ import annotations

import dataclasses
import os
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TypeVar

import grpc
import pytest
import sqlalchemy as sa

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared import demo, migrate
from clientarea_shared.config import Settings
from clientarea_shared.events import BackgroundLoop
from clientarea_shared.runtime import Runtime, ServiceSpec, background_loops, build_server

PG_SERVER_URL = os.environ.get("TEST_POSTGRES_URL", "postgresql+psycopg://postgres@127.0.0.1:5432")
AMQP_SERVER_URL = os.environ.get("TEST_AMQP_URL", "amqp://guest:guest@127.0.0.1:5672")
RUN_ID = f"{os.getpid()}_{uuid.uuid4().hex[:6]}"
ROOT = Path(__file__).resolve().parents[2]
T = TypeVar("T")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


# --- PostgreSQL ---------------------------------------------------------------------------

def _admin_engine() -> sa.Engine:
    return sa.create_engine(f"{PG_SERVER_URL}/postgres", isolation_level="AUTOCOMMIT")


def create_database(label: str) -> str:
    """A new empty database for this run; returns its SQLAlchemy URL."""
    name = f"ca_{RUN_ID}_{label}".lower()
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()
    return f"{PG_SERVER_URL}/{name}"


def drop_database(url: str) -> None:
    name = url.rsplit("/", 1)[1]
    engine = _admin_engine()
    with engine.connect() as conn:
        conn.execute(sa.text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    engine.dispose()


@contextmanager
def postgres_database(label: str) -> Iterator[str]:
    url = create_database(label)
    try:
        yield url
    finally:
        drop_database(url)


# --- RabbitMQ ----------------------------------------------------------------------------

def _rabbitmqctl(*args: str) -> None:
    subprocess.run(["rabbitmqctl", "-q", *args], check=True, capture_output=True, timeout=60)


@contextmanager
def rabbitmq_vhost(label: str) -> Iterator[str]:
    """A vhost of this run on the machine's RabbitMQ; yields the AMQP URL that uses it."""
    vhost = f"ca_{RUN_ID}_{label}"
    _rabbitmqctl("add_vhost", vhost)
    try:
        _rabbitmqctl("set_permissions", "-p", vhost, "guest", ".*", ".*", ".*")
        yield f"{AMQP_SERVER_URL}/{vhost}"
    finally:
        _rabbitmqctl("delete_vhost", vhost)


# --- The whole platform as processes ------------------------------------------------------

@contextmanager
def platform_processes(label: str, *, env: dict[str, str] | None = None, **system_args: object) -> Iterator:
    """The whole platform as processes (tools/devsystem.py, as `make run` starts it) on
    PostgreSQL (a database per service), a RabbitMQ vhost of its own (queue names are per
    service, so no other suite competes for its messages) and Redis sessions."""
    sys.path.insert(0, str(ROOT / "tools"))
    from devsystem import System

    from clientarea_shared.config import SERVICE_NAMES

    database_urls = {name: create_database(f"{label}_{name}") for name in SERVICE_NAMES}
    try:
        with rabbitmq_vhost(label) as amqp_url:
            running = System(database_urls=database_urls,  # type: ignore[arg-type]
                             env={"AMQP_URL": amqp_url, "REDIS_URL": "redis://127.0.0.1:6379/0",
                                  **(env or {})}, **system_args)
            try:
                running.start(timeout=120)
                yield running
            finally:
                running.stop()
    finally:
        for url in database_urls.values():
            drop_database(url)


# --- SMTP ----------------------------------------------------------------------------------

class Mailbox:
    """A real SMTP server (aiosmtpd) in this process that keeps what it receives."""

    def __init__(self) -> None:
        sys.path.insert(0, str(ROOT / "tools"))
        from aiosmtpd.controller import Controller
        from mailcatcher import MailStore

        self.store = MailStore()
        self.port = free_port()
        self.controller = Controller(self.store, hostname="127.0.0.1", port=self.port)

    def __enter__(self) -> Mailbox:
        self.controller.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.controller.stop()

    @property
    def messages(self) -> list[dict]:
        with self.store.lock:
            return list(self.store.messages)

    def wait_for(self, recipient: str, timeout: float = 30.0) -> dict:
        return wait_until(lambda: next((m for m in self.messages if recipient in m["to"]), None),
                          timeout, f"an e-mail to {recipient}")


def wait_until(probe: Callable[[], T | None], timeout: float, what: str) -> T:
    """The first truthy value `probe` returns, polling until `timeout` seconds have passed."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"timed out after {timeout} s waiting for {what}")


# --- Services in this process ----------------------------------------------------------------

@dataclasses.dataclass
class RunningService:
    runtime: Runtime
    server: grpc.Server
    loops: list[BackgroundLoop]
    address: str

    def channel(self) -> grpc.Channel:
        return self.runtime.channels.get(self.runtime.spec.name)

    def stop(self) -> None:
        self.server.stop(grace=1).wait()
        for loop in self.loops:
            loop.stop()
        self.runtime.close()


def service_spec(name: str) -> ServiceSpec:
    module = __import__(f"{name}_service.__main__", fromlist=["SPEC"])
    return module.SPEC


class Platform:
    """Services running in this process on their own PostgreSQL databases and one RabbitMQ
    vhost, wired to each other, with the demo data loaded. Identity always runs: every other
    service verifies tokens with its keys."""

    def __init__(self, amqp_url: str, smtp_port: int, public_base_url: str = "http://portal.test"):
        self.amqp_url = amqp_url
        self.smtp_port = smtp_port
        self.public_base_url = public_base_url
        self.ports: dict[str, int] = {}
        self.database_urls: dict[str, str] = {}
        self.services: dict[str, RunningService] = {}
        self.exchange = f"clientarea.events.{RUN_ID}"

    def settings(self, name: str) -> Settings:
        addresses = {f"{other}_addr": f"127.0.0.1:{port}" for other, port in self.ports.items()}
        return Settings.for_service(
            name, database_url=self.database_urls[name], amqp_url=self.amqp_url,
            events_exchange=self.exchange, grpc_port=self.ports[name], metrics_port=1,
            **addresses,
        )

    def start(self, names: list[str]) -> None:
        names = ["identity", *[n for n in names if n != "identity"]]
        for name in names:
            self.ports[name] = free_port()
            self.database_urls[name] = create_database(name)
        os.environ.update(SMTP_HOST="127.0.0.1", SMTP_PORT=str(self.smtp_port),
                          PUBLIC_BASE_URL=self.public_base_url)
        for name in names:
            self.services[name] = self._start_one(service_spec(name))

    def _start_one(self, spec: ServiceSpec) -> RunningService:
        runtime = Runtime(spec, self.settings(spec.name))
        migrate.upgrade(spec.package, runtime.settings.database_url)
        if spec.seed is not None:
            spec.seed(runtime)
        for hook in spec.on_start:
            hook(runtime)
        server, _health, _names = build_server(runtime)
        loops = background_loops(runtime)
        server.start()
        for loop in loops:
            loop.start()
        return RunningService(runtime, server, loops, f"127.0.0.1:{runtime.settings.grpc_port}")

    def stop(self) -> None:
        for service in reversed(self.services.values()):
            service.stop()
        for url in self.database_urls.values():
            drop_database(url)

    def stub(self, name: str, stub_class: type[T]) -> T:
        return stub_class(grpc.insecure_channel(self.services[name].address))  # type: ignore[call-arg]

    def login(self, username: str, password: str, tenant: str = demo.TENANT_SLUG) -> str:
        identity = self.stub("identity", identity_pb2_grpc.IdentityServiceStub)
        pair = identity.Login(identity_pb2.LoginRequest(tenant=tenant, username=username,
                                                        password=password), timeout=10)
        return pair.access_token


def bearer(token: str) -> list[tuple[str, str]]:
    return [("authorization", f"Bearer {token}")]


# --- Fixtures ------------------------------------------------------------------------------

@pytest.fixture(scope="session")
def amqp_url() -> Iterator[str]:
    with rabbitmq_vhost("tests") as url:
        yield url


@pytest.fixture(scope="session")
def mailbox() -> Iterator[Mailbox]:
    with Mailbox() as box:
        yield box


@pytest.fixture(scope="session")
def platform(amqp_url: str, mailbox: Mailbox) -> Iterator[Platform]:
    """All seven services in this process on PostgreSQL and RabbitMQ, with the demo data."""
    running = Platform(amqp_url, mailbox.port)
    try:
        running.start(["crm", "policy", "collections", "payments", "geosearch", "notification"])
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def notification_worker(platform: Platform) -> Iterator[None]:
    """notification's real Celery worker on the run's RabbitMQ vhost, so e-mails are really sent
    to the `mailbox` SMTP server. The spec's own Celery factory builds it (no import of the service)."""
    from celery.contrib.testing.worker import start_worker

    runtime = platform.services["notification"].runtime
    assert runtime.spec.celery is not None
    with start_worker(runtime.spec.celery(runtime), pool="threads", concurrency=2, perform_ping_check=False,
                      queues=["notification.tasks"], shutdown_timeout=60):  # slow to stop on a busy machine
        yield


@pytest.fixture(scope="session")
def staff_token(platform: Platform) -> str:
    return platform.login(demo.AGENT_USERNAME, demo.AGENT_PASSWORD)


@pytest.fixture(scope="session")
def customer_token(platform: Platform) -> str:
    return platform.login(demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)


@pytest.fixture(scope="session")
def other_tenant(platform: Platform) -> dict[str, str]:
    """A second firm with one staff login, to prove tenants never see each other's data."""
    from identity_service.testing import add_tenant_with_staff

    return add_tenant_with_staff(platform.services["identity"].runtime, "otra")


def field_errors(error: grpc.RpcError) -> dict[str, str]:
    """The field-level details of a gRPC error status: {field: code}."""
    from clientarea_shared.errors import from_rpc_error

    return {e.field: e.code for e in from_rpc_error(error).errors}


# --- Telemetry -----------------------------------------------------------------------------

@dataclasses.dataclass(frozen=True)
class ReceivedSpan:
    service: str
    name: str
    trace_id: str
    span_id: str
    parent_span_id: str
    kind: int


class OtlpReceiver:
    """An OTLP/HTTP trace receiver in this process: processes export to it as to a collector."""

    def __init__(self) -> None:
        from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

        from opentelemetry.proto.collector.trace.v1 import trace_service_pb2

        spans: list[ReceivedSpan] = []
        lock = threading.Lock()

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                if self.headers.get("Content-Encoding") == "gzip":
                    import gzip

                    body = gzip.decompress(body)
                request = trace_service_pb2.ExportTraceServiceRequest.FromString(body)
                with lock:
                    for resource_spans in request.resource_spans:
                        attributes = {a.key: a.value.string_value for a in resource_spans.resource.attributes}
                        for scope in resource_spans.scope_spans:
                            for span in scope.spans:
                                spans.append(ReceivedSpan(
                                    attributes.get("service.name", ""), span.name,
                                    span.trace_id.hex(), span.span_id.hex(),
                                    span.parent_span_id.hex(), span.kind))
                answer = trace_service_pb2.ExportTraceServiceResponse().SerializeToString()
                self.send_response(200)
                self.send_header("Content-Type", "application/x-protobuf")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self._spans, self._lock = spans, lock
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.endpoint = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    @property
    def spans(self) -> list[ReceivedSpan]:
        with self._lock:
            return list(self._spans)

    def trace(self, trace_id: str) -> list[ReceivedSpan]:
        return [s for s in self.spans if s.trace_id == trace_id]

    def close(self) -> None:
        self.server.shutdown()
