"""The client search figure on a few hundred clients: it generates its data in a fresh
PostgreSQL database (or a kept one, filled once), measures the indexed search, the sequential-scan
baseline and the list's other shapes, checks the baseline answers the same clients, and writes
its JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import crm_search  # noqa: E402

pytestmark = pytest.mark.integration


def test_generated_clients_are_spanish_reproducible_and_fill_the_filters_columns():
    rows = list(crm_search.client_rows(300))
    assert rows[:5] == list(crm_search.client_rows(5))
    clients = [row for row, _, _ in rows]
    assert len({c[0] for c in clients}) == 300 and len({c[9] for c in clients}) == 300  # ids, documents
    assert any("í" in c[6] or "á" in c[6] or "ñ" in c[6] for c in clients)  # accents as typed
    assert all(c[7] == c[7].lower() and "í" not in c[7] for c in clients)  # search text normalised
    with_credit = sum("credit" in lines for _, _, lines in rows)
    assert 60 < with_credit < 180  # about 40%


def test_the_figure_runs_on_a_few_hundred_clients_and_writes_its_json(tmp_path):
    report = crm_search.main(clients=400, runs=3, results=tmp_path)
    written = json.loads((tmp_path / "crm_search.json").read_text())
    assert written == report
    assert written["clients"] == 400 and written["runs"] == 3 and written["target_p95_ms"] == 50.0
    for target in ("indexed", "sequential_scan"):
        assert written[target]["p50_ms"] <= written[target]["p95_ms"] <= written[target]["max_ms"]
        assert written[target]["matches"] == written["matches"]
    assert set(written["query"]) == {"q", "salesperson_id", "birthday_from", "birthday_to", "has_policy_line",
                                     "lacks_policy_line"}
    assert set(written["shapes"]) == set(crm_search.SHAPES)
    for name, figures in written["shapes"].items():
        assert figures["query"] == crm_search.SHAPES[name]
        assert figures["p50_ms"] <= figures["p95_ms"] <= figures["max_ms"]
    assert written["shapes"]["everyone"]["matches"] == 400
    assert 0 < written["shapes"]["portal_users"]["matches"] < 400


def test_a_kept_database_is_filled_once_then_measured_as_it_is(tmp_path):
    from clientarea_shared.testing import postgres_database

    with postgres_database("crm_search_kept") as url:
        first = crm_search.main(clients=300, runs=1, results=tmp_path, kept_url=url)
        again = crm_search.main(clients=300, runs=1, results=tmp_path, kept_url=url)
    assert first["generate_s"] is not None and again["generate_s"] is None
    assert again["matches"] == first["matches"]
    assert [f["matches"] for f in again["shapes"].values()] == [f["matches"] for f in first["shapes"].values()]
