"""`make bench`: every benchmark figure of bench/, one after the other.

Each figure script prints its figure beside its baselines and writes JSON under bench/results/.
A missed goal is reported, never turned into a failing exit status; a benchmark that cannot run
(the platform does not start, a baseline answers wrongly) does fail.
"""

from __future__ import annotations

import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

import dashboard  # noqa: E402

FIGURES = [dashboard]


def main() -> None:
    for figure in FIGURES:
        print(f"== {figure.__name__}: {(figure.__doc__ or '').strip().splitlines()[0]}", file=sys.stderr, flush=True)
        figure.main()


if __name__ == "__main__":
    main()
