"""Channels to other services: traced, with the request context forwarded and a deadline."""

from __future__ import annotations

import threading
from collections.abc import Callable

import grpc

from clientarea_shared.config import Settings
from clientarea_shared.grpc_interceptors import ClientInterceptor

_CHANNEL_OPTIONS = [
    ("grpc.keepalive_time_ms", 30_000),
    # Answers may carry a file (crm's attachments and client files), above gRPC's 4 MiB default.
    ("grpc.max_receive_message_length", 16 * 1024 * 1024),
]


def make_channel(target: str, service: str, token_provider: Callable[[], str] | None = None) -> grpc.Channel:
    # One interceptor layer: ours also carries the trace context and, when traces are exported,
    # the client span (OpenTelemetry's own interceptor was a second wrapper on every call).
    return grpc.intercept_channel(grpc.insecure_channel(target, options=_CHANNEL_OPTIONS),
                                  ClientInterceptor(service, token_provider))


class Channels:
    """One long-lived channel per called service (gRPC channels multiplex and are thread-safe)."""

    def __init__(self, settings: Settings, token_provider: Callable[[], str] | None = None):
        self._settings = settings
        self._token_provider = token_provider
        self._channels: dict[str, grpc.Channel] = {}
        self._lock = threading.Lock()

    def get(self, service: str) -> grpc.Channel:
        with self._lock:
            if service not in self._channels:
                self._channels[service] = make_channel(
                    self._settings.address_of(service), service, self._token_provider
                )
            return self._channels[service]

    def close(self) -> None:
        with self._lock:
            for channel in self._channels.values():
                channel.close()
            self._channels.clear()
