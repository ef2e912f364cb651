"""Browser tests of the web client: the whole platform as local processes (tools/devsystem.py)
on ports of their own, on PostgreSQL, RabbitMQ and Redis, the built client served by the
gateway, and Playwright driving Debian's Chromium (/usr/bin/chromium; no browser download).

The session fixture builds web/dist first when it is missing or older than its sources.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

WEB = Path(__file__).resolve().parents[1]
ROOT = WEB.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from web_support import new_context  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
# Not the defaults of `make run` (8080, offset 0, 1025, 8025): both can run at once. Service
# ports land below the ephemeral range (32768+), where outgoing connections cannot take them.
PORT = int(os.environ.get("WEB_TEST_PORT", "18080"))
PORT_OFFSET = int(os.environ.get("WEB_TEST_PORT_OFFSET", "-22000"))
METRICS_OFFSET = int(os.environ.get("WEB_TEST_METRICS_OFFSET", "22000"))
SMTP_PORT = int(os.environ.get("WEB_TEST_SMTP_PORT", "11025"))
MAIL_HTTP_PORT = int(os.environ.get("WEB_TEST_MAIL_HTTP_PORT", "18025"))


_SOURCES = ["src", "public", "sw", "index.html", "vite.config.ts", "tsconfig.json",
            "package.json", "package-lock.json"]


def _newest_source_mtime() -> float:
    newest = 0.0
    for name in _SOURCES:
        path = WEB / name
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        newest = max([newest, *(f.stat().st_mtime for f in files)])
    return newest


def build_web_client() -> None:
    """npm ci when node_modules is missing, then npm run build when dist is stale."""
    npm = shutil.which("npm")
    if npm is None:
        pytest.fail("npm is needed to build the web client")
    if not (WEB / "node_modules").is_dir():
        subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=WEB,
                       check=True)
    index = WEB / "dist" / "index.html"
    if not index.is_file() or index.stat().st_mtime < _newest_source_mtime():
        subprocess.run([npm, "run", "build", "--silent"], cwd=WEB, check=True)


@pytest.fixture(scope="session")
def web_dist() -> Path:
    build_web_client()
    return WEB / "dist"


@pytest.fixture(scope="session")
def system(web_dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    """The platform as in production (PostgreSQL, RabbitMQ, Redis), as the e2e tests run it."""
    from clientarea_shared.testing import platform_processes

    with platform_processes(
        "web", var_dir=tmp_path_factory.mktemp("web-system"), port=PORT, port_offset=PORT_OFFSET,
        metrics_offset=METRICS_OFFSET, smtp_port=SMTP_PORT, mail_http_port=MAIL_HTTP_PORT,
    ) as running:
        yield running


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: apt-get install -y chromium (or `make chromium`)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Any, system: Any) -> Iterator[Any]:
    context = new_context(browser, system)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_page(browser: Any, system: Any) -> Iterator[Any]:
    context = new_context(browser, system, phone=True)
    yield context.new_page()
    context.close()


