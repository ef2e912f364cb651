"""Geosearch service entry point: `python -m geosearch_service serve|migrate|seed`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from geosearch_service.models import PLUMBING
from geosearch_service.seed import seed
from geosearch_service.server import register

SPEC = ServiceSpec(name="geosearch", package="geosearch_service", plumbing=PLUMBING,
                   register=register, seed=seed)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
