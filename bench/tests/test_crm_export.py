"""The client export figure on a few hundred clients: it generates its data in a fresh
PostgreSQL database, runs the export job's own process and the in-process exports and baseline
each in a process of its own, checks they wrote every client, and writes its JSON."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import crm_export  # noqa: E402

pytestmark = pytest.mark.integration


def test_the_figure_runs_on_a_few_hundred_clients_and_writes_its_json(tmp_path):
    report = crm_export.main(clients=300, results=tmp_path)
    written = json.loads((tmp_path / "crm_export.json").read_text())
    assert written == report
    assert written["clients"] == 300 and written["target_seconds"] == 12.0 and written["target_peak_mib"] == 64.0
    for variant in ("xlsx_constant_memory", "xlsx_in_process", "openpyxl_plain", "csv"):
        assert written[variant]["rows"] == 300 and written[variant]["bytes"] > 0
    for variant in ("xlsx_in_process", "openpyxl_plain", "csv"):
        assert written[variant]["peak_rss_mib"] >= written["baseline"]["peak_rss_mib"] > 0
    # The headline is the job's own process, which loads neither SQLAlchemy nor gRPC: below the
    # floor of crm's imports, and its figures are its own.
    job = written["xlsx_constant_memory"]
    assert 0 < job["peak_rss_mib"] < written["baseline"]["peak_rss_mib"] and "above_baseline_mib" not in job
    assert 0 < job["child_seconds"] <= job["seconds"]
