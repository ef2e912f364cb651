"""The Celery app factory: RabbitMQ in a cluster, an SQLite-backed broker in embedded mode."""

from __future__ import annotations

from celery import Celery
from celery.signals import worker_process_init
from opentelemetry.instrumentation.celery import CeleryInstrumentor

from clientarea_shared.config import Settings


def make_celery(service: str, settings: Settings) -> Celery:
    app = Celery(service, broker=settings.celery_broker)
    app.conf.update(
        task_default_queue=f"{service}.tasks",
        task_acks_late=True,
        task_reject_on_worker_lost=True,
        worker_prefetch_multiplier=1,
        task_ignore_result=True,
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
        timezone="UTC",
    )
    CeleryInstrumentor().instrument()
    return app


@worker_process_init.connect(weak=False)
def _instrument_worker_process(*_args, **_kwargs) -> None:  # noqa: ANN002, ANN003
    CeleryInstrumentor().instrument()
