"""`make bench`: the benchmark figures of bench/, one after the other.

    bench/run.py                      # the default figures: overview, login, tokens, crm_search (~9 minutes)
    bench/run.py dashboard            # only the customer's dashboard (~5 minutes)
    bench/run.py crm_search           # only crm's client search on 200,000 clients (~2 minutes)
    bench/run.py crm_export           # only crm's export of 100,000 clients to .xlsx (~2 minutes)
    bench/run.py all                  # every figure
    bench/run.py overview dashboard   # any selection, in the order given

Each figure script prints its figure beside its baselines and writes JSON under bench/results/.
A missed goal is reported, never turned into a failing exit status; a benchmark that cannot run
(the platform does not start, a baseline answers wrongly) does fail.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

# name -> opt-in? The dashboard figure would take `make bench` past ~8 minutes, so it is asked for.
FIGURES = {"overview": False, "login": False, "tokens": False, "dashboard": True,
           "crm_search": False,  # client search: crm's combined filter on 200,000 clients
           "crm_export": False}  # client import and export: 100,000 clients to .xlsx


def selected(names: Sequence[str]) -> list[str]:
    """The figures to run, in order: the default ones when none is named; `all` is every one."""
    if not names:
        return [name for name, opt_in in FIGURES.items() if not opt_in]
    if "all" in names:
        return list(FIGURES)
    unknown = [n for n in names if n not in FIGURES]
    if unknown:
        raise SystemExit(f"unknown figure(s): {', '.join(unknown)}; choose from {', '.join(FIGURES)} or all")
    return list(dict.fromkeys(names))


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("figures", nargs="*", help=f"any of {', '.join(FIGURES)}, or all")
    args = parser.parse_args(argv)
    for name in selected(args.figures):
        figure = importlib.import_module(name)
        print(f"== {name}: {(figure.__doc__ or '').strip().splitlines()[0]}", file=sys.stderr, flush=True)
        figure.main()


if __name__ == "__main__":
    main()
