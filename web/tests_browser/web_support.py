"""Helpers of the browser tests (imported by conftest.py and the tests): browser contexts,
axe-core checks, logging in, reading the mail catcher."""

from __future__ import annotations

import json
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
