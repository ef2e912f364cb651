"""Fixtures of notification's tests (the platform, mailbox, tokens and the Celery worker come
from the shared test-support plugin)."""

from __future__ import annotations

import pytest


@pytest.fixture()
def worker(notification_worker):
    """notification's real Celery worker, consuming from the test run's RabbitMQ vhost."""
    return notification_worker
