"""Colleagues named in crm's records (a client's salesperson, a task's assignee) are staff users
of the caller's firm: identity's staff directory says who they are, with the caller's token."""

from __future__ import annotations

import grpc

from clientarea.identity.v1 import identity_pb2, identity_pb2_grpc
from clientarea_shared.errors import Invalid, from_rpc_error
from clientarea_shared.runtime import Runtime


def active_colleague(runtime: Runtime, user_id: str, field_name: str) -> identity_pb2.StaffDirectoryEntry:
    """The active staff user `user_id` of the caller's firm, or Invalid on `field_name` (a
    customer's id, another firm's user, a disabled colleague and a made-up id alike)."""
    identity = identity_pb2_grpc.IdentityServiceStub(runtime.channels.get("identity"))
    try:
        found = identity.ListStaffDirectory(identity_pb2.ListStaffDirectoryRequest(ids=[user_id]))
    except grpc.RpcError as exc:
        raise from_rpc_error(exc) from exc
    entry = next((e for e in found.items if e.id == user_id and e.active), None)
    if entry is None:
        raise Invalid.field(field_name, "unknown", "Choose an active staff user of the firm")
    return entry
