"""Payments service entry point: `python -m payments_service serve|migrate|seed`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from payments_service.models import PLUMBING
from payments_service.seed import seed
from payments_service.server import register

SPEC = ServiceSpec(name="payments", package="payments_service", plumbing=PLUMBING,
                   register=register, seed=seed)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
