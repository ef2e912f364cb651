"""`make run` on embedded defaults (SQLite files, the embedded bus, no servers needed) starts
the whole product, prints the URL and the demo logins, and the demo logins work."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import time
from pathlib import Path

import pytest
import requests
import sqlalchemy as sa

from clientarea_shared import demo
from clientarea_shared.testing import wait_until

pytestmark = pytest.mark.e2e
ROOT = Path(__file__).resolve().parents[1]


def test_make_run_starts_the_product_and_the_demo_logins_work(tmp_path):
    # Ports below the ephemeral range, apart from the other suites' (see e2e-tests/conftest.py).
    port = 28280
    env = {**os.environ, "PORT": str(port), "PORT_OFFSET": "-21000", "METRICS_OFFSET": "21000",
           "VAR_DIR": str(tmp_path / "var"), "SMTP_PORT": "28225", "MAIL_HTTP_PORT": "28226"}
    for name in ("DATABASE_URL", "AMQP_URL", "POSTGRES_URL", "REDIS_URL"):
        env.pop(name, None)  # embedded defaults only
    log = open(tmp_path / "make-run.log", "w+")  # noqa: SIM115
    make = subprocess.Popen(["make", "--no-print-directory", "run"], cwd=ROOT, env=env, stdout=log,
                            stderr=subprocess.STDOUT, start_new_session=True, text=True)
    try:
        # A generous bound, not a speed goal: on a loaded 2-core machine installing, building the web
        # client, migrating and seeding seven databases has taken over four minutes.
        deadline = time.monotonic() + 480
        while "Press Ctrl-C to stop" not in (tmp_path / "make-run.log").read_text():
            assert make.poll() is None, (tmp_path / "make-run.log").read_text()[-3000:]
            assert time.monotonic() < deadline, "make run did not come up in time"
            time.sleep(0.5)
        banner = (tmp_path / "make-run.log").read_text()
        assert f"http://127.0.0.1:{port}" in banner
        for username, password in ((demo.AGENT_USERNAME, demo.AGENT_PASSWORD),
                                   (demo.CLIENT_USERNAME, demo.CLIENT_PASSWORD)):
            assert re.search(rf"{re.escape(username)}\s+{re.escape(password)}", banner)
            session = requests.Session()
            answer = session.post(f"http://127.0.0.1:{port}/api/v1/auth/login", json={
                "tenant": demo.TENANT_SLUG, "username": username, "password": password})
            assert answer.status_code == 200, answer.text
            assert session.get(f"http://127.0.0.1:{port}/api/v1/me").json()["username"] == username
        assert list((tmp_path / "var").glob("*.sqlite")), "embedded mode keeps SQLite files under VAR_DIR"
        page = requests.get(f"http://127.0.0.1:{port}/login")
        assert page.status_code == 200 and "<html" in page.text.lower()
    finally:
        if make.poll() is None:
            os.killpg(make.pid, signal.SIGTERM)  # Ctrl-C's equivalent for the whole `make run`
        make.wait(timeout=60)
        log.close()
    # Nothing outlives `make run`: its gRPC ports are free again.
    wait_until(lambda: _port_free(29052), 60, "make run's services to stop")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) != 0


def test_make_run_takes_a_database_per_service_from_postgres_url(monkeypatch):
    """`POSTGRES_URL` gives each service its own database (created once), and
    `<SERVICE>_DATABASE_URL` names one outright."""
    import sys

    sys.path.insert(0, str(ROOT / "tools"))
    import devsystem

    from clientarea_shared.testing import PG_SERVER_URL, RUN_ID, drop_database

    prefix = f"ca_{RUN_ID}_mr_"
    monkeypatch.setenv("POSTGRES_URL", PG_SERVER_URL)
    monkeypatch.setenv("POSTGRES_DATABASE_PREFIX", prefix)
    monkeypatch.setenv("CRM_DATABASE_URL", "postgresql+psycopg://elsewhere/crm")
    try:
        urls = devsystem.database_urls_from_env()
        assert urls["crm"] == "postgresql+psycopg://elsewhere/crm"
        assert urls["policy"] == f"{PG_SERVER_URL}/{prefix}policy"
        assert devsystem.database_urls_from_env() == urls  # a second start reuses the databases
        engine = sa.create_engine(urls["identity"])
        with engine.connect() as conn:
            assert conn.scalar(sa.text("SELECT current_database()")) == f"{prefix}identity"
        engine.dispose()
    finally:
        for service in devsystem.SERVICES:
            if service != "crm":
                drop_database(f"{PG_SERVER_URL}/{prefix}{service}")
