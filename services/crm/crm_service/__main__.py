"""CRM service entry point: `python -m crm_service serve|migrate|seed`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from crm_service.events import subscriptions
from crm_service.models import PLUMBING
from crm_service.seed import seed
from crm_service.server import register

SPEC = ServiceSpec(name="crm", package="crm_service", plumbing=PLUMBING, register=register, seed=seed,
                   subscriptions=subscriptions)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
