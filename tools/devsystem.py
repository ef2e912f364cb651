"""Start the whole platform as local processes: `make run` and the end-to-end tests use it.

Embedded mode (no environment): SQLite files and the embedded bus under var/. With
`POSTGRES_URL` (a server URL without database, e.g. postgresql+psycopg://postgres@127.0.0.1:5432)
each service gets its own PostgreSQL database `clientarea_<service>` (created when missing; the
prefix is `POSTGRES_DATABASE_PREFIX`);
`<SERVICE>_DATABASE_URL` (e.g. CRM_DATABASE_URL) names one service's database outright; with
`AMQP_URL` events and tasks go through RabbitMQ, and with `REDIS_URL` web sessions live in Redis.
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SERVICES = ("identity", "crm", "policy", "collections", "payments", "geosearch", "notification")

sys.path.insert(0, str(ROOT / "shared"))
from clientarea_shared import demo  # noqa: E402
from clientarea_shared.config import LOCAL_PORTS  # noqa: E402


def wait_for_http(url: str, processes: list[tuple[str, subprocess.Popen]], timeout: float,
                  logs: Path) -> None:
    """Wait until `url` answers 200, failing early when one of `processes` exits."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, process in processes:
            if process.poll() is not None:
                raise RuntimeError(f"{name} exited early; see its log in {logs}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:  # noqa: S310 - a local URL
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.2)
    raise TimeoutError(f"{url} did not answer within {timeout} s; logs in {logs}")


def _die_with_parent() -> None:
    """In the child: get SIGTERM when the launcher dies, however it dies (Linux), so no service
    outlives a killed `make run` or test run and holds its ports."""
    if sys.platform.startswith("linux"):
        import ctypes

        pr_set_pdeathsig = 1
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


@dataclass
class System:
    var_dir: Path
    port: int = 8080
    smtp_port: int = 1025
    mail_http_port: int = 8025
    # Shift every service's gRPC and metrics port, so tests run beside `make run`. Tests use
    # ports below 32768: numbers in the ephemeral range can be taken by outgoing connections.
    port_offset: int = 0
    metrics_offset: int | None = None  # None: the same as port_offset
    env: dict[str, str] = field(default_factory=dict)
    database_urls: dict[str, str] = field(default_factory=dict)
    processes: list[tuple[str, subprocess.Popen]] = field(default_factory=list)

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def mail_url(self) -> str:
        return f"http://127.0.0.1:{self.mail_http_port}"

    def _env(self, service: str | None = None) -> dict[str, str]:
        env = {**os.environ, **self.env, "VAR_DIR": str(self.var_dir),
               "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(self.smtp_port),
               "PUBLIC_BASE_URL": self.base_url, "PYTHONUNBUFFERED": "1",
               # campaigns: SMS and voice calls go to the mail catcher's fake providers (shown there)
               "SMS_PROVIDER_URL": f"{self.mail_url}/sms", "VOICE_PROVIDER_URL": f"{self.mail_url}/voice"}
        for name in LOCAL_PORTS:
            env[f"{name.upper()}_ADDR"] = f"127.0.0.1:{self.grpc_port(name)}"
        if service is not None:
            env["OTEL_SERVICE_NAME"] = service
            env["GRPC_PORT"] = str(self.grpc_port(service))
            env["METRICS_PORT"] = str(self.metrics_port(service))
            if service in self.database_urls:
                env["DATABASE_URL"] = self.database_urls[service]
        else:
            env["OTEL_SERVICE_NAME"] = "gateway"
            env["PORT"] = str(self.port)
        return env

    def grpc_port(self, service: str) -> int:
        return LOCAL_PORTS[service] + self.port_offset

    def metrics_port(self, service: str) -> int:
        offset = self.port_offset if self.metrics_offset is None else self.metrics_offset
        return LOCAL_PORTS[service] - 50051 + 9101 + offset

    def _spawn(self, name: str, args: list[str], env: dict[str, str]) -> None:
        log = open(self.var_dir / f"{name}.log", "ab")  # noqa: SIM115 - lives with the process
        process = subprocess.Popen(args, env=env, stdout=log, stderr=subprocess.STDOUT,
                                   cwd=ROOT, start_new_session=True, preexec_fn=_die_with_parent)
        self.processes.append((name, process))

    def prepare(self) -> None:
        """Migrate every database and load the demo data."""
        self.var_dir.mkdir(parents=True, exist_ok=True)
        for service in SERVICES:
            for command in ("migrate", "seed"):
                subprocess.run([PYTHON, "-m", f"{service}_service", command],
                               env=self._env(service), cwd=ROOT, check=True)

    def start(self, timeout: float = 60.0) -> None:
        self.prepare()
        self._spawn("mailcatcher", [PYTHON, str(ROOT / "tools" / "mailcatcher.py"),
                                    "--smtp-port", str(self.smtp_port),
                                    "--http-port", str(self.mail_http_port)], self._env())
        for service in SERVICES:
            self._spawn(service, [PYTHON, "-m", f"{service}_service", "serve"], self._env(service))
        self._spawn("notification-worker", [PYTHON, "-m", "notification_service", "worker"],
                    self._env("notification"))
        self._spawn("crm-worker", [PYTHON, "-m", "crm_service", "worker"],  # client import and export
                    self._env("crm"))
        self._spawn("gateway", [PYTHON, "-m", "gateway"], self._env())
        self.wait_ready(timeout)

    def wait_ready(self, timeout: float) -> None:
        wait_for_http(f"{self.base_url}/readyz", self.processes, timeout, logs=self.var_dir)

    def stop(self) -> None:
        for _, process in reversed(self.processes):
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for _, process in self.processes:
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
        self.processes.clear()


def database_urls_from_env() -> dict[str, str]:
    """Each service's database from `<SERVICE>_DATABASE_URL` or `POSTGRES_URL`; others embedded."""
    server = os.environ.get("POSTGRES_URL", "").rstrip("/")
    prefix = os.environ.get("POSTGRES_DATABASE_PREFIX", "clientarea_")
    urls: dict[str, str] = {}
    for service in SERVICES:
        explicit = os.environ.get(f"{service.upper()}_DATABASE_URL")
        if explicit:
            urls[service] = explicit
        elif server:
            urls[service] = f"{server}/{prefix}{service}"
            _create_database_if_missing(server, f"{prefix}{service}")
    return urls


def _create_database_if_missing(server: str, name: str) -> None:
    import sqlalchemy as sa

    engine = sa.create_engine(f"{server}/postgres", isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        if conn.scalar(sa.text("SELECT 1 FROM pg_database WHERE datname = :n"), {"n": name}) is None:
            conn.execute(sa.text(f'CREATE DATABASE "{name}"'))
    engine.dispose()


def banner(system: System) -> str:
    return f"""
  Área Cliente is running.

    Web and API     {system.base_url}          (firm: {demo.TENANT_SLUG})
    API document    {system.base_url}/api/openapi.json
    Mail catcher    {system.mail_url}          (every e-mail, SMS and voice call the platform sends)

  Demo logins (demo only):
    staff           {demo.AGENT_USERNAME:<22} {demo.AGENT_PASSWORD}
    staff admin     {demo.ADMIN_USERNAME:<22} {demo.ADMIN_PASSWORD}
    customer        {demo.CLIENT_USERNAME:<22} {demo.CLIENT_PASSWORD}
    company admin   {demo.COMPANY_ADMIN_USERNAME:<22} {demo.COMPANY_ADMIN_PASSWORD}
    company viewer  {demo.COMPANY_VIEWER_USERNAME:<22} {demo.COMPANY_VIEWER_PASSWORD}
    quick access    process {demo.QUICK_ACCESS_PROCESS_NUMBER}, key {demo.QUICK_ACCESS_KEY} (/quick-access)

  Logs in {system.var_dir}/. Press Ctrl-C to stop.
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    env = os.environ.get
    parser.add_argument("--var-dir", default=env("VAR_DIR", str(ROOT / "var")))
    parser.add_argument("--port", type=int, default=int(env("PORT", "8080")))
    parser.add_argument("--port-offset", type=int, default=int(env("PORT_OFFSET", "0")),
                        help="shift every service's gRPC and metrics port (to run beside another)")
    parser.add_argument("--metrics-offset", type=int,
                        default=int(env("METRICS_OFFSET")) if env("METRICS_OFFSET") else None,
                        help="shift the metrics ports by this instead (default: --port-offset)")
    parser.add_argument("--smtp-port", type=int, default=int(env("SMTP_PORT", "1025")))
    parser.add_argument("--mail-http-port", type=int, default=int(env("MAIL_HTTP_PORT", "8025")))
    args = parser.parse_args()
    system = System(var_dir=Path(args.var_dir), port=args.port, port_offset=args.port_offset,
                    metrics_offset=args.metrics_offset,
                    smtp_port=args.smtp_port, mail_http_port=args.mail_http_port,
                    database_urls=database_urls_from_env())
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        system.start()
        print(banner(system), flush=True)
        while all(p.poll() is None for _, p in system.processes):
            time.sleep(1)
        failed = [n for n, p in system.processes if p.poll() is not None]
        print(f"stopped: {', '.join(failed)} exited; see its log in {system.var_dir}", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, signal.SIG_IGN)  # a second signal must not cut the stop short
        system.stop()


if __name__ == "__main__":
    main()
