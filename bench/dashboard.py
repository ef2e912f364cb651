"""Figure: the customer's dashboard (GET /api/v1/dashboard with a bearer token), four services
(crm, policy, collections, payments) in one read, under open-loop load beside its two baselines
measured in the same run (see bench/fanout.py). Opt-in: `bench/run.py dashboard`."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from fanout import Figure, run  # noqa: E402

from clientarea_shared import demo  # noqa: E402

FIGURE = Figure(
    name="dashboard", path="/api/v1/dashboard",
    title="GET /api/v1/dashboard (customer, bearer token)",
    username=demo.CLIENT_USERNAME, password=demo.CLIENT_PASSWORD, roles=("client",),
)


def main() -> dict:
    return run(FIGURE)


if __name__ == "__main__":
    main()
