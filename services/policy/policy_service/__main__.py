"""Policy service entry point: `python -m policy_service serve|migrate|seed|republish`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from policy_service.events import republish_command
from policy_service.models import PLUMBING
from policy_service.seed import seed
from policy_service.server import register

SPEC = ServiceSpec(name="policy", package="policy_service", plumbing=PLUMBING, register=register,
                   seed=seed, commands={"republish": republish_command})


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
