"""The firm's authentication audit trail, for its staff admins."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from clientarea.common.v1 import common_pb2
from clientarea.identity.v1 import identity_pb2
from gateway.api import operation
from gateway.services import call, services


class AuditQuery(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user_id: str = Field(default="", max_length=36)
    action: str = Field(default="", max_length=50, description="e.g. login, lockout, password_reset")
    outcome: str = Field(default="", max_length=20, description="e.g. success, failure, throttled")
    since: str = Field(default="", max_length=40, description="ISO 8601 with zone, inclusive")
    until: str = Field(default="", max_length=40, description="ISO 8601 with zone, exclusive")
    cursor: str = Field(default="", max_length=200)
    limit: int = Field(default=50, ge=1, le=200)


class AuditEventOut(BaseModel):
    id: str
    user_id: str | None
    action: str
    outcome: str
    source_address: str
    user_agent: str
    created_at: str
    detail: dict[str, str]


class AuditPage(BaseModel):
    items: list[AuditEventOut]
    next_cursor: str | None


@operation("/audit-events", "GET", summary="The firm's authentication audit trail (admins), newest first",
           tag="audit", query=AuditQuery, response=AuditPage)
def list_audit_events(query: AuditQuery):  # noqa: ANN201
    answer = call(services().identity.ListAuditEvents, identity_pb2.ListAuditEventsRequest(
        page=common_pb2.PageRequest(cursor=query.cursor, limit=query.limit), user_id=query.user_id,
        action=query.action, outcome=query.outcome, since=query.since, until=query.until))
    return AuditPage(
        items=[AuditEventOut(id=e.id, user_id=e.user_id or None, action=e.action, outcome=e.outcome,
                             source_address=e.source_address, user_agent=e.user_agent, created_at=e.created_at,
                             detail=dict(e.detail)) for e in answer.items],
        next_cursor=answer.page.next_cursor or None)
