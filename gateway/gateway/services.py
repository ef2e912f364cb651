"""The gateway's gRPC stubs for every service, and parallel fan-out with the request context."""

from __future__ import annotations

import contextvars
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import grpc
from flask import current_app

from clientarea.crm.v1 import crm_pb2_grpc
from clientarea.identity.v1 import identity_pb2_grpc
from clientarea_shared.errors import DomainError, from_rpc_error
from clientarea_shared.grpc_client import Channels

_pool = ThreadPoolExecutor(max_workers=32, thread_name_prefix="fanout")


class Services:
    def __init__(self, channels: Channels):
        self.channels = channels

    @property
    def identity(self) -> identity_pb2_grpc.IdentityServiceStub:
        return identity_pb2_grpc.IdentityServiceStub(self.channels.get("identity"))

    @property
    def crm(self) -> crm_pb2_grpc.CrmServiceStub:
        return crm_pb2_grpc.CrmServiceStub(self.channels.get("crm"))


def services() -> Services:
    return current_app.extensions["clientarea.services"]


def call(fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
    """A gRPC call whose failure becomes the domain error the service reported."""
    try:
        return fn(*args, **kwargs)
    except grpc.RpcError as exc:
        raise from_rpc_error(exc) from exc


def gather(*calls: Callable[[], Any]) -> list[Any | DomainError]:
    """Run calls in parallel, each in a copy of the current context (token, trace, locale).
    A failed call yields its DomainError in place of a result, so a page can degrade."""

    def run(fn: Callable[[], Any]) -> Any:
        try:
            return call(fn)
        except DomainError as error:
            return error

    futures = [_pool.submit(contextvars.copy_context().run, run, fn) for fn in calls]
    return [f.result() for f in futures]
