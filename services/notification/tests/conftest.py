"""Fixtures of notification's tests (the platform, mailbox, tokens and the Celery worker come
from the shared test-support plugin)."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


@pytest.fixture()
def worker(notification_worker):
    """notification's real Celery worker, consuming from the test run's RabbitMQ vhost."""
    return notification_worker


# --- campaigns ---
# A tiny SMS / voice provider: a real HTTP server in this process that keeps every request it
# receives and answers the statuses it is told to (202 once the script runs out).


@dataclass(frozen=True)
class Received:
    path: str
    authorization: str
    payload: dict


class FakeProvider:
    def __init__(self, statuses: list[int] | None = None) -> None:
        self.received: list[Received] = []
        self.statuses = list(statuses or [])
        lock = threading.Lock()
        provider = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_POST(self) -> None:  # noqa: N802
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with lock:
                    provider.received.append(Received(self.path, self.headers.get("Authorization", ""),
                                                      json.loads(body)))
                    status = provider.statuses.pop(0) if provider.statuses else 202
                answer = json.dumps({"status": "accepted" if status < 300 else "error"}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(answer)))
                self.end_headers()
                self.wfile.write(answer)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def __enter__(self) -> FakeProvider:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture()
def fake_provider() -> Iterator[Callable[..., FakeProvider]]:
    """Start a FakeProvider: `fake_provider(statuses=[503])`; stopped after the test."""
    started: list[FakeProvider] = []

    def start(statuses: list[int] | None = None) -> FakeProvider:
        provider = FakeProvider(statuses).__enter__()
        started.append(provider)
        return provider

    yield start
    for provider in started:
        provider.__exit__()
# --- end campaigns ---
