"""CRM service entry point: `python -m crm_service serve|migrate|seed|worker`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from crm_service.events import subscriptions
from crm_service.handlers.exports import start_cleanup  # client export: expired files' clean-up loop
from crm_service.models import PLUMBING
from crm_service.seed import seed
from crm_service.server import register
from crm_service.tasks import celery_app  # client import and export: the export worker

SPEC = ServiceSpec(name="crm", package="crm_service", plumbing=PLUMBING, register=register, seed=seed,
                   subscriptions=subscriptions, celery=celery_app,
                   on_start=[start_cleanup],  # client export
                   # Uploads reach crm inside one request: ticket attachments (three of 4 MiB),
                   # client files and imports.
                   max_request_bytes=16 * 1024 * 1024)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
