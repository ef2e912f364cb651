"""The event bus: a RabbitMQ topic exchange (pika, publisher confirms) or, for `make run`,
an embedded bus in one SQLite file that several processes share.

Both offer the same two operations. `publish` returns only once the broker has taken the
message (a confirm, or a committed insert), so the outbox relay never marks an event sent that
was lost. `consume` blocks, handing each message to a handler and acknowledging it only after
the handler returned; a handler that raises sends the message to the dead-letter queue.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Protocol

import pika

from clientarea_shared.config import Settings

log = logging.getLogger(__name__)

Handler = Callable[[str, bytes, dict[str, str]], object]  # the return value is ignored


class EventBus(Protocol):
    def publish(self, routing_key: str, body: bytes, headers: dict[str, str]) -> None: ...

    def declare(self, queue: str, bindings: list[str]) -> None:
        """Create the queue and its bindings (idempotent): from then on no event is missed."""

    def consume(
        self, queue: str, bindings: list[str], handler: Handler, stop: threading.Event
    ) -> None: ...

    def ping(self) -> bool: ...

    def close(self) -> None: ...


def topic_matches(pattern: str, routing_key: str) -> bool:
    """AMQP topic semantics: `*` is exactly one word, `#` zero or more words."""
    return _match(tuple(pattern.split(".")), tuple(routing_key.split(".")))


@lru_cache(maxsize=1024)
def _match(pattern: tuple[str, ...], words: tuple[str, ...]) -> bool:
    if not pattern:
        return not words
    head, rest = pattern[0], pattern[1:]
    if head == "#":
        return any(_match(rest, words[i:]) for i in range(len(words) + 1))
    if not words:
        return False
    return (head == "*" or head == words[0]) and _match(rest, words[1:])


class RabbitMQBus:
    """Topic exchange on RabbitMQ. One connection per thread: pika is not thread-safe."""

    def __init__(self, url: str, exchange: str):
        self._url = url
        self._exchange = exchange
        self._local = threading.local()

    def _channel(self):  # noqa: ANN202
        channel = getattr(self._local, "channel", None)
        if channel is not None and channel.is_open:
            return channel
        connection = pika.BlockingConnection(pika.URLParameters(self._url))
        channel = connection.channel()
        channel.exchange_declare(self._exchange, exchange_type="topic", durable=True)
        channel.exchange_declare(f"{self._exchange}.dlx", exchange_type="fanout", durable=True)
        self._local.connection, self._local.channel = connection, channel
        return channel

    def publish(self, routing_key: str, body: bytes, headers: dict[str, str]) -> None:
        channel = self._channel()
        if not getattr(self._local, "confirming", False):
            channel.confirm_delivery()
            self._local.confirming = True
        channel.basic_publish(
            exchange=self._exchange,
            routing_key=routing_key,
            body=body,
            properties=pika.BasicProperties(
                content_type="application/x-protobuf",
                delivery_mode=pika.DeliveryMode.Persistent,
                headers=headers,
                message_id=headers.get("event-id"),
            ),
        )  # raises NackError / UnroutableError when the broker did not take it

    def declare(self, queue: str, bindings: list[str]) -> None:
        channel = self._channel()
        channel.queue_declare(f"{queue}.dead", durable=True)
        channel.queue_bind(f"{queue}.dead", f"{self._exchange}.dlx")
        channel.queue_declare(
            queue, durable=True, arguments={"x-dead-letter-exchange": f"{self._exchange}.dlx"}
        )
        for pattern in bindings:
            channel.queue_bind(queue, self._exchange, routing_key=pattern)

    def consume(
        self, queue: str, bindings: list[str], handler: Handler, stop: threading.Event
    ) -> None:
        self.declare(queue, bindings)
        channel = self._channel()
        channel.basic_qos(prefetch_count=16)
        for method, properties, body in channel.consume(queue, inactivity_timeout=0.5):
            if stop.is_set():
                break
            if method is None:
                continue
            headers = {k: str(v) for k, v in (properties.headers or {}).items()}
            try:
                handler(method.routing_key, body, headers)
            except Exception:
                log.exception("event handler failed; message dead-lettered")
                channel.basic_nack(method.delivery_tag, requeue=False)
            else:
                channel.basic_ack(method.delivery_tag)
        channel.cancel()

    def ping(self) -> bool:
        try:
            return self._channel().is_open
        except Exception:
            return False

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None and connection.is_open:
            connection.close()


class EmbeddedBus:
    """A topic exchange in one SQLite file, for running without a broker.

    Bindings are rows; publishing copies the message into every bound queue in one
    transaction; consumers poll their queue and delete a message after handling it.
    """

    def __init__(self, path: Path, poll_seconds: float = 0.05):
        self._path = path
        self._poll = poll_seconds
        with self._connect() as db:
            db.executescript(
                """
                CREATE TABLE IF NOT EXISTS bindings (queue TEXT, pattern TEXT,
                    PRIMARY KEY (queue, pattern));
                CREATE TABLE IF NOT EXISTS messages (seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    queue TEXT NOT NULL, routing_key TEXT NOT NULL, body BLOB NOT NULL,
                    headers TEXT NOT NULL, dead INTEGER NOT NULL DEFAULT 0);
                CREATE INDEX IF NOT EXISTS ix_messages_queue ON messages (queue, dead, seq);
                """
            )

    def _connect(self) -> sqlite3.Connection:
        db = sqlite3.connect(self._path, timeout=30, isolation_level=None)
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA busy_timeout=30000")
        return db

    def publish(self, routing_key: str, body: bytes, headers: dict[str, str]) -> None:
        db = self._connect()
        try:
            db.execute("BEGIN IMMEDIATE")
            queues = [q for q, p in db.execute("SELECT queue, pattern FROM bindings")
                      if topic_matches(p, routing_key)]
            db.executemany(
                "INSERT INTO messages (queue, routing_key, body, headers) VALUES (?, ?, ?, ?)",
                [(q, routing_key, body, json.dumps(headers)) for q in sorted(set(queues))],
            )
            db.execute("COMMIT")
        finally:
            db.close()

    def declare(self, queue: str, bindings: list[str]) -> None:
        db = self._connect()
        try:
            db.executemany(
                "INSERT OR IGNORE INTO bindings (queue, pattern) VALUES (?, ?)",
                [(queue, b) for b in bindings],
            )
        finally:
            db.close()

    def consume(
        self, queue: str, bindings: list[str], handler: Handler, stop: threading.Event
    ) -> None:
        self.declare(queue, bindings)
        db = self._connect()
        try:
            while not stop.is_set():
                row = db.execute(
                    "SELECT seq, routing_key, body, headers FROM messages "
                    "WHERE queue = ? AND dead = 0 ORDER BY seq LIMIT 1",
                    (queue,),
                ).fetchone()
                if row is None:
                    time.sleep(self._poll)
                    continue
                seq, routing_key, body, headers = row
                try:
                    handler(routing_key, body, json.loads(headers))
                except Exception:
                    log.exception("event handler failed; message dead-lettered")
                    db.execute("UPDATE messages SET dead = 1 WHERE seq = ?", (seq,))
                else:
                    db.execute("DELETE FROM messages WHERE seq = ?", (seq,))
        finally:
            db.close()

    def ping(self) -> bool:
        return self._path.parent.exists()

    def close(self) -> None:
        pass


def bus_from_settings(settings: Settings) -> EventBus:
    if settings.amqp_url:
        return RabbitMQBus(settings.amqp_url, settings.events_exchange)
    return EmbeddedBus(settings.embedded_bus_path)
