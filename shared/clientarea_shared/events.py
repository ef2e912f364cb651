"""Integration events: written to the outbox with the change, relayed to the bus, consumed once.

- `record_event` adds an event to the outbox inside the caller's transaction.
- `OutboxRelay` publishes pending rows in order and marks them published after the bus took
  them (at-least-once; consumers dedupe).
- `EventConsumer` handles each event in one transaction together with a row in
  `processed_events`, so a redelivered event is recognised and skipped.
"""

from __future__ import annotations

import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass

from google.protobuf.message import Message
from google.protobuf.timestamp_pb2 import Timestamp
from opentelemetry import trace
from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from clientarea.events.v1.envelope_pb2 import EventEnvelope
from clientarea_shared import telemetry
from clientarea_shared.bus import EventBus
from clientarea_shared.db import Database, new_id, utcnow
from clientarea_shared.metrics import EVENTS_CONSUMED, EVENTS_PUBLISHED, OUTBOX_PENDING
from clientarea_shared.plumbing import PlumbingTables

log = logging.getLogger(__name__)
_tracer = trace.get_tracer(__name__)


def record_event(
    session: Session,
    tables: PlumbingTables,
    *,
    source: str,
    tenant_id: str,
    event_type: str,
    payload: Message,
    version: int = 1,
) -> str:
    """Add an event to the outbox in the current transaction; returns its id."""
    event_id = new_id()
    occurred = Timestamp()
    occurred.FromDatetime(utcnow())
    envelope = EventEnvelope(
        id=event_id, type=event_type, version=version, tenant_id=tenant_id,
        occurred_at=occurred, source=source,
    )
    envelope.payload.Pack(payload)
    headers = telemetry.inject_headers({"event-id": event_id, "event-type": event_type})
    session.execute(
        insert(tables.outbox).values(
            event_id=event_id, tenant_id=tenant_id, routing_key=event_type,
            body=envelope.SerializeToString(), headers=json.dumps(headers), created_at=utcnow(),
        )
    )
    return event_id


class BackgroundLoop:
    """A daemon thread running `step` until stopped; the relay and consumers use it."""

    def __init__(self, name: str):
        self.name = name
        self.stop_event = threading.Event()
        self._thread: threading.Thread | None = None

    def run(self) -> None:  # overridden
        raise NotImplementedError

    def _guarded_run(self) -> None:
        while not self.stop_event.is_set():
            try:
                self.run()
            except Exception:
                log.exception("%s failed; restarting in 1 s", self.name)
                self.stop_event.wait(1.0)

    def start(self) -> None:
        self._thread = threading.Thread(target=self._guarded_run, name=self.name, daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 5.0) -> None:
        self.stop_event.set()
        if self._thread is not None:
            self._thread.join(timeout)


class OutboxRelay(BackgroundLoop):
    def __init__(
        self, service: str, db: Database, tables: PlumbingTables, bus: EventBus,
        interval_seconds: float = 0.2, batch_size: int = 100,
    ):
        super().__init__(f"{service}-outbox-relay")
        self.service = service
        self.db = db
        self.tables = tables
        self.bus = bus
        self.interval = interval_seconds
        self.batch_size = batch_size

    def publish_pending(self) -> int:
        """Publish one batch; returns how many events were published."""
        outbox = self.tables.outbox
        with self.db.session() as session:
            query = (
                select(outbox.c.id, outbox.c.routing_key, outbox.c.body, outbox.c.headers)
                .where(outbox.c.published_at.is_(None))
                .order_by(outbox.c.id)
                .limit(self.batch_size)
            )
            if self.db.is_postgres:  # several relay replicas share the work
                query = query.with_for_update(skip_locked=True)
            rows = session.execute(query).all()
            for row in rows:
                self.bus.publish(row.routing_key, row.body, json.loads(row.headers))
                session.execute(
                    update(outbox).where(outbox.c.id == row.id).values(published_at=utcnow())
                )
                EVENTS_PUBLISHED.labels(self.service, row.routing_key).inc()
            pending = session.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.published_at.is_(None))
            )
            OUTBOX_PENDING.labels(self.service).set(max(0, (pending or 0) - len(rows)))
        return len(rows)

    def run(self) -> None:
        while not self.stop_event.is_set():
            if self.publish_pending() == 0:
                self.stop_event.wait(self.interval)


class _AlreadyProcessed(Exception):
    """The event id is already in processed_events: a redelivery."""


EventHandler = Callable[[Session, EventEnvelope, Message], None]


@dataclass(frozen=True)
class Subscription:
    event_type: str
    payload_type: type[Message]
    handler: EventHandler


class EventConsumer(BackgroundLoop):
    def __init__(
        self, service: str, db: Database, tables: PlumbingTables, bus: EventBus,
        subscriptions: list[Subscription], queue: str | None = None,
    ):
        super().__init__(f"{service}-event-consumer")
        self.service = service
        self.db = db
        self.tables = tables
        self.bus = bus
        self.queue = queue or f"{service}.events"
        self.subscriptions = {s.event_type: s for s in subscriptions}

    def handle(self, routing_key: str, body: bytes, headers: dict[str, str]) -> bool:
        """Handle one delivery; returns False when it was a repeat (already processed)."""
        envelope = EventEnvelope.FromString(body)
        subscription = self.subscriptions.get(envelope.type)
        if subscription is None:
            return False
        parent = telemetry.extracted_context(headers)
        with _tracer.start_as_current_span(
            f"{envelope.type} process", context=parent, kind=trace.SpanKind.CONSUMER,
            attributes={"messaging.system": "rabbitmq", "messaging.destination.name": routing_key,
                        "messaging.message.id": envelope.id},
        ):
            payload = subscription.payload_type()
            envelope.payload.Unpack(payload)
            try:
                with self.db.session() as session:
                    try:
                        session.execute(
                            insert(self.tables.processed_events).values(
                                consumer=self.queue, event_id=envelope.id, processed_at=utcnow()
                            )
                        )
                    except IntegrityError as exc:
                        raise _AlreadyProcessed from exc
                    subscription.handler(session, envelope, payload)
            except _AlreadyProcessed:
                EVENTS_CONSUMED.labels(self.service, envelope.type, "duplicate").inc()
                return False
            except Exception:
                EVENTS_CONSUMED.labels(self.service, envelope.type, "failed").inc()
                raise
        EVENTS_CONSUMED.labels(self.service, envelope.type, "handled").inc()
        return True

    def start(self) -> None:
        # Bind before returning, so events published right after start-up are not lost.
        self.bus.declare(self.queue, sorted(self.subscriptions))
        super().start()

    def run(self) -> None:
        self.bus.consume(self.queue, sorted(self.subscriptions), self.handle, self.stop_event)
