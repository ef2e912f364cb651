"""Collections service entry point: `python -m collections_service serve|migrate|seed`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from collections_service.models import PLUMBING
from collections_service.seed import seed
from collections_service.server import register

SPEC = ServiceSpec(name="collections", package="collections_service", plumbing=PLUMBING,
                   register=register, seed=seed)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
