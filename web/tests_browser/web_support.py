"""Helpers of the browser tests (imported by conftest.py and the tests): browser contexts,
axe-core checks, logging in, reading the mail catcher, and a plain HTTP client of the API that
plays "another device" (its own cookies and User-Agent)."""

from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

WEB = Path(__file__).resolve().parents[1]
AXE_JS = WEB / "node_modules" / "axe-core" / "axe.min.js"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PHONE = {"viewport": {"width": 390, "height": 844}, "device_scale_factor": 3, "is_mobile": True,
         "has_touch": True}


def new_context(browser: Any, system: Any, *, phone: bool = False, bypass_csp: bool = True) -> Any:
    """A fresh browser profile. bypass_csp lets add_script_tag inject axe-core (an inline
    script the gateway's CSP rightly forbids); test_app_runs_under_the_gateway_csp keeps it."""
    options: dict[str, Any] = {"base_url": system.base_url, "locale": "es-ES",
                               "bypass_csp": bypass_csp}
    if phone:
        options.update(PHONE)
    context = browser.new_context(**options)
    context.set_default_timeout(15_000)
    return context


def axe_violations(page: Any) -> list[dict[str, Any]]:
    """Run axe-core on the page as it is now; the serious and critical WCAG A/AA findings."""
    if not AXE_JS.is_file():
        pytest.fail("axe-core is missing: cd web && npm ci")
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_JS))
    result = page.evaluate(
        """async (tags) => {
            const r = await axe.run(document, {runOnly: {type: 'tag', values: tags},
                                               resultTypes: ['violations']});
            return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => ({target: n.target.join(' '), summary: n.failureSummary}))}));
        }""", AXE_TAGS)
    return [v for v in result if v["impact"] in ("serious", "critical")]


def assert_accessible(page: Any, where: str) -> None:
    found = axe_violations(page)
    assert not found, f"axe found problems on {where}:\n" + json.dumps(found, indent=2,
                                                                       ensure_ascii=False)


def login(page: Any, username: str, password: str, tenant: str = "demo") -> None:
    page.goto("/login")
    page.get_by_label("Entidad").fill(tenant)
    page.get_by_label("Usuario o correo electrónico").fill(username)
    page.get_by_label("Contraseña", exact=True).fill(password)
    page.get_by_role("button", name="Acceder").click()
    page.wait_for_url("**/app**")


def mail_messages(system: Any) -> list[dict[str, Any]]:
    with urllib.request.urlopen(f"{system.mail_url}/api/messages", timeout=5) as answer:  # noqa: S310
        return json.loads(answer.read())


def wait_for_mail_matching(system: Any, to: str, pattern: str, timeout: float = 30.0) -> re.Match[str]:
    """The first e-mail to `to` whose text matches `pattern` (a regex, multiline)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for message in mail_messages(system):
            if to in message["to"]:
                found = re.search(pattern, message["text"], re.MULTILINE)
                if found:
                    return found
        time.sleep(0.5)
    raise AssertionError(f"no e-mail to {to} matching {pattern!r} within {timeout} s")


class ApiDevice:
    """The API as another device would use it: its own cookie jar (session + CSRF cookies)
    and User-Agent, so it shows up as a separate session with its own device name."""

    def __init__(self, system: Any, user_agent: str = "curl/8.5.0") -> None:
        self.base = f"{system.base_url}/api/v1"
        self.user_agent = user_agent
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def cookie(self, name: str) -> str:
        return next((c.value or "" for c in self.jar if c.name == name), "")

    def call(self, method: str, path: str, body: Any = None) -> tuple[int, Any]:
        headers = {"Accept": "application/json", "User-Agent": self.user_agent}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if method != "GET" and self.cookie("csrf_token"):
            headers["X-CSRF-Token"] = self.cookie("csrf_token")
        request = urllib.request.Request(  # noqa: S310 - the local test gateway
            f"{self.base}{path}", method=method, headers=headers,
            data=None if body is None else json.dumps(body).encode())
        try:
            with self.opener.open(request, timeout=20) as answer:
                status, raw = answer.status, answer.read()
        except urllib.error.HTTPError as error:
            status, raw = error.code, error.read()
        return status, (json.loads(raw) if raw else None)

    def login(self, username: str, password: str, tenant: str = "demo") -> None:
        status, body = self.call("POST", "/auth/login", {"tenant": tenant, "username": username,
                                                         "password": password})
        assert status == 200, (status, body)
