"""The figures' own logic, without running a benchmark: which figures `make bench` runs, the
overview's added data and its full-page check, the login figure's arithmetic, and that the
token figure's tokens are the ones identity makes (the verifier and raw PyJWT accept them)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from stdnum.es import dni

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import login  # noqa: E402
import overview  # noqa: E402
import run  # noqa: E402
import tokens  # noqa: E402


def test_make_bench_runs_the_default_figures_and_the_dashboard_on_request():
    assert run.selected([]) == ["overview", "login", "tokens", "crm_search", "crm_export"]
    assert run.selected(["dashboard"]) == ["dashboard"]
    assert run.selected(["all"]) == ["overview", "login", "tokens", "dashboard", "crm_search", "crm_export"]
    assert run.selected(["tokens", "overview", "tokens"]) == ["tokens", "overview"]
    with pytest.raises(SystemExit):
        run.selected(["nonsense"])


def test_bench_clients_have_valid_distinct_spanish_ids():
    ids = [overview.dni_of(n) for n in range(overview.BENCH_CLIENTS)]
    assert all(dni.is_valid(i) for i in ids) and len(set(ids)) == len(ids)


def test_the_overview_must_be_a_full_page_before_the_load():
    full = {"clients": {"items": [{}] * 20, "next_cursor": "x"}, "open_cases": [{}] * 5}
    overview.check(full)
    for broken in ({**full, "clients": {"items": [{}] * 4, "next_cursor": None}}, {**full, "open_cases": []},
                   {**full, "clients": None}):
        with pytest.raises(RuntimeError):
            overview.check(broken)


def test_login_summary_throughput_and_percentiles():
    result = login.summary([0.010] * 98 + [0.200, 0.300], ok=100, failed=2, window_s=4.0)
    assert result["throughput_per_s"] == 25.0 and result["failed"] == 2
    assert result["p50_ms"] == 10.0 and result["p99_ms"] == 200.0 and result["max_ms"] == 300.0
    assert login.summary([], 0, 3, 1.0)["p99_ms"] is None


def test_login_open_loop_rates_are_fractions_of_the_closed_loop_maximum():
    assert login.open_loop_rates(40.0) == [20.0, 32.0]
    assert login.open_loop_rates(0.4) == [1.0, 1.0]  # never below one login a second


def test_cpu_bound_rate():
    assert login.cpu_bound_rate(40.0, 2) == 50.0
    assert login.cpu_bound_rate(0.0, 2) == 0.0


def test_token_figure_tokens_are_accepted_by_the_verifier_and_by_raw_pyjwt():
    import jwt

    from clientarea_shared.auth import TokenVerifier

    private, kid, jwks = tokens.signing_key()
    minted = tokens.mint(private, kid, 3)
    assert len(set(minted)) == 3 and jwt.get_unverified_header(minted[0])["kid"] == kid
    verifier = TokenVerifier(lambda: jwks, tokens.ISSUER, tokens.AUDIENCE)
    principals = [verifier.verify(t) for t in minted]
    assert all(p.roles == frozenset({"agent"}) and p.tenant_id and p.client_id for p in principals)
    key = jwt.PyJWK(json.loads(jwks)["keys"][0], algorithm="RS256").key
    claims = jwt.decode(minted[0], key, algorithms=["RS256"], audience=tokens.AUDIENCE, issuer=tokens.ISSUER)
    assert claims["sub"] == principals[0].user_id
