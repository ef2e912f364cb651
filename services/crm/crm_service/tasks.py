"""Background work of crm (Celery): client exports too large to stream at once.

`crm.export_clients` runs `handlers.exports.run_export` for one job (which writes the file in a
lean process of its own, `crm_service.export_child`, so the worker does not grow); the worker is
`python -m crm_service worker` (make run starts it as `crm-worker`; the chart as its own
Deployment). A job lost with its worker (acks late) is run again: `run_export` picks up a job
left `running`."""

from __future__ import annotations

import logging

from celery import Celery

from clientarea_shared.celery_app import make_celery
from clientarea_shared.runtime import Runtime
from crm_service.blobs import blob_store

log = logging.getLogger(__name__)


def celery_app(runtime: Runtime) -> Celery:
    def build(rt: Runtime) -> Celery:
        from crm_service.handlers.exports import run_export

        app = make_celery("crm", rt.settings)

        @app.task(name="crm.export_clients")
        def export_clients(export_id: str) -> str:
            return run_export(rt.db, blob_store(rt), export_id)

        return app

    return runtime.component("celery", build)


def enqueue_export(runtime: Runtime, export_id: str) -> None:
    """Hand the job to the worker. A broker that cannot be reached leaves the job queued (and
    logged): the requester sees it waiting rather than an error for work already recorded."""
    try:
        celery_app(runtime).send_task("crm.export_clients", args=[export_id])
    except Exception:  # noqa: BLE001 - kombu raises many kinds of connection errors
        log.exception("could not queue client export %s", export_id)
