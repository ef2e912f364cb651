"""Notification service entry point: `python -m notification_service serve|migrate|worker`."""

from __future__ import annotations

from clientarea_shared import cli
from clientarea_shared.runtime import ServiceSpec
from notification_service.events import subscriptions
from notification_service.models import PLUMBING
from notification_service.server import register
from notification_service.tasks import celery_app

SPEC = ServiceSpec(
    name="notification", package="notification_service", plumbing=PLUMBING, register=register,
    subscriptions=subscriptions, celery=celery_app,
)


def main() -> None:
    cli.main(SPEC)


if __name__ == "__main__":
    main()
