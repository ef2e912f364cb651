"""The outbox → relay → bus → idempotent consumer chain, on PostgreSQL with RabbitMQ and on the
embedded (SQLite) defaults: an event recorded in a transaction is delivered exactly once to the
handler, a rolled-back transaction publishes nothing, and a failing handler dead-letters."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
import sqlalchemy as sa

from clientarea.crm.v1 import crm_pb2
from clientarea_shared.bus import EmbeddedBus, RabbitMQBus, topic_matches
from clientarea_shared.db import Database, new_metadata
from clientarea_shared.events import EventConsumer, OutboxRelay, Subscription, record_event
from clientarea_shared.plumbing import plumbing_tables
from clientarea_shared.testing import RUN_ID, postgres_database, wait_until


@pytest.fixture(params=["postgres+rabbitmq", "embedded"])
def chain(request, tmp_path: Path):
    metadata = new_metadata()
    tables = plumbing_tables(metadata)
    if request.param == "embedded":
        db = Database(f"sqlite:///{tmp_path / 'svc.sqlite'}")
        metadata.create_all(db.engine)
        yield db, tables, EmbeddedBus(tmp_path / "bus.sqlite")
        db.dispose()
        return
    amqp_url = request.getfixturevalue("amqp_url")
    with postgres_database(f"events_{request.node.name[-8:].strip('[]-')}") as url:
        db = Database(url)
        metadata.create_all(db.engine)
        bus = RabbitMQBus(amqp_url, f"test.events.{RUN_ID}.{request.node.name}")
        yield db, tables, bus
        bus.close()
        db.dispose()


def _record(db, tables, user_id: str, *, commit: bool = True) -> None:
    with db.session() as session:
        record_event(session, tables, source="crm", tenant_id="t1", event_type="crm.portal_user_created",
                     payload=crm_pb2.PortalUserCreated(user_id=user_id))
        if not commit:
            session.rollback()


def _consume(db, tables, bus, handler, queue: str):
    consumer = EventConsumer("test", db, tables, bus,
                             [Subscription("crm.portal_user_created", crm_pb2.PortalUserCreated, handler)],
                             queue=queue)
    consumer.start()
    return consumer


@pytest.mark.integration
def test_recorded_events_reach_the_handler_exactly_once(chain, request):
    db, tables, bus = chain
    seen: list[str] = []
    lock = threading.Lock()

    def handler(session, envelope, payload):
        with lock:
            seen.append(payload.user_id)

    consumer = _consume(db, tables, bus, handler, f"q.{RUN_ID}.{request.node.name}")
    try:
        wait_until(lambda: bus.ping(), 5, "the bus")
        _record(db, tables, "u1")
        _record(db, tables, "never", commit=False)  # rolled back: never published
        relay = OutboxRelay("test", db, tables, bus)
        assert relay.publish_pending() == 1
        wait_until(lambda: seen, 10, "the event to be handled")
        # A redelivery of the same message (e.g. after a relay crash before marking it) is ignored.
        body, headers = _outbox_row(db, tables)
        assert consumer.handle("crm.portal_user_created", body, headers) is False
        assert seen == ["u1"]
        assert relay.publish_pending() == 0
    finally:
        consumer.stop()


def _outbox_row(db, tables) -> tuple[bytes, dict]:
    with db.session() as session:
        row = session.execute(sa.select(tables.outbox.c.body, tables.outbox.c.headers)).one()
    return row.body, json.loads(row.headers)


@pytest.mark.integration
def test_a_failing_handler_does_not_mark_the_event_processed(chain, request):
    db, tables, bus = chain
    attempts: list[int] = []

    def handler(session, envelope, payload):
        attempts.append(1)
        raise RuntimeError("boom")

    consumer = _consume(db, tables, bus, handler, f"q.{RUN_ID}.{request.node.name}")
    try:
        _record(db, tables, "u2")
        OutboxRelay("test", db, tables, bus).publish_pending()
        wait_until(lambda: attempts, 10, "the handler to run")
        with db.session() as session:
            assert session.scalar(sa.select(sa.func.count()).select_from(tables.processed_events)) == 0
    finally:
        consumer.stop()


@pytest.mark.unit
@pytest.mark.parametrize(("pattern", "key", "expected"), [
    ("crm.*", "crm.portal_user_created", True),
    ("crm.*", "crm.client.created", False),
    ("crm.#", "crm.client.created", True),
    ("#", "anything.at.all", True),
    ("*.created", "crm.created", True),
    ("policy.*", "crm.created", False),
])
def test_topic_patterns_match_like_rabbitmq(pattern, key, expected):
    assert topic_matches(pattern, key) is expected
